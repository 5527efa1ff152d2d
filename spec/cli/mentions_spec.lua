-- scripts/mentions.lua with the user's own lexicons, and without any: the names found in a corpus
-- (a folder about a US Supreme Court case, plain and annotated), a lexicon kept in the corpus folder,
-- --no-speakers, and lexicon files with mistakes, named with their file and line.
local run = require "spec.support.run"
local lines = run.lines

local BAKKE = "Regents of the University of California v. Bakke - 1978-06-28\n\n"
  .. "The Supreme Court decided the case on June 28, 1978. Justice Lewis Powell wrote the opinion of the Court. "
  .. "Powell held that race could be one factor among many in admissions. Justice Thurgood Marshall wrote "
  .. "separately. Marshall recalled the history of slavery, and Lewis Powell answered him in a footnote.\n\n"
  .. "Allan Bakke had applied twice to the medical school at Davis. Bakke argued that the program excluded him "
  .. "because of his race. Mr. Bakke won his case. The opinion of Justice Powell was joined in part by Justice "
  .. "William Brennan. Brennan and Marshall would have upheld the program.\n"

describe("mentions.lua without a lexicon", function()
  local dir
  setup(function()
    dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/court " .. dir .. "/tagged")
    run.write(dir .. "/court/bakke.txt", BAKKE)
    run.write(dir .. "/tagged/bakke.txt", BAKKE)
    assert.are.equal(0, run.lector({ "index", dir .. "/tagged", "--annotate" }).code)
  end)
  teardown(function() run.rmdir(dir) end)

  -- the people, with their counts: Lewis Powell and Thurgood Marshall, never Colin Powell
  local PEOPLE = { "Allan Bakke\t4", "Lewis Powell\t4", "Thurgood Marshall\t3", "William Brennan\t2" }

  it("lists the people of a Supreme Court case, short forms joined to their full names", function()
    for _, folder in ipairs({ "court", "tagged" }) do
      local r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/" .. folder, "--by", "total" })
      assert.are.equal(0, r.code)
      local got = lines(r.out)
      assert.are.equal("entity\tcount", got[1])
      assert.are.same(PEOPLE, { got[2], got[3], got[4], got[got[5]:match("^William") and 5 or 6] })
      assert.is_nil(r.out:find("Colin", 1, true))
      for _, l in ipairs(got) do
        -- no title, function word or sentence opener became a name
        assert.is_nil(l:match("^Justice") or l:match("^The") or l:match("^Mr") or l:match("^Regents"), l)
      end
    end
  end)

  it("shows the evidence and the rule of a short form", function()
    local r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/court", "--show", "mentions", "--explain" })
    local powell = {}
    for _, l in ipairs(lines(r.out)) do
      local f = {}
      for x in (l .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = x end
      if f[6] == "Lewis Powell" then powell[#powell + 1] = f[3] .. " " .. f[5] .. " | " .. f[8] end
    end
    assert.are.same({
      "124 Lewis Powell | alias 'Lewis Powell': a proper name found in the corpus",
      "169 Powell | alias 'Powell': a short form of Lewis Powell in this document",
      "327 Lewis Powell | alias 'Lewis Powell': a proper name found in the corpus",
      "542 Powell | alias 'Powell': a short form of Lewis Powell in this document",
    }, powell)
  end)
end)

describe("mentions.lua with a lexicon", function()
  local dir
  setup(function()
    dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/court")
    run.write(dir .. "/court/bakke.txt", BAKKE)
  end)
  teardown(function() run.rmdir(dir) end)

  it("picks up the lexicon kept in the corpus folder, and says so on a terminal's table", function()
    run.write(dir .. "/court/entities.tsv", "name\ttype\talias\nLewis Powell\tperson\tPowell\n"
      .. "Lewis Powell\tperson\tJustice Powell\nAllan Bakke\tperson\tBakke\n")
    local r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/court", "--by", "total", "--format", "table" })
    assert.are.same({ "entities: " .. dir .. "/court/entities.tsv (found in the corpus folder)", "entity        count",
      "------------  -----", "Allan Bakke   4", "Lewis Powell  4" }, lines(r.out))
    run.write(dir .. "/court/entities.lua", "return {}\n")
    r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/court" })
    assert.are.equal(2, r.code)
    assert.are.equal("mentions.lua: both " .. dir .. "/court/entities.lua and " .. dir .. "/court/entities.tsv: keep one\n", r.err)
    os.remove(dir .. "/court/entities.lua")
    os.remove(dir .. "/court/entities.tsv")
  end)

  it("counts speaker labels unless --no-speakers", function()
    local r = run.lector({ "run", "scripts/mentions.lua", "--by", "total", "--format", "csv" })
    assert.truthy(r.out:find("\r\nGeorge H. W. Bush,11\r\n", 1, true))
    r = run.lector({ "run", "scripts/mentions.lua", "--by", "total", "--format", "csv", "--no-speakers" })
    assert.truthy(r.out:find("\r\nGeorge H. W. Bush,4\r\n", 1, true))
    assert.truthy(r.out:find("\r\nMikhail Gorbachev,4\r\n", 1, true))
  end)

  -- each mistake, the file that holds it, and the message
  local MISTAKES = {
    { "e.lua", "return {\n  { 'A', aliases = { 'a' } },\n  { 'B', type = 3 },\n}\n", "e.lua:3: entry 2 (B): type is not a non-empty string" },
    { "e.lua", "return {\n  { 'A', aliases = { { 'a', since = '1990' } } },\n}\n",
      "e.lua:2: entry 1 (A): alias a: unknown key 'since' (known: from, nocase, to, until, when)" },
    { "e.lua", "return {\n  { 'A', aliases = { { 'a', from = '2001', ['until'] = '1999' } } },\n}\n",
      "e.lua:2: entry 1 (A): alias a: from 2001 is after the end 1999" },
    { "e.lua", "return { people = {} }\n", "e.lua: the file returns a table with the key 'people'; it should return a list of entries" },
    { "e.lua", "return {\n  { 'A' aliases = {} },\n}\n", "e.lua:2: '}' expected near 'aliases'" },
    { "e.tsv", "name\tkind\nA\tperson\n", "e.tsv:1: unknown column 'kind' (known: name, type, alias, from, until, to, nocase, when)" },
    { "e.tsv", "# people\nname\talias\nA\ta\tb\n", "e.tsv:3: 3 fields, but the header has 2 columns" },
    { "e.tsv", "name\ttype\nA\tperson\nA\tcountry\n", "e.tsv:3: A has the type 'country' here and 'person' above" },
    { "e.tsv", "name\talias\tnocase\nA\ta\tyes\n", "e.tsv:2: nocase is 'yes', not true or false" },
    { "e.tsv", "alias\tname\nA\ta\n", "e.tsv:1: the first column must be 'name'" },
    { "e.tsv", "# nothing\n", "e.tsv: no header line (the column names, separated by tabs)" },
  }

  it("names the file and line of every mistake in a lexicon, and stops", function()
    for _, m in ipairs(MISTAKES) do
      run.write(dir .. "/" .. m[1], m[2])
      local r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/court", "--entities", dir .. "/" .. m[1] })
      assert.are.equal(2, r.code)
      assert.are.equal("", r.out)
      assert.are.equal("mentions.lua: " .. dir .. "/" .. m[3] .. "\n", r.err)
    end
  end)

  it("gives report.lua the same lexicon", function()
    run.write(dir .. "/e.tsv", "name\ttype\talias\nLewis Powell\tperson\tPowell\n")
    local r = run.lector({ "run", "scripts/report.lua", "--corpus", dir .. "/court", "--entities", dir .. "/e.tsv",
      "--out", dir .. "/r.html" })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("Most mentioned per year (top 5; entities: " .. dir .. "/e.tsv)\n  1978  Lewis Powell 4\n", 1, true), r.out)
  end)
end)
