-- Option tables (host/bindings/lua_options.c): every function that takes one rejects a key it does
-- not know, naming the nearest valid one when it is a slip of the keyboard and listing the valid
-- ones otherwise, and a value of the wrong type; the error is raised at the caller's line.
local lector = require "lector"

local HERE = "spec/lua/options_spec.lua"

-- the message of the error f raises, and the line it names in this file (or nil)
local function error_of(f)
  local ok, e = pcall(f)
  assert(not ok, "no error")
  local line, msg = e:match("^" .. HERE:gsub("%p", "%%%0") .. ":(%d+): (.*)$")
  return msg or e, tonumber(line)
end

describe("option tables", function()
  local C = lector.open("corpus")
  local hits = C:hits("Iraq")

  it("answers a misspelled key with the nearest valid one, at the caller's line", function()
    local msg, line = error_of(function() local h = C:hits("Iraq", { cas = true }); return h end)
    assert.are.equal("C:hits: unknown option 'cas' (did you mean 'case'?)", msg)
    assert.are.equal(21, line)
    msg, line = error_of(function() local s = C:where{ sourc = "VOA" }; return s end)
    assert.are.equal("C:where: unknown field 'sourc' (did you mean 'source'?)", msg)
    assert.are.equal(24, line)
  end)

  it("names the wrong type of a value", function()
    local msg, line = error_of(function() local h = C:hits("Iraq", { case = "yes" }); return h end)
    assert.are.equal("C:hits: option 'case' must be a boolean, got string", msg)
    assert.are.equal(30, line)
    assert.are.equal("C:near: option 'window' must be an integer, got number",
      (error_of(function() local r = C:near("Iraq", { window = 2.5 }); return r end)))
    assert.are.equal("C:hits: the options must be a table, got string",
      (error_of(function() local r = C:hits("Iraq", "case"); return r end)))
  end)

  it("lists the valid keys when none is near", function()
    assert.are.equal("hits:kwic: unknown option 'zzzzz' (valid: width, chars, limit)",
      (error_of(function() local r = hits:kwic{ zzzzz = 1 }; return r end)))
    assert.are.equal("C:texts: unknown option 'zzzzz' (the only one: flat)",
      (error_of(function() local r = C:texts({ 0 }, { 0 }, { zzzzz = 1 }); return r end)))
    assert.are.equal("C:count: unknown option [1] (valid: case, loose, parts, boilerplate, limit, docs)",
      (error_of(function() local r = C:count("Iraq", { true }); return r end)))
  end)

  -- every function that takes options, with a slip in one of its keys
  local cases = {
    { function() return lector.open("corpus", { thread = 2 }) end, "lector.open: unknown option 'thread' (did you mean 'threads'?)" },
    { function() return lector.open("corpus", { annotate = 1 }) end, "lector.open: option 'annotate' must be a boolean, got number" },
    { function() return C:count("Iraq", { loos = true }) end, "C:count: unknown option 'loos' (did you mean 'loose'?)" },
    { function() return C:hits("Iraq", { boilerplat = false }) end, "C:hits: unknown option 'boilerplat' (did you mean 'boilerplate'?)" },
    { function() return C:forms("Iraq", { prts = true }) end, "C:forms: unknown option 'prts' (did you mean 'parts'?)" },
    { function() return C:hitset({ 0 }, { 0 }, { doc = {} }) end, "C:hitset: unknown option 'doc' (did you mean 'docs'?)" },
    { function() return C:find("Iraq", { limt = 1 }) end, "C:find: unknown option 'limt' (did you mean 'limit'?)" },
    { function() return C:query('"Iraq"', { timout = 1 }) end, "C:query: unknown option 'timout' (did you mean 'timeout'?)" },
    { function() return C:query_count('"Iraq"', { timeout = "1" }) end, "C:query_count: option 'timeout' must be a number, got string" },
    { function() return C:freq{ mn = 2 } end, "C:freq: unknown option 'mn' (did you mean 'min'?)" },
    { function() return C:freq{ by = "source", mn = 2 } end, "C:freq: unknown option 'mn' (did you mean 'min'?)" },
    { function() return C:near("Iraq", { windw = 3 }) end, "C:near: unknown option 'windw' (did you mean 'window'?)" },
    { function() return C:near("Iraq", { sentence = 1 }) end, "C:near: option 'sentence' must be a boolean, got number" },
    { function() return C:ngrams(2, { word = true }) end, "C:ngrams: unknown option 'word' (did you mean 'words'?)" },
    { function() return C:keywords({ 1 }, nil, { limits = 3 }) end, "C:keywords: unknown option 'limits' (did you mean 'limit'?)" },
    { function() return C:texts({ 0 }, { 0 }, { flta = true }) end, "C:texts: unknown option 'flta' (did you mean 'flat'?)" },
    { function() return hits:kwic{ with = 3 } end, "hits:kwic: unknown option 'with' (did you mean 'width'?)" },
    { function() return hits:tabulate{ widht = 3 } end, "hits:tabulate: unknown option 'widht' (did you mean 'width'?)" },
  }
  for _, case in ipairs(cases) do
    it("is checked by " .. case[2]:match("^[^:]+:?[%w_]*"), function()
      local ok, e = pcall(case[1])
      assert.is_false(ok)
      assert.are.equal(case[2], (e:gsub("^[^:]*:%d+: ", "")))
    end)
  end

  it("still takes every valid key", function()
    assert.are.equal(42, #C:hits("Iraq", { case = true, loose = false, parts = true, boilerplate = true, limit = 100 }))
    assert.are.equal(2, #C:where{ source = "VOA" })
    assert.are.equal(3, #C:freq{ by = "source", limit = 3, min = 1, words = true })
  end)

  it("suggests flags the same way", function()
    assert.are.equal("--format", lector._nearest("--frmat", { "--format", "--help", "--corpus" }))
    assert.are.equal("--rebuild", lector._nearest("--rebiuld", { "--rebuild", "--verify" }))
    assert.is_nil(lector._nearest("--zzz", { "--format", "--help" }))
    assert.are.equal("--rebuild", lector._nearest("--re", { "--rebuild", "--verify" }))   -- the one it begins
    assert.is_nil(lector._nearest("--re", { "--rebuild", "--region" }))                  -- not one only
    assert.are.equal("C:hits: unknown option 'lim' (did you mean 'limit'?)",
      (error_of(function() local r = C:hits("Iraq", { lim = 1 }); return r end)))
  end)
end)

describe("the scripts' libraries", function()
  package.path = "scripts/lib/?.lua;" .. package.path
  local output = require "output"

  it("check their option tables with the same checker", function()
    local ok, e = pcall(output.format, {}, { "a" }, "table", { widht = { a = 3 } })
    assert.is_false(ok)
    assert.are.equal("output.format: unknown option 'widht' (did you mean 'widths'?)", (e:gsub("^[^:]*:%d+: ", "")))
    local entities = require "entities"
    local m = entities.compile({ { "Iraq", aliases = { "Iraq" } } })
    ok, e = pcall(m.find, m, lector.open("corpus"), { boilerplat = true })
    assert.is_false(ok)
    assert.are.equal("Matcher:find: unknown option 'boilerplat' (did you mean 'boilerplate'?)", (e:gsub("^[^:]*:%d+: ", "")))
  end)
end)
