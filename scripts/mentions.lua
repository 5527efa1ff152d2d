-- mentions.lua: how often each entity (country, organization, person) is named, per document, per
-- year and in total. Entities and their aliases are data: scripts/data/entities.lua (or --entities
-- FILE), where the rules for case, nesting, possessives, dates and shared surnames are written down.
-- Boilerplate lines and the speaker labels of transcripts ("G. Bush.") are not counted unless asked.
--
--   lector run scripts/mentions.lua [--corpus DIR] [--by doc|year|total] [--format table|tsv|csv|json]
--                                   [--entities FILE] [--speakers] [--boilerplate] [--list]
--
-- Columns: by doc: file, date, entity, count; by year: year, entity, count; total: entity, count.
-- --list prints every mention instead: file, start, end, alias, entity.
-- this file's folder (whether run or required), for its lib/, data/ and packs/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/lib/?.lua;" .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local entities = require "entities"
local data = require "data"

local M = {}
M.DATA = here .. "/data/entities.lua"

-- load and compile an entity file; nil and a message when it cannot be read or is wrong
function M.load(path)
  path = path or M.DATA
  local list, err = data.load(path)
  if not list then return nil, err end
  local ok2, m = pcall(entities.compile, list)
  if not ok2 then return nil, path .. ": " .. tostring(m) end
  return m
end

-- the byte ranges of d's speaker labels ("G. Bush." opening a turn of a transcript)
local function labels(d)
  local ranges = {}
  for t in d:turns() do
    local head = t:text():sub(1, #t.speaker + 2)
    local a, b = head:find(t.speaker, 1, true)
    if a and a <= 2 then ranges[#ranges + 1] = { t.byte_start + a - 1, t.byte_start + b } end
  end
  return ranges
end

-- the mentions in one document, sentence by sentence, boilerplate lines left out unless
-- opts.boilerplate, speaker labels unless opts.speakers: list of { start, stop, entity, alias }
function M.document(matcher, d, opts)
  opts = opts or {}
  local ranges = opts.speakers and {} or labels(d)
  local function skip(a, b)
    for _, r in ipairs(ranges) do
      if a < r[2] and b > r[1] then return true end
    end
    return false
  end
  local state = { last = {} }
  local out = {}
  for _, s in ipairs(text.sentences(d, opts.boilerplate)) do
    state.later = nil
    for _, m in ipairs((matcher:scan(s.text, d.date, state, s.byte_start, skip))) do out[#out + 1] = m end
  end
  return out
end

-- counts: { docs = { {doc=, counts={entity=n}} in date order }, years = {year={entity=n}}, total = {} }
function M.count(C, matcher, opts)
  local res = { docs = {}, years = {}, total = {}, mentions = {} }
  for _, d in ipairs(text.docs(C)) do
    local counts = {}
    for _, m in ipairs(M.document(matcher, d, opts)) do
      counts[m.entity] = (counts[m.entity] or 0) + 1
      res.total[m.entity] = (res.total[m.entity] or 0) + 1
      local y = d.year or "undated"
      res.years[y] = res.years[y] or {}
      res.years[y][m.entity] = (res.years[y][m.entity] or 0) + 1
      res.mentions[#res.mentions + 1] = { file = d.name, start = m.start, ["end"] = m.stop, alias = m.alias,
        entity = m.entity }
    end
    res.docs[#res.docs + 1] = { doc = d, counts = counts }
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

-- the rows for --by doc|year|total
function M.rows(res, by)
  local rows = {}
  if by == "year" then
    local years = {}
    for y in pairs(res.years) do years[#years + 1] = y end
    table.sort(years, function(a, b) return tostring(a) < tostring(b) end)
    for _, y in ipairs(years) do
      for _, e in ipairs(M.ranked(res.years[y])) do
        rows[#rows + 1] = { year = y, entity = e, count = res.years[y][e] }
      end
    end
    return rows, { "year", "entity", "count" }
  elseif by == "total" then
    for _, e in ipairs(M.ranked(res.total)) do rows[#rows + 1] = { entity = e, count = res.total[e] } end
    return rows, { "entity", "count" }
  end
  for _, x in ipairs(res.docs) do
    for _, e in ipairs(M.ranked(x.counts)) do
      rows[#rows + 1] = { file = x.doc.name, date = x.doc.date or "", entity = e, count = x.counts[e] }
    end
  end
  return rows, { "file", "date", "entity", "count" }
end

local function main(args)
  local opt = cli.parse(args, {
    usage = "Counts mentions of the entities in scripts/data/entities.lua, per document, year or in total.",
    options = {
      { "--by", value = "doc|year|total", choices = { "doc", "year", "total" }, default = "doc",
        help = "count per document (default), per year, or in total" },
      { "--entities", value = "FILE", help = "another entity file (see scripts/data/entities.lua)" },
      { "--speakers", help = "also count the speaker labels of transcripts" },
      { "--list", help = "every mention: file, start, end, alias, entity" },
    },
  })
  local matcher, err = M.load(opt.entities)
  if not matcher then cli.fail(err) end
  local C = cli.corpus()
  local res = M.count(C, matcher, opt)
  if opt.list then
    table.sort(res.mentions, function(a, b)
      if a.file ~= b.file then return a.file < b.file end
      return a.start < b.start
    end)
    output.write(res.mentions, { "file", "start", "end", "alias", "entity" }, opt.format)
    return
  end
  local rows, cols = M.rows(res, opt.by)
  output.write(rows, cols, opt.format)
end

if (...) ~= "mentions" then main(arg) end
return M
