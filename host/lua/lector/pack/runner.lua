-- lector.pack.runner: runs a pack's script (`lector pack run NAME:SCRIPT`, `lector run NAME:SCRIPT`,
-- `lector NAME:SCRIPT`) or any script given with --sandbox. The script runs in a child process
-- (fork, with RLIMIT_CPU and RLIMIT_AS as the outer guard for C code a hook cannot stop), in the
-- sandbox of lector.pack.sandbox, under the memory, instruction and time limits: the defaults or
-- the host flags, raised by the permissions granted when the pack was installed.
local host = require "lector.host"
local sandbox = require "lector.pack.sandbox"
local store = require "lector.pack.store"
local manifest = require "lector.pack.manifest"

local M = {}

-- the limits: a flag given wins; otherwise the default, raised by a granted permission
function M.limits(perms)
  local flags = host.limits()
  local l = { memory = flags.memory, time = flags.time, instructions = flags.instructions }
  perms = perms or {}
  if not flags.set.memory and perms.memory then l.memory = math.max(l.memory, manifest.memory_bytes(perms.memory)) end
  if not flags.set.time and perms.time then l.time = math.max(l.time, perms.time) end
  if not flags.set.instructions and perms.instructions then
    l.instructions = math.max(l.instructions, perms.instructions)
  end
  return l
end

-- runs opts.path in the sandbox in a child process; the exit status.
-- opts: path, root, modules, read, write, args (list), arg0, perms, pack
function M.sandboxed(opts)
  local limits = M.limits(opts.perms)
  local child, msg = host.guard(limits.memory, limits.time)
  if child ~= "child" then
    if msg then io.stderr:write("lector: ", msg, "\n") end
    return child
  end
  local C = rawget(_G, "corpus")
  local argt = { [0] = opts.arg0 or opts.path }
  for i, a in ipairs(opts.args) do argt[i] = a end
  local env = sandbox.env { root = opts.root, modules = opts.modules, read = opts.read, write = opts.write,
    corpus = C, corpus_dir = C and C.root, lector = rawget(_G, "lector"), arg = argt, pack = opts.pack }
  local f, err = loadfile(opts.path, "t", env)
  if not f then
    io.stderr:write("lector: ", err, "\n")
    return 1
  end
  local r = table.pack(sandbox.run(limits, f, table.unpack(opts.args)))
  io.stdout:flush()
  if not r[1] then
    local traceback = host.limits().debug and r[3] and (r[3] .. "\n") or ""    -- with --debug only
    io.stderr:write("lector: ", tostring(r[2]), "\n", traceback)
    return 1
  end
  return math.type(r[2]) == "integer" and r[2] or 0
end

-- the lua/ folders and roots of a pack and of every pack it requires
local function closure(m, seen, mods, roots)
  if seen[m.name] then return end
  seen[m.name] = true
  mods[#mods + 1] = m.dir .. "/lua"
  roots[#roots + 1] = m.dir
  for dep in pairs(m.requires or {}) do
    local d = store.lookup(dep)
    if d then closure(d, seen, mods, roots) end
  end
end

-- the granted permissions of an installed pack (those recorded by install --grant)
local function granted(m, st)
  local e = store.find_lock(store.read_lock(st), m.name)
  if not (e and e.grant and m.permissions) then return {} end
  local p = {}
  for k in e.grant:gmatch("[^,]+") do p[k] = m.permissions[k] end
  return p
end

-- argv[0] = "NAME:SCRIPT", argv[1..] its arguments -> exit status
function M.pack_script(argv)
  local name, script = argv[0]:match("^([^:]+):(.+)$")
  local m, st = store.lookup(name)
  if not m then error(st, 0) end
  local path = m.scripts[script]
  if not path then
    local names = {}
    for k in pairs(m.scripts) do names[#names + 1] = k end
    table.sort(names)
    error(string.format("pack %s has no script '%s' (its scripts: %s)", name, script, table.concat(names, ", ")), 0)
  end
  local mods, roots = {}, {}
  closure(m, {}, mods, roots)
  local perms = granted(m, st)
  local args = {}
  for i = 1, #argv do args[i] = argv[i] end
  for _, d in ipairs(perms.read or {}) do roots[#roots + 1] = d end
  return M.sandboxed { path = m.dir .. "/" .. path, root = m.dir, modules = mods, read = roots,
    write = perms.write, args = args, arg0 = argv[0], perms = perms,
    pack = { name = m.name, version = m.version, dir = m.dir, script = script } }
end

-- a script run with --sandbox: argv[0] the file -> exit status
function M.file(argv)
  local dir = argv[0]:match("^(.*)/[^/]*$") or "."
  local args = {}
  for i = 1, #argv do args[i] = argv[i] end
  return M.sandboxed { path = argv[0], root = dir, modules = { dir }, args = args }
end

return M
