-- lector repl at a terminal, driven through a pseudo-terminal by spec/support/ptydrive.c (built
-- into the build folder): what a person types, keys included (Tab, Ctrl-C, Ctrl-D, Ctrl-P), and
-- what the terminal shows. Every step waits for output, never for time. Then the piped mode.
local run = require "spec.support.run"

-- the driver sits in the build folder of the lector under test (build/ or build-san/)
local function driver()
  local dir = (run.bin:match("^(.*)/[^/]*$") or "."):gsub("/%.$", "")
  if dir == "." or dir == run.root then dir = run.root .. "/build" end
  return dir .. "/ptydrive"
end

local tmp
setup(function() tmp = run.tmpdir() end)
teardown(function() run.rmdir(tmp) end)

-- Runs lector repl on a terminal with the steps ({"send", text} / {"expect", text}, C escapes);
-- returns the transcript (escape sequences removed) and the exit status.
local n = 0
local function session(steps, opts)
  opts = opts or {}
  n = n + 1
  local lines = {}
  for _, s in ipairs(steps) do lines[#lines + 1] = s[1] .. (s[2] and " " .. s[2] or "") end
  local script = tmp .. "/script" .. n
  run.write(script, table.concat(lines, "\n") .. "\n")
  local env = { TERM = "xterm", HOME = opts.home or tmp, XDG_STATE_HOME = opts.state or (tmp .. "/state"),
    NO_COLOR = "" }
  local cmd = "env -u LECTOR_CORPUS"
  if opts.no_xdg then cmd = cmd .. " -u XDG_STATE_HOME"; env.XDG_STATE_HOME = nil end
  if opts.history then env.LECTOR_HISTORY = opts.history else cmd = cmd .. " -u LECTOR_HISTORY" end
  for k, v in pairs(env) do cmd = cmd .. " " .. k .. "=" .. run.quote(v) end
  cmd = cmd .. " " .. run.quote(driver()) .. " -t 60 " .. run.quote(script) .. " " .. run.quote(run.bin) .. " repl"
  for _, a in ipairs(opts.args or {}) do cmd = cmd .. " " .. run.quote(a) end
  local r = run.sh(cmd)
  assert(r.code ~= 124 and r.code ~= 125, "ptydrive: " .. r.err .. "\ntranscript:\n" .. r.out)
  return r.out, r.code
end

local function send(s) return { "send", s } end
-- expecting a prompt also waits for raw mode, which libedit sets after printing it
local function expect(s) return { "expect", s .. (s:match("> $") and "\nraw" or "") } end
local prompt = expect("\\n> ")

local function has(transcript, text)
  assert(transcript:find(text, 1, true), "expected " .. string.format("%q", text) .. " in:\n" .. transcript)
end

describe("lector repl on a terminal", function()
  it("shows a one-line banner and prints the values of expressions", function()
    local t, code = session {
      prompt, send "x = 41\\r", prompt, send "x + 1\\r", expect "42", prompt,
      send "{1, 2, a = {b = 'c'}, [10] = true}\\r", expect "}", prompt,
      send "corpus:doc(5)\\r", expect "tokens)", prompt,
      send "corpus:hits('Putin')\\r", expect "5 hits", prompt,
      send "=1.5, nil, 'a\\\\tb'\\r", expect "\\n> ",
      send "\\x04",
    }
    assert.are.equal(0, code)
    has(t, "lector 0.1.0 (Lua 5.4")
    has(t, ") · corpus corpus: 5 documents, 4377 tokens · help() for the API, .help for commands\n> ")
    has(t, "> x = 41\n> x + 1\n42\n> ")
    has(t, '\n{1, 2, [10] = true, a = {b = "c"}}\n')
    has(t, '\ndocument 5 004_3bf8bdfe55aae150.txt 1990-11-19 "Record of a Conversation between M. S. Gorbachev '
      .. 'and President of the US George Bush in Paris" (2155 tokens)\n')
    has(t, "\n5 hits\n  ")
    has(t, "[Putin]")
    has(t, '\n1.5\tnil\t"a\\tb"\n')
  end)

  it("continues an unfinished chunk on the next line, as lua.c does", function()
    local t = session {
      prompt, send "for i = 1, 3 do\\r", expect "\\n>> ", send "print(i * 10)\\r", expect "\\n>> ",
      send "end\\r", expect "30", prompt,
      send "f = function(a,\\r", expect "\\n>> ", send "b) return a + b end\\r", prompt,
      send "f(2,\\r", expect "\\n>> ", send "3)\\r", expect "5", prompt, send "\\x04",
    }
    has(t, "> for i = 1, 3 do\n>> print(i * 10)\n>> end\n10\n20\n30\n> ")
    has(t, ">> 3)\n5\n> ")
  end)

  it("completes globals, methods and fields with Tab", function()
    local t = session {
      prompt, send "corpus:co\\t", expect "unt", send "('Iraq')\\r", expect "42", prompt,
      send "corpus:doc(1).ti\\t", expect "tle", send "\\r", expect "Officials", prompt,
      send "corpus:hits('Putin')[1].doc:wo\\t", expect "rds", send "(1, 2)\\r", expect "}", prompt,
      send "coll\\t", expect "ectgarbage", send "('count') > 0\\r", expect "true", prompt,
      send "string.up\\t", expect "per", send "('x')\\r", expect '"X"', prompt,
      send "corpus:doc(1).t\\t", expect "tokens", expect "\\n> corpus:doc(1).t", send "\\x03", prompt,
      send ".ti\\t", expect "me", send " 1 + 1\\r", expect "time:", prompt,
      send "#lector.open('corp\\t", expect "us/", send "')\\r", expect "5", prompt,
      send "\\x04",
    }
    has(t, '> corpus:count(\'Iraq\')\n42\n')
    has(t, '> corpus:doc(1).title\n"President Bush Discusses Iraq with Russian Officials"\n')
    has(t, "> corpus:hits('Putin')[1].doc:words(1, 2)\n{\"Accessibility\", \"links\"}\n")
    has(t, "> collectgarbage('count') > 0\ntrue\n")
    has(t, "> string.upper('x')\n\"X\"\n")
    -- several candidates are listed under the line, which is shown again
    has(t, "\ntext         text_offset  title        tokens       turns\n> corpus:doc(1).t")
    has(t, "> .time 1 + 1\n2\ntime: ")
    has(t, "> #lector.open('corpus/')\n5\n")
  end)

  it("keeps the history across sessions in $XDG_STATE_HOME/lector/history", function()
    local state = tmp .. "/hist-state"
    session({ prompt, send "6 * 7\\r", expect "42", prompt, send "'second'\\r", prompt, send "\\x04" }, { state = state })
    local file = run.slurp(state .. "/lector/history")
    assert.are.equal("6 * 7\n'second'\n", file)
    -- Ctrl-P twice, as the up arrow: the line before last
    local t = session({ prompt, send "\\x10\\x10", expect "6 * 7", send "\\r", expect "42", prompt,
      send "\\x1b[A", expect "6 * 7", send "\\r", expect "42", prompt, send "\\x04" }, { state = state })
    has(t, "42\n> ")
    -- without XDG_STATE_HOME: ~/.lector_history
    local home = tmp .. "/home"
    os.execute("mkdir -p " .. run.quote(home))
    session({ prompt, send "'in home'\\r", expect '"in home"', prompt, send "\\x04" }, { home = home, no_xdg = true })
    assert.are.equal("'in home'\n", run.slurp(home .. "/.lector_history"))
    -- LECTOR_HISTORY names the file, or turns it off when empty
    session({ prompt, send "'own'\\r", expect '"own"', prompt, send "\\x04" }, { home = home, history = home .. "/own" })
    assert.are.equal("'own'\n", run.slurp(home .. "/own"))
    session({ prompt, send "'none'\\r", expect '"none"', prompt, send "\\x04" }, { home = home, history = "" })
    assert.are.equal("'in home'\n", run.slurp(home .. "/.lector_history"))
  end)

  it("writes a multi-line chunk as one entry, and keeps the file bounded", function()
    local state = tmp .. "/bounded"
    os.execute("mkdir -p " .. run.quote(state .. "/lector"))
    local old = {}
    for i = 1, 2100 do old[i] = "x = " .. i end
    run.write(state .. "/lector/history", table.concat(old, "\n") .. "\n")
    local t = session({ prompt, send "\\x10", expect "x = 2100", send "\\x03", prompt,
      send "for i = 1, 2 do\\r", expect "\\n>> ", send "print(i .. '\\\\\\\\')\\r", expect "\\n>> ", send "end\\r", expect "2\\\\", prompt,
      send "\\x10", expect "end", send "\\r", expect "2\\\\", prompt, send "\\x04" }, { state = state })
    has(t, "1\\\n2\\\n")
    local lines = {}
    for line in run.slurp(state .. "/lector/history"):gmatch("[^\n]+") do lines[#lines + 1] = line end
    assert.are.equal(1001, #lines)
    assert.are.equal("x = 1101", lines[1])
    assert.are.equal("x = 2100", lines[1000])
    assert.are.equal("for i = 1, 2 do\\nprint(i .. '\\\\\\\\')\\nend", lines[1001])
  end)

  it("interrupts a running loop with Ctrl-C, keeps the variables, and clears the line at the prompt", function()
    local t, code = session {
      prompt, send "x = 41\\r", prompt,
      send "print('loop' .. 'ing') while true do end\\r", expect "looping", send "\\x03", expect "interrupted!", prompt,
      send "print(x)\\r", expect "41", prompt,
      send "abc", expect "abc", send "\\x03", prompt, send "x + 1\\r", expect "42", prompt,
      send "for i = 1, 2 do\\r", expect "\\n>> ", send "\\x03", prompt, send "x\\r", expect "41", prompt,
      send "\\x04",
    }
    assert.are.equal(0, code)
    -- "interrupted!" comes with the place of the chunk when Ctrl-C fell inside print
    assert.truthy(t:find("\nlooping\n%^C\n[^\n]-interrupted!\nstack traceback:\n"), t)
    has(t, "> print(x)\n41\n")
    has(t, "> abc^C\n> x + 1\n42\n")
    has(t, ">> ^C\n> x\n41\n")
  end)

  it("takes the terminal back after a stop and `fg` (SIGCONT), with the line being typed", function()
    local t, code = session {
      prompt, send "x = 4", expect "x = 4", { "cooked" }, { "signal", "CONT" }, { "raw" },
      send "2\\r", prompt, send "x\\r", expect "42", prompt, send "\\x04",
    }
    assert.are.equal(0, code)
    has(t, "> x\n42\n")
  end)

  it("prints help from the API documentation", function()
    local t = session {
      prompt, send "help(corpus.count)\\r", expect "Example:", prompt,
      send "help 'kwic'\\r", expect "shows one.", prompt,
      send "help()\\r", expect "help(fn) or help", prompt,
      send "help(corpus)\\r", expect "C:hitset", prompt,
      send "\\x04",
    }
    has(t, "> help(corpus.count)\nC:count(text [, opts]) -> integer\n  How often a word or phrase occurs.")
    has(t, '  print(corpus:count("Iraq"))                                 --> 42\n')
    has(t, "> help 'kwic'\nhelp: 2 functions are called kwic:\n"
      .. "  Hit:kwic   The hit in context: width tokens (8) before and after, inside its document.\n"
      .. "  Hits:kwic  Concordance lines \"left [match] right\" with the matches aligned.\n"
      .. "help \"Hit:kwic\" shows one.\n> ")
    has(t, "\nCorpus:\n  C:count(text [, opts])")
    has(t, "\n  lector.open(path [, opts])                   Opens the corpus at path (a folder, or one .txt/.md/.jsonl file) and indexes it.\n")
  end)

  it("finds functions by what people call them, and lists them with .apropos", function()
    local t = session {
      prompt, send "help \"collocates\"\\r", expect "Example:", prompt,
      send "help \"keyness\"\\r", expect "Example:", prompt,
      send "help \"C:near\"\\r", expect "Example:", prompt,
      send "help(corpus.near)\\r", expect "Example:", prompt,
      send "C = corpus\\r", prompt, send "help(C.near)\\r", expect "Example:", prompt,
      send "help \"collocats\"\\r", expect "them all.", prompt,
      send ".apropos log-likelihood\\r", expect "log-likelihood.", prompt,
      send "\\x04",
    }
    local near = "C:near(node [, opts]) -> rows, nodes\n  The collocates of a node (a word, a phrase, or a Hits): the words"
    has(t, '> help "collocates"\ncollocates: see Corpus:near\n\n' .. near)
    has(t, '> help "keyness"\nkeyness: see Corpus:keywords\n\nC:keywords(docs [, reference [, opts]]) -> rows\n'
      .. "  The words more frequent in the documents docs (a Document, a name, or a list) than in the reference")
    has(t, '> help "C:near"\n' .. near)
    has(t, "> help(corpus.near)\n" .. near)
    has(t, "> help(C.near)\n" .. near)
    has(t, '> help "collocats"\nhelp: nothing is called collocats, and no function mentions it (did you mean '
      .. "collocates (Corpus:near)?); help() lists them all.\n> ")
    has(t, "> .apropos log-likelihood\n"
      .. "  Corpus:near      The collocates of a node: the words that occur near it, ranked by an association measure,"
      .. " and the number of node hits.\n"
      .. "  Corpus:keywords  The words more frequent in the documents docs than in the reference documents, ranked by"
      .. " log-likelihood.\n> ")
  end)

  it("prints a failure's message as text and scores rounded for reading", function()
    local t = session {
      prompt, send "corpus:query('[word=\"Iraq]')\\r", expect "^", prompt,
      send "corpus:near('resolution', {limit = 2})\\r", expect "15", prompt,
      send "\\x04",
    }
    has(t, "> corpus:query('[word=\"Iraq]')\nnil, unterminated string at column 7\n  [word=\"Iraq]\n        ^\n> ")
    has(t, "> corpus:near('resolution', {limit = 2})\n{\n"
      .. '  {cooc = 3, form = "un", freq = 8, ll = 10.79, logdice = 12.06, mi = 3.636, t = 1.593},\n'
      .. '  {cooc = 2, form = "adopted", freq = 2, ll = 14.03, logdice = 11.91, mi = 5.051, t = 1.372}\n'
      .. "}\n15\n> ")
  end)

  it("runs the dot commands", function()
    run.write(tmp .. "/setup.lua", "greeting = 'hello from setup'\n")
    os.execute("mkdir -p " .. run.quote(tmp .. "/small") .. " && printf 'Putin met Putin.\\n' > " .. run.quote(tmp .. "/small/a.txt"))
    local t, code = session {
      prompt, send(".load " .. tmp .. "/setup.lua\\r"), prompt, send "greeting\\r", expect "hello", prompt,
      send ".time corpus:count('Putin')\\r", expect "time:", prompt,
      send(".corpus " .. tmp .. "/small\\r"), expect "1 documents", prompt,
      send "corpus:count('Putin')\\r", expect "2", prompt,
      send "y = 3\\r", prompt, send "y * 2\\r", expect "6", prompt, send "nosuch()\\r", expect "nil value", prompt,
      send(".save " .. tmp .. "/session.lua\\r"), expect "saved", prompt,
      send ".nope\\r", expect "unknown command", prompt,
      send ".help\\r", expect ".quit", prompt,
      send ".quit\\r",
    }
    assert.are.equal(0, code)
    has(t, '> greeting\n"hello from setup"\n')
    has(t, "> .time corpus:count('Putin')\n5\ntime: ")
    has(t, "corpus " .. tmp .. "/small: 1 documents, 4 tokens\n")
    has(t, "> corpus:count('Putin')\n2\n")
    has(t, "saved 6 chunks to " .. tmp .. "/session.lua")
    has(t, "> .nope\nunknown command .nope (.help lists them)\n> ")
    has(t, "  .corpus DIR     open another corpus")
    local saved = run.slurp(tmp .. "/session.lua")
    assert.truthy(saved:find('\ndofile("' .. tmp .. '/setup.lua")\nshow(greeting)\ncorpus = lector.open("'
      .. tmp .. '/small")\nshow(corpus:count(\'Putin\'))\ny = 3\nshow(y * 2)\n', 1, true), saved)
    -- the saved script runs and prints what the session printed
    local r = run.lector({ "run", tmp .. "/session.lua" })
    assert.are.equal('"hello from setup"\n2\n6\n', r.out)
    assert.are.equal(0, r.code)
  end)

  it("says when the corpus cannot be opened, and goes on", function()
    local t = session({ prompt, send "1 + 1\\r", expect "2", prompt, send "\\x04" }, { args = { "--corpus", tmp .. "/none" } })
    has(t, "no corpus: cannot open corpus " .. tmp .. "/none: No such file or directory (.corpus DIR opens one) · help()")
  end)
end)

describe("lector repl with standard input not a terminal", function()
  it("prints results without prompts or banner, and exits 0", function()
    local r = run.lector({ "repl" }, { stdin = "x = 41\nx + 1\nfor i = 1, 2 do\n  print(i)\nend\ncorpus:count('Iraq')\n"
      .. "{n = 1, 'a'}\n.time 2 ^ 10\n" })
    assert.are.equal(0, r.code)
    assert.are.equal("", r.err)
    local out = r.out:gsub("time: [^\n]*\n", "time: T\n")
    assert.are.equal('42\n1\n2\n42\n{"a", n = 1}\n1024.0\ntime: T\n', out)
  end)

  it("exits with status 1 when a line failed, after running the others", function()
    local r = run.lector({ "repl" }, { stdin = "print('before')\nerror('boom')\nprint('after')\nx = = 1\n" })
    assert.are.equal(1, r.code)
    assert.are.equal("before\nafter\n", r.out)
    assert.truthy(r.err:find("^stdin:1: boom\nstack traceback:\n"), r.err)
    assert.truthy(r.err:find("stdin:1: unexpected symbol near '='", 1, true), r.err)
  end)

  it("reports what a dot command could not do, and goes on", function()
    local r = run.lector({ "repl" }, { stdin = ".corpus /nonexistent\n.load /nonexistent.lua\n.save /nonexistent/x.lua\n"
      .. ".time\n.time error('late')\n.corpus\n.nope\nprint('still here')\n" })
    assert.are.equal(1, r.code)
    assert.are.equal("corpus corpus: 5 documents, 4377 tokens\nstill here\n", r.out)
    assert.are.equal(".corpus: /nonexistent: cannot open /nonexistent: No such file or directory\n"
      .. ".load: cannot open /nonexistent.lua: No such file or directory\n"
      .. ".save: /nonexistent/x.lua: No such file or directory\n"
      .. ".time: what? (.time EXPR)\n"
      .. "stdin:1: late\nstack traceback:\n\t[C]: in function 'error'\n\tstdin:1: in local 'f'\n"
      .. "unknown command .nope (.help lists them)\n", r.err)
  end)

  it("reports a chunk left unfinished at the end of input", function()
    local r = run.lector({ "repl" }, { stdin = "for i = 1, 2 do\n" })
    assert.are.equal(1, r.code)
    assert.are.equal("stdin:1: 'end' expected near <eof>\n", r.err)
  end)

  it("rejects unknown arguments", function()
    local r = run.lector({ "repl", "--bogus" })
    assert.are.equal(2, r.code)
    assert.truthy(r.err:find("repl: unknown argument '--bogus'", 1, true), r.err)
  end)
end)
