-- lector export [DIR] --format vrt|conllu [--output FILE]: the corpus with all its attributes
-- (lemma, pos, xpos, imported columns) and regions, as CWB's vertical text or as CoNLL-U, on
-- stdout or into FILE, so that lector's annotation goes to CWB or anywhere else; an import of the
-- export gives the same corpus. The host (host/cli/main.c) opens DIR; C:export does the work.
-- Exit status: 0; 2 for a usage error; 1 when the corpus or the output cannot be opened.
local args = require "lector.cmd.args"

local USAGE = "usage: lector export [DIR] --format vrt|conllu [--output FILE] [--rebuild] [--threads N]"

local function die(code, msg)
  io.stderr:write("lector: export: ", msg, "\n")
  return code
end

local SPEC = {
  flags = { ["--rebuild"] = true, ["--verify"] = true },
  values = { ["--format"] = args.any, ["--output"] = args.any, ["--threads"] = args.whole("--threads"),
             ["--corpus"] = args.any },
}

return function(corpus, argv)
  local opts, msg = args.parse(argv, SPEC)
  if not opts then return die(2, msg .. "\n" .. USAGE) end
  local format, output = opts["--format"], opts["--output"]
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
