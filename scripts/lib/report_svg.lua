-- report_svg.lua: the charts of scripts/report.lua as SVG strings that stand alone (a file in out/
-- that any viewer opens: fonts and colours in attributes, no CSS, no script) and go inline in the
-- page as they are. Time runs on a true axis: x proportional to the days between dates, a date of
-- year or month precision placed in the middle of its year or month. The charts: mentions per
-- 1,000 tokens over time, a dispersion plot per term (where in each document it occurs, as
-- AntConc's concordance plot), and a stance timeline per topic (each statement a mark at its date).
local M = {}

local function esc(s)
  return (tostring(s == nil and "" or s):gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
    ['"'] = "&quot;", ["'"] = "&#39;" }))
end
M.escape = esc

M.COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#7f7f7f", "#bcbd22" }
-- stance colours and shapes: the page's legend and the specs use them too
M.STANCE = {
  supports = { color = "#1a9641", shape = "circle" },
  opposes = { color = "#d7191c", shape = "square" },
  conditional = { color = "#e6a100", shape = "diamond" },
  neutral = { color = "#8c8c8c", shape = "ring" },
}
M.STANCES = { "supports", "opposes", "conditional", "neutral" }
M.TICK = "#555555"          -- the time axis's ticks
local FONT = 'font-family="system-ui,sans-serif" font-size="12"'

-- days since 1970-01-01 of a date in the proleptic Gregorian calendar
local function days(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end
M.days = days

-- the time of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) in days: the middle of the year, month or
-- day it names; nil for no date
function M.time(date)
  local y, m, d = tostring(date or ""):match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if not m then return (days(y, 1, 1) + days(y + 1, 1, 1)) / 2 end
  if not d then
    local a, b = days(y, m, 1), m == 12 and days(y + 1, 1, 1) or days(y, m + 1, 1)
    return (a + b) / 2
  end
  return days(y, m, d) + 0.5
end

