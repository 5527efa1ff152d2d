-- Attributes besides the word: the built-in tagger's pos, xpos and lemma on the seed corpus
-- (annotated by spec/run-all.sh as `make run` leaves it), and corpora annotated elsewhere:
-- CoNLL-U and VRT files imported with their own tokens, attributes and regions, queried with
-- exact counts checked by hand against the fixtures in spec/fixtures/import/.
local lector = require "lector"

local C = lector.open("corpus")

-- a folder of its own holding the fixture file name
local function folder_with(name)
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir " .. dir .. " && cp spec/fixtures/import/" .. name .. " " .. dir .. "/"))
  return dir
end

local function counts(corpus, queries)
  local t = {}
  for i, q in ipairs(queries) do t[i] = assert(corpus:query_count(q)) end
  return t
end

describe("the built-in tagger on corpus/", function()
  it("gives every token pos, xpos and lemma", function()
    local a = C:attributes()
    assert.are.same({ "word", "pos", "xpos", "lemma" }, a.positional)
    assert.is_true(a.annotated)
    local t = C:token(C:hits("resolutions")[1].start)
    assert.are.same({ "resolutions", "resolution", "NOUN", "NNS" }, { t.word, t.lemma, t.pos, t.xpos })
  end)

  it("finds every form of a lemma, curly apostrophes included", function()
    -- am 7, are 20, be 30, been 6, is 48, was 11, were 8 and one "I’m"
    assert.are.same({ 131, 17, 33 }, counts(C, { '[lemma="be"]', '[lemma="resolution"]', '[lemma="say"]' }))
    assert.are.equal(C:query_count('[word="resolutions?"%c]'), C:query_count('[lemma="resolution"]'))
    assert.are.equal(C:query_count('[word="said|say|says|saying"%c]'), C:query_count('[lemma="say"]'))
    assert.are.equal(131, C:query_count('[lemma="BE"%c]'))
  end)

  it("answers tests on several attributes as their parts do", function()
    local adj, new = C:query_count('[pos="ADJ"]'), C:query_count('[pos="ADJ" & lemma="new"]')
    assert.is_true(adj > 100 and new > 0)
    assert.are.equal(adj - new, C:query_count('[pos="ADJ" & lemma!="new"]'))
    assert.are.equal(C:query_count('[lemma="say"]'),
      C:query_count('[lemma="say" & pos="VERB"]') + C:query_count('[lemma="say" & pos!="VERB"]'))
    assert.are.equal(C:query_count('[xpos="VBD"]') + C:query_count('[xpos="VBZ"]'),
      C:query_count('[xpos="VBD|VBZ"]'))
    local h = assert(C:query('[pos="ADJ"] "resolution"'))
    assert.are.same({ "military resolution", "Congressional resolution" }, { h[1]:text(), h[2]:text() })
  end)

  it("counts by lemma and by part of speech", function()
    local rows, total = C:freq { by = "pos" }
    local sum, by = 0, {}
    for _, r in ipairs(rows) do sum = sum + r.count by[r.form] = r.count end
    assert.are.equal(C.tokens, total)
    assert.are.equal(C:query_count('[pos="PROPN"]'), by.PROPN)
    assert.are.equal(C:query_count('[pos="NOUN"]'), by.NOUN)
    local lemmas = C:freq { by = "lemma", limit = 3 }
    assert.are.same({ "the", "to", "be" }, { lemmas[1].form, lemmas[2].form, lemmas[3].form })
    local s = C:hits("resolutions")[1].sentence
    local words, lemmas = s:tokens(), s:tokens("lemma")
    for i, w in ipairs(words) do if w == "resolutions" then assert.are.equal("resolution", lemmas[i]) end end
  end)

  it("finds collocates and keywords by lemma and by part of speech", function()
    local near = C:near("Iraq", { by = "lemma", limit = 50 })
    local weapon
    for _, r in ipairs(near) do if r.form == "weapon" then weapon = r.cooc end end
    assert.are.equal(C:query_count('[lemma="weapon"]') > 0 and weapon ~= nil, true)
    local kw = C:keywords(C:doc(5), nil, { by = "pos", limit = 1 })
    assert.are.same({ "PRON" }, { kw[1].form })                 -- the talk of two presidents
    assert.are.equal(C:query_count('[pos="PRON"]', { docs = C:doc(5) }), kw[1].a)
  end)

  it("says which attributes there are when one is unknown", function()
    local ok, msg = pcall(C.freq, C, { by = "lemmas" })
    assert.is_false(ok)
    assert.matches("by: unknown attribute 'lemmas' %(this corpus has word, pos, xpos, lemma%)", msg)
    local _, qmsg = C:query('[lema="be"]')
    assert.matches("^unknown attribute 'lema' %(this corpus has word, pos, xpos, lemma%) at column 2", qmsg)
  end)
end)

