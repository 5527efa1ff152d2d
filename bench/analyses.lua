-- bench/analyses.lua: the Markdown table of the shipped analyses on one tier of `make bench`
-- (PARTS=analyses), from the results.tsv bench/run.sh left in its scratch folder: each analysis's
-- wall time and peak memory beside `lector index --rebuild` of the same files in the same run, the
-- ratio against issue 22's target, and the same analyses on the seed corpus. Stock lua5.4.
--
--   lua5.4 bench/analyses.lua WORKDIR > bench/results/DATE-TIER-analyses.md
local W = arg[1]
assert(W, "usage: lua5.4 bench/analyses.lua WORKDIR")

local R = {}
for l in io.lines(W .. "/results.tsv") do
  local k, v = l:match("^([^\t]+)\t(.*)$")
  if k then R[k] = v end
end
local function num(k) return tonumber(R[k]) end

-- the targets of issue 22: a share of the build's time, peak RSS, time on the seed corpus
local TARGET = { mentions = 0.10, mentions_lexicon = 0.10, resolutions = 0.10, positions = 1.0, report = 1.5, report_lexicon = 1.5 }
local RSS_MB, SEED_S = 600, 0.2
local LABEL = { mentions = "`mentions.lua` (names found in the corpus)",
  mentions_lexicon = "`mentions.lua --entities corpus/entities.lua`", resolutions = "`resolutions.lua`",
  positions = "`positions.lua`", report = "`report.lua` (names found in the corpus)",
  report_lexicon = "`report.lua --entities corpus/entities.lua`" }

local out = {}
local function say(fmt, ...) out[#out + 1] = string.format(fmt, ...) end

local build = num("lector_build_s")
say("# The shipped analyses beside the build: %s tier, %s", R.tier, R.date)
say("")
say("%s files, %.1f MB of text; %s (%s cores, %s); lector %s. Each figure is the median of %s runs",
  R.files, (num("text_bytes") or 0) / 1e6, R.cpu, R.nproc, R.mem, R.lector_commit, R.runs)
say("(a command that took longer than %s s the first time was run once: see the runs column). Load", R.once_after)
say("average at the start %s, at the end %s: the machine is shared, so read the ratios, measured", R.loadavg, R.loadavg_end or "?")
say("side by side in one run, before the seconds. The index is stored and plain (not annotated):")
say("positions.lua tags its sentences with the built-in tagger as it reads them. Peak RSS counts the")
say("pages of the index file that a process maps in and touches (clean pages of the page cache: on")
say("the 100 MB tier, positions.lua's 203 MB were 124 MB of the mapped file and 79 MB of its own).")
say("")
say("| what | seconds | runs | peak RSS | × build | target | met | rows |")
say("|---|---:|---:|---:|---:|---:|---|---:|")
say("| `lector index --rebuild` | %.2f | %s | %.0f MB | 1 | | | |", build or 0, R.lector_build_runs or "?",
  (num("lector_build_rss_kb") or 0) / 1024)
for a in (R.analyses or ""):gmatch("%S+") do
  local s, rss = num("an_" .. a .. "_s"), (num("an_" .. a .. "_rss_kb") or 0) / 1024
  local ratio = s and build and build > 0 and s / build
  local t = TARGET[a]
  local met = ratio and t and (ratio <= t and rss <= RSS_MB and "yes" or
    string.format("no: %.1f× the target%s", ratio / t, rss > RSS_MB and ", RSS over 600 MB" or ""))
  say("| %s | %.2f | %s | %.0f MB | %.2f | ≤ %s | %s | %s |", LABEL[a] or a, s or 0, R["an_" .. a .. "_runs"] or "?",
    rss, ratio or 0, t and tostring(t) or "?", met or "?", R["an_" .. a .. "_rows"] or "?")
end
say("")
say("On the seed corpus (corpus/, five documents; target: each under %.1f s, the whole process):", SEED_S)
say("")
say("| script | seconds | peak RSS | met |")
say("|---|---:|---:|---|")
for a in (R.analyses or ""):gmatch("%S+") do
  local s = num("seed_" .. a .. "_s")
  say("| %s | %.3f | %.0f MB | %s |", LABEL[a] or a, s or 0, (num("seed_" .. a .. "_rss_kb") or 0) / 1024,
    s and (s < SEED_S and "yes" or "no") or "?")
end
say("")
say("Commands (DIR = the tier's folder):")
say("")
say("```")
say("%s", (R.cmd_lector_build or ""):gsub(" /%S+/corpora/%a+", " DIR"))
for a in (R.analyses or ""):gmatch("%S+") do
  say("%s", (R["cmd_an_" .. a] or ""):gsub(" /%S+/corpora/%a+", " DIR"):gsub(" /%S+/report%.html", " W/report.html")
    :gsub(" /%S+/corpus/entities%.lua", " corpus/entities.lua"))
end
say("```")
print(table.concat(out, "\n"))
