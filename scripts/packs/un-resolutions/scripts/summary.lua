-- lector pack run un-resolutions:summary: how many references each body has, by status, as TSV
-- (body, status, count), most frequent first; other senses of the word are left out.
local finder = require "un_resolutions.finder"
local rows = require "un_resolutions.rows"

local counts, keys = {}, {}
for _, r in ipairs(rows.corpus(corpus, finder)) do
  if r.is_reference == "yes" then
    local k = r.body .. "\t" .. (r.status ~= "" and r.status or "-")
    if not counts[k] then counts[k] = 0; keys[#keys + 1] = k end
    counts[k] = counts[k] + 1
  end
end
table.sort(keys, function(a, b) if counts[a] ~= counts[b] then return counts[a] > counts[b] end return a < b end)
print("body\tstatus\tcount")
for _, k in ipairs(keys) do print(k .. "\t" .. counts[k]) end
