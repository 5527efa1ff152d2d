-- doc/commands.md runs as written: in each ```shell block, a line "$ lector ARGS" is run (ARGS split
-- as the shell would: words, and '...' or "..." quoted), and must print on stdout and stderr
-- together exactly the lines up to "[exit N]" (CSV's CR LF shown as a line end), and exit with N.
local run = require "spec.support.run"

-- the words of a command line: plain words, '...' and "..." (no escapes inside)
local function words(line)
  local out, i = {}, 1
  while i <= #line do
    local c = line:sub(i, i)
    if c == " " then i = i + 1
    else
      local w = ""
      while i <= #line and line:sub(i, i) ~= " " do
        c = line:sub(i, i)
        if c == "'" or c == '"' then
          local j = line:find(c, i + 1, true)
          w = w .. line:sub(i + 1, j - 1)
          i = j + 1
        else
          w = w .. c
          i = i + 1
        end
      end
      out[#out + 1] = w
    end
  end
  return out
end

local function examples(md)
  local list = {}
  for body in md:gmatch("```shell\n(.-)```") do
    local cur
    for line in body:gmatch("[^\n]*\n") do
      local cmd = line:match("^%$ lector (.-)\n$")
      local code = line:match("^%[exit (%d+)%]\n$")
      if cmd then cur = { cmd = cmd, out = "" }
      elseif code then cur.code = tonumber(code); list[#list + 1] = cur; cur = nil
      elseif cur then cur.out = cur.out .. line end
    end
  end
  return list
end

describe("doc/commands.md", function()
  local list = examples(run.slurp("doc/commands.md"))

  it("has its examples", function()
    assert.are.equal(10, #list)
  end)

  for _, e in ipairs(list) do
    it("lector " .. e.cmd, function()
      local argv = words(e.cmd)
      local r = run.lector(argv)
      assert.are.equal(e.code, r.code, r.err)
      assert.are.equal(e.out, (r.out:gsub("\r\n", "\n")) .. r.err)
    end)
  end
end)
