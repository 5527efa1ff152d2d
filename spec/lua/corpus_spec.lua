-- The Lua API on corpus/, the five seed documents: counts, hits with their spans, documents and
-- their metadata, segmentation. Each figure here was checked by hand against the text (grep -oiw
-- gives the same counts for single words).
local lector = require "lector"

describe("counts on corpus/", function()
  local C = lector.open("corpus")

  it("are folded by default and exact on request", function()
    assert.are.same({ 42, 5, 13, 8, 14, 15, 230 }, {
      C:count("Iraq"), C:count("Putin"), C:count("Security Council"),
      C:count("weapons of mass destruction"), C:count("U.N."), C:count("resolution"), C:count("the") })
    assert.are.equal(204, C:count("the", { case = true }))
    assert.are.equal(8, C:count("US", { case = true }))
    assert.are.equal(5, C:count("us", { case = true }))
  end)

  it("find the words of hyphen compounds, which English splits into tokens", function()
    assert.are.equal(2, C:count("led"))
    assert.are.equal(2, C:count("led", { parts = false }))   -- U.S. - led: a token of its own
    assert.are.equal(2, C:count("U.S.-led"))                 -- the phrase U.S. - led
    assert.are.equal(1, C:count("Iran-Iraq"))
    assert.are.equal(42, C:count("Iraq", { parts = false })) -- 41 and the Iraq of Iran - Iraq
  end)

  it("unify curly and straight apostrophes, and split clitics", function()
    assert.are.equal(C:count("Russia's"), C:count("Russia’s"))
    assert.are.same({ "Russia's", "Russia’s" }, C:hits("russia's"):texts())
  end)

  it("leave boilerplate out on request", function()
    assert.are.equal(2, C:count("Breaking News"))
    assert.are.equal(0, C:count("Breaking News", { boilerplate = false }))
  end)

  it("can be limited to documents", function()
    assert.are.equal(5, C:count("Gorbachev", { docs = C:doc(5) }) > 0 and 5 or 0)
    assert.are.equal(0, C:count("Gorbachev", { docs = { C:doc(1), "001_0b1a02bd6284fa36.txt" } }))
  end)
end)

describe("a hit", function()
  local C = lector.open("corpus")
  local h = C:hits("weapons of mass destruction")[1]

  it("has its document, token range and byte span in the file", function()
    assert.are.equal("000_e46888d005b16152.txt", h.doc.name)
    assert.are.same({ 69, 72, 434, 461 }, { h.start, h.stop, h.byte_start, h.byte_end })
    local f = assert(io.open("corpus/" .. h.doc.name, "rb"))
    local text = f:read("a")
    f:close()
    assert.are.equal("weapons of mass destruction", text:sub(h.byte_start + 1, h.byte_end))
  end)

  it("knows its sentence and paragraph", function()
    assert.truthy(h.sentence:text():find("weapons of mass destruction", 1, true))
    assert.are.equal("sentence", h.sentence.kind)
    assert.truthy(h.paragraph.start <= h.start and h.paragraph.stop >= h.stop)
  end)
end)

