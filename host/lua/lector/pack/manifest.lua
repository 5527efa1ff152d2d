-- lector.pack.manifest: reads a pack's pack.lua as data and checks it. The file runs in an empty
-- environment (no functions at all: it can only build a table) under a small instruction and memory
-- budget, so that a manifest can neither act nor hang. Each problem is named by file and field.
local host = require "lector.host"
local semver = require "lector.pack.semver"

local M = {}

M.LIMITS = { memory = 4 * 2^20, instructions = 1000000, time = 5 }
M.FIELDS = { name = true, version = true, description = true, license = true, lector = true, requires = true,
  scripts = true, permissions = true, homepage = true, author = true }
M.PERMISSIONS = { memory = true, time = true, instructions = true, read = true, write = true }

-- a permission's memory as bytes: 512 (MB), "512M", "2G"
function M.memory_bytes(v)
  if type(v) == "number" and v > 0 then return v * 2^20 end
  if type(v) ~= "string" then return nil end
  local n, unit = v:match("^(%d+%.?%d*)%s*([KkMmGg]?)B?$")
  if not n then return nil end
  local mult = ({ K = 2^10, k = 2^10, G = 2^30, g = 2^30 })[unit] or 2^20
  return math.floor(tonumber(n) * mult)
end

local function check_paths(file, where, v)
  if type(v) ~= "table" then return string.format("%s: field '%s' must be a list of folders", file, where) end
  for i, p in ipairs(v) do
    if type(p) ~= "string" or p == "" then
      return string.format("%s: field '%s[%d]' must be a folder name", file, where, i)
    end
  end
end

-- checks the table m read from file: nil, or a message naming the field
function M.validate(m, file, dir)
  local function bad(field, fmt, ...)
    return string.format("%s: field '%s' %s", file, field, string.format(fmt, ...))
  end
  if type(m) ~= "table" then return string.format("%s: must return a table (got %s)", file, type(m)) end
  for k in pairs(m) do
    if not M.FIELDS[k] then return bad(tostring(k), "is not a manifest field (known: name, version, description, "
      .. "license, lector, requires, scripts, permissions, homepage, author)") end
  end
  if type(m.name) ~= "string" then return bad("name", "is missing (a string such as \"my-pack\")") end
  if not m.name:match("^[a-z][a-z0-9-]*$") then
    return bad("name", "%q must be lowercase letters, digits and '-', starting with a letter", m.name)
  end
  if m.version == nil then return bad("version", "is missing (a semantic version such as \"1.0.0\")") end
  local v, err = semver.parse(m.version)
  if not v then return bad("version", "%s", err) end
  for _, f in ipairs { "description", "license" } do
    if type(m[f]) ~= "string" or m[f] == "" then return bad(f, "is missing (a string)") end
  end
  if m.lector == nil then return bad("lector", "is missing (the lector versions it works with, e.g. \">= 0.1\")") end
  local r
  r, err = semver.range(m.lector)
  if not r then return bad("lector", "%s", err) end
  if m.requires ~= nil then
    if type(m.requires) ~= "table" then return bad("requires", "must be a table of pack names and version ranges") end
    for name, range in pairs(m.requires) do
      if type(name) ~= "string" or not name:match("^[a-z][a-z0-9-]*$") then
        return bad("requires", "has a bad pack name %s", tostring(name))
      end
      r, err = semver.range(range)
      if not r then return bad("requires." .. name, "%s", err) end
    end
  end
  if type(m.scripts) ~= "table" or next(m.scripts) == nil then
    return bad("scripts", "is missing (a table of names and files, e.g. {main = \"scripts/main.lua\"})")
  end
  for name, path in pairs(m.scripts) do
    if type(name) ~= "string" or not name:match("^[%w_-]+$") then
      return bad("scripts", "has a bad script name %s (letters, digits, '-', '_')", tostring(name))
    end
    if type(path) ~= "string" or path:find("^/") or path:find("%.%.") or not path:find("%.lua$") then
      return bad("scripts." .. name, "must be a .lua file inside the pack, such as \"scripts/%s.lua\"", name)
    end
    local f = dir and io.open(dir .. "/" .. path)
    if dir and not f then return bad("scripts." .. name, "names %s, which is not in the pack", path) end
    if f then f:close() end
  end
  local p = m.permissions
  if p ~= nil then
    if type(p) ~= "table" then return bad("permissions", "must be a table") end
    for k in pairs(p) do
      if not M.PERMISSIONS[k] then
        return bad("permissions." .. tostring(k), "is not a permission (known: memory, time, instructions, read, write)")
      end
    end
    if p.memory ~= nil and not M.memory_bytes(p.memory) then
      return bad("permissions.memory", "must be a size such as \"2G\" or a number of MB")
    end
    for _, k in ipairs { "time", "instructions" } do
      if p[k] ~= nil and (type(p[k]) ~= "number" or p[k] <= 0) then
        return bad("permissions." .. k, "must be a positive number")
      end
    end
    for _, k in ipairs { "read", "write" } do
      if p[k] ~= nil then
        local e = check_paths(file, "permissions." .. k, p[k])
        if e then return e end
      end
    end
  end
  return nil
end

-- M.read(dir) -> manifest | nil, message. The manifest gets `dir` (where it was read from).
function M.read(dir)
  local file = dir .. "/pack.lua"
  local f = io.open(file, "rb")
  if not f then return nil, string.format("%s: no pack.lua (a pack is a folder with a pack.lua manifest)", dir) end
  local src = f:read("a")
  f:close()
  local chunk, err = load(src, "@" .. file, "t", {})
  if not chunk then return nil, err end
  local ok, m = host.run(M.LIMITS, chunk)
  if not ok then return nil, string.format("%s: %s", file, m) end
  err = M.validate(m, file, dir)
  if err then return nil, err end
  m.dir = dir
  return m
end

return M
