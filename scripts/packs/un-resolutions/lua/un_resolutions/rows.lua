-- un_resolutions/rows.lua: the finder run over a lector corpus, document by document and sentence by
-- sentence (the corpus's own segmentation), with one scanner per document so that anaphora ("the
-- resolution") keep their antecedent. Rows carry their evidence: the file name, the document's
-- date, byte offsets in the document's text and the sentence.
local M = {}

M.COLUMNS = { "file", "date", "start", "end", "matched", "is_reference", "body", "body_source", "status", "verb",
  "number", "specificity", "sentence" }

-- the rows of one document d, in text order
function M.document(d, finder)
  local scan = finder.scanner { context = d:text() }
  local out, index = {}, 0
  for s in d:sentences() do
    local text = s:text()
    index = index + 1
    for _, r in ipairs(scan:sentence(text, s.byte_start, index)) do
      r.file, r.date, r["end"], r.sentence = d.name, d.date or "", r.stop, (text:gsub("%s+", " "))
      out[#out + 1] = r
    end
  end
  return out
end

-- the rows of the corpus C, in file order
function M.corpus(C, finder)
  local out = {}
  for d in C:docs() do
    for _, r in ipairs(M.document(d, finder)) do out[#out + 1] = r end
  end
  return out
end

-- a row as a TSV line (tabs and line breaks inside a field become spaces)
function M.tsv(r)
  local f = {}
  for i, c in ipairs(M.COLUMNS) do f[i] = tostring(r[c] == nil and "" or r[c]):gsub("[\t\r\n]", " ") end
  return table.concat(f, "\t")
end

return M
