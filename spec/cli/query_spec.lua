-- lector query: output formats, exit codes, the caret message, and every example of doc/query.md
-- (a block line "$ lector ..." followed by what it prints: stdout, or stderr when it fails).
local run = require "spec.support.run"

local function lector(args) return run.lector(args) end

describe("lector query", function()
  it("counts", function()
    local r = lector({ "query", '[word="Bush"] []{0,6} [word="said|says"] within s', "--count" })
    assert.are.equal("3\n", r.out)
    assert.are.equal(0, r.code)
  end)

  it("dumps match, matchend, target, keyword", function()
    local r = lector({ "query", '"Security" "Council"', "--dump", "--limit", "2" })
    assert.are.equal("337\t338\t-1\t-1\n557\t558\t-1\t-1\n", r.out)
    assert.are.equal("lector: query: query stopped at the hit limit of 2 hits (set a higher limit to see more)\n", r.err)
    assert.are.equal(0, r.code)
  end)

  it("writes csv and json", function()
    local r = lector({ "query", '"weapons" "of" "mass" "destruction"', "--format", "csv", "--context", "1", "--limit", "1" })
    assert.are.equal("doc,start,stop,byte_start,byte_end,left,match,right,target\n" ..
      "000_e46888d005b16152.txt,69,72,434,461,up,weapons of mass destruction,.,\n", r.out)
    r = lector({ "query", '"mass" @"destruction"', "--format", "json", "--context", "0", "--limit", "1" })
    assert.are.equal('[\n {"doc":"000_e46888d005b16152.txt","start":71,"stop":72,"byte_start":445,"byte_end":461,' ..
      '"left":"","match":"mass destruction","right":"","target":72}\n]\n', r.out)
    r = lector({ "query", '"nosuchword"', "--format", "json" })
    assert.are.equal("[]\n", r.out)
  end)

  it("exits 2 on a syntax error, with the caret on stderr", function()
    local r = lector({ "query", '[word="x" &]' })
    assert.are.equal(2, r.code)
    assert.are.equal("", r.out)
    assert.are.equal("lector: query: syntax error: unexpected ']' at column 12\n  [word=\"x\" &]\n             ^\n", r.err)
  end)

  it("exits 2 on a usage error and 1 on other errors", function()
    assert.are.equal(2, lector({ "query" }).code)
    assert.are.equal(2, lector({ "query", '"a"', "--format", "xml" }).code)
    assert.are.equal(2, lector({ "query", '"a"', "--bogus" }).code)
    local r = lector({ "query", '[word="(x"]' })
    assert.are.equal(1, r.code)
    assert.matches("bad regular expression", r.err)
  end)

  it("runs every example of doc/query.md as shown", function()
    local doc = run.slurp("doc/query.md")
    local n = 0
    for block in doc:gmatch("```\n(.-)```") do
      local cmd, expect = nil, {}
      local function check()
        if not cmd then return end
        local r = run.sh((cmd:gsub("^lector", run.quote(run.bin))))
        -- what a command prints: its output, or its message when it fails
        assert.are.equal(table.concat(expect), r.code == 0 and r.out or r.err, cmd)
        n = n + 1
      end
      for line in block:gmatch("([^\n]*)\n") do
        local c = line:match("^%$ (lector .*)$")
        if c then check(); cmd, expect = c, {} elseif cmd then expect[#expect + 1] = line .. "\n" end
      end
      check()
    end
    assert.is_true(n >= 10)
  end)
end)
