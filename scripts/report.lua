-- report.lua: the report `make run` shows. On the terminal: the documents with their dates, the
-- most mentioned entities per year, every resolution reference, and the positions that changed
-- between documents. In out/report.html (or --out FILE): the same as one self-contained page (no
-- network: inline CSS and SVG) with a chart of mentions over time per entity, the resolution
-- references with their sentences, and the positions timeline with the changes highlighted.
--
--   lector run scripts/report.lua [--corpus DIR] [--out FILE] [--top N] [--entities FILE] [--boilerplate]
--     [--by year|decade|month|FIELD] [--where FIELD=VALUE,..]
-- Entities as for scripts/mentions.lua: --entities FILE, else entities.lua|tsv in the corpus folder,
-- else the proper names found in the corpus (doc/lexicons.md).
-- --format tsv|csv|json gives the views of the terminal report as data instead (the page is still
-- written; its line goes to stderr): JSON, one object of the named views (corpus, documents,
-- mentions_per_year, groups, references, changes), each an array of rows; TSV and CSV, each view
-- after a line "# NAME"; --view NAME gives one view alone (a plain table, or a JSON array).
-- this file's folder (whether run or required), for its lib/, data/ and packs/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. here .. "/lib/?.lua;" .. here .. "/packs/un-resolutions/lua/?.lua;"
  .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local mentions = require "mentions"
local resolutions = require "resolutions"
local positions = require "positions"
local html = require "report_html"
local groups = require "groups"

local opt = cli.parse(arg, {
  usage = "The full report: documents, mentions per year, resolution references, position changes;\n"
    .. "also written as one HTML page.",
  options = {
    { "--out", value = "FILE", default = "out/report.html", help = "where the HTML page goes (default out/report.html)" },
    { "--top", value = "N", default = "5", help = "entities per year on the terminal, and in the chart (5)" },
    { "--entities", value = "FILE", help = "the entity lexicon, .lua or .tsv (doc/lexicons.md)" },
    { "--by", value = "year|decade|month|FIELD", default = "year",
      help = "the groups the counts and rates per 1,000 tokens are given for (default year)" },
    { "--where", value = "FIELD=VALUE,..", help = "only the documents whose FIELD is one of the values" },
    { "--view", value = "corpus|documents|mentions_per_year|groups|references|changes",
      choices = { "corpus", "documents", "mentions_per_year", "groups", "references", "changes" },
      help = "with --format tsv|csv|json: only this view" },
  },
})
-- the text report (the default, or --format table), else its views as data (views, below)
local as_data = opt.format_given and opt.format ~= "table"
local views = {}
local top = tonumber(opt.top)
if not top or top < 1 then cli.fail("--top needs a positive number, not '" .. tostring(opt.top) .. "'") end
top = math.floor(top)
local C = cli.corpus()
local group, gerr = groups.by(C, opt.by)
if not group then cli.fail(gerr) end
if opt.where then
  local werr
  opt.keep, werr = groups.where(C, opt.where)
  if not opt.keep then cli.fail(werr) end
end

-- the analyses
local matcher, err = mentions.load(C, opt.entities)
if not matcher then cli.fail(err) end
local counts = mentions.count(C, matcher, { boilerplate = opt.boilerplate, keep = opt.keep })
local refs = {}
for _, r in ipairs(resolutions.corpus(C, opt.boilerplate)) do
  if not opt.keep or opt.keep(r.doc) then refs[#refs + 1] = r end
end
local pdata, perr = positions.load()
if not pdata then cli.fail(perr) end
local statements = positions.statements(C, pdata, opt)
local timeline = positions.timeline(statements)
local changes = positions.changes(timeline)
local docs = {}
for _, d in ipairs(text.docs(C)) do
  if not opt.keep or opt.keep(d) then docs[#docs + 1] = d end
end

local w = as_data and function() end or io.write
local info = C:info()
views[#views + 1] = { "corpus", { { root = info.root, documents = info.documents, tokens = info.tokens,
  sentences = info.sentences } }, { "root", "documents", "tokens", "sentences" } }
w(string.format("lector report: %s: %d documents, %d tokens, %d sentences\n\n", info.root, info.documents,
  info.tokens, info.sentences))

