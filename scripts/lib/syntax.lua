-- syntax.lua: a shallow reading of one tagged sentence, enough to say who holds a stance on what.
-- From the words with their parts of speech (Universal Dependencies UPOS, Penn Treebank XPOS and
-- lemma, as `lector annotate` or lector.tag give them) it finds the verb groups ("could not
-- support", "is ready", "to use"), with their negation, modal and voice; the noun phrase that is
-- each group's subject (past an appositive: "Russia, a permanent member ..., could"; through a
-- relative pronoun; the controller of an infinitive); how far each group's complement reaches
-- (up to the next clause that has a subject of its own, a semicolon, or the end of a quotation);
-- and the quotations. No full parse: where the structure is not plain, the functions answer nil,
-- and the analyses that use them leave the sentence out rather than guess.
--
--   local syntax = require "syntax"
--   local s = syntax.parse(words, pos, xpos, lemmas)   -- lists of strings, one entry per token
--   s.groups[k] = { first =, last =, head =, neg =, modal =, inf =, passive =, finite = }
--   syntax.subject(s, k) -> first, last, how     syntax.scope(s, k) -> last token of the complement
local memo = require "memo"

local M = {}

local NOMINAL = { NOUN = true, PROPN = true, PRON = true, NUM = true }
local IN_NP = { DET = true, ADJ = true, NOUN = true, PROPN = true, NUM = true, PRON = true, X = true, SYM = true }
local NEGATION = { ["not"] = true, ["n't"] = true, never = true, ["no longer"] = true }
local QUOTE_OPEN = { ["\"" ] = true, ["“"] = true, ["``"] = true, ["‘"] = true }
local QUOTE_CLOSE = { ["\""] = true, ["”"] = true, ["''"] = true, ["’"] = true }

