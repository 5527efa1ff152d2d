-- propernames.lua (lib): the entities of a corpus that has no lexicon, found in the corpus itself:
-- runs of proper names ("Justice Lewis Powell", "Osama bin Laden", "Corriere della Sera") grouped in
-- each document with their short forms ("Lewis Powell", "Powell", "G. Bush" for "George Bush") when
-- the short form fits one name of that document only. A name token is a PROPN where the corpus is
-- annotated, else a capitalized word that is not a function word; a sentence's first word counts only
-- when the corpus never writes it in lower case. Titles (Justice, President, Mr., Dr., Secretary ...)
-- are cut off the front; particles (de, van, bin ...) join the words around them. Headlines in title
-- case and lines in capitals give no new names, but the names found elsewhere are counted there.
--
--   local propernames = require "propernames"
--   local list = propernames.entities(corpus)   -- a lexicon (see lexicon.lua), .source says so
local text = require "text"
local memo = require "memo"

local M = {}

local function set(s)
  local t = {}
  for w in s:gmatch("%S+") do t[w] = true end
  return t
end

-- words that stand before a name and are not part of it
M.TITLES = set [[Mr. Mrs. Ms. Miss Dr. Prof. Professor Justice Judge President Pres. Vice Secretary Senator Sen.
  Rep. Representative Congressman Congresswoman Governor Gov. Mayor Chancellor Minister Premier Prime Ambassador
  King Queen Prince Princess Emperor Pope Cardinal Bishop Archbishop Rev. Father Sister Brother Sheikh Ayatollah
  Imam Rabbi Sir Lord Lady Dame Chief Chairman Chairwoman Speaker Commissioner Deputy Foreign Defense Defence
  Interior Gen. Col. Lt. Sgt. Capt. Maj. Adm. Cmdr. Colonel Captain Major Admiral Sergeant Lieutenant Corporal
  Officer Detective Inspector Agent Attorney Counsel Spokesman Spokeswoman Director Leader Commander
  Marshal St. Saint General]]
-- words that join the names around them
M.PARTICLES = set [[de del della der den di da dos das du van von ter bin ibn ben bint abu al el le la y]]
-- capitalized words that are not names: function words, days, months, pronouns
M.NOT_NAMES = set [[A An The This That These Those It Its He She They We I You His Her Their Our My Your Me Him
  Them Us There Here What Who Whom Whose Which Why How When Where While If Then Than As At In On Of Off To For
  From With Without By Into Onto Upon About Above Below Under Over After Before Since Until During Despite
  Following Among Between Through And But Or Nor So Yet Not No Yes All Any Some Each Every Both Either Neither
  Such Also Thus However Although Though Because Meanwhile Moreover Furthermore Besides Secondly Firstly Finally
  Perhaps Frankly Let Let's Do Does Did Is Are Was Were Be Been Has Have Had Will Would Can Could Shall Should
  May Might Must One Two Three Four First Second Last Next Other Another Many Much More Most Few Mr Mrs Ms
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August
  September October November December Sept. Jan. Feb. Mar. Apr. Aug. Oct. Nov. Dec. Note Related Citation
  Summary Credits Contents Translation Original Language Today Yesterday Tomorrow Good Thank Thanks Please Now
  Well Oh OK Okay Hence Therefore Indeed Still Even Just Only Again Already Always Never Often Very Too]]

