-- un_resolutions/bodies.lua: the bodies that adopt resolutions, as the finder names them: which
-- words name one ("the Security Council", "the Georgia House", "shareholders"), what a bare organ
-- name ("the Council", "the House", "the committee") stands for given the mentions before it and
-- the document, and what a document says of itself (does it speak of the UN, of a US state
-- legislature, of Congress?). The finder (finder.lua) asks; this file holds the lexicon.
--
--   local bodies = require "un_resolutions.bodies"
--   local code, n = bodies.at(tokens, i)      -- a body named at token i (n tokens), or nil
--   bodies.NAME[code]                          -- "UN Security Council", "US state legislature" ...
--   local doc = bodies.context(text)           -- { un =, sc =, ga =, state =, congress = } of a text
--
-- Codes: sc, ga, un (the UN, no organ), a UN organ's own name, congress, senate, house (US), state
-- (a US state legislature), parliament (a national one), eu, city (city, town, county councils),
-- company (boards, shareholders), church (synods), other; ambiguous words give "?house",
-- "?senate", "?council", "?assembly", "?committee", "?legislature" for M.resolve.
local lpeg = require "lpeg"

local M = {}

M.NAME = {
  sc = "UN Security Council", ga = "UN General Assembly", un = "UN unspecified", congress = "US Congress",
  senate = "US Senate", house = "US House", state = "US state legislature", parliament = "national parliament",
  eu = "EU", city = "city council", company = "company board", church = "church synod", other = "other",
}

function M.name(code) return code and (M.NAME[code] or code) or "unknown" end

-- is the code one of the UN's?
function M.is_un(code) return code == "sc" or code == "ga" or code == "un" or (code or ""):match("^UN ") ~= nil end

local US_STATES = {}
for s in ([[alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
  idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
  virginia washington wisconsin wyoming]]):gmatch("%a+") do US_STATES[s] = true end
for _, s in ipairs{ "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
  "rhode island", "south carolina", "south dakota", "west virginia" } do US_STATES[s] = true end
M.US_STATES = US_STATES

