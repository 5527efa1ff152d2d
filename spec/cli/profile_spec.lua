-- lector run --profile SCRIPT: the script runs as ever (its output first, its exit status), then
-- stderr says where the time went; a script with a known slow loop has that loop's line on top.
local run = require "spec.support.run"

-- a slow loop at line 4, C calls (string.rep, Corpus:count) at lines 10 and 14
local SCRIPT = [[
local function slow(n)
  local s = 0
  for i = 1, n do
    s = s + i % 7
  end
  return s
end
local function texts()
  local t = {}
  for i = 1, 2000 do t[#t + 1] = string.rep("ab", 100) end
  return #t
end
print(slow(3000000), texts())
print(corpus:count("Iraq"))
]]

-- the rows of one table of the report: { seconds, percent, count, where, name }
local function table_rows(err, title)
  local rows, inside = {}, false
  for line in err:gmatch("[^\n]+") do
    if line:match("^by ") then inside = line:sub(1, #title) == title
    elseif inside then
      local sec, pct, n, rest = line:match("^%s+([%d.]+)%s+([%d.]+)%%%s+(%d+)%s+(.+)$")
      if sec then
        local where, name = rest:match("^(.-) %((.+)%)$")
        rows[#rows + 1] = { tonumber(sec), tonumber(pct), tonumber(n), where or rest, name }
      end
    end
  end
  return rows
end

describe("lector run --profile", function()
  local dir
  setup(function()
    dir = run.tmpdir()
    run.write(dir .. "/slow.lua", SCRIPT)
  end)
  teardown(function() run.rmdir(dir) end)

  it("prints the script's output, then the profile with the slow loop's line on top", function()
    local r = run.lector({ "run", "--profile", "slow.lua", "--corpus", run.root .. "/corpus" }, { cwd = dir })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("8999997\t2000\n42\n", r.out)
    assert.truthy(r.err:match("^\nprofile: [%d.]+ s, %d+ samples %(one every 1000 Lua instructions%)\n"), r.err)
    local lines = table_rows(r.err, "by line")
    assert.are.same({ "slow.lua:4", "slow" }, { lines[1][4], lines[1][5] })
    assert.truthy(lines[1][3] >= 5000, r.err)           -- 3e6 turns of 3 instructions or so
    local fns = table_rows(r.err, "by Lua function")
    assert.are.same({ "slow.lua:1", "slow" }, { fns[1][4], fns[1][5] })
    local cs, calls = table_rows(r.err, "by C function"), {}
    for _, row in ipairs(cs) do calls[row[4]] = row[3] end
    assert.are.equal(2000, calls["string.rep"])
    assert.are.equal(1, calls["Corpus:count"])
    assert.are.equal(2, calls["print"])
  end)

  it("is also an option before the script, and reports a script that failed", function()
    run.write(dir .. "/bad.lua", "print('before')\nlocal x = nil\nprint(x.y)\n")
    local r = run.lector({ "--profile", "bad.lua" }, { cwd = dir })
    assert.are.equal(1, r.code)
    assert.are.equal("before\n", r.out)
    assert.truthy(r.err:match("bad.lua:3: attempt to index a nil value"), r.err)
    assert.truthy(r.err:match("\nprofile: "), r.err)
  end)

  it("is in the usage, and refuses the sandbox, whose budget needs the same hook", function()
    local r = run.lector({ "--help" })
    assert.truthy(r.out:match("\n  %-%-profile  "), r.out)
    r = run.lector({ "--sandbox", "run", "--profile", "slow.lua" }, { cwd = dir })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: --profile cannot watch a sandboxed script (the sandbox's budget needs the hook)\n", r.err)
    r = run.lector({ "run", "--profile" }, { cwd = dir })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: run: no script given\n", r.err)
  end)
end)
