-- lector index [DIR] [--rebuild] [--verify] [--annotate] [--threads N]: builds the on-disk index
-- of a corpus, or brings it up to date (only files that changed are read again), and says what it
-- did in one line on stdout. --annotate (or `lector annotate`) adds lemma, pos and xpos from the
-- built-in tagger; a corpus annotated once stays so, until --no-annotate drops them. The options reach the open through the host (host/cli/main.c), and
-- host/cli/progress.c draws the progress bar on a terminal; this module checks the arguments and
-- reports.
-- The files not read are counted by reason in a last line ("3 files skipped: 1 binary, 2 unknown
-- type; --verbose lists them"); --verbose names each one there (and in its warning).
-- Exit status: 0; 2 for a usage error; 1 when the corpus cannot be opened or holds no document.
local args = require "lector.cmd.args"


local function mb(n) return string.format("%.1f MB", n / 1e6) end

-- The reasons a file is not read, in the order the summary counts them (lector.h, lector_skipped).
local REASONS = { "binary", "unknown type", "encrypted", "damaged", "no text", "empty", "not UTF-8", "too large",
  "unreadable", "no PDF reader" }

-- "3 files skipped: 1 binary, 2 unknown type; --verbose lists them", and with verbose a line per file.
local function say_skipped(info, root, verbose)
  local skipped = info.skipped or {}
  if #skipped == 0 then return end
  local count, parts = {}, {}
  for _, s in ipairs(skipped) do count[s.reason] = (count[s.reason] or 0) + 1 end
  for _, r in ipairs(REASONS) do
    if count[r] then parts[#parts + 1] = count[r] .. " " .. r; count[r] = nil end
  end
  for r, n in pairs(count) do parts[#parts + 1] = n .. " " .. r end
  io.stdout:write(string.format("%d file%s skipped: %s%s\n", #skipped, #skipped == 1 and "" or "s",
    table.concat(parts, ", "), verbose and "" or "; --verbose lists them"))
  if verbose then
    for _, s in ipairs(skipped) do   -- a corpus of one file names the file itself
      io.stdout:write("  ", s.file == root and root or root .. "/" .. s.file, ": ", s.reason, "\n")
    end
  end
end

local SPEC = {
  name = "index", positional = { "DIR" },
  summary = "Builds the on-disk index of the corpus DIR, or brings it up to date.",
  flags = { ["--rebuild"] = true, ["--verify"] = true, ["--annotate"] = true, ["--no-annotate"] = true,
    ["--verbose"] = true },
  values = { ["--threads"] = args.whole("--threads"), ["--attributes"] = args.any,
    ["--text-field"] = args.any, ["--text-column"] = args.any, ["--name-fields"] = args.any, ["--name-sep"] = args.any,
    ["--name-pattern"] = args.any },
  -- the flags as lector.open's options, for the host's open (host/cli/main.c)
  open_options = function(o)
    local annotate
    if o["--annotate"] then annotate = true elseif o["--no-annotate"] then annotate = false end
    return { rebuild = o["--rebuild"], verify = o["--verify"], annotate = annotate,
      threads = o["--threads"] and math.tointeger(tonumber(o["--threads"])), attributes = o["--attributes"],
      text_field = o["--text-field"] or o["--text-column"], verbose = o["--verbose"], name_fields = o["--name-fields"], name_sep = o["--name-sep"],
      name_pattern = o["--name-pattern"] }
  end,
  help = {
    ["--rebuild"] = "read every file again, not only those that changed",
    ["--verify"] = "check the stored index against the files",
    ["--annotate"] = "add lemma, pos and xpos from the built-in English tagger",
    ["--no-annotate"] = "drop the tagger's attributes",
    ["--threads"] = "N  threads for building (default: all cores)",
    ["--attributes"] = "A,B,..  the columns of .vrt files without a positional-attributes comment",
    ["--text-field"] = "NAME  the field of .json/.jsonl documents, or the column of .csv/.tsv tables, that is their text",
    ["--text-column"] = "NAME  the same as --text-field",
    ["--verbose"] = "name every file not read, with the reason, after the last line",
    ["--name-fields"] = "F,G,..  metadata from the parts of the file names",
    ["--name-sep"] = "CHARS  the characters --name-fields splits file names at (default _-)",
    ["--name-pattern"] = "P  metadata from the file names by a pattern: '{country}_{session}_{year}'",
  },
}

return args.command(SPEC, function(corpus, opts)
  local ok, info = pcall(corpus.info, corpus)
  if not ok then return args.fail(SPEC, 1, tostring(info)) end
  local text, index = info.text_bytes, info.index_bytes
  local what
  if info.from_store then
    what = string.format("index of %s is up to date (opened in %.3f s)", info.root, info.open_seconds)
  else
    what = string.format("indexed %s in %.2f s (%.0f MB/s)", info.root, info.open_seconds,
      text / 1e6 / math.max(info.open_seconds, 1e-6))
  end
  local where = info.store and ("in " .. info.store)
    or ("in memory only: " .. (info.store_error or "the store is off"))
  if info.documents == 0 then
    io.stdout:write(string.format("%s: %d files, 0 documents\n", what, info.files))
    say_skipped(info, info.root, opts["--verbose"])
    return args.fail(SPEC, 1, "no document was read in " .. tostring(info.root) .. " (the warnings above say why)")
  end
  local attrs = corpus:attributes().positional
  local annotated = #attrs > 1 and ", with " .. table.concat(attrs, " ", 2) or ""
  io.stdout:write(string.format("%s: %d files, %d documents, %d tokens%s, %s of text; index %s (%.2fx), %s\n",
    what, info.files, info.documents, info.tokens, annotated, mb(text), mb(index), text > 0 and index / text or 0, where))
  say_skipped(info, info.root, opts["--verbose"])
  return 0
end)
