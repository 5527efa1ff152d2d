-- Frequency lists, collocates, n-grams and keywords (host/core/query/stats.c, host/bindings/lua_stats.c), on a
-- corpus small enough to count by hand: every figure below was counted from these two files.
local lector = require "lector"

local function rows(list, ...)
  local keys, out = { ... }, {}
  for _, r in ipairs(list) do
    local t = { r.form }
    for _, k in ipairs(keys) do t[#t + 1] = tostring(r[k]) end
    out[#out + 1] = table.concat(t, ":")
  end
  return table.concat(out, " ")
end

describe("statistics", function()
  local dir, C
  setup(function()
    dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/a.txt", "w"))
    f:write("The red cat sat. The red dog ran. A cat and a red cat.\n")
    f:close()
    f = assert(io.open(dir .. "/b.txt", "w"))
    f:write("Breaking News\n\nCat news here. Dogs ran home.\n")    -- its first line is boilerplate
    f:close()
    C = assert(lector.open(dir))
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("count folded words, ties in byte order, punctuation left out", function()
    local list, tokens = C:freq()
    assert.are.equal("cat:4 red:3 a:2 news:2 ran:2 the:2 and:1 breaking:1 dog:1 dogs:1 here:1 home:1 sat:1",
      rows(list, "count"))
    assert.are.equal(27, tokens)
    assert.are.equal("cat:3 red:3 The:2", rows(C:freq{ case = true, limit = 3 }, "count"))
    assert.are.equal(".:5", rows(C:freq{ words = false, limit = 1 }, "count"))
  end)

  it("leave boilerplate lines and other documents out on request", function()
    local list, tokens = C:freq{ boilerplate = false, min = 2 }
    assert.are.equal("cat:4 red:3 a:2 ran:2 the:2", rows(list, "count"))
    assert.are.equal(25, tokens)
    assert.are.equal("cat:1 dogs:1 here:1 home:1 news:1 ran:1",
      rows(C:freq{ docs = "b.txt", boilerplate = false }, "count"))
  end)

  it("find collocates inside the sentence, each position once", function()
    assert.are.equal("red:2:3 and:1:1 sat:1:1 a:1:2 news:1:2",
      rows(C:near("cat", { window = 1, min = 1 }), "cooc", "freq"))
    -- across sentences and with punctuation: "News" (the boilerplate line) precedes "Cat"
    assert.are.equal("news:2 red:2 and:1 sat:1 a:1 .:1",
      rows(C:near("cat", { window = 1, min = 1, sentence = false, words = false }), "cooc"))
    -- the two cats of "a red cat" and "A cat" share no window position with each other
    local list, nodes = C:near("cat", { left = 0, right = 2, min = 1 })
    assert.are.equal(4, nodes)
    assert.are.equal("and:1:1 here:1:1 sat:1:1 a:1:2 news:1:2", rows(list, "cooc", "freq"))
  end)

  it("score collocates by the formulas they document", function()
    local r = C:near("cat", { window = 1, min = 1 })[1]        -- red: cooc 2, freq 3
    assert.are.equal("red", r.form)
    assert.are.equal(14 + math.log(2 * 2 / (4 + 3), 2), r.logdice)
    -- W = 7 window tokens (red sat | a and | red . | news), N = 27 tokens
    local e = 7 * 3 / 27
    assert.are.equal(math.log(2 / e, 2), r.mi)
    assert.are.equal((2 - e) / math.sqrt(2), r.t)
    -- log-likelihood puts the words seen only beside a cat first
    assert.are.equal("and:1 sat:1 red:2 a:1 news:1",
      rows(C:near("cat", { window = 1, min = 1, measure = "ll" }), "cooc"))
  end)

  it("take a Hits as the node", function()
    local list, nodes = C:near(C:hits("dog"), { window = 2, min = 1 })
    assert.are.equal(1, nodes)
    assert.are.equal("ran:1:2 the:1:2 red:1:3", rows(list, "cooc", "freq"))
  end)

  it("count n-grams inside sentences only", function()
    assert.are.equal("red cat:2 the red:2", rows(C:ngrams(2), "count"))
    local all = rows(C:ngrams(2, { min = 1, words = false }), "count")
    assert.truthy(all:find("sat .:1", 1, true))
    assert.falsy(all:find(". the", 1, true))
    assert.falsy(all:find(". a", 1, true))
    assert.are.equal("a cat and:1 a red cat:1 and a red:1",
      rows(C:ngrams(3, { min = 1, limit = 3, docs = "a.txt" }), "count"))
  end)

  it("find the keywords of some documents against the others", function()
    assert.are.equal("red:3:0 a:2:0 the:2:0 and:1:0 dog:1:0 sat:1:0 cat:3:1",
      rows(C:keywords("a.txt", nil, { min = 1 }), "a", "b"))
    assert.are.equal("red:3:0", rows(C:keywords({ "a.txt" }, { "b.txt" }, { limit = 1 }), "a", "b"))
  end)

  it("reject what makes no sense", function()
    assert.has_error(function() C:ngrams(0) end)
    assert.has_error(function() C:near("cat", { window = -1 }) end,
      "near: the window cannot be negative")
    assert.has_error(function() C:near("cat", { measure = "zscore" }) end)
    assert.has_error(function() C:keywords("nope.txt") end)
  end)
end)
