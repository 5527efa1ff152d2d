-- lector.apidoc.parallel: the documentation of C:map (host/bindings/lua_parallel.c), an analysis
-- on every core. See lector.apidoc for the conventions.
return {
  { title = "Corpus", entries = {
    { name = "Corpus:map", since = "0.2.0",
      aliases = { "parallel", "threads", "cores", "workers" },
      sig = "C:map(items, \"module.function\" [, opts]) -> results",
      summary = [[Calls function(C, item, args...) of a module for each item and returns the
results in the order of the items, the work shared among the cores: each thread runs a Lua state
of its own (the standard libraries, lpeg and lector, the caller's package.path), which requires
the module and takes the next item as it finishes one, over the same open index. So the function
sees only its arguments and what its module holds (no upvalues of the caller, no globals but
`corpus`), and what goes in and out is copied: nil, booleans, numbers, strings, tables, the
corpus and its documents, hits and spans; a function, a file or a Hits object raises. The results
are those of one thread; with `threads = 1`, with fewer than two items, in a sandboxed pack and
under `lector run --profile`, the calls are made in the caller's state. opts: `threads` (default:
one per core), `args` (a list of further arguments, copied once per thread). An error in a call
raises "C:map: module.function, item N: message". scripts/resolutions.lua shares its candidate
documents so.]],
      example = [[
-- a module of one's own, in a folder on package.path
local dir = os.tmpname(); os.remove(dir); os.execute("mkdir " .. dir)
local f = io.open(dir .. "/lengths.lua", "w")
f:write("return { of = function(C, d, word) return { d.name:sub(1, 3), C:count(word, { docs = d }) } end }")
f:close()
package.path = dir .. "/?.lua;" .. package.path
local docs = {}
for d in corpus:docs() do docs[#docs + 1] = d end
local r = corpus:map(docs, "lengths.of", { args = { "Iraq" } })
local shown = {}
for i, x in ipairs(r) do shown[i] = x[1] .. "=" .. x[2] end
print(table.concat(shown, " "))   --> 000=13 001=8 002=9 003=10 004=2
print(#corpus:map({}, "lengths.of"), corpus:map(docs, "lengths.of", { threads = 1, args = { "UN" } })[5][2])   --> 0	8
os.remove(dir .. "/lengths.lua"); os.remove(dir)
]] },
  } },
}
