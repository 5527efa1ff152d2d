-- groups.lua: documents grouped or selected by any of their metadata fields, the same way in every
-- script: `--by FIELD` (doc, year, decade, month, total, or any field a document has: speaker,
-- party, country ...) and `--where FIELD=VALUE[,VALUE...]`. A field that no document has is an
-- error naming the fields there are, never an empty answer.
--
--   local groups = require "groups"
--   local key, err = groups.by(C, "party")        -- key(doc) -> "d", "r", ... ("(none)" without it)
--   local keep, err = groups.where(C, "party=d,r")  -- keep(doc) -> true / false
--   groups.fields(C)                               -- the metadata fields of the corpus, sorted
local M = {}

M.BUILT_IN = { "doc", "year", "decade", "month", "total" }
M.NONE = "(none)"

-- the metadata fields that documents of C have, sorted
function M.fields(C)
  local seen, out = {}, {}
  for d in C:docs() do
    for k in pairs(d.meta or {}) do
      if not seen[k] then seen[k] = true; out[#out + 1] = k end
    end
  end
  table.sort(out)
  return out
end

local function known(C, field)
  for _, b in ipairs(M.BUILT_IN) do if b == field then return true end end
  for _, f in ipairs(M.fields(C)) do if f == field then return true end end
  return false
end

-- the nearest field when the one given looks like a slip of the keyboard (lector._nearest, the
-- measure of every option check), else the fields there are
local function unknown(C, what, field)
  local all = { table.unpack(M.fields(C)) }
  for _, b in ipairs(M.BUILT_IN) do all[#all + 1] = b end
  local near = lector._nearest(field, all)
  if near then return string.format("unknown field '%s' for %s (did you mean '%s'?)", field, what, near) end
  return string.format("unknown field '%s' for %s (fields: %s; and %s)", field, what,
    table.concat(M.fields(C), ", "), table.concat(M.BUILT_IN, ", "))
end

-- the group of each document for `by`: a function doc -> key; nil and a message for a field no
-- document has. year, decade and month come from the date, as precise as it is ("undated" without
-- one; a year-only date has no month).
function M.by(C, by)
  if not known(C, by) then return nil, unknown(C, "--by", by) end
  if by == "doc" then return function(d) return d.name end end
  if by == "total" then return function() return "total" end end
  if by == "year" then return function(d) return d.date and d.date:match("^(%d%d%d%d)") or "undated" end end
  if by == "decade" then
    return function(d)
      local y = d.date and d.date:match("^(%d%d%d)%d")
      return y and (y .. "0s") or "undated"
    end
  end
  if by == "month" then return function(d) return d.date and d.date:match("^(%d%d%d%d%-%d%d)") or "undated" end end
  return function(d) local v = d.meta and d.meta[by] return v and v ~= "" and v or M.NONE end
end

-- a selection of documents from "FIELD=VALUE[,VALUE...]" (the values compared as written, without
-- regard to case): a function doc -> boolean; nil and a message when it is not one
function M.where(C, spec)
  local field, values = (spec or ""):match("^%s*([^=]-)%s*=%s*(.-)%s*$")
  if not field or field == "" or values == "" then
    return nil, string.format("--where wants FIELD=VALUE[,VALUE...], not '%s'", tostring(spec))
  end
  local key, err = M.by(C, field)
  if not key then return nil, (err:gsub("for %-%-by", "for --where")) end
  local want = {}
  for v in values:gmatch("[^,]+") do want[v:match("^%s*(.-)%s*$"):lower()] = true end
  return function(d) return want[tostring(key(d)):lower()] == true end
end

return M
