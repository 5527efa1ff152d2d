-- doc/lexicons.md runs as written: each block with file=NAME is written into a fresh folder (with
-- scripts/ linked in), each ```sh block is run there with `lector` standing for the binary, and what
-- it prints (stdout, then stderr) must be exactly the ```output block that follows it.
local run = require "spec.support.run"
local docblocks = require "spec.support.docblocks"

-- the page's blocks in order: { kind = "file", name =, body = } | { kind = "sh", body =, output = }
local function blocks(md)
  local out = {}
  for _, b in ipairs(docblocks.blocks(md)) do
    if b.attrs.file then
      out[#out + 1] = { kind = "file", name = b.attrs.file, body = b.body }
    elseif b.info == "sh" then
      out[#out + 1] = { kind = "sh", body = b.body }
    elseif b.info == "output" and out[#out] and out[#out].kind == "sh" then
      out[#out].output = b.body
    end
  end
  return out
end

describe("doc/lexicons.md", function()
  local list = blocks(run.slurp("doc/lexicons.md"))
  local dir
  setup(function()
    dir = run.tmpdir()
    os.execute("ln -s " .. run.quote(run.root .. "/scripts") .. " " .. run.quote(dir .. "/scripts"))
  end)
  teardown(function() run.rmdir(dir) end)

  it("has the examples: a file for each format and kind, a command and its output for each", function()
    local files, commands = 0, 0
    for _, b in ipairs(list) do
      if b.kind == "file" then files = files + 1 else commands = commands + 1; assert.truthy(b.output) end
    end
    assert.are.same({ 7, 5 }, { files, commands })
  end)

  for i, b in ipairs(list) do
    if b.kind == "sh" then
      it("example " .. i .. " prints what the page shows: " .. b.body:match("^[^\n]*"):sub(1, 60), function()
        for k = 1, i do
          local f = list[k]
          if f.kind == "file" then
            os.execute("mkdir -p " .. run.quote((dir .. "/" .. f.name):match("^(.*)/")))
            run.write(dir .. "/" .. f.name, f.body)
          end
        end
        local bin = run.bin:match("^/") and run.bin or (run.root .. "/" .. run.bin:gsub("^%./", ""))
        local r = run.sh((b.body:gsub("%s+$", ""):gsub("^lector ", run.quote(bin) .. " ")), { cwd = dir })
        assert.are.equal(b.output, r.out .. r.err)
      end)
    end
  end
end)
