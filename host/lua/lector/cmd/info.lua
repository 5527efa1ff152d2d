-- lector info: what a corpus holds: its documents with title and date, its size in tokens and
-- distinct forms, its attributes (lemma, pos ...) and imported elements, and its index.
return function(corpus, args)
  local info = corpus:info()
  local out = io.stdout
  out:write(string.format("corpus %s: %d documents, %d tokens, %d distinct forms, %d sentences\n",
    info.root, info.documents, info.tokens, info.types, info.sentences))
  for d in corpus:docs() do
    out:write(string.format("%5d  %-10s  %7d tokens  %s  %s\n", d.id, d.date or "-", d.tokens, d.name,
      d.title and ("\"" .. d.title .. "\"") or ""))
  end
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
    out:write(string.format("%d warning(s) while loading, on stderr: files skipped or decoded as Windows-1252\n",
      info.warnings))
  end
  return 0
end
