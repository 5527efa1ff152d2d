-- Mentions (scripts/mentions.lua, scripts/lib/entities.lua, corpus/entities.lua): the hard cases on
-- sentences written for these specs, the evidence of every mention, and exact counts per person on
-- corpus/, counted by hand (see "hand counts" below).
package.path = "scripts/?.lua;scripts/lib/?.lua;" .. package.path
local mentions = require "mentions"
local entities = require "entities"

local matcher = assert(mentions.load(corpus))

-- entity -> count in text dated date
local function counts(text, date, m)
  local c = {}
  for _, x in ipairs((m or matcher):scan(text, date)) do c[x.entity] = (c[x.entity] or 0) + 1 end
  return c
end

local function list(text, date)
  local out = {}
  for _, x in ipairs(matcher:scan(text, date)) do out[#out + 1] = x.alias .. "=" .. x.entity end
  return table.concat(out, ", ")
end

describe("the mention matcher", function()
  it("takes case where it matters: US the country, not us", function()
    assert.are.same({ ["United States"] = 1 }, counts("Let us ask the US what it wants from us.", "2003-01-01"))
    assert.are.same({ Turkey = 1 }, counts("A turkey dinner in Turkey.", "2003-01-01"))
    assert.are.same({ Russia = 2 }, counts("THE KREMLIN and the Kremlin, not a kremlin.", "2003-01-01"))
  end)

  it("counts nested aliases once, the longest", function()
    assert.are.equal("U.N. Security Council=United Nations, UN=United Nations",
      list("The U.N. Security Council met and the UN said so.", "2003-01-01"))
    assert.are.equal("Soviet Union=Russia, USSR=Russia", list("The Soviet Union, the USSR, the USUS.", "1990-01-01"))
    assert.are.equal("United States of America=United States", list("the United States of America", "2000"))
  end)

  it("finds possessives with either apostrophe, and names before a hyphen", function()
    assert.are.same({ Russia = 2, Iraq = 1 }, counts("Russia's view, Russia’s veto, the Iraqis' anger.", "2003"))
    assert.are.same({ ["United States"] = 1, Iraq = 1 }, counts("a U.S.-led war in Iraq", "2003"))
  end)

  it("scopes an alias by date: Bush in 1990 and in 2003, Jim only in Baker's years", function()
    assert.are.equal("President Bush=George H. W. Bush, Bush=George H. W. Bush",
      list("President Bush spoke; Bush left.", "1990-11-19"))
    assert.are.equal("President Bush=George W. Bush, Bush=George W. Bush",
      list("President Bush spoke; Bush left.", "2003-02-27"))
    assert.are.equal("George Bush=George H. W. Bush", list("George Bush", "1991"))
    assert.are.equal("George Bush=George W. Bush", list("George Bush", "2004"))
    assert.are.equal("Jim=James Baker", list("I spoke with Jim.", "1990-11-19"))
    local presidents = entities.compile({
      { "George H. W. Bush", aliases = { { "the President", from = "1989-01-20", ["until"] = "1993-01-20" } } },
      { "Bill Clinton", aliases = { { "the President", from = "1993-01-20", ["until"] = "2001-01-20" } } } })
    assert.are.same({ ["George H. W. Bush"] = 1 }, counts("the President", "1993-01-19", presidents))
    assert.are.same({ ["Bill Clinton"] = 1 }, counts("the President", "1993-01-20", presidents))
    assert.are.same({}, counts("the President", "2010-05-01", presidents))
    assert.are.equal("", list("I spoke with Jim.", "1992-08-24"))
  end)

  it("resolves a bare surname to the latest fully named person in the document", function()
    assert.are.equal("Igor Ivanov=Igor Ivanov, Sergei Ivanov=Sergei Ivanov, Ivanov=Sergei Ivanov",
      list("Igor Ivanov met Sergei Ivanov. Later Ivanov said no.", "2002"))
    assert.are.equal("Sergei Ivanov=Sergei Ivanov, Igor Ivanov=Igor Ivanov, Ivanov=Igor Ivanov",
      list("Sergei Ivanov met Igor Ivanov. Ivanov said yes.", "2002"))
    -- before any full name: the first one named later; with none: unresolved
    assert.are.equal("Ivanov=Igor Ivanov, Igor Ivanov=Igor Ivanov", list("Ivanov, that is Igor Ivanov, spoke.", "2002"))
    assert.are.equal("Ivanov=Ivanov (unresolved)", list("Ivanov spoke.", "2002"))
    -- a full name earlier in the document beats the date scope
    assert.are.equal("George W. Bush=George W. Bush, Bush=George W. Bush", list("George W. Bush in 1990. Bush", "1990"))
  end)

  it("compiles a user's own list and says what is wrong with a bad one", function()
    local m = entities.compile({ { "NATO", aliases = { "NATO", "North Atlantic Treaty Organization",
      { "alliance", nocase = true } } } })
    assert.are.same({ NATO = 3 }, counts("NATO, the Alliance, the North Atlantic Treaty Organization.", "2000", m))
    local powells = entities.compile({ { "Colin Powell", aliases = { { "Powell", when = { "Iraq" } } } },
      { "Lewis Powell", aliases = { { "Powell", when = { "Court" } } } } })
    assert.are.same({ ["Colin Powell"] = 1 }, counts("Powell spoke about Iraq.", "2003", powells))
    assert.are.same({ ["Lewis Powell"] = 1 }, counts("Powell spoke for the Court.", "1978", powells))
    assert.are.same({}, counts("Powell spoke.", "1978", powells))
    assert.are.equal("Lewis Powell", powells:scan("Powell spoke.", "1978", { context = "... the Court ..." })[1].entity)
    assert.has_error(function() entities.compile({ { "X" } }) end, "entities: entry 1 needs a name and a list of aliases")
    assert.has_error(function() entities.compile({ { "X", aliases = { 5 } } }) end, "entities: X: an alias is not a string")
  end)
end)

-- Hand counts: every mention of a person by name in the five documents of corpus/, read line by line
-- (titles, citations, headlines, speaker labels, possessives and short forms all count; a title or
-- pronoun alone does not: "the president", "Mr. President", "he"; nor "Bush Administration", which
-- names a government, nor organizations named after people: "Leon Levy Foundation", "Wilson Center").
--   000 (2002-09-20): George W. Bush 7 (headline "President Bush", "President Bush" x4, "Mr. Bush" x2),
--     Saddam Hussein 4, Ari Fleischer 3 ("Ari Fleischer" x2, "Mr. Fleischer"), Vladimir Putin 2
--     ("Vladimir Putin", "President Putin"), Igor Ivanov 2 ("Igor Ivanov", "Mr. Ivanov").
--   001 (2003-02-27): Hans Blix 4, George W. Bush 3 (headline "Pres. Bush", "President Bush", "Mr. Bush"),
--     Vladimir Putin 2 (headline "Russia’s Putin", "Putin said"), Kofi Annan 1, Dan Rather 1
--     ("CBS’s Dan Rather"), Saddam Hussein 1.
--   002 (2001-11-26): Saddam Hussein 4 (3 full, and the book title "Saddam’s Bombmaker"), Alexander
--     Saltanov 3, Khidhir Hamza 3, George W. Bush 2 ("President George W. Bush", "Bush threw"), Osama bin
--     Laden 2 (both possessive), Sergei Ivanov 2, Ahmed Samir al-Ahani 2 ("Ahani was"), Richard Butler 2,
--     Vladimir Putin 1, Taha Yasin Ramadan 1, Mohammed Atta 1.
--   003 (2004-07-24): Sergei Lavrov 4 ("Sergei Lavrov", "Mr. Lavrov" x2, "Foreign Minister Lavrov"),
--     Hoshyar Zebari 1, Saddam Hussein 1.
--   004 (1990-11-19, a transcript): George H. W. Bush 11 (title line "George Bush", citation "George
--     Bush", summary "Bush", heading "G. BUSH", and 7 speaker labels "G. Bush." including "[G. Bush.]"),
--     Mikhail Gorbachev 10 (title, citation, summary, heading "M.S. GORBACHEV", 6 labels "M.S.
--     Gorbachev."), Saddam Hussein 6 (3 "Saddam Hussein", 3 "Saddam"), Adolf Hitler 3, James Baker 2
--     ("James Baker", "Jim in Moscow"), Helmut Kohl 1 ("Chancellor Kohl"), Javier Pérez de Cuéllar 1
--     (written "Pe / rez de Cue / llar" over three lines).
local HAND = {
  ["000"] = { ["George W. Bush"] = 7, ["Saddam Hussein"] = 4, ["Ari Fleischer"] = 3, ["Vladimir Putin"] = 2,
    ["Igor Ivanov"] = 2 },
  ["001"] = { ["Hans Blix"] = 4, ["George W. Bush"] = 3, ["Vladimir Putin"] = 2, ["Kofi Annan"] = 1,
    ["Dan Rather"] = 1, ["Saddam Hussein"] = 1 },
  ["002"] = { ["Saddam Hussein"] = 4, ["Alexander Saltanov"] = 3, ["Khidhir Hamza"] = 3, ["George W. Bush"] = 2,
    ["Osama bin Laden"] = 2, ["Sergei Ivanov"] = 2, ["Ahmed Samir al-Ahani"] = 2, ["Richard Butler"] = 2,
    ["Vladimir Putin"] = 1, ["Taha Yasin Ramadan"] = 1, ["Mohammed Atta"] = 1 },
  ["003"] = { ["Sergei Lavrov"] = 4, ["Hoshyar Zebari"] = 1, ["Saddam Hussein"] = 1 },
  ["004"] = { ["George H. W. Bush"] = 11, ["Mikhail Gorbachev"] = 10, ["Saddam Hussein"] = 6, ["Adolf Hitler"] = 3,
    ["James Baker"] = 2, ["Helmut Kohl"] = 1, ["Javier Pérez de Cuéllar"] = 1 },
}

-- the people counted per document: "000" -> {person = n}
local function people(res)
  local out = {}
  for _, x in ipairs(res.docs) do
    local t = {}
    for e, n in pairs(x.counts) do
      if matcher.types[e] == "person" then t[e] = n end
    end
    out[x.doc.name:sub(1, 3)] = t
  end
  return out
end

describe("scripts/mentions.lua on corpus/", function()
  local res = mentions.count(corpus, matcher, {})

  it("uses the lexicon of the corpus folder", function()
    assert.are.equal("corpus/entities.lua (found in the corpus folder)", matcher.source)
  end)

  it("counts every person exactly as counted by hand", function()
    assert.are.same(HAND, people(res))
  end)

  it("leaves the speaker labels out when asked", function()
    local without = people(mentions.count(corpus, matcher, { speakers = false }))
    assert.are.equal(11 - 7, without["004"]["George H. W. Bush"])
    assert.are.equal(10 - 6, without["004"]["Mikhail Gorbachev"])
    assert.are.same(HAND["000"], without["000"])
  end)

  it("counts per document, per year and in total", function()
    local rows = mentions.rows(res, "doc")
    assert.are.same({ file = "004_3bf8bdfe55aae150.txt", date = "1990-11-19", entity = "United States", count = 14,
      aliases = "US 8, American 4, Americans 1, United States 1" }, rows[1])
    assert.are.same({ year = 1990, entity = "United States", count = 14 }, mentions.rows(res, "year")[1])
    local total = {}
    for _, r in ipairs(mentions.rows(res, "total")) do total[r.entity] = r.count end
    assert.are.same({ 75, 48, 39, 27, 16, 12, 11 }, { total.Iraq, total.Russia, total["United Nations"],
      total["United States"], total["Saddam Hussein"], total["George W. Bush"], total["George H. W. Bush"] })
  end)

  it("gives each mention its evidence: document, date, bytes of the file, text, sentence, rule", function()
    local rows = mentions.evidence(res, true)
    local files = {}
    for _, r in ipairs(rows) do
      local f = files[r.file]
      if not f then
        local h = assert(io.open("corpus/" .. r.file, "rb"))
        f = h:read("a")
        h:close()
        files[r.file] = f
      end
      -- the bytes of the file hold the matched text, and the sentence holds them
      assert.are.equal(r.text, f:sub(r.start + 1, r["end"]))
      assert.truthy(r.sentence:find(r.text, 1, true))
      assert.truthy(r.date:match("^%d%d%d%d%-%d%d%-%d%d$"))
    end
    local bomb
    for _, r in ipairs(rows) do if r.start == 2962 then bomb = r end end
    assert.are.same({ file = "002_378a0fa01cf8e0c6.txt", date = "2001-11-26", start = 2962, ["end"] = 2968,
      text = "Saddam", entity = "Saddam Hussein",
      sentence = "Hamza recounted his activities and escape from Iraq in his book, “Saddam’s Bombmaker.”",
      rule = "alias 'Saddam'" }, bomb)
    local m
    for _, x in ipairs(res.mentions) do if x.byte_start == 2962 then m = x end end
    assert.are.equal("…recounted his activities and escape from Iraq in his book, “[Saddam]’s Bombmaker.”",
      mentions.sentence(m, true))
  end)

  it("finds with the index exactly what an LPeg scan of each document's text finds", function()
    local indexed = mentions.count(corpus, matcher, { speakers = false, boilerplate = true }).mentions
    local n = 0
    for d in corpus:docs() do
      local labels = mentions.labels(d)
      local function label(a, b)
        for _, l in ipairs(labels) do if a < l[2] and b > l[1] then return true end end
        return false
      end
      local scanned, found = {}, {}
      for _, m in ipairs((matcher:scan(d:text(), d.date, nil, 0, label))) do
        scanned[#scanned + 1] = m.start .. "-" .. m.stop .. " " .. m.entity
      end
      for _, m in ipairs(indexed) do
        if m.doc.id == d.id then found[#found + 1] = m.byte_start .. "-" .. m.byte_end .. " " .. m.entity end
      end
      assert.are.same(scanned, found)
      n = n + #found
    end
    assert.are.equal(#indexed, n)
    assert.are.equal(294, n)
  end)

  it("says which rule decided a shared or dated alias, and marks speaker labels", function()
    local rule = {}
    for _, m in ipairs(res.mentions) do rule[m.doc.name:sub(1, 3) .. " " .. m.byte_start] = m.rule end
    assert.are.equal("'President Bush' is shared: 2002-09-20 is in George W. Bush's scope, from 2001 to 2009",
      rule["000 36"])
    assert.are.equal("'Bush' is shared: George W. Bush was named last, earlier in the document", rule["002 721"])
    assert.are.equal("'Ivanov' is shared: Sergei Ivanov was named last, earlier in the document", rule["002 1237"])
    assert.are.equal("'George Bush' is shared: George H. W. Bush is the only one whose scope does not exclude the date",
      rule["004 92"])
    assert.are.equal("alias 'Jim', from 1989-01-25 until 1992-08-24", rule["004 7015"])
    assert.are.equal("alias 'G. Bush'; a speaker label", rule["004 719"])
  end)
end)
