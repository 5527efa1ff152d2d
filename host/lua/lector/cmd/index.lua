-- lector index [DIR] [--rebuild] [--verify] [--annotate] [--threads N]: builds the on-disk index
-- of a corpus, or brings it up to date (only files that changed are read again), and says what it
-- did in one line on stdout. --annotate (or `lector annotate`) adds lemma, pos and xpos from the
-- built-in tagger; a corpus annotated once stays so. The options reach the open through the host (host/cli/main.c), and
-- host/cli/progress.c draws the progress bar on a terminal; this module checks the arguments and
-- reports.
-- Exit status: 0; 2 for a usage error; 1 when the corpus cannot be opened.
local USAGE = "usage: lector index [DIR] [--rebuild] [--verify] [--annotate] [--threads N]"

local function die(code, msg)
  io.stderr:write("lector: index: ", msg, "\n")
  return code
end

local function mb(n) return string.format("%.1f MB", n / 1e6) end

return function(corpus, args)
  local i, dir = 1, nil
  while i <= #args do
    local a = args[i]
    if a == "--threads" or a == "--corpus" then
      if not args[i + 1] then return die(2, a .. " needs a value\n" .. USAGE) end
      if a == "--threads" and not math.tointeger(tonumber(args[i + 1])) then
        return die(2, "--threads needs a whole number, not '" .. args[i + 1] .. "'")
      end
      i = i + 1
    elseif a == "--rebuild" or a == "--verify" or a == "--annotate" then -- luacheck: ignore 542
    elseif a:sub(1, 1) == "-" then
      return die(2, "unknown option '" .. a .. "'\n" .. USAGE)
    elseif dir then
      return die(2, "one corpus at a time ('" .. dir .. "' and '" .. a .. "')\n" .. USAGE)
    else
      dir = a
    end
    i = i + 1
  end
  local ok, info = pcall(corpus.info, corpus)
  if not ok then return die(1, tostring(info)) end
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
  local attrs = corpus:attributes().positional
  local annotated = #attrs > 1 and ", with " .. table.concat(attrs, " ", 2) or ""
  io.stdout:write(string.format("%s: %d files, %d documents, %d tokens%s, %s of text; index %s (%.2fx), %s\n",
    what, info.files, info.documents, info.tokens, annotated, mb(text), mb(index), text > 0 and index / text or 0, where))
  return 0
end
