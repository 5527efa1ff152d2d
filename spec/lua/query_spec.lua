-- CQP queries on corpus/ (conformance: the kinds of example of CQP's tutorial, adapted to
-- lector's one attribute, word, with the hits written out), the "standard" matching strategy on
-- a small corpus of its own, errors with their caret, and a fuzz of the parser: no input crashes.
local lector = require "lector"
local run = require "spec.support.run"

local C = lector.open("corpus")

-- "start-stop text | ..." of the hits of q
local function listing(q, corpus)
  local h = assert((corpus or C):query(q))
  local t = {}
  for x in h:each() do t[#t + 1] = x.start .. "-" .. x.stop .. " " .. x:text():gsub("%s+", " ") end
  return table.concat(t, " | ")
end

describe("CQP queries on corpus/", function()
  it("count what the closing note of issue 4 reports", function()
    assert.are.same({ 17, 13, 8, 3 }, {
      C:query_count('[word="resolutions?"%c]'), C:query_count('"Security" "Council"'),
      C:query_count('"weapons" "of" "mass" "destruction"'),
      C:query_count('[word="Bush"] []{0,6} [word="said|says"] within s') })
  end)

  it("agree with the phrase search", function()
    assert.are.equal(C:count("Security Council"), C:query_count('"Security" "Council"'))
    assert.are.equal(C:count("weapons of mass destruction"), C:query_count('"weapons" "of" "mass" "destruction"'))
    assert.are.equal(#C:query('"Iraq"'), C:query_count('"Iraq"'))
  end)

  it("find a word near another inside a sentence, shortest first", function()
    assert.are.equal("308-309 Bush says | 486-488 Bush Administration says | 525-526 Bush says",
      listing('[word="Bush"] []{0,6} [word="said|says"] within s'))
  end)

  it("combine tests with & | ! and regexes over whole tokens", function()
    assert.are.equal(13, C:query_count('[word="[A-Z].*" & word!="The|A|In"] "Council"'))
    assert.are.equal("97-98 Putin Friday | 173-174 Putin agrees | 553-554 Putin Discuss | 680-681 Putin said",
      listing('"Putin" [word!="\\p{P}"]'))
    assert.are.equal(C:query_count('[word="Iraq"] | [word="Iran"]'), C:query_count('[word="Iraq|Iran"]'))
    assert.are.equal(0, C:query_count('[word="iraq"]'))          -- exact inside brackets
    assert.are.equal(42, C:query_count('"iraq"'))                 -- bare strings ignore case (Iran - Iraq too)
    assert.are.equal(C:query_count('[word="iraq"%c]'), C:query_count('"iraq"'))
  end)

  it("take groups, alternatives and repetition", function()
    assert.are.equal("499-501 chemical and biological | 1244-1246 biological and nuclear | 1794-1796 chemical and biological",
      listing('[word="biological|chemical|nuclear"] ("and" | "or") []'))
    assert.are.equal(17, C:query_count('[word="inspect.*"%c]+'))       -- shortest: one token each
    assert.are.equal("142-144 the goals of", listing('"the" []{1,2} "of" within s'):match("^[^|]+"):gsub(" $", ""))
  end)

  it("unify apostrophes as the lexicon does", function()
    assert.are.equal("38-39 Iraq's | 197-198 Iraq's | 310-311 Iraq's | 1421-1422 Iraq’s | 1907-1908 Iraq's | 1947-1948 Iraq's | 1974-1975 Iraq's",
      listing([[[word="Iraq"%c] [word="'s"] ]]))
  end)

  it("match structure tags and metadata", function()
    assert.are.equal(C:info().sentences, C:query_count("<s> []"))
    assert.are.equal(C:info().sentences, C:query_count("[] </s>"))
    assert.are.equal(194, C:query_count('"." </s>'))
    assert.are.equal(14, C:query_count('<s> "But"'))
    assert.are.equal("538-540 What do you", listing('<doc year="2003"> []{3}'))
    assert.are.equal(2, C:query_count('<doc source="VOA"> []'))
    assert.are.equal(2, C:query_count('<doc year="200[0-2]"> []'))
    assert.are.equal(0, C:query_count('<doc source="voa"> []'))
    assert.are.equal(2, C:query_count('<doc source="voa"%c> []'))
  end)

  it("check labels with global constraints", function()
    assert.are.equal(13, C:query_count('a:[word="Security"] b:[] :: b.word = "Council"'))
    assert.are.equal(0, C:query_count('a:[word="Security"] b:[] :: b.word != "Council"'))
    assert.are.equal(91, C:query_count('a:[] []{0,3} b:[] :: a.word = b.word within s'))
    assert.are.equal(91, C:query_count('a:[] []{0,3} b:[] within s :: a.word = b.word'))
  end)

  it("try every way through the query for the labels", function()
    -- a's position varies; the brute force below finds, for each start, the nearest b
    local q = '[]{0,2} a:[] []{0,2} b:[] :: a.word = b.word within s'
    local ref = {}
    for d in C:docs() do
      local w = d:words()
      for s in d:sentences() do
        local nxt = s.start
        for st = s.start, s.stop do
          if st >= nxt then
            local best
            for i = st, math.min(st + 2, s.stop) do
              for j = i + 1, math.min(i + 3, s.stop) do
                if w[i - d.first + 1] == w[j - d.first + 1] and (not best or j < best) then best = j end
              end
            end
            if best then ref[#ref + 1] = st .. "-" .. best; nxt = best + 1 end
          end
        end
      end
    end
    local h = C:query(q)
    local starts, stops = h:spans()
    local got = {}
    for i = 1, #starts do got[i] = starts[i] .. "-" .. stops[i] end
    assert.are.equal(56, #ref)
    assert.are.equal(table.concat(ref, " "), table.concat(got, " "))
  end)

  it("test the metadata of the match's document after ::", function()
    -- "Iraq" by year: 2002 13, 2004 10, 2001 9, 2003 8, 1990 2; VOA is 2002 and 2004
    assert.are.equal(23, C:query_count('"Iraq" :: match.doc_source = "VOA"'))
    assert.are.equal(19, C:query_count('"Iraq" :: match.doc_source != "VOA"'))
    assert.are.equal(22, C:query_count('"Iraq" :: match.text_year = "200[0-2]" & match.doc_kind = "news"'))
    assert.are.equal(23, C:query_count('"Iraq" :: match.doc_source = "voa"%c'))
    assert.matches("use match.doc_KEY", select(2, C:query('"Iraq" :: match.word = "x"')))
  end)

  it("stop at the time budget and say so", function()
    -- the budget is looked at every 4096 starts: a scan of corpus/ stops at the first look (the
    -- constraint keeps the count from being a sum of frequencies)
    local n, msg = C:query_count('[] :: match.doc_kind = ".*"', { timeout = 1e-9 })
    assert.are.equal(4095, n)
    assert.matches("^query stopped after [%d.]+ s, its time budget, with 4095 hits so far %(set a longer timeout to go on%)$", msg)
  end)

  it("mark the @ target", function()
    local h = C:query('"mass" @[word="destruction"]')
    assert.are.equal(9, #h)
    assert.are.equal(72, h[1].target)
    assert.are.equal(72, h:targets()[1])
    assert.are.same({ false }, C:query('"Putin" "Friday"'):targets())
  end)

  it("keep to within N", function()
    assert.are.equal(13, C:query_count('"Security" "Council" within 2'))
    assert.are.equal(0, C:query_count('"Security" "Council" within 1'))
  end)

  it("filter by documents and skip boilerplate on request", function()
    assert.are.equal(C:count("Iraq", { docs = { C:doc(2) }, parts = false }), C:query_count('"Iraq"', { docs = { C:doc(2) } }))
    assert.are.equal(C:count("Iraq", { docs = { C:doc(2) }, parts = false }), #C:query('"Iraq"', { docs = { C:doc(2) } }))
  end)

  it("stop at the hit limit and say so", function()
    local h, msg = C:query("[]", { limit = 10 })
    assert.are.equal(10, #h)
    assert.are.equal("query stopped at the hit limit of 10 hits (set a higher limit to see more)", msg)
    assert.are.equal(C.tokens, C:query_count("[]", { limit = 10 }))   -- counting keeps no hits
    local all, none = C:query('"Iraq"')
    assert.are.equal(42, #all)
    assert.is_nil(none)
  end)
end)

describe("hit sets of queries", function()
  -- the words of a context: before the match nearest first, or after it
  local function words_of(x, side)
    local d = x.doc
    local w, first = d:words(), d.first
    local t = {}
    if side == "left" then for p = x.start - 1, math.max(first, x.start - 12), -1 do t[#t + 1] = w[p - first + 1]:lower() end
    else for p = x.stop + 1, math.min(first + d.tokens - 1, x.stop + 12) do t[#t + 1] = w[p - first + 1]:lower() end end
    return table.concat(t, "\1")
  end

  it("sort by left and right context", function()
    for _, side in ipairs { "left", "right" } do
      local s = C:query('"Security" "Council"'):sort(side)
      assert.are.equal(13, #s)
      for i = 2, #s do assert.is_true(words_of(s[i - 1], side) <= words_of(s[i], side), side .. " " .. i) end
    end
    local m = C:query('"nuclear" []'):sort("match")
    assert.are.same({ "nuclear bomb", "nuclear capabilities", "nuclear material" }, m:texts())
  end)

  it("group by the matched form, biggest first", function()
    local g = C:query('"the" [word="[A-Z].*"]'):group("form")
    assert.are.same({ "the United", 11 }, { g[1].value, g[1].count })
    assert.are.same({ "the US", 8 }, { g[2].value, g[2].count })
    assert.are.equal(11, #g[1].hits)
    local total = 0
    for _, x in ipairs(g) do total = total + x.count end
    assert.are.equal(C:query_count('"the" [word="[A-Z].*"]'), total)
  end)

  it("unite in corpus order and keep targets through sorting", function()
    local u = C:query('"Putin"'):union(C:query('"Bush"'))
    local starts = u:spans()
    assert.are.equal(29, #u)
    for i = 2, #starts do assert.is_true(starts[i - 1] < starts[i]) end
    local r = C:query('"nuclear" @[]'):sort("match"):tabulate { width = 1 }
    assert.are.same({ 512, 1247, 1786 }, { r[1].target, r[2].target, r[3].target })
    assert.has_error(function() C:query('"a"'):union(lector.open("corpus"):query('"a"')) end)
  end)
end)

describe("the standard matching strategy", function()
  -- the manual's four examples, on words instead of part-of-speech tags
  local dir = run.tmpdir()
  run.write(dir .. "/a.txt", "The old book lay on a large blue cube. The course fee was high.\n")
  local S = lector.open(dir)
  local DET, ADJ, NN = '[word="the|a"%c]', '[word="old|large|blue"]', '[word="book|cube|course|fee"]'

  it("takes optional elements at the start: the earliest start wins", function()
    assert.are.equal("0-2 The old book | 5-8 a large blue cube | 10-11 The course | 12-12 fee", listing(DET .. "? " .. ADJ .. "* " .. NN, S))
  end)
  it("stops at the shortest match from that start", function()
    assert.are.equal("10-11 The course", listing('"The" ' .. NN .. "+", S))
  end)
  it("returns each token of a repetition apart", function()
    assert.are.equal("6-6 large | 7-7 blue", listing('[word="large|blue"]+', S))
  end)
  it("does not overlap matches", function()
    assert.are.equal("3-8 lay on a large blue cube", listing('[word="lay|on"] []* "cube"', S))
  end)
end)

describe("query errors", function()
  it("name the column with a caret under the query", function()
    local h, msg = C:query('"Security" ["Council"')
    assert.is_nil(h)
    assert.are.equal('syntax error: unexpected \'"\' at column 13\n  "Security" ["Council"\n              ^', msg)
    assert.are.equal("unexpected end of query at column 10\n  [word=\"x\"\n           ^", select(2, C:query('[word="x"')))
    assert.are.equal("unknown attribute 'pos' (this corpus has word; `lector index --annotate` adds lemma, pos and xpos) at column 2\n  [pos=\"NN\"]\n   ^",
      select(2, lector.open("corpus/000_e46888d005b16152.txt", { store = false }):query('[pos="NN"]')))
    assert.matches("label 'b' is not defined", select(2, C:query('a:[] :: a.word = b.word')))
    assert.matches("unknown region <x>", select(2, C:query('<x> []')))
    assert.matches("repetition bound above 1000", select(2, C:query('[]{5000}')))
    assert.matches("empty query", select(2, C:query('  ')))
  end)
  it("report a bad regular expression", function()
    local h, msg = C:query('[word="(a"]')
    assert.is_nil(h)
    assert.matches('^bad regular expression "%(a": missing closing parenthesis', msg)
  end)
  it("raise on misuse", function()
    assert.has_error(function() C:query({}) end)
  end)
end)

describe("the parser under fuzzing", function()
  local pieces = { "[", "]", "(", ")", '"', "'", "word", "=", "!=", "!", "&", "|", "%c", "%d", "%l", "?",
    "*", "+", "{", "}", "{2,}", "{1,3}", ",", "0", "7", "a:", "b.", "::", "@", "<s>", "</s>", "<doc",
    ">", "year=", "within", " s", " 3", ";", "\\", ".*", "x", " ", "é", "\0", "\255", "Iraq" }
  local valid = { '[word="resolutions?"%c]', '"Security" "Council"', 'a:[] []{0,3} b:[] :: a.word = b.word within s',
    '<doc year="200[0-4]"> [] "Iraq"', '"nuclear" @[] within s', '([word="a|the"%c] | "Iraq")+ </s>' }
  it("never raises and always answers hits or a message", function()
    math.randomseed(4)
    local function check(q)
      local ok, h, msg = pcall(C.query_count, C, q, { timeout = 5 })
      if not ok then error("query raised on " .. string.format("%q", q) .. ": " .. tostring(h)) end
      assert(type(h) == "number" or type(msg) == "string", q)
    end
    for _ = 1, 400 do
      local t = {}
      for k = 1, math.random(1, 12) do t[k] = pieces[math.random(#pieces)] end
      check(table.concat(t))
    end
    for _ = 1, 400 do
      local q = valid[math.random(#valid)]
      local i = math.random(1, #q)
      local r = math.random(3)
      if r == 1 then q = q:sub(1, i - 1) .. q:sub(i + 1)
      elseif r == 2 then q = q:sub(1, i) .. pieces[math.random(#pieces)] .. q:sub(i + 1)
      else q = q:sub(1, i) end
      check(q)
    end
  end)
end)

describe("queries against a reference matcher", function()
  -- A slow, obvious implementation of the standard strategy over the token forms, for random
  -- queries of literal words: every start from the left, the shortest match from it, no overlaps.
  local parse = require "lector.query.parse"
  local forms, doc_end, sent_start, sent_end = {}, {}, {}, {}
  for d in C:docs() do
    local w = d:words()
    for i = 1, #w do forms[d.first + i - 1] = w[i]; doc_end[d.first + i - 1] = d.first + d.tokens end
    for s in d:sentences() do
      sent_start[s.start] = true
      sent_end[s.stop + 1] = true
      for p = s.start, s.stop do sent_end[-p - 1] = s.stop + 1 end     -- -p-1: the end of p's sentence
    end
  end

  local function word_ok(t, f)
    if t.k == "any" then return true end
    if t.k == "not" then return not word_ok(t[1], f) end
    if t.k == "and" then return word_ok(t[1], f) and word_ok(t[2], f) end
    if t.k == "or" then return word_ok(t[1], f) or word_ok(t[2], f) end
    local fold = t.bare or t.flags:find("c")
    local ok = false
    for alt in (t.re .. "|"):gmatch("([^|]*)|") do
      if (fold and alt:lower() == f:lower()) or alt == f then ok = true end
    end
    if t.neg then return not ok end
    return ok
  end

  -- the set of end positions (exclusive) reachable from pos, as a sorted list
  local memo = setmetatable({}, { __mode = "k" })
  local ends
  local function ends_raw(n, pos, limit)
    local set = {}
    local function add(list) for _, e in ipairs(list) do set[e] = true end end
    if n.k == "tok" then
      if pos < limit and word_ok(n.test, forms[pos]) then set[pos + 1] = true end
    elseif n.k == "open" then if sent_start[pos] and pos < limit then set[pos] = true end
    elseif n.k == "close" then if sent_end[pos] then set[pos] = true end
    elseif n.k == "alt" then for _, it in ipairs(n.items) do add(ends(it, pos, limit)) end
    elseif n.k == "seq" then
      local cur = { pos }
      for _, it in ipairs(n.items) do
        local nxt = {}
        for _, p in ipairs(cur) do for _, e in ipairs(ends(it, p, limit)) do nxt[e] = true end end
        cur = {}
        for e in pairs(nxt) do cur[#cur + 1] = e end
      end
      add(cur)
    elseif n.k == "rep" then
      local cur = { pos }
      if n.min == 0 then set[pos] = true end
      local seen = {}
      for i = 1, n.max or math.huge do
        local nxt = {}
        for _, p in ipairs(cur) do for _, e in ipairs(ends(n.item, p, limit)) do nxt[e] = true end end
        cur = {}
        for e in pairs(nxt) do
          -- past the minimum, a position already reached adds nothing new (a fixpoint)
          if i <= n.min or not seen[e] then cur[#cur + 1] = e end
          if i >= n.min then seen[e] = true end
        end
        if i >= n.min then add(cur) end
        if #cur == 0 then break end
      end
    end
    local list = {}
    for e in pairs(set) do list[#list + 1] = e end
    table.sort(list)
    return list
  end
  function ends(n, pos, limit)
    local m = memo[n]
    if not m then m = {}; memo[n] = m end
    local key = pos * 4294967296 + limit
    if not m[key] then m[key] = ends_raw(n, pos, limit) end
    return m[key]
  end

  local function reference(q)
    local ast = assert(parse.parse(q))
    local out, next = {}, 0
    local d = C:doc(2)                       -- one document (1000 tokens) keeps this quick
    for s = d.first, d.first + d.tokens - 1 do
      if s >= next then
        -- a path to an end never reads past it: ends up to the document's (or sentence's) end,
        -- then cut at the hard boundary, let the memo serve every start
        local limit = doc_end[s]
        if ast.within and ast.within.kind == "s" then limit = math.min(limit, sent_end[-s - 1] or s) end
        local cut = ast.within and limit or math.min(limit, s + 100)
        for _, e in ipairs(ends(ast.body, s, limit)) do
          if e > s and e <= cut then out[#out + 1] = s .. "-" .. (e - 1); next = e; break end
        end
      end
    end
    return table.concat(out, " ")
  end

  local words = { "the", "of", "and", "Iraq", "to", "a", "in", "said", "Bush", "Council", "Security", "United",
    "Nations", ",", "The", "weapons", "Putin", "Russia" }
  local function w() return words[math.random(#words)] end
  local function item(depth)
    local r = math.random(depth > 1 and 8 or 10)
    local it
    if r == 1 then it = '"' .. w() .. '"'
    elseif r == 2 then it = '[word="' .. w() .. '"]'
    elseif r == 3 then it = '[word="' .. w() .. '"%c]'
    elseif r == 4 then it = '[word="' .. w() .. "|" .. w() .. '"]'
    elseif r == 5 then it = "[]"
    elseif r == 6 then it = '[word!="' .. w() .. '"]'
    elseif r == 7 then it = '[word="' .. w() .. '" | word="' .. w() .. '"%c]'
    elseif r == 8 then it = '"' .. w() .. '"'
    else it = "(" .. item(depth + 1) .. " " .. item(depth + 1) .. " | " .. item(depth + 1) .. ")" end
    local q = math.random(8)
    if q == 1 then it = it .. "?" elseif q == 2 then it = it .. "*" elseif q == 3 then it = it .. "+"
    elseif q == 4 then it = it .. "{0,2}" elseif q == 5 then it = it .. "{1,3}" end
    return it
  end

  it("agree on random queries", function()
    math.randomseed(tonumber(os.getenv("LECTOR_FUZZ_SEED") or 7))
    for _ = 1, (os.getenv("LECTOR_FUZZ_N") and tonumber(os.getenv("LECTOR_FUZZ_N"))) or 25 do
      local t = {}
      if math.random(6) == 1 then t[#t + 1] = "<s>" end
      for k = 1, math.random(1, 3) do t[#t + 1] = item(1) end
      if math.random(6) == 1 then t[#t + 1] = "</s>" end
      local q = table.concat(t, " ")
      if math.random(3) == 1 then q = q .. " within s" end
      local t0 = os.clock()
      local h = assert(C:query(q, { docs = { C:doc(2) } }))
      if os.getenv("LECTOR_FUZZ_SHOW") then io.stderr:write(q, "\n") end
      local got, starts, stops = {}, h:spans()
      for k, s in ipairs(starts) do got[k] = s .. "-" .. stops[k] end
      assert.are.equal(reference(q), table.concat(got, " "), q)
      if os.getenv("LECTOR_FUZZ_SHOW") then io.stderr:write(os.clock() - t0, "\n") end
    end
  end)
end)
