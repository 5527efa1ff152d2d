-- positions.lua (accuracy): scripts/positions.lua against the hand-labelled statements of the seed
-- corpus (spec/fixtures/positions/seeds-gold.tsv; how they were labelled: its README.md). A printed
-- statement is right when the gold has the same sentence (file and byte offset), holder, topic and
-- stance; precision is over the statements printed, recall over the gold ones (all of them, and
-- those resting on a verb or a transcript turn, the rows without a note of a nominal, attributive,
-- implicit or attributed stance).
--
--   ./lector run bench/accuracy/positions.lua [--corpus corpus] [--list]
package.path = "scripts/?.lua;scripts/lib/?.lua;" .. package.path
local positions = require "positions"

local list = false
for _, a in ipairs(arg) do if a == "--list" then list = true end end

local gold, verbal = {}, {}
local f = assert(io.open("spec/fixtures/positions/seeds-gold.tsv"))
local header = true
for line in f:lines() do
  if header then header = false else
    local file, start, holder, topic, stance, cue, note = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    local key = table.concat({ file, start, holder, topic }, "|")
    gold[key] = { stance = stance, cue = cue, note = note }
    verbal[key] = not (note or ""):match("^nominal") and not (note or ""):match("^attributive")
      and not (note or ""):match("^implicit") and not (note or ""):match("^attributed")
  end
end
f:close()

local data = assert(positions.load())
local rows = positions.statements(corpus, data, {})
local right, found, found_verbal = 0, {}, 0
for _, r in ipairs(rows) do
  local key = table.concat({ r.file, r.start, r.actor, r.topic }, "|")
  local g = gold[key]
  local ok = g and g.stance == r.stance
  if ok then right = right + 1; found[key] = true end
  if list then
    print((ok and "right " or g and "stance" or "wrong ") .. "\t" .. key .. "\t" .. r.stance .. (g and ("\tgold " .. g.stance) or "")
      .. "\t" .. r.cue .. "\t" .. r.explain)
  end
end
local ngold, nverbal = 0, 0
for k in pairs(gold) do
  ngold = ngold + 1
  if verbal[k] then nverbal = nverbal + 1; if found[k] then found_verbal = found_verbal + 1 end end
  if list and not found[k] then print("missed\t" .. k .. "\t" .. gold[k].stance .. "\t" .. gold[k].cue) end
end
local function pct(a, b) return b > 0 and string.format("%.1f%%", 100 * a / b) or "-" end
print(string.format("positions on the seeds: %d statements printed, %d right: precision %s (target 85%%)",
  #rows, right, pct(right, #rows)))
print(string.format("recall: %d of %d gold statements, %s (target 60%%); of the %d resting on a verb or a turn: %d, %s",
  right, ngold, pct(right, ngold), nverbal, found_verbal, pct(found_verbal, nverbal)))
