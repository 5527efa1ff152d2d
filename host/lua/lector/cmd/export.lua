-- lector export [DIR] --format vrt|conllu [--output FILE]: the corpus with all its attributes
-- (lemma, pos, xpos, imported columns) and regions, as CWB's vertical text or as CoNLL-U, on
-- stdout or into FILE, so that lector's annotation goes to CWB or anywhere else; an import of the
-- export gives the same corpus. The host (host/cli/main.c) opens DIR; C:export does the work.
-- Exit status: 0; 2 for a usage error; 1 when the corpus or the output cannot be opened.
local args = require "lector.cmd.args"


local SPEC = {
  name = "export", positional = { "DIR" },
  summary = "The corpus with its attributes and regions as CWB's vertical text (vrt) or CoNLL-U.",
  flags = { ["--rebuild"] = true, ["--verify"] = true },
  values = { ["--format"] = args.choice("--format", "vrt", "conllu"), ["--output"] = args.any,
             ["--threads"] = args.whole("--threads") },
  open_options = function(o)
    return { rebuild = o["--rebuild"], verify = o["--verify"], threads = o["--threads"] and math.tointeger(tonumber(o["--threads"])) }
  end,
  help = {
    ["--format"] = "vrt|conllu  the format (required)",
    ["--output"] = "FILE  write into FILE instead of stdout",
    ["--rebuild"] = "index the corpus again first",
    ["--verify"] = "check the stored index against the files first",
    ["--threads"] = "N  threads for building the index",
  },
}

return args.command(SPEC, function(corpus, opts)
  local format, output = opts["--format"], opts["--output"]
  if not format then return args.usage_error(SPEC, "no --format given: use vrt or conllu") end
  local ok, err = pcall(corpus.info, corpus)
  if not ok then return args.fail(SPEC, 1, tostring(err)) end
  local out = io.stdout
  if output then
    local f, msg = io.open(output, "w")
    if not f then return args.fail(SPEC, 1, msg) end
    out = f
  end
  ok, err = pcall(corpus.export, corpus, format, function(s) assert(out:write(s)) end)
  if output then out:close() end
  if not ok then return args.fail(SPEC, 1, tostring(err)) end
  return 0
end)
