-- bench/query.lua: latency of CQP queries (corpus:query_count and corpus:query), the median of
-- several runs in one process, the corpus opened once; the times are CPU seconds of the one
-- thread a query runs on.
--   ./lector run bench/query.lua [DIR] [RUNS]
local dir, runs = arg[1] or "corpus", tonumber(arg[2] or 7)
local clock = os.clock
local t0 = clock()
local C = assert(lector.open(dir))
io.write(string.format("corpus %s: %d tokens, %d documents, opened in %.1f s (cpu)\n", dir, C.tokens, #C, clock() - t0))

-- a query runs on one thread, so its CPU time is its latency (and os.clock has the resolution)
local now = os.clock

local function median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

local queries = arg[3] and { arg[3] } or {
  '[word="resolutions?"%c]', '"Security" "Council"', '"weapons" "of" "mass" "destruction"',
  '[word="Bush"] []{0,6} [word="said|says"] within s', '"the" [word=".*tion"] "of"',
  '[word="[A-Z].*"] "said"', '"in" "the" []{0,3} "of" within s', '<s> "And" []* "Lord" within s',
  '[word="love|hate"%c] []{0,4} [word="thee|you"%c] within s', '[word!="the"] "of" "the"',
}
io.write(string.format("%-60s %10s %10s %10s\n", "query", "hits", "count ms", "hits ms"))
for _, q in ipairs(queries) do
  local tc, th, n = {}, {}, 0
  for i = 1, runs do
    local a = now()
    n = assert(C:query_count(q))
    local b = now()
    local h = assert(C:query(q))
    local c = now()
    tc[i], th[i] = (b - a) * 1000, (c - b) * 1000
    h = nil
  end
  io.write(string.format("%-60s %10d %10.1f %10.1f\n", q, n, median(tc), median(th)))
end
