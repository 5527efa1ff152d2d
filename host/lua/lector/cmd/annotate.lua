-- lector annotate [DIR] [--rebuild] [--verify] [--threads N]: `lector index --annotate`. The host
-- (host/cli/main.c) opens the corpus with the built-in tagger on; this is the index command's
-- report, with the index command's options.
local args = require "lector.cmd.args"
local index = require "lector.cmd.index"

local SPEC = setmetatable({ name = "annotate",
  summary = "The same as lector index --annotate: lemma, pos and xpos from the built-in English tagger.",
  open_options = function(o)
    local opts = index.spec.open_options(o)
    if opts.annotate == nil then opts.annotate = true end
    return opts
  end },
  { __index = index.spec })

return args.command(SPEC, index.body)
