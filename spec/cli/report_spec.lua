-- scripts/report.lua, what `make run` shows: the terminal summary, out/report.html and its charts as
-- SVG files. The page is opened in headless Chromium (Debian's chromium, installed by
-- host/tools/deps.sh): a probe script added to a copy of the page measures the layout, and a
-- screenshot of the page (decoded by spec/support/png.py, python3's zlib only) must show the ticks
-- of the true time axis, the hits of a dispersion plot and the stance marks where the dates and
-- positions put them.
local run = require "spec.support.run"

-- measures the page after layout, appended to a copy of it (the page itself has no script): the
-- boxes of the sections and charts, and a collapsed statement before and after its <details> opens
local PROBE = [[
<script>
(function () {
  var q = function (s) { return document.querySelectorAll(s).length; };
  var box = function (el) {
    var b = el.getBoundingClientRect();
    return Math.round(b.left) + " " + Math.round(b.top + window.scrollY) + " " + Math.round(b.width) + " " + Math.round(b.height);
  };
  var out = ["page " + document.documentElement.scrollWidth + " " + document.documentElement.scrollHeight];
  document.querySelectorAll("section, svg[id]").forEach(function (el) { out.push("box " + el.id + " " + box(el)); });
  out.push("counts documents " + q("#documents tbody tr") + " mentions " + q("#mentions tbody tr") + " resolutions "
    + q("#resolutions tbody tr") + " details " + q("#resolutions details") + " positions " + q("#positions tbody tr")
    + " changed " + q("#positions td.changed") + " statements " + q("#statements tbody tr") + " marked "
    + q("#statements mark") + " changes " + q("#changes tbody tr") + " open " + q("details[open]")
    + " stance charts " + q("#stance svg[id]") + " external " + q("script[src], link, img, iframe"));
  var row = document.querySelector("#statements tbody tr");
  var closed = row.getBoundingClientRect().height;
  row.querySelector("details").open = true;
  out.push("statement row " + Math.round(closed) + " open " + Math.round(row.getBoundingClientRect().height)
    + " quote " + row.querySelector("blockquote").textContent.length);
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
})();
</script>
]]

local CHROMIUM = "chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars "
  .. "--force-device-scale-factor=1 "

-- days from 1990-01-01 to 1 January of 2001 and 2005 (leap years 1992, 1996, 2000, 2004), and to
-- the documents' dates (the middle of their day): the true time axis runs from 1990 to 2005
local TO_2001, TO_2005 = 11 * 365 + 3, 15 * 365 + 4      -- 4018, 5479
local function axis_x(days) return 70 + days / TO_2005 * 700 end   -- the mentions chart: 70 .. 770

describe("scripts/report.lua", function()
  local dir, r
  setup(function()
    dir = run.tmpdir()
    r = run.lector({ "run", "scripts/report.lua", "--out", dir .. "/report.html" })
  end)
  teardown(function() run.rmdir(dir) end)

  it("prints the summary: documents, mentions per year, references, changes", function()
    assert.are.equal(0, r.code)
    assert.are.equal("", r.err)
    local out = r.out
    assert.truthy(out:find("lector report: corpus: 5 documents, 4377 tokens, 213 sentences\n", 1, true))
    assert.truthy(out:find("1990-11-19  004_3bf8bdfe55aae150.txt    2155  Record of a Conversation", 1, true))
    assert.truthy(out:find("  1990  United States 14, George H. W. Bush 11, United Nations 11, Mikhail Gorbachev 10, China 8\n", 1, true))
    assert.truthy(out:find("  2004  Russia 16, Iraq 15, Sergei Lavrov 4, Hoshyar Zebari 1, Paris Club 1\n", 1, true))
    assert.truthy(out:find("Per year: mentions and resolution references, and per 1,000 tokens\n", 1, true), out)
    assert.truthy(out:find("\n1990          1    2155        80               37.1           9  4.18\n", 1, true), out)
    assert.truthy(out:find("Resolution references: 18 (and 1 other sense of the word)\n", 1, true))
    assert.truthy(out:find("004_3bf8bdfe55aae150.txt   9911  resolution       US Congress          vetoed", 1, true))
    assert.truthy(out:find("Positions: 40 statements; 8 comparisons of an actor's stance on a topic between documents; 2 changes\n", 1, true))
    assert.truthy(out:find("Russia         UN resolution authorizing force  1990-11-19  supports     2003-02-27  opposes\n", 1, true))
    assert.truthy(out:find("1. Russia on UN resolution authorizing force\n   1990-11-19  supports: And so, after "
      .. "all-around consideration and analysis, we have come to the conclusion that a UN Security Council resolution "
      .. "should be adopted.\n   2003-02-27  opposes: But Putin said Russia", 1, true), out)
    assert.truthy(out:find("Written: " .. dir .. "/report.html (", 1, true))
    local d = dir .. "/"
    assert.truthy(out:find("\nCharts: " .. d .. "timeline.svg, " .. d .. "dispersion-iraq.svg, " .. d
      .. "dispersion-russia.svg, " .. d .. "dispersion-united-nations.svg, " .. d .. "dispersion-united-states.svg, "
      .. d .. "dispersion-saddam-hussein.svg, " .. d .. "stance-economic-aid-and-debt.svg, " .. d
      .. "stance-iraq-and-terrorism.svg, ", 1, true), out)
    local last = d .. "stance-weapons-inspections.svg\n"
    assert.are.equal(last, out:sub(-#last))
  end)

  it("writes one self-contained page that needs no script", function()
    local page = run.slurp(dir .. "/report.html")
    assert.truthy(page:find("^<!DOCTYPE html>"))
    assert.is_nil(page:find("<script", 1, true))
    assert.is_nil(page:find('src="', 1, true))
    assert.is_nil(page:find("<link", 1, true))
    assert.truthy(page:find('<svg id="mentions-chart"', 1, true))
  end)

  it("labels documents by date and title, the file name beside", function()
    local page = run.slurp(dir .. "/report.html")
    assert.truthy(page:find('<td class="date">1990-11-19</td><td>Record of a Conversation between M. S. Gorbachev and '
      .. 'President of the US George Bush in Paris<span class="file">004_3bf8bdfe55aae150.txt</span></td>', 1, true))
    -- a file name shows only as the secondary detail, never as a label of its own
    for d in ("000_e46888d005b16152 001_0b1a02bd6284fa36 004_3bf8bdfe55aae150"):gmatch("%S+") do
      local _, shown = page:gsub(">" .. d .. "%.txt<", "")
      local _, secondary = page:gsub('<span class="file">' .. d .. "%.txt</span>", "")
      assert.are.same({ 1, 1 }, { shown, secondary }, d)
    end
    assert.truthy(page:find('<th>2001-11-26<span class="file" title="002_378a0fa01cf8e0c6.txt">Russia and Iraq Meet '
      .. "in…</span></th>", 1, true))
  end)

  it("gives mentions per 1,000 tokens beside the counts", function()
    local page = run.slurp(dir .. "/report.html")
    -- Iraq in the document of 2001-11-26: 25 mentions in 689 tokens, 1000 * 25 / 689 = 36.28
    assert.truthy(page:find('<tr><td>Iraq</td><td class="n">4 <span class="rate">(1.9)</span></td><td class="n">25 '
      .. '<span class="rate">(36.3)</span></td>', 1, true))
    -- and in the documents' table: 80 mentions in 2155 tokens, 37.12
    assert.truthy(page:find('<td class="n">2155</td><td class="n">80 <span class="rate">(37.1)</span></td>', 1, true))
    assert.truthy(page:find("<title>Iraq, 2001-11-26 Russia and Iraq Meet in Moscow as Bush…: 25 mentions, "
      .. "36.3 per 1,000 tokens (of 689)</title>", 1, true))
  end)

  it("puts the evidence sentence of each reference and statement one click away", function()
    local page = run.slurp(dir .. "/report.html")
    local src = '<p class="src">Record of a Conversation between M. S. Gorbachev and President of the US George Bush '
      .. 'in Paris, 1990-11-19 (004_3bf8bdfe55aae150.txt)</p>'
    -- Russia supports a UN resolution authorizing force, 1990-11-19: the statement
    assert.truthy(page:find("<details><summary>And so, after all-around consideration and analysis, we have come "
      .. "to…</summary><blockquote>And so, after all-around consideration and analysis, we have come to the "
      .. "conclusion that a UN Security Council resolution <mark>should</mark> be adopted.</blockquote>" .. src, 1, true))
    -- and the same sentence as a resolution reference
    assert.truthy(page:find("conclusion that a UN Security Council <mark>resolution</mark> should be adopted."
      .. "</blockquote>" .. src, 1, true))
    local _, details = page:gsub("<details>", "")
    assert.are.equal(19 + 40 + 24 + 2 * 2, details)   -- references, statements, position cells, changes
  end)

  it("writes each chart as an SVG file with the dates on a true time axis", function()
    local timeline = run.slurp(dir .. "/timeline.svg")
    assert.truthy(timeline:find('^<%?xml version="1.0" encoding="UTF%-8"%?>\n<svg id="mentions%-chart" '
      .. 'xmlns="http://www.w3.org/2000/svg" width="800" height="340"'))
    -- ticks on 1 January: 1990 at 70, 2001 at 70 + 4018 / 5479 * 700 = 583.3, 2005 at 770
    assert.truthy(timeline:find('class="tick" data-label="1990" x1="70.0"', 1, true))
    assert.truthy(timeline:find(string.format('class="tick" data-label="2001" x1="%.1f"', axis_x(TO_2001)), 1, true))
    assert.truthy(timeline:find('class="tick" data-label="2005" x1="770.0"', 1, true))
    -- the documents at the middle of their day: 1990-11-19 is day 322 of 1990 (304 to 1 November, + 18):
    -- 70 + 322.5 / 5479 * 700 = 111.2; 2001-11-26: 4018 + 329 = 4347.5 -> 625.4; 2002-09-20: 4383 + 262
    -- -> 663.5; 2003-02-27: 4748 + 57 -> 684.0; 2004-07-24: 5113 + 205 (a leap year) -> 749.5
    local xs = {}
    for date, x in timeline:gmatch('<line class="doc" data%-date="([%d-]+)" x1="([%d.]+)"') do xs[#xs + 1] = date .. " " .. x end
    assert.are.same({ "1990-11-19 111.2", "2001-11-26 625.4", "2002-09-20 663.5", "2003-02-27 684.0",
      "2004-07-24 749.5" }, xs)
    assert.are.equal("111.2", string.format("%.1f", axis_x(322.5)))
    -- the dispersion plot of Iraq: the word Iraq is the 1647th token (offset 1646) of the 2155 of the
    -- 1990 document, the first row: x = 230 + 1646 / 2155 * 430 = 558.4
    local iraq = run.slurp(dir .. "/dispersion-iraq.svg")
    assert.truthy(iraq:find('<line class="hit" x1="558.4" x2="558.4" y1="33" y2="49" stroke="#1f77b4"', 1, true))
    local _, ticks = iraq:gsub('<line class="hit"', "")
    assert.are.equal(75, ticks)
    -- Russia opposes a UN resolution authorizing force on 2003-02-27: 170 + 4805.5 / 5479 * 600 = 696.2
    local force = run.slurp(dir .. "/stance-un-resolution-authorizing-force.svg")
    assert.truthy(force:find('<rect x="691.2" y="[%d.]+" width="10" height="10" fill="#d7191c" class="stance opposes" '
      .. 'data%-x="696.2"><title>2003%-02%-27, Russia on UN resolution authorizing force: opposes%. But Putin said'))
  end)

  it("lays out every section in headless Chromium, as a screenshot shows", function()
    local page = run.slurp(dir .. "/report.html")
    run.write(dir .. "/probe.html", (page:gsub("</body>", function() return PROBE .. "</body>" end)))
    local c = run.sh(CHROMIUM .. "--window-size=1200,900 --dump-dom " .. run.quote("file://" .. dir .. "/probe.html"),
      { env = { HOME = dir } })
    local probe = c.out:match('<pre id="probe">(.-)</pre>')
    assert.truthy(probe, "chromium printed no probe (is the Debian package chromium installed?) " .. c.err:sub(1, 300))
    local box, width, height = {}, probe:match("^page (%d+) (%d+)")
    for id, x, y, w, h in probe:gmatch("box (%S+) (%d+) (%d+) (%d+) (%d+)") do
      box[id] = { x = tonumber(x), y = tonumber(y), w = tonumber(w), h = tonumber(h) }
    end
    -- nothing wider than the window; the charts at their size, at the left of their sections
    assert.are.equal("1200", width)
    assert.are.same({ x = 60, w = 800, h = 340 }, { x = box["mentions-chart"].x, w = box["mentions-chart"].w,
      h = box["mentions-chart"].h })
    assert.are.same({ 800, 150 }, { box["dispersion-iraq"].w, box["dispersion-iraq"].h })
    assert.truthy(probe:find("counts documents 5 mentions 36 resolutions 19 details 19 positions 16 changed 2 "
      .. "statements 40 marked 40 changes 2 open 0 stance charts 8 external 0", 1, true), probe)
    -- a statement's row is one line of summary until its sentence is opened
    local closed, opened = probe:match("statement row (%d+) open (%d+)")
    assert.is_true(tonumber(closed) < 80 and tonumber(opened) > tonumber(closed) + 60, probe)

    -- the screenshot of the whole page, and pixel facts in each section
    local shot = dir .. "/page.png"
    c = run.sh(CHROMIUM .. "--window-size=1200," .. height .. " --screenshot=" .. run.quote(shot) .. " "
      .. run.quote("file://" .. dir .. "/report.html"), { env = { HOME = dir } })
    local m, d, s = box["mentions-chart"], box["dispersion-iraq"], box["stance-un-resolution-authorizing-force"]
    local function q(...)
      local words = {}
      for i, w in ipairs({ ... }) do words[i] = run.quote(w) end
      return table.concat(words, " ")
    end
    local queries = {
      -- the year ticks (#555555, 6 px under the axis at y = 260)
      q("cols", "#555555", 16, m.x + 60, m.y + 262, m.x + 780, m.y + 266),
      -- the documents' marks (3 px wide) under the axis
      q("cols", "#1f1f1f", 24, m.x + 60, m.y + 288, m.x + 780, m.y + 294),
      -- Iraq's ticks in the first row of its dispersion plot (the 1990 document)
      q("cols", "#1f77b4", 60, d.x + 231, d.y + 36, d.x + 660, d.y + 46),
      -- the stance marks of UN resolution authorizing force: red squares (opposes), green circles (supports)
      q("cols", "#d7191c", 40, s.x + 170, s.y + 30, s.x + 770, s.y + s.h - 34),
      q("count", "#1a9641", 40, s.x + 170, s.y + 30, s.x + 770, s.y + s.h - 34),
      -- the red frames of the changed positions in their table
      q("rows", "#cc0000", 40, box["positions-section"].x, box["positions-section"].y, box["positions-section"].x + 1080,
        box["positions-section"].y + box["positions-section"].h),
    }
    for _, id in ipairs({ "documents-section", "timeline", "dispersion", "positions-section", "stance", "statements-section" }) do
      local b = box[id]
      queries[#queries + 1] = q("crop", dir .. "/" .. id .. ".png", b.x - 20, b.y, b.x + b.w + 20, b.y + math.min(b.h, 1200))
    end
    local p = run.sh("python3 spec/support/png.py " .. run.quote(shot) .. " " .. table.concat(queries, " -- "))
    assert.are.equal(0, p.code, p.out .. p.err)
    local lines = run.lines(p.out)
    -- the ticks every year from 1990 (at 60 + 70 = 130) to 2005 (830); 2001 at 60 + 583.3 = 643.3
    local ticks = {}
    for a, b in lines[1]:gmatch("(%d+)%-(%d+)") do ticks[#ticks + 1] = (a + b) / 2 end
    assert.are.equal(16, #ticks, lines[1])
    assert.is_true(math.abs(ticks[1] - (m.x + 70)) <= 2, lines[1])
    assert.is_true(math.abs(ticks[12] - (m.x + axis_x(TO_2001))) <= 2, lines[1])
    assert.is_true(math.abs(ticks[16] - (m.x + 770)) <= 2, lines[1])
    -- the documents at 111.2, 625.4, 663.5, 684.0, 749.5 (+ 60)
    local docs = {}
    for a, b in lines[2]:gmatch("(%d+)%-(%d+)") do docs[#docs + 1] = (a + b) / 2 end
    local want = { 111.2, 625.4, 663.5, 684.0, 749.5 }
    assert.are.equal(5, #docs, lines[2])
    for i, x in ipairs(want) do assert.is_true(math.abs(docs[i] - (m.x + x)) <= 2, lines[2]) end
    -- the tick of the word Iraq at 558.4 (+ 60) among the four of the 1990 row (Iraqi at 68, Iraq at
    -- 1646, Iraqi at 1757, Iraq at 1832: 243.6, 558.4, 580.6, 595.5)
    local hits = {}
    for a, b in lines[3]:gmatch("(%d+)%-(%d+)") do hits[#hits + 1] = (a + b) / 2 end
    assert.are.equal(4, #hits, lines[3])
    for i, x in ipairs({ 243.6, 558.4, 580.6, 595.5 }) do assert.is_true(math.abs(hits[i] - (d.x + x)) <= 2, lines[3]) end
    -- the one red square of Russia on 2003-02-27, 10 px wide around 696.2 (+ 60)
    local a, b = lines[4]:match("^(%d+)%-(%d+)$")
    assert.truthy(a, lines[4])
    assert.is_true(math.abs((a + b) / 2 - (s.x + 696.2)) <= 2 and b - a >= 8 and b - a <= 11, lines[4])
    assert.is_true(tonumber(lines[5]) > 5 * 60, lines[5])          -- five green circles of r = 5
    -- two red frames, in two different rows of the table
    local _, frames = lines[6]:gsub("%d+%-%d+", "")
    assert.is_true(frames >= 2, lines[6])
    assert.truthy(p.out:find("wrote " .. dir .. "/stance.png", 1, true))
  end)
end)

describe("scripts/report.lua on more than twelve documents", function()
  it("charts years instead of documents", function()
    local dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/c")
    for i = 1, 13 do
      local year = 2000 + i % 3
      run.write(string.format("%s/c/%02d.txt", dir, i), string.format("Note - %d-01-%02d\n\nRussia and Iraq met in Moscow.\n", year, i))
    end
    local r = run.lector({ "run", "scripts/report.lua", "--corpus", dir .. "/c", "--out", dir .. "/r.html",
      "--entities", "corpus/entities.lua" })
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("  2000  Russia 8, Iraq 4\n  2001  Russia 10, Iraq 5\n  2002  Russia 8, Iraq 4\n", 1, true), r.out)
    local page = run.slurp(dir .. "/r.html")
    assert.truthy(page:find('aria-label="Mentions per 1,000 tokens per year over time"', 1, true))
    assert.truthy(page:find('<th>entity</th><th>2000<span class="file">4 documents</span></th><th>2001<span class="file">'
      .. '5 documents</span></th><th>2002<span class="file">4 documents</span></th><th>total</th>', 1, true))
    run.rmdir(dir)
  end)
end)

describe("scripts/report.lua on more than 200 documents", function()
  it("lists the 200 with the most mentions and plots the 30 that mention an entity most", function()
    local dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/c")
    -- document i mentions Iraq i times (0 to 209), so the heaviest are 10 to 209 and 180 to 209
    for i = 0, 209 do
      run.write(string.format("%s/c/%03d.txt", dir, i),
        string.format("Note - %d-01-01\n\nA note.%s\n", 1800 + i, (" Iraq met them."):rep(i)))
    end
    local r = run.lector({ "run", "scripts/report.lua", "--corpus", dir .. "/c", "--out", dir .. "/o/r.html",
      "--entities", "corpus/entities.lua" })
    assert.are.equal(0, r.code, r.err)
    -- the terminal shows the first and the last 20 of the documents
    assert.truthy(r.out:find("1819-01-01  019.txt", 1, true))
    assert.truthy(r.out:find("\n...         (170 more)", 1, true), r.out)
    assert.falsy(r.out:find("1820-01-01  020.txt", 1, true))
    assert.truthy(r.out:find("1990-01-01  190.txt", 1, true))
    local page = run.slurp(dir .. "/o/r.html")
    assert.truthy(page:find('<p class="note">The 200 documents of the 210 that have the most mentions, references '
      .. 'and statements; 10 more are not listed.</p>', 1, true))
    local docs = page:match('<section id="documents%-section">(.-)</section>')
    assert.falsy(docs:find("1809", 1, true))         -- the ten without a mention or with fewest
    assert.truthy(docs:find("1810", 1, true))
    local svg = run.slurp(dir .. "/o/dispersion-iraq.svg")
    assert.truthy(svg:find("Iraq: 21945 mentions in 209 of 210 documents, D ", 1, true))
    assert.truthy(svg:find("(the 30 documents that mention it most)", 1, true))
    local rows = {}
    for label in svg:gmatch('text%-anchor="end"[^>]*>(%d+)') do rows[#rows + 1] = label end
    assert.are.equal(30, #rows)
    assert.are.same({ "1980", "2009" }, { rows[1], rows[30] })
    run.rmdir(dir)
  end)
end)

describe("scripts/report.lua on dates of year, month and day, and none", function()
  it("places each at the middle of its year, month or day, on an axis of months", function()
    local dir = run.tmpdir()
    os.execute("mkdir -p " .. dir .. "/c")
    run.write(dir .. "/c/metadata.tsv", "file\ttitle\tdate\na.txt\tAlpha paper\t2003\nb.txt\tBeta memo\t2003-05\n"
      .. "c.txt\tGamma note\t2003-11-02\nd.txt\tNo date here\t\n")
    for f in ("abcd"):gmatch(".") do
      run.write(dir .. "/c/" .. f .. ".txt", "Russia and Iraq met in Moscow. Russia supports weapons inspections in "
        .. "Iraq. The United States opposes the use of force.\n")
    end
    local r = run.lector({ "run", "scripts/report.lua", "--corpus", dir .. "/c", "--out", dir .. "/o/r.html",
      "--entities", "corpus/entities.lua" })
    assert.are.equal(0, r.code, r.err)
    local svg = run.slurp(dir .. "/o/timeline.svg")
    -- 2003 alone: an axis of months from 2003-01 (x 70) to 2004-01 (x 770), 365 days
    local ticks = {}
    for label, x in svg:gmatch('class="tick" data%-label="([%d-]+)" x1="([%d.]+)"') do ticks[#ticks + 1] = label .. " " .. x end
    assert.are.equal(13, #ticks)
    assert.are.same({ "2003-01 70.0", "2003-05 300.1", "2004-01 770.0" }, { ticks[1], ticks[5], ticks[13] })  -- 70 + 120 / 365 * 700
    -- 2003: the middle of the year, day 182.5 -> 420.0; 2003-05: May 1 is day 120, its middle 135.5
    -- -> 329.9; 2003-11-02: day 304 + 1 + .5 -> 655.9; the undated document is left out and said so
    local xs = {}
    for date, x in svg:gmatch('<line class="doc" data%-date="([%d-]+)" x1="([%d.]+)"') do xs[#xs + 1] = date .. " " .. x end
    assert.are.same({ "2003 420.0", "2003-05 329.9", "2003-11-02 655.9" }, xs)
    assert.truthy(run.slurp(dir .. "/o/r.html"):find("; 1 undated document is not shown.", 1, true))
    -- the line runs in time order: May, the middle of 2003, November
    local line = svg:match('<polyline class="series" data%-entity="Russia" fill="none" stroke="#1f77b4" stroke%-width="2" points="([^"]+)"')
    assert.truthy(line, svg)
    local order = {}
    for x in line:gmatch("([%d.]+),") do order[#order + 1] = x end
    assert.are.same({ "329.9", "420.0", "655.9" }, order)
    run.rmdir(dir)
  end)
end)
