-- lector pack run un-resolutions:find [--references]: one TSV row per occurrence of "resolution(s)"
-- (and per related instrument without the word) in the corpus, with a header line. Columns: file,
-- date, start, end (byte offsets in the document's text, end excluded), matched, is_reference, body,
-- body_source, status, verb, number, specificity, sentence. --references keeps the rows whose is_reference is "yes".
local finder = require "un_resolutions.finder"
local rows = require "un_resolutions.rows"

local only_refs = false
for _, a in ipairs { ... } do
  if a == "--references" then only_refs = true
  else io.stderr:write("un-resolutions:find: unknown argument ", a, " (use --references)\n") return 2 end
end

print(table.concat(rows.COLUMNS, "\t"))
for _, r in ipairs(rows.corpus(corpus, finder)) do
  if not only_refs or r.is_reference == "yes" then print(rows.tsv(r)) end
end
