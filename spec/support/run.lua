-- run.lua: runs a command for the specs and returns what it printed and its exit status.
--   local run = require "spec.support.run"
--   local r = run.lector({"-e", "print(1)"}, {stdin = "...", env = {LECTOR_CORPUS = "x"}, cwd = dir})
--   r.out, r.err, r.code
local M = {}

local function q(s)
  return "'" .. tostring(s):gsub("'", [['\'']]) .. "'"
end
M.quote = q

M.bin = os.getenv("LECTOR_BIN") or "./lector"
M.root = (function()
  local p = io.popen("pwd")
  local d = p:read("l")
  p:close()
  return d
end)()

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return "" end
  local s = f:read("a")
  f:close()
  return s
end
M.slurp = slurp

function M.write(path, content)
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
end

-- run a shell command line; opts.stdin (a string), opts.env (a table), opts.cwd
function M.sh(cmdline, opts)
  opts = opts or {}
  local out, err, inp = os.tmpname(), os.tmpname(), os.tmpname()
  M.write(inp, opts.stdin or "")
  local env = ""
  for k, v in pairs(opts.env or {}) do env = env .. k .. "=" .. q(v) .. " " end
  local cd = opts.cwd and ("cd " .. q(opts.cwd) .. " && ") or ""
  local full = string.format("%s%s%s < %s > %s 2> %s", cd, env ~= "" and ("env " .. env) or "",
    cmdline, q(inp), q(out), q(err))
  local ok, how, code = os.execute(full)
  local r = { out = slurp(out), err = slurp(err), code = how == "exit" and code or 128 + (code or 0) }
  os.remove(out); os.remove(err); os.remove(inp)
  return r
end

-- run lector with a list of arguments
function M.lector(args, opts)
  local parts = { q(M.bin) }
  for _, a in ipairs(args) do parts[#parts + 1] = q(a) end
  return M.sh(table.concat(parts, " "), opts)
end

-- the lines of a command's output, empty ones left out
function M.lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do t[#t + 1] = l end
  return t
end

-- a fresh temporary folder
function M.tmpdir()
  local p = io.popen("mktemp -d /tmp/lector-spec.XXXXXX")
  local d = p:read("l")
  p:close()
  return d
end

function M.rmdir(d)
  if d and d:match("^/tmp/lector%-spec%.") then os.execute("chmod -R u+rwx " .. q(d) .. " 2>/dev/null; rm -rf " .. q(d)) end
end

return M