-- the axis for a list of times (days): from 1 January of the first year to 1 January after the
-- last; ticks each year, or every 2, 5, 10 ... years so that they are at least 40 px apart, or
-- each month (every 2, 3, 6) when the span is one or two years
function M.axis(times, width)
  local lo, hi = math.huge, -math.huge
  for _, t in ipairs(times) do lo, hi = math.min(lo, t), math.max(hi, t) end
  local function year_of(t)                    -- the year a day falls in
    local y = 1970 + math.floor(t / 365.2425)
    while days(y, 1, 1) > t do y = y - 1 end
    while days(y + 1, 1, 1) <= t do y = y + 1 end
    return y
  end
  local y0, y1 = year_of(lo == math.huge and 0 or lo), year_of(hi == -math.huge and 0 or hi) + 1
  local a = { t0 = days(y0, 1, 1), t1 = days(y1, 1, 1), ticks = {} }
  local span = y1 - y0
  if span <= 2 then
    local months = span * 12
    local step = 1
    for _, s in ipairs({ 1, 2, 3, 6 }) do step = s if width * s / months >= 40 then break end end
    for k = 0, months, step do
      local y, m = y0 + k // 12, k % 12 + 1
      a.ticks[#a.ticks + 1] = { t = days(y, m, 1), label = string.format("%d-%02d", y, m) }
    end
  else
    local step = 1
    for _, s in ipairs({ 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 }) do
      step = s
      if width * s / span >= 40 then break end
    end
    for y = y0 + (-y0) % step, y1, step do a.ticks[#a.ticks + 1] = { t = days(y, 1, 1), label = tostring(y) } end
  end
  return a
end

-- the x of time t on axis a drawn from x = left over width px
local function xof(a, t, left, width) return left + (t - a.t0) / (a.t1 - a.t0) * width end
M.x = xof

-- the ticks and labels of axis a along y = base, with grid lines up to y = top when given
local function draw_axis(out, a, left, width, base, top)
  out[#out + 1] = string.format('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s"/>', left, left + width, base,
    base, M.TICK)
  for _, k in ipairs(a.ticks) do
    local x = xof(a, k.t, left, width)
    if top then
      out[#out + 1] = string.format('<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#e6e6e6"/>', x, x, top, base)
    end
    out[#out + 1] = string.format('<line class="tick" data-label="%s" x1="%.1f" x2="%.1f" y1="%d" y2="%d" '
      .. 'stroke="%s" stroke-width="2"/><text x="%.1f" y="%d" text-anchor="middle" %s>%s</text>', esc(k.label), x, x,
      base, base + 6, M.TICK, x, base + 19, FONT, esc(k.label))
  end
end

local function open_svg(id, w, h, label)
  return { string.format('<svg id="%s" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
    .. 'role="img" aria-label="%s"><rect width="%d" height="%d" fill="#ffffff"/>', id, w, h, w, h, esc(label), w, h) }
end

-- the line chart of mentions per 1,000 tokens over time. points: { t (days), label, tokens,
-- counts = {entity = n} } in time order; entities: the series; a: the axis (M.axis); docs: the
-- documents to mark under the axis ({ t, label }).
function M.mentions(points, entities, a, docs, what)
  local W, H, L, R, T, B = 800, 340, 70, 30, 20, 80
  local PW = W - L - R
  local max = 1
  local function rate(x, e) return x.tokens > 0 and 1000 * (x.counts[e] or 0) / x.tokens or 0 end
  for _, x in ipairs(points) do
    for _, e in ipairs(entities) do max = math.max(max, rate(x, e)) end
  end
  local step = max <= 10 and 2 or max <= 25 and 5 or max <= 50 and 10 or math.ceil(max / 50) * 10
  local top = math.ceil(max / step) * step
  local function Y(v) return T + (H - T - B) * (1 - v / top) end
  local out = open_svg("mentions-chart", W, H, "Mentions per 1,000 tokens per " .. what .. " over time")
  for v = 0, top, step do
    out[#out + 1] = string.format('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#dddddd"/>'
      .. '<text x="%d" y="%.1f" text-anchor="end" %s>%d</text>', L, W - R, Y(v), Y(v), L - 6, Y(v) + 4, FONT, v)
  end
  out[#out + 1] = string.format('<text transform="translate(16 %d) rotate(-90)" text-anchor="middle" %s>'
    .. 'mentions per 1,000 tokens</text>', (H - B + T) // 2, FONT)
  draw_axis(out, a, L, PW, H - B)
  -- each document a short mark under the axis at its date
  for _, d in ipairs(docs) do
    local x = xof(a, d.t, L, PW)
    out[#out + 1] = string.format('<line class="doc" data-date="%s" x1="%.1f" x2="%.1f" y1="%d" y2="%d" '
      .. 'stroke="#1f1f1f" stroke-width="3"><title>%s</title></line>', esc(d.date), x, x, H - B + 26, H - B + 36,
      esc(d.label))
  end
  out[#out + 1] = string.format('<text x="%d" y="%d" %s fill="#555555">documents (hover a mark for its title)</text>',
    L, H - B + 52, FONT)
  for k, e in ipairs(entities) do
    local color = M.COLORS[(k - 1) % #M.COLORS + 1]
    local pts = {}
    for _, x in ipairs(points) do
      pts[#pts + 1] = string.format("%.1f,%.1f", xof(a, x.t, L, PW), Y(rate(x, e)))
    end
    out[#out + 1] = string.format('<polyline class="series" data-entity="%s" fill="none" stroke="%s" '
      .. 'stroke-width="2" points="%s"/>', esc(e), color, table.concat(pts, " "))
    for _, x in ipairs(points) do
      out[#out + 1] = string.format('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s, %s: %d mentions, '
        .. '%.1f per 1,000 tokens (of %d)</title></circle>', xof(a, x.t, L, PW), Y(rate(x, e)), color, esc(e),
        esc(x.label), x.counts[e] or 0, rate(x, e), x.tokens)
    end
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end

-- the dispersion plot of one term: a row per document (in the order given), the document's length
-- drawn as a bar of the same width for all, a tick at each hit's place in it (its token's offset
-- over the document's tokens). rows: { label, title (the tooltip), tokens, offsets = {0-based
-- token offsets} }; head: the line above (the term and its measures); color: the ticks'.
function M.dispersion(id, rows, head, color)
  local W, L, R, T, RH = 800, 230, 140, 30, 22
  local PW = W - L - R
  local H = T + RH * #rows + 10
  local out = open_svg(id, W, H, "Dispersion plot: " .. head)
  out[#out + 1] = string.format('<text x="4" y="16" %s font-weight="bold">%s</text>', FONT, esc(head))
  for i, r in ipairs(rows) do
    local y = T + (i - 1) * RH
    out[#out + 1] = string.format('<text x="%d" y="%d" text-anchor="end" %s>%s<title>%s</title></text>', L - 8,
      y + 15, FONT, esc(r.label), esc(r.title))
    out[#out + 1] = string.format('<rect x="%d" y="%d" width="%d" height="%d" fill="#f4f4f4" stroke="#bbbbbb"/>', L,
      y + 2, PW, RH - 4)
    for _, off in ipairs(r.offsets) do
      local x = L + off / r.tokens * PW
      out[#out + 1] = string.format('<line class="hit" x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="%s" '
        .. 'stroke-width="1.5"/>', x, x, y + 3, y + RH - 3, color)
    end
    out[#out + 1] = string.format('<text x="%d" y="%d" %s>%d (%.1f per 1,000)</text>', L + PW + 8, y + 15, FONT,
      #r.offsets, r.tokens > 0 and 1000 * #r.offsets / r.tokens or 0)
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end

-- a mark of a stance at (x, y): its shape and colour
local function mark(stance, x, y, tip)
  local s = M.STANCE[stance] or M.STANCE.neutral
  local c, shape
  if s.shape == "circle" then
    shape = string.format('<circle cx="%.1f" cy="%.1f" r="5" fill="%s"', x, y, s.color)
  elseif s.shape == "square" then
    shape = string.format('<rect x="%.1f" y="%.1f" width="10" height="10" fill="%s"', x - 5, y - 5, s.color)
  elseif s.shape == "diamond" then
    shape = string.format('<path d="M%.1f %.1fl6 6l-6 6l-6 -6z" fill="%s"', x, y - 6, s.color)
  else
    shape = string.format('<circle cx="%.1f" cy="%.1f" r="4" fill="none" stroke="%s" stroke-width="2"', x, y, s.color)
  end
  c = string.format('%s class="stance %s" data-x="%.1f"><title>%s</title></%s>', shape, esc(stance), x, esc(tip),
    shape:match("^<(%w+)"))
  return c
end

-- the stance timeline of one topic: a row per actor, each statement a mark at its document's date
-- (statements of one actor at one date stacked); rows: { actor, marks = { {t, stance, tip} } }.
function M.stance(id, topic, rows, a)
  local W, L, R, T = 800, 170, 30, 30
  local PW = W - L - R
  local heights, y = {}, T
  for i, r in ipairs(rows) do
    local at = {}
    local most = 1
    for _, m in ipairs(r.marks) do
      at[m.t] = (at[m.t] or 0) + 1
      m.slot = at[m.t]
      most = math.max(most, at[m.t])
    end
    heights[i] = math.max(26, 13 * most + 8)
    r._at = at
    y = y + heights[i]
  end
  local H = y + 34
  local out = open_svg(id, W, H, "Stance timeline: " .. topic)
  out[#out + 1] = string.format('<text x="4" y="16" %s font-weight="bold">%s</text>', FONT, esc(topic))
  -- the rows' bands and names, the axis and its grid, then the marks over them
  local base = y
  y = T
  for i, r in ipairs(rows) do
    if i % 2 == 1 then
      out[#out + 1] = string.format('<rect x="%d" y="%d" width="%d" height="%d" fill="#f7f7f7"/>', L, y, PW, heights[i])
    end
    out[#out + 1] = string.format('<text x="%d" y="%d" text-anchor="end" %s>%s</text>', L - 8, y + heights[i] // 2 + 4,
      FONT, esc(r.actor))
    y = y + heights[i]
  end
  draw_axis(out, a, L, PW, base, T)
  y = T
  for i, r in ipairs(rows) do
    for _, m in ipairs(r.marks) do
      local n = r._at[m.t]
      local cy = y + heights[i] / 2 + (m.slot - (n + 1) / 2) * 13
      out[#out + 1] = mark(m.stance, xof(a, m.t, L, PW), cy, m.tip)
    end
    y = y + heights[i]
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end

-- the legend of the stance marks, as a small SVG of its own
function M.stance_legend()
  local out = { '<svg class="legend" xmlns="http://www.w3.org/2000/svg" width="520" height="22" '
    .. 'viewBox="0 0 520 22" role="img" aria-label="Stance legend">' }
  for i, s in ipairs(M.STANCES) do
    local x = 10 + (i - 1) * 125
    out[#out + 1] = mark(s, x, 11, s)
    out[#out + 1] = string.format('<text x="%d" y="15" %s>%s</text>', x + 12, FONT, s)
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

return M
