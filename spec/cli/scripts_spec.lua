-- The analysis scripts from the command line: output formats (TSV, CSV quoting, JSON escaping),
-- --corpus on a folder of text written here, and errors: a message on stderr, exit status 2.
package.path = "scripts/lib/?.lua;" .. package.path
local run = require "spec.support.run"
local output = require "output"

local function lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

-- python3 reads the JSON and says how many rows and what the first has
local function json_check(text, expr)
  local r = run.sh("python3 -c " .. run.quote("import json,sys; d=json.load(sys.stdin); print(" .. expr .. ")"),
    { stdin = text })
  return (r.out:gsub("\n$", "")), r.err
end

describe("output.lua", function()
  it("quotes CSV fields only when needed, doubling quotes", function()
    assert.are.equal("plain", output.csv_field("plain"))
    assert.are.equal('"a, b"', output.csv_field("a, b"))
    assert.are.equal('"say ""no"""', output.csv_field('say "no"'))
    assert.are.equal('"two\nlines"', output.csv_field("two\nlines"))
    assert.are.equal('" padded"', output.csv_field(" padded"))
    assert.are.equal("", output.csv_field(nil))
  end)

  it("escapes JSON strings, keeps numbers", function()
    assert.are.equal('"a\\"b\\\\c\\n\\t\\u0001"', output.json('a"b\\c\n\t\1'))
    assert.are.equal("42", output.json(42))
    assert.are.equal('"Russia’s"', output.json("Russia’s"))
    assert.are.equal('[{"a":1,"b":"x"}]\n', output.format({ { a = 1, b = "x" } }, { "a", "b" }, "json"))
  end)

  it("keeps TSV on one line per row and aligns a table by characters", function()
    assert.are.equal("a\tb\nx y\t2\n", output.format({ { a = "x\ty", b = 2 } }, { "a", "b" }, "tsv"))
    assert.are.equal("name      n\n--------  -\nRussia’s  1\n",
      output.format({ { name = "Russia’s", n = 1 } }, { "name", "n" }, "table"))
  end)
end)

