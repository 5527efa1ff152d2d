-- Subcorpora (C:where): every method sees only the documents kept, and documents keep their ids.
local lector = require "lector"

describe("a subcorpus", function()
  local C = lector.open("corpus")
  local early = C:where{ year = { 1990, 2001 } }

  it("keeps the documents that pass the tests, in order", function()
    local ids = {}
    for d in early:docs() do ids[#ids + 1] = d.id end
    assert.are.same({ 3, 5 }, ids)
    assert.are.equal(2, #early)
    assert.are.equal(689 + 2155, early.tokens)
    assert.are.equal(5, early:doc(2).id)
    assert.is_nil(early:doc(3))
    local d, msg = early:doc("000_e46888d005b16152.txt")
    assert.is_nil(d)
    assert.are.equal("no document 000_e46888d005b16152.txt in this subcorpus of corpus", msg)
  end)

  it("counts, finds and lists only inside its documents", function()
    assert.are.same({ 11, 11, 23 }, { early:count("Iraq"), #early:hits("Iraq"), #early:find("Iraq") })
    assert.are.equal(early:count("the"), early:freq{ limit = 1 }[1].count)
    assert.are.equal(0, early:count("Putin", { docs = C:doc(1) }))   -- doc 1 is not in it
    assert.are.equal(C:count("Putin", { docs = C:doc(3) }), early:count("Putin"))
  end)

  it("understands values, ranges, lists and functions", function()
    assert.are.equal(1, #C:where{ kind = "transcript" })
    assert.are.equal(2, #C:where{ source = "VOA" })
    assert.are.equal(3, #C:where{ source = { "VOA", "Wilson Center Digital Archive" } })
    assert.are.equal(3, #C:where{ date = { from = "2002-01-01" } })
    assert.are.equal(2, #C:where{ date = { to = "2001-12-31" } })
    assert.are.equal(1, #C:where{ year = 2004 })
    assert.are.equal(2, #C:where{ title = function(t) return t:find("Moscow") ~= nil end })
    assert.are.equal(3, #C:where(function(d) return d.tokens > 600 end))
    assert.has_error(function() C:where{ nosuchfield = "x" } end, "C:where: unknown field "
      .. "'nosuchfield' (valid: bytes, date, date_basis, date_from, id, kind, lang, line, name, path, source, title, tokens, year)")
    assert.has_error(function() C:where{ sourc = "VOA" } end,
      "C:where: unknown field 'sourc' (did you mean 'source'?)")
  end)

  it("narrows again, and serves as docs", function()
    local s = early:where{ kind = "news" }
    assert.are.equal(1, #s)
    assert.are.equal(3, s:doc(1).id)
    assert.are.equal(10, C:count("Gorbachev", { docs = C:where{ kind = "transcript" } }))
    assert.are.equal("we", C:keywords(C:where{ kind = "transcript" }, nil, { limit = 1 })[1].form)
  end)

  it("takes its keywords' reference from inside itself", function()
    -- against the other document of the subcorpus only (002), not the whole corpus
    local k = early:keywords(C:doc(5), nil, { limit = 1 })[1]
    assert.are.equal(early:count("we", { docs = C:doc(3) }), k.b)
  end)

  it("says what is wrong with a filter", function()
    assert.has_error(function() C:where{ year = { 1990, 2000, 2001 } } end,
      "where: year: a list is {from, to} for numbers, or strings to choose from (item 1)")
    assert.has_error(function() C:where(5) end)
  end)

  it("outlives nothing it needs", function()
    local s = lector.open("corpus"):where{ year = 2003 }
    collectgarbage(); collectgarbage()
    assert.are.equal(1, #s)
    assert.are.equal(2, s:count("Putin"))
    assert.truthy(tostring(s):find("where 1 documents", 1, true))
  end)
end)
