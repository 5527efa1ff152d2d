-- The sandbox (lector --sandbox SCRIPT, and every pack script): one test per escape attempt, each
-- stopped with a clear message while the host goes on (the exit status is 1, nothing after the attack
-- runs, and the host reports). Budgets are small so that the specs stay fast.
local run = require "spec.support.run"

local LIMITS = { "--sandbox", "--max-memory", "16", "--max-instructions", "2000000", "--max-time", "20" }

describe("lector --sandbox", function()
  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  -- runs code as a sandboxed script in dir; the result of run.lector
  local function sandboxed(code, extra)
    run.write(dir .. "/s.lua", code)
    local args = {}
    for _, a in ipairs(LIMITS) do args[#args + 1] = a end
    for _, a in ipairs(extra or {}) do args[#args + 1] = a end
    args[#args + 1] = "--corpus"
    args[#args + 1] = run.root .. "/corpus"
    args[#args + 1] = "s.lua"
    return run.lector(args, { cwd = dir })
  end

  local function stopped(code, message)
    local r = sandboxed(code .. "\nprint('after')\n")
    assert.are.equal(1, r.code, r.out .. r.err)
    assert.are.equal("", r.out)
    assert.are.equal("lector: " .. message, (r.err:match("^[^\n]*")))
    return r
  end

  it("runs an ordinary script with the corpus, LPeg, re and the output folder", function()
    local r = sandboxed([[
local lpeg, re = require "lpeg", require "re"
local f = assert(io.open("out/n.txt", "w")) f:write(corpus:count("Iraq")) f:close()
print(#corpus, re.match("abc", "{%a+}"), lpeg.match(lpeg.R("09")^1, "42x"), io.open("out/n.txt"):read("a"))]])
    assert.are.equal("5\tabc\t3\t42\n", r.out, r.err)
    assert.are.equal(0, r.code)
  end)

  it("has no os.execute, io.popen, package.loadlib, debug or os.exit", function()
    stopped("os.execute('touch pwned')", "s.lua:1: attempt to call a nil value (field 'execute')")
    stopped("io.popen('ls')", "s.lua:1: attempt to call a nil value (field 'popen')")
    stopped("package.loadlib('x', 'y')", "s.lua:1: attempt to index a nil value (global 'package')")
    stopped("debug.getregistry()", "s.lua:1: attempt to index a nil value (global 'debug')")
    stopped("os.exit(0)", "s.lua:1: attempt to call a nil value (field 'exit')")
    assert.is_nil(io.open(dir .. "/pwned"))
  end)

  it("opens files only under the allowed folders", function()
    stopped("io.open('/etc/passwd')", "sandbox: io.open: /etc/passwd is outside the folders this script may read (., " .. run.root .. "/corpus, out)")
    stopped("io.open('../escape.txt', 'w')", "sandbox: io.open: ../escape.txt is outside the folders this script may write (out)")
    stopped("io.open('out/../../x', 'w')", "sandbox: io.open: out/../../x is outside the folders this script may write (out)")
    stopped("io.lines('/etc/hostname')", "sandbox: io.lines: /etc/hostname is outside the folders this script may read (., " .. run.root .. "/corpus, out)")
    stopped("dofile('/etc/passwd')", "sandbox: dofile: /etc/passwd is outside the folders this script may read (., " .. run.root .. "/corpus, out)")
  end)

  it("has no string.dump, not even as a method of strings", function()
    stopped("local d = ('').dump(print)", "s.lua:1: attempt to call a nil value (field 'dump')")
    stopped("string.dump(print)", "s.lua:1: attempt to call a nil value (field 'dump')")
  end)

  it("loads text chunks only", function()
    run.write(dir .. "/bin.luac", string.dump(function() return 1 end))
    stopped("local b = io.open('bin.luac', 'rb'):read('a') assert(load(b))",
      "s.lua:1: attempt to load a binary chunk (mode is 't')")
    stopped("load('return 1', 'x', 'b')", "sandbox: load: only text chunks may be loaded (mode \"t\")")
    stopped("assert(loadfile('bin.luac'))", "s.lua:1: attempt to load a binary chunk (mode is 't')")
  end)

  it("stops string.rep of 10 GB before it starts", function()
    stopped("local s = string.rep('x', 10 * 2^30)", "sandbox: memory limit of 16 MB reached (raise it with --max-memory)")
    stopped("local ok = pcall(string.rep, 'ab', 5 * 2^30) print(ok)", "sandbox: memory limit of 16 MB reached (raise it with --max-memory)")
    stopped("local s = ('x'):rep(10 * 2^30)", "sandbox: memory limit of 16 MB reached (raise it with --max-memory)")
  end)

  it("stops an endless loop inside pcall, and an error handler cannot catch it either", function()
    stopped("print(pcall(function() while true do end end))",
      "sandbox: instruction limit of 2000000 reached (raise it with --max-instructions)")
    stopped("for i = 1, 10 do pcall(function() while true do end end) end",
      "sandbox: instruction limit of 2000000 reached (raise it with --max-instructions)")
    stopped("local co = coroutine.wrap(function() while true do pcall(function() while true do end end) end end) co()",
      "sandbox: instruction limit of 2000000 reached (raise it with --max-instructions)")
    stopped("xpcall(function() while true do end end, function() while true do end end)",
      "sandbox: instruction limit of 2000000 reached (raise it with --max-instructions)")
  end)

  it("stops a table that grows without bound, even inside pcall", function()
    stopped("local t = {} while true do t[#t + 1] = {} end", "sandbox: memory limit of 16 MB reached (raise it with --max-memory)")
    stopped("local t = {} print(pcall(function() while true do t[#t + 1] = ('x'):rep(1000) .. #t end end)) t = nil",
      "sandbox: memory limit of 16 MB reached (raise it with --max-memory)")
  end)

  it("requires only its own modules and lpeg, re, lector", function()
    run.write(dir .. "/mine.lua", "return { answer = 42 }\n")
    local r = sandboxed("print(require('mine').answer)")
    assert.are.equal("42\n", r.out)
    stopped("require 'lfs'", "sandbox: require: module 'lfs' is not allowed or not found (a pack may require its own "
      .. "modules in ., and lpeg, re, lector)")
    stopped("require 'io'", "sandbox: require: module 'io' is not allowed or not found (a pack may require its own "
      .. "modules in ., and lpeg, re, lector)")
  end)

  it("opens corpora only where it may read", function()
    stopped("lector.open('/etc')", "sandbox: lector.open: /etc is outside the folders this script may read (., " .. run.root .. "/corpus, out)")
    stopped("require('lector').open('/usr')", "sandbox: lector.open: /usr is outside the folders this script may read (., " .. run.root .. "/corpus, out)")
    local r = sandboxed("print(#lector.open(corpus.root))")
    assert.are.equal("5\n", r.out, r.err)
  end)

  it("locks the metatables of lector's objects, and lets a script use its own", function()
    stopped("getmetatable(corpus).__index = nil", "sandbox: getmetatable: the metatables of lector's objects are locked")
    stopped("local h = corpus:hits('Iraq'):each()() getmetatable(h).__gc = print", "sandbox: getmetatable: the metatables of lector's objects are locked")
    local r = sandboxed("local mt = {} print(getmetatable(setmetatable({}, mt)) == mt, getmetatable({}))")
    assert.are.equal("true\tnil\n", r.out, r.err)
  end)

  it("locks the string metatable", function()
    stopped("getmetatable('').__index = { upper = function() return 'pwned' end }", "sandbox: the string metatable is locked")
    stopped("local mt = getmetatable('x')", "sandbox: the string metatable is locked")
    local r = sandboxed("string.upper = function() return 'pwned' end print(('a'):upper())")
    assert.are.equal("A\n", r.out)
  end)

  it("allows no collectgarbage tricks nor finalizers", function()
    stopped("collectgarbage('stop')", 'sandbox: collectgarbage("stop") is not allowed in the sandbox')
    stopped("collectgarbage('generational')", 'sandbox: collectgarbage("generational") is not allowed in the sandbox')
    stopped("collectgarbage('setpause', 1000)", 'sandbox: collectgarbage("setpause") is not allowed in the sandbox')
    stopped("setmetatable({}, { __gc = function() while true do end end })",
      "sandbox: setmetatable: __gc metamethods are not allowed in the sandbox")
    local r = sandboxed("collectgarbage() print(collectgarbage('count') > 0)")
    assert.are.equal("true\n", r.out)
  end)

  it("stops at the time limit too", function()
    run.write(dir .. "/s.lua", "while true do end")
    local r = run.lector({ "--sandbox", "--max-time", "0.05", "s.lua" }, { cwd = dir })
    assert.are.equal(1, r.code)
    assert.are.equal("lector: sandbox: time limit of 0.05 s reached (raise it with --max-time)", (r.err:match("^[^\n]*")))
  end)
end)
