-- C:map shares calls among worker states (host/bindings/lua_parallel.c): the results are those
-- of one thread, in the order of the items, whatever the number of threads; values cross between
-- states by copy (documents, hits, spans, shared and cyclic tables); each failure names the
-- module, the function and the item.
local lector = require "lector"

-- a module in a folder of its own on package.path, as a script author writes one
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function module(name, src)
  local f = assert(io.open(dir .. "/" .. name .. ".lua", "w"))
  f:write(src)
  f:close()
end
module("mapwork", [[
local M = {}
-- a document's name, its hits of a word (as hit tables) and the sentence of the first
function M.doc(C, d, word)
  local h = C:hits(word, { docs = d })
  local first = h[1]
  return { name = d.name, doc = d, n = #h, first = first, sentence = first and first.sentence,
           text = first and first.sentence:text() }
end
-- shared and cyclic tables come back shared and cyclic
function M.shapes(C, i)
  local shared = { i }
  local t = { a = shared, b = shared, [1.5] = "float key", big = 2^53, f = 0.25, yes = true }
  t.self = t
  return t
end
function M.same(C, item) return item end
function M.fail(C, i) if i == 3 then error("three is not allowed") end return i end
function M.give_function(C, i) return print end
function M.give_hits(C, i) return C:hits("Iraq") end
return M
]])
package.path = dir .. "/?.lua;" .. package.path

describe("C:map", function()
  local C = lector.open("corpus")
  local docs = {}
  for d in C:docs() do docs[#docs + 1] = d end
  teardown(function()
    os.remove(dir .. "/mapwork.lua")
    os.remove(dir)
  end)

  it("gives the results of one thread, in the order of the items, with 1, 2 and 5 threads", function()
    local one = C:map(docs, "mapwork.doc", { threads = 1, args = { "Iraq" } })
    assert.are.equal(5, #one)
    assert.are.same({ 13, 8, 9, 10, 2 }, { one[1].n, one[2].n, one[3].n, one[4].n, one[5].n })
    for _, t in ipairs({ 2, 5 }) do
      local many = C:map(docs, "mapwork.doc", { threads = t, args = { "Iraq" } })
      assert.are.equal(5, #many)
      for i = 1, 5 do
        assert.are.equal(one[i].name, many[i].name)
        assert.are.equal(docs[i].id, many[i].doc.id)          -- a Document of the caller's corpus
        assert.are.equal(one[i].n, many[i].n)
        assert.are.same({ one[i].first.start, one[i].first.stop }, { many[i].first.start, many[i].first.stop })
        assert.are.equal(one[i].first.byte_start, many[i].first.byte_start)   -- a hit table, as hits give
        assert.are.equal(one[i].text, many[i].text)
        assert.are.equal(one[i].text, many[i].sentence:text())               -- a span, with its methods
      end
    end
  end)

  it("copies shared and cyclic tables, integer and float numbers", function()
    local r = C:map({ 1, 2, 3 }, "mapwork.shapes", { threads = 2 })
    for i = 1, 3 do
      assert.are.equal(r[i].a, r[i].b)
      assert.are.same({ i }, r[i].a)
      assert.are.equal(r[i], r[i].self)
      assert.are.equal("float key", r[i][1.5])
      assert.are.equal(math.type(2^53), math.type(r[i].big))
      assert.are.equal(0.25, r[i].f)
      assert.is_true(r[i].yes)
    end
  end)

  it("keeps one Document one: the items and results that share it share its copy", function()
    local r = C:map({ { a = docs[1], b = docs[1], c = docs[2] }, { a = docs[3] } }, "mapwork.same", { threads = 2 })
    assert.are.equal(r[1].a, r[1].b)
    assert.are_not.equal(r[1].a, r[1].c)
    assert.are.same({ docs[1].id, docs[2].id, docs[3].id }, { r[1].a.id, r[1].c.id, r[2].a.id })
  end)

  it("works on a subcorpus: the worker's corpus keeps its documents", function()
    local sub = C:where { year = 2002 }
    local r = sub:map({ 1, 2 }, "mapwork.shapes", { threads = 2 })
    assert.are.equal(2, #r)
    local names = C:map(docs, "mapwork.doc", { threads = 2, args = { "Iraq" } })
    local subdocs = {}
    for d in sub:docs() do subdocs[#subdocs + 1] = d end
    local again = sub:map(subdocs, "mapwork.doc", { threads = 2, args = { "Iraq" } })
    for i, x in ipairs(again) do
      assert.are.equal(subdocs[i].name, x.name)
      assert.are.equal(names[subdocs[i].id].n, x.n)
    end
  end)

  it("names the module, the function and the item of a failure", function()
    for _, t in ipairs({ 1, 2 }) do
      local ok, err = pcall(C.map, C, { 1, 2, 3, 4 }, "mapwork.fail", { threads = t })
      assert.is_false(ok)
      assert.matches("^C:map: mapwork.fail, item 3: [^\n]*mapwork.lua:%d+: three is not allowed$", err)
      ok, err = pcall(C.map, C, { 1, 2 }, "mapwork.nothing", { threads = t })
      assert.are.equal("C:map: mapwork.nothing: module 'mapwork' has no function 'nothing'", err)
      ok, err = pcall(C.map, C, { 1, 2 }, "nosuchmodule.f", { threads = t })
      assert.matches("^C:map: nosuchmodule.f: module 'nosuchmodule' not found", err)
    end
  end)

  it("refuses what cannot be copied, and unknown options", function()
    local ok, err = pcall(C.map, C, { 1, print }, "mapwork.shapes", { threads = 2 })
    assert.are.equal("C:map: an item holds a function, which cannot be copied between states", err)
    ok, err = pcall(C.map, C, { 1, 2 }, "mapwork.give_function", { threads = 2 })
    assert.are.equal("C:map: a result holds a function, which cannot be copied between states", err)
    ok, err = pcall(C.map, C, { 1, 2 }, "mapwork.give_hits", { threads = 2 })
    assert.are.equal("C:map: a result holds a lector.Hits, which cannot be copied between states", err)
    local other = lector.open("corpus", { store = false })
    ok, err = pcall(C.map, C, { other:doc(1), 2 }, "mapwork.shapes", { threads = 2 })
    assert.are.equal("C:map: an item holds a document of another corpus", err)
    ok, err = pcall(C.map, C, { 1, 2 }, "mapwork.shapes", { thread = 2 })
    assert.are.equal("C:map: unknown option 'thread' (did you mean 'threads'?)", err)
    ok, err = pcall(C.map, C, { 1, 2 }, "mapwork.shapes", { args = 2 })
    assert.matches("C:map: option 'args' must be a table, got number$", err)
    ok, err = pcall(C.map, C, { 1, 2 }, "mapwork.shapes", { threads = 0 })
    assert.are.equal("C:map: option 'threads' wants a whole number from 1 to 64", err)
    ok, err = pcall(C.map, C, { 1, 2 }, "mapwork")
    assert.is_false(ok)
    assert.matches("\"module.function\" expected", err)
  end)
end)
