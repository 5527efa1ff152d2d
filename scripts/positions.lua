-- positions.lua: who stands where, and how it changed. Finds statements attributed to an actor
-- (reported speech: "X said/says/told/asserted/declared/stated/insisted ...", "according to X";
-- quotes with their speaker, "he said" after a named speaker; in a transcript, the turn's speaker;
-- otherwise the actor that is the sentence's subject), normalizes the actor to a group (the US,
-- Russia/USSR, Iraq, the UN and its inspectors, France, Germany, China, Turkey), finds the topics
-- (scripts/data/positions.lua) and the stance on each: supports, opposes, conditional or neutral,
-- with negation ("could not support", "is not prepared to send") and modality ("could veto": a
-- possibility, conditional). Then the diff: for each actor and topic, its positions in date order
-- and what changed between consecutive documents.
--
--   lector run scripts/positions.lua [--corpus DIR] [--show statements|timeline|changes]
--                                    [--format table|tsv|csv|json] [--data FILE] [--boilerplate]
--
-- statements: file, date, actor, topic, stance, speaker, evidence (the sentence).
-- timeline:   actor, topic, date, file, stance, statements (one row per document).
-- changes:    actor, topic, from_date, from_stance, to_date, to_stance, change, evidence.
-- this file's folder (whether run or required), for its lib/, data/ and packs/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/lib/?.lua;" .. here .. "/packs/un-resolutions/lua/?.lua;" .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local entities = require "entities"
local datafile = require "data"
local finder = require "un_resolutions.finder"

local M = {}
M.DATA = here .. "/data/positions.lua"
M.STANCES = { "supports", "opposes", "conditional", "neutral" }

