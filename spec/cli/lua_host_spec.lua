-- The host runs ordinary Lua exactly as lua5.4 does: arguments, exit statuses, tracebacks,
-- shebang lines, binary chunks, standard input, and Debian's Lua modules.
local run = require "spec.support.run"

describe("lector as a Lua interpreter", function()
  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  it("runs -e chunks in order", function()
    local r = run.lector({ "-e", "x = 40", "-e", "print(x + 2)" })
    assert.are.equal("42\n", r.out)
    assert.are.equal("", r.err)
    assert.are.equal(0, r.code)
  end)

  it("gives a script its arguments in arg and ...", function()
    local s = dir .. "/args.lua"
    run.write(s, "print(arg[0], arg[1], arg[2], #arg, select('#', ...), ...)\n")
    local r = run.lector({ s, "one", "two" })
    assert.are.equal(s .. "\tone\ttwo\t2\t2\tone\ttwo\n", r.out)
    assert.are.equal(0, r.code)
  end)

  it("puts the interpreter and its options at negative indexes of arg", function()
    local s = dir .. "/neg.lua"
    run.write(s, "print(arg[-1], arg[0])\n")
    local r = run.lector({ "run", s })
    assert.are.equal("run\t" .. s .. "\n", r.out)
  end)

  it("skips a #! first line", function()
    local s = dir .. "/shebang.lua"
    run.write(s, "#!/usr/bin/env lector\nprint('ran')\n")
    assert.are.equal("ran\n", run.lector({ s }).out)
  end)

  it("exits with os.exit's status", function()
    assert.are.equal(3, run.lector({ "-e", "os.exit(3)" }).code)
    assert.are.equal(1, run.lector({ "-e", "os.exit(false)" }).code)
    assert.are.equal(0, run.lector({ "-e", "os.exit(true)" }).code)
  end)

  it("reports an uncaught error on stderr and exits 1, with the traceback only with --debug", function()
    local s = dir .. "/boom.lua"
    run.write(s, "local function f() error('boom') end\nf()\n")
    local r = run.lector({ s })
    assert.are.equal(1, r.code)
    assert.are.equal("", r.out)
    assert.are.equal("lector: " .. s .. ":1: boom\n", r.err)
    r = run.lector({ "run", s })
    assert.are.same({ 1, "lector: " .. s .. ":1: boom\n" }, { r.code, r.err })
    r = run.lector({ "--debug", "run", s })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("^lector: " .. s:gsub("%p", "%%%0") .. ":1: boom\nstack traceback:\n"))
    assert.are.equal(r.err, run.lector({ "run", "--debug", s }).err)
    assert.truthy(r.err:find("in local 'f'", 1, true) or r.err:find("in function 'f'", 1, true) or
                  r.err:find("in upvalue 'f'", 1, true))
  end)

  it("reports an error object that is not a string", function()
    local r = run.lector({ "-e", "error({})" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("lector: (error object is a table value)", 1, true))
  end)

  it("reports a syntax error with the file and line", function()
    local s = dir .. "/syntax.lua"
    run.write(s, "print(1)\nlocal = 2\n")
    local r = run.lector({ s })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find(":2: <name> expected near '='", 1, true))
  end)

  it("says so when the script cannot be opened", function()
    local r = run.lector({ dir .. "/nosuch.lua" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("^lector: cannot open " .. (dir .. "/nosuch.lua"):gsub("%p", "%%%0")))
  end)

  it("loads binary chunks", function()
    local s = dir .. "/bin.luac"
    local r0 = run.lector({ "-e", string.format(
      "local f = assert(io.open(%q, 'wb')); f:write(string.dump(function(...) print('binary', ...) end)); f:close()", s) })
    assert.are.equal(0, r0.code)
    local r = run.lector({ s, "x" })
    assert.are.equal("binary\tx\n", r.out)
  end)

  it("runs standard input with -", function()
    local r = run.lector({ "-", "a" }, { stdin = "print('stdin', ...)" })
    assert.are.equal("stdin\ta\n", r.out)
  end)

  it("runs standard input when it is not a terminal and nothing else is given", function()
    local r = run.lector({}, { stdin = "print(6 * 7)" })
    assert.are.equal("42\n", r.out)
  end)

  it("requires lpeg, re and Debian's C modules such as lfs", function()
    local r = run.lector({ "-e", [[
      local lpeg, re, lfs = require "lpeg", require "re", require "lfs"
      print(lpeg.match(lpeg.C(lpeg.R"az"^1), "abc1"), type(lfs.attributes), re.match("x=1", "{%a} '=' {%d}"))]] })
    assert.are.equal("", r.err)
    assert.are.equal("abc\tfunction\tx\t1\n", r.out)
  end)

  it("loads a library with -l", function()
    local r = run.lector({ "-l", "lpeg", "-e", "print(type(lpeg.P))" })
    assert.are.equal("function\n", r.out)
    r = run.lector({ "-l", "L=lpeg", "-e", "print(type(L.P))" })
    assert.are.equal("function\n", r.out)
  end)

  it("runs LUA_INIT first, unless -E", function()
    local r = run.lector({ "-e", "print(INIT)" }, { env = { LUA_INIT = "INIT = 'yes'" } })
    assert.are.equal("yes\n", r.out)
    r = run.lector({ "-E", "-e", "print(INIT)" }, { env = { LUA_INIT = "INIT = 'yes'" } })
    assert.are.equal("nil\n", r.out)
  end)

  it("prints its version with -v", function()
    local r = run.lector({ "-v" })
    assert.truthy(r.out:find("^lector %d+%.%d+%.%d+ %(Lua 5%.4"))
    assert.are.equal(0, r.code)
  end)

  it("rejects an unknown option with exit status 2 and the usage", function()
    local r = run.lector({ "--bogus" })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: unknown option '--bogus'\nusage: lector [options] [script [args] | command [args]]\n"
      .. "(lector --help lists the commands and options)\n", r.err)
    r = run.lector({ "--debgu", "info" })
    assert.are.same({ 2, "lector: unknown option '--debgu' (did you mean '--debug'?)" }, { r.code, r.err:match("^[^\n]*") })
    r = run.lector({ "-e" })
    assert.are.same({ 2, "lector: option '-e' needs a value" }, { r.code, r.err:match("^[^\n]*") })
    r = run.lector({ "inof" })
    assert.are.same({ 2, "lector: no such command or script: 'inof' (did you mean 'info'?)" }, { r.code, r.err:match("^[^\n]*") })
  end)

  it("turns Lua warnings on with -W", function()
    local r = run.lector({ "-W", "-e", "warn('careful')" })
    assert.are.equal("Lua warning: careful\n", r.err)
    r = run.lector({ "-e", "warn('quiet')" })
    assert.are.equal("", r.err)
  end)

  it("has the lector module preloaded and as a global", function()
    local r = run.lector({ "-e", "print(lector == require 'lector', type(lector.open), lector.version)" })
    assert.truthy(r.out:find("^true\tfunction\t%d+%.%d+%.%d+\n$"))
  end)

  it("does not open the corpus unless a script uses it", function()
    local r = run.lector({ "-e", "print('no corpus needed')" }, { env = { LECTOR_CORPUS = dir .. "/nowhere" } })
    assert.are.equal("no corpus needed\n", r.out)
    assert.are.equal("", r.err)
    assert.are.equal(0, r.code)
  end)

  it("says which corpus it could not open when a script uses it", function()
    local r = run.lector({ "-e", "print(#corpus)" }, { env = { LECTOR_CORPUS = dir .. "/nowhere" } })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("cannot open corpus " .. (dir .. "/nowhere"):gsub("%p", "%%%0")))
  end)
end)