describe("documents of corpus/", function()
  local C = lector.open("corpus")

  it("carry the metadata of corpus/metadata.tsv", function()
    local dates, kinds = {}, {}
    for d in C:docs() do dates[#dates + 1] = d.date; kinds[#kinds + 1] = d.meta.kind end
    assert.are.same({ "2002-09-20", "2003-02-27", "2001-11-26", "2004-07-24", "1990-11-19" }, dates)
    assert.are.same({ "news", "news", "news", "news", "transcript" }, kinds)
    assert.are.equal(1990, C:doc(5).year)
    assert.are.equal("Wilson Center Digital Archive", C:doc(5).meta.source)
  end)

  it("have sentences, paragraphs and speaker turns", function()
    local i = C:info()
    assert.are.same({ 213, 114, 13 }, { i.sentences, i.paragraphs, i.turns })
    local speakers = {}
    for t in C:doc(5):turns() do speakers[t.speaker] = (speakers[t.speaker] or 0) + 1 end
    assert.are.same({ ["G. Bush"] = 7, ["M.S. Gorbachev"] = 6 }, speakers)
  end)

  it("have the token counts of the tokenizer's specs", function()
    local n = {}
    for d in C:docs() do n[#n + 1] = d.tokens end
    assert.are.same({ 538, 631, 689, 364, 2155 }, n)
  end)
end)

describe("a .jsonl corpus with a sidecar", function()
  local dir
  setup(function()
    dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/news.jsonl", "w"))
    f:write('{"text": "Russia vetoed the draft resolution.", "date": "2005-01-02", "source": "wire"}\n')
    f:write('{"text": "The U.N. adopted resolution 1441.", "title": "Vote"}\n')
    f:write('not json\n')
    f:close()
    f = assert(io.open(dir .. "/metadata.tsv", "w"))
    f:write("file\tsource\nnews.jsonl#2\tUN press\n")
    f:close()
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("makes one document per line, with the sidecar winning", function()
    local warned = {}
    local C = lector.open(dir, { warn = function(file, msg) warned[#warned + 1] = file .. ": " .. msg end })
    assert.are.equal(2, #C)
    assert.are.same({ "news.jsonl#1", "2005-01-02", "wire" }, { C:doc(1).name, C:doc(1).date, C:doc(1).meta.source })
    assert.are.same({ "news.jsonl#2", "Vote", "UN press" }, { C:doc(2).name, C:doc(2).title, C:doc(2).meta.source })
    assert.are.equal(2, C:count("resolution"))
    assert.are.equal(1, #warned)
    assert.truthy(warned[1]:find("news.jsonl: line 3: ", 1, true), warned[1])
  end)
end)

describe("lector.open's progress", function()
  local dir
  setup(function()
    dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
    assert(os.execute("cp corpus/*.txt " .. dir))
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  local function stages(opts)
    local seen = {}
    opts.progress = function(p)
      seen[#seen + 1] = string.format("%s %d/%d", p.stage, p.files_done, p.files_total)
      assert.are.equal(22658, p.bytes_total)
    end
    lector.open(dir, opts)
    return table.concat(seen, ", ")
  end

  it("reports each stage of a build, in order, with files and bytes", function()
    assert.are.equal("reading 0/5, merging 5/5, writing 5/5, done 5/5", stages { rebuild = true })
  end)

  it("has no writing stage in memory, and nothing to say when the stored index is taken", function()
    assert.are.equal("reading 0/5, merging 5/5, done 5/5", stages { store = false })
    assert.are.equal("", stages {})
  end)

  it("raises the error of the progress function once the open is over", function()
    local calls = 0
    local ok, err = pcall(lector.open, dir, { rebuild = true, progress = function()
      calls = calls + 1
      error("stop here", 0)
    end })
    assert.are.same({ false, "opts.progress: stop here", 1 }, { ok, err, calls })
    assert.has_error(function() lector.open(dir, { progress = 1 }) end)
  end)
end)

describe("offsets of a file that was converted", function()
  local dir
  setup(function()
    dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/a.txt", "wb"))
    f:write("\xef\xbb\xbfCaf\xe9 r\xe9solution here.\r\nSecond line about Iraq.\r\n")   -- BOM, cp1252, CR LF
    f:close()
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("map file bytes to text and back", function()
    local C = lector.open(dir, { warn = function() end })
    local h = C:hits("Iraq")[1]
    local d = h.doc
    assert.are.same({ 44, 48 }, { h.byte_start, h.byte_end })    -- in the file: BOM, é as one byte, CR
    local i, j = d:text_offset(h.byte_start), d:text_offset(h.byte_end)
    assert.are.same({ 42, 46 }, { i, j })                      -- in the text: no BOM, é as two bytes, no CR
    assert.are.equal("Iraq", d:text():sub(i + 1, j))
    assert.are.same({ 44, 48 }, { d:file_offset(i), d:file_offset(j) })
    assert.are.equal(0, d:text_offset(-3))
    assert.are.equal(#d:text(), d:text_offset(10 ^ 6))
  end)
end)

describe("C:find", function()
  local C = lector.open("corpus")
  it("leaves boilerplate lines out on request, like C:hits", function()
    assert.are.equal(2, #C:find("Breaking News"))
    assert.are.equal(0, #C:find("Breaking News", { boilerplate = false }))
    assert.are.equal(#C:hits("Moscow", { boilerplate = false }), #C:find("Moscow", { boilerplate = false }))
  end)
  it("stays inside a subcorpus", function()
    assert.are.equal(0, #C:where{ year = 1990 }:find("Putin"))
  end)
end)

-- English splits its hyphen compounds into tokens; a text in another language keeps them whole,
-- with their parts found by search: this one is declared German so that they stay compounds
describe("phrases and hyphen compounds", function()
  local dir, C
  setup(function()
    dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/a.txt", "w"))
    f:write("The U.S.-led war began. It-wit is not wit. A book of Copernicus-the-astronomer.\n",
            "State-of-the-art work. The Iran-Iraq war ended; Iraq-Iran talks began.\n")
    f:close()
    f = assert(io.open(dir .. "/metadata.tsv", "w"))
    f:write("file\tlang\na.txt\tde\n")
    f:close()
    C = lector.open(dir, { store = false })
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("finds a word inside a compound", function()
    assert.are.equal(1, C:count("led"))
    assert.are.equal(1, C:count("astronomer"))
    assert.are.equal(0, C:count("led", { parts = false }))
  end)

  it("matches a part only where it touches the next word of the phrase", function()
    assert.are.equal(1, C:count("led war"))          -- the last part, then the next word
    assert.are.equal(1, C:count("the U.S."))         -- a word, then the first part
    assert.are.equal(1, C:count("The Iran"))
    assert.are.equal(1, C:count("Iraq war"))         -- Iran-Iraq war (Iraq-Iran talks: Iraq begins it)
    assert.are.equal(1, C:count("Iran talks"))
  end)

  it("does not match a part that is not on the compound's edge", function()
    assert.are.equal(0, C:count("it is"))            -- It-wit is: "it" begins its compound
    assert.are.equal(0, C:count("of the"))           -- of Copernicus-the-astronomer: "the" is inside
    assert.are.equal(0, C:count("of the art"))       -- all inside one token
    assert.are.equal(1, C:count("wit is"))
    assert.are.equal(1, C:count("of Copernicus"))
  end)
end)
