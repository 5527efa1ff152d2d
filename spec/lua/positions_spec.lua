-- Positions (scripts/positions.lua, scripts/data/positions.lua): statements, actors, topics and
-- stances with negation and modality, on documents written for these specs; the timeline and the
-- changes; and the figures on corpus/.
package.path = "scripts/?.lua;scripts/lib/?.lua;scripts/packs/un-resolutions/lua/?.lua;" .. package.path
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
      .. "Mr. Baker told reporters that sanctions must stay.\n")
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
    C = assert(lector.open(dir, { warn = function() end }))
  end)
  teardown(function() run.rmdir(dir) end)

  it("finds reported speech, negation, quotes with their speaker, pronouns and 'according to'", function()
    assert.are.same({
      "Russia|UN resolution authorizing force|supports|Ivanov",
      "Russia|use of force|supports|Ivanov",
      "United States|sanctions|supports|Baker",
    }, brief(positions.document(data, C:doc("a.txt"))))
    assert.are.same({
      "Russia|UN resolution authorizing force|opposes|President Putin",
      "Russia|peacekeeping troops|opposes|Lavrov",
      "United States|use of force|opposes|White House",
      "Iraq|weapons inspections|opposes|Tariq Aziz",
      "Iraq|sanctions|opposes|Tariq Aziz",
      "France|UN resolution authorizing force|conditional|Chirac",
      "France|use of force|conditional|Chirac",
    }, brief(positions.document(data, C:doc("b.txt"))))
  end)

  it("takes the verb that governs the topic, the speaker after a clause, lifting as opposing", function()
    assert.are.same({
      "China|use of force|opposes|China",
      "France|UN resolution authorizing force|opposes|Chirac",
      "France|use of force|opposes|Chirac",
      "Germany|use of force|opposes|Schroeder",
      "Russia|weapons inspections|conditional|Lavrov",
      "Russia|sanctions|opposes|Lavrov",
    }, brief(positions.document(data, C:doc("d.txt"))))
  end)

  it("gives a transcript's sentences to the turn's speaker; 'lifted' and 'if' change the stance", function()
    assert.are.same({
      "United States|UN resolution authorizing force|supports|G. Bush",
      "United States|use of force|opposes|G. Bush",
      "Russia|sanctions|opposes|M.S. Gorbachev",
      "Russia|weapons inspections|conditional|M.S. Gorbachev",
    }, brief(positions.document(data, C:doc("c.txt"))))
  end)

  it("puts positions in date order and shows what changed", function()
    local rows = positions.statements(C, data, {})
    local changes = positions.changes(positions.timeline(rows))
    local got = {}
    for _, c in ipairs(changes) do
      got[#got + 1] = table.concat({ c.actor, c.topic, c.from_date, c.to_date, c.change }, "|")
    end
    assert.are.same({
      "France|UN resolution authorizing force|2003-03-01|2003-03-05|conditional -> opposes",
      "France|use of force|2003-03-01|2003-03-05|conditional -> opposes",
      "Russia|UN resolution authorizing force|1990-11-20|2003-03-01|supports -> opposes",
      "Russia|sanctions|1991-01-10|2003-03-05|same",
      "Russia|weapons inspections|1991-01-10|2003-03-05|same",
      "United States|use of force|1991-01-10|2003-03-01|same",
    }, got)
  end)
end)

describe("scripts/positions.lua on corpus/", function()
  local rows = positions.statements(corpus, data, {})
  local timeline = positions.timeline(rows)

  it("finds the statements of the hard cases", function()
    local found = {}
    for _, r in ipairs(rows) do found[r.date .. "|" .. table.concat(brief({ r }))] = true end
    assert.is_true(found["2003-02-27|Russia|UN resolution authorizing force|opposes|Putin"])
    assert.is_true(found["2004-07-24|Russia|peacekeeping troops|opposes|Sergei Lavrov"])
    assert.is_true(found["1990-11-19|United States|use of force|opposes|G. Bush"])
    assert.is_true(found["2002-09-20|Russia|weapons inspections|supports|Russia"])
    assert.is_true(found["2001-11-26|Russia|sanctions|opposes|Moscow"])
    assert.are.equal(67, #rows)
  end)

  it("shows how Moscow's stance on a force resolution moved between 1990 and 2003", function()
    local got = {}
    for _, t in ipairs(timeline) do
      if t.actor == "Russia" and t.topic == "UN resolution authorizing force" then
        got[#got + 1] = t.date .. " " .. t.stance
      end
    end
    assert.are.same({ "1990-11-19 supports", "2002-09-20 supports", "2003-02-27 opposes" }, got)
    local changed = 0
    for _, c in ipairs(positions.changes(timeline)) do if c.changed then changed = changed + 1 end end
    assert.are.equal(5, changed)
  end)
end)
