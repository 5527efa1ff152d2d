-- keyness.lua: the words that set one group of documents apart from another, by any metadata field:
-- `--compare party=d,r` ranks the words of the documents whose party is d against those whose party
-- is r (log-likelihood, with the log ratio of the relative frequencies), `--compare kind=news` the
-- news against every other document. --by lemma or --by pos compares lemmas or parts of speech of
-- an annotated corpus. Each row carries the counts on both sides, so it can be checked.
--
--   lector run scripts/keyness.lua --compare FIELD=A[,B] [--by word|lemma|pos] [--limit N] [--min N]
--     [--corpus DIR] [--format table|tsv|csv|json]
--
-- Columns: word, target (count in the A documents), reference (count in the others), ll, log_ratio.
-- this file's folder (whether run or required), for its lib/
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/lib/?.lua;" .. package.path

local cli = require "cli"
local output = require "output"
local groups = require "groups"

local M = {}

-- the documents of C whose FIELD is value (compared as groups.where does)
local function docs_where(C, field, value)
  local keep, err = groups.where(C, field .. "=" .. value)
  if not keep then return nil, err end
  local out = {}
  for d in C:docs() do if keep(d) then out[#out + 1] = d end end
  return out
end

-- rows of C:keywords for the comparison spec "FIELD=A[,B]"; nil and a message when it is wrong
function M.compare(C, spec, opts)
  local field, a, b = (spec or ""):match("^%s*([^=]-)%s*=%s*([^,]-)%s*,%s*(.-)%s*$")
  if not field then field, a = (spec or ""):match("^%s*([^=]-)%s*=%s*(.-)%s*$") end
  if not field or field == "" or a == "" or b == "" then
    return nil, string.format("--compare wants FIELD=A or FIELD=A,B, not '%s'", tostring(spec))
  end
  local target, err = docs_where(C, field, a)
  if not target then return nil, (err:gsub("for %-%-where", "for --compare")) end
  if #target == 0 then return nil, string.format("no document has %s=%s", field, a) end
  local reference
  if b then
    reference = docs_where(C, field, b)
    if #reference == 0 then return nil, string.format("no document has %s=%s", field, b) end
  end
  local rows = C:keywords(target, reference, { limit = opts.limit, min = opts.min,
    by = opts.by ~= "word" and opts.by or nil })
  local out = {}
  for i, r in ipairs(rows) do
    out[i] = { word = r.form, target = r.a, reference = r.b, ll = string.format("%.2f", r.ll),
      log_ratio = string.format("%.2f", r.log_ratio) }
  end
  return out
end

local function main(args)
  local opt = cli.parse(args, {
    usage = "The words that set one group of documents apart from another (log-likelihood keyness).",
    options = {
      { "--compare", value = "FIELD=A[,B]", help = "the documents whose FIELD is A, against B (or all the others)" },
      { "--by", value = "word|lemma|pos", choices = { "word", "lemma", "pos" }, default = "word",
        help = "compare word forms (default), lemmas or parts of speech" },
      { "--limit", value = "N", help = "how many words (default 20)" },
      { "--min", value = "N", help = "the fewest times a word occurs in the A documents (default 3)" },
    },
  })
  if not opt.compare then cli.fail("--compare FIELD=A[,B] is needed (e.g. --compare party=d,r)") end
  local C = cli.corpus()
  local rows, err = M.compare(C, opt.compare, { by = opt.by, limit = tonumber(opt.limit) or 20,
    min = tonumber(opt.min) or 3 })
  if not rows then cli.fail(err) end
  output.write(rows, { "word", "target", "reference", "ll", "log_ratio" }, opt.format)
end

if (...) ~= "keyness" then main(arg) end
return M
