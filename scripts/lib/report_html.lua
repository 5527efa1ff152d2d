-- report_html.lua: the HTML page of scripts/report.lua: one self-contained file (inline CSS and SVG,
-- no script, no network) that any browser opens. The parts have ids the report spec looks for:
-- #documents, #mentions-chart (an SVG line chart), #mentions, #groups, #resolutions, #positions,
-- #statements, #changes.
local M = {}

local function esc(s)
  return (tostring(s == nil and "" or s):gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
    ['"'] = "&quot;", ["'"] = "&#39;" }))
end
M.escape = esc

local COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#7f7f7f", "#bcbd22" }

local CSS = [[
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{text-align:right}#documents td:first-child,#changes td:nth-child(3),#changes td:nth-child(5){white-space:nowrap}
mark{background:#ffe58a}.no{color:#888}
.supports{background:#d9f2d9}.opposes{background:#f8d4d4}.conditional{background:#fff0c2}.neutral{background:#eee}
td.changed{outline:3px solid #c00;font-weight:bold}
.legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:1.6em;height:.35em;
vertical-align:middle;margin-right:.3em}
svg text{font:12px system-ui,sans-serif}
]]

-- the line chart: one series per entity over the points (documents in date order, or years)
local function chart(points, entities, what)
  local W, H, L, R, T, B = 800, 320, 70, 70, 20, 60
  local n = #points
  local max = 1
  for _, x in ipairs(points) do
    for _, e in ipairs(entities) do max = math.max(max, x.counts[e] or 0) end
  end
  local step = max <= 10 and 2 or max <= 25 and 5 or max <= 50 and 10 or math.ceil(max / 50) * 10
  local top = math.ceil(max / step) * step
  local function X(i) return n == 1 and (L + (W - L - R) / 2) or L + (i - 1) * (W - L - R) / (n - 1) end
  local function Y(v) return T + (H - T - B) * (1 - v / top) end
  local out = { string.format('<svg id="mentions-chart" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
    .. 'viewBox="0 0 %d %d" role="img" aria-label="Mentions per %s over time">', W, H, W, H, what) }
  for v = 0, top, step do
    out[#out + 1] = string.format('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>'
      .. '<text x="%d" y="%.1f" text-anchor="end">%d</text>', L, W - R, Y(v), Y(v), L - 6, Y(v) + 4, v)
  end
  -- labels: all of them when they fit, else every k-th
  local every = math.max(1, math.ceil(n / 12))
  for i, x in ipairs(points) do
    if (i - 1) % every == 0 or i == n then
      out[#out + 1] = string.format('<text x="%.1f" y="%d" text-anchor="middle">%s</text>', X(i), H - B + 18,
        esc(x.label))
      out[#out + 1] = string.format('<text x="%.1f" y="%d" text-anchor="middle" fill="#777">%s</text>', X(i),
        H - B + 34, esc(x.sub))
    end
  end
  for k, e in ipairs(entities) do
    local color = COLORS[(k - 1) % #COLORS + 1]
    local pts = {}
    for i, x in ipairs(points) do pts[#pts + 1] = string.format("%.1f,%.1f", X(i), Y(x.counts[e] or 0)) end
    out[#out + 1] = string.format('<polyline class="series" data-entity="%s" fill="none" stroke="%s" '
      .. 'stroke-width="2" points="%s"/>', esc(e), color, table.concat(pts, " "))
    for i, x in ipairs(points) do
      out[#out + 1] = string.format('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s, %s: %d</title></circle>',
        X(i), Y(x.counts[e] or 0), color, esc(e), esc(x.label), x.counts[e] or 0)
    end
  end
  out[#out + 1] = "</svg>"
  local legend = { '<p class="legend">' }
  for k, e in ipairs(entities) do
    legend[#legend + 1] = string.format('<span><i style="background:%s"></i>%s</span>', COLORS[(k - 1) % #COLORS + 1], esc(e))
  end
  legend[#legend + 1] = "</p>"
  return table.concat(out, "\n") .. "\n" .. table.concat(legend)
end

-- the points of time of the page: each document (in date order) when there are few, else each year
M.MAX_DOC_COLUMNS = 12
local function time_points(r)
  local points = {}
  if #r.counts.docs <= M.MAX_DOC_COLUMNS then
    for _, x in ipairs(r.counts.docs) do
      points[#points + 1] = { key = x.doc.name, label = x.doc.date or "undated",
        sub = (x.doc.name:gsub("%.%w+$", "")):sub(1, 14), counts = x.counts }
    end
    return points, "document", function(t) return t.file end
  end
  local n = {}
  for _, x in ipairs(r.counts.docs) do
    local y = tostring(x.doc.year or "undated")
    n[y] = (n[y] or 0) + 1
  end
  local years = {}
  for y in pairs(n) do years[#years + 1] = y end
  table.sort(years)
  for _, y in ipairs(years) do
    local c = r.counts.years[y] or r.counts.years[tonumber(y)] or {}
    points[#points + 1] = { key = y, label = y, sub = n[y] .. (n[y] == 1 and " document" or " documents"), counts = c }
  end
  return points, "year", function(t) return t.date ~= "" and t.date:sub(1, 4) or "undated" end
end

local function table_html(id, cols, rows, cell)
  local out = { string.format('<table id="%s"><thead><tr>', id) }
  -- a column is a name, or { key =, label = } when the header is not the key
  for _, c in ipairs(cols) do out[#out + 1] = "<th>" .. esc(type(c) == "table" and c.label or c) .. "</th>" end
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

-- the page; r = { title, info, docs, counts (mentions.count), top, refs, timeline, changes,
-- statements, rank (mentions.ranked), by (the field the groups are of), groups (rows of documents,
-- tokens, mentions, references and their rates per 1,000 tokens per group) }
function M.page(r)
  local out = { "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
    "<title>" .. esc(r.title) .. "</title>", "<style>" .. CSS .. "</style></head><body>",
    "<h1>" .. esc(r.title) .. "</h1>",
    string.format("<p>%d documents, %d tokens, %d sentences. Made by <code>lector run scripts/report.lua</code>.</p>",
      r.info.documents, r.info.tokens, r.info.sentences) }
  -- documents
  out[#out + 1] = "<h2>Documents</h2>"
  local drows = {}
  for _, d in ipairs(r.docs) do drows[#drows + 1] = { date = d.date or "", file = d.name, tokens = d.tokens, title = d.title or "" } end
  out[#out + 1] = table_html("documents", { "date", "file", "tokens", "title" }, drows)
  -- mentions
  local entities = {}
  for i, e in ipairs(r.rank(r.counts.total)) do
    if i > math.max(r.top, 5) then break end
    entities[#entities + 1] = e
  end
  local points, what, point_of = time_points(r)
  out[#out + 1] = "<h2>Mentions over time</h2>"
  out[#out + 1] = string.format("<p>Mentions of the most named entities in each %s, in date order "
    .. "(entities: %s).</p>", what, esc(r.lexicon or ""))
  out[#out + 1] = chart(points, entities, what)
  local mrows, cols = {}, { "entity" }
  for _, x in ipairs(points) do cols[#cols + 1] = { key = x.key, label = x.label } end
  cols[#cols + 1] = "total"
  for _, e in ipairs(r.rank(r.counts.total)) do
    local row = { entity = e, total = r.counts.total[e] }
    for _, x in ipairs(points) do row[x.key] = x.counts[e] or 0 end
    mrows[#mrows + 1] = row
  end
  out[#out + 1] = table_html("mentions", cols, mrows, function(row, c)
    if c ~= "entity" then return esc(row[c]), "n" end
  end)
  -- per group, with rates
  if r.groups and #r.groups > 0 then
    out[#out + 1] = string.format("<h2>Per %s</h2><p>Mentions and resolution references in each %s, and per "
      .. "1,000 tokens, so that groups of different sizes compare.</p>", esc(r.by), esc(r.by))
    out[#out + 1] = table_html("groups", { r.by, "documents", "tokens", "mentions", "mentions_per_1000",
      "references", "references_per_1000" }, r.groups, function(row, c)
      if c ~= r.by then return esc(row[c]), "n" end
    end)
  end
  -- resolutions
  local yes = 0
  for _, x in ipairs(r.refs) do if x.is_reference == "yes" then yes = yes + 1 end end
  out[#out + 1] = "<h2>Resolution references</h2>"
  out[#out + 1] = string.format("<p>%d references; %d other %s of the word (greyed).</p>", yes, #r.refs - yes,
    #r.refs - yes == 1 and "sense" or "senses")
  out[#out + 1] = table_html("resolutions", { "file", "start", "matched", "body", "status", "specificity", "number",
    "sentence" }, r.refs, function(row, c)
    if c == "sentence" then return marked(row), row.is_reference == "no" and "no" or nil end
    if c == "start" then return esc(row.start), "n" end
    if row.is_reference == "no" then return esc(c == "body" and "(not a reference)" or row[c]), "no" end
  end)
  -- positions timeline
  out[#out + 1] = "<h2>Positions over time</h2>"
  out[#out + 1] = "<p>Each cell is an actor's position on a topic in one " .. what .. " (the commonest stance of its "
    .. "statements; hover for the evidence). A red frame marks a change from the actor's previous stance "
    .. "(neutral cells, where no stance was recognized, neither start nor end a change)"
    .. (what == "year" and "; in a year of several documents, the last one's." or ".") .. "</p>"
  local dates = {}
  for _, x in ipairs(points) do dates[#dates + 1] = x.key end
  local pairs_, byp = {}, {}
  for _, t in ipairs(r.timeline) do
    local key = t.actor .. " / " .. t.topic
    if not byp[key] then byp[key] = { actor = t.actor, topic = t.topic, cells = {} } pairs_[#pairs_ + 1] = key end
    -- the timeline is in date order: the last document of a year is its position
    byp[key].cells[point_of(t)] = t
  end
  local prow = {}
  for _, key in ipairs(pairs_) do
    local p = byp[key]
    local row, prev = { actor = p.actor, topic = p.topic, _cells = {} }, nil
    for _, dt in ipairs(dates) do
      local t = p.cells[dt]
      if t then
        -- as positions.changes: neutral cells neither start nor end a change
        local side = t.stance ~= "neutral"
        row._cells[dt] = { t = t, changed = side and prev ~= nil and prev ~= t.stance }
        if side then prev = t.stance end
      end
    end
    prow[#prow + 1] = row
  end
  local pcols = { "actor", "topic" }
  for _, x in ipairs(points) do pcols[#pcols + 1] = { key = x.key, label = x.label } end
  out[#out + 1] = table_html("positions", pcols, prow, function(row, c)
    if c == "actor" or c == "topic" then return nil end
    local x = row._cells[c]
    if not x then return "" end
    return string.format('<span title="%s">%s%s</span>', esc(x.t.evidence), esc(x.t.stance),
      x.t.statements > 1 and (" (" .. x.t.statements .. ")") or ""), x.t.stance .. (x.changed and " changed" or "")
  end)
  -- statements, with the words of the stance marked
  out[#out + 1] = string.format("<h2>Statements</h2><p>%d statements of a stance, each with its sentence; the "
    .. "words that carry the stance are marked.</p>", #r.statements)
  out[#out + 1] = table_html("statements", { "date", "actor", "topic", "stance", "speaker", "sentence" }, r.statements,
    function(row, c)
      if c == "stance" then return esc(row.stance), row.stance end
      if c == "sentence" then
        return marked({ sentence_text = row.sentence_text, sentence = row.evidence, sentence_start = row.sentence_start,
          start = row.cue_start, stop = row.cue_stop })
      end
    end)
  -- changes
  local ch = {}
  for _, c in ipairs(r.changes) do if c.changed then ch[#ch + 1] = c end end
  out[#out + 1] = string.format("<h2>What changed</h2><p>%d changes of an actor's stance on a topic between "
    .. "documents of different dates, with the sentence on each side.</p>", #ch)
  out[#out + 1] = table_html("changes", { "actor", "topic", "from_date", "from_stance", "to_date", "to_stance",
    "from_evidence", "to_evidence" }, ch, function(row, c)
    if c == "from_stance" or c == "to_stance" then return esc(row[c]), row[c] end
  end)
  out[#out + 1] = "</body></html>\n"
  return table.concat(out, "\n")
end

return M
