-- lector annotate [DIR] [--rebuild] [--verify] [--threads N]: `lector index --annotate`. The host
-- (host/cli/main.c) opens the corpus with the built-in tagger on; this is the index command's
-- report.
local index = require "lector.cmd.index"

return function(corpus, args)
  return index(corpus, args)
end
