-- Grouping and selecting documents by any metadata field (scripts/lib/groups.lua) in the shipped
-- scripts: mentions.lua --by a field that the file names give (--name-fields), --by decade, --where,
-- and the errors that name the fields there are.
local run = require "spec.support.run"

describe("mentions.lua --by FIELD and --where", function()
  local dir, c
  setup(function()
    dir = run.tmpdir()
    c = dir .. "/speeches"
    os.execute("mkdir -p " .. c)
    run.write(c .. "/1990_bush_r.txt", "Iraq must leave Kuwait. Iraq will comply.\n")
    run.write(c .. "/1991_clinton_d.txt", "Iraq and Russia met.\n")
    run.write(c .. "/2003_kerry_d.txt", "Russia and Iraq, and Russia again.\n")
    run.write(dir .. "/entities.tsv", "name\ttype\talias\nIraq\tcountry\tIraq\nRussia\tcountry\tRussia\n"
      .. "Kuwait\tcountry\tKuwait\n")
    assert.are.equal(0, run.lector({ "index", c, "--name-fields", "year,speaker,party" }).code)
  end)
  teardown(function() run.rmdir(dir) end)

  local function mentions(...)
    return run.lector({ "run", "scripts/mentions.lua", "--corpus", c, "--entities", dir .. "/entities.tsv",
      "--format", "tsv", ... })
  end

  it("counts per party, per decade, and for the documents selected", function()
    assert.are.equal("party\tentity\tcount\nd\tRussia\t3\nd\tIraq\t2\nr\tIraq\t2\nr\tKuwait\t1\n", mentions("--by", "party").out)
    assert.are.equal("decade\tentity\tcount\n1990s\tIraq\t3\n1990s\tKuwait\t1\n1990s\tRussia\t1\n"
      .. "2000s\tRussia\t2\n2000s\tIraq\t1\n", mentions("--by", "decade").out)
    assert.are.equal("speaker\tentity\tcount\nclinton\tIraq\t1\nclinton\tRussia\t1\nkerry\tRussia\t2\n"
      .. "kerry\tIraq\t1\n", mentions("--by", "speaker", "--where", "party=D").out)
    assert.are.equal("entity\tcount\nIraq\t2\nKuwait\t1\n", mentions("--by", "total", "--where", "year=1990").out)
  end)

  it("lector info DIR lists the fields, how many documents have each, the dates and the undated", function()
    run.write(c .. "/notes.txt", "Read me.\n")
    local r = run.lector({ "info", c })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("^corpus " .. c:gsub("%p", "%%%0") .. ": 4 documents,"), r.out)
    assert.truthy(r.out:find("metadata fields:\n"
      .. "  date             3 of 4 documents (3 values: 1990, 1991, 2003)\n"
      .. "  date_from        3 of 4 documents (1 value: file name)\n"
      .. "  lang             4 of 4 documents (2 values: und, en)\n"
      .. "  party            3 of 4 documents (2 values: d, r)\n"
      .. "  speaker          3 of 4 documents (3 values: bush, clinton, kerry)\n"
      .. "  year             3 of 4 documents (3 values: 1990, 1991, 2003)\n"
      .. "dates: 1990 to 2003; 1 document without a date\n", 1, true), r.out)
    assert.truthy(r.out:find("1 warning while loading, on stderr", 1, true), r.out)
    assert.truthy(r.err:find("notes.txt: the name has 1 part", 1, true), r.err)
    os.remove(c .. "/notes.txt")
    r = run.lector({ "info", c, "--fields" })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: info: unknown option '--fields' (try --help)\nusage: lector info [DIR] [--corpus DIR]\n", r.err)
  end)

  it("ranks the words that set one party's documents apart from another's (keyness.lua)", function()
    local r = run.lector({ "run", "scripts/keyness.lua", "--corpus", c, "--compare", "party=d,r", "--min", "2",
      "--format", "tsv" })
    assert.are.equal(0, r.code)
    assert.are.equal("word\ttarget\treference\tll\tlog_ratio\nand\t3\t0\t3.48\t2.05\nrussia\t3\t0\t3.48\t2.05\n", r.out)
    r = run.lector({ "run", "scripts/keyness.lua", "--corpus", c, "--compare", "party=x" })
    assert.are.equal(2, r.code)
    assert.are.equal("keyness.lua: no document has party=x\n", r.err)
  end)

  it("gives positions per group and for the documents selected (positions.lua)", function()
    run.write(c .. "/1992_bush_r.txt", "Bush said the United States supports the sanctions.\n")
    run.write(c .. "/2004_kerry_d.txt", "Kerry said the United States opposes the sanctions.\n")
    local r = run.lector({ "run", "scripts/positions.lua", "--corpus", c, "--show", "timeline", "--by", "party",
      "--format", "tsv" })
    assert.are.equal("actor\ttopic\tparty\tstance\tstatements\tevidence\n"
      .. "United States\tsanctions\td\topposes\t1\tKerry said the United States opposes the sanctions.\n"
      .. "United States\tsanctions\tr\tsupports\t1\tBush said the United States supports the sanctions.\n", r.out)
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", c, "--show", "changes", "--by", "decade",
      "--format", "tsv" })
    assert.truthy(r.out:find("\nUnited States\tsanctions\t1990s\tsupports\t2000s\topposes\tsupports -> opposes\t", 1, true), r.out)
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", c, "--where", "party=r", "--format", "tsv" })
    assert.are.equal(2, #run.lines(r.out))
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", c, "--show", "changes", "--by", "party" })
    assert.are.equal(2, r.code)
    assert.are.equal("positions.lua: --show changes compares dates: --by doc, year, decade or month, not party\n", r.err)
    os.remove(c .. "/1992_bush_r.txt")
    os.remove(c .. "/2004_kerry_d.txt")
  end)

  it("reports counts and rates per 1,000 tokens per party, for the documents selected (report.lua)", function()
    local r = run.lector({ "run", "scripts/report.lua", "--corpus", c, "--entities", dir .. "/entities.tsv",
      "--by", "party", "--where", "year=1990,2003", "--out", dir .. "/r.html" })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("Per party: mentions and resolution references, and per 1,000 tokens\n"
      .. "party  documents  tokens  mentions  mentions_per_1000  references  references_per_1000\n"
      .. "-----  ---------  ------  --------  -----------------  ----------  -------------------\n"
      .. "d              1       8         3              375.0           0  0.00\n"
      .. "r              1       9         3              333.3           0  0.00\n", 1, true), r.out)
  end)

  it("counts resolution references per group, body and status (resolutions.lua)", function()
    local r = run.lector({ "run", "scripts/resolutions.lua", "--by", "decade", "--where", "kind=news",
      "--format", "tsv" })
    assert.are.equal("decade\tbody\tstatus\tcount\n2000s\tUN Security Council\tcited\t2\n"
      .. "2000s\tUN Security Council\tdraft\t1\n2000s\tUN Security Council\tproposed\t6\n", r.out)
  end)

  it("names the fields there are when one is not", function()
    local r = mentions("--by", "region")
    assert.are.equal(2, r.code)
    assert.are.equal("mentions.lua: unknown field 'region' for --by (fields: date, date_from, lang, party, speaker, year; "
      .. "and doc, year, decade, month, total)\n", r.err)
    r = mentions("--by", "parti")
    assert.are.equal(2, r.code)
    assert.are.equal("mentions.lua: unknown field 'parti' for --by (did you mean 'party'?)\n", r.err)
    r = mentions("--where", "party")
    assert.are.equal(2, r.code)
    assert.are.equal("mentions.lua: --where wants FIELD=VALUE[,VALUE...], not 'party'\n", r.err)
    r = mentions("--where", "colour=red")
    assert.truthy(r.err:find("unknown field 'colour' for --where", 1, true), r.err)
  end)
end)
