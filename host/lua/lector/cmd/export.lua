-- lector export [DIR] --format vrt|conllu [--output FILE]: the corpus with all its attributes
-- (lemma, pos, xpos, imported columns) and regions, as CWB's vertical text or as CoNLL-U, on
-- stdout or into FILE, so that lector's annotation goes to CWB or anywhere else; an import of the
-- export gives the same corpus. The host (host/cli/main.c) opens DIR; C:export does the work.
-- Exit status: 0; 2 for a usage error; 1 when the corpus or the output cannot be opened.
local USAGE = "usage: lector export [DIR] --format vrt|conllu [--output FILE] [--rebuild] [--threads N]"

local function die(code, msg)
  io.stderr:write("lector: export: ", msg, "\n")
  return code
end

return function(corpus, args)
  local format, output, dir
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--format" or a == "--output" or a == "--threads" or a == "--corpus" then
      if not args[i + 1] then return die(2, a .. " needs a value\n" .. USAGE) end
      if a == "--format" then format = args[i + 1] elseif a == "--output" then output = args[i + 1] end
      i = i + 1
    elseif a == "--rebuild" or a == "--verify" then -- luacheck: ignore 542
    elseif a:sub(1, 1) == "-" then
      return die(2, "unknown option '" .. a .. "'\n" .. USAGE)
    elseif dir then
      return die(2, "one corpus at a time ('" .. dir .. "' and '" .. a .. "')\n" .. USAGE)
    else
      dir = a
    end
    i = i + 1
  end
  if format ~= "vrt" and format ~= "conllu" then
    return die(2, (format and ("unknown format '" .. format .. "'") or "no --format given") ..
      ": use vrt or conllu\n" .. USAGE)
  end
  local ok, err = pcall(corpus.info, corpus)
  if not ok then return die(1, tostring(err)) end
  local out = io.stdout
  if output then
    local f, msg = io.open(output, "w")
    if not f then return die(1, msg) end
    out = f
  end
  ok, err = pcall(corpus.export, corpus, format, function(s) assert(out:write(s)) end)
  if output then out:close() end
  if not ok then return die(1, tostring(err)) end
  return 0
end
