-- entities.lua (lib): the mention matcher behind scripts/mentions.lua (and the actors of
-- scripts/positions.lua). It compiles an entity list (as lexicon.lua returns it, or the older form
-- { "Name", aliases = { "a", { "b", from =, to = } } }) and finds mentions two ways: Matcher:find asks
-- the corpus index for every alias (C:hits, case as written, longest alias first where two overlap);
-- Matcher:scan runs one LPeg pattern over a string (for text that is not a whole document). Both
-- resolve an alias that several entities share the same way (resolve, below), and say which rule
-- decided it.
--
--   local entities = require "entities"
--   local m = entities.compile(list)
--   local found = m:find(corpus, { speakers = true })  -- { {doc=, hit=, start=, stop=, byte_start=, ...} }
--   local found = m:scan(text, date [, state])        -- { {start=, stop=, entity=, alias=}, ... }
local lpeg = require "lpeg"
local P, R, S, C, Cc, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cp, lpeg.Ct

local M = {}

-- letters and digits, in UTF-8 too; the general punctuation of U+2000-U+203F (curly quotes, dashes)
-- is not a letter, so that “Saddam’s” starts and ends a name
local upunct = P"\226\128" * R"\128\191"
local alnum = R("az", "AZ", "09") + (R"\128\255" - upunct)
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

