-- lector export: the corpus with its attributes as VRT or CoNLL-U, and the round trip: an import
-- of the export gives the same tokens, attributes, sentences, paragraphs and metadata.
local run = require "spec.support.run"
local lector = require "lector"

local function tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir " .. d))
  return d
end

-- every token's word and attributes, the regions and the documents' metadata of a corpus
local function same_corpus(a, b, attrs)
  local ia, ib = a:info(), b:info()
  assert.are.same({ #a, ia.tokens, ia.sentences, ia.paragraphs }, { #b, ib.tokens, ib.sentences, ib.paragraphs })
  local differ = 0
  for p = 0, ia.tokens - 1 do
    local x, y = a:token(p), b:token(p)
    for _, k in ipairs(attrs) do if x[k] ~= y[k] then differ = differ + 1 end end
  end
  assert.are.equal(0, differ)
  for i = 1, #a do
    local x, y = a:doc(i), b:doc(i)
    assert.are.same({ x.title, x.date, x.meta.source, x.meta.kind }, { y.title, y.date, y.meta.source, y.meta.kind })
    assert.are.equal(x.meta.id or x.name, y.meta.id)
  end
end

describe("lector export", function()
  it("writes VRT with the positional-attributes comment, tags and a token a line", function()
    local r = run.lector({ "export", "corpus", "--format", "vrt" })
    assert.are.equal(0, r.code)
    local lines = {}
    for l in r.out:gmatch("[^\n]+") do lines[#lines + 1] = l if #lines == 8 then break end end
    assert.are.equal("<!-- #vrt positional-attributes: word pos xpos lemma -->", lines[1])
    assert.matches('^<text id="000_e46888d005b16152.txt" title="President Bush Discusses Iraq with Russian Officials" date="2002%-09%-20"', lines[2])
    assert.are.same({ "<p>", "<s>", "Accessibility\tNOUN\tNN\taccessibility", "links\tNOUN\tNNS\tlink", "</s>" },
      { lines[3], lines[4], lines[5], lines[6], lines[7] })
  end)

  it("writes CoNLL-U with newdoc, metadata, sent_id and text", function()
    local r = run.lector({ "export", "--format", "conllu" })
    assert.are.equal(0, r.code)
    assert.are.equal(1, r.out:find("# newdoc id = 000_e46888d005b16152.txt\n# title = President Bush Discusses Iraq with Russian Officials\n", 1, true))
    assert.truthy(r.out:find("# sent_id = 000_e46888d005b16152.txt-1\n# text = Accessibility links\n" ..
      "1\tAccessibility\taccessibility\tNOUN\tNN\t_\t_\t_\t_\t_\n", 1, true))
    assert.truthy(r.out:find("18\tHouse\tHouse\tPROPN\tNNP\t_\t_\t_\t_\tSpaceAfter=No\n19\t’s\t's\tPART\tPOS", 1, true))
  end)

  it("rejects what it does not know", function()
    local r = run.lector({ "export", "corpus", "--format", "xml" })
    assert.are.equal(2, r.code)
    assert.matches("^lector: export: unknown value 'xml' for %-%-format %(vrt, conllu%)\nusage: lector export", r.err)
    r = run.lector({ "export", "corpus" })
    assert.are.equal(2, r.code)
    assert.matches("^lector: export: no %-%-format given", r.err)
    r = run.lector({ "export", "corpus", "--format", "vrt", "--output", "/no/such/dir/x.vrt" })
    assert.are.equal(1, r.code)
    assert.matches("^lector: export: /no/such/dir/x.vrt: No such file or directory", r.err)
  end)

  it("gives back the same corpus when its VRT or CoNLL-U is imported", function()
    local seeds = lector.open("corpus")
    for _, f in ipairs { "vrt", "conllu" } do
      local dir = tmpdir()
      local r = run.lector({ "export", "corpus", "--format", f, "--output", dir .. "/seeds." .. f })
      assert.are.equal(0, r.code)
      local warnings = {}
      local back = assert(lector.open(dir, { store = false, warn = function(_, m) warnings[#warnings + 1] = m end }))
      assert.are.same({}, warnings)
      same_corpus(seeds, back, { "word", "pos", "xpos", "lemma" })
      if f == "vrt" then assert.are.equal(seeds:info().turns, back:info().turns) end
      os.execute("rm -rf " .. dir)
    end
  end)

  it("keeps an imported file's columns, multiword tokens and sentence ids", function()
    local dir, out = tmpdir(), tmpdir()
    os.execute("cp spec/fixtures/import/news.conllu " .. dir)
    local K = assert(lector.open(dir, { store = false }))
    local f = assert(io.open(out .. "/again.conllu", "w"))
    K:export("conllu", function(s) f:write(s) end)
    f:close()
    local text = run.slurp(out .. "/again.conllu")
    assert.truthy(text:find("# sent_id = voa-2\n# speaker = Ari Fleischer\n# text = No vote is expected.\n", 1, true))
    assert.truthy(text:find("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres|VerbForm=Fin\t4\taux\t4:aux\t_\n", 1, true))
    local back = assert(lector.open(out, { store = false }))
    same_corpus(K, back, { "word", "lemma", "pos", "xpos", "feats", "head", "deprel", "deps" })
    assert.are.same(K:attributes(), back:attributes())
    os.execute("rm -rf " .. dir .. " " .. out)
  end)
end)
