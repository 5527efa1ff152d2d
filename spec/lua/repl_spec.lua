-- The Lua half of the REPL on its own: how values are shown (lector.repl.pretty) and what Tab
-- offers (lector.repl.complete), on corpus/.
local pretty = require "lector.repl.pretty"
local complete = require "lector.repl.complete"

local C
setup(function() C = assert(lector.open("corpus")) end)
teardown(function() C:close() end)

local function show(...) return (pretty.text(pretty.limits, select("#", ...), ...)) end

describe("the REPL's printer", function()
  it("shows scalars as Lua writes them, strings quoted", function()
    assert.are.equal('42\t1.5\t1.0\tnil\ttrue\t"a\\n\\"b\\"\\0"', show(42, 1.5, 1.0, nil, true, 'a\n"b"\0'))
    assert.are.equal('"naïve → ok"', show("naïve → ok"))
  end)

  it("rounds floats to four significant digits for reading, integers exact; show() gives them whole", function()
    assert.are.equal("12.06\t0.3333\t1024.0\t123456.8\t1e-07\t-2.5e+20\t3.0\t9007199254740993",
      show(12.058823529412, 1 / 3, 2.0 ^ 10, 123456.789, 1e-7, -2.5e20, 2.99996, 9007199254740993))
    local rows = C:near("resolution", { window = 5, limit = 1 })
    assert.are.equal('{{cooc = 3, form = "un", freq = 8, ll = 10.79, logdice = 12.06, mi = 3.636, t = 1.593}}', show(rows))
    assert.are.equal("0.33333333333333", (pretty.text(pretty.unlimited, 1, 1 / 3)))
    assert.are.equal("{[0.33333333333333] = 1}", show({ [1 / 3] = 1 }))   -- keys stay exact
  end)

  it("sorts keys: the list part first, then numbers, then names", function()
    assert.are.equal('{"a", "b", [5] = 1, ["two words"] = 2, x = 1, y = {z = {}}}',
      show({ "a", "b", [5] = 1, y = { z = {} }, x = 1, ["two words"] = 2 }))
  end)

  it("puts entries on lines of their own when they do not fit, nested and indented", function()
    local t = { name = string.rep("n", 60), inner = { list = { 1, 2 }, text = string.rep("t", 70) } }
    assert.are.equal('{\n  inner = {\n    list = {1, 2},\n    text = "' .. string.rep("t", 70) .. '",\n  },\n  name = "'
      .. string.rep("n", 60) .. '",\n}', show(t))
  end)

  it("marks cycles and cuts at the depth limit, with a note", function()
    local t = { }
    t.self = t
    assert.are.equal("{self = <cycle: " .. tostring(t) .. ">}", show(t))
    assert.are.equal("{a = {b = {c = {d = {...}}}}}\n(cut to the display limits: show(_) prints everything)",
      show({ a = { b = { c = { d = { e = 1 } } } } }))
    -- the same table twice is not a cycle
    local shared = { 1 }
    assert.are.equal("{{1}, {1}}", show({ shared, shared }))
  end)

  it("fills a long list into lines and cuts it at the item limit", function()
    local t = {}
    for i = 1, 150 do t[i] = i end
    local s = show(t)
    local lines = {}
    for l in s:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.are.equal("{", lines[1])
    assert.are.equal("  ... (50 more)", lines[#lines - 2])
    assert.are.equal("}", lines[#lines - 1])
    assert.are.equal("(cut to the display limits: show(_) prints everything)", lines[#lines])
    assert.truthy(lines[2]:find("^  1, 2, 3, "), lines[2])
    for i = 2, #lines - 3 do assert.is_true(#lines[i] <= 100, lines[i]) end
  end)

  it("cuts long output to a screen, saying how many lines are left", function()
    local t = {}
    for i = 1, 60 do t["k" .. string.format("%02d", i)] = string.rep("x", 90) end
    local s = show(t)
    assert.truthy(s:find("\n  k39 = \"x+\",\n%.%.%. 22 more lines %(show%(_%) prints everything%)$"), s)
  end)

  it("shows a document as one line, a hit set as its count and first concordance lines", function()
    assert.are.equal('document 5 004_3bf8bdfe55aae150.txt 1990-11-19 "Record of a Conversation between M. S. '
      .. 'Gorbachev and President of the US George Bush in Paris" (2155 tokens)', show(C:doc(5)))
    local s = show(C:hits("Iraq"))
    local lines = {}
    for l in s:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.are.equal(7, #lines)
    assert.are.equal("42 hits", lines[1])
    assert.truthy(lines[2]:find("Discusses [Iraq] with Russian", 1, true), lines[2])
    assert.are.equal("  ... 37 more (show(_) lists them all)", lines[7])
    assert.are.equal("1 hit\n  " .. C:hits("Kremlin"):kwic()[1], show(C:hits("Kremlin")))
    assert.are.equal("0 hits", show(C:hits("zzzz")))
    assert.are.equal("{<5 hits>, <0 hits>}", show({ C:hits("Putin"), C:hits("zzzz") }))
    assert.are.equal("sentence: Accessibility links", show(C:doc(1):sentences()()))
  end)

  it("names the functions of the API and where Lua functions were defined", function()
    assert.are.equal("function Corpus:count", show(C.count))
    assert.are.equal("function Hits:texts", show(C:hits("x").texts))
    assert.truthy(show(function() end):find("^function <.*repl_spec.lua:%d+>$"))
  end)

  it("prints everything without limits for show()", function()
    local t = {}
    for i = 1, 150 do t[i] = i end
    local s = pretty.text(pretty.unlimited, 1, t)
    assert.truthy(s:find("150\n}$"), s)
    assert.falsy(s:find("more"))
  end)
end)

describe("the REPL's completion", function()
  local env
  before_each(function()
    env = { corpus = C, lector = lector, string = string, tbl = { alpha = 1, beta = { gamma = 2 } },
      print = print, pairs = pairs }
  end)

  -- the candidates for text, checking that the word replaced is the one at the end
  local function cands(text)
    local start, list = complete.candidates(text, env)
    local word = text:match("[%a_][%w_]*$") or ""
    assert.are.equal(#text - #word + 1, start, text)
    return table.concat(list, " ")
  end

  it("completes globals and keywords", function()
    assert.are.equal("pairs print", cands("p"))
    assert.are.equal("false for function", cands("x = f"))
    assert.are.equal("corpus", cands("co"))
  end)

  it("completes methods and fields of lector objects through their metatables", function()
    assert.are.equal("count", cands("corpus:co"))
    assert.are.equal("close count", cands("corpus:c"))
    assert.are.equal("root", cands("corpus.ro"))
    assert.are.equal("text text_offset title tokens turns", cands("corpus:doc(1).t"))
    assert.are.equal("text text_offset turns", cands("corpus:doc(1):t"))
  end)

  it("follows chains through what methods return, without running them", function()
    assert.are.equal("doc", cands('corpus:hits("x")[1].d'))
    assert.are.equal("words", cands('corpus:hits("x")[1].doc:w'))
    assert.are.equal("title", cands('corpus:hits("x"):docs()[2].ti'))
    assert.are.equal("title", cands("corpus:docs()().ti"))
    assert.are.equal("kind", cands("corpus:doc(2):sentences()().ki"))
    assert.are.equal("corpus", cands("lector.open('corpus'):doc(1).co"))
    assert.are.equal("speaker", cands("corpus:hits 'x' [1].turn.sp"))
    -- nothing is known after a call the types do not describe, or through an iterator indexed
    assert.are.equal("", cands("print(corpus).x"))
    assert.are.equal("", cands("corpus:docs()[1].ti"))
  end)

  it("completes table fields, raw and through __index tables, never calling __index functions", function()
    assert.are.equal("alpha", cands("tbl.al"))
    assert.are.equal("gamma", cands("tbl.beta.g"))
    env.obj = setmetatable({ own = 1 }, { __index = { inherited = 2 } })
    assert.are.equal("inherited own", cands("obj."))
    env.trap = setmetatable({}, { __index = function() error("completion ran code") end })
    assert.are.equal("", cands("trap.x.y."))
    assert.are.equal("byte", cands("string.by"))
  end)

  it("completes paths inside strings and after .load, .save, .corpus", function()
    local dirs = { ["."] = { "corpus/", "scripts/", ".hidden", "README.md" }, ["scripts/"] = { "report.lua", "mentions.lua" } }
    complete.listdir = function(d) return dirs[d] end
    local start, list = complete.candidates('lector.open("co', env)
    assert.are.same({ 14, { "corpus/" } }, { start, list })
    start, list = complete.candidates(".load scripts/", env)
    assert.are.same({ 7, { "scripts/mentions.lua", "scripts/report.lua" } }, { start, list })
    start, list = complete.candidates("dofile 'scripts/r", env)
    assert.are.same({ 9, { "scripts/report.lua" } }, { start, list })
    start, list = complete.candidates("x = '", env)
    assert.are.same({ "README.md", "corpus/", "scripts/" }, list)
    start, list = complete.candidates('print("a\\"b", "', env)
    assert.are.equal(16, start)
    complete.listdir = nil
    assert.are.same({ 14, {} }, { complete.candidates('lector.open("co', env) })
  end)

  it("offers the dot commands at the start of a line", function()
    require "lector.repl.session"   -- registers the commands
    local start, list = complete.candidates(".t", env)
    assert.are.same({ 1, { ".time" } }, { start, list })
    start, list = complete.candidates(".", env)
    assert.are.same({ ".apropos", ".corpus", ".help", ".load", ".quit", ".save", ".time" }, list)
  end)
end)
