-- report_html.lua: the HTML page of scripts/report.lua: one self-contained file (inline CSS and SVG,
-- no script, no network) that any browser opens and that reads the same without JavaScript: the
-- evidence behind each reference and statement is one click away in a <details> element. Documents
-- are labelled by date and title (the file name in a tooltip); counts stand beside their rate per
-- 1,000 tokens; time runs on a true axis. The charts come from report_svg.lua and are also handed
-- back as standalone files. The sections have ids the report spec looks for: #documents,
-- #timeline (the SVG #mentions-chart), #mentions, #dispersion, #groups, #resolutions, #positions,
-- #stance, #statements, #changes.
local svg = require "report_svg"

local M = {}

local esc = svg.escape
M.escape = esc

local CSS = [[
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em;margin:1.2em 0 .3em}
nav a{margin-right:1em}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3;font-weight:600}td.n{text-align:right;white-space:nowrap}td.date{white-space:nowrap}
.rate{color:#666;font-size:.85em}.file{color:#888;font-size:.8em;display:block}
mark{background:#ffe58a}.no{color:#888}
.supports{background:#d9f2d9}.opposes{background:#f8d4d4}.conditional{background:#fff0c2}.neutral{background:#eee}
td.changed{outline:3px solid #c00;font-weight:bold}
details summary{cursor:pointer;color:#114;max-width:34em}details[open] summary{color:#666}
details blockquote{margin:.3em 0 .3em .8em;padding-left:.6em;border-left:3px solid #ccc;max-width:40em}
details .src{color:#666;font-size:.85em;margin:0}
.legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:1.6em;height:.35em;
vertical-align:middle;margin-right:.3em}
svg{display:block;max-width:100%;height:auto}
]]

-- a document's label: its date and title; the file name as the tooltip and, with full, below
local function doc_label(d, full)
  local t = d.title and d.title ~= "" and d.title or d.name
  if full then return string.format('%s<span class="file">%s</span>', esc(t), esc(d.name)) end
  return string.format('<span title="%s (%s)">%s</span>', esc(t), esc(d.name), esc(M.short(t, 40)))
end
local function short(s, n)
  s = tostring(s or ""):gsub("%s+", " ")
  if #s <= n then return s end
  local cut = s:sub(1, n):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "")
  return (cut:gsub("%s+%S*$", "")) .. "…"
end
M.short = short
local function rate(n, tokens) return tokens > 0 and 1000 * n / tokens or 0 end
-- "13 <span class=rate>24.2</span>": a count and its rate per 1,000 tokens
local function count_rate(n, tokens, fmt)
  return string.format('%d <span class="rate">(%s)</span>', n, string.format(fmt or "%.1f", rate(n, tokens)))
end

local function table_html(id, cols, rows, cell)
  local out = { string.format('<table id="%s"><thead><tr>', id) }
  -- a column is a name, or { key =, label = (HTML) } when the header is not the key
  for _, c in ipairs(cols) do out[#out + 1] = "<th>" .. (type(c) == "table" and c.label or esc(c)) .. "</th>" end
  out[#out + 1] = "</tr></thead><tbody>"
  for _, r in ipairs(rows) do
    out[#out + 1] = "<tr>"
    for _, col in ipairs(cols) do
      local c = type(col) == "table" and col.key or col
      local v, class
      if cell then v, class = cell(r, c) end
      if v == nil then v = esc(r[c]) end
      out[#out + 1] = string.format("<td%s>%s</td>", class and (' class="' .. class .. '"') or "", v)
    end
    out[#out + 1] = "</tr>"
  end
  out[#out + 1] = "</tbody></table>"
  return table.concat(out)
end

-- the sentence with the matched words marked
local function marked(r)
  local s, a = r.sentence_text or r.sentence, (r.start or 0) - (r.sentence_start or 0)
  local b = (r.stop or 0) - (r.sentence_start or 0)
  if not r.sentence_text or a < 0 or b > #s then return esc(r.sentence) end
  return ((esc(s:sub(1, a)) .. "<mark>" .. esc(s:sub(a + 1, b)) .. "</mark>" .. esc(s:sub(b + 1))):gsub("%s+", " "))
end

-- the evidence one click away: the sentence's start as the summary, the whole sentence (marked),
-- its document and why it was read so inside
local function evidence(sentence, marked_html, d, why)
  local src = d and string.format('<p class="src">%s, %s (%s)</p>', esc(d.title or d.name), esc(d.date or "undated"),
    esc(d.name)) or ""
  return string.format('<details><summary>%s</summary><blockquote>%s</blockquote>%s%s</details>',
    esc(short(sentence, 70)), marked_html, src, why and why ~= "" and ('<p class="src">' .. esc(why) .. "</p>") or "")
end

-- the file name of a chart: prefix-slug.svg, unique in the page
local function slugger()
  local used = {}
  return function(prefix, s)
    local slug = tostring(s):lower():gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
    if slug == "" then slug = "x" end
    local name, k = prefix .. "-" .. slug, 1
    while used[name] do k = k + 1; name = prefix .. "-" .. slug .. "-" .. k end
    used[name] = true
    return name
  end
end

-- the documents the page lists at most
M.MAX_DOC_ROWS = 200
-- the rows of a dispersion plot at most (a corpus of more documents shows those that mention it most)
M.PLOT_ROWS = 30

-- the n items of list with the greatest weight(item) (the earlier first among equals), in the
-- list's order; with nonzero, only those of weight above 0
local function heaviest(list, n, weight, nonzero)
  local rank = {}
  for i, x in ipairs(list) do
    local w = weight(x)
    if not nonzero or w > 0 then rank[#rank + 1] = { x = x, i = i, w = w } end
  end
  table.sort(rank, function(a, b) if a.w ~= b.w then return a.w > b.w end return a.i < b.i end)
  for i = #rank, n + 1, -1 do rank[i] = nil end
  table.sort(rank, function(a, b) return a.i < b.i end)
  local out = {}
  for i, r in ipairs(rank) do out[i] = r.x end
  return out
end

-- the points of time of the page: each document (in date order) when there are few, else each year
M.MAX_DOC_COLUMNS = 12
local function time_points(r)
  local points = {}
  if #r.counts.docs <= M.MAX_DOC_COLUMNS then
    for _, x in ipairs(r.counts.docs) do
      local d = x.doc
      points[#points + 1] = { key = d.name, t = svg.time(d.date), tokens = d.tokens, counts = x.counts,
        label = (d.date or "undated") .. " " .. short(d.title or d.name, 40),
        head = string.format('%s<span class="file" title="%s">%s</span>', esc(d.date or "undated"), esc(d.name),
          esc(short(d.title or d.name, 28))) }
    end
    return points, "document", function(doc) return doc.name end
  end
  local n, tokens = {}, {}
  for _, x in ipairs(r.counts.docs) do
    local y = tostring(x.doc.year or "undated")
    n[y], tokens[y] = (n[y] or 0) + 1, (tokens[y] or 0) + x.doc.tokens
  end
  local years = {}
  for y in pairs(n) do years[#years + 1] = y end
  table.sort(years)
  for _, y in ipairs(years) do
    local c = r.counts.years[y] or r.counts.years[tonumber(y)] or {}
    points[#points + 1] = { key = y, t = svg.time(y), tokens = tokens[y], counts = c,
      label = y .. " (" .. n[y] .. (n[y] == 1 and " document)" or " documents)"),
      head = string.format('%s<span class="file">%d %s</span>', esc(y), n[y], n[y] == 1 and "document" or "documents") }
  end
  return points, "year", function(doc) return tostring(doc.year or "undated") end
end

-- the page and its charts; r = { title, info, docs, counts (mentions.count), top, refs, timeline,
-- changes, statements, rank (mentions.ranked), by (the field the groups are of), groups (rows of
-- documents, tokens, mentions, references and their rates per 1,000 tokens per group),
-- dispersion (entity -> C:dispersion of its mentions) }. Returns the HTML and the list of charts
-- { {file = "timeline.svg", svg = ...}, ... }.
function M.page(r)
  local charts, slug = {}, slugger()
  local function chart(file, s) charts[#charts + 1] = { file = file .. ".svg", svg = s } return s end
  local out = { "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>" .. esc(r.title) .. "</title>", "<style>" .. CSS .. "</style></head><body>",
    "<h1>" .. esc(r.title) .. "</h1>",
    string.format("<p>%d documents, %d tokens, %d sentences. Made by <code>lector run scripts/report.lua</code>. "
      .. "Counts are followed by their rate per 1,000 tokens in brackets; click a sentence to see it whole.</p>",
      r.info.documents, r.info.tokens, r.info.sentences),
    '<nav><a href="#documents">Documents</a><a href="#timeline">Mentions over time</a><a href="#dispersion">'
      .. 'Dispersion</a><a href="#resolutions">Resolution references</a><a href="#positions">Positions</a>'
      .. '<a href="#stance">Stance timelines</a><a href="#statements">Statements</a><a href="#changes">What changed</a></nav>' }
  -- per document: mentions, references and statements
  local per = {}
  for _, d in ipairs(r.docs) do per[d.id] = { mentions = 0, references = 0, statements = 0 } end
  for _, x in ipairs(r.counts.docs) do
    local p = per[x.doc.id]
    if p then for _, n in pairs(x.counts) do p.mentions = p.mentions + n end end
  end
  local by_name = {}
  for _, d in ipairs(r.docs) do by_name[d.name] = d end
  for _, x in ipairs(r.refs) do
    local p = by_name[x.file] and per[by_name[x.file].id]
    if p and x.is_reference == "yes" then p.references = p.references + 1 end
  end
  for _, s in ipairs(r.statements) do
    local p = by_name[s.file] and per[by_name[s.file].id]
    if p then p.statements = p.statements + 1 end
  end
  out[#out + 1] = '<section id="documents-section"><h2 id="documents-head">Documents</h2>'
  -- a corpus of more than MAX_DOC_ROWS documents: those with the most mentions, references and
  -- statements (oldest first), and how many are left out; the groups below count them all
  local listed = r.docs
  if #listed > M.MAX_DOC_ROWS then
    listed = heaviest(r.docs, M.MAX_DOC_ROWS, function(d)
      local x = per[d.id]
      return x.mentions + x.references + x.statements
    end)
    out[#out + 1] = string.format('<p class="note">The %d documents of the %d that have the most mentions, '
      .. 'references and statements; %d more are not listed.</p>', #listed, #r.docs, #r.docs - #listed)
  end
  out[#out + 1] = table_html("documents", { "date", "title", "tokens", { key = "mentions", label = "mentions (per 1,000)" },
    { key = "references", label = "references (per 1,000)" }, "statements" }, listed, function(d, c)
    if c == "date" then return esc(d.date or "undated"), "date" end
    if c == "title" then return doc_label(d, true) end
    if c == "tokens" then return esc(d.tokens), "n" end
    if c == "mentions" then return count_rate(per[d.id].mentions, d.tokens), "n" end
    if c == "references" then return count_rate(per[d.id].references, d.tokens, "%.2f"), "n" end
    if c == "statements" then return esc(per[d.id].statements), "n" end
  end)
  out[#out + 1] = "</section>"

  -- mentions over time
  local entities = {}
  for i, e in ipairs(r.rank(r.counts.total)) do
    if i > math.max(r.top, 5) then break end
    entities[#entities + 1] = e
  end
  local points, what, point_of = time_points(r)
  local dated, times, marks, undated = {}, {}, {}, 0
  for _, x in ipairs(points) do if x.t then dated[#dated + 1] = x end end
  -- in time order: a date of year precision ("2003") sorts before "2003-05" but sits mid-year
  for i, x in ipairs(dated) do x.order = i end
  table.sort(dated, function(a, b) if a.t ~= b.t then return a.t < b.t end return a.order < b.order end)
  for _, d in ipairs(r.docs) do
    local t = svg.time(d.date)
    if t then
      times[#times + 1] = t
      marks[#marks + 1] = { t = t, date = d.date, label = d.date .. ": " .. (d.title or d.name) .. " (" .. d.name .. ")" }
    else
      undated = undated + 1
    end
  end
  local axis = svg.axis(times, 700)
  local total_tokens = r.info.tokens
  out[#out + 1] = '<section id="timeline"><h2>Mentions over time</h2>'
  out[#out + 1] = string.format("<p>Mentions of the most named entities per 1,000 tokens in each %s, placed at "
    .. "its date on a true time axis (entities: %s)%s. Marks under the axis are the documents.</p>", what,
    esc(r.lexicon or ""), undated > 0 and string.format("; %d undated %s not shown", undated,
      undated == 1 and "document is" or "documents are") or "")
  out[#out + 1] = chart("timeline", svg.mentions(dated, entities, axis, marks, what))
  local legend = { '<p class="legend">' }
  for k, e in ipairs(entities) do
    legend[#legend + 1] = string.format('<span><i style="background:%s"></i>%s: %s</span>',
      svg.COLORS[(k - 1) % #svg.COLORS + 1], esc(e), count_rate(r.counts.total[e], total_tokens))
  end
  out[#out + 1] = table.concat(legend) .. "</p></section>"
  local mrows, cols = {}, { "entity" }
  for _, x in ipairs(points) do cols[#cols + 1] = { key = x.key, label = x.head } end
  cols[#cols + 1] = "total"
  for _, e in ipairs(r.rank(r.counts.total)) do mrows[#mrows + 1] = { entity = e } end
  local tokens_of = {}
  for _, x in ipairs(points) do tokens_of[x.key] = x end
  out[#out + 1] = string.format('<section id="mentions-section"><h2>Mentions per %s</h2><p>Each cell: mentions '
    .. "(per 1,000 tokens of the %s).</p>", what, what)
  out[#out + 1] = table_html("mentions", cols, mrows, function(row, c)
    if c == "entity" then return nil end
    if c == "total" then return count_rate(r.counts.total[row.entity], total_tokens), "n" end
    local x = tokens_of[c]
    return count_rate(x.counts[row.entity] or 0, x.tokens), "n"
  end)
  out[#out + 1] = "</section>"

  -- dispersion
  if r.dispersion then
    out[#out + 1] = '<section id="dispersion"><h2>Dispersion</h2><p>Where in each document the most named '
      .. "entities occur: a row per document (oldest first), its length drawn the same for all, a tick at each "
      .. "mention. Range is the documents with a mention; Juilland's D is 1 for an even spread and 0 for all "
      .. "in one document; Gries's DP is 0 for a spread as the documents' sizes and near 1 for all in a small "
      .. "one (doc/dispersion.md).</p>"
    local drows = {}
    for _, e in ipairs(entities) do
      local x = r.dispersion[e]
      drows[#drows + 1] = { entity = e, freq = x.freq, range = x.range .. "/" .. x.parts,
        juilland_d = x.juilland_d and string.format("%.3f", x.juilland_d) or "-",
        gries_dp = x.gries_dp and string.format("%.3f", x.gries_dp) or "-",
        dp_norm = x.dp_norm and string.format("%.3f", x.dp_norm) or "-" }
    end
    out[#out + 1] = table_html("dispersion-measures", { "entity", "freq", "range", "juilland_d", "gries_dp",
      "dp_norm" }, drows, function(row, c) if c ~= "entity" then return esc(row[c]), "n" end end)
    local offsets = {}
    for _, m in ipairs(r.counts.mentions) do
      local per_doc = offsets[m.entity] or {}
      offsets[m.entity] = per_doc
      per_doc[m.doc.id] = per_doc[m.doc.id] or {}
      table.insert(per_doc[m.doc.id], m.start - m.doc.first)
    end
    for k, e in ipairs(entities) do
      -- a row per document; of a corpus of more than PLOT_ROWS, the PLOT_ROWS documents that
      -- mention it most (oldest first), as a plot of thousands of rows shows nothing
      local docs, per = r.docs, offsets[e] or {}
      if #docs > M.PLOT_ROWS then
        docs = heaviest(docs, M.PLOT_ROWS, function(d) return per[d.id] and #per[d.id] or 0 end, true)
      end
      local rows = {}
      for _, d in ipairs(docs) do
        rows[#rows + 1] = { label = (d.date or "undated") .. " " .. short(d.title or d.name, 20),
          title = (d.title or "") .. " (" .. d.name .. ")", tokens = d.tokens,
          offsets = per[d.id] or {} }
      end
      local x = r.dispersion[e]
      local head = string.format("%s: %d mentions in %d of %d documents, D %s, DP %s", e, x.freq, x.range, x.parts,
        x.juilland_d and string.format("%.3f", x.juilland_d) or "-", x.gries_dp and string.format("%.3f", x.gries_dp) or "-")
      if #docs < #r.docs then
        head = head .. string.format(" (the %d documents that mention it most)", #docs)
      end
      local name = slug("dispersion", e)
      out[#out + 1] = chart(name, svg.dispersion(name, rows, head, svg.COLORS[(k - 1) % #svg.COLORS + 1]))
    end
    out[#out + 1] = "</section>"
  end

  -- per group, with rates
  if r.groups and #r.groups > 0 then
    out[#out + 1] = string.format('<section id="groups-section"><h2>Per %s</h2><p>Mentions and resolution '
      .. "references in each %s, and per 1,000 tokens, so that groups of different sizes compare.</p>", esc(r.by),
      esc(r.by))
    out[#out + 1] = table_html("groups", { r.by, "documents", "tokens", "mentions", "mentions_per_1000",
      "references", "references_per_1000" }, r.groups, function(row, c)
      if c ~= r.by then return esc(row[c]), "n" end
    end)
    out[#out + 1] = "</section>"
  end

  -- resolutions
  local yes = 0
  for _, x in ipairs(r.refs) do if x.is_reference == "yes" then yes = yes + 1 end end
  out[#out + 1] = '<section id="resolutions-section"><h2 id="resolutions-head">Resolution references</h2>'
  out[#out + 1] = string.format("<p>%d references; %d other %s of the word (greyed). Click a sentence to read it "
    .. "whole, with its document.</p>", yes, #r.refs - yes, #r.refs - yes == 1 and "sense" or "senses")
  out[#out + 1] = table_html("resolutions", { "document", "matched", "body", "status", "specificity", "number",
    "sentence" }, r.refs, function(row, c)
    local d = by_name[row.file]
    local no = row.is_reference == "no" and "no" or nil
    if c == "document" then
      return esc(row.date or (d and d.date) or "") .. " " .. (d and doc_label(d) or esc(row.file)), no
    end
    if c == "sentence" then return evidence(row.sentence, marked(row), d, row.explain), no end
    if no then return esc(c == "body" and "(not a reference)" or row[c]), no end
  end)
  out[#out + 1] = "</section>"

  -- positions grid
  out[#out + 1] = '<section id="positions-section"><h2>Positions over time</h2>'
  out[#out + 1] = "<p>Each cell is an actor's position on a topic in one " .. what .. " (the commonest stance of its "
    .. "statements; click it for the sentences). A red frame marks a change from the actor's previous stance "
    .. "(neutral cells, where no stance was recognized, neither start nor end a change)"
    .. (what == "year" and "; in a year of several documents, the last one's." or ".") .. "</p>"
  local said = {}                               -- actor / topic / point -> its statements
  for _, s in ipairs(r.statements) do
    local d = by_name[s.file]
    local key = s.actor .. "\0" .. s.topic .. "\0" .. (d and point_of(d) or "")
    said[key] = said[key] or {}
    table.insert(said[key], s)
  end
  local pairs_, byp = {}, {}
  for _, t in ipairs(r.timeline) do
    local key = t.actor .. " / " .. t.topic
    if not byp[key] then byp[key] = { actor = t.actor, topic = t.topic, cells = {} } pairs_[#pairs_ + 1] = key end
    -- the timeline is in date order: the last document of a year is its position
    local d = by_name[t.file]
    byp[key].cells[d and point_of(d) or (t.date ~= "" and t.date:sub(1, 4) or "undated")] = t
  end
  local prow = {}
  for _, key in ipairs(pairs_) do
    local p = byp[key]
    local row, prev = { actor = p.actor, topic = p.topic, _cells = {} }, nil
    for _, x in ipairs(points) do
      local t = p.cells[x.key]
      if t then
        -- as positions.changes: neutral cells neither start nor end a change
        local side = t.stance ~= "neutral"
        row._cells[x.key] = { t = t, changed = side and prev ~= nil and prev ~= t.stance,
          said = said[p.actor .. "\0" .. p.topic .. "\0" .. x.key] or {} }
        if side then prev = t.stance end
      end
    end
    prow[#prow + 1] = row
  end
  local pcols = { "actor", "topic" }
  for _, x in ipairs(points) do pcols[#pcols + 1] = { key = x.key, label = x.head } end
  out[#out + 1] = table_html("positions", pcols, prow, function(row, c)
    if c == "actor" or c == "topic" then return nil end
    local x = row._cells[c]
    if not x then return "" end
    local list = {}
    for _, s in ipairs(x.said) do
      list[#list + 1] = string.format("<blockquote>%s: %s</blockquote>", esc(s.stance), marked({
        sentence_text = s.sentence_text, sentence = s.evidence, sentence_start = s.sentence_start,
        start = s.cue_start, stop = s.cue_stop }))
    end
    if #list == 0 then list[1] = "<blockquote>" .. esc(x.t.evidence) .. "</blockquote>" end
    return string.format("<details><summary>%s%s</summary>%s</details>", esc(x.t.stance),
      x.t.statements > 1 and (" (" .. x.t.statements .. ")") or "", table.concat(list)),
      x.t.stance .. (x.changed and " changed" or "")
  end)
  out[#out + 1] = "</section>"

  -- stance timelines, one per topic: a row per actor, a mark per statement
  local topics, rows_of = {}, {}
  for _, s in ipairs(r.statements) do
    local t = svg.time(s.date)
    if t then
      if not rows_of[s.topic] then rows_of[s.topic] = { list = {}, by = {} }; topics[#topics + 1] = s.topic end
      local g = rows_of[s.topic]
      if not g.by[s.actor] then g.by[s.actor] = { actor = s.actor, marks = {} }; g.list[#g.list + 1] = g.by[s.actor] end
      local d = by_name[s.file]
      table.insert(g.by[s.actor].marks, { t = t, stance = s.stance, tip = string.format("%s, %s on %s: %s. %s",
        s.date, s.actor, s.topic, s.stance, short(s.evidence, 200)) .. (d and (" (" .. (d.title or d.name) .. ")") or "") })
    end
  end
  table.sort(topics, function(a, b) return a:lower() < b:lower() end)
  out[#out + 1] = '<section id="stance"><h2>Stance timelines</h2><p>Per topic, each actor\'s statements at '
    .. "their documents' dates on the same time axis as above (hover a mark for its sentence; the sentences are "
    .. "in the table below).</p>" .. svg.stance_legend()
  for _, topic in ipairs(topics) do
    local g = rows_of[topic]
    table.sort(g.list, function(a, b) return a.actor < b.actor end)
    local name = slug("stance", topic)
    out[#out + 1] = chart(name, svg.stance(name, topic, g.list, axis))
  end
  out[#out + 1] = "</section>"

  -- statements, with the words of the stance marked
  out[#out + 1] = string.format('<section id="statements-section"><h2 id="statements-head">Statements</h2><p>%d '
    .. "statements of a stance; click one for its sentence, the words that carry the stance marked.</p>",
    #r.statements)
  out[#out + 1] = table_html("statements", { "date", "document", "actor", "topic", "stance", "speaker", "sentence" },
    r.statements, function(row, c)
      local d = by_name[row.file]
      if c == "date" then return esc(row.date), "date" end
      if c == "document" then return d and doc_label(d) or esc(row.file) end
      if c == "stance" then return esc(row.stance), row.stance end
      if c == "sentence" then
        return evidence(row.evidence, marked({ sentence_text = row.sentence_text, sentence = row.evidence,
          sentence_start = row.sentence_start, start = row.cue_start, stop = row.cue_stop }), d, row.explain)
      end
    end)
  out[#out + 1] = "</section>"

  -- changes
  local ch = {}
  for _, c in ipairs(r.changes) do if c.changed then ch[#ch + 1] = c end end
  out[#out + 1] = string.format('<section id="changes-section"><h2>What changed</h2><p>%d changes of an actor\'s '
    .. "stance on a topic between documents of different dates, with the sentence on each side.</p>", #ch)
  out[#out + 1] = table_html("changes", { "actor", "topic", "from_date", "from_stance", "to_date", "to_stance",
    "from_evidence", "to_evidence" }, ch, function(row, c)
    if c == "from_stance" or c == "to_stance" then return esc(row[c]), row[c] end
    if c == "from_date" or c == "to_date" then return esc(row[c]), "date" end
    if c == "from_evidence" or c == "to_evidence" then return evidence(row[c], esc(row[c])) end
  end)
  out[#out + 1] = "</section></body></html>\n"
  return table.concat(out, "\n"), charts
end

return M
