-- resolutions.lua: every reference to a formal resolution in the corpus, one row per occurrence of
-- "resolution(s)" (one per item for "resolutions 242 and 338" or "660 to 678") and per related
-- instrument without the word ("Article 51" of the UN Charter, "U.N. orders", a limit "set by the
-- U.N.", "S/RES/678", "H.J.Res. 114"), saying whether it is a reference at all (not a screen
-- resolution, a bank's resolution regime, conflict resolution, a New Year's resolution), which body
-- (and whether the text names it or it was inferred), its number, status and the verb that decided
-- the status, with its evidence: document, date, byte span and sentence. The grammar is the
-- un_resolutions.finder module of the un-resolutions pack (scripts/packs/).
--
-- The sentences the grammar reads are found through the index: those with a trigger word (M.TRIGGERS)
-- and the finder.WINDOW - 1 sentences before each, which is all that the finder's memory reaches;
-- the rows are exactly those of reading every sentence (--scan does that, and the specs compare).
--
--   lector run scripts/resolutions.lua [--corpus DIR] [--format table|tsv|csv|json] [--references]
--                                      [--explain] [--scan]
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. here .. "/lib/?.lua;" .. here .. "/packs/un-resolutions/lua/?.lua;"
  .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local finder = require "un_resolutions.finder"
local groups = require "groups"

local M = {}

M.COLUMNS = { "file", "date", "start", "end", "matched", "is_reference", "body", "body_source", "status", "verb",
  "number", "specificity", "sentence" }

-- the words and phrases whose sentences the grammar reads (case-insensitive, inside hyphen compounds
-- too: "high-resolution"); "RES" and "Res" are the symbols S/RES/678, H.J.Res. 114; the index keeps a
-- closing quote in the word ("Resolution' 32/174" in a scanned record), the finder does not
M.TRIGGERS = { "resolution", "resolutions", "res", "unscr", "set by", "imposed by", "established by", "mandated by",
  "fixed by", "laid by", "resolution'", "resolutions'" }
