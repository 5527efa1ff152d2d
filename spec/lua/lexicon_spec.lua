-- scripts/lib/lexicon.lua: the three kinds of lexicon (entities, actors, topics) as Lua tables and
-- TSV, normalized the same way; the corpus folder's own lexicon; mistakes named with file and line.
package.path = "scripts/lib/?.lua;" .. package.path
local lexicon = require "lexicon"

local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir -p " .. dir)
local function file(name, text)
  local f = assert(io.open(dir .. "/" .. name, "wb"))
  f:write(text)
  f:close()
  return dir .. "/" .. name
end

describe("lexicon.load", function()
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("reads actors from a Lua table and from TSV (also with a byte-order mark and CR LF) into the same table", function()
    local want = { { name = "Russia", type = "country", aliases = { { text = "Russia" }, { text = "Moscow" },
      { text = "Kremlin", from = "1991-12-26" } } } }
    local lua = assert(lexicon.load(file("a.lua", [[return {
      { "Russia", type = "country", aliases = { "Moscow", { "Kremlin", from = "1991-12-26" } } },
    }]]), "actors"))
    local tsv = assert(lexicon.load(file("a.tsv", "name\ttype\talias\tfrom\nRussia\tcountry\tMoscow\n"
      .. "Russia\tcountry\tKremlin\t1991-12-26\n"), "actors"))
    local bom = assert(lexicon.load(file("bom.tsv", "\239\187\191name\ttype\talias\tfrom\r\nRussia\tcountry\tMoscow\r\n"
      .. "Russia\tcountry\tKremlin\t1991-12-26\r\n"), "actors"))
    bom.source = nil
    assert.are.same(want, bom)
    lua.source, tsv.source = nil, nil
    assert.are.same(want, lua)
    assert.are.same(want, tsv)
  end)

  it("reads topics: triggers, exclusions, flags", function()
    local t = assert(lexicon.load(file("t.lua", [[return {
      { "sanctions", triggers = { "sanction*", "embargo" }, exclude = { "sanction the adoption" }, follow = true },
    }]]), "topics"))
    assert.are.same({ name = "sanctions", triggers = { "sanction*", "embargo" }, exclude = { "sanction the adoption" },
      follow = true }, t[1])
    local bad = file("t2.lua", "return {\n  { 'force', triggers = {} },\n}\n")
    assert.are.same({ nil, bad .. ":2: entry 1 (force): has no triggers" }, { lexicon.load(bad, "topics") })
    bad = file("t3.lua", "return {\n  { 'force', triggers = { 'force' }, follow = 'yes' },\n}\n")
    assert.are.same({ nil, bad .. ":2: entry 1 (force): follow is not true or false" }, { lexicon.load(bad, "topics") })
    bad = file("t.tsv", "topic\ttrigger\tweight\n")
    assert.are.same({ nil, bad .. ":1: unknown column 'weight' (known: topic, trigger, exclude, also, follow, un_resolution)" },
      { lexicon.load(bad, "topics") })
  end)

  it("finds the lexicon kept in a corpus folder, or none", function()
    local list = assert(lexicon.for_corpus(corpus, "entities"))
    assert.are.equal("corpus/entities.lua (found in the corpus folder)", list.source)
    assert.are.equal("Russia", list[1].name)
    assert.are.same({ nil }, { lexicon.for_corpus(corpus, "topics") })
    assert.are.equal(dir .. "/a.tsv", lexicon.for_corpus(corpus, "actors", dir .. "/a.tsv").source)
    assert.has_error(function() lexicon.load(dir .. "/a.tsv", "people") end,
      "lexicon.load: kind must be entities, actors or topics")
  end)
end)
