-- scripts/report.lua, what `make run` shows: the terminal summary, and out/report.html opened in
-- headless Chromium (Debian's chromium, installed by host/tools/deps.sh), which must lay out the
-- chart and the tables: a probe script added to a copy of the page measures them after rendering.
local run = require "spec.support.run"

local PROBE = [[
<script>
(function () {
  var q = function (s) { return document.querySelectorAll(s).length; };
  var svg = document.getElementById("mentions-chart");
  var box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  var line = document.querySelector("#mentions-chart polyline");
  var len = line ? Math.round(line.getTotalLength()) > 0 : false;
  var out = [
    "chart " + Math.round(box.width) + "x" + Math.round(box.height),
    "series " + q("#mentions-chart polyline.series") + " points " + q("#mentions-chart circle") + " drawn " + len,
    "documents " + q("#documents tbody tr"),
    "mentions " + q("#mentions tbody tr"),
    "resolutions " + q("#resolutions tbody tr") + " marked " + q("#resolutions mark"),
    "positions " + q("#positions tbody tr") + " changed " + q("#positions td.changed"),
    "groups " + q("#groups tbody tr"),
    "statements " + q("#statements tbody tr") + " marked " + q("#statements mark"),
    "changes " + q("#changes tbody tr") + " with both sentences " + q("#changes td:nth-child(8)"),
    "external " + q("script[src], link, img, iframe")
  ];
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
})();
</script>
]]

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
  end)

  it("writes one self-contained page", function()
    local page = run.slurp(dir .. "/report.html")
    assert.truthy(page:find("^<!DOCTYPE html>"))
    assert.is_nil(page:find("<script", 1, true))
    assert.is_nil(page:find('src="', 1, true))
    assert.is_nil(page:find("<link", 1, true))
    assert.truthy(page:find('<svg id="mentions-chart"', 1, true))
  end)

  it("renders the chart and the tables in headless Chromium", function()
    local page = run.slurp(dir .. "/report.html")
    run.write(dir .. "/probe.html", (page:gsub("</body>", function() return PROBE .. "</body>" end)))
    local c = run.sh("chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --dump-dom "
      .. run.quote("file://" .. dir .. "/probe.html"), { env = { HOME = dir } })
    local probe = c.out:match('<pre id="probe">(.-)</pre>')
    assert.truthy(probe, "chromium printed no probe (is the Debian package chromium installed?) " .. c.err:sub(1, 300))
    assert.are.equal(table.concat({
      "chart 800x320",
      "series 5 points 25 drawn true",
      "documents 5",
      "mentions 36",
      "resolutions 19 marked 19",
      "positions 16 changed 2",
      "groups 5",
      "statements 40 marked 40",
      "changes 2 with both sentences 2",
      "external 0",
    }, "\n"), probe)
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
    assert.truthy(page:find('aria-label="Mentions per year over time"', 1, true))
    assert.truthy(page:find("<th>entity</th><th>2000</th><th>2001</th><th>2002</th><th>total</th>", 1, true))
    assert.truthy(page:find(">5 documents</text>", 1, true))
    run.rmdir(dir)
  end)
end)
