-- bench/lpeg_scan.lua: the "no index, plain Lua" peer of `make bench`. Stock lua5.4 with Debian's
-- lua-lpeg reads every .txt file of a folder once and counts all the benchmark queries in that one
-- pass (so its time is per pass, not per query), matching as ripgrep's `-i -w` does: case-insensitive
-- (ASCII lower-casing of the text), whole words, the words of a phrase separated by whitespace.
--
--   lua5.4 bench/lpeg_scan.lua QUERIES DIR      -> "id<TAB>count" per query, then "seconds<TAB>cpu"
--
-- A word character is what ripgrep's \w is (letters, marks, digits, connector punctuation), read from
-- the UTF-8 bytes without Unicode tables: ASCII letters, digits and '_', and any multi-byte character
-- except the Latin-1 punctuation block, the general punctuation and symbol blocks (U+2000-U+2BFF),
-- CJK punctuation, the BOM and emoji. That is exact on ASCII text and close on the rest.
local lpeg = require "lpeg"
local P, R, S, Cmt = lpeg.P, lpeg.R, lpeg.S, lpeg.Cmt

local qfile, dir = arg[1], arg[2]
if not (qfile and dir) then
  io.stderr:write("usage: lua5.4 bench/lpeg_scan.lua QUERIES DIR\n")
  os.exit(2)
end

local cont = R"\128\191"
local nonword_mb = P"\194" * (cont - S"\170\181\186")           -- U+0080-00BF but ª µ º
  + P"\195" * S"\151\183"                                         -- × ÷
  + (P"\226" - P"\226\128" * S"\140\141") * cont * cont           -- U+2000-2FFF but ZWNJ, ZWJ
  + P"\227\128" * cont                                            -- U+3000-303F
  + P"\239\187\191"                                               -- BOM
  + P"\240\159" * cont * cont                                     -- emoji and pictographs
local mb = R"\194\223" * cont + R"\224\239" * cont * cont + R"\240\244" * cont * cont * cont
local wc = R("az", "AZ", "09") + P"_" + (mb - nonword_mb)
local nonword = 1 - wc
-- Unicode White_Space, as ripgrep's \s
local ws = S" \t\n\v\f\r" + P"\194" * S"\133\160" + P"\225\154\128"
  + P"\226\128" * (R"\128\138" + S"\168\169\175") + P"\226\129\159" + P"\227\128\128"

-- the queries: id, kind, alternatives (each a list of lower-case words)
local queries = {}
for line in io.lines(qfile) do
  local id, kind, q = line:match("^(q%d+)%*?\t([^\t]+)\t(.+)$")
  if id then
    local alts = {}
    for alt in (q .. " | "):gmatch("(.-) | ") do
      local words = {}
      for w in alt:lower():gmatch("%S+") do words[#words + 1] = w end
      alts[#alts + 1] = words
    end
    queries[#queries + 1] = { id = id, kind = kind, alts = alts }
  end
end

-- One test per alternative, run (without consuming) at the start of every word; the tests are
-- grouped by their first letter so a word is tried only against the alternatives it can begin.
local counts = {}
local groups = {}
for qi, q in ipairs(queries) do
  counts[qi] = 0
  for _, words in ipairs(q.alts) do
    local p = P(words[1])
    for i = 2, #words do p = p * ws^1 * P(words[i]) end
    local test = #Cmt(p * -wc, function() counts[qi] = counts[qi] + 1; return true end)
    local first = words[1]:sub(1, 1)
    groups[first] = (groups[first] or P(true)) * test^-1
  end
end
local starts = P(false)
for first, tests in pairs(groups) do starts = starts + #P(first) * tests end
local scan = (nonword^1 + (starts + P(true)) * wc^1)^0

local t0 = os.clock()
local list = io.popen("find '" .. dir:gsub("'", "'\\''") .. "' -name .lector -prune -o -type f -name '*.txt' -print")
for path in list:lines() do
  local f = assert(io.open(path, "rb"))
  local text = f:read("a"):lower()
  f:close()
  scan:match(text)
end
list:close()
for qi, q in ipairs(queries) do io.write(q.id, "\t", counts[qi], "\n") end
io.write("seconds\t", os.clock() - t0, "\n")