describe("scripts on a corpus of their own", function()
  local dir
  setup(function()
    dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/news")
    run.write(dir .. "/news/a.txt", "Talks in Moscow - 2003-02-01\n\n"
      .. "The Kremlin said Russia's envoy met the U.N. Security Council. Let us see, said the US.\n\n"
      .. "Putin said Russia could veto the resolution, \"any resolution\", he said.\n")
    run.write(dir .. "/news/b.txt", "Paris, 1990-11-19\n\nBush met Gorbachev. The USSR backed resolution 678.\n")
  end)
  teardown(function() run.rmdir(dir) end)

  it("counts mentions per document, year and in total, as TSV when not on a terminal", function()
    -- with the seed corpus's lexicon; without one, the names found in the corpus (spec/cli/mentions_spec.lua)
    local seeds = { "--entities", "corpus/entities.lua" }
    local r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/news", table.unpack(seeds) })
    assert.are.equal("", r.err)
    assert.are.equal(0, r.code)
    assert.are.same({ "file\tdate\tentity\tcount", "b.txt\t1990-11-19\tFrance\t1",
      "b.txt\t1990-11-19\tGeorge H. W. Bush\t1", "b.txt\t1990-11-19\tMikhail Gorbachev\t1", "b.txt\t1990-11-19\tRussia\t1",
      "a.txt\t2003-02-01\tRussia\t4", "a.txt\t2003-02-01\tUnited Nations\t1", "a.txt\t2003-02-01\tUnited States\t1",
      "a.txt\t2003-02-01\tVladimir Putin\t1" }, lines(r.out))
    r = run.lector({ "run", "scripts/mentions.lua", "--corpus", dir .. "/news", "--show", "mentions", table.unpack(seeds) })
    local s1 = "The Kremlin said Russia's envoy met the U.N. Security Council."
    local s2 = "Putin said Russia could veto the resolution, \"any resolution\", he said."
    assert.are.same({ "file\tdate\tstart\tend\ttext\tentity\tsentence",
      "b.txt\t1990-11-19\t0\t5\tParis\tFrance\tParis, 1990-11-19",
      "b.txt\t1990-11-19\t19\t23\tBush\tGeorge H. W. Bush\tBush met Gorbachev.",
      "b.txt\t1990-11-19\t28\t37\tGorbachev\tMikhail Gorbachev\tBush met Gorbachev.",
      "b.txt\t1990-11-19\t43\t47\tUSSR\tRussia\tThe USSR backed resolution 678.",
      "a.txt\t2003-02-01\t9\t15\tMoscow\tRussia\tTalks in Moscow - 2003-02-01", "a.txt\t2003-02-01\t34\t41\tKremlin\tRussia\t" .. s1,
      "a.txt\t2003-02-01\t47\t53\tRussia\tRussia\t" .. s1, "a.txt\t2003-02-01\t70\t91\tU.N. Security Council\tUnited Nations\t" .. s1,
      "a.txt\t2003-02-01\t114\t116\tUS\tUnited States\tLet us see, said the US.",
      "a.txt\t2003-02-01\t119\t124\tPutin\tVladimir Putin\t" .. s2, "a.txt\t2003-02-01\t130\t136\tRussia\tRussia\t" .. s2 },
      lines(r.out))
    r = run.lector({ "run", "scripts/mentions.lua", "--corpus=" .. dir .. "/news", "--by", "total", "--format", "csv",
      table.unpack(seeds) })
    assert.are.equal("entity,count\r\nRussia,5\r\n", r.out:sub(1, 24))
    r = run.lector({ "run", "scripts/mentions.lua", "--by=year", "--format=json", "--corpus", dir .. "/news", table.unpack(seeds) })
    assert.are.equal("8 1990 France", json_check(r.out, "len(d), d[0]['year'], d[0]['entity']"))
  end)

  it("finds resolution references, with CSV quoting of the sentence", function()
    local r = run.lector({ "run", "scripts/resolutions.lua", "--corpus", dir .. "/news", "--format", "csv" })
    assert.are.equal(0, r.code)
    local l = lines(r.out:gsub("\r", ""))
    assert.are.equal("file,date,start,end,matched,is_reference,body,body_source,status,verb,number,specificity,"
      .. "sentence", l[1])
    assert.are.equal('a.txt,2003-02-01,152,162,resolution,yes,UN Security Council,inferred,proposed,veto,,specific,'
      .. '"Putin said Russia could veto the resolution, ""any resolution"", he said."', l[2])
    assert.are.equal('a.txt,2003-02-01,169,179,resolution,yes,UN Security Council,inferred,proposed,veto,,generic,'
      .. '"Putin said Russia could veto the resolution, ""any resolution"", he said."', l[3])
    assert.are.equal("b.txt,1990-11-19,55,69,resolution 678,yes,unknown,unknown,cited,,678,numbered,"
      .. "The USSR backed resolution 678.", l[4])
    r = run.lector({ "run", "scripts/resolutions.lua", "--corpus", dir .. "/news", "--format", "tsv", "--explain" })
    l = lines(r.out)
    assert.truthy(l[1]:find("\tsentence\texplain$"), l[1])
    assert.truthy(l[2]:find("\tsense: formal: a formal word near it; body: a veto is the Security Council's; "
      .. "status: a veto threatened$"), l[2])
    run.write(dir .. "/news/c.txt", "Note - 2004-01-01\n\nA military resolution is no resolution of the dispute.\n")
    r = run.lector({ "run", "scripts/resolutions.lua", "--corpus", dir .. "/news", "--references" })
    assert.are.equal(4, #lines(r.out))
    r = run.lector({ "run", "scripts/resolutions.lua", "--corpus", dir .. "/news" })
    assert.are.equal(6, #lines(r.out))
    os.remove(dir .. "/news/c.txt")
    r = run.lector({ "run", "scripts/resolutions.lua", "--corpus", dir .. "/news", "--format", "json" })
    assert.are.equal("3 152 UN Security Council", json_check(r.out, "len(d), d[0]['start'], d[0]['body']"))
  end)

  it("prints positions as statements, timeline and changes", function()
    -- "could veto" is a possibility, not a stance: no statement
    local r = run.lector({ "run", "scripts/positions.lua", "--corpus", dir .. "/news" })
    assert.are.equal(0, r.code)
    assert.are.same({ "file\tdate\tactor\ttopic\tstance\tspeaker\tcue\tstart\tend\tevidence" }, lines(r.out))
    os.execute("mkdir -p " .. dir .. "/pos")
    run.write(dir .. "/pos/a.txt", "Talks - 2002-11-08\n\nPutin said Russia supports the inspections.\n")
    run.write(dir .. "/pos/b.txt", "Talks - 2003-02-27\n\nRussia does not want more inspections, Lavrov said.\n")
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", dir .. "/pos", "--explain" })
    assert.are.same({ "file\tdate\tactor\ttopic\tstance\tspeaker\tcue\tstart\tend\tevidence\texplain",
      "a.txt\t2002-11-08\tRussia\tweapons inspections\tsupports\tRussia\tsupports\t20\t63\t"
      .. "Putin said Russia supports the inspections.\tholder: subject; stance: verb 'supports'",
      "b.txt\t2003-02-27\tRussia\tweapons inspections\topposes\tRussia\tdoes not want\t20\t71\t"
      .. "Russia does not want more inspections, Lavrov said.\tholder: subject; stance: verb 'does not want', "
      .. "negated by 'not'" }, lines(r.out))
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", dir .. "/pos", "--show", "changes" })
    assert.are.same({ "actor\ttopic\tfrom_date\tfrom_stance\tto_date\tto_stance\tchange\tfrom_evidence\tto_evidence",
      "Russia\tweapons inspections\t2002-11-08\tsupports\t2003-02-27\topposes\tsupports -> opposes\t"
      .. "Putin said Russia supports the inspections.\tRussia does not want more inspections, Lavrov said." },
      lines(r.out))
    -- the user's own topics and actors (doc/lexicons.md), given or kept in the corpus folder
    run.write(dir .. "/topics.tsv", "topic\ttrigger\nchecks\tinspection*\n")
    run.write(dir .. "/pos/actors.tsv", "name\ttype\talias\nRussian Federation\tcountry\tRussia\n")
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", dir .. "/pos", "--topics", dir .. "/topics.tsv",
      "--format", "csv" })
    assert.are.equal("file,date,actor,topic,stance,speaker,cue,start,end,evidence\r\n"
      .. "a.txt,2002-11-08,Russian Federation,checks,supports,Russia,supports,20,63,Putin said Russia supports the inspections.\r\n"
      .. "b.txt,2003-02-27,Russian Federation,checks,opposes,Russia,does not want,20,71,\"Russia does not want more inspections, Lavrov said.\"\r\n",
      r.out)
    run.write(dir .. "/bad.tsv", "topic\ttriggers\nchecks\tinspection*\n")
    r = run.lector({ "run", "scripts/positions.lua", "--corpus", dir .. "/pos", "--topics", dir .. "/bad.tsv" })
    assert.are.equal(2, r.code)
    assert.truthy(r.err:find("bad.tsv", 1, true), r.err)
  end)
end)

