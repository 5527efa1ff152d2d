-- Bad input never crashes lector and loses nothing: each bad file gets one warning on stderr
-- that names it (and the byte offset where that helps), and everything else loads.
local run = require "spec.support.run"

local function lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

describe("a corpus with bad files", function()
  local dir, r
  setup(function()
    dir = run.tmpdir()
    local c = dir .. "/c"
    os.execute("mkdir -p " .. run.quote(c .. "/sub") .. " " .. run.quote(c .. "/.hidden"))
    run.write(c .. "/cp1252.txt", "Caf\xe9 in Moscow \x93quoted\x94.\n")
    run.write(c .. "/nul.txt", "bin\0ary\n")
    run.write(c .. "/empty.txt", "")
    run.write(c .. "/bom.txt", "\xef\xbb\xbfBOM first line.\r\nSecond line.\r\n")
    run.write(c .. "/ok.txt", "Fine text about Iraq.\n")
    run.write(c .. "/.hidden/x.txt", "hidden Iraq\n")
    run.write(c .. "/notes.pdf", "%PDF-1.4 not a text file\n")
    os.execute(table.concat({
      "cd " .. run.quote(c),
      "ln -s loop2.txt loop1.txt", "ln -s loop1.txt loop2.txt", "ln -s nowhere.txt dangling.txt",
      "ln -s .. sub/up" }, " && "))
    r = run.lector({ "--corpus", c, "-e", [[
      for d in corpus:docs() do io.write(d.name, " ", d.tokens, " ", string.format("%q", d:text()), "\n") end
      print(corpus:count("café"), corpus:count('"quoted"'), corpus:count("Iraq"))]] })
  end)
  teardown(function() run.rmdir(dir) end)

  it("loads every good file, in order, and exits 0", function()
    assert.are.equal(0, r.code)
    assert.are.same({
      'bom.txt 7 "BOM first line.\\',
      'Second line.\\',
      '"',
      'cp1252.txt 7 "Café in Moscow “quoted”.\\',
      '"',
      'empty.txt 0 ""',
      'ok.txt 5 "Fine text about Iraq.\\',
      '"',
      "1\t1\t1",
    }, lines(r.out))
  end)

  it("warns once per bad file, naming it, sorted by file", function()
    local root = dir .. "/c/"
    assert.are.same({
      "lector: " .. root .. "cp1252.txt: not valid UTF-8 (byte offset 3): decoded as Windows-1252",
      "lector: " .. root .. "dangling.txt: broken symbolic link (No such file or directory), skipped",
      "lector: " .. root .. "loop1.txt: broken symbolic link (Too many levels of symbolic links), skipped",
      "lector: " .. root .. "loop2.txt: broken symbolic link (Too many levels of symbolic links), skipped",
      "lector: " .. root .. "notes.pdf: damaged PDF (poppler: PDF document is damaged), skipped",
      "lector: " .. root .. "nul.txt: binary file (NUL byte at offset 3), skipped",
      "lector: " .. root .. "sub/up: symbolic link loop (back to the corpus folder), skipped",
    }, lines(r.err))
  end)

  it("counts the warnings in lector info", function()
    local i = run.lector({ "--corpus", dir .. "/c", "info" })
    assert.are.equal(0, i.code)
    assert.truthy(i.out:find("\n7 warnings while loading, on stderr", 1, true), i.out)
  end)
end)

describe("an unreadable file", function()
  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  it("is skipped with a warning and the rest loads", function()
    local c = dir .. "/c"
    os.execute("mkdir " .. run.quote(c))
    run.write(c .. "/a.txt", "Readable Iraq.\n")
    run.write(c .. "/b.txt", "Secret Iraq.\n")
    os.execute("chmod 755 " .. run.quote(dir) .. " " .. run.quote(c) .. "; chmod 000 " .. run.quote(c .. "/b.txt"))
    -- root reads anything, so run as nobody when root
    local as = ""
    if run.sh("id -u").out == "0\n" then as = "setpriv --reuid=nobody --regid=nogroup --clear-groups " end
    local r = run.sh(as .. run.quote(run.bin) .. " --corpus " .. run.quote(c) .. " -e 'print(#corpus, corpus:count(\"Iraq\"))'")
    assert.are.equal("1\t1\n", r.out)
    assert.are.equal("lector: " .. c .. "/b.txt: cannot open (Permission denied), skipped\n", r.err)
    assert.are.equal(0, r.code)
  end)
end)

describe("a huge single line", function()
  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  it("of 50 MB loads as one document with every token", function()
    local f = assert(io.open(dir .. "/line.txt", "wb"))
    local chunk = string.rep("Iraq and the U.N. Security Council, ", 1000)   -- 7 tokens, 36 bytes each
    for _ = 1, 1400 do f:write(chunk) end
    f:close()
    local r = run.lector({ "--corpus", dir, "-e", [[
      print(#corpus, corpus.tokens, corpus:count("Security Council"), #corpus:doc(1):text())]] })
    assert.are.equal("", r.err)
    assert.are.equal("1\t9800000\t1400000\t50400000\n", r.out)
  end)
end)

describe("a corpus that cannot be opened", function()
  it("gives an error naming it and exit status 1", function()
    local r = run.lector({ "--corpus", "/nonexistent/corpus", "-e", "print(#corpus)" })
    assert.are.equal(1, r.code)
    assert.are.equal("", r.out)
    assert.truthy(r.err:find("cannot open corpus /nonexistent/corpus", 1, true), r.err)
  end)

  it("is nil and a message from lector.open", function()
    local r = run.lector({ "-e", "print(lector.open('/nonexistent/corpus'))" })
    assert.are.equal("nil\t/nonexistent/corpus: cannot open /nonexistent/corpus: No such file or directory\n", r.out)
  end)
end)