-- {==================================================================
-- Cues: words and phrases in lower case, "*" at the end for any ending
-- ===================================================================
local function lower(w) return (w:lower():gsub("\226\128\153", "'")) end

local function compile_cues(list)
  local out = {}
  for _, c in ipairs(list or {}) do
    local words = {}
    for w in c:gmatch("%S+") do words[#words + 1] = w end
    out[#out + 1] = words
  end
  return out
end

local function word_match(pat, w)
  if pat:sub(-1) == "*" then return w:sub(1, #pat - 1) == pat:sub(1, -2) end
  return w == pat or w == pat .. "'s"
end

-- every place (token index, length) where one of the cues starts in the lower-cased words lw
local function find_cues(cues, lw)
  local at = {}
  for i = 1, #lw do
    for _, c in ipairs(cues) do
      local ok = true
      for k, p in ipairs(c) do
        if not lw[i + k - 1] or not word_match(p, lw[i + k - 1]) then ok = false break end
      end
      if ok then at[#at + 1] = { i, #c } break end
    end
  end
  return at
end

-- load the data file: actors, topics and stance cues, compiled
function M.load(path)
  path = path or M.DATA
  local data, err = datafile.load(path)
  if not data then return nil, err end
  if type(data.actors) ~= "table" or type(data.topics) ~= "table" then
    return nil, path .. ": needs tables `actors` and `topics`"
  end
  local ok2, matcher = pcall(entities.compile, data.actors)
  if not ok2 then return nil, path .. ": " .. tostring(matcher) end
  local st = data.stance or {}
  local d = { matcher = matcher, topics = {}, cues = {} }
  for _, t in ipairs(data.topics) do
    -- also: one list of cues (one must be there) or a list of such lists (one of each)
    local also
    if t.also then
      also = {}
      local groups = type(t.also[1]) == "table" and t.also or { t.also }
      for k, g in ipairs(groups) do also[k] = compile_cues(g) end
    end
    d.topics[#d.topics + 1] = { name = t[1] or t.name, any = compile_cues(t.any), also = also,
      follow = t.follow, un_resolution = t.un_resolution }
  end
  for _, k in ipairs({ "supports", "opposes", "conditional", "neutral", "negations", "against_topic", "speech",
    "possibility" }) do
    d.cues[k] = compile_cues(st[k])
  end
  return d
end

-- {==================================================================
-- One sentence: its actor, topics and stances
-- ===================================================================
local pronouns = { he = true, she = true, they = true, it = true, ["he's"] = true }

-- the token index of byte position pos (from 0) in a word list
local function token_at(words, pos)
  for i, w in ipairs(words) do
    if w[1] - 1 <= pos and pos < w[3] - 1 then return i end
    if w[1] - 1 > pos then return i end
  end
  return #words
end

-- the actor of a sentence: speaker of reported speech, the turn's speaker, or the subject
local function actor_of(d, words, lw, mentions, state, turn_actor)
  local speech = find_cues(d.cues.speech, lw)
  for _, sp in ipairs(speech) do
    local k, len = sp[1], sp[2]
    if lw[k] == "according" then
      for _, m in ipairs(mentions) do
        if m.tok > k + len - 1 and m.tok <= k + len + 3 then return m.entity, m.alias end
      end
    else
      -- '"...," said Ari Fleischer': a quote just before the verb, the speaker after it
      local q = lw[k - 1] and (lw[k - 1]:match("^[\"”’']$") or (lw[k - 1] == "," and (lw[k - 2] or ""):match("^[\"”’']$")))
      if q then
        for _, m in ipairs(mentions) do
          if m.tok > k + len - 1 and m.tok <= k + len + 2 then return m.entity, m.alias end
        end
      end
      -- the nearest actor before the verb (within eight words), or a pronoun for the last speaker
      local best
      for _, m in ipairs(mentions) do
        if m.tok < k and k - m.last_tok <= 8 then best = m end
      end
      local prev = lw[k - 1]
      if pronouns[prev] and state.last_speaker and (not best or best.last_tok < k - 1) then
        return state.last_speaker[1], state.last_speaker[2]
      end
      if best then return best.entity, best.alias end
      -- inverted: '"...," said Ari Fleischer'
      for _, m in ipairs(mentions) do
        if m.tok > k + len - 1 and m.tok <= k + len + 2 then return m.entity, m.alias end
      end
    end
  end
  if turn_actor then return turn_actor[1], turn_actor[2] end
  return nil
end

-- the subject of a statement no verb of speech introduces: the first actor named before the topic
-- cue ti in its clause (between commas or semicolons), else the first named before it in the sentence
local function subject_of(lw, mentions, ti)
  local a = ti
  while a > 1 and not lw[a - 1]:match("^[,;:]$") do a = a - 1 end
  for _, m in ipairs(mentions) do
    if m.tok >= a and m.tok < ti then return m end
  end
  if mentions[1] and mentions[1].tok < ti then return mentions[1] end
end

local function within(at, i, before, after)
  for _, a in ipairs(at) do
    if a[1] >= i - before and a[1] <= i + after then return a[1] end
  end
end

-- the stance of the sentence on the topic whose cue is at token ti
local function stance_of(d, lw, ti, skip)
  if #find_cues(d.cues.neutral, lw) > 0 then return "neutral" end
  -- the nearest cue, preferring one before the topic (the verb that governs it) to one after
  -- (which often describes the topic: "veto a resolution authorizing war")
  local best, dist, pol
  for _, kind in ipairs({ "supports", "opposes" }) do
    for _, a in ipairs(find_cues(d.cues[kind], lw)) do
      -- "a resolution authorizing war": the words after "resolution" say what it does, not a stance
      local describes = (lw[a[1] - 1] or ""):match("^resolutions?$") and lw[a[1]]:match("ing$")
      if not skip[a[1]] and not describes then
        local x = a[1] < ti and ti - a[1] or a[1] - ti + 3
        if not best or x < dist then best, dist, pol = a[1], x, kind end
      end
    end
  end
  if not best then return "neutral" end
  local negs = find_cues(d.cues.negations, lw)
  local negated = false
  for _, n in ipairs(negs) do
    if n[1] < best and best - n[1] <= 3 then negated = not negated end
  end
  if negated then pol = pol == "supports" and "opposes" or "supports" end
  -- "pressing for the removal of sanctions", "want no bloodshed": the stance is on ending the topic
  for _, n in ipairs(negs) do
    if n[1] < ti and ti - n[1] <= 2 and n[1] > best then pol = pol == "supports" and "opposes" or "supports" end
  end
  local against = find_cues(d.cues.against_topic, lw)
  for _, a in ipairs(against) do
    if (a[1] < ti and ti - a[1] <= 4 and a[1] > best) or (a[1] > ti and a[1] - ti <= 3) then
      pol = pol == "supports" and "opposes" or "supports"
      break
    end
  end
  if not negated and within(find_cues(d.cues.possibility, lw), best, 2, -1) then return "conditional" end
  if #find_cues(d.cues.conditional, lw) > 0 and pol == "supports" then return "conditional" end
  return pol
end

-- the statements of one document: rows { file, date, actor, topic, stance, speaker, evidence }
function M.document(d, doc, opts)
  opts = opts or {}
  local sentences = text.sentences(doc, opts.boilerplate)
  local turns = {}
  for t in doc:turns() do turns[#turns + 1] = t end
  local state = { follow = {}, finder = finder.scanner({ context = doc:text() }) }
  local rows = {}
  for _, s in ipairs(sentences) do
    local words = text.words(s.text)
    local lw = {}
    for i, w in ipairs(words) do lw[i] = lower(w[2]) end
    -- actors named in the sentence (speaker labels of a turn are not mentions)
    local turn
    for _, t in ipairs(turns) do
      if s.byte_start >= t.byte_start and s.byte_start < t.byte_end then turn = t end
    end
    local mentions = {}
    for _, m in ipairs((d.matcher:scan(s.text, doc.date))) do
      if not (turn and s.byte_start == turn.byte_start and m.alias:find(turn.speaker:match("%S+$") or "", 1, true)) then
        m.tok = token_at(words, m.start)
        m.last_tok = token_at(words, m.stop - 1)
        mentions[#mentions + 1] = m
      end
    end
    local turn_actor
    if turn then
      local sm = d.matcher:scan(turn.speaker, doc.date)
      if sm[1] then turn_actor = { sm[1].entity, turn.speaker } end
    end
    -- the words of the speaker label itself are not the statement
    local label = turn and s.byte_start == turn.byte_start and s.text:match("^%[?" .. turn.speaker:gsub("%p", "%%%0") .. "%.?%]?%s*$")
    if not label then
      -- topics
      local found = {}
      local un_res
      for _, r in ipairs(state.finder:sentence(s.text)) do
        -- a UN resolution, or one with no body named; not one of Congress or a parliament
        if r.is_reference == "yes" and (r.body:match("^UN") or r.body == "none") then un_res = true end
      end
      for _, t in ipairs(d.topics) do
        local any = find_cues(t.any, lw)
        if #any > 0 and (not t.un_resolution or un_res) then
          local ok = true
          for _, g in ipairs(t.also or {}) do
            if #find_cues(g, lw) == 0 then ok = false end
          end
          if ok and t.follow then state.follow[t.name] = true end
          if ok or (t.follow and state.follow[t.name]) then found[#found + 1] = { topic = t.name, at = any[1][1] } end
        end
      end
      if #found > 0 then
        local actor, speaker = actor_of(d, words, lw, mentions, state, turn_actor)
        if actor then state.last_speaker = { actor, speaker } end
        if actor or mentions[1] then
          local skip = {}
          for _, m in ipairs(mentions) do for k = m.tok, m.last_tok do skip[k] = true end end
          local seen = {}
          for _, f in ipairs(found) do
            local subject_only = not actor
            if subject_only then
              local m = subject_of(lw, mentions, f.at)
              actor, speaker = m and m.entity, m and m.alias
            end
            local stance = stance_of(d, lw, f.at, skip)
            -- a sentence that only names an actor as its subject must take a side to count
            if actor and not seen[f.topic] and not (subject_only and stance == "neutral") then
              seen[f.topic] = true
              rows[#rows + 1] = { file = doc.name, date = doc.date or "", year = doc.year, actor = actor,
                topic = f.topic, stance = stance, speaker = speaker, evidence = s.text:gsub("%s+", " "),
                byte_start = s.byte_start, doc = doc }
            end
          end
        end
      end
    end
  end
  return rows
end

-- the statements of the corpus, documents in date order
function M.statements(C, d, opts)
  local rows = {}
  for _, doc in ipairs(text.docs(C)) do
    for _, r in ipairs(M.document(d, doc, opts)) do rows[#rows + 1] = r end
  end
  return rows
end

-- {==================================================================
-- The diff: one position per actor, topic and document; changes between consecutive documents
-- ===================================================================

-- a document's position from its statements: the commonest stance that takes a side; supports and
-- opposes in equal numbers make it conditional; only neutral ones make it neutral
local function summarize(list)
  local n = { supports = 0, opposes = 0, conditional = 0, neutral = 0 }
  for _, r in ipairs(list) do n[r.stance] = n[r.stance] + 1 end
  if n.supports + n.opposes + n.conditional == 0 then return "neutral", n end
  if n.supports > 0 and n.supports == n.opposes then return "conditional", n end
  local best = "supports"
  for _, k in ipairs({ "opposes", "conditional" }) do if n[k] > n[best] then best = k end end
  return best, n
end

-- timeline: { {actor, topic, date, file, stance, statements, evidence}, ... } by actor, topic, date
function M.timeline(rows)
  local groups, order = {}, {}
  for _, r in ipairs(rows) do
    local key = r.actor .. "\0" .. r.topic
    if not groups[key] then groups[key] = { actor = r.actor, topic = r.topic, docs = {}, dorder = {} }
      order[#order + 1] = key end
    local g = groups[key]
    if not g.docs[r.file] then g.docs[r.file] = { file = r.file, date = r.date, list = {} }
      g.dorder[#g.dorder + 1] = r.file end
    table.insert(g.docs[r.file].list, r)
  end
  table.sort(order, function(a, b) return a < b end)
  local out = {}
  for _, key in ipairs(order) do
    local g = groups[key]
    local docs = {}
    for _, f in ipairs(g.dorder) do docs[#docs + 1] = g.docs[f] end
    table.sort(docs, function(a, b) if a.date ~= b.date then return a.date < b.date end return a.file < b.file end)
    for _, x in ipairs(docs) do
      local stance, n = summarize(x.list)
      -- the evidence: the first statement that takes the stance
      local ev = x.list[1]
      for _, r in ipairs(x.list) do if r.stance == stance then ev = r break end end
      out[#out + 1] = { actor = g.actor, topic = g.topic, date = x.date, file = x.file, stance = stance,
        statements = #x.list, counts = n, evidence = ev.evidence }
    end
  end
  return out
end

-- changes: for each actor and topic, consecutive documents in which it took a side. A neutral
-- position (the actor spoke of the topic without a stance that the cues recognize) is in the
-- timeline but neither starts nor ends a change: "did not say whether" is no change of mind.
function M.changes(timeline)
  local out = {}
  local prev
  for _, b in ipairs(timeline) do
    if prev and (prev.actor ~= b.actor or prev.topic ~= b.topic) then prev = nil end
    if b.stance ~= "neutral" then
      if prev then
        out[#out + 1] = { actor = b.actor, topic = b.topic, from_date = prev.date, from_stance = prev.stance,
          to_date = b.date, to_stance = b.stance,
          change = prev.stance == b.stance and "same" or (prev.stance .. " -> " .. b.stance),
          changed = prev.stance ~= b.stance, from_evidence = prev.evidence, evidence = b.evidence }
      end
      prev = b
    elseif prev and (prev.actor ~= b.actor or prev.topic ~= b.topic) then
      prev = nil
    end
  end
  return out
end

local function main(args)
  local opt = cli.parse(args, {
    usage = "Statements of position by actor and topic, and how they changed between documents.",
    options = {
      { "--show", value = "statements|timeline|changes", choices = { "statements", "timeline", "changes" },
        default = "statements", help = "what to print (default statements)" },
      { "--data", value = "FILE", help = "another actor/topic file (see scripts/data/positions.lua)" },
    },
  })
  local d, err = M.load(opt.data)
  if not d then cli.fail(err) end
  local C = cli.corpus()
  local rows = M.statements(C, d, opt)
  if opt.show == "timeline" then
    output.write(M.timeline(rows), { "actor", "topic", "date", "file", "stance", "statements", "evidence" },
      opt.format, { widths = { evidence = 60, file = 24 } })
  elseif opt.show == "changes" then
    output.write(M.changes(M.timeline(rows)), { "actor", "topic", "from_date", "from_stance", "to_date",
      "to_stance", "change", "evidence" }, opt.format, { widths = { evidence = 60 } })
  else
    output.write(rows, { "file", "date", "actor", "topic", "stance", "speaker", "evidence" }, opt.format,
      { widths = { evidence = 70, file = 24 } })
  end
end

if (...) ~= "positions" then main(arg) end
return M
