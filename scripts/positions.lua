-- positions.lua: who stands where on what, with the sentence that says so, and how it changed.
-- A statement is a holder, a topic and a stance read from the structure of one sentence (scripts/
-- lib/syntax.lua, over the parts of speech of the annotation layers or of lector.tag): a topic
-- named in the complement of a stance predicate ("could not support any resolution that would
-- ...", "demanded that Iraq readmit inspectors", "is not prepared to send peacekeepers", "sanctions
-- must stay"), that predicate's negation, the words between that turn the stance around ("the
-- removal of sanctions", "no bloodshed") and the conditions on it; the holder is the predicate's
-- subject when it names an actor, a first person's speaker (the transcript turn, the source of a
-- quotation), or a pronoun's antecedent (the source of the speech that holds it, or the holder
-- of the statement just before). Where the sentence does not show a holder or a stance plainly,
-- it gives no statement: silence rather than a guess. Then the diff: for each actor and topic,
-- its position per document in date order, and what changed between documents of different dates.
--
--   lector run scripts/positions.lua [--corpus DIR] [--show statements|timeline|changes]
--     [--by doc|year|decade|month|FIELD] [--where FIELD=VALUE,..] [--actors FILE] [--topics FILE]
--     [--data FILE] [--explain] [--scan] [--format table|tsv|csv|json]
--
-- statements: file, date, actor, topic, stance, speaker, cue, start, end, evidence (the sentence;
--             start/end its byte span in the file), and with --explain how each was decided.
-- timeline:   actor, topic, date, file, stance, statements, evidence (one row per document).
-- changes:    actor, topic, from_date, from_stance, to_date, to_stance, change, from_evidence,
--             to_evidence.
-- this file's folder (whether run or required), for its lib/ and data/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. here .. "/lib/?.lua;" .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local entities = require "entities"
local datafile = require "data"
local syntax = require "syntax"
local stance = require "stance"
local lexicon = require "lexicon"
local groups = require "groups"

local M = {}
M.DATA = here .. "/data/positions.lua"
M.STANCES = { "supports", "opposes", "conditional" }

