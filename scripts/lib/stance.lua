-- stance.lua: the statements of one parsed sentence (syntax.lua) on the topics of a positions data
-- file: where a topic is named, the predicate that governs it (a verb, an adjective after "be", a
-- noun, an obligation, "X-backed"), that predicate's holders (its subject when it names an actor,
-- a first person's speaker, a pronoun's antecedent, a speech's source) and the stance with what
-- turns it (negation, "no", "the removal of", a verb of ending) and the conditions on it. Each rule
-- abstains where the words do not show its answer plainly. scripts/positions.lua reads documents
-- with it; the cue lists are compiled here so that matching and compiling agree on a cue's form.
--
--   local stance = require "stance"
--   stance.compile_cues(list, where), stance.lemma_set(list)             -- for the data file
--   stance.on(d, s, ti, tj, ctx) -> list of { actor, speaker, stance, cue, cue_a, cue_b, explain }
--   stance.topic_places(s, topic), stance.find(s, cues), stance.anaphoric(s, places)
local syntax = require "syntax"

local M = {}

-- {==================================================================
-- Cues
-- ===================================================================

-- a cue: its words, each { text, wild = stem or nil, pos = UPOS or nil }
local function compile_cue(c)
  local words = {}
  for w in c:gmatch("%S+") do
    local word, pos = w:match("^(.-)/(%u+)$")
    word = word or w
    words[#words + 1] = { text = word, wild = word:sub(-1) == "*" and word:sub(1, -2) or nil, pos = pos }
  end
  return words
end

function M.compile_cues(list, where)
  local out = {}
  for _, c in ipairs(list or {}) do
    if type(c) ~= "string" then error(where .. ": a cue is not a string", 0) end
    out[#out + 1] = compile_cue(c)
  end
  return out
end

-- a set of lemmas, and of two-word predicates ("call for") by their first word
function M.lemma_set(list)
  local set = { pairs = {} }
  for _, w in ipairs(list or {}) do
    local a, b = w:match("^(%S+)%s+(.+)$")
    if a then
      set.pairs[a] = set.pairs[a] or {}
      table.insert(set.pairs[a], b)
    else
      set[w] = true
    end
  end
  return set
end

-- {==================================================================
-- Matching cues on the words of a parsed sentence
-- ===================================================================

local function word_fits(cw, tok)
  if cw.pos and tok.pos ~= cw.pos then return false end
  if cw.wild then return #tok.low > #cw.wild - 1 and tok.low:sub(1, #cw.wild) == cw.wild end
  return tok.low == cw.text or tok.low == cw.text .. "'s"
end

-- does cue c start at token i of s?
local function cue_at(s, c, i)
  for k, cw in ipairs(c) do
    local tok = s.t[i + k - 1]
    if not tok or not word_fits(cw, tok) then return false end
  end
  return true
end

-- a list of cues by their first word ({ by = { word = {n, ...} }, any = {n, ...} }, n their
-- places in the list; any: those whose first word is a stem or that have none), made once per list
-- (remembered weakly): a token is tried only against the cues that can start there
local indexes = setmetatable({}, { __mode = "k" })
local function cue_index(cues)
  local ix = { by = {}, any = {} }
  for n, c in ipairs(cues) do
    local w = c[1]
    local list = (not w or w.wild) and ix.any or ix.by[w.text]
    if not list then list = {}; ix.by[w.text] = list end
    list[#list + 1] = n
  end
  ix.many = #ix.any
  indexes[cues] = ix
  return ix
end

-- the first place n in list (before best, if any) whose cue starts at token i, else best
local function first_in(list, s, cues, i, best)
  for k = 1, #list do
    local n = list[k]
    if best and n >= best then break end
    if cue_at(s, cues[n], i) then return n end
  end
  return best
end

-- a token's lower-case form without a final 's ("iraq's"), or false: remembered in the token
local function without_s(tok)
  local w = tok.low_s
  if w == nil then
    local low = tok.low
    w = #low > 2 and low:sub(-2) == "'s" and low:sub(1, -3) or false
    tok.low_s = w
  end
  return w
end

-- the first cue of the list (in its order) that starts at token i of s, or nil: what trying each
-- cue in turn with cue_at gives, without trying those whose first word is another
local function first_cue_at(s, cues, i)
  local ix = indexes[cues] or cue_index(cues)
  local best
  if ix.many > 0 then best = first_in(ix.any, s, cues, i, nil) end
  local tok = s.t[i]
  if tok then
    local by = ix.by
    local list = by[tok.low]
    if list then best = first_in(list, s, cues, i, best) end
    local w = without_s(tok)
    if w then
      list = by[w]
      if list then best = first_in(list, s, cues, i, best) end
    end
  end
  return best and cues[best]
end

-- every { first, last } where one of the cues stands in s, between tokens a and b (first_cue_at
-- at each token, written out: this loop runs for every cue list on every sentence read)
local function find(s, cues, a, b)
  local out = {}
  local ix = indexes[cues] or cue_index(cues)
  local by, any, many, t = ix.by, ix.any, ix.many, s.t
  for i = a or 1, b or #t do
    local best
    if many > 0 then best = first_in(any, s, cues, i, nil) end
    local tok = t[i]
    if tok then
      local list = by[tok.low]
      if list then best = first_in(list, s, cues, i, best) end
      local w = tok.low_s
      if w == nil then w = without_s(tok) end
      if w then
        list = by[w]
        if list then best = first_in(list, s, cues, i, best) end
      end
    end
    if best then out[#out + 1] = { i, i + #cues[best] - 1 } end
  end
  return out
end

-- the places where topic t is named in s ({ first, last }), its exceptions left out
local function topic_places(s, t)
  local out = {}
  local skip = {}
  for _, e in ipairs(find(s, t.except)) do for k = e[1], e[2] do skip[k] = true end end
  for _, at in ipairs(find(s, t.any)) do
    if not skip[at[1]] then out[#out + 1] = at end
  end
  return out
end

-- the places among places that refer back to one named before: "such a resolution", "the
-- resolution", "this resolution" (not "all U.N. resolutions", "a Congressional resolution")
local ANAPHORIC = { such = true, the = true, this = true, that = true }
local function anaphoric(s, places)
  local out = {}
  for _, p in ipairs(places) do
    local i = p[1] - 1              -- past the names that say whose: "a UN Security Council resolution"
    while s.t[i] and (s.t[i].pos == "PROPN" or s.t[i].xpos == "HYPH") do i = i - 1 end
    local before = s.t[i]
    local singular = s.t[p[2]].xpos ~= "NNS"
    if before and singular and (ANAPHORIC[before.low] or before.low == "a") then out[#out + 1] = p end
  end
  return out
end

-- {==================================================================
-- One sentence: predicates, stances, holders
-- ===================================================================

local pronoun_holder
local COUNTRY_WORDS = { nation = true, country = true, government = true, administration = true, state = true }
local POSSESSIVE = { his = true, her = true, their = true, its = true }
local FIRST_PERSON = { i = true, we = true, me = true, us = true, our = true, my = true }
local THIRD_PERSON = { he = true, she = true, they = true, him = true, her = true, them = true }
local POSSIBLE = { could = true, might = true, may = true }

local INTENT = { will = true, would = true, shall = true, ["'ll"] = true, wo = true }

-- the stance class of group k of s ("supports", "opposes"), what carries it ("verb", "adjective"),
-- and the last word of it; evaluative = true: the adjectives that judge their subject ("is
-- necessary") instead of those that say what the subject is ready to do
local function predicate_of(d, s, k, evaluative)
  local g = s.groups[k]
  local h = s.t[g.head]
  local nxt = s.t[g.last + 1]
  if evaluative then
    if h.lemma ~= "be" then return nil end
    local i = g.last + 1
    while s.t[i] and (s.t[i].pos == "ADV" or s.t[i].pos == "PART") do i = i + 1 end
    for _, class in ipairs({ "supports", "opposes" }) do
      local c = first_cue_at(s, d.pred["ev_" .. class], i)
      if c then return class, "judgement", i + #c - 1 end
    end
    return nil
  end
  -- a verb of action is a stance only as an intention: "to help", "seeking ways of developing",
  -- "would not take part"; "Baghdad assisted the network" is a report, not a stance
  if h.pos == "VERB" and (not g.finite or (g.modal and INTENT[g.modal])) then
    local set = d.pred.actions
    if set.pairs[h.lemma] and nxt then
      for _, second in ipairs(set.pairs[h.lemma]) do
        if nxt.low == second then return "supports", "intention", g.last + 1 end
      end
    end
    if set[h.lemma] then return "supports", "intention", g.last end
    if d.pred.against[h.lemma] then return "opposes", "intention", g.last end   -- "to try to avoid war"
  end
  for _, class in ipairs({ "supports", "opposes" }) do
    local set = d.pred[class]
    if set.pairs[h.lemma] and nxt then
      for _, second in ipairs(set.pairs[h.lemma]) do
        if nxt.low == second then return class, "verb", g.last + 1 end
      end
    end
    if set[h.lemma] and h.pos == "VERB" then return class, "verb", g.last end
  end
  -- "be" with an adjective: "is ready to", "is not prepared to", "is opposed to"
  if h.lemma == "be" and nxt then
    local i = g.last + 1
    while s.t[i] and (s.t[i].pos == "ADV" or s.t[i].pos == "PART") do i = i + 1 end
    for _, class in ipairs({ "supports", "opposes" }) do
      local c = first_cue_at(s, d.pred["adj_" .. class], i)
      if c then return class, "adjective", i + #c - 1 end
    end
  end
  return nil
end

-- is group k an obligation ("must", "should", "has to")? the last word of it, or nil. Only a
-- finite one: "I do not want them to have to go" demands nothing
local function obligation_of(d, s, k)
  local g = s.groups[k]
  if not g.finite then return nil end
  for i = g.first, g.last do
    local c = first_cue_at(s, d.pred.obligation, i)
    if c then return i + #c - 1 end
  end
end

-- the words between a and b (excluded) that turn the stance on the topic around
local function turns_between(d, s, a, b)
  local n, words = 0, {}
  for i = a + 1, b - 1 do
    local w = s.t[i]
    local verb_or_noun = w.pos == "VERB" or w.pos == "NOUN" or w.pos == "DET" or w.pos == "ADP" or w.pos == "SCONJ"
    if verb_or_noun and (d.pred.against[w.lemma] or d.pred.against[w.low]) then
      n = n + 1
      words[#words + 1] = w.word
    end
  end
  for k, g in ipairs(s.groups) do       -- a negated verb between: "a resolution that would not allow"
    if g.first > a and g.last < b and g.neg then
      n = n + 1
      words[#words + 1] = s.t[g.neg].word .. " " .. s.t[g.head].word
    end
  end
  return n, words
end

-- the group whose subject the topic at i is part of ("sanctions must stay", "that sanctions be
-- lifted"), if it comes right after that noun phrase
local function topic_predicate(s, i)
  local last = syntax.np_end(s, i) or i
  local k = s.group_of[last + 1]
  if k and s.groups[k].first == last + 1 then return k end
end

-- the source of a quotation q: the subject of a speech verb right after it ('"...," said X', '"...,"
-- X said') or right before it ('X said: "..."'), or nil
local function quote_source(d, s, q)
  for k, g in ipairs(s.groups) do
    local h = s.t[g.head]
    if d.pred.speech[h.lemma] then
      local after = g.first > q.last and g.first <= q.last + 4
      local before = g.last < q.first and q.first - g.last <= 3
      if after or before then
        local a, b = syntax.subject(s, k)
        if after and not a then       -- inverted: "said Tariq Aziz"
          local e = syntax.np_end(s, g.last + 1)
          if e then a, b = g.last + 1, e end
        end
        if a then return a, b end
      end
    end
  end
end

-- the actors named in tokens a..b of s: { {actor, alias} }. One per part of a coordination
-- ("Russia and the United States"); else the last one named ("Russia's foreign minister").
local function actors_in(s, mentions, a, b)
  local parts, from = {}, a
  for i = a, b + 1 do
    if i > b or s.t[i].low == "and" then parts[#parts + 1] = { from, i - 1 }; from = i + 1 end
  end
  local out, seen = {}, {}
  for pi, p in ipairs(parts) do
    local found
    for _, m in ipairs(mentions) do
      if m.first >= p[1] and m.last <= p[2] then found = m end
    end
    -- an adjective alone shares the head of the last part: "Russian" (and Iraqi) "officials"
    if not found and pi < #parts and p[1] == p[2] and s.t[p[1]].pos == "ADJ" and mentions.matcher then
      local head = s.t[parts[#parts][2]].word
      local m = mentions.matcher:scan(s.t[p[1]].word .. " " .. head, mentions.date)[1]
      if m then found = { entity = m.entity, alias = m.alias } end
    end
    if found and not seen[found.entity] then
      seen[found.entity] = true
      out[#out + 1] = { found.entity, found.alias }
    end
  end
  return out
end

-- the one actor (or the first) named in tokens a..b
local function actor_in(s, mentions, a, b)
  local all = actors_in(s, mentions, a, b)
  if all[1] then return all[1][1], all[1][2] end
end

local function words_of(s, a, b)
  local out = {}
  for i = a, b do out[#out + 1] = s.t[i].word end
  return (table.concat(out, " "):gsub(" ([,.’'])", "%1"))
end

-- the nearest actor named before token i in s, outside quotations: what a pronoun refers to
local function antecedent(s, mentions, i)
  local best
  for _, m in ipairs(mentions) do
    if m.last < i and not syntax.quote_of(s, m.first) then best = m end
  end
  return best
end

-- the holders of predicate group k: a list of { actor, the words naming it }, how they were found;
-- or nil
local function holder_of(d, s, k, ctx)
  local a, b, how = syntax.subject(s, k)
  if not a then
    -- a transcript's sentence that is an infinitive alone ("To try to avoid a war.") is the turn's
    local first = s.groups[1]
    if ctx.turn_actor and first and first.inf and first.first <= 3 and s.groups[k].first >= first.first then
      return { { ctx.turn_actor, ctx.turn_speaker } }, "the turn's speaker (no subject)"
    end
    return nil
  end
  local all = actors_in(s, ctx.mentions, a, b)
  if #all > 0 then return all, how end
  local actor, alias
  -- "his nation", "their government": the country of the one the possessive stands for
  if b == a + 1 and s.t[a].xpos == "PRP$" and COUNTRY_WORDS[s.t[b].low] then
    actor, alias, how = pronoun_holder(d, s, a, a, ctx, true)
    if actor then return { { actor, alias } }, how end
  end
  actor, alias, how = pronoun_holder(d, s, a, b, ctx)
  if actor then return { { actor, alias } }, how end
end

-- the actor that the pronoun at a..b (one word) stands for, the words, how; or nil
pronoun_holder = function(d, s, a, b, ctx, possessive)
  local w = s.t[b]
  if a ~= b then return nil end
  if possessive and not POSSESSIVE[w.low] then return nil end
  if FIRST_PERSON[w.low] then
    local q = syntax.quote_of(s, a)
    if q then
      local qa, qb = quote_source(d, s, q)
      if qa then
        local qactor, qalias = actor_in(s, ctx.mentions, qa, qb)
        if qactor then return qactor, qalias, "first person in a quotation" end
        if ctx.last and THIRD_PERSON[s.t[qb].low] then return ctx.last.actor, ctx.last.alias, "quotation of the last holder" end
      end
      return nil
    end
    if ctx.turn_actor then return ctx.turn_actor, ctx.turn_speaker, "first person of the turn's speaker" end
    return nil
  end
  if THIRD_PERSON[w.low] or w.low == "it" or possessive then
    -- the source of the speech that holds it ("Putin said he would ..."), the actor named before
    -- it in the sentence ("Moscow ..., but it is pressing"), or the last holder
    for _, up in ipairs(syntax.governors(s, a)) do
      local ug = s.groups[up]
      if d.pred.speech[s.t[ug.head].lemma] then
        local sa, sb = syntax.subject(s, up)
        local sactor, salias
        if sa then sactor, salias = actor_in(s, ctx.mentions, sa, sb) end
        if sactor then return sactor, salias .. " (" .. w.word .. ")", "pronoun: the source of the speech" end
      end
    end
    local m = antecedent(s, ctx.mentions, a)
    if m then return m.entity, m.alias .. " (" .. w.word .. ")", "pronoun: the actor named before it" end
    if ctx.last then return ctx.last.actor, ctx.last.alias .. " (" .. w.word .. ")", "pronoun: the holder before" end
  end
  return nil
end

-- the holder of an obligation or a judgement: the source of the speech that holds it, a first
-- person subject's speaker ("We must get a resolution"), the turn's speaker, or a quotation's source
local function obligation_holder(d, s, k, ctx)
  local g = s.groups[k]
  local a, b = syntax.subject(s, k)
  if a and a == b and FIRST_PERSON[s.t[a].low] then
    local actor, alias, how = pronoun_holder(d, s, a, b, ctx)
    if actor then return actor, alias, how end
  end
  for _, up in ipairs(syntax.governors(s, g.first)) do
    local ug = s.groups[up]
    if d.pred.speech[s.t[ug.head].lemma] then
      local a, b = syntax.subject(s, up)
      local actor, alias
        if a then actor, alias = actor_in(s, ctx.mentions, a, b) end
      if actor then return actor, alias, "source of the speech that demands it" end
      return nil
    end
  end
  local q = syntax.quote_of(s, g.first)
  if q then
    local qa, qb = quote_source(d, s, q)
    local actor, alias
        if qa then actor, alias = actor_in(s, ctx.mentions, qa, qb) end
    if actor then return actor, alias, "source of the quotation that demands it" end
    return nil
  end
  if ctx.turn_actor then return ctx.turn_actor, ctx.turn_speaker, "the turn's speaker demands it" end
end

-- what a condition does to group k: "conditional" when one stands on it (a condition word in its
-- complement, or a clause of condition before it: "If Iraq leaves Kuwait, we will support ..."),
-- "inside" when the group is itself in the condition ("If Turkey's parliament decides to reject
-- ...": a supposition, no stance), nil when none. A concession ("even if") is no condition.
local function conditioned(d, s, k)
  local g = s.groups[k]
  local concession = {}
  for _, c in ipairs(find(s, d.pred.concessions)) do for i = c[1], c[2] do concession[i] = true end end
  for _, c in ipairs(find(s, d.pred.conditions, 1, syntax.scope(s, k))) do
    if not concession[c[1]] then
      if c[1] > g.last then return "conditional" end
      -- before the group: its clause ends at the first comma after it
      local closed = false
      for i = c[2] + 1, g.first - 1 do if s.t[i].word == "," then closed = true break end end
      return closed and "conditional" or "inside"
    end
  end
end

local stance_of

-- the stance of a noun before the topic whose complement names it ("Iraq's offer to allow
-- inspectors", "critics of the war"): a list of statements, or nil
local function nominal_stance(d, s, ti, tj, ctx)
  for n = ti - 1, math.max(1, ti - 12), -1 do
    local w = s.t[n]
    local class = w.pos == "NOUN" and (d.pred.nominal_supports[w.low] and "supports"
      or d.pred.nominal_opposes[w.low] and "opposes")
    local nxt = s.t[n + 1]
    -- a clause between ends the search, but for a claim's content ("contentions that Baghdad ...")
    if not class and s.group_of[n] and s.groups[s.group_of[n]].finite then
      local that = false
      for k = n - 1, math.max(1, n - 4), -1 do
        if s.t[k].low == "that" and d.pred.nominal_supports[s.t[k - 1] and s.t[k - 1].low or ""] then that = true end
      end
      if not that then return nil end
    end
    if class and nxt and (nxt.low == "to" or nxt.low == "of" or nxt.low == "for" or nxt.low == "on"
        or nxt.low == "that" or nxt.low == "from" or nxt.low == "by") then
      -- the holder: a possessor or an actor named in the noun phrase, "from"/"by" an actor, or
      -- the subject of "be" ("Moscow was one of the critics of")
      local a = syntax.np_start(s, n) or n
      local holders = actors_in(s, ctx.mentions, a, n - 1)
      local how = "named with the noun"
      if #holders == 0 and (nxt.low == "from" or nxt.low == "by") then
        local e = syntax.np_end(s, n + 2)
        if e then holders, how = actors_in(s, ctx.mentions, n + 2, e), "after '" .. nxt.low .. "'" end
      end
      -- the object of a verb: its subject holds it ("the talks gave a fresh impetus to"); an
      -- existential or a noun with no holder of its own in a speech: the speaker ("asserted that
      -- there is no proof of")
      local up = s.group_of[a - 1]
      if #holders == 0 and up and s.t[s.groups[up].head].lemma ~= "be" then
        local sa, sb = syntax.subject(s, up)
        if sa then holders, how = actors_in(s, ctx.mentions, sa, sb), "subject of '" .. s.t[s.groups[up].head].word .. "'" end
      end
      if #holders == 0 then
        for _, k in ipairs(syntax.governors(s, n)) do
          if d.pred.speech[s.t[s.groups[k].head].lemma] then
            local sa, sb = syntax.subject(s, k)
            if sa then holders, how = actors_in(s, ctx.mentions, sa, sb), "source of the speech" end
            break
          end
        end
      end
      if #holders == 0 then
        local be = s.group_of[a - 1] or (s.t[a - 1] and s.t[a - 1].low == "of" and s.group_of[a - 3])
        if be and s.t[s.groups[be].head].lemma == "be" then
          local sa, sb = syntax.subject(s, be)
          if sa then holders, how = actors_in(s, ctx.mentions, sa, sb), "subject of 'be'" end
        end
      end
      if #holders == 0 then return nil end
      -- a noun in a supposition ("If Turkey's parliament decides to reject the U.S. offer") or
      -- with a condition is left out
      for _, k in ipairs(syntax.governors(s, n)) do
        if conditioned(d, s, k) then return nil end
        break
      end
      if #find(s, d.pred.conditions, n, #s.t) > 0 then return nil end
      local stance = class
      local flips, words = turns_between(d, s, n, ti)
      for i = a, n - 1 do if s.t[i].low == "no" then flips = flips + 1; words[#words + 1] = "no" end end
      if flips % 2 == 1 then stance = class == "supports" and "opposes" or "supports" end
      local out = {}
      for _, h in ipairs(holders) do
        out[#out + 1] = { actor = h[1], speaker = h[2], stance = stance, cue = words_of(s, a, n + 1), cue_a = a, cue_b = n + 1,
          explain = string.format("holder: %s; stance: noun '%s'%s", how, w.word,
            #words > 0 and (", turned by '" .. table.concat(words, "', '") .. "'") or "") }
      end
      return out
    end
  end
end

-- the stance of "X-backed" before the topic: "a U.S.-backed draft resolution"
local BACKED = { backed = true, sponsored = true, supported = true, drafted = true, proposed = true }
local function compound_stance(d, s, ti, ctx)
  for n = ti - 1, math.max(2, ti - 4), -1 do
    if BACKED[s.t[n].low] and s.t[n - 1].xpos == "HYPH" then
      local e = n - 2
      local a = e
      while s.t[a - 1] and (s.t[a - 1].pos == "PROPN" or s.t[a - 1].pos == "ADJ" or s.t[a - 1].word == ","
          or s.t[a - 1].low == "and") do
        a = a - 1
      end
      local out = {}
      for _, h in ipairs(actors_in(s, ctx.mentions, a, e)) do
        out[#out + 1] = { actor = h[1], speaker = h[2], stance = "supports", cue = words_of(s, a, n), cue_a = a, cue_b = n,
          explain = "holder: named before '-" .. s.t[n].word .. "'; stance: compound '" .. words_of(s, a, n) .. "'" }
      end
      return out
    end
    if s.group_of[n] and s.groups[s.group_of[n]].finite then return nil end
  end
end

-- the statements on the topic at [ti, tj] of s: a list, or nil (none, or not plain)
local function stance_on(d, s, ti, tj, ctx)
  local govs = syntax.governors(s, ti)
  -- the stance predicates that govern the topic, nearest first, up to a verb of speech: "Russia
  -- has signed on to a plan, backed by France and Germany, that would give inspectors ..." holds
  -- the stances of France and Germany (backed) and of Russia (signed on)
  local found = {}
  local action
  for _, k in ipairs(govs) do
    local class, kind, cue_last = predicate_of(d, s, k)
    local must = obligation_of(d, s, k)
    if must then      -- "you should agree to remove sanctions", "We must get a resolution passed"
      found[#found + 1] = { k, class or "supports", "obligation", cue_last or must }
    elseif class and kind == "intention" then
      -- an action is the stance only when no predicate governs it: "is not prepared to send"
      -- is the stance of "prepared", "would not take part" that of "take part"
      action = action or { k, class, kind, cue_last }
    elseif class then
      found[#found + 1] = { k, class, kind, cue_last }
    elseif action and #found == 0 then
      break
    end
    -- a verb of speech between: the stance would be the speaker's, and none was stated
    if d.pred.speech[s.t[s.groups[k].head].lemma] then break end
  end
  if #found == 0 and action then found[1] = action end
  local out, holders_seen = {}, {}
  for _, f in ipairs(found) do
    for _, st in ipairs(stance_of(d, s, ti, tj, ctx, f[1], f[2], f[3], f[4]) or {}) do
      if not holders_seen[st.actor] then
        holders_seen[st.actor] = true
        out[#out + 1] = st
      end
    end
  end
  local more = nominal_stance(d, s, ti, tj, ctx) or {}
  for _, st in ipairs(compound_stance(d, s, ti, ctx) or {}) do more[#more + 1] = st end
  for _, st in ipairs(more) do
    if not holders_seen[st.actor] then
      holders_seen[st.actor] = true
      out[#out + 1] = st
    end
  end
  if #out > 0 then return out end
  -- the topic as the subject of its own predicate: "sanctions must stay", "such a resolution is
  -- necessary"
  local own = topic_predicate(s, ti)
  if own then
    local jclass, jkind, jlast = predicate_of(d, s, own, true)
    local must = obligation_of(d, s, own)
    if jclass then return stance_of(d, s, ti, tj, ctx, own, jclass, jkind, jlast) end
    if must then return stance_of(d, s, ti, tj, ctx, own, "supports", "obligation", must) end
  end
  return nil
end

-- the stance that predicate group pk (its class, kind and last word) takes on the topic at
-- [ti, tj], held by its holders: a list of statements, or nil
stance_of = function(d, s, ti, tj, ctx, pk, class, kind, cue_last)
  local own = topic_predicate(s, ti)
  local g = s.groups[pk]
  local why = {}
  if g.modal and POSSIBLE[g.modal] and not g.neg then return nil end        -- "could veto": a possibility
  if s.t[#s.t].word == "?" then return nil end
  if #find(s, d.pred.unclear, 1, tj) > 0 then return nil end      -- "has not decided whether to"
  -- the topic in a condition ("ready to lift sanctions if Baghdad cooperates with inspectors") or
  -- in a relative clause of another topic ("a resolution which would authorize force") is not
  -- what the predicate takes a stance on
  if cue_last < ti then
    if #find(s, d.pred.conditions, cue_last + 1, ti - 1) > 0 then return nil end
    local other = false
    for i = cue_last + 1, ti - 1 do
      if ctx.topic_at[i] then other = true end
      if other and syntax.relative(s.t[i]) then return nil end
    end
  end
  local flips = 0
  if g.neg then flips = flips + 1; why[#why + 1] = "negated by '" .. s.t[g.neg].word .. "'" end
  local judged = pk == own
  if not judged then
    local n, words = turns_between(d, s, cue_last, ti)
    if n > 0 then flips = flips + n; why[#why + 1] = "turned by '" .. table.concat(words, "', '") .. "'" end
    -- "no bloodshed": a determiner of the topic's own noun phrase
    local a = syntax.np_start(s, syntax.np_end(s, ti) or tj) or ti
    for i = a, ti - 1 do
      if s.t[i].low == "no" and i > cue_last then flips = flips + 1; why[#why + 1] = "turned by 'no'" end
    end
  end
  -- the topic's own verb, when it is in the complement: "that sanctions be lifted", "must stay"
  if own and (own == pk or s.groups[own].first <= syntax.scope(s, pk)) then
    local og = s.groups[own]
    local h = s.t[og.head]
    if d.pred.against[h.lemma] then flips = flips + 1; why[#why + 1] = "turned by '" .. h.word .. "'" end
    if og.neg and own ~= pk then flips = flips + 1; why[#why + 1] = "turned by '" .. s.t[og.neg].word .. "'" end
  end
  local stance = class
  if flips % 2 == 1 then stance = class == "supports" and "opposes" or "supports" end
  local cond = conditioned(d, s, pk)
  if cond == "inside" then return nil end
  if cond then
    why[#why + 1] = "conditional"
    stance = "conditional"
  end
  local holders, how
  if kind == "obligation" or judged then
    local actor, alias
    actor, alias, how = obligation_holder(d, s, pk, ctx)
    holders = actor and { { actor, alias } }
  else
    holders, how = holder_of(d, s, pk, ctx)
  end
  if not holders then return nil end
  local cue = words_of(s, g.first, cue_last)
  local out = {}
  for _, h in ipairs(holders) do
    out[#out + 1] = { actor = h[1], speaker = h[2], stance = stance, cue = cue, cue_a = g.first, cue_b = cue_last,
      explain = string.format("holder: %s; stance: %s '%s'%s", how, kind, cue,
        #why > 0 and (", " .. table.concat(why, ", ")) or "") }
  end
  return out
end


M.find = find
M.topic_places = topic_places
M.anaphoric = anaphoric
M.on = stance_on

return M
