-- Mentions (scripts/mentions.lua, scripts/lib/entities.lua, scripts/data/entities.lua): the hard
-- cases on sentences written for these specs, and exact counts on corpus/.
package.path = "scripts/?.lua;scripts/lib/?.lua;" .. package.path
local mentions = require "mentions"
local entities = require "entities"

local matcher = assert(mentions.load())

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

  it("scopes an alias by date: Bush in 1990 and in 2003", function()
    assert.are.equal("President Bush=George H. W. Bush, Bush=George H. W. Bush",
      list("President Bush spoke; Bush left.", "1990-11-19"))
    assert.are.equal("President Bush=George W. Bush, Bush=George W. Bush",
      list("President Bush spoke; Bush left.", "2003-02-27"))
    assert.are.equal("George Bush=George H. W. Bush", list("George Bush", "1991"))
    assert.are.equal("George Bush=George W. Bush", list("George Bush", "2004"))
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
    assert.has_error(function() entities.compile({ { "X" } }) end, "entities: entry 1 needs a name and a list of aliases")
    assert.has_error(function() entities.compile({ { "X", aliases = { 5 } } }) end, "entities: X: an alias is not a string")
  end)
end)

describe("scripts/mentions.lua on corpus/", function()
  local res = mentions.count(corpus, matcher, {})

  it("counts per document, leaving boilerplate and speaker labels out", function()
    local rows = mentions.rows(res, "doc")
    assert.are.same({ file = "004_3bf8bdfe55aae150.txt", date = "1990-11-19", entity = "United States", count = 14 }, rows[1])
    local by = {}
    for _, r in ipairs(rows) do by[r.file:sub(1, 3) .. " " .. r.entity] = r.count end
    assert.are.equal(4, by["004 George H. W. Bush"])
    assert.is_nil(by["004 George W. Bush"])
    assert.are.equal(2, by["000 Igor Ivanov"])
    assert.are.equal(2, by["002 Sergei Ivanov"])
    assert.are.equal(12, by["000 Russia"])
    assert.are.equal(16, by["001 Iraq"])
    local with = mentions.count(corpus, matcher, { speakers = true })
    assert.are.equal(4 + 7, with.docs[1].counts["George H. W. Bush"])
    assert.are.equal(4 + 6, with.docs[1].counts["Mikhail Gorbachev"])
  end)

  it("counts per year and in total", function()
    assert.are.same({ year = 1990, entity = "United States", count = 14 }, mentions.rows(res, "year")[1])
    local total = {}
    for _, r in ipairs(mentions.rows(res, "total")) do total[r.entity] = r.count end
    assert.are.same({ 75, 48, 39, 27, 15, 12, 4 }, { total.Iraq, total.Russia, total["United Nations"],
      total["United States"], total["Saddam Hussein"], total["George W. Bush"], total["George H. W. Bush"] })
  end)
end)