describe("scripts on a terminal", function()
  it("print an aligned table by default", function()
    -- python3 gives the script a pseudo-terminal for its output
    local py = [[
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        d = os.read(fd, 4096)
    except OSError:
        break
    if not d:
        break
    out += d
os.waitpid(pid, 0)
sys.stdout.write(out.decode().replace("\r\n", "\n"))
]]
    local r = run.sh("python3 -c " .. run.quote(py) .. " " .. run.quote(run.bin)
      .. " run scripts/mentions.lua --by total")
    assert.truthy(r.out:find("entities: corpus/entities.lua (found in the corpus folder)\nentity                   count\n"
      .. "-----------------------  -----\nIraq                     75\n", 1, true), r.out)
  end)
end)

describe("script errors", function()
  local function fails(args, status, message)
    local r = run.lector(args)
    assert.are.equal(status, r.code)
    assert.are.equal("", r.out)
    assert.are.equal(message .. "\n", r.err)
  end

  it("names a wrong format, option or value, with exit status 2", function()
    fails({ "run", "scripts/mentions.lua", "--format", "xml" }, 2, "mentions.lua: unknown format 'xml' (table, tsv, csv or json)")
    fails({ "run", "scripts/resolutions.lua", "--bogus" }, 2, "resolutions.lua: unknown option '--bogus' (try --help)")
    fails({ "run", "scripts/mentions.lua", "--by", "montth" }, 2, "mentions.lua: unknown field 'montth' for --by "
      .. "(did you mean 'month'?)")
    fails({ "run", "scripts/mentions.lua", "--by", "region" }, 2, "mentions.lua: unknown field 'region' for --by "
      .. "(fields: date, date_basis, date_from, kind, lang, source, title; and doc, year, decade, month, total)")
    fails({ "run", "scripts/positions.lua", "--show" }, 2, "positions.lua: --show needs a value (statements|timeline|changes)")
    fails({ "run", "scripts/report.lua", "--top", "none" }, 2, "report.lua: --top needs a positive number, not 'none'")
  end)

  it("says when the corpus or a data file cannot be read", function()
    fails({ "run", "scripts/mentions.lua", "--corpus", "/no/such/dir" }, 1,
      "mentions.lua: cannot open corpus /no/such/dir: No such file or directory")
    fails({ "run", "scripts/mentions.lua", "--entities", "/no/such.lua" }, 2,
      "mentions.lua: cannot open /no/such.lua: No such file or directory")
    local dir = run.tmpdir()
    run.write(dir .. "/e.lua", "return { { 'X', alias = 'x' } }\n")
    fails({ "run", "scripts/mentions.lua", "--entities", dir .. "/e.lua" }, 2,
      "mentions.lua: " .. dir .. "/e.lua:1: entry 1 (X): unknown key 'alias' (known: aliases, name, type)")
    run.write(dir .. "/p.lua", "return { actors = {} }\n")
    fails({ "run", "scripts/positions.lua", "--data", dir .. "/p.lua" }, 2,
      "positions.lua: " .. dir .. "/p.lua: needs tables `actors` and `topics`")
    run.rmdir(dir)
  end)

  it("prints its usage with --help and exits 0", function()
    local r = run.lector({ "run", "scripts/resolutions.lua", "--help" })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("^usage: lector run resolutions.lua %[%-%-corpus DIR%]"), r.out)
    assert.truthy(r.out:find("--references", 1, true))
  end)
end)
