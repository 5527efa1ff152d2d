-- The commands of the lector executable on corpus/: info, run, a script by name, the global
-- corpus and its --corpus/LECTOR_CORPUS choices; and lector.so loaded by the stock lua5.4.
local run = require "spec.support.run"

describe("lector info", function()
  it("lists the documents with date, tokens, file and title", function()
    local r = run.lector({ "info" })
    assert.are.equal(0, r.code)
    assert.are.equal("", r.err)
    local l = {}
    for line in r.out:gmatch("[^\n]+") do l[#l + 1] = line end
    assert.are.equal("corpus corpus: 5 documents, 4377 tokens, 1184 distinct forms, 213 sentences", l[1])
    assert.are.equal('    5  1990-11-19     2155 tokens  004_3bf8bdfe55aae150.txt  "Record of a Conversation '
      .. 'between M. S. Gorbachev and President of the US George Bush in Paris"', l[6])
    assert.are.equal("metadata fields:", l[7])
    assert.are.equal("  date_from        5 of 5 documents (1 value: metadata.tsv)", l[10])
    assert.are.equal("  kind             5 of 5 documents (2 values: news, transcript)", l[11])
    assert.are.equal("dates: 1990-11-19 to 2004-07-24; 0 documents without a date", l[15])
    assert.are.equal("attributes: word pos xpos lemma (lector's English tagger)", l[16])
    assert.truthy(l[17]:find("^index: "))
  end)
end)

describe("lector run", function()
  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  it("runs a script with corpus open, by `run` or by name", function()
    run.write(dir .. "/c.lua", "print(#corpus, corpus:count('Putin'), ...)\n")
    assert.are.equal("5\t5\tx\n", run.lector({ "run", dir .. "/c.lua", "x" }).out)
    assert.are.equal("5\t5\ty\n", run.lector({ dir .. "/c.lua", "y" }).out)
  end)

  it("takes the corpus from --corpus, then LECTOR_CORPUS", function()
    os.execute("mkdir -p " .. dir .. "/one && echo 'Putin met Putin.' > " .. dir .. "/one/a.txt")
    run.write(dir .. "/c.lua", "print(#corpus, corpus:count('Putin'))\n")
    assert.are.equal("1\t2\n", run.lector({ "--corpus", dir .. "/one", "run", dir .. "/c.lua" }).out)
    assert.are.equal("1\t2\n", run.lector({ "run", dir .. "/c.lua", "--corpus=" .. dir .. "/one" }).out)
    assert.are.equal("1\t2\n", run.lector({ "run", dir .. "/c.lua" }, { env = { LECTOR_CORPUS = dir .. "/one" } }).out)
  end)

  it("reports a missing script with exit status 1", function()
    local r = run.lector({ "run", dir .. "/missing.lua" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("cannot open " .. dir .. "/missing.lua", 1, true), r.err)
  end)

  it("prints the report of make run", function()
    local r = run.lector({ "run", "scripts/report.lua", "--out", dir .. "/report.html" })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("Resolution references: 18 (and 1 other sense of the word)", 1, true), r.out)
    assert.truthy(r.out:find("Written: " .. dir .. "/report.html", 1, true), r.out)
  end)
end)

describe("lector.so", function()
  it("is a module the stock lua5.4 loads", function()
    local so = os.getenv("LECTOR_SO_DIR") or "."
    local r = run.sh((os.getenv("LECTOR_SO_ENV") or "") .. " lua5.4 -e " .. run.quote("package.cpath='" .. so .. "/?.so;'..package.cpath;"
      .. " print(require('lector').open('corpus'):count('Iraq'))"))
    assert.are.equal("42\n", r.out)
    assert.are.equal(0, r.code)
  end)
end)
