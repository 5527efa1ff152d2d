-- lector pack: install, list, run, test, verify and remove script packs (doc/packs.md).
--   lector pack new NAME | install [--user] [--grant] [PATH|TARBALL ...] | list [--user]
--   | remove [--user] NAME | run NAME:SCRIPT [args] | test NAME | verify [--user] | rockspec NAME
-- Failures print "lector: pack: ..." on stderr and return status 1; a usage error returns 2.
local host = require "lector.host"
local manifest = require "lector.pack.manifest"
local store = require "lector.pack.store"
local semver = require "lector.pack.semver"
local runner = require "lector.pack.runner"

local USAGE = [[
usage: lector pack COMMAND
  new NAME                     a new pack in ./NAME: manifest, a script, a module, a spec
  install [PATH|TARBALL ...]   install packs (a folder or a .tar.gz); no argument: the packs of lector.lock
  list                         the installed packs
  remove NAME                  remove an installed pack
  run NAME:SCRIPT [args]       run a pack's script in the sandbox
  test NAME                    run a pack's specs with busted
  verify                       check the installed files against lector.lock
  rockspec NAME                print a LuaRocks rockspec for the pack
options: --user (the store in ~/.local/share/lector/packs), --grant (allow the permissions a pack asks for)
]]

local function err(fmt, ...) io.stderr:write("lector: pack: ", string.format(fmt, ...), "\n") return 1 end

