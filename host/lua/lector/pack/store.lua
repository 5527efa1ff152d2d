-- lector.pack.store: where packs are installed and what lector.lock says of them. A store is a
-- folder of packs (./packs, or ~/.local/share/lector/packs with --user) and its lock file (lector.lock
-- in the project, or beside the user's packs folder). Installing copies into a temporary folder
-- inside the store, checks it, then renames it into place, so that a failure leaves nothing half
-- installed. The hash of a pack is the SHA-256 of the sha256sum-style listing of its files
-- ("<sha256 of the file>  <path>\n" for each file, paths sorted bytewise).
local host = require "lector.host"
local manifest = require "lector.pack.manifest"
local semver = require "lector.pack.semver"

local M = {}

local function q(s) return "'" .. s:gsub("'", [['\'']]) .. "'" end

-- the project store or the user's
function M.open(user)
  if user then
    local base = os.getenv("XDG_DATA_HOME")
    if not base or base == "" then base = (os.getenv("HOME") or ".") .. "/.local/share" end
    return { dir = base .. "/lector/packs", lock = base .. "/lector/lector.lock", user = true }
  end
  return { dir = "packs", lock = "lector.lock" }
end

-- {================================================================== files

local function read_file(p)
  local f, err = io.open(p, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end
M.read_file = read_file

local function write_file(p, s)
  local f, err = io.open(p, "wb")
  if not f then return nil, err end
  f:write(s)
  f:close()
  return true
end

local function mkdirs(p)
  local at = p:sub(1, 1) == "/" and "" or "."
  for part in p:gmatch("[^/]+") do
    at = at == "." and part or at .. "/" .. part
    local ok, err = host.mkdir(at)
    if not ok then return nil, err end
  end
  return true
end
M.mkdirs = mkdirs

function M.rmtree(p)
  if p and p ~= "" and p ~= "/" and p ~= "." then os.execute("rm -rf " .. q(p)) end
end

-- the files under dir (relative paths, sorted), skipping hidden ones; nil, message on a link
function M.files(dir)
  local list = {}
  local function walk(rel)
    local names, err = host.dir(rel == "" and dir or dir .. "/" .. rel)
    if not names then return nil, err end
    for _, n in ipairs(names) do
      if n:sub(1, 1) ~= "." then
        local path = rel == "" and n or rel .. "/" .. n
        if n:sub(-1) == "/" then
          local ok, e = walk(path:sub(1, -2))
          if not ok then return nil, e end
        elseif n:sub(-1) == "@" then
          return nil, string.format("%s/%s is a symbolic link: a pack holds plain files only", dir, path:sub(1, -2))
        else
          list[#list + 1] = path
        end
      end
    end
    return true
  end
  local ok, err = walk("")
  if not ok then return nil, err end
  table.sort(list)
  return list
end

-- the SHA-256 of a pack's files, as described above
function M.hash(dir)
  local files, err = M.files(dir)
  if not files then return nil, err end
  local lines = {}
  for i, rel in ipairs(files) do
    local s = assert(read_file(dir .. "/" .. rel))
    lines[i] = host.sha256(s) .. "  " .. rel .. "\n"
  end
  return host.sha256(table.concat(lines))
end

local function copy_tree(from, to)
  local files, err = M.files(from)
  if not files then return nil, err end
  for _, rel in ipairs(files) do
    local d = (to .. "/" .. rel):match("^(.*)/")
    local ok, e = mkdirs(d)
    if not ok then return nil, e end
    local s, re = read_file(from .. "/" .. rel)
    if not s then return nil, re end
    ok, e = write_file(to .. "/" .. rel, s)
    if not ok then return nil, e end
  end
  return true
end

-- }================================================================== the lock file

-- entries: {name, version, sha256, source, grant}, sorted by name
function M.read_lock(store)
  local s = read_file(store.lock)
  local entries = {}
  if not s then return entries end
  local n = 0
  for line in s:gmatch("[^\n]*") do
    n = n + 1
    if line:match("^pack ") then
      local e = { line = n }
      e.name, e.version, e.sha256 = line:match("^pack (%S+) (%S+) sha256=(%x+)")
      e.source = line:match(" source=(%S+)")
      e.grant = line:match(" grant=(%S+)")
      if not e.name then error(string.format("%s:%d: malformed entry", store.lock, n), 0) end
      entries[#entries + 1] = e
    end
  end
  return entries
end

function M.write_lock(store, entries)
  table.sort(entries, function(a, b) return a.name < b.name end)
  local out = { "# lector.lock: the packs installed in " .. store.dir .. ", each with its exact version and the\n",
    "# SHA-256 of its files. Written by `lector pack`; `lector pack verify` checks the installed files\n",
    "# against it and `lector pack install` (no argument) installs the same packs again.\n" }
  for _, e in ipairs(entries) do
    out[#out + 1] = string.format("pack %s %s sha256=%s source=%s%s\n", e.name, e.version, e.sha256,
      e.source or "-", e.grant and (" grant=" .. e.grant) or "")
  end
  local dir = store.lock:match("^(.*)/")
  if dir then mkdirs(dir) end
  local tmp = store.lock .. ".tmp"
  assert(write_file(tmp, table.concat(out)))
  assert(os.rename(tmp, store.lock))
end

function M.find_lock(entries, name)
  for i, e in ipairs(entries) do if e.name == name then return e, i end end
end

-- {================================================================== installed packs

-- the manifests of the installed packs, by name
function M.installed(store)
  local t = {}
  for _, n in ipairs(host.dir(store.dir) or {}) do
    if n:sub(-1) == "/" and n:sub(1, 1) ~= "." then
      local m = manifest.read(store.dir .. "/" .. n:sub(1, -2))
      if m then t[m.name] = m end
    end
  end
  return t
end

-- finds an installed pack in the project, then the user's store
function M.lookup(name)
  for _, user in ipairs { false, true } do
    local store = M.open(user)
    local m = manifest.read(store.dir .. "/" .. name)
    if m then return m, store end
  end
  return nil, string.format("no pack named '%s' is installed (see `lector pack list`)", name)
end

-- {================================================================== unpacking

-- a tarball unpacked into a fresh folder inside tmpdir: its pack folder | nil, message
local function untar(tarball, tmpdir)
  local errfile = os.tmpname()
  local p = io.popen("tar -tzf " .. q(tarball) .. " 2>" .. q(errfile))
  local listing = p:read("a")
  local ok = p:close()
  local said = read_file(errfile) or ""
  os.remove(errfile)
  if not ok then
    return nil, string.format("%s: not a readable .tar.gz (tar says: %s)", tarball, (said:gsub("%s+$", ""):gsub("\n", "; ")))
  end
  local top
  for entry in listing:gmatch("[^\n]+") do
    if entry:find("^/") or entry:find("%.%./") or entry:find("/%.%.$") or entry == ".." then
      return nil, string.format("%s: entry %s points outside the pack", tarball, entry)
    end
    local first = entry:gsub("^%./", ""):match("^[^/]+")
    if first then
      if top and first ~= top then
        return nil, string.format("%s: holds more than one folder (%s, %s): a pack tarball holds one", tarball, top, first)
      end
      top = first
    end
  end
  if not top then return nil, string.format("%s: the tarball is empty", tarball) end
  local r = os.execute("tar -xzf " .. q(tarball) .. " -C " .. q(tmpdir) .. " --no-same-owner --no-same-permissions 2>/dev/null")
  if not r then return nil, string.format("%s: cannot be unpacked (a corrupt tarball?)", tarball) end
  return tmpdir .. "/" .. top
end

local function tmp_name(store, what)
  return string.format("%s/.%s-%d-%d", store.dir, what, os.time(), math.random(1, 1e9))
end

-- source (a folder or a .tar.gz) -> a folder to install from, and a folder to remove afterwards
function M.unpack(store, source)
  if source:match("%.tar%.gz$") or source:match("%.tgz$") then
    local ok, err = mkdirs(store.dir)
    if not ok then return nil, err end
    local tmp = tmp_name(store, "unpack")
    assert(host.mkdir(tmp))
    local dir, e = untar(source, tmp)
    if not dir then M.rmtree(tmp) return nil, e end
    return dir, tmp
  end
  return source
end

-- }================================================================== installing

-- m (a checked manifest) into the store; entry = the lock entry to record. The copy goes to a
-- temporary folder, its hash is checked against want_sha (when given), then it replaces any
-- earlier version in one rename.
function M.place(store, m, entry, want_sha)
  local ok, err = mkdirs(store.dir)
  if not ok then return nil, err end
  local tmp = tmp_name(store, "install")
  ok, err = copy_tree(m.dir, tmp)
  local sha
  if ok then sha, err = M.hash(tmp) end
  if sha and want_sha and sha ~= want_sha then
    err = string.format("pack %s %s: its files have SHA-256 %s, but lector.lock records %s", m.name, m.version, sha,
      want_sha)
    sha = nil
  end
  if not sha then M.rmtree(tmp) return nil, err end
  local final = store.dir .. "/" .. m.name
  local old
  if host.realpath(final) then
    old = tmp_name(store, "old")
    assert(os.rename(final, old))
  end
  ok, err = os.rename(tmp, final)
  if not ok then
    if old then os.rename(old, final) end
    M.rmtree(tmp)
    return nil, err
  end
  if old then M.rmtree(old) end
  entry.sha256 = sha
  local entries = M.read_lock(store)
  local _, i = M.find_lock(entries, m.name)
  entries[i or #entries + 1] = entry
  M.write_lock(store, entries)
  return sha
end

-- the dependency check for installing the packs in `new` (name -> manifest) into a store holding
-- `have` (name -> manifest): nil, or a message naming the conflict or the missing pack
function M.check_requires(new, have)
  local all = {}
  for n, m in pairs(have) do all[n] = m end
  for n, m in pairs(new) do all[n] = m end
  local names = {}
  for n in pairs(all) do names[#names + 1] = n end
  table.sort(names)
  for _, n in ipairs(names) do
    local m = all[n]
    local reqs = {}
    for dep in pairs(m.requires or {}) do reqs[#reqs + 1] = dep end
    table.sort(reqs)
    for _, dep in ipairs(reqs) do
      local range = m.requires[dep]
      local d = all[dep]
      if not d then
        return string.format("pack %s %s requires %s %s, which is not installed (install it first, or give "
          .. "its folder in the same command)", n, m.version, dep, range)
      end
      if not semver.match(d.version, range) then
        local how = new[dep] and (have[dep] and "would replace it by" or "is installing") or "has"
        return string.format("version conflict: pack %s %s requires %s %s, but this project %s %s %s", n,
          m.version, dep, range, how, dep, d.version)
      end
    end
  end
end

return M