-- {==================================================================
-- The data file: actors, topics with their cues, predicates by lemma
-- ===================================================================

local KNOWN_TOPIC_KEYS = { [1] = true, name = true, any = true, also = true, except = true, follow = true }
local KNOWN_PREDICATES = { supports = true, opposes = true, actions = true, adjectives = true, evaluative = true,
  nominal = true,
  obligation = true, speech = true, against_topic = true, conditions = true, concessions = true, unclear = true }

-- a topic of a topics lexicon (lexicon.lua) in the data file's form
local function from_lexicon(t)
  return { t.name, any = t.triggers, except = t.exclude, also = #t.also > 0 and t.also or nil, follow = t.follow }
end

-- load the data file: actors, topics and predicates, compiled. own.actors / own.topics (lists as
-- lexicon.load returns them) replace the data file's.
function M.load(path, own)
  own = own or {}
  path = path or M.DATA
  local data, err = datafile.load(path)
  if not data then return nil, err end
  if type(data.actors) ~= "table" or type(data.topics) ~= "table" then
    return nil, path .. ": needs tables `actors` and `topics`"
  end
  if own.actors then data.actors = own.actors end
  if own.topics then
    data.topics = {}
    for i, t in ipairs(own.topics) do data.topics[i] = from_lexicon(t) end
  end
  local ok, matcher = pcall(entities.compile, data.actors)
  if not ok then return nil, path .. ": " .. tostring(matcher) end
  -- how: what a worker of C:map loads the same data from
  local d = { matcher = matcher, topics = {}, how = { data = path, own = own } }
  for i, t in ipairs(data.topics) do
    for k in pairs(t) do
      if not KNOWN_TOPIC_KEYS[k] then return nil, string.format("%s: topic %d: unknown key `%s`", path, i, tostring(k)) end
    end
    local name = t[1] or t.name
    local where = string.format("%s: topic %s", path, tostring(name or i))
    local ok2, topic = pcall(function()
      local also
      if t.also then
        also = {}
        local groups = type(t.also[1]) == "table" and t.also or { t.also }
        for k, g in ipairs(groups) do also[k] = stance.compile_cues(g, where) end
      end
      return { name = name, any = stance.compile_cues(t.any, where), also = also, except = stance.compile_cues(t.except, where),
        follow = t.follow }
    end)
    if not ok2 then return nil, topic end
    if type(name) ~= "string" or #topic.any == 0 then return nil, where .. ": needs a name and `any` cues" end
    d.topics[#d.topics + 1] = topic
  end
  local p = data.predicates or {}
  for k in pairs(p) do
    if not KNOWN_PREDICATES[k] then return nil, string.format("%s: predicates: unknown key `%s`", path, tostring(k)) end
  end
  local adj, ev = p.adjectives or {}, p.evaluative or {}
  d.pred = { supports = stance.lemma_set(p.supports), opposes = stance.lemma_set(p.opposes), actions = stance.lemma_set(p.actions),
    adj_supports = stance.compile_cues(adj.supports, path), adj_opposes = stance.compile_cues(adj.opposes, path),
    ev_supports = stance.compile_cues(ev.supports, path), ev_opposes = stance.compile_cues(ev.opposes, path),
    concessions = stance.compile_cues(p.concessions, path),
    nominal_supports = stance.lemma_set((p.nominal or {}).supports), nominal_opposes = stance.lemma_set((p.nominal or {}).opposes),
    obligation = stance.compile_cues(p.obligation, path), speech = stance.lemma_set(p.speech),
    against = stance.lemma_set(p.against_topic), against_cues = stance.compile_cues(p.against_topic, path),
    conditions = stance.compile_cues(p.conditions, path), unclear = stance.compile_cues(p.unclear, path) }
  return d
end

-- {==================================================================
-- Documents
-- ===================================================================

-- whether each corpus has the tagger's layers (remembered weakly, per corpus)
local layered = setmetatable({}, { __mode = "k" })

local function has_layers(C)
  if layered[C] == nil then
    local have = {}
    for _, a in ipairs(C:attributes()) do have[a] = true end
    layered[C] = (have.pos and have.xpos and have.lemma) or false
  end
  return layered[C]
end

-- the words, parts of speech, xpos and lemmas of span sp (the corpus's, or the tagger's now)
local function tagged(C, sp)
  local words = sp:tokens()
  if has_layers(C) then return words, sp:tokens("pos"), sp:tokens("xpos"), sp:tokens("lemma") end
  return words, lector.tag(words)
end

-- token i's byte offset in the sentence text (from 0), the words found in order
local function offsets(stext, words)
  local at, from = {}, 1
  for i, w in ipairs(words) do
    local a, b = stext:find(w, from, true)
    if a then at[i] = { a - 1, b }; from = b + 1 else at[i] = { from - 1, from - 1 } end
  end
  return at
end

-- the mentions of actors in the sentence, as token ranges
local function mentions_in(d, s, stext, at, date)
  local out = { matcher = d.matcher, date = date }
  for _, m in ipairs((d.matcher:scan(stext, date))) do
    local first, last
    for i, o in ipairs(at) do
      if not first and o[2] > m.start then first = i end
      if o[1] < m.stop then last = i end
    end
    if first and last and last >= first then
      out[#out + 1] = { first = first, last = last, entity = m.entity, alias = m.alias }
    end
  end
  return out
end

-- the statements of one document: rows { file, date, actor, topic, stance, speaker, cue, start, end,
-- evidence, explain }. With `at` (the sentences of the document that hold one of the topics'
-- trigger words, from the index: { spans =, numbers = } as C:sentences_at gives them) only those
-- are read; else every sentence is looked at. The rows are the same: a topic is named only where
-- a trigger word stands.
function M.document(d, doc, opts, at)
  opts = opts or {}
  local C = doc.corpus
  local turns                     -- the speaker turns, read when a sentence needs them
  local rows, ctx, follow = {}, { last = nil }, {}
  local last_row = 0              -- the number of the last sentence that gave a statement
  local function read(sp, stext, n)
    if not opts.boilerplate and text.is_boilerplate(C, doc, sp, stext) then return end
    -- the holder of the statement before is remembered for three sentences
    if n - last_row > 3 then ctx.last = nil end
    if not turns then
      turns = {}
      for t in doc:turns() do turns[#turns + 1] = t end
    end
    local turn
    for _, t in ipairs(turns) do
      if sp.start >= t.start and sp.start <= t.stop then turn = t end
    end
    ctx.turn_actor, ctx.turn_speaker = nil, nil
    if turn then
      local sm = d.matcher:scan(turn.speaker, doc.date)
      if sm[1] then ctx.turn_actor, ctx.turn_speaker = sm[1].entity, turn.speaker end
    end
    local before = #rows
    M.sentence(d, doc, sp, stext, ctx, follow, rows)
    if #rows > before then last_row = n end
  end
  if at then
    for i, sp in ipairs(at.spans) do read(sp, sp:text(), at.numbers[i]) end
    return rows
  end
  local n = 0
  for sp in doc:sentences() do
    n = n + 1
    -- which topics the sentence may name, before any tagging (most sentences name none)
    local stext = sp:text()
    local low = stext:lower()
    local maybe = false
    for _, t in ipairs(d.topics) do
      for _, c in ipairs(t.any) do
        if low:find(c[1].wild or c[1].text, 1, true) then maybe = true break end
      end
      if maybe then break end
    end
    if maybe then read(sp, stext, n) end
  end
  return rows
end

-- the statements of sentence sp (its text stext) added to rows
function M.sentence(d, doc, sp, stext, ctx, follow, rows)
  local words, pos, xpos, lemmas = tagged(doc.corpus, sp)
  local s = syntax.parse(words, pos, xpos, lemmas)
  local at = offsets(stext, words)
  ctx.mentions = mentions_in(d, s, stext, at, doc.date)
  -- where any topic is named: the tokens, for the stance of the topics next to them
  ctx.topic_at = {}
  local named = {}                -- each topic's places, found once
  for k, t in ipairs(d.topics) do
    named[k] = stance.topic_places(s, t)
    for _, p in ipairs(named[k]) do for i = p[1], p[2] do ctx.topic_at[i] = true end end
  end
  local seen = {}
  for k, t in ipairs(d.topics) do
    local places = named[k]
    local ok = #places > 0
    for _, g in ipairs(t.also or {}) do
      if #stance.find(s, g) == 0 then ok = false end
    end
    if ok and t.follow then follow[t.name] = true end
    if not ok and t.follow and follow[t.name] then places = stance.anaphoric(s, places) end
    if #places > 0 and (ok or (t.follow and follow[t.name])) then
      for _, p in ipairs(places) do
        for _, st in ipairs(stance.on(d, s, p[1], p[2], ctx) or {}) do
          if not seen[st.actor .. "\0" .. t.name] then
            seen[st.actor .. "\0" .. t.name] = true
            rows[#rows + 1] = { file = doc.name, date = doc.date or "", year = doc.year, actor = st.actor,
              topic = t.name, stance = st.stance, speaker = st.speaker, cue = st.cue,
              start = sp.byte_start, ["end"] = sp.byte_end, evidence = stext:gsub("%s+", " "),
              explain = st.explain, doc = doc,
              -- the words of the stance, as bytes of the file (for the report's marks)
              sentence_text = stext, sentence_start = sp.byte_start,
              cue_start = sp.byte_start + at[st.cue_a][1], cue_stop = sp.byte_start + at[st.cue_b][2] }
            ctx.last = { actor = st.actor, alias = st.speaker }
          end
        end
      end
    end
  end
end

-- the corpus positions where one of the cues may start, sorted and each once (found: a memo of the
-- searches, shared by the topics). A cue of several plain words is looked up as a phrase ("use of
-- force", not every "use") when the corpus's tokenizer cuts it into those words; else, and for a
-- cue with a stem in it, by its first word (a stem: every word that begins with it)
local function cue_positions(C, cues, lang, found, first_only)
  local function search(kind, key)
    local id = kind .. "\0" .. key
    if not found[id] then
      local h
      if kind == "stem" then
        h = C:query('[word="' .. key:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?%{%}|\\\"]", "\\%0") .. '.*"%c]')
      else
        h = C:hits(key)
      end
      found[id] = h:spans()
    end
    return found[id]
  end
  local lists = {}
  for _, c in ipairs(cues) do
    local phrase = not first_only and #c > 1 and {}
    for k, w in ipairs(c) do
      if w.wild then phrase = nil break end
      if phrase then phrase[k] = w.text end
    end
    local toks = phrase and lector.tokenize(table.concat(phrase, " "), lang)
    if toks and #toks == #phrase then
      for k, tk in ipairs(toks) do if tk:lower() ~= phrase[k] then toks = nil break end end
    else
      toks = nil
    end
    if toks then lists[#lists + 1] = search("word", table.concat(phrase, " "))
    elseif c[1].wild then lists[#lists + 1] = search("stem", c[1].wild)
    else lists[#lists + 1] = search("word", c[1].text) end
  end
  local pos, seen = {}, {}
  for _, l in ipairs(lists) do
    for _, p in ipairs(l) do
      if not seen[p] then seen[p] = true; pos[#pos + 1] = p end
    end
  end
  table.sort(pos)
  return pos
end

-- the start of the sentence of each position (a sorted list, each once), from the index
local function sentence_of(C, pos)
  if #pos == 0 then return {} end
  return (C:hitset(pos, pos):sentences())
end

-- the corpus positions where a topic's cue may start, sorted: what the index answers without
-- reading any text. A topic with `also` groups (and no `follow`) is named only in a sentence that
-- names a word of each group too: its positions in other sentences are left out
function M.candidates(C, d)
  local lang, found = C:info().lang, {}
  local pos = {}
  for _, t in ipairs(d.topics) do
    local p = cue_positions(C, t.any, lang, found)
    if t.also and not t.follow and #p > 0 then
      local sent = sentence_of(C, p)
      for _, g in ipairs(t.also) do
        local has = {}
        for _, s in ipairs(sentence_of(C, cue_positions(C, g, lang, found, true))) do has[s] = true end
        local keep, ksent = {}, {}
        for i, x in ipairs(p) do
          if has[sent[i]] then keep[#keep + 1], ksent[#ksent + 1] = x, sent[i] end
        end
        p, sent = keep, ksent
      end
    end
    for _, x in ipairs(p) do pos[#pos + 1] = x end
  end
  table.sort(pos)
  return pos
end

-- the statements of one document in a worker of C:map: item = { doc =, spans =, numbers = } (spans
-- and numbers only when found through the index); the data is loaded once per worker, from what
-- the caller loaded it from (how = { data =, own = }), as compiled data cannot be copied
local loaded = setmetatable({}, { __mode = "k" })
function M.document_item(C, item, how, opts)
  local d = loaded[how]
  if not d then
    d = assert(M.load(how.data, how.own))
    loaded[how] = d
  end
  local at = item.spans and { spans = item.spans, numbers = item.numbers }
  return M.document(d, at and at.spans[1].doc or item.doc, opts, at)
end

-- the statements of the corpus, documents in date order: found through the index (opts.scan: by
-- looking at every sentence; the same rows). The documents are shared among the cores (C:map)
-- when d says what it was loaded from (d.how, as M.load leaves it); else they are read here
function M.statements(C, d, opts)
  opts = opts or {}
  local by_doc                    -- the sentences with a trigger word, by document
  if not opts.scan then
    by_doc = {}
    local spans, numbers = C:sentences_at(M.candidates(C, d))
    for i, sp in ipairs(spans) do
      local id = sp.doc.id
      local x = by_doc[id]
      if not x then x = { doc = sp.doc, spans = {}, numbers = {} }; by_doc[id] = x end
      x.spans[#x.spans + 1], x.numbers[#x.numbers + 1] = sp, numbers[i]
    end
  end
  local items = {}
  for _, doc in ipairs(text.docs(C)) do
    if opts.keep and not opts.keep(doc) then
      -- a document --where leaves out: nothing read
    elseif not by_doc then items[#items + 1] = { doc = doc }
    elseif by_doc[doc.id] then items[#items + 1] = by_doc[doc.id] end
  end
  local per_doc
  if d.how then
    per_doc = C:map(items, "positions.document_item", { args = { d.how, { boilerplate = opts.boilerplate } } })
  else
    per_doc = {}
    for i, item in ipairs(items) do
      local at = item.spans and { spans = item.spans, numbers = item.numbers }
      per_doc[i] = M.document(d, at and at.spans[1].doc or item.doc, opts, at)
    end
  end
  local rows = {}
  for _, list in ipairs(per_doc) do
    for _, r in ipairs(list) do rows[#rows + 1] = r end
  end
  return rows
end

-- {==================================================================
-- The diff: one position per actor, topic and document; changes between dates
-- ===================================================================

-- a document's position from its statements: the commonest stance; supports and opposes in equal
-- numbers make it conditional
local function summarize(list)
  local n = { supports = 0, opposes = 0, conditional = 0 }
  for _, r in ipairs(list) do n[r.stance] = n[r.stance] + 1 end
  if n.supports > 0 and n.supports == n.opposes then return "conditional", n end
  local best = "supports"
  for _, k in ipairs({ "opposes", "conditional" }) do if n[k] > n[best] then best = k end end
  return best, n
end

-- timeline: { {actor, topic, date, file, stance, statements, evidence}, ... } by actor, topic, date
-- With group (a function doc -> its group, groups.by), one row per group of documents instead of
-- per document: its `date` is then the group's name (a year, a decade, a month, a party ...).
function M.timeline(rows, group)
  local pairs_, order = {}, {}
  for _, r in ipairs(rows) do
    local key = r.actor .. "\0" .. r.topic
    if not pairs_[key] then pairs_[key] = { actor = r.actor, topic = r.topic, docs = {}, dorder = {} }
      order[#order + 1] = key end
    local g = pairs_[key]
    local unit = group and tostring(group(r.doc)) or r.file
    if not g.docs[unit] then
      g.docs[unit] = { file = group and "" or r.file, date = group and unit or r.date, list = {} }
      g.dorder[#g.dorder + 1] = unit
    end
    table.insert(g.docs[unit].list, r)
  end
  table.sort(order)
  local out = {}
  for _, key in ipairs(order) do
    local g = pairs_[key]
    local docs = {}
    for _, f in ipairs(g.dorder) do docs[#docs + 1] = g.docs[f] end
    table.sort(docs, function(a, b) if a.date ~= b.date then return a.date < b.date end return a.file < b.file end)
    for _, x in ipairs(docs) do
      local stance, n = summarize(x.list)
      local ev = x.list[1]
      for _, r in ipairs(x.list) do if r.stance == stance then ev = r break end end
      out[#out + 1] = { actor = g.actor, topic = g.topic, date = x.date, file = x.file, stance = stance,
        statements = #x.list, counts = n, evidence = ev.evidence }
    end
  end
  return out
end

-- changes: for each actor and topic, each document in date order compared with the last one of the
-- date before (documents of the same date are never compared: nothing can have changed between
-- them), with the evidence of both
function M.changes(timeline)
  local out = {}
  local i = 1
  while i <= #timeline do
    local j = i
    while timeline[j + 1] and timeline[j + 1].actor == timeline[i].actor and timeline[j + 1].topic == timeline[i].topic do
      j = j + 1
    end
    local base, last, date          -- base: the last document of the date before this one
    for k = i, j do
      local b = timeline[k]
      if b.date ~= date then base, date = last, b.date end
      if base and base.date ~= "" and b.date ~= "" then
        out[#out + 1] = { actor = b.actor, topic = b.topic, from_date = base.date, from_stance = base.stance,
          to_date = b.date, to_stance = b.stance,
          change = base.stance == b.stance and "same" or (base.stance .. " -> " .. b.stance),
          changed = base.stance ~= b.stance, from_evidence = base.evidence, to_evidence = b.evidence,
          evidence = b.evidence }
      end
      last = b
    end
    i = j + 1
  end
  return out
end

M.STATEMENT_COLUMNS = { "file", "date", "actor", "topic", "stance", "speaker", "cue", "start", "end", "evidence" }

local function main(args)
  local opt = cli.parse(args, {
    usage = "Statements of position by actor and topic, with their sentences, and how they changed between dates.",
    options = {
      { "--show", value = "statements|timeline|changes", choices = { "statements", "timeline", "changes" },
        default = "statements", help = "what to print (default statements)" },
      { "--data", value = "FILE", help = "another actor/topic/predicate file (see scripts/data/positions.lua)" },
      { "--actors", value = "FILE", help = "the actors (holders), a lexicon file (doc/lexicons.md)" },
      { "--topics", value = "FILE", help = "the topics, a lexicon file (doc/lexicons.md)" },
      { "--explain", help = "add a column saying how each statement's holder and stance were decided" },
      { "--scan", help = "look at every sentence instead of finding them through the index (same rows)" },
      { "--by", value = "doc|year|decade|month|FIELD", default = "doc",
        help = "the timeline per document (default), per year, decade, month or metadata field" },
      { "--where", value = "FIELD=VALUE,..", help = "only the documents whose FIELD is one of the values" },
    },
  })
  local C = cli.corpus()
  local group
  if opt.by ~= "doc" then
    local gerr
    group, gerr = groups.by(C, opt.by)
    if not group then cli.fail(gerr) end
    if opt.show == "changes" and not (opt.by == "year" or opt.by == "decade" or opt.by == "month") then
      cli.fail("--show changes compares dates: --by doc, year, decade or month, not " .. opt.by)
    end
  end
  if opt.where then
    local werr
    opt.keep, werr = groups.where(C, opt.where)
    if not opt.keep then cli.fail(werr) end
  end
  -- the actors and topics given, else those the corpus folder keeps (actors.lua|tsv, topics.lua|tsv)
  local own = {}
  for _, kind in ipairs({ "actors", "topics" }) do
    local list, lerr = lexicon.for_corpus(C, kind, opt[kind])
    if lerr then cli.fail(lerr) end
    own[kind] = list
  end
  local d, err = M.load(opt.data, own)
  if not d then cli.fail(err) end
  local rows = M.statements(C, d, opt)
  if opt.show == "timeline" then
    local rows_t = M.timeline(rows, group)
    if group then
      for _, t in ipairs(rows_t) do t[opt.by] = t.date end
      output.write(rows_t, { "actor", "topic", opt.by, "stance", "statements", "evidence" }, opt.format,
        { widths = { evidence = 60 } })
    else
      output.write(rows_t, { "actor", "topic", "date", "file", "stance", "statements", "evidence" },
        opt.format, { widths = { evidence = 60, file = 24 } })
    end
  elseif opt.show == "changes" then
    output.write(M.changes(M.timeline(rows, group)), { "actor", "topic", "from_date", "from_stance", "to_date",
      "to_stance", "change", "from_evidence", "to_evidence" }, opt.format,
      { widths = { from_evidence = 40, to_evidence = 40 } })
  else
    local cols = { table.unpack(M.STATEMENT_COLUMNS) }
    if opt.explain then cols[#cols + 1] = "explain" end
    output.write(rows, cols, opt.format, { widths = { evidence = 60, file = 24, cue = 24, explain = 40 } })
  end
end

if (...) ~= "positions" then main(arg) end
return M
