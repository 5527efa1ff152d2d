-- The files users hold, read or named (doc/formats.md): a news page with its chrome, an XHTML page,
-- a two-page PDF (and the same PDF without an extension), an encrypted, a damaged and a scanned PDF,
-- a table, a saved page, notes and a mail without an extension, a binary file and a spreadsheet.
-- lector index names each file it does not read with the reason, counts them in its last line,
-- lists them with --verbose, and exits 1 only when no document was read.
-- The fixtures (spec/fixtures/formats/) were made once: report.pdf and scan.pdf by
--   chromium --headless --no-pdf-header-footer --print-to-pdf=report.pdf report.html
-- from a page of two <div style="page-break-after: always"> (scan.pdf from a grey box, no text),
-- locked.pdf by `qpdf --encrypt secret owner 256 -- report.pdf locked.pdf`, damaged.pdf as the first
-- 400 bytes of report.pdf, inspection as a copy of report.pdf; the test needs none of those tools.
local run = require "spec.support.run"

local READS = "lector reads .txt, .md, .jsonl, .json, .csv, .tsv, .conllu, .vrt, .html, .htm, .xhtml, .pdf or .eml"

describe("lector index on the files a user has", function()
  local dir, c
  setup(function()
    dir = run.tmpdir()
    c = dir .. "/inbox"
    os.execute("cp -r spec/fixtures/formats " .. run.quote(c))
  end)
  teardown(function() run.rmdir(dir) end)

  it("reads what it can, names the rest with the reason, and counts them in its last line", function()
    local r = run.lector({ "index", c })
    assert.are.equal(0, r.code)
    local lines = run.lines(r.out)
    assert.are.equal(2, #lines, r.out)
    assert.truthy(lines[1]:find(": 11 files, 9 documents, 185 tokens,", 1, true), lines[1])
    assert.are.equal("5 files skipped: 1 binary, 1 unknown type, 1 encrypted, 1 damaged, 1 no text; "
      .. "--verbose lists them", lines[2])
    assert.are.same({
      "lector: " .. c .. "/blob: 1 binary file without an extension skipped (blob)",
      "lector: " .. c .. "/budget.xlsx: 1 .xlsx file not read (budget.xlsx): " .. READS,
      "lector: " .. c .. "/damaged.pdf: damaged PDF (poppler: PDF document is damaged), skipped",
      "lector: " .. c .. "/locked.pdf: encrypted PDF: it needs a password, skipped",
      "lector: " .. c .. "/scan.pdf: PDF without a text layer in its 1 page (scanned images?), skipped",
    }, run.lines(r.err))
    -- up to date: the same count, from the stored warnings and the walk
    r = run.lector({ "index", c })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("up to date", 1, true), r.out)
    assert.are.equal("5 files skipped: 1 binary, 1 unknown type, 1 encrypted, 1 damaged, 1 no text; "
      .. "--verbose lists them", run.lines(r.out)[2])
  end)

  it("lists every file not read with --verbose", function()
    local r = run.lector({ "index", c, "--verbose" })
    assert.are.equal(0, r.code)
    assert.are.same({
      "5 files skipped: 1 binary, 1 unknown type, 1 encrypted, 1 damaged, 1 no text",
      "  " .. c .. "/blob: binary",
      "  " .. c .. "/budget.xlsx: unknown type",
      "  " .. c .. "/damaged.pdf: damaged",
      "  " .. c .. "/locked.pdf: encrypted",
      "  " .. c .. "/scan.pdf: no text",
    }, { table.unpack(run.lines(r.out), 2) })
    assert.are.same({
      "lector: " .. c .. "/blob: binary (no extension, and not text), skipped",
      "lector: " .. c .. "/budget.xlsx: a .xlsx file, not read: " .. READS,
      "lector: " .. c .. "/damaged.pdf: damaged PDF (poppler: PDF document is damaged), skipped",
      "lector: " .. c .. "/locked.pdf: encrypted PDF: it needs a password, skipped",
      "lector: " .. c .. "/scan.pdf: PDF without a text layer in its 1 page (scanned images?), skipped",
    }, run.lines(r.err))
  end)

  it("reads a web page's visible text, without its chrome, with its title, date and author", function()
    local r = run.lector({ "--corpus", c, "-e", [[
      local d = corpus:doc("vote.html")
      print(d.title, d.date, d.meta.author, d.meta.lang)
      for _, s in ipairs({ "Worldmenu", "Homepage", "scriptword", "Footerword", "Copyrightword", "Hiddenword",
                           "Mostreadword", "Searchword", "Blix", "inspectors" }) do
        io.write(s, "=", corpus:where{ name = "vote.html" }:count(s), " ")
      end
      print()
      for s in d:sentences() do print(s:text()) end
      local x = corpus:doc("report.xhtml")
      print(x.title, x.date, x.meta.lang)]] })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("Security Council Vote on Iraq Delayed\t2003-02-27\tJane Reporter\ten\n"
      .. "Worldmenu=0 Homepage=0 scriptword=0 Footerword=0 Copyrightword=0 Hiddenword=0 Mostreadword=0 "
      .. "Searchword=0 Blix=1 inspectors=1 \n"
      .. "Security Council Vote on Iraq Delayed\n"
      .. "By Jane Reporter, February 26\n"
      .. "The Security Council put off its vote on a new resolution.\n"
      .. "Diplomats said that France & Russia wanted more time.\n"
      .. "Hans Blix will report on March 7.\n"
      .. "The inspectors need “months, not years”.\n"
      .. "First point\n"
      .. "Second point\n"
      .. "Rapport sur l’Irak\t2003-03\tfr\n", r.out)
  end)

  it("reads a PDF page by page: each hit knows its page, and a query can ask for one", function()
    local r = run.lector({ "--corpus", c, "-e", [[
      for h in corpus:hits("inspectors"):each() do print(h.doc.name, h.page, h:kwic(3)) end
      local d = corpus:doc("report.pdf")
      print(d.title, d.date, #d:text())
      print(corpus:query_count('<page number="2"> "Conclusions"'), corpus:query_count('<page number="1"> "Conclusions"'))]] })
    assert.are.equal(0, r.code, r.err)
    assert.are.same({
      "inspection\t1\tInspection Report The\tinspectors\tvisited twelve sites",
      "inspection\t2\tshould give the\tinspectors\tmore time.",
      "inspection\t2\tcooperate with the\tinspectors\t.",
      "report.pdf\t1\tInspection Report The\tinspectors\tvisited twelve sites",
      "report.pdf\t2\tshould give the\tinspectors\tmore time.",
      "report.pdf\t2\tcooperate with the\tinspectors\t.",
      "vote.html\tnil\t7. The\tinspectors\tneed “months",
      "votes.csv#2\tnil\tThe\tinspectors\tneed months,",
      "Inspection Report\t2026-12-07\t208",
      "2\t0",
    }, run.lines(r.out))
  end)

  it("tells files without an extension by their bytes: a page, notes, a mail, a PDF", function()
    local r = run.lector({ "--corpus", c, "-e", [[
      for _, n in ipairs({ "savedpage", "notes", "mail", "inspection" }) do
        local d = corpus:doc(n)
        print(n, d.title, d.date, d.meta.author, (d:text():gsub("\n", "|")))
      end]] })
    assert.are.equal(0, r.code, r.err)
    assert.are.same({
      "savedpage\tSaved page\tnil\tnil\tNotes from the saved page about the Iraq vote.",
      "notes\tNotes on the vote\tnil\tnil\tNotes on the vote||The council met on Monday. Nobody voted.|",
      "mail\tVote delayed\t2003-02-27\tJane Reporter <jane@example.org>\tThe vote on Iraq was delayed again.|",
      "inspection\tInspection Report\t2026-12-07\tnil\tInspection Report|The inspectors visited twelve sites in "
        .. "January.|No weapons were found at the sites.||Conclusions|The council should give the inspectors more "
        .. "time.|Baghdad must cooperate with the inspectors.",
    }, run.lines(r.out))
  end)
end)

describe("lector index on a folder of nothing it can read", function()
  it("names and counts each file, and exits 1", function()
    local dir = run.tmpdir()
    local c = dir .. "/scans"
    os.execute("mkdir -p " .. run.quote(c) .. " && cp spec/fixtures/formats/locked.pdf spec/fixtures/formats/blob "
      .. "spec/fixtures/formats/scan.pdf " .. run.quote(c))
    local r = run.lector({ "index", c })
    assert.are.equal(1, r.code)
    assert.are.equal(": 2 files, 0 documents\n3 files skipped: 1 binary, 1 encrypted, 1 no text; "
      .. "--verbose lists them\n", r.out:match("(: %d+ files.*)$"))
    assert.are.equal("lector: " .. c .. "/blob: 1 binary file without an extension skipped (blob)\n"
      .. "lector: " .. c .. "/locked.pdf: encrypted PDF: it needs a password, skipped\n"
      .. "lector: " .. c .. "/scan.pdf: PDF without a text layer in its 1 page (scanned images?), skipped\n"
      .. "lector: index: no document was read in " .. c .. " (the warnings above say why)\n", r.err)
    run.rmdir(dir)
  end)
end)

describe("lector index on many files not read for one reason", function()
  it("names ten in warnings of their own and the rest in one, and all with --verbose", function()
    local dir = run.tmpdir()
    for i = 1, 13 do run.write(string.format("%s/b%02d.txt", dir, i), "bin\0ary") end
    run.write(dir .. "/ok.txt", "Fine.\n")
    local r = run.lector({ "index", dir })
    assert.are.equal(0, r.code)
    local err = run.lines(r.err)
    assert.are.equal(11, #err, r.err)
    assert.are.equal("lector: " .. dir .. "/b10.txt: binary file (NUL byte at offset 3), skipped", err[10])
    assert.are.equal("lector: " .. dir .. "/b11.txt: 3 more files not read: binary (b11.txt, b12.txt, b13.txt); "
      .. "--verbose names each", err[11])
    assert.are.equal("13 files skipped: 13 binary; --verbose lists them", run.lines(r.out)[2])
    r = run.lector({ "index", dir, "--verbose" })
    assert.are.equal(13, #run.lines(r.err), r.err)
    assert.are.equal("  " .. dir .. "/b13.txt: binary", run.lines(r.out)[15])
    run.rmdir(dir)
  end)
end)

describe("lector index on one file without an extension", function()
  it("reads it by its bytes, or names it once with the reason", function()
    local dir = run.tmpdir()
    os.execute("cp spec/fixtures/formats/inspection spec/fixtures/formats/locked.pdf " .. run.quote(dir))
    os.rename(dir .. "/locked.pdf", dir .. "/locked")
    local env = { env = { LECTOR_STORE = "0" } }
    local r = run.lector({ "index", dir .. "/inspection" }, env)
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.out:find(": 1 files, 1 documents, 35 tokens,", 1, true), r.out)
    r = run.lector({ "index", dir .. "/locked", "--verbose" }, env)
    assert.are.equal(1, r.code)
    assert.are.equal("1 file skipped: 1 encrypted\n  " .. dir .. "/locked: encrypted\n", r.out:match("\n(.*)$"))
    assert.are.equal("lector: " .. dir .. "/locked: encrypted PDF: it needs a password, skipped\n"
      .. "lector: index: no document was read in " .. dir .. "/locked (the warnings above say why)\n", r.err)
    run.rmdir(dir)
  end)
end)

describe("lector index --text-column", function()
  it("names a table's text column, as --text-field does", function()
    local dir = run.tmpdir()
    local c = dir .. "/statements"
    os.execute("mkdir -p " .. run.quote(c))
    run.write(c .. "/votes.csv", "speaker,speech\nBlix,\"The inspectors need months, not years.\"\n")
    local r = run.lector({ "index", c })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find('votes.csv: line 1: no text column ("text", "body" or "content"; columns: speaker, '
      .. 'speech), skipped', 1, true), r.err)
    assert.truthy(r.out:find("1 file skipped: 1 no text; --verbose lists them\n", 1, true), r.out)
    r = run.lector({ "index", c, "--text-column", "speech" })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.out:find(": 1 files, 1 documents, 8 tokens,", 1, true), r.out)
    assert.are.equal("Blix|The inspectors need months, not years.\n", run.lector({ "--corpus", c, "-e",
      [[local d = corpus:doc(1) print(d.meta.speaker .. "|" .. d:text())]] }).out)
    run.rmdir(dir)
  end)
end)