-- compile the entity list; errors name the entry that is wrong. An entry: { name | [1], type | kind,
-- aliases = { "text" | { text | [1], from =, until =, to =, nocase =, when =, docs = } } }
function M.compile(list)
  assert(type(list) == "table", "entities: the data file must return a list of entities")
  local by_alias, order, names, types = {}, {}, {}, {}
  for i, e in ipairs(list) do
    local name = e[1] or e.name
    if type(name) ~= "string" or type(e.aliases) ~= "table" then
      error(string.format("entities: entry %d needs a name and a list of aliases", i), 0)
    end
    if not types[name] then names[#names + 1] = name end
    types[name] = e.type or e.kind or types[name] or ""
    for _, a in ipairs(e.aliases) do
      local rec = type(a) == "table" and a or { a }
      local text = rec[1] or rec.text
      if type(text) ~= "string" or text == "" then
        error(string.format("entities: %s: an alias is not a string", name), 0)
      end
      if not by_alias[text] then
        by_alias[text] = { text = text, nocase = rec.nocase, cands = {} }
        order[#order + 1] = text
      end
      local slot = by_alias[text]
      slot.nocase = slot.nocase or rec.nocase
      slot.cands[#slot.cands + 1] = { entity = name, from = rec.from, to = rec.to, ["until"] = rec["until"],
        when = rec.when, docs = rec.docs, note = rec.note }
    end
  end
  -- longest first, so that nested aliases count once
  table.sort(order, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
  return setmetatable({ by_alias = by_alias, order = order, names = names, types = types }, Matcher)
end

-- the LPeg pattern of Matcher:scan, all the aliases in one: built on first use, since Matcher:find
-- asks the index instead (for thousands of aliases it takes a second and much memory)
local function scanner(m)
  local list = {}
  for _, text in ipairs(m.order) do
    local slot = m.by_alias[text]
    local lit = slot.nocase and nocase(text) or literal(text)
    if M.in_capitals(slot) then lit = lit + literal(text:upper()) end
    list[#list + 1] = lit * Cc(text) * Cp() * possessive^-1 * -alnum
  end
  local mention = Ct(Cp() * M.choice(list))
  return Ct((mention + alnum^1 + upunct + 1)^0)
end

-- the ordered choice of a list of patterns, p[1] + p[2] + ...: built as a balanced tree, since
-- LPeg copies both sides of each +, so adding one at a time costs the square of the list's length
-- (thousands of aliases took seconds)
function M.choice(list, i, j)
  i, j = i or 1, j or #list
  if j < i then return P(false) end
  if i == j then return list[i] end
  local mid = (i + j) // 2
  return M.choice(list, i, mid) + M.choice(list, mid + 1, j)
end

-- is an alias also found written in capitals ("KREMLIN", "G. BUSH")? Those of four letters or more
function M.in_capitals(slot)
  local letters = select(2, slot.text:gsub("%a", ""))
  return not slot.nocase and letters >= 4 and slot.text:upper() ~= slot.text
end

-- true: the date is in c's scope; false: outside it; nil: c has no scope (or there is no date).
-- from and to include their day (or month, or year); until is the first day no longer in it
local function in_scope(c, date)
  if not date or date == "" or (not c.from and not c.to and not c["until"]) then return nil end
  if c.from and date < c.from then return false end
  if c.to and date:sub(1, #c.to) > c.to then return false end
  if c["until"] and date >= c["until"] then return false end
  return true
end

local function scope_text(c)
  local parts = {}
  if c.from then parts[#parts + 1] = "from " .. c.from end
  if c.to then parts[#parts + 1] = "to " .. c.to end
  if c["until"] then parts[#parts + 1] = "until " .. c["until"] end
  return table.concat(parts, " ")
end

-- which entity an alias means at pos (ctx: date, last = {entity = pos named by an alias of its own},
-- later(entity, pos): that entity is named by its own alias later in the same sentence, allowed(c):
-- the candidate may be meant in this document at all). Returns the entity (nil: no one here) and why.
-- One candidate: it, unless the date is outside its scope. Several: the one last named in the
-- document by an alias of its own; else, of those whose scope does not exclude the date (none: no
-- one), the one whose scope admits it; else the only one without a scope; else the one named later
-- in the same sentence; else "NAME (unresolved)".
function M.resolve(slot, ctx, pos)
  local cands = {}
  for _, c in ipairs(slot.cands) do
    if not ctx.allowed or ctx.allowed(c) then cands[#cands + 1] = c end
  end
  local alias = "'" .. slot.text .. "'"
  if #cands == 0 then return nil, alias .. ": no entity of it is meant in this document" end
  local one = true
  for _, c in ipairs(cands) do if c.entity ~= cands[1].entity then one = false end end
  if one then
    local c = cands[1]
    local ok = in_scope(c, ctx.date)
    if ok == false then return nil, alias .. " is " .. scope_text(c) .. ": not on " .. ctx.date end
    local why = "alias " .. alias .. (c.when and (", only in documents with " .. table.concat(c.when, " or ")) or "")
    if ok then return c.entity, why .. ", " .. scope_text(c), true end
    return c.entity, why .. (c.note and (": " .. c.note) or ""), true
  end
  alias = alias .. " is shared"
  local best, at = nil, -1
  for _, c in ipairs(cands) do
    local seen = ctx.last[c.entity]
    if seen and seen < pos and seen > at then best, at = c.entity, seen end
  end
  if best then return best, alias .. ": " .. best .. " was named last, earlier in the document" end
  -- outside its scope an alias names no one
  local scoped = {}
  for _, c in ipairs(cands) do
    if in_scope(c, ctx.date) ~= false then scoped[#scoped + 1] = c end
  end
  if #scoped == 0 then return nil, alias .. ": the date " .. ctx.date .. " is outside the scope of each" end
  cands = scoped
  local unscoped = {}
  for _, c in ipairs(cands) do
    local ok = in_scope(c, ctx.date)
    if ok then return c.entity, alias .. ": " .. ctx.date .. " is in " .. c.entity .. "'s scope, " .. scope_text(c) end
    if ok == nil then unscoped[#unscoped + 1] = c end
  end
  if #unscoped == 1 then
    return unscoped[1].entity, alias .. ": " .. unscoped[1].entity .. " is the only one whose scope does not exclude the date"
  end
  for _, c in ipairs(cands) do
    if ctx.later and ctx.later(c.entity, pos) then
      return c.entity, alias .. ": " .. c.entity .. " is named later in the same sentence"
    end
  end
  return slot.text .. " (unresolved)", alias .. " and nothing in the document tells which"
end

-- does the alias name only one entity (in any document)?
local function own(slot)
  for _, c in ipairs(slot.cands) do if c.entity ~= slot.cands[1].entity then return false end end
  return true
end

-- the raw matches in text: { {start, alias, stop} } with 1-based start and exclusive stop
function Matcher:matches(text)
  local p = rawget(self, "pattern")
  if not p then p = scanner(self); self.pattern = p end
  return p:match(text)
end

-- the mentions in text (one document, or consecutive parts of one with the same state):
-- { start = (bytes from 0 + offset), stop =, entity =, alias =, rule = }. skip(a, b) may veto a match.
-- state: { last = {}, context = the document's text, doc_name = its name } (all optional)
function Matcher:scan(text, date, state, offset, skip)
  state = state or {}
  state.last = state.last or {}
  offset = offset or 0
  local out = {}
  local raw = self:matches(text)
  local owned = {}     -- positions of the mentions by an alias of their entity's own, in this text
  for _, m in ipairs(raw) do
    local slot = self.by_alias[m[2]]
    if own(slot) then owned[#owned + 1] = { pos = offset + m[1], entity = slot.cands[1].entity } end
  end
  -- an alias with `when` holds where state.context (the whole document, if given) or else this text
  -- has one of its words; one with `docs` where state.doc_name is one of them (or is not given)
  local context = state.context or text
  local ctx = { date = date, last = state.last, later = function(entity, pos)
    for _, o in ipairs(owned) do if o.entity == entity and o.pos > pos then return true end end
  end, allowed = function(c)
    if c.docs and state.doc_name and not c.docs[state.doc_name] then return false end
    if c.when then
      for _, w in ipairs(c.when) do
        if (" " .. context .. " "):find("[^%w]" .. w:gsub("%p", "%%%0") .. "[^%w]") then return true end
      end
      return false
    end
    return true
  end }
  for _, m in ipairs(raw) do
    local a, alias, b = m[1], m[2], m[3]
    if not (skip and skip(offset + a - 1, offset + b - 1)) then
      local slot = self.by_alias[alias]
      local pos = offset + a
      local entity, rule, single = M.resolve(slot, ctx, pos)
      if entity then
        if single then state.last[entity] = pos end
        out[#out + 1] = { start = offset + a - 1, stop = offset + b - 1, entity = entity, alias = text:sub(a, b - 1),
          rule = rule }
      end
    end
  end
  return out, state
end

-- the forms in which the index is asked for an alias: as written (and in capitals), or in any case;
-- an apostrophe in either form
local function forms(slot)
  local list = { { slot.text, case = not slot.nocase } }
  if M.in_capitals(slot) then list[#list + 1] = { slot.text:upper(), case = true } end
  local n = #list
  for i = 1, n do
    local t = list[i][1]
    if t:find("'", 1, true) then list[#list + 1] = { (t:gsub("'", "\226\128\153")), case = list[i].case } end
    if t:find("\226\128\153", 1, true) then list[#list + 1] = { (t:gsub("\226\128\153", "'")), case = list[i].case } end
  end
  return list
end

-- every mention of the matcher's aliases in corpus C, found with the index: a list in corpus order of
-- { doc =, hit =, start =, stop = (token positions), byte_start =, byte_end = (in the file), alias =,
-- entity =, rule =, label = }; hit:text() is the text as written, hit.sentence its sentence. Where
-- aliases overlap, the one that starts first wins, then the longest.
-- opts: boilerplate (keep boilerplate lines), docs (as for C:hits), labels(d) (a list of byte ranges
-- {a, b} of d that are speaker labels: the mentions there get label = true).
function Matcher:find(C, opts)
  lector._check_options(opts, "Matcher:find", { boilerplate = "boolean", docs = "any", labels = "function",
    speakers = "boolean" })
  opts = opts or {}
  local raw = {}
  -- one Document per document for all the hits (so its text is read once, and a corpus of many
  -- mentions does not hold a Document per hit set), and the hits as tables of their own kind made
  -- from the bulk lists (hits:spans(), hits:docs()) rather than one by one
  local shared, hit_mt = {}, nil
  for _, text in ipairs(self.order) do
    local slot = self.by_alias[text]
    for _, f in ipairs(forms(slot)) do
      local hits = C:hits(f[1], { case = f.case, boilerplate = opts.boilerplate and true or false, docs = opts.docs })
      if #hits > 0 then
        hit_mt = hit_mt or getmetatable(hits[1])
        local starts, stops = hits:spans()
        local docs, k = hits:docs(), 1
        local d, last = nil, -1
        for i = 1, #starts do
          local at = starts[i]
          if at > last then                -- the next document with hits
            d = docs[k]; k = k + 1
            last = d.last
            local id = d.id
            if shared[id] then d = shared[id] else shared[id] = d end
          end
          local h = setmetatable({ doc = d, start = at, stop = stops[i] }, hit_mt)
          raw[#raw + 1] = { doc = d, hit = h, start = at, stop = stops[i], byte_start = h.byte_start,
            byte_end = h.byte_end, slot = slot }
        end
      end
    end
  end
  -- by start, the longest first, then by alias: one number per start and length (sorted as numbers,
  -- which compares in C), the hit of the first alias in text order standing for the others there,
  -- as only the first at a start is kept
  local keys, at = {}, {}
  for _, r in ipairs(raw) do
    local k = r.start * 16777216 + (16777215 - (r.stop - r.start))
    local other = at[k]
    if not other then at[k] = r; keys[#keys + 1] = k
    elseif r.slot.text < other.slot.text then at[k] = r end
  end
  table.sort(keys)
  local kept, upto = {}, -1
  for _, k in ipairs(keys) do
    local r = at[k]
    if r.start > upto then kept[#kept + 1] = r; upto = r.stop end
  end
  -- resolve document by document, in order
  local out = {}
  local i = 1
  while i <= #kept do
    local d = kept[i].doc
    local j = i
    while j + 1 <= #kept and kept[j + 1].doc.id == d.id do j = j + 1 end
    self:resolve_doc(C, d, kept, i, j, opts, out)
    i = j + 1
  end
  return out
end

-- does document d contain one of the words? (for the `when` of an alias), remembered per document
local function contains(C, d, words, cache)
  local key = d.id .. "\0" .. table.concat(words, "|")
  if cache[key] == nil then
    local found = false
    for _, w in ipairs(words) do
      if C:count(w, { docs = d }) > 0 then found = true break end
    end
    cache[key] = found
  end
  return cache[key]
end

-- the mentions kept[i..j] of document d, resolved and added to out
function Matcher:resolve_doc(C, d, kept, i, j, opts, out)
  local labels = opts.labels and opts.labels(d) or {}
  local cache = {}
  local ctx = { date = d.date, last = {} }
  ctx.allowed = function(c)
    if c.docs and not c.docs[d.name] then return false end
    if c.when and not contains(C, d, c.when, cache) then return false end
    return true
  end
  ctx.later = function(entity, pos)
    local s = kept[ctx.at].hit.sentence
    for k = ctx.at + 1, j do
      local r = kept[k]
      if r.start > s.stop then return false end
      if own(r.slot) and r.slot.cands[1].entity == entity then return true end
    end
    return false
  end
  for k = i, j do
    local r = kept[k]
    ctx.at = k
    local entity, rule, single = M.resolve(r.slot, ctx, r.start)
    if entity then
      if single then ctx.last[entity] = r.start end
      local label = false
      for _, l in ipairs(labels) do
        if r.byte_start < l[2] and r.byte_end > l[1] then label = true end
      end
      if label then rule = rule .. "; a speaker label" end
      if not (label and opts.speakers == false) then
        r.entity, r.rule, r.label, r.alias, r.slot = entity, rule, label, r.slot.text, nil
        out[#out + 1] = r
      end
    end
  end
end

return M
