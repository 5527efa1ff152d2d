-- C:dispersion (host/lua/lector/dispersion.lua): range, Juilland's D and Gries's DP checked against
-- numbers worked out by hand, on Gries's (2008) own example corpus and on the seed corpus.
local lector = require "lector"
local run = require "spec.support.run"

local function f4(x) return string.format("%.4f", x) end

describe("C:dispersion", function()
  -- Gries 2008, "Dispersions and adjusted frequencies in corpora", section 3: a corpus of 50 words
  -- in 5 parts of 9, 10, 10, 10 and 11 words, where "a" occurs 1, 2, 3, 4 and 5 times (f = 15).
  -- One document per part.
  local dir, C
  setup(function()
    dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/g")
    local parts = { "b a m n i b e u p", "b a s a t b e w q n", "b c a g a b e s t a", "b a g h a b e a a t",
      "b a h a a b e a x a t" }
    for i, p in ipairs(parts) do run.write(dir .. "/g/" .. i .. ".txt", p .. "\n") end
    C = assert(lector.open(dir .. "/g", { store = false }))
  end)
  teardown(function()
    C:close()
    run.rmdir(dir)
  end)

  it("over the documents: Gries 2008's example by hand", function()
    -- s (share of the corpus):  9/50 = .18   10/50 = .20   .20    .20    11/50 = .22
    -- v (share of the hits):    1/15 = .0667  2/15 = .1333  3/15 = .20  4/15 = .2667  5/15 = .3333
    -- |v - s|:                  17/150        10/150        0      10/150  17/150      sum 54/150 = .36
    -- DP = .36 / 2 = 0.18 (Gries's own figure); DP_norm = .18 / (1 - min s) = .18 / .82 = 0.2195
    -- Juilland's D on relative frequencies (count / size): 1/9, 2/10, 3/10, 4/10, 5/11
    --   = .1111 .2 .3 .4 .4545; mean .29313; population sd .12596; V = sd / mean = .42970;
    --   D = 1 - V / sqrt(5 - 1) = 1 - .42970 / 2 = 0.78515, 0.7852
    local r = C:dispersion("a")
    assert.are.same({ 9, 10, 10, 10, 11 }, r.sizes)
    assert.are.same({ 1, 2, 3, 4, 5 }, r.counts)
    assert.are.same({ 15, 5, 5, 100.0 }, { r.freq, r.parts, r.range, r.range_pct })
    assert.are.same({ "0.1800", "0.2195", "0.7852" }, { f4(r.gries_dp), f4(r.dp_norm), f4(r.juilland_d) })
    assert.are.same({ "1.txt", "2.txt", "3.txt", "4.txt", "5.txt" }, r.docs)
  end)

  it("over equal-sized parts of the documents laid end to end", function()
    -- 50 tokens in 5 parts: offsets [0,10) [10,20) ... The a's are at offsets 1 | 10 12 | 21 23 28 |
    -- 30 33 36 37 | 40 42 43 46 48, so the counts are again 1 2 3 4 5, now in parts of 10.
    -- DP = (|1/15-.2| + |2/15-.2| + 0 + |4/15-.2| + |5/15-.2|) / 2 = (.1333+.0667+.0667+.1333)/2 = 0.2;
    -- DP_norm = .2 / .8 = 0.25; D: relative frequencies .1 .2 .3 .4 .5, mean .3, sd sqrt(.02) = .14142,
    -- V = .47140, D = 1 - .47140 / 2 = 0.7643
    local r = C:dispersion("a", { parts = 5 })
    assert.are.same({ 10, 10, 10, 10, 10 }, r.sizes)
    assert.are.same({ 1, 2, 3, 4, 5 }, r.counts)
    assert.are.same({ "0.2000", "0.2500", "0.7643" }, { f4(r.gries_dp), f4(r.dp_norm), f4(r.juilland_d) })
    assert.is_nil(r.docs)
    -- 3 parts: [0,16) [16,33) [33,50) (floor(k*50/3)), holding 3, 4 and 8 a's
    r = C:dispersion("a", { parts = 3 })
    assert.are.same({ 16, 17, 17 }, r.sizes)
    assert.are.same({ 3, 4, 8 }, r.counts)
  end)

  it("is 0 for DP and 1 for D when a word is spread as the tokens are, and says nothing for no hits", function()
    local r = C:dispersion("e", { parts = 5 })   -- at offsets 6 15 25 35 45: once in each part of 10
    assert.are.same({ 1, 1, 1, 1, 1 }, r.counts)
    assert.are.same({ "0.0000", "1.0000" }, { f4(r.gries_dp), f4(r.juilland_d) })
    r = C:dispersion("zzz")
    assert.are.same({ 0, 0, 0 }, { r.freq, r.range, r.range_pct })
    assert.is_nil(r.gries_dp)
    assert.is_nil(r.juilland_d)
    r = C:dispersion("x")                  -- all in the last part
    assert.are.same({ 1, 1, 20.0 }, { r.freq, r.range, r.range_pct })
    assert.are.same({ "0.7800", "0.0000" }, { f4(r.gries_dp), f4(r.juilland_d) })   -- 1 - .22 = .78
  end)

  it("takes any hits, and checks its options", function()
    assert.are.equal(15, C:dispersion(C:hits("a")).freq)
    assert.are.equal(4, C:dispersion(C:hits("b a")).range)   -- "b a" starts parts 1, 2, 4 and 5
    local ok, err = pcall(C.dispersion, C, "a", { part = 5 })
    assert.is_false(ok)
    assert.are.equal("spec/lua/dispersion_spec.lua:75: C:dispersion: unknown option 'part' (did you mean 'parts'?)", err)
    ok, err = pcall(C.dispersion, C, "a", { parts = "5" })
    assert.are.equal("spec/lua/dispersion_spec.lua:78: C:dispersion: option 'parts' must be an integer, got string", err)
    ok, err = pcall(C.dispersion, C, "a", { parts = 0 })
    assert.truthy(err:find("option 'parts' wants a whole number of parts (1 or more), not 0", 1, true), err)
    ok, err = pcall(C.dispersion, C, "a", { parts = 51 })
    assert.truthy(err:find("dispersion: 51 parts of a corpus of 50 tokens", 1, true), err)
    ok, err = pcall(C.dispersion, C, 42)
    assert.truthy(err:find("bad argument #1 to 'dispersion' (string or Hits expected, got number)", 1, true), err)
  end)
end)

describe("C:dispersion on the seed corpus", function()
  local C = lector.open("corpus")
  it("gives exact values for Iraq and resolution", function()
    -- documents of 538 631 689 364 2155 tokens (4377): s = .1229 .1442 .1574 .0832 .4923
    -- Iraq 13 8 9 10 2 (42): v = .3095 .1905 .2143 .2381 .0476; |v - s| = .1866 .0463 .0569 .1549
    --   .4447, DP = .8894 / 2 = 0.4447; DP_norm = .4447 / (1 - .0832) = 0.4851;
    --   per token .02416 .01268 .01306 .02747 .00093, mean .01566, sd .00943, V .6021, D = 1 - .6021/2 = 0.6990
    local r = C:dispersion("Iraq")
    assert.are.same({ 13, 8, 9, 10, 2 }, r.counts)
    assert.are.same({ 42, 5, 5 }, { r.freq, r.parts, r.range })
    assert.are.same({ "0.6990", "0.4447", "0.4851" }, { f4(r.juilland_d), f4(r.gries_dp), f4(r.dp_norm) })
    -- resolution 3 3 0 0 9 (15): v = .2 .2 0 0 .6; DP = (.0771+.0558+.1574+.0832+.1077)/2 = 0.2406;
    --   per token .00558 .00475 0 0 .00418, mean .00290, sd .00241, V .8308, D = 0.5846
    r = C:dispersion("resolution")
    assert.are.same({ 3, 3, 0, 0, 9 }, r.counts)
    assert.are.same({ 15, 3, 60.0 }, { r.freq, r.range, r.range_pct })
    assert.are.same({ "0.5846", "0.2406", "0.2624" }, { f4(r.juilland_d), f4(r.gries_dp), f4(r.dp_norm) })
    r = C:dispersion("Iraq", { parts = 10 })
    assert.are.same({ 11, 8, 5, 5, 10, 1, 0, 0, 1, 1 }, r.counts)
    assert.are.same({ 42, 8 }, { r.freq, r.range })
    assert.are.equal(8, C:where{ year = 2003 }:dispersion("Iraq").freq)
    assert.are.same({ 13, 8, 9, 10, 2 }, C:dispersion('[word="Iraq"]', { query = true }).counts)
    local ok, err = pcall(C.dispersion, C, "[word=", { query = true })
    assert.is_false(ok)
    assert.truthy(err:find("dispersion: unexpected end of query at column 7", 1, true), err)
  end)
end)
