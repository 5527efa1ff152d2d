-- bench/accuracy/resolutions.lua: measures the resolution finder against the hand-labelled real
-- sentences of spec/fixtures/resolutions/gold.tsv (one row per occurrence of a trigger word:
-- is_reference, body, number, status, with the sentences before it and the document's sentences
-- that name a body as context; a row is matched by the finder's row that starts at its word or
-- whose span holds it). Prints precision,
-- recall and F1 of references, and the accuracy of body, number and status over the references
-- found, for the dev part (rules were written looking at it), the held-out part (never looked at
-- while writing rules) and both. `make accuracy-resolutions` runs it.
--
--   lector bench/accuracy/resolutions.lua [GOLD.tsv] [--errors dev|held|all]
package.path = "scripts/packs/un-resolutions/lua/?.lua;" .. package.path
local finder = require "un_resolutions.finder"

local gold_path, show_errors = "spec/fixtures/resolutions/gold.tsv", nil
local i = 1
while arg[i] do
  if arg[i] == "--errors" then show_errors = arg[i + 1]; i = i + 1 else gold_path = arg[i] end
  i = i + 1
end

local function fields(line)
  local f = {}
  for x in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = x end
  return f
end

-- the gold rows, grouped by passage (context and sentence), in file order
local passages, by_key, header = {}, {}, nil
for line in io.lines(gold_path) do
  local f = fields(line)
  if not header then header = f else
    local g = {}
    for k, name in ipairs(header) do g[name] = f[k] end
    g.at = tonumber(g.at)
    local key = g.source .. "\0" .. g.context .. "\0" .. g.sentence
    local p = by_key[key]
    if not p then
      p = { split = g.split, source = g.source, sentence = g.sentence, context = g.context,
        doc_context = g.doc_context or "", gold = {} }
      by_key[key] = p
      passages[#passages + 1] = p
    end
    p.gold[#p.gold + 1] = g
  end
end

-- the finder's rows for the passage's sentence: the context is read first, as a document would be
local function predict(p)
  local scan = finder.scanner { context = p.doc_context .. " " .. p.context .. " " .. p.sentence }
  for _, s in ipairs(finder.sentences(p.context)) do scan:sentence(s.text, 0) end
  return scan:sentence(p.sentence, 0)
end

local COARSE = { draft = "proposed", vetoed = "rejected" }
local function coarse(s) return COARSE[s] or s end

local function new_tally() return { tp = 0, fp = 0, fn = 0, body = 0, number = 0, status = 0 } end
local tallies = { dev = new_tally(), held = new_tally(), all = new_tally() }
local errors = {}

for _, p in ipairs(passages) do
  local rows = predict(p)
  -- a gold row is the finder's row that starts at its word, else the one whose span holds it
  local used = {}
  local function pred_for(at)
    for _, r in ipairs(rows) do if r.start == at then return r end end
    for _, r in ipairs(rows) do if r.start < at and at < r.stop then return r end end
  end
  local function count(field, n)
    for _, t in ipairs{ tallies[p.split], tallies.all } do t[field] = t[field] + (n or 1) end
  end
  local function wrong(what, g, r)
    errors[#errors + 1] = { split = p.split, text = string.format("%s %s at %d: gold %s | %s | %s | %s, got %s | %s | %s | %s\n    %s",
      what, p.source, g and g.at or r.start, g and g.is_reference or "-", g and g.body or "-", g and g.number or "-",
      g and g.status or "-", r and r.is_reference or "-", r and r.body or "-", r and r.number or "-",
      r and r.status or "-", p.sentence) .. (r and r.why and string.format("\n    why: %s | %s | %s",
      r.why.sense or "", r.why.body or "", r.why.status or "") or "") }
  end
  for _, g in ipairs(p.gold) do
    local r = pred_for(g.at)
    if r then used[r] = true end
    local said = r and r.is_reference == "yes"
    if g.is_reference == "yes" and said then
      count("tp")
      local ok_body, ok_number = r.body == g.body, r.number == g.number
      local ok_status = coarse(r.status) == coarse(g.status)
      if ok_body then count("body") end
      if ok_number then count("number") end
      if ok_status then count("status") end
      if not (ok_body and ok_number and ok_status) then wrong("field", g, r) end
    elseif g.is_reference == "yes" then count("fn"); wrong("missed", g, r)
    elseif said then count("fp"); wrong("false", g, r) end
  end
  for _, r in ipairs(rows) do
    if r.is_reference == "yes" and not used[r] then count("fp"); wrong("unlabelled", nil, r) end
  end
end

local function ratio(a, b) return b > 0 and a / b or 0 end
print("resolution references against " .. gold_path)
print(string.format("%-6s %5s %5s %5s %9s %7s %7s %7s %7s %7s", "part", "tp", "fp", "fn", "precision", "recall",
  "F1", "body", "number", "status"))
for _, part in ipairs{ "dev", "held", "all" } do
  local t = tallies[part]
  local p, r = ratio(t.tp, t.tp + t.fp), ratio(t.tp, t.tp + t.fn)
  print(string.format("%-6s %5d %5d %5d %9.3f %7.3f %7.3f %7.3f %7.3f %7.3f", part, t.tp, t.fp, t.fn, p, r,
    ratio(2 * p * r, p + r), ratio(t.body, t.tp), ratio(t.number, t.tp), ratio(t.status, t.tp)))
end
if show_errors then
  for _, e in ipairs(errors) do
    if show_errors == "all" or e.split == show_errors then print(e.text) end
  end
end
