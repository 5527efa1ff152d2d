-- report.lua: the first look at a corpus that `make run` prints: what the corpus holds, how
-- often the main actors and institutions are named in each document, and where the word
-- "resolution" occurs, in context. Boilerplate lines (web page chrome) are left out.
--
--   lector run scripts/report.lua [--corpus DIR]

local terms = {
  { "Iraq",              { "Iraq", "Iraqi", "Baghdad" } },
  { "Russia",            { "Russia", "Russian", "Moscow", "Kremlin", "Soviet Union", "USSR" } },
  { "United States",     { "United States", "U.S.", "America", "American", "Washington" } },
  { "United Nations",    { "United Nations", "U.N.", "UN" } },
  { "Security Council",  { "Security Council" } },
  { "resolution(s)",     { "resolution", "resolutions" } },
}

local no_chrome = { boilerplate = false }

-- How often any of the words occurs in document d (case matters for the short "UN"/"US"
-- forms, which are also ordinary words in lower case).
local function mentions(d, words)
  local n = 0
  for _, w in ipairs(words) do
    local opts = { boilerplate = false, docs = d, case = #w <= 3 and w:upper() == w or nil }
    n = n + corpus:count(w, opts)
  end
  return n
end

local info = corpus:info()
print(string.format("%s: %d documents, %d tokens, %d distinct forms, %d sentences",
  info.root, info.documents, info.tokens, info.types, info.sentences))
print()

-- Documents, oldest first.
local docs = {}
for d in corpus:docs() do docs[#docs + 1] = d end
table.sort(docs, function(a, b) return (a.date or "") < (b.date or "") end)

local header = { string.format("%-10s  %-44s", "date", "title") }
for _, t in ipairs(terms) do header[#header + 1] = string.format("%8s", t[1]:sub(1, 8)) end
print(table.concat(header, " "))
for _, d in ipairs(docs) do
  local title = d.title or d.name
  if utf8.len(title) and utf8.len(title) > 44 then
    title = title:sub(1, utf8.offset(title, 43) - 1) .. "…"
  end
  -- padded by characters, not bytes, so titles with curly quotes line up
  local pad = string.rep(" ", 44 - (utf8.len(title) or #title))
  local row = { string.format("%-10s  %s%s", d.date or "-", title, pad) }
  for _, t in ipairs(terms) do row[#row + 1] = string.format("%8d", mentions(d, t[2])) end
  print(table.concat(row, " "))
end
print()

local hits = corpus:hits("resolution", no_chrome)
print(string.format('"resolution" occurs %d times; in context:', #hits))
for i, line in ipairs(hits:kwic{ width = 7, chars = 45 }) do
  print(string.format("  %-28s %s", hits[i].doc.name:sub(1, 28), line))
end
