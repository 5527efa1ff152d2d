-- lector.pack.semver: semantic versions ("1.4.2", "2.0.0-beta.1") and version ranges in LuaRocks'
-- syntax: constraints joined by commas, each an operator and a version: ">= 1.2, < 2", "~> 1.4"
-- (1.4 or any 1.4.x: the parts given must match, as in LuaRocks), "== 1.0", "~= 1.3", or a bare version
-- (== that version). Missing parts count as 0, so "2" is "2.0.0".
local M = {}

-- "1.4.2-beta.1" -> {1, 4, 2, pre = "beta.1", n = 3}, or nil and a message
function M.parse(s)
  if type(s) ~= "string" then return nil, "a version is a string such as \"1.0.0\"" end
  local nums, pre = s:match("^%s*(%d+[%.%d]*)%-?([%w%.]*)%s*$")
  if not nums or nums:find("%.%.") or nums:find("%.$") then
    return nil, string.format("%q is not a version (write it as 1.2.3)", s)
  end
  local v = { pre = pre ~= "" and pre or nil, n = 0 }
  for part in nums:gmatch("%d+") do v.n = v.n + 1; v[v.n] = tonumber(part) end
  return v
end

-- -1, 0, 1 as a < b, a == b, a > b (a pre-release comes before its release)
function M.compare(a, b)
  for i = 1, math.max(a.n, b.n, 3) do
    local x, y = a[i] or 0, b[i] or 0
    if x ~= y then return x < y and -1 or 1 end
  end
  if a.pre == b.pre then return 0 end
  if not a.pre then return 1 end
  if not b.pre then return -1 end
  return a.pre < b.pre and -1 or 1
end

local OPS = {
  ["=="] = function(c) return c == 0 end, ["~="] = function(c) return c ~= 0 end,
  [">="] = function(c) return c >= 0 end, ["<="] = function(c) return c <= 0 end,
  [">"] = function(c) return c > 0 end, ["<"] = function(c) return c < 0 end,
}

-- a range string -> list of {op, version}, or nil and a message
function M.range(s)
  if type(s) ~= "string" then return nil, "a version range is a string such as \">= 1.2, < 2\"" end
  local list = {}
  for part in (s .. ","):gmatch("([^,]*),") do
    local op, ver = part:match("^%s*([=~<>]*)%s*(%S+)%s*$")
    if not op then return nil, string.format("%q: empty constraint in the range", s) end
    if op == "" then op = "==" end
    if op == "=" then op = "==" end
    if not OPS[op] and op ~= "~>" then
      return nil, string.format("%q: unknown operator %q (use ==, ~=, >=, >, <=, <, ~>)", s, op)
    end
    local v, err = M.parse(ver)
    if not v then return nil, string.format("in range %q: %s", s, err) end
    list[#list + 1] = { op = op, v = v }
  end
  return list
end

-- does version v (parsed) satisfy the parsed range?
function M.satisfies(v, range)
  for _, c in ipairs(range) do
    if c.op == "~>" then
      for i = 1, c.v.n do                      -- every part given must match, as in LuaRocks
        if (v[i] or 0) ~= c.v[i] then return false end
      end
    elseif not OPS[c.op](M.compare(v, c.v)) then
      return false
    end
  end
  return true
end

-- match("1.4.3", "~> 1.4") -> true; raises on a malformed version or range (callers validate first)
function M.match(version, range)
  local v = assert(M.parse(version))
  return M.satisfies(v, assert(M.range(range)))
end

return M
