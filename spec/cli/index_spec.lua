-- lector index and the on-disk index from the shell: the first run builds and stores it, the next
-- finds it up to date, a changed file brings an update, and a damaged index is said so and built
-- again with the right answers. Without a terminal, one line on stdout and nothing on stderr.
local run = require "spec.support.run"

describe("lector index", function()
  local dir, c, pc
  setup(function()
    dir = run.tmpdir()
    c = dir .. "/c"
    os.execute("mkdir -p " .. c .. " && cp corpus/*.txt " .. c .. "/")
    pc = c:gsub("%p", "%%%0")                -- the folder, as a pattern
  end)
  teardown(function() run.rmdir(dir) end)

  local function count(word)
    return run.lector({ "--corpus", c, "-e", "io.write(corpus:count('" .. word .. "'))" })
  end

  it("builds the index, then finds it up to date", function()
    local r = run.lector({ "index", c })
    assert.are.equal(0, r.code)
    assert.are.equal("", r.err)
    assert.truthy(r.out:find("^indexed " .. pc .. " in [0-9.]+ s %([0-9]+ MB/s%): 5 files, 5 documents, 4377 tokens, "
      .. "0%.0 MB of text; index 0%.[0-9] MB %([0-9.]+x%), in " .. pc .. "/%.lector/index\n$"), r.out)
    r = run.lector({ "index", c })
    assert.truthy(r.out:find("^index of " .. pc .. " is up to date %(opened in [0-9.]+ s%): 5 files"), r.out)
    local info = run.lector({ "--corpus", c, "info" }).out
    assert.truthy(info:find("stored in " .. c .. "/.lector/index", 1, true), info)
  end)

  it("reads a changed file again and answers from the update", function()
    assert.are.equal("5", count("Putin").out)
    run.write(c .. "/zz_new.txt", "Putin and Putin again.\n")
    local r = run.lector({ "index", c })
    assert.truthy(r.out:find("^indexed .* 6 files, 6 documents"), r.out)
    assert.are.equal("7", count("Putin").out)
    os.remove(c .. "/zz_new.txt")
    assert.are.equal("5", count("Putin").out)
  end)

  it("says an index is damaged, builds it again, and answers right", function()
    run.lector({ "index", c })
    local f = assert(io.open(c .. "/.lector/index", "r+b"))
    f:seek("set", 4000)
    f:write("\0\0\0\0garbage")
    f:close()
    local r = count("Iraq")
    assert.are.equal("42", r.out)
    assert.truthy(r.err:find("^lector: " .. pc .. ": " .. pc .. "/%.lector/index: section [%w_]+ is damaged "
      .. "%(checksum%); building the index again\n$"), r.err)
    r = count("Iraq")
    assert.are.equal("", r.err)
  end)

  it("says a foreign file is not an index", function()
    run.write(c .. "/.lector/index", "no index here\n")
    local r = count("Iraq")
    assert.are.equal("42", r.out)
    assert.truthy(r.err:find("index: truncated: 14 bytes, shorter than a header; building the index again", 1, true), r.err)
  end)

  it("rebuilds on request, with the threads asked for", function()
    local r = run.lector({ "index", c, "--rebuild", "--threads", "1" })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("^indexed "), r.out)
  end)

  it("rejects what it does not know, with the usage", function()
    local r = run.lector({ "index", c, "--fast" })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: index: unknown option '--fast' (try --help)\nusage: lector index [DIR] [--annotate] [--attributes A,B,..] "
      .. "[--corpus DIR] [--name-fields F,G,..] [--name-pattern P] [--name-sep CHARS] [--no-annotate] [--rebuild] "
      .. "[--text-column NAME] [--text-field NAME] [--threads N] [--verbose] [--verify]\n", r.err)
    r = run.lector({ "index", c, "--rebiuld" })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: index: unknown option '--rebiuld' (did you mean '--rebuild'?)", r.err:match("^[^\n]*"))
    r = run.lector({ "index", c, "--threads", "two" })
    assert.are.equal(2, r.code)
    assert.truthy(r.err:find("--threads needs a whole number, not 'two'", 1, true), r.err)
  end)
end)

