-- entities.lua (lib): the mention matcher behind scripts/mentions.lua. It compiles the alias list of
-- scripts/data/entities.lua into one LPeg pattern (longest alias first, case as written, possessives
-- with either apostrophe) and resolves each match to an entity: by the document's date for scoped
-- aliases, by the last fully named entity in the document for shared ones (bare surnames).
--
--   local entities = require "entities"
--   local m = entities.compile(list)                -- list: the table that data/entities.lua returns
--   local found = m:scan(text, date [, state])     -- { {start=, stop=, entity=, alias=}, ... }
local lpeg = require "lpeg"
local P, R, S, C, Cc, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cp, lpeg.Ct

local M = {}

local alnum = R("az", "AZ", "09") + R("\128\255")
local apos = P"'" + P"\226\128\153"
local possessive = apos * (S"sS" * -alnum)^-1
local space = S" \t\r\n"^1

-- an alias as an LPeg literal: spaces match any run of white space, apostrophes either form
local function literal(text)
  local p = P(true)
  local i = 1
  while i <= #text do
    local c = text:sub(i, i)
    if c == " " then p = p * space; i = i + 1
    elseif c == "'" then p = p * apos; i = i + 1
    elseif text:sub(i, i + 2) == "\226\128\153" then p = p * apos; i = i + 3
    else
      local j = i
      while j <= #text and not text:sub(j, j):match("[ ']") and text:sub(j, j + 2) ~= "\226\128\153" do j = j + 1 end
      p = p * P(text:sub(i, j - 1)); i = j
    end
  end
  return p
end

local function nocase(text)
  local p = P(true)
  for ch in text:gmatch(utf8.charpattern) do
    if ch == " " then p = p * space
    elseif ch == "'" then p = p * apos
    elseif ch:match("^%a$") then p = p * S(ch:lower() .. ch:upper())
    else p = p * P(ch) end
  end
  return p
end

local Matcher = {}
Matcher.__index = Matcher

-- compile the entity list; errors name the entry that is wrong
function M.compile(list)
  assert(type(list) == "table", "entities: the data file must return a list of entities")
  local by_alias, order, names = {}, {}, {}
  for i, e in ipairs(list) do
    local name = e[1] or e.name
    if type(name) ~= "string" or type(e.aliases) ~= "table" then
      error(string.format("entities: entry %d needs a name and a list of aliases", i), 0)
    end
    names[#names + 1] = name
    for _, a in ipairs(e.aliases) do
      local rec = type(a) == "table" and a or { a }
      local text = rec[1]
      if type(text) ~= "string" or text == "" then
        error(string.format("entities: %s: an alias is not a string", name), 0)
      end
      if not by_alias[text] then
        by_alias[text] = { text = text, nocase = rec.nocase, cands = {} }
        order[#order + 1] = text
      end
      local slot = by_alias[text]
      slot.nocase = slot.nocase or rec.nocase
      slot.cands[#slot.cands + 1] = { entity = name, from = rec.from, to = rec.to }
    end
  end
  -- longest first, so that nested aliases count once
  table.sort(order, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
  local alts = P(false)
  for _, text in ipairs(order) do
    local slot = by_alias[text]
    local lit = slot.nocase and nocase(text) or literal(text)
    local letters = select(2, text:gsub("%a", ""))
    if not slot.nocase and letters >= 4 and text:upper() ~= text then lit = lit + literal(text:upper()) end
    alts = alts + lit * Cc(text) * Cp() * possessive^-1 * -alnum
  end
  local mention = Ct(Cp() * alts)
  local pattern = Ct((mention + alnum^1 + 1)^0)
  return setmetatable({ by_alias = by_alias, pattern = pattern, names = names }, Matcher)
end

-- true: the date is in c's scope; false: outside it; nil: c has no scope (or there is no date)
local function in_scope(c, date)
  if not date or date == "" or (not c.from and not c.to) then return nil end
  if c.from and date < c.from then return false end
  if c.to and date:sub(1, #c.to) > c.to then return false end
  return true
end

-- distance in years from a date to a candidate's scope (for dates no scope covers)
local function distance(c, date)
  local y = tonumber(date:sub(1, 4)) or 0
  local from, to = tonumber((c.from or ""):sub(1, 4)), tonumber((c.to or ""):sub(1, 4))
  if not from and not to then return math.huge end
  if from and y < from then return from - y end
  if to and y > to then return y - to end
  return 0
end

-- which entity an alias with several candidates means here: the one last named in the document by
-- an alias of its own; else the only one whose scope admits the date; else one whose scope covers
-- it; else the nearest scope; else the first named later in the document; else unresolved
local function resolve(slot, date, state, pos)
  local best, at = nil, -1
  for _, c in ipairs(slot.cands) do
    local seen = state.last[c.entity]
    if seen and seen < pos and seen > at then best, at = c.entity, seen end
  end
  if best then return best end
  local admitted = {}
  for _, c in ipairs(slot.cands) do
    local ok = in_scope(c, date)
    if ok then return c.entity end
    if ok == nil then admitted[#admitted + 1] = c end
  end
  if #admitted == 1 and date and date ~= "" then return admitted[1].entity end
  local near, d = nil, math.huge
  for _, c in ipairs(slot.cands) do
    local x = date and date ~= "" and distance(c, date) or math.huge
    if x < d then near, d = c.entity, x end
  end
  if near then return near end
  local first, fat = nil, math.huge
  for _, c in ipairs(slot.cands) do
    local later = state.later and state.later[c.entity]
    if later and later > pos and later < fat then first, fat = c.entity, later end
  end
  return first or (slot.text .. " (unresolved)")
end

-- the raw matches in text: { {start, alias, stop} } with 1-based start and exclusive stop
function Matcher:matches(text)
  return self.pattern:match(text)
end

-- the mentions in text (one document, or consecutive parts of one with the same state):
-- { start = (bytes from 0 + offset), stop =, entity =, alias = }. skip(a, b) may veto a match.
function Matcher:scan(text, date, state, offset, skip)
  state = state or { last = {} }
  offset = offset or 0
  local out = {}
  local raw = self:matches(text)
  -- where each entity is first named by an alias of its own (for a surname that comes first)
  state.later = state.later or {}
  for _, m in ipairs(raw) do
    local slot = self.by_alias[m[2]]
    if #slot.cands == 1 then
      local e = slot.cands[1].entity
      if not state.later[e] or state.later[e] < 0 then state.later[e] = offset + m[1] end
    end
  end
  for _, m in ipairs(raw) do
    local a, alias, b = m[1], m[2], m[3]
    if not (skip and skip(offset + a - 1, offset + b - 1)) then
      local slot = self.by_alias[alias]
      local entity
      local pos = offset + a
      if #slot.cands == 1 then
        entity = slot.cands[1].entity
        state.last[entity] = pos
      else
        entity = resolve(slot, date, state, pos)
      end
      out[#out + 1] = { start = offset + a - 1, stop = offset + b - 1, entity = entity, alias = text:sub(a, b - 1) }
    end
  end
  return out, state
end

return M
