-- README.md runs as written: each ```console block marked `checked` is a transcript on the seed
-- corpus, run in a fresh folder that has corpus/ and scripts/ (the blocks in order, so a pack
-- installed by one is there for the next): a `$` line is a shell command with ./lector standing
-- for the binary under test, `>` lines are typed into `./lector repl`, and what follows each is
-- what it prints, stdout then stderr ("…" matches any text). A block marked `pending` waits for
-- a function that is not in yet, and is listed as pending.
local run = require "spec.support.run"
local docblocks = require "spec.support.docblocks"

local readme = docblocks.blocks(run.slurp(run.root .. "/README.md"))

local function bin()
  return run.bin:match("^/") and run.bin or (run.root .. "/" .. run.bin:gsub("^%./", ""))
end

describe("README.md", function()
  local dir
  setup(function()
    dir = run.tmpdir()
    for _, d in ipairs { "corpus", "scripts" } do
      os.execute("ln -s " .. run.quote(run.root .. "/" .. d) .. " " .. run.quote(dir .. "/" .. d))
    end
  end)
  teardown(function() run.rmdir(dir) end)

  it("has a checked example for each capability of the tour", function()
    local checked = 0
    for _, b in ipairs(readme) do
      if b.words.checked then checked = checked + 1 end
    end
    assert.are.equal(9, checked)
  end)

  for _, b in ipairs(readme) do
    local title = "line " .. b.line .. ": " .. b.body:match("^[^\n]*")
    if b.words.pending then
      pending("README.md " .. title)
    elseif b.words.checked then
      it("prints what it shows at " .. title, function()
        for _, step in ipairs(docblocks.steps(b.body)) do
          local r
          if step.kind == "sh" then
            -- in parentheses: run.sh's redirections then apply to the whole of a pipeline
            r = run.sh("(" .. step.input:gsub("%./lector", (run.quote(bin()):gsub("%%", "%%%%"))) .. ")", { cwd = dir })
          else
            r = run.sh(run.quote(bin()) .. " repl", { cwd = dir, stdin = step.input })
          end
          local got = r.out .. r.err
          assert(got:find(docblocks.pattern(step.output)), step.input .. "\nprinted:\n" .. got
            .. "\nREADME.md shows:\n" .. step.output)
          assert.are.equal(0, r.code, step.input)
        end
      end)
    end
  end
end)
