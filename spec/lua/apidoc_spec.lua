-- Every function of the Lua API is documented once (host/lua/lector/apidoc.lua), its example runs
-- against corpus/ and prints what its `--> value` comments say, and doc/api.md is generated from
-- the same source.
local help = require "lector.help"

-- Runs an example; returns the lines it printed (print and io.write), or raises its error.
local function run_example(src)
  local out = {}
  local function write(...)
    for i = 1, select("#", ...) do out[#out + 1] = tostring((select(i, ...))) end
  end
  local env = setmetatable({}, { __index = _G })
  env.corpus = assert(lector.open("corpus", { annotate = true }))
  env.print = function(...)
    local n = select("#", ...)
    for i = 1, n do
      write(tostring((select(i, ...))))
      if i < n then write("\t") end
    end
    write("\n")
  end
  env.io = setmetatable({ write = function(...) write(...) return env.io end }, { __index = io })
  local f = assert(load(src, "=example", "t", env))
  f()
  env.corpus:close()
  local text = table.concat(out)
  local lines = {}
  for line in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  return lines
end

local function expected_lines(src)
  local want = {}
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    local v = line:match("%-%-> (.*)$")
    if v then want[#want + 1] = v end
  end
  return want
end

describe("the API documentation", function()
  for _, section in ipairs(help.sections) do
    for _, e in ipairs(section.entries) do
      it("runs the example of " .. e.name, function()
        local want = expected_lines(e.example)
        assert.is_true(#want > 0, e.name .. " has no --> line")
        assert.are.same(want, run_example(e.example))
      end)
    end
  end

  it("documents every function the module registers, and nothing else", function()
    local documented, registered = {}, {}
    for _, section in ipairs(help.sections) do
      for _, e in ipairs(section.entries) do documented[e.name] = true end
    end
    for _, name in pairs(lector._names) do registered[name] = true end
    local missing, extra = {}, {}
    for name in pairs(registered) do if not documented[name] then missing[#missing + 1] = name end end
    for name in pairs(documented) do if not registered[name] then extra[#extra + 1] = name end end
    table.sort(missing); table.sort(extra)
    assert.are.same({}, missing)
    assert.are.same({}, extra)
  end)

  it("finds the documentation of a function value and of a bare name", function()
    assert.are.equal("Corpus:count", help.entry(corpus.count).name)
    assert.are.equal("Corpus:count", help.entry("count").name)
    local e, msg = help.entry("text")
    assert.is_nil(e)
    assert.are.equal("help: 2 functions are called text:\n"
      .. "  Document:text  The document's text as it was indexed: UTF-8 with LF line ends, read again from its file.\n"
      .. "  Span:text      The text from the span's first token to its last, as written.\n"
      .. 'help "Document:text" shows one.', msg)
    assert.truthy(help.text(help.entry("count")):find("^C:count%(text %[, opts%]%) %-> integer\n"))
  end)

  it("is what doc/api.md says", function()
    local f = assert(io.open("doc/api.md"))
    local md = f:read("a")
    f:close()
    assert.are.equal(help.markdown(), md, "doc/api.md is out of date: run make doc")
  end)
end)
