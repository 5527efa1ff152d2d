-- lector info [DIR]: what a corpus holds: its documents with title and date, its size in tokens and
-- distinct forms, its metadata fields (how many documents have each, and a few of their values), the
-- dates it spans and the documents without one, its attributes (lemma, pos ...) and imported
-- elements, and its index.
local args = require "lector.cmd.args"

local SPEC = { name = "info", positional = { "DIR" },
  summary = "What the corpus DIR holds: documents, titles, dates, tokens, forms, metadata fields, index." }

-- "field: N of M documents (v1, v2, v3, ...)" for each metadata field
local function metadata(corpus, out, ndocs)
  local count, values, order = {}, {}, {}
  local first, last, undated = nil, nil, 0
  for d in corpus:docs() do
    for k, v in pairs(d.meta or {}) do
      if not count[k] then count[k], values[k] = 0, {}; order[#order + 1] = k end
      count[k] = count[k] + 1
      values[k][v] = (values[k][v] or 0) + 1
    end
    if d.date and d.date ~= "" then
      if not first or d.date < first then first = d.date end
      if not last or d.date > last then last = d.date end
    else
      undated = undated + 1
    end
  end
  table.sort(order)
  if #order == 0 then return end
  out:write("metadata fields:\n")
  for _, k in ipairs(order) do
    local vs = {}
    for v in pairs(values[k]) do vs[#vs + 1] = v end
    table.sort(vs, function(a, b)
      if values[k][a] ~= values[k][b] then return values[k][a] > values[k][b] end
      return a < b
    end)
    local shown = {}
    for i = 1, math.min(3, #vs) do
      local v = vs[i]:gsub("%s+", " ")
      shown[i] = #v > 30 and (v:sub(1, 27) .. "...") or v
    end
    out:write(string.format("  %-16s %d of %d documents (%d value%s: %s%s)\n", k, count[k], ndocs, #vs,
      #vs == 1 and "" or "s", table.concat(shown, ", "), #vs > 3 and ", ..." or ""))
  end
  if first then
    out:write(string.format("dates: %s to %s; %d document%s without a date\n", first, last, undated,
      undated == 1 and "" or "s"))
  end
end

return args.command(SPEC, function(corpus)
  local info = corpus:info()
  local out = io.stdout
  out:write(string.format("corpus %s: %d documents, %d tokens, %d distinct forms, %d sentences\n",
    info.root, info.documents, info.tokens, info.types, info.sentences))
  for d in corpus:docs() do
    out:write(string.format("%5d  %-10s  %7d tokens  %s  %s\n", d.id, d.date or "-", d.tokens, d.name,
      d.title and ("\"" .. d.title .. "\"") or ""))
  end
  metadata(corpus, out, info.documents)
  local attrs = corpus:attributes()
  if #attrs.positional > 1 or next(attrs.structural) then
    local elements = {}
    for name in pairs(attrs.structural) do elements[#elements + 1] = "<" .. name .. ">" end
    table.sort(elements)
    out:write("attributes: ", table.concat(attrs.positional, " "),
      attrs.annotated and " (lector's English tagger)" or "",
      #elements > 0 and ("; elements " .. table.concat(elements, " ")) or "", "\n")
  end
  out:write(string.format("index: %.1f MB for %.1f MB of text, built in %.3f s%s\n",
    info.index_bytes / 1e6, info.text_bytes / 1e6, info.build_seconds,
    info.store and (", stored in " .. info.store) or " (in memory)"))
  if info.warnings > 0 then
    out:write(string.format("%d warning%s while loading, on stderr: what was skipped or read otherwise, and why\n",
      info.warnings, info.warnings == 1 and "" or "s"))
  end
  return 0
end)