-- and the words the finder reads only beside another, as queries of both (the index's tokens: the
-- finder's own are never narrower): "Article" before a number, "orders" after the UN or a council
-- ("UN's" is "UN" + "'s"), a draft's "L." after a slash (A/C.3/48/L.7) and a symbol's first token
-- (A/L.633 is "A/L" "." "633")
M.TRIGGER_QUERIES = { '[word="article"%c] [word="\\d.*"]', '[word="U\\.N\\.|UN|Nations|Council|\'s|’s"%c] [word="orders"%c]',
  '[word="/"] [word="L\\."]', '[word="[AS]/.*"]' }

-- the rule behind each field, as one column
local function explain(r)
  local w = r.why or {}
  local parts = { "sense: " .. (w.sense or "") }
  if r.is_reference == "yes" then
    parts[#parts + 1] = "body: " .. (w.body or "")
    parts[#parts + 1] = "status: " .. (w.status or "")
    if (w.number or "") ~= "" then parts[#parts + 1] = "number: " .. w.number end
  end
  return table.concat(parts, "; ")
end

-- the sentences of d, with those the corpus splits inside a symbol joined again: "draft A/C." +
-- "3/48/L.7", "H.J.Res." + "114", "Res." + "242 of 1967" (a sentence that ends in an abbreviation
-- and one that begins with a digit or a parenthesis)
local broken_end = { "Res%.$", "RES%.$", "/%u+%.$", "%f[%w]%u%.$", "[Nn]os?%.$", "Art%.$" }
function M.sentences(d, keep_boilerplate)
  local out = {}
  for _, s in ipairs(text.sentences(d, keep_boilerplate)) do
    local prev = out[#out]
    local joins = false
    if prev and s.text:match("^[%d(]") then
      for _, p in ipairs(broken_end) do if prev.text:match(p) then joins = true break end end
    end
    if joins then
      local gap = s.byte_start - prev.byte_end
      out[#out] = { text = prev.text .. (" "):rep(gap) .. s.text, byte_start = prev.byte_start,
        byte_end = s.byte_end, start = prev.start, stop = s.stop }
    else
      out[#out + 1] = s
    end
  end
  return out
end

-- the rows of the sentences of d numbered in `wanted` (a sorted list of indices; nil: all of them)
local function rows_of(d, sentences, wanted)
  local scan = finder.scanner({ context = function()   -- the whole text, if a rule asks what it says
    local whole = {}
    for i, s in ipairs(sentences) do whole[i] = s.text end
    return table.concat(whole, "\n")
  end })
  local rows = {}
  local function read(i)
    local s = sentences[i]
    for _, r in ipairs(scan:sentence(s.text, s.byte_start, i)) do
      r.file, r.date, r["end"], r.doc = d.name, d.date or "", r.stop, d
      r.sentence = s.text:gsub("%s+", " ")
      r.sentence_text, r.sentence_start = s.text, s.byte_start
      rows[#rows + 1] = r
    end
  end
  if wanted then for _, i in ipairs(wanted) do read(i) end
  else for i = 1, #sentences do read(i) end end
  -- after the whole document: a later sentence may have told more of a reference
  for _, r in ipairs(rows) do r.explain = explain(r) end
  return rows
end

-- the rows of one document, every sentence read
function M.document(d, keep_boilerplate)
  return rows_of(d, M.sentences(d, keep_boilerplate))
end

-- the rows of the corpus, every sentence of every document read, in file order
function M.scan(C, keep_boilerplate)
  local rows = {}
  for d in C:docs() do
    for _, r in ipairs(M.document(d, keep_boilerplate)) do rows[#rows + 1] = r end
  end
  return rows
end

-- the byte offsets of the trigger words, by document (in corpus order)
function M.candidates(C)
  local by_doc, docs = {}, {}
  local function add(hits)
    for h in hits:each() do
      local list = by_doc[h.doc.id]
      if not list then list = {}; by_doc[h.doc.id] = list; docs[#docs + 1] = h.doc end
      list[#list + 1] = h.byte_start
    end
  end
  for _, word in ipairs(M.TRIGGERS) do add(C:hits(word)) end
  for _, q in ipairs(M.TRIGGER_QUERIES) do add(assert(C:query(q))) end
  table.sort(docs, function(a, b) return a.id < b.id end)
  return docs, by_doc
end

-- the rows of one candidate document: the sentences that hold a trigger (at the byte offsets
-- given), and the ones before each that the finder remembers
function M.candidate_rows(C, item, keep_boilerplate)
  local d, offsets = item.doc, item.offsets
  local sentences = M.sentences(d, keep_boilerplate)
  table.sort(offsets)
  local want, k = {}, 1
  for i, s in ipairs(sentences) do
    while offsets[k] and offsets[k] < s.byte_start do k = k + 1 end
    if offsets[k] and offsets[k] < s.byte_end then
      for j = math.max(1, i - finder.WINDOW + 1), i do want[j] = true end
    end
  end
  local wanted = {}
  for i = 1, #sentences do if want[i] then wanted[#wanted + 1] = i end end
  return rows_of(d, sentences, wanted)
end

-- the rows of the corpus found through the index: the same rows as M.scan. The documents are
-- shared among the cores (C:map: a worker state per core; the rows come back in document order)
function M.corpus(C, keep_boilerplate, threads)
  local docs, by_doc = M.candidates(C)
  local items = {}
  for i, d in ipairs(docs) do items[i] = { doc = d, offsets = by_doc[d.id] } end
  local rows = {}
  local per_doc = C:map(items, "resolutions.candidate_rows", { args = { keep_boilerplate or false }, threads = threads })
  for _, list in ipairs(per_doc) do
    for _, r in ipairs(list) do rows[#rows + 1] = r end
  end
  return rows
end

local function main(args)
  local opt = cli.parse(args, {
    usage = "Finds references to resolutions (and Article 51, U.N. orders, limits set by the U.N.), with\n"
      .. "their body, number, status and evidence.",
    options = {
      { "--references", help = "only the rows that are references (is_reference = yes)" },
      { "--explain", help = "add a column saying which rule decided each field" },
      { "--scan", help = "read every sentence instead of finding them through the index (same rows)" },
      { "--by", value = "year|decade|month|FIELD",
        help = "instead of the rows, how many references per group, body and status" },
      { "--where", value = "FIELD=VALUE,..", help = "only the documents whose FIELD is one of the values" },
    },
  })
  local C = cli.corpus()
  local group, where
  if opt.by then
    local gerr
    group, gerr = groups.by(C, opt.by)
    if not group then cli.fail(gerr) end
  end
  if opt.where then
    local werr
    where, werr = groups.where(C, opt.where)
    if not where then cli.fail(werr) end
  end
  local rows = opt.scan and M.scan(C, opt.boilerplate) or M.corpus(C, opt.boilerplate)
  local keep = {}
  for _, r in ipairs(rows) do
    if (not opt.references or r.is_reference == "yes") and (not where or where(r.doc)) then keep[#keep + 1] = r end
  end
  rows = keep
  if group then                  -- the references per group, body and status
    local n, order = {}, {}
    for _, r in ipairs(rows) do
      if r.is_reference == "yes" then
        local k = table.concat({ tostring(group(r.doc)), r.body, r.status }, "\0")
        if not n[k] then n[k] = { [opt.by] = tostring(group(r.doc)), body = r.body, status = r.status, count = 0 }
          order[#order + 1] = k end
        n[k].count = n[k].count + 1
      end
    end
    table.sort(order)
    local out = {}
    for i, k in ipairs(order) do out[i] = n[k] end
    output.write(out, { opt.by, "body", "status", "count" }, opt.format)
    return
  end
  local columns = { table.unpack(M.COLUMNS) }
  if opt.explain then columns[#columns + 1] = "explain" end
  output.write(rows, columns, opt.format, { widths = { sentence = 50, matched = 24, file = 24, explain = 40 } })
end

-- run as a script (lector run scripts/resolutions.lua), or required as a module by report.lua
if (...) ~= "resolutions" then main(arg) end
return M