-- splits --user/--grant off the arguments
local function options(args, from)
  local o, rest = {}, {}
  for i = from, #args do
    local a = args[i]
    if a == "--user" then o.user = true
    elseif a == "--grant" then o.grant = true
    else rest[#rest + 1] = a end
  end
  return o, rest
end

local C = {}

-- {================================================================== install

local function describe_perms(p)
  local l = {}
  if p.memory then l[#l + 1] = "memory " .. tostring(p.memory) end
  if p.time then l[#l + 1] = "time " .. p.time .. " s" end
  if p.instructions then l[#l + 1] = "instructions " .. p.instructions end
  if p.read then l[#l + 1] = "read " .. table.concat(p.read, " ") end
  if p.write then l[#l + 1] = "write " .. table.concat(p.write, " ") end
  return table.concat(l, ", ")
end

local function grant_list(p)
  local l = {}
  for _, k in ipairs { "memory", "time", "instructions", "read", "write" } do if p[k] then l[#l + 1] = k end end
  return #l > 0 and table.concat(l, ",") or nil
end

-- installs the sources (folders or tarballs); locked: the lock entries they must reproduce
local function install(st, sources, o, locked)
  local new, order, cleanup = {}, {}, {}
  local function done(code) for _, d in ipairs(cleanup) do store.rmtree(d) end return code end
  for i, src in ipairs(sources) do
    local dir, tmp = store.unpack(st, src)
    if not dir then return done(err("%s", tmp)) end
    if tmp then cleanup[#cleanup + 1] = tmp end
    local m, e = manifest.read(dir)
    if not m then return done(err("%s", e)) end
    if not semver.match(lector.version, m.lector) then
      return done(err("pack %s %s works with lector %s, and this is lector %s", m.name, m.version, m.lector,
        lector.version))
    end
    if locked and locked[i] then
      if m.name ~= locked[i].name or m.version ~= locked[i].version then
        return done(err("%s holds %s %s, but lector.lock records %s %s", src, m.name, m.version, locked[i].name,
          locked[i].version))
      end
    end
    if new[m.name] then return done(err("pack %s is given twice", m.name)) end
    local granted = locked and locked[i] and locked[i].grant
    if m.permissions and next(m.permissions) and not o.grant and not granted then
      return done(err("pack %s asks for permissions beyond the sandbox's defaults: %s; install it with --grant "
        .. "to allow them", m.name, describe_perms(m.permissions)))
    end
    m.source = src
    new[m.name] = m
    order[#order + 1] = m
  end
  local have = store.installed(st)
  local conflict = store.check_requires(new, have)
  if conflict then return done(err("%s", conflict)) end
  for i, m in ipairs(order) do
    local entry = { name = m.name, version = m.version, source = m.source,
      grant = (o.grant or (locked and locked[i].grant)) and grant_list(m.permissions or {}) or nil }
    local sha, e = store.place(st, m, entry, locked and locked[i].sha256)
    if not sha then return done(err("%s", e)) end
    print(string.format("installed %s %s into %s/%s (sha256 %s)", m.name, m.version, st.dir, m.name, sha:sub(1, 16)))
  end
  return done(0)
end

function C.install(args)
  local o, rest = options(args, 2)
  local st = store.open(o.user)
  if #rest > 0 then return install(st, rest, o) end
  local entries = store.read_lock(st)
  if #entries == 0 then return err("nothing to install: give a pack's folder or tarball (%s is empty or missing)", st.lock) end
  local sources = {}
  for i, e in ipairs(entries) do
    if not e.source or e.source == "-" then return err("%s: pack %s has no source to install from", st.lock, e.name) end
    sources[i] = e.source
  end
  return install(st, sources, o, entries)
end

-- }==================================================================

function C.list(args)
  local o = options(args, 2)
  local st = store.open(o.user)
  local have = store.installed(st)
  local names = {}
  for n in pairs(have) do names[#names + 1] = n end
  table.sort(names)
  if #names == 0 then print("no packs installed in " .. st.dir) return 0 end
  for _, n in ipairs(names) do
    local m = have[n]
    local scripts = {}
    for s in pairs(m.scripts) do scripts[#scripts + 1] = n .. ":" .. s end
    table.sort(scripts)
    print(string.format("%s %s\t%s\t(%s)", n, m.version, m.description, table.concat(scripts, " ")))
  end
  return 0
end

function C.remove(args)
  local o, rest = options(args, 2)
  local name = rest[1]
  if not name then return err("remove: which pack? (lector pack remove NAME)") end
  local st = store.open(o.user)
  local have = store.installed(st)
  if not have[name] then return err("no pack named '%s' is installed in %s", name, st.dir) end
  for n, m in pairs(have) do
    if m.requires and m.requires[name] then
      return err("cannot remove %s: pack %s %s requires it (%s %s)", name, n, m.version, name, m.requires[name])
    end
  end
  local trash = st.dir .. "/.remove-" .. name
  store.rmtree(trash)
  assert(os.rename(st.dir .. "/" .. name, trash))
  store.rmtree(trash)
  local entries = store.read_lock(st)
  local _, i = store.find_lock(entries, name)
  if i then table.remove(entries, i) end
  store.write_lock(st, entries)
  print(string.format("removed %s %s", name, have[name].version))
  return 0
end

function C.run(args)
  local target = args[2]
  if not target or not target:find(":") then return err("run: give NAME:SCRIPT (lector pack run NAME:SCRIPT [args])") end
  local argv = { [0] = target }
  for i = 3, #args do argv[#argv + 1] = args[i] end
  local ok, code = pcall(runner.pack_script, argv)
  if not ok then return err("%s", code) end
  return code
end

function C.verify(args)
  local o = options(args, 2)
  local st = store.open(o.user)
  local entries = store.read_lock(st)
  local bad = 0
  for _, e in ipairs(entries) do
    local dir = st.dir .. "/" .. e.name
    local m = manifest.read(dir)
    local sha = m and store.hash(dir)
    if not m then
      bad = bad + 1
      print(string.format("MISSING %s %s: not installed in %s", e.name, e.version, st.dir))
    elseif m.version ~= e.version or sha ~= e.sha256 then
      bad = bad + 1
      print(string.format("CHANGED %s %s: installed %s with sha256 %s, lector.lock records %s", e.name, e.version,
        m.version, sha, e.sha256))
    else
      print(string.format("ok %s %s sha256 %s", e.name, e.version, sha))
    end
  end
  for n in pairs(store.installed(st)) do
    if not store.find_lock(entries, n) then
      bad = bad + 1
      print(string.format("UNLOCKED %s: installed in %s but not in %s", n, st.dir, st.lock))
    end
  end
  if bad > 0 then return err("%d pack(s) do not match %s", bad, st.lock) end
  return 0
end

-- the pack args[2] names: an installed pack, else a pack's folder (before it is installed)
local function named_pack(args, cmd)
  local name = args[2]
  if not name then return nil, string.format("%s: which pack? (lector pack %s NAME)", cmd, cmd) end
  local m = store.lookup(name)
  if m then return m end
  local e
  m, e = manifest.read(name)
  if not m and not host.realpath(name) then e = select(2, store.lookup(name)) end
  return m, e
end

function C.test(args)
  local m, e = named_pack(args, "test")
  if not m then return err("%s", e) end
  local dir = assert(host.realpath(m.dir))
  local exe = assert(host.realpath("/proc/self/exe"))
  local corpus_dir = rawget(_G, "corpus") and host.realpath(corpus.root)
  local function q(s) return "'" .. s:gsub("'", [['\'']]) .. "'" end
  local cmd = string.format("cd %s && %s %s /usr/bin/busted --lpath=%s --pattern=_spec spec", q(dir), q(exe),
    corpus_dir and ("--corpus " .. q(corpus_dir)) or "", q("./lua/?.lua;./lua/?/init.lua"))
  local ok, how, code = os.execute(cmd)
  if ok then return 0 end
  return how == "exit" and code or 1
end

-- {================================================================== new, rockspec

local function module_name(name) return (name:gsub("-", "_")) end

function C.new(args)
  local name = args[2]
  if not name or not name:match("^[a-z][a-z0-9-]*$") then
    return err("new: give a name of lowercase letters, digits and '-' (lector pack new my-pack)")
  end
  if host.realpath(name) then return err("new: %s already exists", name) end
  local mod = module_name(name)
  local files = {
    ["pack.lua"] = string.format([[
-- The manifest of %s: read as data (it may only build a table).
return {
  name = %q,
  version = "0.1.0",
  description = "What %s finds, in one line",
  license = "MIT",
  lector = ">= %s",
  requires = {},
  scripts = { main = "scripts/main.lua" },
  permissions = {},
}
]], name, name, name, lector.version:match("^%d+%.%d+")),
    ["scripts/main.lua"] = string.format([[
-- lector pack run %s:main [WORD]: how often WORD occurs in each document of the corpus.
local count = require "%s"
local word = ... or "the"
for _, row in ipairs(count.by_document(corpus, word)) do
  print(row.name, row.count)
end
]], name, mod),
    ["lua/" .. mod .. "/init.lua"] = string.format([[
-- %s: the pack's module, found by require "%s".
local M = {}

-- {{name =, count =}, ...} for each document of corpus C, in corpus order
function M.by_document(C, word)
  local by = C:hits(word):by("doc")
  local rows = {}
  for d in C:docs() do rows[#rows + 1] = { name = d.name, count = by[d.name] or 0 } end
  return rows
end

return M
]], mod, mod),
    ["spec/" .. mod .. "_spec.lua"] = string.format([[
-- Run with: lector pack test %s
local m = require "%s"

describe("%s", function()
  it("counts a word in each document", function()
    local docs = { { name = "a.txt" }, { name = "b.txt" } }
    local fake = {
      hits = function() return { by = function() return { ["a.txt"] = 2 } end } end,
      docs = function() local i = 0 return function() i = i + 1 return docs[i] end end,
    }
    assert.same({ { name = "a.txt", count = 2 }, { name = "b.txt", count = 0 } }, m.by_document(fake, "x"))
  end)
end)
]], name, mod, mod),
    ["data/README"] = "Data files of the pack (lexicons, alias lists) go here; scripts read them under the pack's folder.\n",
    ["README.md"] = string.format("# %s\n\nInstall with `lector pack install %s`, run with `lector pack run %s:main WORD`.\n",
      name, name, name),
  }
  local names = {}
  for p in pairs(files) do names[#names + 1] = p end
  table.sort(names)
  for _, p in ipairs(names) do
    local full = name .. "/" .. p
    assert(store.mkdirs(full:match("^(.*)/")))
    local f = assert(io.open(full, "wb"))
    f:write(files[p])
    f:close()
  end
  print(string.format("created %s/ (%s); try: lector pack test %s", name, table.concat(names, ", "), name))
  return 0
end

-- LuaRocks' version: "1.2.3-1" (a rockspec revision after the pack's version)
function C.rockspec(args)
  local m, e = named_pack(args, "rockspec")
  if not m then return err("%s", e) end
  local mods = {}
  local files = store.files(m.dir) or {}
  for _, f in ipairs(files) do
    local mod = f:match("^lua/(.+)%.lua$")
    if mod then mods[#mods + 1] = string.format("      [%q] = %q,", (mod:gsub("/init$", ""):gsub("/", ".")), f) end
  end
  local copied = {}
  for _, d in ipairs { "data", "scripts", "spec" } do
    if host.realpath(m.dir .. "/" .. d) then copied[#copied + 1] = string.format("%q", d) end
  end
  local deps = { '    "lua >= 5.4",', '    "lpeg",' }
  local reqs = {}
  for n in pairs(m.requires or {}) do reqs[#reqs + 1] = n end
  table.sort(reqs)
  for _, n in ipairs(reqs) do deps[#deps + 1] = string.format("    %q,", n .. " " .. m.requires[n]) end
  io.write(string.format([[
package = %q
version = %q
source = {
  url = %q,
}
description = {
  summary = %q,
  license = %q,
}
dependencies = {
%s
}
build = {
  type = "builtin",
  modules = {
%s
  },
  copy_directories = { %s },
}
]], m.name, m.version .. "-1", m.homepage or ("git+https://example.org/" .. m.name .. ".git"), m.description,
    m.license, table.concat(deps, "\n"), table.concat(mods, "\n"), table.concat(copied, ", ")))
  return 0
end

-- }==================================================================

local subcommands = {}
for name in pairs(C) do subcommands[#subcommands + 1] = name end
table.sort(subcommands)

-- callable as the command; its subcommands listed for `lector completion`
return setmetatable({ subcommands = subcommands }, { __call = function(_, corpus, args)
  local cmd = args[1]
  if not cmd or cmd == "help" or cmd == "--help" then
    io.write(USAGE)
    return cmd and 0 or 2
  end
  if not C[cmd] then
    local near = lector._nearest(cmd, subcommands)
    io.stderr:write("lector: pack: unknown command '", cmd, "'", near and (" (did you mean '" .. near .. "'?)") or "",
      "\n", USAGE)
    return 2
  end
  return C[cmd](args)
end })