-- 1. documents
w("Documents (oldest first)\n")
local drows = {}
for _, d in ipairs(docs) do
  drows[#drows + 1] = { date = d.date or "-", file = d.name, tokens = d.tokens, title = d.title or "" }
end
-- on the terminal the first and last few of a long list (the data formats give them all)
local SHOWN = 20
local shown = drows
if #drows > 2 * SHOWN then
  shown = {}
  for i = 1, SHOWN do shown[#shown + 1] = drows[i] end
  shown[#shown + 1] = { date = "...", file = string.format("(%d more)", #drows - 2 * SHOWN), tokens = "", title = "" }
  for i = #drows - SHOWN + 1, #drows do shown[#shown + 1] = drows[i] end
end
w(output.format(shown, { "date", "file", "tokens", "title" }, "table", { widths = { title = 60 } }), "\n")
views[#views + 1] = { "documents", drows, { "date", "file", "tokens", "title" } }

-- 2. mentions per year
w(string.format("Most mentioned per year (top %d; entities: %s)\n", top, matcher.source))
local years = {}
for y in pairs(counts.years) do years[#years + 1] = y end
table.sort(years, function(a, b) return tostring(a) < tostring(b) end)
local yrows = {}
views[#views + 1] = { "mentions_per_year", yrows, { "year", "rank", "entity", "count" } }
for _, y in ipairs(years) do
  local parts = {}
  for i, e in ipairs(mentions.ranked(counts.years[y])) do
    if i > top then break end
    yrows[#yrows + 1] = { year = y, rank = i, entity = e, count = counts.years[y][e] }
    parts[#parts + 1] = string.format("%s %d", e, counts.years[y][e])
  end
  w(string.format("  %s  %s\n", y, table.concat(parts, ", ")))
end
w("\n")

-- 2b. per group: documents, tokens, mentions and references, with rates per 1,000 tokens
local per, names = {}, {}
local function slot(d)
  local g = tostring(group(d))
  if not per[g] then per[g] = { [opt.by] = g, documents = 0, tokens = 0, mentions = 0, references = 0 }; names[#names + 1] = g end
  return per[g]
end
for _, d in ipairs(docs) do
  local x = slot(d)
  x.documents, x.tokens = x.documents + 1, x.tokens + d.tokens
end
for _, x in ipairs(counts.docs) do
  for _, n in pairs(x.counts) do slot(x.doc).mentions = slot(x.doc).mentions + n end
end
for _, r in ipairs(refs) do
  if r.is_reference == "yes" then slot(r.doc).references = slot(r.doc).references + 1 end
end
table.sort(names)
local grows = {}
for _, g in ipairs(names) do
  local x = per[g]
  x.mentions_per_1000 = string.format("%.1f", x.tokens > 0 and 1000 * x.mentions / x.tokens or 0)
  x.references_per_1000 = string.format("%.2f", x.tokens > 0 and 1000 * x.references / x.tokens or 0)
  grows[#grows + 1] = x
end
w(string.format("Per %s: mentions and resolution references, and per 1,000 tokens\n", opt.by))
local gcols = { opt.by, "documents", "tokens", "mentions", "mentions_per_1000", "references", "references_per_1000" }
w(output.format(grows, gcols, "table"), "\n")
views[#views + 1] = { "groups", grows, gcols }

-- 3. resolution references
local yes, other = {}, 0
for _, r in ipairs(refs) do
  if r.is_reference == "yes" then yes[#yes + 1] = r else other = other + 1 end
end
w(string.format("Resolution references: %d (and %d other %s of the word)\n", #yes, other, other == 1 and "sense" or "senses"))
local rcols = { "file", "start", "matched", "body", "status", "specificity", "number" }
w(output.format(yes, rcols, "table", { widths = { file = 24, matched = 22 } }), "\n")
views[#views + 1] = { "references", yes, rcols }

-- 4. positions that changed
local changed = {}
for _, c in ipairs(changes) do if c.changed then changed[#changed + 1] = c end end
w(string.format("Positions: %d statements; %d comparisons of an actor's stance on a topic between documents; %d changes\n",
  #statements, #changes, #changed))
w(output.format(changed, { "actor", "topic", "from_date", "from_stance", "to_date", "to_stance" }, "table"), "\n")
views[#views + 1] = { "changes", changed, { "actor", "topic", "from_date", "from_stance", "to_date", "to_stance",
  "from_evidence", "to_evidence" } }
if as_data then io.write(output.views(views, opt.format, opt.view)) end
-- the evidence of each change: the sentence on each side
for i, c in ipairs(changed) do
  w(string.format("%d. %s on %s\n   %s  %s: %s\n   %s  %s: %s\n", i, c.actor, c.topic, c.from_date, c.from_stance,
    c.from_evidence, c.to_date, c.to_stance, c.to_evidence))
end
if #changed > 0 then w("\n") end

-- the page: with the dispersion of the most named entities' mentions (C:dispersion of their hits)
local scope, dispersion = opt.keep and C:where(opt.keep) or C, {}
local ranked = mentions.ranked(counts.total)
for i = 1, math.min(#ranked, math.max(top, 5)) do
  local starts = {}
  for _, m in ipairs(counts.mentions) do if m.entity == ranked[i] then starts[#starts + 1] = m.start end end
  table.sort(starts)
  dispersion[ranked[i]] = scope:dispersion(scope:hitset(starts, starts))
end
local page, charts = html.page({ title = "lector report: " .. tostring(info.root), info = info, docs = docs,
  counts = counts, lexicon = matcher.source, top = top, refs = refs, timeline = timeline, changes = changes, statements = statements,
  rank = mentions.ranked, by = opt.by, groups = grows, dispersion = dispersion })
local f = io.open(opt.out, "wb")
if not f then
  local dir = opt.out:match("^(.*)/[^/]*$")
  if dir then os.execute("mkdir -p '" .. dir:gsub("'", "'\\''") .. "'") end
  f = io.open(opt.out, "wb")
end
if not f then cli.fail("cannot write " .. opt.out, 1) end
f:write(page)
f:close()
local written = string.format("Written: %s (%d bytes)\n", opt.out, #page)
if as_data then io.stderr:write(written) else w(written) end
-- each chart also as a file of its own beside the page
local dir, names = opt.out:match("^(.*)/[^/]*$") or ".", {}
for _, c in ipairs(charts) do
  local path = dir .. "/" .. c.file
  local g = io.open(path, "wb")
  if not g then cli.fail("cannot write " .. path, 1) end
  g:write('<?xml version="1.0" encoding="UTF-8"?>\n', c.svg, "\n")
  g:close()
  names[#names + 1] = path
end
local charts_line = string.format("Charts: %s\n", table.concat(names, ", "))
if as_data then io.stderr:write(charts_line) else w(charts_line) end
