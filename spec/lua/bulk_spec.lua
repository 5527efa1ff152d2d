-- The bulk functions (hits:sentences, C:sentences_at, C:texts) give exactly what the one-at-a-time
-- functions give (hit.sentence, d:sentences(), span:text()), on every hit of common words.
local lector = require "lector"

describe("the bulk functions", function()
  local C = lector.open("corpus")

  it("hits:sentences gives each hit's sentence, paragraph and turn", function()
    for _, word in ipairs({ "the", "Iraq", "resolution", "weapons of mass destruction" }) do
      local h = C:hits(word)
      for _, kind in ipairs({ "sentence", "paragraph", "turn" }) do
        local s, e = h:sentences(kind)
        assert.are.equal(#h, #s)
        assert.are.equal(#h, #e)
        for i = 1, #h do
          local r = h[i][kind]
          assert.are.same({ r and r.start or h[i].start, r and r.stop or h[i].stop }, { s[i], e[i] })
        end
      end
    end
    local s, e = C:hits("nosuchwordhere"):sentences()
    assert.are.same({ {}, {} }, { s, e })
    assert.has_error(function() C:hits("Iraq"):sentences("chapter") end)
  end)

  it("C:sentences_at gives the sentences of d:sentences() that hold the positions, once each", function()
    local all, number = {}, {}
    for d in C:docs() do
      local k = 0
      for sp in d:sentences() do
        k = k + 1
        all[#all + 1] = sp
        number[sp.start] = k
      end
    end
    -- every third position of the corpus, in reverse order, with repeats and positions outside it
    local pos = { -1, C.tokens, C.tokens + 5 }
    for p = C.tokens - 1, 0, -3 do pos[#pos + 1] = p; pos[#pos + 1] = p end
    local spans, numbers = C:sentences_at(pos)
    local want = {}
    for _, sp in ipairs(all) do
      local has = false
      for p = sp.start, sp.stop do if p % 3 == (C.tokens - 1) % 3 then has = true end end
      if has then want[#want + 1] = sp end
    end
    assert.are.equal(#want, #spans)
    for i, sp in ipairs(want) do
      local got = spans[i]
      assert.are.same({ sp.start, sp.stop, sp.byte_start, sp.byte_end, sp.kind, sp.doc.id },
        { got.start, got.stop, got.byte_start, got.byte_end, got.kind, got.doc.id })
      assert.are.equal(number[sp.start], numbers[i])
      assert.are.equal(sp:text(), got:text())
    end
    -- the spans of one document share one Document
    assert.are.equal(rawequal(spans[1].doc, spans[2].doc), spans[1].doc.id == spans[2].doc.id)
    assert.are.same({}, (C:sentences_at({})))
    assert.has_error(function() C:sentences_at({ "x" }) end)
  end)

  it("C:sentences_at finds turns and paragraphs, and a subcorpus's only", function()
    local turns = {}
    for t in C:doc(5):turns() do turns[#turns + 1] = t end
    local got = C:sentences_at({ turns[2].start + 1, turns[1].stop, turns[1].start }, "turn")
    assert.are.same({ turns[1].start, turns[2].start, turns[1].speaker, turns[2].speaker },
      { got[1].start, got[2].start, got[1].speaker, got[2].speaker })
    local p = C:hits("Saltanov")
    assert.are.equal(2, #C:sentences_at({ p[1].start, p[3].start }, "paragraph"))
    local early = C:where{ year = 2001 }
    assert.are.equal(1, #early:sentences_at({ p[1].start, C:hits("Gorbachev")[1].start }))
  end)

  it("C:texts gives what span:text() gives, flat or not", function()
    local starts, stops, want = {}, {}, {}
    for d in C:docs() do
      for sp in d:sentences() do
        starts[#starts + 1], stops[#stops + 1], want[#want + 1] = sp.start, sp.stop, sp:text()
      end
    end
    assert.are.same(want, C:texts(starts, stops))
    local flat = C:texts(starts, stops, { flat = true })
    for i, t in ipairs(want) do
      assert.are.equal((t:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")), flat[i])
    end
    -- out of order: the same texts, documents read again
    assert.are.same({ want[#want], want[1] }, C:texts({ starts[#starts], starts[1] }, { stops[#stops], stops[1] }))
    assert.has_error(function() C:texts({ 5 }, { 3 }) end, "texts: range 1 is not a token range inside one document")
    assert.has_error(function() C:texts({ 1 }, { 3, 4 }) end)
    local d2 = C:doc(2)
    assert.has_error(function() C:texts({ d2.first - 1 }, { d2.first }) end)
  end)
end)
