-- mentions.lua: how often each entity (person, country, organization) is named, per document, per
-- year and in total, or every mention with its evidence. Entities come from a lexicon: --entities
-- FILE, else an entities.lua or entities.tsv in the corpus folder (corpus/entities.lua is the seed
-- corpus's curated list), else the proper names found in the corpus itself (lib/propernames.lua).
-- doc/lexicons.md has the formats. Mentions are found with the index (lib/entities.lua).
--
--   lector run scripts/mentions.lua [--corpus DIR] [--by doc|year|decade|month|total|FIELD]
--     [--where FIELD=VALUE,..] [--show counts|mentions] [--entities FILE] [--no-speakers] [--explain]
--     [--boilerplate] [--format table|tsv|csv|json]
--
-- Columns: by doc: file, date, entity, count; by year (decade, month, any metadata field): year,
-- entity, count; total: entity, count (--explain adds the aliases that matched). --show mentions: file, date, start, end (bytes of the
-- file), text, entity, sentence (--explain adds the rule that decided it).
-- this file's folder (whether run or required), for its lib/, data/ and packs/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/lib/?.lua;" .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local entities = require "entities"
local lexicon = require "lexicon"
local propernames = require "propernames"
local groups = require "groups"

local M = {}

-- the entity lexicon for corpus C: the file given, else the one in the corpus folder, else the
-- names found in the corpus. Returns the list (with .source saying where it came from) or nil, message
function M.lexicon(C, path)
  local list, err = lexicon.for_corpus(C, "entities", path)
  if list or err then return list, err end
  return propernames.entities(C)
end

-- the matcher for corpus C (see M.lexicon); nil and a message when the lexicon is wrong
function M.load(C, path)
  local list, err = M.lexicon(C, path)
  if not list then return nil, err end
  local ok, m = pcall(entities.compile, list)
  if not ok then return nil, tostring(list.source) .. ": " .. tostring(m) end
  m.source = list.source
  return m
end

-- the byte ranges of d's speaker labels ("G. Bush." opening a turn of a transcript)
function M.labels(d)
  local ranges = {}
  for t in d:turns() do
    local head = t:text():sub(1, #t.speaker + 2)
    local a, b = head:find(t.speaker, 1, true)
    if a and a <= 2 then ranges[#ranges + 1] = { t.byte_start + a - 1, t.byte_start + b } end
  end
  return ranges
end

-- counts: { docs = { {doc=, counts={entity=n}, aliases={entity={alias=n}}} in date order },
-- mentions = every mention (see entities.find), oldest document first,
-- years = {year={entity=n}}, total = {} }.
-- opts: speakers (false: leave speaker labels out), boilerplate, keep (a function doc -> boolean:
-- the documents counted; all when nil)
function M.count(C, matcher, opts)
  opts = opts or {}
  local found = matcher:find(C, { boilerplate = opts.boilerplate, speakers = opts.speakers, labels = M.labels })
  local res = { docs = {}, years = {}, total = {}, mentions = {}, source = matcher.source }
  local per, rank = {}, {}
  for i, d in ipairs(text.docs(C)) do
    if not opts.keep or opts.keep(d) then
      per[d.id] = { doc = d, counts = {}, aliases = {} }
      res.docs[#res.docs + 1] = per[d.id]
      rank[d.id] = i
    end
  end
  if opts.keep then                   -- the mentions in the documents kept
    local kept = {}
    for _, m in ipairs(found) do
      if per[m.doc.id] then kept[#kept + 1] = m end
    end
    found = kept
  end
  res.mentions = found
  -- the mentions in the order of the documents (oldest first), as the counts are: one number per
  -- mention (its document's rank, then its start), worked out once rather than in each comparison
  -- (the numbers sorted as they are, which compares in C, each mapped back to its mention)
  local keys, of_key, id, year = {}, {}, {}, {}
  for i, m in ipairs(found) do
    local d = m.doc
    if not id[d] then id[d], year[d] = d.id, d.year or "undated" end
    local k = rank[id[d]] * 4294967296 + m.start
    keys[i], of_key[k] = k, m
  end
  table.sort(keys)
  for i, k in ipairs(keys) do found[i] = of_key[k] end
  for _, m in ipairs(found) do
    local x, e = per[id[m.doc]], m.entity
    x.counts[e] = (x.counts[e] or 0) + 1
    local how = m.alias .. (m.label and " (speaker label)" or "")
    x.aliases[e] = x.aliases[e] or {}
    x.aliases[e][how] = (x.aliases[e][how] or 0) + 1
    res.total[e] = (res.total[e] or 0) + 1
    local y = year[m.doc]
    res.years[y] = res.years[y] or {}
    res.years[y][e] = (res.years[y][e] or 0) + 1
  end
  return res
end

-- entity names of a count table, most mentioned first, then by name
function M.ranked(counts)
  local names = {}
  for e in pairs(counts) do names[#names + 1] = e end
  table.sort(names, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  return names
end

-- "Bush 4, G. Bush (speaker label) 7": the aliases behind a count, most used first
local function alias_list(t)
  local parts = {}
  for _, a in ipairs(M.ranked(t)) do parts[#parts + 1] = a .. " " .. t[a] end
  return table.concat(parts, ", ")
end

-- the rows for --by doc, total, or a group of documents (key: doc -> its group, groups.by); with
-- explain, each row says the aliases behind it
function M.rows(res, by, explain, key)
  local rows = {}
  if by ~= "doc" and by ~= "total" then
    key = key or function(d) return d.year or "undated" end
    local per, names = {}, {}
    for _, x in ipairs(res.docs) do
      local g = key(x.doc)
      if not per[g] then per[g] = {}; names[#names + 1] = g end
      for e, n in pairs(x.counts) do per[g][e] = (per[g][e] or 0) + n end
    end
    table.sort(names, function(a, b) return tostring(a) < tostring(b) end)
    for _, g in ipairs(names) do
      for _, e in ipairs(M.ranked(per[g])) do rows[#rows + 1] = { [by] = g, entity = e, count = per[g][e] } end
    end
    return rows, { by, "entity", "count" }
  elseif by == "total" then
    for _, e in ipairs(M.ranked(res.total)) do rows[#rows + 1] = { entity = e, count = res.total[e] } end
    return rows, { "entity", "count" }
  end
  for _, x in ipairs(res.docs) do
    for _, e in ipairs(M.ranked(x.counts)) do
      rows[#rows + 1] = { file = x.doc.name, date = x.doc.date or "", entity = e, count = x.counts[e],
        aliases = alias_list(x.aliases[e]) }
    end
  end
  return rows, explain and { "file", "date", "entity", "count", "aliases" } or { "file", "date", "entity", "count" }
end

-- the sentence of a mention; marked = true puts [ ] around the matched words and keeps at most
-- M.CONTEXT characters of the sentence on each side of them (for a table)
M.CONTEXT = 60
function M.sentence(m, marked)
  local s = m.hit.sentence
  local sentence = s:text()
  if not marked then return sentence end
  local d = m.doc
  local base = d:text_offset(s.byte_start)
  local a, b = d:text_offset(m.byte_start) - base, d:text_offset(m.byte_end) - base
  local left, right = sentence:sub(1, a), sentence:sub(b + 1)
  local n = utf8.len(left) or #left
  if n > M.CONTEXT then left = "…" .. left:sub(utf8.offset(left, n - M.CONTEXT + 1) or 1) end
  if (utf8.len(right) or #right) > M.CONTEXT then right = right:sub(1, (utf8.offset(right, M.CONTEXT + 1) or 1) - 1) .. "…" end
  return left .. "[" .. sentence:sub(a + 1, b) .. "]" .. right
end

-- one row per mention, in corpus order: the evidence (--show mentions)
function M.evidence(res, explain, marked)
  local rows = {}
  for _, m in ipairs(res.mentions) do
    rows[#rows + 1] = { file = m.doc.name, date = m.doc.date or "", start = m.byte_start, ["end"] = m.byte_end,
      text = m.hit:text(), entity = m.entity, sentence = M.sentence(m, marked), rule = m.rule }
  end
  local cols = { "file", "date", "start", "end", "text", "entity", "sentence" }
  if explain then cols[#cols + 1] = "rule" end
  return rows, cols
end

local function main(args)
  local opt = cli.parse(args, {
    usage = "Counts the mentions of each entity per document, year or in total, or lists every mention with\n"
      .. "its evidence. Entities: --entities FILE, else entities.lua|tsv in the corpus folder, else the proper\n"
      .. "names found in the corpus (doc/lexicons.md).",
    options = {
      { "--by", value = "doc|year|decade|month|total|FIELD", default = "doc",
        help = "count per document (default), per year, decade, month, metadata field, or in total" },
      { "--where", value = "FIELD=VALUE,..", help = "only the documents whose FIELD is one of the values" },
      { "--show", value = "counts|mentions", choices = { "counts", "mentions" }, default = "counts",
        help = "counts (default), or every mention: file, date, bytes, text, entity, sentence" },
      { "--list", help = "the same as --show mentions" },
      { "--entities", value = "FILE", help = "the entity lexicon, .lua or .tsv (doc/lexicons.md)" },
      { "--no-speakers", help = "leave out the speaker labels of transcripts (\"G. Bush.\")" },
      { "--explain", help = "say which alias and rule decided each row" },
    },
  })
  local C = cli.corpus()
  local key, kerr = groups.by(C, opt.by)
  if not key then cli.fail(kerr) end
  local keep
  if opt.where then
    local werr
    keep, werr = groups.where(C, opt.where)
    if not keep then cli.fail(werr) end
  end
  local matcher, err = M.load(C, opt.entities)
  if not matcher then cli.fail(err) end
  local res = M.count(C, matcher, { boilerplate = opt.boilerplate, speakers = not opt.no_speakers, keep = keep })
  local title = opt.format == "table" and ("entities: " .. tostring(matcher.source)) or nil
  if opt.list or opt.show == "mentions" then
    local rows, cols = M.evidence(res, opt.explain, opt.format == "table")
    output.write(rows, cols, opt.format, { title = title, widths = { sentence = 2 * M.CONTEXT + 40, rule = 100 } })
    return
  end
  local rows, cols = M.rows(res, opt.by, opt.explain, key)
  output.write(rows, cols, opt.format, { title = title, widths = { aliases = 80 } })
end

if (...) ~= "mentions" then main(arg) end
return M