-- tokens after which a word starts a sentence of its own (quotes, brackets, colons, dashes)
M.OPENERS = set [[" “ ‘ ' ( [ : — – - . ? ! ;]]

-- is w written with a capital first letter (A-Z, or À-Þ)? (asked of every word several times:
-- remembered)
local capitalized = memo(function(w)
  local b1, b2 = w:byte(1, 2)
  return b1 ~= nil and ((b1 >= 65 and b1 <= 90) or (b1 == 195 and b2 ~= nil and b2 >= 128 and b2 <= 158))
end)

-- is w an initial or a run of them: "G.", "M.S."
local function initial(w) return w:match("^%u%.$") or w:match("^%u%.%u%.$") or w:match("^%u%.%u%.%u%.$") end

-- "al-Ahani" is a name word too; comparisons see "Ahani" (remembered)
local bare = memo(function(w) return (w:gsub("^[ae]l%-", ""):gsub("^bin%-", "")) end)

-- the given-name letters or words of a name (all but its last word), initials split: "M.S." -> M., S.
local function given(words)
  local out = {}
  for k = 1, #words - 1 do
    local w = words[k]
    if initial(w) then for c in w:gmatch("%u") do out[#out + 1] = { initial = c } end
    elseif not M.PARTICLES[w] then out[#out + 1] = { word = w } end
  end
  return out
end

-- can the names a and b (lists of words) be the same person? The same last word, and the given names
-- agree from the first on as far as the shorter goes (a word with a word, an initial with a word's letter)
local function compatible(a, b)
  if bare(a[#a]) ~= bare(b[#b]) then return false end
  local ga, gb = given(a), given(b)
  for k = 1, math.min(#ga, #gb) do
    local x, y = ga[k], gb[k]
    if x.word and y.word then
      if x.word ~= y.word then return false end
    else
      local cx, cy = x.initial or x.word:sub(1, 1), y.initial or y.word:sub(1, 1)
      if cx ~= cy then return false end
    end
  end
  return true
end

-- is a sentence a headline in title case or a line in capitals? (no new names are taken from it)
local function heading(words)
  local cap, all, caps = 0, 0, 0
  for _, w in ipairs(words) do
    if w:match("^%a%a") then
      all = all + 1
      if capitalized(w) then cap = cap + 1 end
      if not w:match("%l") then caps = caps + 1 end
    end
  end
  return all >= 3 and (caps >= all * 0.6 or cap >= all * 0.75)
end

-- words that end the names of organizations and places: a short form is never their first word
M.ORG_WORDS = set [[Administration Council Office House Ministry Department Committee Commission Party Corporation
  Foundation Center Centre University College School Court Club Company Inc. Ltd. Bank Agency Service Union
  Republic Federation Organization Organisation Assembly Senate Congress Parliament Government News Times Post
  Press Radio Television Airlines Institute Archive Archives Association Church Army Navy Force Group Fund
  Society Museum Library Hospital Street Avenue Square Bridge River Lake Island Islands Mountains Sea Ocean
  Gulf Coast City County State States Kingdom Nations Network Agency Board Bureau Review Journal]]

-- is w an acronym: US, U.S., CBS, UNMOVIC (two capitals or more, no small letter)
local function acronym(w) return not w:match("%l") and select(2, w:gsub("%u", "")) >= 2 end

-- the name runs of one sentence: lists of words (titles cut off), with .person when a title stood before
-- (mid: the capitalized words seen inside a sentence are added to it; a run that starts a sentence
-- without a part-of-speech tag to confirm it has .initial set, and is dropped later when it is one
-- word that the corpus never capitalizes inside a sentence: "Reporters asked")
local function runs(words, pos, lower_seen, mid)
  mid = mid or {}
  local out, cur, titled = {}, {}, false
  local function close()
    -- particles do not end a name; a title alone is no name; where the corpus is annotated, a run
    -- needs a PROPN ("Russian" before "Foreign Minister" is none)
    while #cur > 0 and M.PARTICLES[cur[#cur]] do table.remove(cur) end
    if #cur == 1 and M.TITLES[cur[1]] then cur = {} end
    if pos and not cur.propn then cur = {} end
    if #cur > 0 then cur.person = titled; out[#out + 1] = cur end
    cur, titled = {}, false
  end
  local k = 0
  while k < #words do
    k = k + 1
    local w = words[k]
    local first = k == 1 or M.OPENERS[words[k - 1]] ~= nil
    if not first and capitalized(w) then mid[w] = true end
    local nxt = words[k + 1]
    local is_name, propn
    if pos then
      propn = pos[k] == "PROPN" and capitalized(w)
      -- "United Nations", "White House", "New York": a capitalized word inside a sentence that the
      -- tagger took for an adjective, noun or verb, before a proper name
      is_name = propn or (not first and capitalized(w) and nxt and capitalized(nxt) and pos[k + 1] == "PROPN"
        and (pos[k] == "ADJ" or pos[k] == "NOUN" or pos[k] == "VERB"))
    else
      is_name = capitalized(w) and w:match("^[%a\195]") ~= nil
    end
    if is_name and M.NOT_NAMES[w] then is_name = false end
    if is_name and first and not pos and lower_seen(w) then is_name = false end
    if M.TITLES[w] and capitalized(w) and nxt and capitalized(nxt) and (w ~= "General" or M.TITLES[words[k - 1] or ""]) then
      -- a title before a name ends what came before and is not part of the name ("General" only
      -- after another title: Secretary General)
      close()
      titled = true
    elseif is_name then
      -- an acronym does not run into the name after it ("the US George Bush", "U.S. Naval")
      if #cur > 0 and acronym(cur[#cur]) and not acronym(w) and nxt and capitalized(nxt) then close() end
      if #cur == 0 and first and not pos then cur.initial = true end
      cur[#cur + 1] = w
      if propn then cur.propn = true end
    elseif M.PARTICLES[w] and nxt == "-" and words[k + 2] and capitalized(words[k + 2]) then
      cur[#cur + 1] = w .. "-" .. words[k + 2]       -- "al-Ahani", "al-Qaida", written as the corpus does
      cur.propn = true
      k = k + 2
    elseif #cur > 0 and M.PARTICLES[w] and nxt and capitalized(nxt) then
      cur[#cur + 1] = w
    else
      close()
    end
  end
  close()
  return out
end

-- the groups of one document: { { canonical = words, forms = { "text" = true }, person = } }
local function group(found)
  local full, short, seen = {}, {}, {}
  for _, r in ipairs(found) do
    local key = table.concat(r, " ")
    if not seen[key] then
      seen[key] = { words = r, person = r.person }
      if #r >= 2 then full[#full + 1] = seen[key] else short[#short + 1] = seen[key] end
    elseif r.person then seen[key].person = true end
  end
  -- the longest first (in words, then in letters): it names the group
  table.sort(full, function(a, b)
    local x, y = table.concat(a.words, " "), table.concat(b.words, " ")
    if #a.words ~= #b.words then return #a.words > #b.words end
    if #x ~= #y then return #x > #y end
    return x < y
  end)
  local groups = {}
  local function new(n)
    local g = { canonical = n.words, forms = { [table.concat(n.words, " ")] = true }, person = n.person }
    groups[#groups + 1] = g
    return g
  end
  for _, n in ipairs(full) do
    local fits = {}
    for _, g in ipairs(groups) do if compatible(n.words, g.canonical) then fits[#fits + 1] = g end end
    if #fits == 1 then
      fits[1].forms[table.concat(n.words, " ")] = true
      fits[1].person = fits[1].person or n.person
    else
      new(n)
    end
  end
  for _, n in ipairs(short) do
    local w = bare(n.words[1])
    local fits = {}
    for _, g in ipairs(groups) do
      local c = g.canonical
      if bare(c[#c]) == w or (c[1] == w and not M.ORG_WORDS[c[#c]]) then fits[#fits + 1] = g end
    end
    if #fits == 1 then
      fits[1].forms[n.words[1]] = true
      fits[1].person = fits[1].person or n.person or #fits[1].canonical >= 2
    else
      new(n)
    end
  end
  return groups
end

-- the entities found in corpus C: a lexicon whose aliases hold in the documents where they were seen
function M.entities(C)
  local attrs = C:attributes()
  local has_pos = false
  for _, a in ipairs(attrs.positional or {}) do if a == "pos" then has_pos = true end end
  local lower_cache = {}
  local function lower_seen(w)
    if lower_cache[w] == nil then
      local l = w:lower()
      lower_cache[w] = l ~= w and C:count(l, { case = true }) > 0
    end
    return lower_cache[w]
  end
  -- first every document's runs, and the capitalized words seen inside sentences
  local mid, per_doc = {}, {}
  local docs = text.docs(C)
  for i, d in ipairs(docs) do
    local found = {}
    for s in d:sentences() do
      local words = s:tokens()
      if not heading(words) and not text.is_boilerplate(C, d, s) then
        local pos = has_pos and s:tokens("pos") or nil
        if pos and #pos ~= #words then pos = nil end
        for _, r in ipairs(runs(words, pos, lower_seen, mid)) do found[#found + 1] = r end
      end
    end
    per_doc[i] = found
  end
  -- a sentence's first word alone is a name only if the corpus also capitalizes it inside a sentence
  local by_name, list = {}, { source = "the proper names found in the corpus (no lexicon given)" }
  for i, d in ipairs(docs) do
    local found = {}
    for _, r in ipairs(per_doc[i]) do
      if r.initial and #r == 1 and not mid[r[1]] then table.remove(r, 1) end
      if #r > 0 then found[#found + 1] = r end
    end
    for _, g in ipairs(group(found)) do
      local name = table.concat(g.canonical, " ")
      local e = by_name[name]
      if not e then
        local last = g.canonical[#g.canonical]
        e = { name = name, type = g.person and "person" or M.ORG_WORDS[last] and "organization" or "name", aliases = {} }
        by_name[name] = e
        list[#list + 1] = e
      elseif g.person then
        e.type = "person"
      end
      e.by_form = e.by_form or {}
      for form in pairs(g.forms) do
        local a = e.by_form[form]
        if not a then
          a = { text = form, docs = {}, note = form == name and "a proper name found in the corpus"
            or ("a short form of " .. name .. " in this document") }
          e.by_form[form] = a
          e.aliases[#e.aliases + 1] = a
        end
        a.docs[d.name] = true
      end
    end
  end
  for _, e in ipairs(list) do
    e.by_form = nil
    table.sort(e.aliases, function(a, b) return a.text < b.text end)
  end
  return list
end

M.runs, M.group, M.compatible = runs, group, compatible
return M