describe("an imported CoNLL-U file", function()
  local dir = folder_with("news.conllu")
  local K = assert(lector.open(dir, { store = false }))
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("keeps its words, columns and regions", function()
    assert.are.equal(2, #K)
    assert.are.equal(27, K.tokens)
    local a = K:attributes()
    assert.are.same({ "word", "lemma", "pos", "xpos", "feats", "head", "deprel", "deps", "misc" }, a.positional)
    assert.is_false(a.annotated)
    assert.are.same({ "id", "speaker" }, a.structural.s)
    assert.are.same({ "id" }, a.structural.p)
    assert.are.same({ "voa-2002-09-20", "2002-09-20" }, { K:doc(1).meta.id, K:doc(1).date })
  end)

  it("answers queries on any column with the counts of the file", function()
    assert.are.same({ 2, 2, 4, 7, 4, 2, 1, 1, 1, 0 }, counts(K, {
      '[lemma="be"]',            -- is, be
      '[pos="PROPN"]',           -- Iraq, Blix
      '[pos="AUX"]',             -- do, is, can, be
      '[xpos="VB.*"]',           -- do let avoid is expected delivered be
      '[deprel="nsubj"]',        -- They, Blix, it, way (vote is nsubj:pass)
      '[lemma="not"]',           -- n't, not
      '[pos="ADJ" & lemma!="new"]',
      '"can" "not"',             -- the words of "cannot"
      '[word="do"] [lemma="not"]',
      '"cannot"' }))
  end)

  it("gives the words of a multiword token their own forms", function()
    local h = assert(K:query('[lemma="not"]'))
    assert.are.same({ "n't", "not" }, { K:token(h[1].start).word, K:token(h[2].start).word })
    assert.are.same({ "do", "n't" }, { K:token(h[1].start - 1).word, K:token(h[1].start).word })
  end)

  it("tests sentence attributes and the sentences themselves", function()
    assert.are.same({ 1, 1, 4, 4, 3 }, counts(K, {
      '<s id="voa-3"> []', '<s speaker="Ari.*"> []', '<s> []', '[] </s>', '<p> []' }))
  end)

  it("counts by a column", function()
    local rows = K:freq { by = "pos", limit = 3 }
    assert.are.same({ "AUX", 4, "NOUN", 4, "PUNCT", 4 },
      { rows[1].form, rows[1].count, rows[2].form, rows[2].count, rows[3].form, rows[3].count })
  end)
end)

describe("an imported VRT file", function()
  local dir = folder_with("news.vrt")
  local V = assert(lector.open(dir, { store = false }))
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("names its columns from the positional-attributes comment", function()
    assert.are.same({ "word", "lemma", "pos", "ref" }, V:attributes().positional)
    assert.are.same({ "type" }, V:attributes().structural.ne)
    assert.are.equal(18, V.tokens)
    assert.are.same({ "wilson-1990", "1990-11-19" }, { V:doc(2).meta.id, V:doc(2).date })
  end)

  it("answers queries on its columns and elements", function()
    assert.are.same({ 2, 1, 1, 1, 1, 1, 6, 1, 3, 3 }, counts(V, {
      '[pos="NNP"]',                        -- Hans Blix
      '[lemma="breakthrough"]',
      '[pos="SENT"]',
      '<ne type="PERSON"> []+ </ne>',       -- Hans Blix
      '"Blix" within ne',
      '<s id="s1"> []+ </s>',
      '[] within turn',                     -- the Gorbachev turn: If you cannot help me <é☺>
      '<turn speaker="Gorb.*"> []',
      '[ref="1"]',
      '[pos="nn"%c]' }))
  end)

  it("makes its <turn speaker> elements speaker turns", function()
    local t = V:doc(2):turns()()
    assert.are.same({ "Gorbachev", "If you cannot help me <é☺>" }, { t.speaker, t:text() })
  end)

  it("lists its elements when a region is unknown", function()
    local _, msg = V:query('<x> []')
    assert.matches("^unknown region <x>: use s, p, doc, turn, ne at column 1", msg)
  end)
end)

describe("a VRT file without the positional-attributes comment", function()
  local dir = folder_with("plain.vrt")
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("has CWB's default columns, word pos lemma", function()
    local P = assert(lector.open(dir, { store = false }))
    assert.are.same({ "word", "pos", "lemma" }, P:attributes().positional)
    assert.are.same({ 1, 1 }, counts(P, { '[lemma="say"]', '[pos="VVD"]' }))
  end)

  it("takes the columns it is given, and the corpus remembers them", function()
    local P = assert(lector.open(dir, { attributes = "word,tag,base" }))
    assert.are.same({ "word", "tag", "base" }, P:attributes().positional)
    assert.are.same({ 1, 1 }, counts(P, { '[base="say"]', '[tag="VVD"]' }))
    P:close()
    local again = assert(lector.open(dir))
    assert.are.same({ "word", "tag", "base" }, again:attributes().positional)
    assert.is_true(again:info().from_store)
    local ok, msg = lector.open(dir, { attributes = "word,,base" })
    assert.is_nil(ok)
    assert.matches("attribute 2 %(\"\"%) is not a name", msg)
  end)
end)

describe("an annotated file with more elements than an index keeps", function()
  it("is refused with a message, not cut silently", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/many.vrt", "w"))
    f:write("<text>\n")
    for i = 1, 1001 do f:write("<e", i, ">\nword\tNN\tword\n</e", i, ">\n") end
    f:write("</text>\n")
    f:close()
    local C, msg = lector.open(dir, { store = false })
    assert.is_nil(C)
    assert.matches("more than 1000 attributes, elements %(with their nesting levels%) or keys of one element", msg)
    os.execute("rm -rf " .. dir)
  end)
end)
