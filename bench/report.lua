-- bench/report.lua: the Markdown table of one tier of `make bench`, from the files bench/run.sh left in
-- its scratch folder (results.tsv, lector.tsv, rg.tsv, xapian*.tsv, lpeg.tsv, agree.tsv). Stock lua5.4.
--
--   lua5.4 bench/report.lua WORKDIR QUERIES > bench/results/DATE-TIER.md
local W, qfile = arg[1], arg[2]
assert(W and qfile, "usage: lua5.4 bench/report.lua WORKDIR QUERIES")

local function lines(name)
  local f = io.open(W .. "/" .. name)
  if not f then return function() return nil end end
  return function()
    local l = f:read("l")
    if not l then f:close() end
    return l
  end
end
local function fields(l)
  local t = {}
  for x in (l .. "\t"):gmatch("(.-)\t") do t[#t + 1] = x end
  return t
end

-- key/value facts
local R = {}
for _, file in ipairs { "results.tsv", "lector.tsv", "xapian.tsv", "xapian_build.tsv", "lpeg.tsv" } do
  local prefix = file:match("^(%a+)"):gsub("results", ""):gsub("xapian_build", "xb")
  for l in lines(file) do
    local f = fields(l)
    if #f == 2 then R[(prefix ~= "" and prefix ~= "lector" and prefix .. "_" or "") .. f[1]] = f[2] end
  end
end
local function num(k) return tonumber(R[k]) end

-- the queries and each peer's counts and times
local Q, byid = {}, {}
for l in io.lines(qfile) do
  local id, star, kind, q = l:match("^(q%d+)(%*?)\t([^\t]+)\t(.+)$")
  if id then
    local row = { id = id, kind = kind, q = q, sample = star == "*" }
    Q[#Q + 1] = row
    byid[id] = row
  end
end
for l in lines("lector.tsv") do
  local f = fields(l)
  if f[1] == "q" then byid[f[2]].lector, byid[f[2]].lector_s, byid[f[2]].lector_first = tonumber(f[3]), tonumber(f[4]), tonumber(f[5]) end
end
for l in lines("rg.tsv") do
  local f = fields(l)
  byid[f[2]].rg, byid[f[2]].rg_s, byid[f[2]].rg_cmd = tonumber(f[3]), tonumber(f[4]), f[5]
end
for l in lines("xapian.tsv") do
  local f = fields(l)
  if f[1] == "q" then
    local r = byid[f[2]]
    r.x_docs, r.x_occ, r.x_s, r.x_first, r.x_walk = tonumber(f[3]), tonumber(f[4]), tonumber(f[5]), tonumber(f[6]), tonumber(f[7])
  end
end
for l in lines("lpeg.tsv") do
  local f = fields(l)
  if byid[f[1]] then byid[f[1]].lpeg = tonumber(f[2]) end
end
local why, files = {}, {}
for l in lines("agree.tsv") do
  local f = fields(l)
  if f[1] == "why" then
    why[f[2]] = why[f[2]] or {}
    table.insert(why[f[2]], { kind = f[3], class = f[4], form = f[5], n = tonumber(f[6]) })
  elseif f[1] == "files" then
    files[f[2]] = { differ = tonumber(f[3]), examined = tonumber(f[4]) }
  end
end

-- formatting
local function median(t)
  if #t == 0 then return nil end
  local s = table.move(t, 1, #t, 1, {})
  table.sort(s)
  local n = #s
  return n % 2 == 1 and s[(n + 1) // 2] or (s[n // 2] + s[n // 2 + 1]) / 2
end
local function ms(s)
  if not s then return "—" end
  local v = s * 1000
  if v >= 100 then return string.format("%.0f", v) end
  if v >= 10 then return string.format("%.1f", v) end
  if v >= 1 then return string.format("%.2f", v) end
  return (string.format("%.2g", v):gsub("e%-0*(%d+)", function(e) return "e-" .. e end))
end
local function secs(s) return s and string.format("%.2f", s) or "—" end
local function mb(b) return b and string.format("%.1f", b / 1e6) or "—" end
local function ratio(a, b)
  if not a or not b or b == 0 then return "—" end
  local r = a / b
  if r >= 100 then return string.format("%.0f", r) end
  if r >= 10 then return string.format("%.1f", r) end
  if r >= 0.1 then return string.format("%.2f", r) end
  -- far below 1: "1/N" with N to two significant figures reads better than 0.0000
  local n = 1 / r
  local mag = 10 ^ math.max(0, math.floor(math.log(n, 10)) - 1)
  return string.format("1/%.0f", math.floor(n / mag + 0.5) * mag)
end
local function int(n) return n and tostring(math.tointeger(n) or n) or "—" end
local out = {}
local function cell(s) return (s:gsub("|", "\\|")) end   -- a query's " | " inside a table cell
local function w(...) out[#out + 1] = table.concat({ ... }) end

local text = num("text_bytes")
local tier = R.tier
local store = R.store == "1"
local xruns = tonumber(R.xapian_build_runs)
local lruns = tonumber(R.lpeg_scan_runs)

w("# lector benchmark: ", tier, " tier, ", R.date)
w()
w(string.format("%s MB of text in %s files (`%s`); %s documents, %s tokens for lector.",
  mb(text), R.files, "/tmp/lector-bench/corpora/" .. tier, R.info_documents or "?", R.info_tokens or "?"))
w(string.format("Machine: %s, `nproc` = %s, %s RAM; load average %s at the start of this tier, %s at its end (other",
  R.cpu, R.nproc, R.mem, R.loadavg, R.loadavg_end or "?"), " work on the machine shows there); the page cache warm.")
w(string.format("lector %s; %s. Each figure is the median of %s runs unless it says otherwise.",
  R.lector_commit, R.versions, R.runs))
if not store then
  w()
  w("**No on-disk store in this lector** (`lector index` is missing): lector's build is an in-memory `lector.open`",
    " in a fresh process, there is no built index to open (open: n/a), and the index size is the in-memory index",
    " (`C:info().index_bytes`).")
end
w()

-- per-kind medians
local function kind_of(r) return r.kind:match("^word") and "word" or r.kind end
local function collect(field)
  local t = { word = {}, phrase = {}, entity = {}, all = {} }
  for _, r in ipairs(Q) do
    if r[field] then
      table.insert(t[kind_of(r)], r[field])
      table.insert(t.all, r[field])
    end
  end
  return t
end
local L, G, X = collect("lector_s"), collect("rg_s"), collect("x_s")
local function sum(t) local s = 0 for _, v in ipairs(t) do s = s + v end return #t > 0 and s or nil end

local lb = num("lector_build_s")
local xb = num("xapian_build_s")
local lp = num("lpeg_scan_s")
local lsize = num("lector_disk_bytes") or num("info_index_bytes")
local xsize = num("xapian_disk_bytes")
local lopen = num("open_wall_median")
local lopen_nc = num("open_nocheck_wall_median")
local function open_cell()
  if not store then return "n/a (no store)" end
  return ms(lopen) .. (lopen_nc and (" (check = false: " .. ms(lopen_nc) .. ")") or "")
end
local xopen = num("xapian_open_median")
local lrss, grss, xrss, prss = num("lector_build_rss_kb"), num("rg_rss_kb"), num("xapian_build_rss_kb"), num("lpeg_scan_rss_kb")

w("## Summary")
w()
w("Ratios are lector / peer: below 1 lector takes less time or space (for MB/s, above 1 lector is faster).")
w()
w("| | lector | ripgrep | Xapian | Lua + LPeg | lector/ripgrep | lector/Xapian | lector/LPeg |")
w("|---|---:|---:|---:|---:|---:|---:|---:|")
local once = function(n) return n == 1 and " (1 run)" or "" end
w("| build, s | ", secs(lb), " | no index | ", secs(xb), once(xruns), " | no index | | ", ratio(lb, xb), " | |")
local la = num("lector_build_annotated_s")
w("| build annotated (the tagger too), s (× plain build) | ", secs(la), la and lb and string.format(" (%.2f×)", la / lb) or "",
  " | | | | | | |")
w("| build, MB/s | ", lb and string.format("%.1f", text / 1e6 / lb) or "—", " | | ",
  xb and string.format("%.1f", text / 1e6 / xb) or "—", " | | | ", ratio(xb, lb), " | |")
w("| index size, MB (× text) | ", mb(lsize), string.format(" (%.2f×)", (lsize or 0) / text), " | — | ",
  mb(xsize), string.format(" (%.2f×)", (xsize or 0) / text), " | — | | ", ratio(lsize, xsize), " | |")
w("| open, ms | ", open_cell(), " | — | ", ms(xopen), " | — | | ",
  store and (ratio(lopen, xopen) .. (lopen_nc and (" (" .. ratio(lopen_nc, xopen) .. ")") or "")) or "—", " | |")
local scan = lp and (secs(lp) .. " s per pass" .. once(lruns)) or "—"
for _, k in ipairs { { "word", "words" }, { "phrase", "phrases" }, { "entity", "entities" } } do
  local lm, gm, xm = median(L[k[1]]), median(G[k[1]]), median(X[k[1]])
  w("| query median, ", k[2], " (", #L[k[1]], "), ms | ", ms(lm), " | ", ms(gm), " | ", ms(xm), " | ",
    k[1] == "word" and scan or "(same pass)", " | ", ratio(lm, gm), " | ", ratio(lm, xm), " | ", ratio(lm, lp), " |")
end
w("| all ", #L.all, " queries, sum of medians, ms | ", ms(sum(L.all)), " | ", ms(sum(G.all)), " | ", ms(sum(X.all)), " | ",
  ms(lp), " (one pass) | ", ratio(sum(L.all), sum(G.all)), " | ", ratio(sum(L.all), sum(X.all)), " | ", ratio(sum(L.all), lp), " |")
local function rss(kb) return kb and string.format("%.0f (%.2f×)", kb * 1024 / 1e6, kb * 1024 / text) or "—" end
w("| peak RSS, MB (× text) | ", rss(lrss), " build | ", rss(grss), " largest query | ", rss(xrss), " build | ",
  rss(prss), " scan | ", ratio(lrss, grss), " | ", ratio(lrss, xrss), " | ", ratio(lrss, prss), " |")
local each, spans, hset = num("loop_each_s"), num("loop_spans_s"), num("loop_hits_s")
w("| Lua loop over 1M hits, s | ", secs(each and hset and each + hset), " | — | — | — | | | |")
w()
w(string.format("The 1M-hit loop: `C:hits(\"the\", {limit = 1e6})` (%s hits, %.3f s) then `for h in hits:each()` touching",
  R.loop_set or "?", hset or 0), string.format(" `h.start` (%.3f s)%s; over `hits:spans()` the same million take %.3f s.",
  each or 0, tonumber(R.loop_set or 0) < 1e6 and ", passing over the set again until a million were touched" or "",
  spans or 0))
w()

-- targets
w("## Targets (DESIGN.md, meant for the 1 GB tier)")
w()
w("| goal | target | measured | met |")
w("|---|---|---|---|")
local function met(ok) if ok == nil then return "—" end return ok and "yes" or "**no**" end
local rate = lb and text / 1e6 / lb
w("| build | ≥ 100 MB/s | ", rate and string.format("%.1f MB/s", rate) or "—", " | ", met(rate and rate >= 100), " |")
w("| annotated build (issue 14) | ≤ 2× the plain build | ", la and lb and string.format("%.2f×", la / lb) or "—", " | ",
  met(la and lb and la <= 2 * lb), " |")
w("| open a built index | < 50 ms | ", store and (open_cell() .. " ms") or "n/a (no store)", " | ",
  store and met(lopen and lopen < 0.05) or "—", " |")
local over = {}
for _, r in ipairs(Q) do
  if (kind_of(r) == "word" or r.kind == "phrase") and r.lector_s and r.lector_s >= 0.001 then
    over[#over + 1] = string.format("%s %s %s ms", r.id, r.q, ms(r.lector_s))
  end
end
local lw, lph = median(L.word), median(L.phrase)
w("| word / phrase count | < 1 ms | ", ms(lw), " / ", ms(lph), " ms (medians)",
  #over > 0 and ("; over 1 ms: " .. table.concat(over, ", ")) or "; every one under 1 ms", " | ",
  met(lw and lph and lw < 0.001 and lph < 0.001), #over > 0 and " (medians)" or "", " |")
w("| index size | ≤ 1.5× text | ", lsize and string.format("%.2f×", lsize / text) or "—", " | ", met(lsize and lsize / text <= 1.5), " |")
w("| build peak RSS | ≤ 3× text | ", lrss and string.format("%.2f×", lrss * 1024 / text) or "—", " | ", met(lrss and lrss * 1024 / text <= 3), " |")
w("| 1M-hit Lua loop | < 0.5 s | ", secs(each and hset and each + hset), " s | ", met(each and hset and each + hset < 0.5), " |")
w("| build vs Xapian | ≥ 10× faster | ", ratio(xb, lb), "× | ", met(lb and xb and xb / lb >= 10), " |")
local xph = median(X.phrase)
w("| phrase queries vs Xapian | ≥ 10× faster | ", ratio(xph, lph), "× (medians) | ", met(lph and xph and xph / lph >= 10), " |")
w()

-- per query
w("## Per query")
w()
w("Counts: lector `C:count` (alternatives summed); ripgrep matches (`--count-matches`, not matching lines);")
w("Xapian occurrences (a word's collection frequency, a phrase's positions walked once) and in brackets the")
w("matching documents, which is what the timed Xapian query returns; Lua + LPeg matches. ≠ marks a count")
w("that differs from ripgrep's (see below). Times in ms: lector in process (CPU), ripgrep a whole process,")
w("Xapian in process (`Enquire.get_mset` counting matching documents).")
w()
w("| id | kind | query | lector | ripgrep | Xapian occ. (docs) | LPeg | lector ms | lector 1st ms | rg ms | Xapian ms | lector/rg | lector/Xapian |")
w("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
local function mark(n, ref) if n == nil then return "—" end return int(n) .. ((ref and n ~= ref) and " ≠" or "") end
for _, r in ipairs(Q) do
  w("| ", r.id, r.sample and "*" or "", " | ", r.kind, " | ", cell(r.q), " | ", mark(r.lector, r.rg), " | ", int(r.rg), " | ",
    mark(r.x_occ, r.rg), " (", int(r.x_docs), ") | ", mark(r.lpeg, r.rg), " | ", ms(r.lector_s), " | ", ms(r.lector_first),
    " | ", ms(r.rg_s), " | ", ms(r.x_s), " | ", ratio(r.lector_s, r.rg_s), " | ", ratio(r.lector_s, r.x_s), " |")
end
w()

-- agreement
w("## Counts: lector and ripgrep")
w()
local nd = 0
for _, r in ipairs(Q) do if r.lector ~= r.rg then nd = nd + 1 end end
if nd == 0 then
  w("lector's count equals ripgrep's on every query.")
else
  w("Where they differ, bench/agree.lua lined up lector's hits and ripgrep's matches by byte offset in the files",
    " whose counts differ; each row is one form seen there, the hit or match in [brackets] widened to the",
    " whitespace around it: *lector only* (no ripgrep match in the hit), *ripgrep only*, or *split* (one lector",
    " hit, several ripgrep matches).")
  w()
  w("| id | query | lector | ripgrep | lector − ripgrep | files differing (examined) | why, in the examined files (kind, class ×times (examples)) |")
  w("|---|---|---:|---:|---:|---:|---|")
  local label = { lector_only = "lector only", rg_only = "ripgrep only", split = "split" }
  for _, r in ipairs(Q) do
    if r.lector ~= r.rg then
      -- one entry per (kind, class): how many times, and the two shortest forms as examples
      local groups, order = {}, {}
      for _, y in ipairs(why[r.id] or {}) do
        local key = (label[y.kind] or y.kind) .. ", " .. y.class
        if not groups[key] then groups[key] = { n = 0, forms = {} }; order[#order + 1] = key end
        groups[key].n = groups[key].n + y.n
        table.insert(groups[key].forms, y.form)
      end
      table.sort(order, function(a, b) if groups[a].n ~= groups[b].n then return groups[a].n > groups[b].n end return a < b end)
      local reasons = {}
      for _, key in ipairs(order) do
        local g = groups[key]
        table.sort(g.forms, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
        local ex = {}
        for i = 1, math.min(2, #g.forms) do
          local f = g.forms[i]:gsub("^.-(" .. ("."):rep(24) .. "%[)", "…%1")
          f = f:gsub("(%][^%]]-)$", function(tail) return #tail > 25 and tail:sub(1, 24) .. "…" or tail end)
          ex[#ex + 1] = "`" .. f:gsub("|", "\\|"):gsub("`", "'") .. "`"
        end
        reasons[#reasons + 1] = string.format("%s ×%d (%s)", key, g.n, table.concat(ex, ", "))
      end
      local fl = files[r.id]
      w("| ", r.id, " | ", cell(r.q), " | ", int(r.lector), " | ", int(r.rg), " | ", string.format("%+d", (r.lector or 0) - (r.rg or 0)),
        " | ", fl and string.format("%d (%d)", fl.differ, fl.examined) or "—", " | ",
        #reasons > 0 and table.concat(reasons, "; ") or "not examined", " |")
    end
  end
  w()
  w("The rules behind the classes: lector keeps a hyphen compound as one token and finds a word inside it as a part,",
    " so `government-to-government` is one hit of *government* where ripgrep sees two, and a phrase may end or begin",
    " inside a compound; lector splits clitics (`is|n't`, `do|n't`), so *it is* matches `it isn't`, where ripgrep's",
    " `\\b` sees `isn` as one word; lector keeps a URL, e-mail address or domain name as one token, where ripgrep",
    " finds the words between its dots and slashes; lector splits at an underscore, where ripgrep's `\\w` includes it.")
end
w()
local xd, pd = {}, {}
for _, r in ipairs(Q) do
  if r.x_occ and r.x_occ ~= r.rg then xd[#xd + 1] = string.format("%s %s (%+d)", r.id, r.q, r.x_occ - r.rg) end
  if r.lpeg and r.lpeg ~= r.rg then pd[#pd + 1] = string.format("%s %s (%+d)", r.id, r.q, r.lpeg - r.rg) end
end
w("Xapian against ripgrep: ", #xd == 0 and "the same on every query." or (table.concat(xd, ", ") .. ". Xapian's"
  .. " TermGenerator keeps an apostrophe or underscore inside a term (`government's` is not `government`), makes"
  .. " `U.S.A.` the term `usa`, and gives no position to punctuation, so a phrase matches across it (`of. The`)."))
w()
w("Lua + LPeg against ripgrep: ", #pd == 0 and "the same on every query." or (table.concat(pd, ", ") .. ". The"
  .. " scan lower-cases ASCII only and reads ripgrep's `\\w` from UTF-8 bytes without Unicode tables."))
w()

-- how
w("## How it was measured")
w()
w("- lector build: `", R.cmd_lector_build or "?", "` (", R.lector_build_runs or "?", " runs, wall time and peak RSS from `/usr/bin/time`)")
w("- lector annotated build: `", R.cmd_lector_build_annotated or "?", "` (", R.lector_build_annotated_runs or "?", " runs)")
if store then
  w("- lector open: `lector.open(DIR)` again ", R.runs, " times in one process, `C:info().open_seconds` (wall, lector's own clock),",
    " and as many with `{check = false}` (the stored index used without a stat of every file);",
    string.format(" the first open after the build took %s ms (CPU); a whole process that opens the index: %s ms (hyperfine).",
      ms(num("open_cpu_first")), ms(num("lector_open_process_s"))))
  w("- lector index size: `du -sb` of ", R.lector_disk_path or "the store", " (in-memory index_bytes: ", mb(num("info_index_bytes")), " MB)")
end
w("- lector queries and the hit loop: `", R.cmd_lector_queries or "?", "` (bench/lector.lua; `os.clock` CPU time, a run",
  " repeats `C:count` for 2 ms; the first count is shown as \"1st\")")
w("- ripgrep: ", R.cmd_rg or "?")
w("- Xapian build: `", R.cmd_xapian_build or "?", "` (", R.xapian_build_runs or "?", " run", xruns == 1 and ", measured once: the first run took longer than " .. R.once_after .. " s" or "s",
  "); one document per file, `TermGenerator.index_text` (positions, no stemmer); size `du -sb` of the database")
w("- Xapian open and queries: `", R.cmd_xapian_query or "?", "` (in process, `time.perf_counter`; a word is `Query(term)`, a phrase",
  " `OP_PHRASE` with window = its length, alternatives `OP_OR`; BoolWeight; `get_mset(0, 0, all documents)`)")
w("- Lua + LPeg: `", R.cmd_lpeg_scan or "?", "` (", R.lpeg_scan_runs or "?", " run", lruns == 1 and ", measured once: the first run took longer than " .. R.once_after .. " s" or "s",
  "; one pass over every file counts all ", #Q, " queries, so its time is per pass)")
w("- this tier took ", R.bench_wall_s or "?", " s of `make bench` (bench/run.sh)")
io.write(table.concat(out, "\n"), "\n")
