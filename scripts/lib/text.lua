-- text.lua: what the scripts need from a corpus beyond the API: documents in date order, and the
-- sentences (or paragraphs) of a document with their text, leaving boilerplate lines (web page
-- chrome, as the host marks them) out unless asked.
local lpeg = require "lpeg"
local M = {}

-- words of a string with their places: { {from, text, to} } (Lua positions, to exclusive).
-- Abbreviations keep their dots (U.N., Mr.), clitics stay on the word (Russia's), dashes and
-- quotes are tokens of their own.
do
  local R, S, P, C, Cp, Ct = lpeg.R, lpeg.S, lpeg.P, lpeg.C, lpeg.Cp, lpeg.Ct
  local cont = R"\128\191"
  local u8 = R"\194\223" * cont + R"\224\239" * cont * cont + R"\240\244" * cont * cont * cont
  local upunct = P"\226\128" * cont               -- general punctuation: quotes, dashes
  local letter = R("az", "AZ", "09") + (u8 - upunct)
  local ap = P"'" + P"\226\128\153"
  local abbr = (R("AZ", "az") * P".")^2 + (P"Mr" + P"Mrs" + P"Ms" + P"Dr" + P"St" + P"Sept" + P"Gen") * P"."
  local word = abbr + letter^1 * ((S"-." + ap) * letter^1)^0
  local tok = Ct(Cp() * C(word + upunct + u8 + (1 - S" \t\r\n")) * Cp())
  local words = Ct((S" \t\r\n"^0 * tok)^0)
  function M.words(s) return words:match(s) end
end

-- the documents, oldest first (undated last, then in corpus order). Sorted as the strings
-- "date NUL id" in their own order, which compares in C: 200,000 documents in a fraction of the
-- time a comparison function in Lua takes
function M.docs(C)
  local keys, of_key = {}, {}
  for d in C:docs() do
    local key = string.format("%s\0%010d", d.date or "~", d.id)
    keys[#keys + 1], of_key[key] = key, d
  end
  table.sort(keys)
  local docs = {}
  for i, key in ipairs(keys) do docs[i] = of_key[key] end
  return docs
end

-- the boilerplate lines of document d as token ranges { {start, stop}, ... } (most documents have
-- none), remembered per corpus and document
local boiler_lines = setmetatable({}, { __mode = "k" })
local function lines_of(C, d)
  local per = boiler_lines[C]
  if not per then per = {}; boiler_lines[C] = per end
  local lines = per[d.id]
  if not lines then
    lines = {}
    for b in d:boilerplate() do lines[#lines + 1] = { b.start, b.stop } end
    per[d.id] = lines
  end
  return lines
end

-- the hits of a phrase in the whole corpus, as lists of starts and stops: boilerplate lines say
-- the same few phrases in many documents, so they are remembered (for the last MEMO phrases or so)
local MEMO = 20000
local phrases = setmetatable({}, { __mode = "k" })
local function phrase_hits(C, phrase)
  local per = phrases[C]
  if not per or per.n >= MEMO then per = { n = 0, hits = {} }; phrases[C] = per end
  local h = per.hits[phrase]
  if not h then
    local starts, stops = C:hits(phrase):spans()
    h = { starts, stops }
    per.hits[phrase], per.n = h, per.n + 1
  end
  return h[1], h[2]
end

-- whether span s (its text phrase; read from the span when not given) of d is boilerplate: the
-- host leaves such words out of hits when asked (boilerplate = false), so a span is boilerplate
-- when its words are found only then. That option leaves out exactly the hits that touch a
-- boilerplate line, so one search is enough: the phrase's hits at the span's start, all touching one
function M.is_boilerplate(C, d, s, phrase)
  -- boilerplate is short lines of web page chrome: long sentences are not looked up
  if not (s.stop >= s.start and s.stop - s.start < 24) then return false end
  -- no hit can touch a line where none ends at or after the span's start
  local lines = lines_of(C, d)
  if #lines == 0 or lines[#lines][2] < s.start then return false end
  phrase = phrase or s:text()
  local starts, stops = phrase_hits(C, phrase)
  -- the first hit at or after the span's start (the hits are in corpus order)
  local lo, hi = 1, #starts + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if starts[mid] < s.start then lo = mid + 1 else hi = mid end
  end
  local found = false
  for i = lo, #starts do
    if starts[i] ~= s.start then break end
    local touches = false
    for _, l in ipairs(lines) do
      if l[1] <= stops[i] and l[2] >= starts[i] then touches = true break end
    end
    if not touches then return false end         -- a hit that boilerplate = false keeps
    found = true
  end
  return found
end

local function boiler_set(C, d, spans, texts)
  local set = {}
  for i, s in ipairs(spans) do
    if M.is_boilerplate(C, d, s, texts[i]) then set[s.start] = true end
  end
  return set
end

-- the sentences of d: list of { text =, byte_start =, byte_end =, start =, stop = }. byte_start is
-- the offset in the file; offsets inside text add to it exactly in UTF-8 files with LF line ends
-- (a file decoded from Windows-1252 or with CR LF has its text re-encoded).
-- the lists of the last KEEP documents asked for are remembered per corpus (weakly: a closed,
-- collected corpus takes them with it), for a script that asks for the same document's sentences
-- again; past that the memory starts again, so that a pass over a gigabyte of text does not keep it
local KEEP = 64
local cache = setmetatable({}, { __mode = "k" })

function M.sentences(d, keep_boilerplate, kind)
  local C = d.corpus
  local key = d.name .. "\0" .. tostring(keep_boilerplate) .. "\0" .. (kind or "sentences")
  local per = cache[C]
  if per and per.lists[key] then return per.lists[key] end
  local out = M.read_spans(d, keep_boilerplate, kind)
  if C then
    if not per or per.n >= KEEP then per = { n = 0, lists = {} }; cache[C] = per end
    per.lists[key], per.n = out, per.n + 1
  end
  return out
end

function M.read_spans(d, keep_boilerplate, kind)
  local spans, starts, stops = {}, {}, {}
  local iter = kind == "turns" and d:turns() or kind == "paragraphs" and d:paragraphs() or d:sentences()
  local n = 0
  for s in iter do
    n = n + 1
    spans[n], starts[n], stops[n] = s, s.start, s.stop
  end
  local texts = d.corpus:texts(starts, stops)     -- all of them in one call
  local boiler = keep_boilerplate and {} or boiler_set(d.corpus, d, spans, texts)
  local out = {}
  for i, s in ipairs(spans) do
    if not boiler[s.start] then
      out[#out + 1] = { text = texts[i], byte_start = s.byte_start,
        byte_end = s.byte_end, start = s.start, stop = s.stop, speaker = s.speaker }
    end
  end
  return out
end

return M
