-- bench/lector.lua: lector's in-process figures for `make bench` (bench/run.sh), one corpus opened once.
--
--   ./lector run bench/lector.lua DIR QUERIES RUNS
--
-- Prints tab-separated lines for bench/report.lua:
--   key<TAB>value                 facts from C:info() and the open times
--   q<TAB>id<TAB>count<TAB>median_s<TAB>first_s     per query of QUERIES (alternatives summed)
--   loop_*<TAB>...                the Lua loop over one million hits
-- Times are os.clock() (CPU time of the process): a count runs on one thread, so its CPU time is its
-- latency, and the clock has microsecond resolution. One run of a query repeats C:count until 2 ms of
-- CPU have passed and takes the mean, so a count of a few microseconds is measured too; the figure is
-- the median of RUNS such runs. first_s is the very first count, before any run (cold caches).
-- Opening again (to time the open) happens only when the index came from the on-disk store: without
-- the store every open is a full build, which bench/run.sh times as a process instead.
local dir, qfile, runs = arg[1], arg[2], tonumber(arg[3] or 5)
assert(dir and qfile, "usage: lector run bench/lector.lua DIR QUERIES [RUNS]")
local clock = os.clock

local function median(t)
  local s = table.move(t, 1, #t, 1, {})
  table.sort(s)
  local n = #s
  return n % 2 == 1 and s[(n + 1) // 2] or (s[n // 2] + s[n // 2 + 1]) / 2
end

local function out(...) io.write(table.concat({ ... }, "\t"), "\n") end

local t0 = clock()
local C = assert(lector.open(dir))
local open_cpu = clock() - t0
local info = C:info()
for _, k in ipairs { "documents", "files", "tokens", "types", "text_bytes", "index_bytes",
  "build_seconds", "open_seconds", "from_store", "store", "store_error" } do
  if info[k] ~= nil then out("info_" .. k, tostring(info[k])) end
end
out("open_cpu_first", open_cpu)

-- Opening the built index again: as lector.open does by default (every file's stat checked against
-- the index), and with check = false (the index used without looking at the files).
if info.from_store then
  for _, variant in ipairs { { "open", nil }, { "open_nocheck", { check = false } } } do
    local wall, cpu = {}, {}
    for i = 1, runs do
      local a = clock()
      local D = assert(lector.open(dir, variant[2]))
      cpu[i] = clock() - a
      local di = D:info()
      wall[i] = di.open_seconds
      assert(di.from_store, "the index was built again instead of opened from the store")
      D:close()
    end
    out(variant[1] .. "_wall_median", median(wall))
    out(variant[1] .. "_cpu_median", median(cpu))
  end
end

-- the queries
for line in io.lines(qfile) do
  local id, q = line:match("^(q%d+)%*?\t[^\t]+\t(.+)$")
  if id then
    local alts = {}
    for alt in (q .. " | "):gmatch("(.-) | ") do alts[#alts + 1] = alt end
    local function count()
      local n = 0
      for i = 1, #alts do n = n + C:count(alts[i]) end
      return n
    end
    local a = clock()
    local n = count()
    local first = clock() - a
    local times = {}
    for r = 1, runs do
      local k = 0
      a = clock()
      local b
      repeat
        assert(count() == n, "a count changed between runs")
        k = k + 1
        b = clock()
      until b - a >= 0.002
      times[r] = (b - a) / k
    end
    out("q", id, n, median(times), first)
  end
end

-- A Lua loop over one million hits: the hits of "the" (at most a million), each hit read as a table
-- with h:each() and its start touched; passes over the set are repeated until a million hits were
-- touched when the corpus has fewer. Timed: making the hit set, the each() loop, and the same with
-- the plain position lists of hits:spans().
local N = 1000000
local a = clock()
local h = C:hits("the", { limit = N })
local t_hits = clock() - a
local n, sum = 0, 0
a = clock()
while n < N do
  for hit in h:each() do
    sum = sum + hit.start
    n = n + 1
    if n == N then break end
  end
end
local t_each = clock() - a
a = clock()
local s = h:spans()
local m = 0
while m < N do
  for i = 1, #s do
    sum = sum + s[i]
    m = m + 1
    if m == N then break end
  end
end
local t_spans = clock() - a
out("loop_set", #h)
out("loop_hits_s", t_hits)
out("loop_each_s", t_each)
out("loop_spans_s", t_spans)
out("loop_sum", sum)