describe("lector index on JSON documents", function()
  it("reads a document per object, names what it cannot read, remembers the text field", function()
    local dir = run.tmpdir()
    local c = dir .. "/speeches"
    os.execute("mkdir -p " .. c)
    run.write(c .. "/1990.json", '[{"date": "1990-11-19", "speaker": {"name": "Bush", "party": "R"}, '
      .. '"text": "We will not accept the occupation of Kuwait."}, "stray", {"title": "empty"}]\n')
    run.write(c .. "/2003.json", '{"date": "2003-02-27", "speaker": {"name": "Putin"}, '
      .. '"body": "Russia could not support any resolution.", "speech": "A different text."}\n')
    run.write(c .. "/notes.json", '"not a document"\n')
    local r = run.lector({ "index", c })
    assert.are.equal(0, r.code)
    assert.are.equal("lector: " .. c .. "/1990.json: element 2 (byte offset 124): not a JSON object, element skipped\n"
      .. "lector: " .. c .. "/1990.json: element 3: no text field (\"text\", \"body\" or \"content\"), element skipped\n"
      .. "lector: " .. c .. "/notes.json: not a JSON object or an array of objects, skipped\n", r.err)
    assert.truthy(r.out:find(": 3 files, 2 documents, 16 tokens,", 1, true), r.out)
    local code = "for d in corpus:docs() do io.write(d.name, '|', d.date, '|', d.meta['speaker.name'], '|', "
      .. "d:text(), '\\n') end"
    assert.are.equal("1990.json#1|1990-11-19|Bush|We will not accept the occupation of Kuwait.\n"
      .. "2003.json|2003-02-27|Putin|Russia could not support any resolution.\n",
      run.lector({ "--corpus", c, "-e", code }).out)
    -- another text field, given once: the index is built again and later opens keep it
    r = run.lector({ "index", c, "--text-field", "speech" })
    assert.truthy(r.out:find(": 3 files, 1 documents, 4 tokens,", 1, true), r.out)
    assert.truthy(run.slurp(c .. "/.lector/config"):find("text-field = speech\n", 1, true))
    assert.are.equal("2003.json|2003-02-27|Putin|A different text.\n", run.lector({ "--corpus", c, "-e", code }).out)
    run.rmdir(dir)
  end)
end)

describe("lector index on files it does not read", function()
  it("names them by extension, counts them, and fails when no document was read", function()
    local dir = run.tmpdir()
    local c = dir .. "/web"
    os.execute("mkdir -p " .. c)
    for i = 1, 12 do run.write(string.format("%s/p%02d.docx", c, i), "PK\3\4x\n") end
    run.write(c .. "/notes", "\127ELF\0\1\2\n")
    local r = run.lector({ "index", c })
    assert.are.equal(1, r.code)
    assert.are.equal("indexed " .. c, r.out:match("^(indexed %S+)"))
    assert.truthy(r.out:find(": 0 files, 0 documents\n13 files skipped: 1 binary, 12 unknown type; --verbose lists them\n",
      1, true), r.out)
    local reads = "lector reads .txt, .md, .jsonl, .json, .csv, .tsv, .conllu, .vrt, .html, .htm, .xhtml, .pdf or .eml"
    assert.are.equal("lector: " .. c .. "/notes: 1 binary file without an extension skipped (notes)\n"
      .. "lector: " .. c .. "/p01.docx: 12 .docx files not read (p01.docx, p02.docx, p03.docx, p04.docx, p05.docx, "
      .. "p06.docx, p07.docx, p08.docx, p09.docx, p10.docx and 2 more): " .. reads .. "\n"
      .. "lector: index: no document was read in " .. c .. " (the warnings above say why)\n", r.err)
    run.rmdir(dir)
  end)
end)

