-- lector.pack.sandbox: the environment a pack's code (or a script run with --sandbox) gets, built
-- from an allow-list, and the run under limits. What is left out: os.execute, io.popen, os.exit,
-- os.getenv, package, debug, string.dump, binary chunks. Files: read only under the pack (and its
-- dependencies), the corpus and the folders granted; written only under the output folder (./out)
-- and the folders granted. The string metatable is locked: getmetatable("") raises, and while the
-- script runs its methods are the sandbox's string table (no dump, a bounded rep). The limits
-- (memory, instructions, time) are enforced in C by lector.host.run.
local host = require "lector.host"

local M = {}

local function fail(fmt, ...) error("sandbox: " .. string.format(fmt, ...), 0) end

local function copy(t, except)
  local c = {}
  for k, v in pairs(t) do if not (except and except[k]) then c[k] = v end end
  return c
end

-- {================================================================== paths

local function dirname(p) return p:match("^(.*)/[^/]*$") or "." end
local function basename(p) return p:match("[^/]*$") end

-- the absolute path p stands for, links resolved; for a file that does not exist yet, its folder's
local function resolve(p)
  local r = host.realpath(p)
  if r then return r end
  local d = host.realpath(dirname(p))
  local b = basename(p)
  if d and b ~= "" and b ~= "." and b ~= ".." then return d .. "/" .. b end
  return nil
end

local function under(path, dirs)
  for _, d in ipairs(dirs) do
    local rd = host.realpath(d)
    if rd and (path == rd or path:sub(1, #rd + 1) == rd .. "/") then return true end
  end
  return false
end

local function names(dirs)
  local l, seen = {}, {}
  for _, d in ipairs(dirs) do if not seen[d] then seen[d] = true; l[#l + 1] = d end end
  return table.concat(l, ", ")
end

-- }==================================================================

-- opts: root (the pack's folder or the script's), modules (folders searched by require), read,
-- write (extra folders), out (the output folder, "out"), corpus, arg (the arg table), pack (the
-- global `pack` of a pack's script: name, version, dir)
function M.env(opts)
  local out = opts.out or "out"
  local readable = { opts.root }
  for _, d in ipairs(opts.modules or {}) do readable[#readable + 1] = d end
  if opts.corpus_dir then readable[#readable + 1] = opts.corpus_dir end
  readable[#readable + 1] = out
  for _, d in ipairs(opts.read or {}) do readable[#readable + 1] = d end
  local writable = { out }
  for _, d in ipairs(opts.write or {}) do writable[#writable + 1] = d end

  local function check_read(fn, p)
    if type(p) ~= "string" then return end
    local r = resolve(p)
    if not r or not under(r, readable) then
      fail("%s: %s is outside the folders this script may read (%s)", fn, p, names(readable))
    end
  end
  local function check_write(fn, p)
    local r = resolve(p)
    if not r and p:sub(1, #out + 1) == out .. "/" then       -- the output folder is made on demand
      host.mkdir(out)
      r = resolve(p)
    end
    if not r or not under(r, writable) then
      fail("%s: %s is outside the folders this script may write (%s)", fn, p, names(writable))
    end
  end

  local env = {}
  for _, k in ipairs { "assert", "error", "ipairs", "next", "pairs", "pcall", "print", "rawequal", "rawget",
    "rawlen", "rawset", "select", "tonumber", "tostring", "type", "xpcall", "_VERSION" } do
    env[k] = _G[k]
  end
  env.math, env.table, env.utf8, env.coroutine = copy(math), copy(table), copy(utf8), copy(coroutine)

  local str = copy(string, { dump = true })
  local rep = string.rep
  function str.rep(s, n, sep)
    s = tostring(s)
    n = math.tointeger(n) or n
    if type(n) == "number" and n > 0 then host.charge(#s * n + #(sep or "") * (n - 1)) end
    return rep(s, n, sep)
  end
  env.string = copy(str)          -- the script may change its own string table, not string methods
  M.string = str

  -- the script sees the metatables it set, not those of strings or of the host's objects (a
  -- corpus, a hit), which are shared with the host
  local own = setmetatable({}, { __mode = "k" })
  env.getmetatable = function(v)
    if type(v) == "string" then fail("the string metatable is locked") end
    local mt = getmetatable(v)
    if mt == nil or own[mt] or type(mt) ~= "table" then return mt end
    fail("getmetatable: the metatables of lector's objects are locked")
  end
  env.setmetatable = function(t, mt)
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
      fail("setmetatable: __gc metamethods are not allowed in the sandbox")
    end
    if type(mt) == "table" then own[mt] = true end
    return setmetatable(t, mt)
  end
  env.collectgarbage = function(opt, ...)
    if opt == nil or opt == "collect" or opt == "count" or opt == "step" or opt == "isrunning" then
      return collectgarbage(opt, ...)
    end
    fail("collectgarbage(%q) is not allowed in the sandbox", tostring(opt))
  end
  -- an error raised by the budget hook calls the message handler with hooks off: once a limit
  -- is reached, the script's handler is not called at all
  env.xpcall = function(f, h, ...)
    return xpcall(f, function(e) if host.tripped() then return e end return h(e) end, ...)
  end
  env.load = function(chunk, name, mode, e)
    if mode ~= nil and mode ~= "t" then fail("load: only text chunks may be loaded (mode \"t\")") end
    return load(chunk, name, "t", e == nil and env or e)
  end
  env.loadfile = function(p, mode, e)
    check_read("loadfile", p or "")
    if mode ~= nil and mode ~= "t" then fail("loadfile: only text chunks may be loaded (mode \"t\")") end
    return loadfile(p, "t", e == nil and env or e)
  end
  env.dofile = function(p)
    check_read("dofile", p or "")
    local f = assert(loadfile(p, "t", env))
    return f()
  end

  local io_ = { read = io.read, write = io.write, lines = nil, type = io.type, close = io.close,
    stdout = io.stdout, stderr = io.stderr, stdin = io.stdin }
  function io_.open(p, mode)
    if type(p) ~= "string" then fail("io.open: the file name must be a string") end
    mode = mode or "r"
    if mode:find("[wa+]") then check_write("io.open", p) else check_read("io.open", p) end
    return io.open(p, mode)
  end
  function io_.lines(p, ...)
    if p ~= nil then check_read("io.lines", p) end
    return io.lines(p, ...)
  end
  function io_.output(f)
    if type(f) == "string" then check_write("io.output", f) end
    return io.output(f)
  end
  function io_.input(f)
    if type(f) == "string" then check_read("io.input", f) end
    return io.input(f)
  end
  env.io = io_
  env.os = { clock = os.clock, date = os.date, time = os.time, difftime = os.difftime,
    remove = function(p) check_write("os.remove", p) return os.remove(p) end,
    rename = function(a, b) check_write("os.rename", a) check_write("os.rename", b) return os.rename(a, b) end,
  }

  -- require: the pack's own modules (lua/NAME/...), then lpeg, re and lector
  local loaded = {}
  local shared = { lpeg = true, re = true }
  if opts.lector then
    -- lector.open would read any folder: only those the script may read
    local lec = copy(opts.lector)
    lec.open = function(p, ...) check_read("lector.open", p) return opts.lector.open(p, ...) end
    loaded.lector = lec
  end
  env.require = function(name)
    if type(name) ~= "string" then fail("require: a module name must be a string") end
    if loaded[name] ~= nil then return loaded[name] end
    if shared[name] then loaded[name] = require(name) return loaded[name] end
    local rel = name:gsub("%.", "/")
    for _, d in ipairs(opts.modules or {}) do
      for _, file in ipairs { d .. "/" .. rel .. ".lua", d .. "/" .. rel .. "/init.lua" } do
        local f = io.open(file)
        if f then
          f:close()
          local chunk, err = loadfile(file, "t", env)
          if not chunk then error(err, 2) end
          local v = chunk(name, file)
          if v == nil then v = true end
          loaded[name] = v
          return v
        end
      end
    end
    fail("require: module '%s' is not allowed or not found (a pack may require its own modules in %s, "
      .. "and lpeg, re, lector)", name, #(opts.modules or {}) > 0 and names(opts.modules) or "its lua/ folder")
  end
  env.corpus = opts.corpus
  env.lector = loaded.lector
  env.arg = opts.arg
  env.pack = opts.pack
  env._G = env
  return env
end

-- M.run(limits, f, ...) -> true, results... | false, message, traceback
-- f runs under limits ({memory =, time =, instructions =}) with the string methods of the sandbox.
function M.run(limits, f, ...)
  local smt = getmetatable("")
  local old = smt.__index
  smt.__index = M.string or old
  local r = table.pack(host.run(limits, f, ...))
  smt.__index = old
  return table.unpack(r, 1, r.n)
end

return M
