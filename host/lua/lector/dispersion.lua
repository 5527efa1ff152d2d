-- lector.dispersion: C:dispersion(term [, opts]), how evenly a word is spread over a corpus: range,
-- Juilland's D and Gries's DP over the documents or over equal-sized parts. Corpus linguists read
-- them beside frequency (doc/dispersion.md has the formulas and their sources). It asks the
-- corpus's own hits, so a word, a phrase or any query's Hits works; core.lua registers it.

local check                                    -- the one checker of option tables (lua_options.c)
local KEYS = { parts = "integer", case = "boolean", loose = "boolean", boilerplate = "boolean", query = "boolean" }

local function check_options(opts)
  if opts == nil then return {} end
  check(opts, "C:dispersion", KEYS, 4)
  local n = opts.parts
  if n ~= nil and n < 1 then
    error("C:dispersion: option 'parts' wants a whole number of parts (1 or more), not " .. tostring(n), 3)
  end
  return opts
end

-- The hits of term: a Hits as it is, a query (opts.query), else a word or phrase.
local function hits_of(C, term, opts)
  if type(term) == "userdata" and term.spans then return term end
  if type(term) ~= "string" then
    error("bad argument #1 to 'dispersion' (string or Hits expected, got " .. type(term) .. ")", 3)
  end
  if opts.query then
    local h, msg = C:query(term, { case = opts.case, boilerplate = opts.boilerplate })
    if not h then error("dispersion: " .. tostring(msg), 3) end
    return h
  end
  return C:hits(term, { case = opts.case, loose = opts.loose, boilerplate = opts.boilerplate })
end

-- The parts: the documents, or n runs of about equal tokens over the documents in order. Each part
-- is { size = tokens }; where(position) -> the part's number, or nil outside the (sub)corpus.
local partitions = setmetatable({}, { __mode = "k" })   -- per corpus and n: the report asks five times
local partition_of
local function partition(C, n)
  local per = partitions[C]
  if not per then per = {}; partitions[C] = per end
  local key = n or "documents"
  if not per[key] then per[key] = table.pack(partition_of(C, n)) end
  return table.unpack(per[key], 1, per[key].n)
end

function partition_of(C, n)
  -- the documents come in corpus order (ids follow positions); their fields are read once, as
  -- each is a call into C
  local docs, first, last, sizes = {}, {}, {}, {}     -- docs: Documents here, their names returned
  for d in C:docs() do
    local i = #docs + 1
    docs[i], first[i], last[i], sizes[i] = d, d.first, d.last, d.tokens
  end
  local function doc_at(pos)                   -- the index in docs of the document holding pos
    local lo, hi = 1, #docs
    while lo <= hi do
      local mid = (lo + hi) // 2
      if pos < first[mid] then hi = mid - 1 elseif pos > last[mid] then lo = mid + 1 else return mid end
    end
  end
  if not n then
    local names = {}
    for i, d in ipairs(docs) do names[i] = d.name end
    return sizes, doc_at, names
  end
  -- offset of a position in the documents laid end to end; part k holds offsets
  -- [floor((k-1)·N/n), floor(k·N/n)), so sizes differ by one token at most
  local before, total = {}, 0
  for i = 1, #docs do before[i], total = total, total + sizes[i] end
  if n > total then error("dispersion: " .. n .. " parts of a corpus of " .. total .. " tokens", 3) end
  local parts = {}
  for k = 1, n do parts[k] = (k * total) // n - ((k - 1) * total) // n end
  local function part_at(pos)
    local i = doc_at(pos)
    if not i then return nil end
    local off = before[i] + pos - first[i]
    local k = (off * n) // total + 1           -- a first guess, then the exact boundary
    while k > 1 and off < ((k - 1) * total) // n do k = k - 1 end
    while k < n and off >= (k * total) // n do k = k + 1 end
    return k
  end
  return parts, part_at
end

local function dispersion(C, term, opts)
  opts = check_options(opts)
  local hits = hits_of(C, term, opts)
  local sizes, part_at, docs = partition(C, opts.parts)
  local n = #sizes
  local counts = {}
  for k = 1, n do counts[k] = 0 end
  local freq = 0
  for _, pos in ipairs((hits:spans())) do
    local k = part_at(pos)
    if k then counts[k], freq = counts[k] + 1, freq + 1 end
  end
  local total, range, min_share = 0, 0, math.huge
  for k = 1, n do
    total = total + sizes[k]
    if counts[k] > 0 then range = range + 1 end
  end
  -- the caller's own copies: the partition is remembered for the next call
  local r = { freq = freq, parts = n, range = range, range_pct = n > 0 and 100 * range / n or 0,
    sizes = table.move(sizes, 1, n, 1, {}), counts = counts }
  if docs then r.docs = table.move(docs, 1, n, 1, {}) end
  if freq == 0 or total == 0 then return r end
  -- DP: half the summed differences between each part's share of the hits and of the tokens
  local dp = 0
  for k = 1, n do
    local s = sizes[k] / total
    min_share = math.min(min_share, s)
    dp = dp + math.abs(counts[k] / freq - s)
  end
  r.gries_dp = dp / 2
  r.dp_norm = min_share < 1 and r.gries_dp / (1 - min_share) or nil
  -- Juilland's D on the relative frequencies (count / size) of the parts; population sd
  if n > 1 then
    local mean = 0
    for k = 1, n do mean = mean + (sizes[k] > 0 and counts[k] / sizes[k] or 0) end
    mean = mean / n
    local var = 0
    for k = 1, n do var = var + ((sizes[k] > 0 and counts[k] / sizes[k] or 0) - mean) ^ 2 end
    local sd = math.sqrt(var / n)
    r.juilland_d = 1 - (sd / mean) / math.sqrt(n - 1)
  end
  return r
end

-- core.lua calls this with the checker, and registers what it returns as C:dispersion
return function(checker)
  check = checker
  return dispersion
end
