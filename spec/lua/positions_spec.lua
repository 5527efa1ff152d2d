-- Positions (scripts/positions.lua, scripts/lib/syntax.lua, scripts/data/positions.lua): statements
-- read from the structure of a sentence (holder, topic, stance with negation, wanting, denying,
-- conditions) on documents written for these specs; abstaining where the sentence is not plain;
-- the timeline and the changes between dates; and the figures on corpus/ against the hand-labelled
-- statements of spec/fixtures/positions/seeds-gold.tsv.
package.path = "scripts/?.lua;scripts/lib/?.lua;" .. package.path
local positions = require "positions"
local run = require "spec.support.run"

local data = assert(positions.load())

-- "actor|topic|stance|speaker" for each statement
local function brief(rows)
  local out = {}
  for i, r in ipairs(rows) do out[i] = table.concat({ r.actor, r.topic, r.stance, r.speaker }, "|") end
  return out
end

describe("positions on documents written for the spec", function()
  local dir, C
  setup(function()
    dir = run.tmpdir()
    run.write(dir .. "/a.txt", "Moscow talks - 1990-11-20\n\n"
      .. "Foreign Minister Ivanov said Russia supports a U.N. resolution authorizing force against Iraq.\n\n"
      .. "Mr. Baker told reporters that the sanctions must stay.\n")
    run.write(dir .. "/b.txt", "Moscow talks - 2003-03-01\n\n"
      .. "Russian President Putin said Russia could not support any resolution that would authorize force.\n\n"
      .. "Lavrov says Moscow is not prepared to send peacekeeping troops to Iraq.\n\n"
      .. "The White House said the president does not want to use force.\n\n"
      .. "\"We will not accept more inspections,\" said Tariq Aziz.\n\n"
      .. "He added that Iraq rejects the sanctions.\n\n"
      .. "France could veto a resolution on the use of force, according to Chirac.\n")
    run.write(dir .. "/c.txt", "Transcript - 1991-01-10\n\n"
      .. "G. Bush. We must get a resolution passed in the UN which would authorize force. I do not want a war.\n\n"
      .. "M.S. Gorbachev. We prefer that sanctions be lifted. If Iraq leaves Kuwait, we will support the inspections.\n")
    run.write(dir .. "/d.txt", "Iraq crisis - 2003-03-05\n\n"
      .. "China's foreign ministry said Beijing opposes any military action against Iraq.\n\n"
      .. "Chirac declared that France would veto a second resolution authorizing war.\n\n"
      .. "Germany will not support a war, Schroeder insisted.\n\n"
      .. "Turkish lawmakers rejected a motion to allow U.S. troops on Turkish soil.\n\n"
      .. "Russia is ready to lift sanctions if Baghdad cooperates with inspectors, Lavrov said.\n")
    run.write(dir .. "/e.txt", "Notes - 2003-03-05\n\n"
      .. "Russia's offer to send inspectors was welcomed. Moscow was one of the strongest critics of the war.\n\n"
      .. "A U.S.-backed draft resolution would authorize force. Russia and China both oppose the sanctions.\n\n"
      .. "If Turkey decides to reject the aid, the ships will travel. Russian officials may support the war.\n\n"
      .. "Russian officials asserted that there is no proof of Iraqi involvement in terrorism.\n\n"
      .. "Does Russia support the inspections? Russia has not decided whether to support sanctions.\n")
    C = assert(lector.open(dir, { warn = function() end }))
  end)
  teardown(function() run.rmdir(dir) end)

  it("finds the holder as the subject, in a quotation, behind a pronoun, in reported speech", function()
    assert.are.same({
      "Russia|UN resolution authorizing force|supports|Russia",
      "Russia|use of force|supports|Russia",
      "United States|sanctions|supports|Baker",
    }, brief(positions.document(data, C:doc("a.txt"))))
    -- "could veto": a possibility, no stance; "He added": the holder of the sentence before; the
    -- force of "any resolution that would authorize force" is the resolution's, not a topic of its own
    assert.are.same({
      "Russia|UN resolution authorizing force|opposes|Russia",
      "Russia|peacekeeping troops|opposes|Moscow",
      "United States|use of force|opposes|the president",
      "Iraq|weapons inspections|opposes|Tariq Aziz",
      "Iraq|sanctions|opposes|Iraq",
    }, brief(positions.document(data, C:doc("b.txt"))))
  end)

  it("reads the verb that governs the topic, its negation and what turns it around", function()
    -- the inspectors of the condition are not what Russia is ready for
    assert.are.same({
      "China|use of force|opposes|Beijing",
      "France|UN resolution authorizing force|opposes|France",
      "France|use of force|opposes|France",
      "Germany|use of force|opposes|Germany",
      "Russia|sanctions|conditional|Russia",
    }, brief(positions.document(data, C:doc("d.txt"))))
  end)

  it("gives a transcript's first person to the turn's speaker; 'lifted' and 'if' change the stance", function()
    -- the force of "a resolution which would authorize force" is the resolution's, not a stance
    assert.are.same({
      "United States|UN resolution authorizing force|supports|G. Bush",
      "United States|use of force|opposes|G. Bush",
      "Russia|sanctions|opposes|M.S. Gorbachev",
      "Russia|weapons inspections|conditional|M.S. Gorbachev",
    }, brief(positions.document(data, C:doc("c.txt"))))
  end)

  it("reads nouns and compounds that carry a stance, and leaves suppositions and questions out", function()
    local rows = positions.document(data, C:doc("e.txt"))
    assert.are.same({
      "Russia|weapons inspections|supports|Russia",
      "Russia|use of force|opposes|Moscow",
      "United States|UN resolution authorizing force|supports|U.S.",
      "Russia|sanctions|opposes|Russia",
      "China|sanctions|opposes|China",
      "Russia|Iraq and terrorism|opposes|Russian officials",
    }, brief(rows))
    assert.are.equal("holder: named with the noun; stance: noun 'offer'", rows[1].explain)
    assert.are.equal("holder: source of the speech; stance: noun 'proof', turned by 'no'", rows[6].explain)
  end)

  it("carries the evidence: the sentence, its byte span in the file, the words of the stance", function()
    local r = positions.document(data, C:doc("b.txt"))[2]
    assert.are.same({ "b.txt", "2003-03-01", "is not prepared", 125, 196 },
      { r.file, r.date, r.cue, r.start, r["end"] })
    assert.are.equal("Lavrov says Moscow is not prepared to send peacekeeping troops to Iraq.", r.evidence)
    local f = io.open(dir .. "/b.txt", "rb")
    local bytes = f:read("a")
    f:close()
    assert.are.equal(r.evidence, bytes:sub(r.start + 1, r["end"]))
  end)

  it("compares positions between dates only, with the evidence of both sides", function()
    local changes = positions.changes(positions.timeline(positions.statements(C, data, {})))
    local got = {}
    for _, c in ipairs(changes) do
      got[#got + 1] = table.concat({ c.actor, c.topic, c.from_date, c.to_date, c.change }, "|")
    end
    -- d.txt and e.txt have the same date: each is compared with 1991, never with the other
    assert.are.same({
      "Russia|UN resolution authorizing force|1990-11-20|2003-03-01|supports -> opposes",
      "Russia|sanctions|1991-01-10|2003-03-05|opposes -> conditional",
      "Russia|sanctions|1991-01-10|2003-03-05|same",
      "Russia|use of force|1990-11-20|2003-03-05|supports -> opposes",
      "Russia|weapons inspections|1991-01-10|2003-03-05|conditional -> supports",
      "United States|UN resolution authorizing force|1991-01-10|2003-03-05|same",
      "United States|use of force|1991-01-10|2003-03-01|same",
    }, got)
    assert.are.equal("We prefer that sanctions be lifted.", changes[2].from_evidence)
    assert.are.equal("Russia is ready to lift sanctions if Baghdad cooperates with inspectors, Lavrov said.",
      changes[2].to_evidence)
  end)
end)

describe("the data file of positions", function()
  it("names an unknown key instead of ignoring it", function()
    local dir = run.tmpdir()
    run.write(dir .. "/p.lua", "return { actors = {}, topics = { { 'war', any = { 'war' }, exept = {} } } }")
    local d, err = positions.load(dir .. "/p.lua")
    assert.is_nil(d)
    assert.are.equal(dir .. "/p.lua: topic 1: unknown key `exept`", err)
    run.write(dir .. "/p.lua", "return { actors = {}, topics = {}, predicates = { suports = {} } }")
    d, err = positions.load(dir .. "/p.lua")
    assert.are.equal(dir .. "/p.lua: predicates: unknown key `suports`", err)
    run.rmdir(dir)
  end)
end)

describe("scripts/positions.lua on corpus/", function()
  local rows = positions.statements(corpus, data, {})

  it("prints 40 statements, 38 of them as the hand labels have them (bench/accuracy/positions.lua)", function()
    local gold = {}
    for line in io.lines("spec/fixtures/positions/seeds-gold.tsv") do
      local file, start, holder, topic, stance = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
      gold[table.concat({ file, start, holder, topic }, "|")] = stance
    end
    local right = 0
    for _, r in ipairs(rows) do
      if gold[table.concat({ r.file, r.start, r.actor, r.topic }, "|")] == r.stance then right = right + 1 end
    end
    assert.are.same({ 40, 38 }, { #rows, right })
  end)

  it("gives the same statements whether the corpus was annotated or is tagged on the fly", function()
    local dir = run.tmpdir()
    os.execute("cp corpus/*.txt corpus/metadata.tsv " .. dir)
    local plain = assert(lector.open(dir, { annotate = false, warn = function() end }))
    assert.are.same({ "word" }, plain:attributes().positional)
    local other = positions.statements(plain, data, {})
    local a, b = {}, {}
    for i, r in ipairs(rows) do a[i] = table.concat({ r.file, r.start, r.actor, r.topic, r.stance, r.cue }, "|") end
    for i, r in ipairs(other) do b[i] = table.concat({ r.file, r.start, r.actor, r.topic, r.stance, r.cue }, "|") end
    assert.are.same(a, b)
    run.rmdir(dir)
  end)

  it("finds through the index exactly the statements that looking at every sentence finds", function()
    local function keys(list)
      local out = {}
      for i, r in ipairs(list) do out[i] = table.concat({ r.file, r.start, r.actor, r.topic, r.stance, r.cue }, "|") end
      return out
    end
    assert.are.same(keys(positions.statements(corpus, data, { scan = true })), keys(rows))
    -- a generated corpus: the seeds' sentences dealt round-robin into twelve dated documents
    local dir = run.tmpdir()
    local docs = {}
    for i = 1, 12 do docs[i] = { string.format("Dispatch %d - 200%d-0%d-1%d\n", i, i % 5, 1 + i % 9, i % 10) } end
    local n = 0
    for d in corpus:docs() do
      for sp in d:sentences() do
        n = n + 1
        table.insert(docs[1 + n % 12], sp:text())
      end
    end
    for i, lines in ipairs(docs) do run.write(string.format("%s/d%02d.txt", dir, i), table.concat(lines, "\n\n") .. "\n") end
    local G = assert(lector.open(dir, { warn = function() end }))
    local scan, indexed = positions.statements(G, data, { scan = true }), positions.statements(G, data, {})
    assert.are.same(keys(scan), keys(indexed))
    assert.is_true(#indexed >= 20, tostring(#indexed))
    run.rmdir(dir)
  end)

  it("never compares documents of the same date", function()
    for _, c in ipairs(positions.changes(positions.timeline(rows))) do
      assert.is_true(c.from_date < c.to_date, c.from_date .. " " .. c.to_date)
    end
  end)
end)
