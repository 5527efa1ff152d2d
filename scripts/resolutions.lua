-- resolutions.lua: every reference to a formal resolution in the corpus, one row per occurrence of
-- "resolution(s)" (two rows for "resolutions 678 and 687") and per related instrument without the
-- word ("Article 51" of the UN Charter, "U.N. order(s)", a limit "set by the U.N."), saying whether
-- it is a reference at all (not a military resolution, a New Year's resolution, the resolution of a
-- dispute, a screen resolution), which body, its status, how specific it is, and its number.
-- The grammar is the un_resolutions.finder module of the un-resolutions pack (scripts/packs/).
--
--   lector run scripts/resolutions.lua [--corpus DIR] [--format table|tsv|csv|json] [--all]
--
-- Columns: file, start, end (byte offsets of the matched words in the file, end excluded), matched,
-- is_reference, body, status, specificity, number, sentence.
-- this file's folder (whether run or required), for its lib/, data/ and packs/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/lib/?.lua;" .. here .. "/packs/un-resolutions/lua/?.lua;" .. package.path

local cli = require "cli"
local output = require "output"
local text = require "text"
local finder = require "un_resolutions.finder"

local M = {}

M.COLUMNS = { "file", "start", "end", "matched", "is_reference", "body", "status", "specificity", "number",
  "sentence" }

-- the rows of one document
function M.document(d, keep_boilerplate)
  local sentences = text.sentences(d, keep_boilerplate)
  local whole = {}
  for i, s in ipairs(sentences) do whole[i] = s.text end
  local scan = finder.scanner({ context = table.concat(whole, "\n") })
  local rows = {}
  for _, s in ipairs(sentences) do
    for _, r in ipairs(scan:sentence(s.text, s.byte_start)) do
      r.file, r["end"], r.doc = d.name, r.stop, d
      r.sentence = s.text:gsub("%s+", " ")
      r.sentence_text, r.sentence_start = s.text, s.byte_start
      rows[#rows + 1] = r
    end
  end
  return rows
end

-- the rows of the corpus, in file order
function M.corpus(C, keep_boilerplate)
  local rows = {}
  for d in C:docs() do
    for _, r in ipairs(M.document(d, keep_boilerplate)) do rows[#rows + 1] = r end
  end
  return rows
end

local function main(args)
  local opt = cli.parse(args, {
    usage = "Finds references to resolutions (and Article 51, U.N. orders, limits set by the U.N.).",
    options = { { "--references", help = "only the rows that are references (is_reference = yes)" } },
  })
  local C = cli.corpus()
  local rows = M.corpus(C, opt.boilerplate)
  if opt.references then
    local keep = {}
    for _, r in ipairs(rows) do if r.is_reference == "yes" then keep[#keep + 1] = r end end
    rows = keep
  end
  output.write(rows, M.COLUMNS, opt.format, { widths = { sentence = 50, matched = 24, file = 24 } })
end

-- run as a script (lector run scripts/resolutions.lua), or required as a module by report.lua
if (...) ~= "resolutions" then main(arg) end
return M
