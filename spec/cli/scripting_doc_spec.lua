-- doc/scripting.md runs as written: each ```lua block is saved as a script and run with
-- `lector run` on corpus/, and must print exactly the ```output block that follows it.
local run = require "spec.support.run"
local docblocks = require "spec.support.docblocks"

local function steps(md)
  local out = {}
  local pending
  for _, b in ipairs(docblocks.blocks(md)) do
    if b.lang == "lua" then pending = b.body
    elseif b.lang == "output" and pending then
      out[#out + 1] = { code = pending, output = b.body }
      pending = nil
    end
  end
  return out
end

describe("doc/scripting.md", function()
  local list = steps(run.slurp("doc/scripting.md"))

  it("has a script and its output for each step", function()
    assert.are.equal(7, #list)
  end)

  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  for i, s in ipairs(list) do
    it("step " .. i .. " prints what the tutorial shows", function()
      local path = dir .. "/step" .. i .. ".lua"
      run.write(path, s.code)
      local r = run.lector({ "run", path, "--corpus", "corpus" })
      assert.are.equal("", r.err)
      assert.are.equal(0, r.code)
      assert.are.equal(s.output, r.out)
    end)
  end
end)