describe("lector index on tables of documents", function()
  it("reads a document per row, the other columns as metadata, and names what it cannot read", function()
    local dir = run.tmpdir()
    local c = dir .. "/statements"
    os.execute("mkdir -p " .. c)
    run.write(c .. "/votes.csv", 'date,speaker,text\n1990-11-19,Bush,"Iraq must leave Kuwait, ""now""."\n'
      .. "2003-02-27,Putin\n2004,Kerry,Sanctions stay.\n")
    run.write(c .. "/notes.csv", "a,b\n1,2\n")
    run.write(c .. "/entities.tsv", "name\ttype\talias\nIraq\tcountry\tIraq\n")
    local r = run.lector({ "index", c })
    assert.are.equal(0, r.code)
    assert.are.equal("lector: " .. c .. "/notes.csv: line 1: no text column (\"text\", \"body\" or \"content\"; "
      .. "columns: a, b), skipped\nlector: " .. c .. "/votes.csv: line 3: 2 fields where the header has 3, row skipped\n", r.err)
    assert.truthy(r.out:find(": 2 files, 2 documents,", 1, true), r.out)
    local code = "for d in corpus:docs() do io.write(d.name, '|', d.date, '|', d.meta.speaker, '|', d:text(), '\\n') end"
    assert.are.equal("votes.csv#2|1990-11-19|Bush|Iraq must leave Kuwait, \"now\".\nvotes.csv#4|2004|Kerry|Sanctions stay.\n",
      run.lector({ "--corpus", c, "-e", code }).out)
    run.rmdir(dir)
  end)
end)

describe("lector index with metadata in the file names", function()
  it("takes fields by separator or by pattern, names the files that do not fit, and remembers", function()
    local dir = run.tmpdir()
    local c = dir .. "/speeches"
    os.execute("mkdir -p " .. c)
    run.write(c .. "/1990_bush_r.txt", "Iraq must leave Kuwait.\n")
    run.write(c .. "/2003_putin_ur.txt", "Russia objects.\n")
    run.write(c .. "/notes.txt", "Read me.\n")
    local code = "for d in corpus:docs() do io.write(d.name, '|', tostring(d.date), '|', tostring(d.meta.speaker), "
      .. "'|', tostring(d.meta.party), '\\n') end"
    local r = run.lector({ "index", c, "--name-fields", "year,speaker,party" })
    assert.are.equal(0, r.code)
    assert.are.equal("lector: " .. c .. "/notes.txt: the name has 1 part split on \"_-\", --name-fields has 3 "
      .. "(year,speaker,party): no fields taken from it\n", r.err)
    -- later opens need no flags
    assert.are.equal("1990_bush_r.txt|1990|bush|r\n2003_putin_ur.txt|2003|putin|ur\nnotes.txt|nil|nil|nil\n",
      run.lector({ "--corpus", c, "-e", code }).out)
    assert.are.equal("# lector: how this corpus is opened (lector writes this file; see doc/formats.md)\n"
      .. "name-fields = year,speaker,party\n", run.slurp(c .. "/.lector/config"))
    -- a pattern replaces the fields
    r = run.lector({ "index", c, "--name-pattern", "{year}_{speaker}_{party}" })
    assert.are.equal("lector: " .. c .. "/notes.txt: the name \"notes\" does not fit --name-pattern "
      .. "{year}_{speaker}_{party}: no fields taken from it\n", r.err)
    assert.are.equal("# lector: how this corpus is opened (lector writes this file; see doc/formats.md)\n"
      .. "name-pattern = {year}_{speaker}_{party}\n", run.slurp(c .. "/.lector/config"))
    r = run.lector({ "index", c, "--name-pattern", "{year}{speaker}" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("--name-pattern: two fields with nothing between them at byte 6", 1, true), r.err)
    run.rmdir(dir)
  end)
end)

describe("LECTOR_CHECK=0", function()
  it("trusts the stored index without looking at the files", function()
    local dir = run.tmpdir()
    local c = dir .. "/c"
    os.execute("mkdir -p " .. c .. " && cp corpus/*.txt " .. c .. "/")
    run.lector({ "index", c })
    run.write(c .. "/zz.txt", "Putin.\n")
    local code = "io.write(corpus:count('Putin'))"
    assert.are.equal("5", run.lector({ "--corpus", c, "-e", code }, { env = { LECTOR_CHECK = "0" } }).out)
    assert.are.equal("6", run.lector({ "--corpus", c, "-e", code }).out)
    run.rmdir(dir)
  end)
end)
