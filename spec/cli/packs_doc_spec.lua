-- doc/packs.md: the example pack of the page is written out from its ```lua file=PATH blocks,
-- and each command of its ```console block runs in that folder with the output the page shows
-- ("…" matches any text).
local run = require "spec.support.run"
local pattern = require("spec.support.docblocks").pattern

describe("doc/packs.md", function()
  local dir
  setup(function() dir = run.tmpdir() end)
  teardown(function() run.rmdir(dir) end)

  it("has an example pack that installs, runs, tests and verifies as shown", function()
    local doc = run.slurp(run.root .. "/doc/packs.md")
    local files = 0
    for path, body in doc:gmatch("```lua file=(%S+)\n(.-)```") do
      run.sh("mkdir -p " .. run.quote(dir .. "/" .. path:match("^(.*)/")))
      run.write(dir .. "/" .. path, body)
      files = files + 1
    end
    assert.are.equal(4, files)
    local console = doc:match("```console\n(.-)```")
    local commands = 0
    for cmd, expected in (console .. "$ "):gmatch("%$ lector ([^\n]*)\n(.-)%f[$]") do
      local args = { "--corpus", run.root .. "/corpus" }
      for a in cmd:gmatch("%S+") do args[#args + 1] = a end
      local r = run.lector(args, { cwd = dir })
      assert.are.equal(0, r.code, cmd .. ": " .. r.err)
      assert.truthy(r.out:find(pattern(expected)), cmd .. " printed:\n" .. r.out)
      commands = commands + 1
    end
    assert.are.equal(5, commands)
  end)
end)