-- {==================================================================
-- The lexicon: words (lower case) -> code, longest first within a first word
-- ===================================================================
local organs = {
  { "security council", "sc" }, { "unsc", "sc" }, { "general assembly", "?assembly" }, { "unga", "ga" },
  { "human rights council", "UN Human Rights Council" }, { "commission on human rights", "UN Commission on Human Rights" },
  { "economic and social council", "UN Economic and Social Council" }, { "ecosoc", "UN Economic and Social Council" },
  { "trusteeship council", "UN Trusteeship Council" }, { "third committee", "ga" }, { "first committee", "ga" },
  { "sixth committee", "ga" }, { "fourth committee", "ga" }, { "iaea board", "IAEA Board of Governors" },
  { "board of governors", "IAEA Board of Governors" }, { "world health assembly", "World Health Assembly" },
  { "unesco", "UNESCO" },
  { "house of representatives", "house" }, { "house of commons", "parliament" }, { "house of lords", "parliament" },
  { "joint resolution", "congress" }, { "concurrent resolution", "congress" }, { "congressional", "congress" },
  { "congress", "congress" }, { "u.s. senate", "senate" }, { "us senate", "senate" }, { "u.s. house", "house" },
  { "us house", "house" }, { "united states senate", "senate" }, { "senate", "?senate" }, { "house", "?house" },
  { "european parliament", "eu" }, { "european union", "eu" }, { "european council", "eu" }, { "eu", "eu" },
  { "european commission", "eu" }, { "council of the european union", "eu" },
  { "arab league", "other" }, { "african union", "other" }, { "nato", "other" }, { "oas", "other" },
  { "state duma", "parliament" }, { "duma", "parliament" }, { "bundestag", "parliament" }, { "knesset", "parliament" },
  { "national assembly", "parliament" }, { "parliament", "parliament" }, { "parliamentary", "parliament" },
  { "lok sabha", "parliament" }, { "rajya sabha", "parliament" }, { "riksdag", "parliament" }, { "sejm", "parliament" },
  { "verkhovna rada", "parliament" }, { "majlis", "parliament" }, { "diet", "parliament" },
  { "city council", "city" }, { "town council", "city" }, { "county board", "city" }, { "county commission", "city" },
  { "city commission", "city" }, { "board of aldermen", "city" }, { "board of supervisors", "city" },
  { "village board", "city" }, { "municipal", "city" }, { "aldermen", "city" }, { "councilmen", "city" },
  { "board of directors", "company" }, { "shareholders", "company" }, { "stockholders", "company" },
  { "shareholder", "company" }, { "board", "company" },
  { "general synod", "church" }, { "synod", "church" }, { "general conference", "church" }, { "presbytery", "church" },
  { "convocation", "church" }, { "diocese", "church" }, { "diocesan", "church" },
  { "sen.", "?senate" }, { "senator", "?senate" }, { "rep.", "?house" }, { "congressman", "?house" },
  { "congresswoman", "?house" }, { "congressmen", "congress" },
  { "legislature", "?legislature" }, { "legislative", "?legislature" }, { "state legislature", "state" },
  { "state senate", "state" }, { "state house", "state" }, { "state assembly", "state" },
  { "committee", "?committee" }, { "council", "?council" }, { "assembly", "?assembly" },
  { "convention", "other" }, { "organization", "?organization" }, { "conference", "other" },
  { "united nations conference", "un" }, { "senate of the united states", "senate" }, { "association", "other" }, { "union", "other" },
  { "league", "other" }, { "federation", "other" }, { "society", "other" }, { "workers", "other" },
  { "u.n.", "un" }, { "un", "un" }, { "united nations", "un" }, { "u.n.'s", "un" }, { "un's", "un" },
}
-- words that name a body only when written so ("UN" is not "un", "House" not "house")
local CASED = { ["un"] = "UN", ["un's"] = "UN's", ["house"] = "House", ["senate"] = "Senate", ["eu"] = "EU",
  ["congress"] = "Congress", ["assembly"] = "Assembly", ["unsc"] = "UNSC", ["unga"] = "UNGA", ["nato"] = "NATO",
  ["unesco"] = "UNESCO", ["ecosoc"] = "ECOSOC", ["oas"] = "OAS", ["diet"] = "Diet", ["union"] = "Union",
  ["league"] = "League", ["majlis"] = "Majlis" }

local by_first = {}
for _, o in ipairs(organs) do
  local words = {}
  for w in o[1]:gmatch("%S+") do words[#words + 1] = w end
  local list = by_first[words[1]] or {}
  by_first[words[1]] = list
  list[#list + 1] = { words = words, code = o[2] }
end
for _, list in pairs(by_first) do table.sort(list, function(a, b) return #a.words > #b.words end) end

local function low(t) return ((t or ""):lower():gsub("\226\128\153", "'")) end
M.low = low

-- the body named at token i of toks ({from, text, to} lists): code, number of tokens; or nil
function M.at(toks, i)
  local t0 = toks[i]
  if not t0 then return nil end
  local first = low(t0[2]):gsub("'s$", "")
  local cands = by_first[first] or by_first[low(t0[2])]
  if not cands then return nil end
  for _, o in ipairs(cands) do
    local words, ok = o.words, true
    for k = 2, #words do
      local t = toks[i + k - 1]
      if not t or low(t[2]):gsub("'s$", "") ~= words[k] then ok = false break end
    end
    if ok and #words == 1 and CASED[words[1]] then
      local w = t0[2]:gsub("\226\128\153", "'"):gsub("'s$", "")
      ok = w == CASED[words[1]] or w == CASED[words[1]]:upper()
    end
    -- "the congressional delegation" is a state's members of Congress, not a body that resolves
    if ok and words[#words] == "congressional" and low(toks[i + 1] and toks[i + 1][2]) == "delegation" then ok = false end
    -- "the Soviet Union" is a State, not a union that resolves
    if ok and words[1] == "union" and low(toks[i - 1] and toks[i - 1][2]) == "soviet" then ok = false end
    if ok then return o.code, #words end
  end
end

-- is the word before token i a US state's name (one or two words), or "state"?
function M.state_before(toks, i)
  local w1, w2 = low(toks[i - 1] and toks[i - 1][2]):gsub("'s$", ""), low(toks[i - 2] and toks[i - 2][2])
  return w1 == "state" or US_STATES[w1] or US_STATES[w2 .. " " .. w1] or false
end

-- {==================================================================
-- What a document says of itself
-- ===================================================================
local P, S, R = lpeg.P, lpeg.S, lpeg.R
local alpha = R("az", "AZ")
local function count(pattern, text)
  local n = 0
  lpeg.match(((pattern / function() n = n + 1 end) + 1)^0, text)
  return n
end
local un_word = P"U.N." + P"UN" * -alpha + P"United Nations" + P"Security Council" + P"General Assembly" + P"UNSC"
local state_cue = P"Legislature" + P"legislator" + P"state Senate" + P"state House" + P"state senator"
  + P"state representative" + P"Gov." + P"Governor" + P"Lt. Gov." + P"state legislature"
  + P"General Assembly of " + P"County Rep." + P"statehouse" + P"State House" + P"state capitol"
local congress_cue = P"Congress" * -P"ional delegation" + P"U.S. Senate" + P"U.S. House" + P"Capitol Hill"
  + P"congressional" * -P" delegation" + P"Congressional" + P"House of Representatives" + P"Senate Majority"

-- the document's hints: does it speak of the UN (and of which organs), of a state legislature, of Congress?
function M.context(text)
  text = text or ""
  return {
    un = count(un_word, text) > 0,
    sc = count(P"Security Council" + P"UNSC", text) > 0,
    ga = count(P"General Assembly", text) > 0 and count(P"U.N." + P"UN" * -alpha + P"United Nations", text) > 0,
    state = count(state_cue, text),
    congress = count(congress_cue, text),
  }
end

-- {==================================================================
-- Bare organ names: what "?house", "?council" ... stand for
-- ===================================================================

-- the nearest mention (list of {index =, code =}, newest last) that fits the test, within `back`
-- sentences of index; returns the code
local function nearest(mentions, index, back, fits)
  for k = #mentions, 1, -1 do
    local m = mentions[k]
    if index - m.index > back then break end
    if fits(m.code) then return m.code end
  end
end
M.nearest = nearest

-- the body a word of the lexicon stands for at token j: code, how ("written" when the words say it,
-- "inferred" when the mentions before it or the document decided), and the rule's name; a bare
-- organ with nothing before it that names it gives nil, "unknown".
-- mentions: earlier resolved mentions ({index, code}); index: this sentence's; doc: M.context().
function M.resolve(code, toks, j, mentions, index, doc)
  if code:sub(1, 1) ~= "?" then return code, "written", "named" end
  local kind = code:sub(2)
  local prev = low(toks[j - 1] and toks[j - 1][2])
  local back = 4
  if kind == "house" or kind == "senate" or kind == "legislature" then
    if M.state_before(toks, j) then return "state", "written", "state name before it" end
    if prev == "u.s." or prev == "us" or prev == "federal" then return kind == "legislature" and "congress" or kind,
      "written", "U.S. before it" end
    local near = nearest(mentions, index, back, function(c) return c == "state" or c == "congress" or c == "house"
      or c == "senate" end)
    if near then
      if near == "state" then return "state", "inferred", "nearest legislature mentioned: a state's" end
      return kind == "legislature" and "congress" or kind, "inferred", "nearest legislature mentioned: Congress"
    end
    if doc.state > doc.congress then return "state", "inferred", "document speaks of a state legislature" end
    if kind == "legislature" then
      return doc.congress > 0 and "congress" or "parliament", "inferred", "document's legislature"
    end
    return kind, "inferred", "House/Senate taken as the US Congress's"
  elseif kind == "council" then
    local near = nearest(mentions, index, back, function(c) return c == "sc" or c == "city" or c == "eu"
      or c:match("^UN ") end)
    if near then return near, "inferred", "nearest council mentioned" end
    if doc.sc then return "sc", "inferred", "document speaks of the Security Council" end
    return nil, "unknown", "a bare council, none named before"
  elseif kind == "assembly" then
    local general = low(toks[j] and toks[j][2]) == "general"
    if general and M.state_before(toks, j) then return "state", "written", "state name before it" end
    if general and doc.un then return "ga", general and "written" or "inferred", "General Assembly of the UN" end
    local near = nearest(mentions, index, back, function(c) return c == "ga" or c == "state" or c == "parliament" end)
    if near then return near, "inferred", "nearest assembly mentioned" end
    if doc.un then return "ga", "inferred", "document speaks of the UN" end
    if doc.state > 0 then return "state", "inferred", "document speaks of a state legislature" end
    return nil, "unknown", "a bare assembly, none named before"
  elseif kind == "committee" then
    -- a committee of the body just named ("a House committee"), else of the nearest one mentioned
    local near = nearest(mentions, index, back, function(c) return c ~= "un" end)
    if near then return near, "inferred", "committee of the nearest body mentioned" end
    return nil, "unknown", "a bare committee, no body named before"
  elseif kind == "organization" then
    -- "the Organization" in a speech at the UN is the UN; "the Organization of African Unity" is not
    if doc.un and toks[j][2] == "Organization" and low(toks[j + 1] and toks[j + 1][2]) ~= "of"
      and (prev == "the" or prev == "this" or prev == "our") then
      return "un", "inferred", "the Organization, in a document that speaks of the UN"
    end
  end
  return "other", "inferred", "unknown organ"
end

return M
