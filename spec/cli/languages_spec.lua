-- Words in other languages from the shell: a French and a Chinese document indexed on disk with
-- lector index, then counted through the stored index: l'ONU, ONU and 决议 are found as the
-- tokenizer cut them, and each document keeps the language it was detected in.
local run = require "spec.support.run"

describe("lector index on French and Chinese text", function()
  local dir, c
  setup(function()
    dir = run.tmpdir()
    c = dir .. "/c"
    os.execute("mkdir -p " .. c)
    local f = assert(io.open(c .. "/fr.txt", "w"))
    f:write("L’ONU a adopté la résolution d'urgence, et le Conseil de sécurité est pour la paix.\n")
    f:close()
    f = assert(io.open(c .. "/zh.txt", "w"))
    f:write("联合国安理会通过了第1441号决议。安理会要求伊拉克立即执行决议。\n")
    f:close()
  end)
  teardown(function() run.rmdir(dir) end)

  it("stores the elided words and the Chinese words, and finds them", function()
    local r = run.lector({ "index", c })
    assert.are.equal(0, r.code)
    assert.are.equal("", r.err)
    r = run.lector({ "--corpus", c, "-e", [[
io.write(corpus:count("ONU"), " ", corpus:count("l'ONU"), " ", corpus:count("d'urgence"), " ",
  corpus:count("决议"), " ", corpus:count("安理会"), " ", corpus:info().from_store and "stored" or "built")
for d in corpus:docs() do io.write(" ", d.name, "=", d.meta.lang) end]] })
    assert.are.equal("", r.err)
    assert.are.equal("1 1 1 2 2 stored fr.txt=fr zh.txt=zh", r.out)
  end)
end)