-- {==================================================================
-- Tokens, verb groups, quotations
-- ===================================================================

-- a word in lower case, with ’ as ' (and a lemma in lower case): remembered, since the same words
-- come back in every sentence
local low_of = memo(function(w) return (w:lower():gsub("\226\128\153", "'")) end)
local lower = memo(string.lower)

local function token_list(words, pos, xpos, lemmas)
  local t = {}
  for i, w in ipairs(words) do
    t[i] = { word = w, low = low_of(w), pos = pos[i] or "X", xpos = xpos[i] or "", lemma = lower(lemmas[i] or w) }
  end
  return t
end

-- the verb groups, left to right: AUX and VERB words with the negations and adverbs between them
-- ("could not automatically allow"), an infinitive's "to" at its start; a group ends at its last verb
local function verb_groups(t)
  local groups, of = {}, {}
  local i, n = 1, #t
  while i <= n do
    local w = t[i]
    local starts = w.pos == "AUX" or w.pos == "VERB" or (w.low == "to" and w.pos == "PART" and t[i + 1]
      and (t[i + 1].pos == "VERB" or t[i + 1].pos == "AUX"))
    if starts then
      local g = { first = i, last = i, inf = w.low == "to" }
      local j = i
      while j <= n do
        local x = t[j]
        if x.pos == "AUX" or x.pos == "VERB" then
          g.last = j
        elseif not (NEGATION[x.low] or x.pos == "ADV" or (x.low == "to" and j == i)) then
          break
        end
        j = j + 1
      end
      -- a negation after the last verb belongs to the group when an adjective or a participle
      -- follows ("is not prepared to", "is not ready"); other trailing words are the next words'
      local reach = g.last
      if t[g.last].pos == "AUX" then
        local k = g.last + 1
        while t[k] and (t[k].pos == "ADV" or NEGATION[t[k].low]) do k = k + 1 end
        if k > g.last + 1 and t[k] and (t[k].pos == "ADJ" or t[k].xpos == "VBN") then reach = k - 1 end
      end
      for k = g.first, reach do
        local x = t[k]
        if NEGATION[x.low] then g.neg = k end
        if x.xpos == "MD" and k <= g.last then g.modal = x.lemma end
        if k <= g.last then
          if x.pos == "AUX" and x.lemma == "be" then g.be = k end
          if x.pos == "VERB" or x.pos == "AUX" then g.head = k end
          if (x.xpos == "VBD" or x.xpos == "VBZ" or x.xpos == "VBP" or x.xpos == "MD") then g.finite = true end
        end
      end
      if g.inf then g.finite = false end
      local h = t[g.head]
      g.passive = g.be ~= nil and h.xpos == "VBN" and g.be < g.head
      groups[#groups + 1] = g
      for k = g.first, g.last do of[k] = #groups end
      i = g.last + 1
    else
      i = i + 1
    end
  end
  return groups, of
end

-- quotation spans: { first, last } of the words between an opening and a closing quotation mark
local function quotations(t)
  local q, open = {}, nil
  for i, w in ipairs(t) do
    local straight = w.word == "\""
    if open and (QUOTE_CLOSE[w.word] and (w.word ~= "’" or t[i + 1] == nil or t[i + 1].pos == "PUNCT")
        or straight) then
      q[#q + 1] = { first = open, last = i }
      open = nil
    elseif not open and QUOTE_OPEN[w.word] then
      open = i
    end
  end
  if open then q[#q + 1] = { first = open, last = #t } end   -- a quotation the sentence leaves open
  return q
end

function M.parse(words, pos, xpos, lemmas)
  local s = { t = token_list(words, pos, xpos, lemmas) }
  s.groups, s.group_of = verb_groups(s.t)
  s.quotes = quotations(s.t)
  return s
end

-- the quotation that holds token i, or nil
function M.quote_of(s, i)
  for _, q in ipairs(s.quotes) do
    if i > q.first and i < q.last then return q end
  end
end

-- {==================================================================
-- Noun phrases and subjects
-- ===================================================================

local RELATIVE = { that = true, which = true, who = true, whom = true, whose = true }

-- is token w a relative pronoun ("the plan, that would give", "officials who")?
function M.relative(w)
  return w.xpos == "WDT" or w.xpos == "WP" or w.xpos == "WP$" or (RELATIVE[w.low] and w.pos == "PRON")
end

-- the first token of the noun phrase that ends at token i ("the U.N. Security Council", "Russia's
-- foreign minister", "members of the Council"), or nil when token i ends none
function M.np_start(s, i)
  local t = s.t
  if not t[i] or not NOMINAL[t[i].pos] then return nil end
  local a = i
  while a > 1 do
    local p = t[a - 1]
    if IN_NP[p.pos] or p.xpos == "POS" or p.xpos == "HYPH" or (p.pos == "PUNCT" and p.word == "." and false) then
      a = a - 1
    elseif (p.low == "of" and t[a - 2] and NOMINAL[t[a - 2].pos])
        or (p.low == "and" and t[a - 2] and (NOMINAL[t[a - 2].pos] or t[a - 2].pos == "ADJ")) then
      a = a - 1
    else
      break
    end
  end
  return a
end

-- the last token of the noun phrase that starts at token i, or nil
function M.np_end(s, i)
  local t = s.t
  if not t[i] or not IN_NP[t[i].pos] then return nil end
  local b, last = i, nil
  while t[b] and (IN_NP[t[b].pos] or t[b].xpos == "POS" or t[b].xpos == "HYPH"
      or (t[b].low == "and" and last == b - 1 and t[b + 1] and IN_NP[t[b + 1].pos])) do
    if NOMINAL[t[b].pos] then last = b end
    b = b + 1
  end
  return last
end

-- going left from token i (excluded) past adverbs and one appositive or parenthesis between commas
-- ("Russia, a permanent member of the Council with veto power, could"): the token before
local function skip_left(s, i)
  local t = s.t
  local k = i - 1
  -- adverbs, negations and a floating quantifier ("Russia and the United States both hope")
  while k >= 1 and (t[k].pos == "ADV" or NEGATION[t[k].low] or ((t[k].low == "both" or t[k].low == "all")
      and t[k - 1] and NOMINAL[t[k - 1].pos])) do
    k = k - 1
  end
  if k >= 1 and t[k].word == "," then
    -- the comma before: what lies between must hold no verb group that has a subject of its own
    local c = k - 1
    while c >= 1 and t[c].word ~= "," and t[c].word ~= ";" and not QUOTE_CLOSE[t[c].word] do c = c - 1 end
    if c >= 1 and t[c].word == "," and c < k - 1 then
      local between_ok = IN_NP[t[c + 1].pos] or t[c + 1].pos == "ADP"
      for j = c + 1, k - 1 do
        local g = s.group_of[j]
        if g and s.groups[g].finite then between_ok = false end
      end
      if between_ok then return c - 1 end
    end
  end
  return k
end

-- the group whose complement holds token i most closely (its scope reaches i), or nil
local function governor(s, i)
  local best
  for k, g in ipairs(s.groups) do
    if g.last < i and M.scope(s, k) >= i then best = k end
  end
  return best
end

-- the subject of group k: first, last token of its noun phrase and how it was found
-- ("subject", "relative", "controller", "agent"), or nil when it has none the words show
function M.subject(s, k, depth)
  local t, g = s.t, s.groups[k]
  depth = depth or 0
  if depth > 4 then return nil end
  if g.inf then
    local up = governor(s, g.first)
    if up then
      local a, b, how = M.subject(s, up, depth + 1)
      if a then return a, b, "controller" end
    end
    return nil
  end
  local h = t[g.head]
  if (g.passive or (not g.finite and h.xpos == "VBN")) and t[g.last + 1] and t[g.last + 1].low == "by" then
    local b = M.np_end(s, g.last + 2)
    if b then return g.last + 2, b, "agent" end
  end
  if not g.finite and (h.xpos == "VBG" or h.xpos == "VBN") and g.first == g.head then
    -- a participle ("officials were meeting in Moscow, seeking ways"): the subject of the
    -- finite group before it in its clause
    for up = k - 1, 1, -1 do
      if s.groups[up].finite then
        if M.scope(s, up) < g.first then return nil end
        local a, b = M.subject(s, up, depth + 1)
        if a then return a, b, "subject of the clause" end
        return nil
      end
    end
    return nil
  end
  local e = skip_left(s, g.first)
  if e < 1 then return nil end
  local w = t[e]
  if M.relative(w) then
    -- a relative clause: the noun phrase before the pronoun
    local before = e - 1
    if t[before] and t[before].word == "," then before = before - 1 end
    local a = M.np_start(s, before)
    if a then return a, before, "relative" end
    return nil
  end
  local a = M.np_start(s, e)
  if a then return a, e, "subject" end
  return nil
end

-- {==================================================================
-- How far a group's complement reaches
-- ===================================================================

-- the words that start an adverbial clause, which is never a verb's complement ("as Moscow could
-- veto"); "that", "whether", "if" may start one
local ADVERBIAL = { as = true, because = true, ["while"] = true, although = true, though = true, whereas = true,
  since = true, when = true }

-- does a clause with a subject of its own start at token i ("while Iraq says", ", and Russia has")?
local function new_clause_at(s, i)
  local t = s.t
  local j = i
  while t[j] and (t[j].pos == "CCONJ" or t[j].pos == "ADV" or t[j].low == "while" or t[j].low == "but"
      or t[j].low == "although" or t[j].low == "though" or t[j].low == "whereas" or t[j].low == "as") do
    j = j + 1
  end
  if t[j] and M.relative(t[j]) then return false end   -- a relative clause
  local b = M.np_end(s, j)
  if not b then return false end
  local g = s.group_of[b + 1]
  return g ~= nil and s.groups[g].finite and s.groups[g].first == b + 1
end

-- the last token of group k's complement
function M.scope(s, k)
  s.scopes = s.scopes or {}
  if s.scopes[k] then return s.scopes[k] end
  local t, g = s.t, s.groups[k]
  local q = M.quote_of(s, g.head)
  local last = q and q.last - 1 or #t
  for i = g.last + 1, last do
    local w = t[i]
    if w.word == ";" or w.word == ":" and i > g.last + 1 then last = i - 1 break end
    if not q and (QUOTE_OPEN[w.word] and w.word ~= "\"") and i > g.last + 1
        and not (i == g.last + 2 and t[g.last + 1].low == "that") then
      -- a quotation that starts after the complement began is the complement only right after the verb
      last = i - 1
      break
    end
    if (w.word == "," or w.pos == "CCONJ" or ADVERBIAL[w.low]) and i > g.last + 1
        and new_clause_at(s, w.word == "," and i + 1 or i) then
      last = i - 1
      break
    end
  end
  s.scopes[k] = last
  return last
end

-- the groups whose complement holds token i, nearest first
function M.governors(s, i)
  local out = {}
  for k = #s.groups, 1, -1 do
    local g = s.groups[k]
    if g.last < i and M.scope(s, k) >= i then out[#out + 1] = k end
  end
  return out
end

return M
