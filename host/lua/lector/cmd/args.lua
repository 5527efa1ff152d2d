-- lector.cmd.args: the one parser of the commands' arguments (info, query, index, annotate, export,
-- completion): flags, options that take a value (--name VALUE or --name=VALUE), positional
-- arguments, and the corpus the same way for all: DIR or --corpus DIR. The same table of a
-- command's options gives its --help and the shell completion (lector.cmd.completion), so that
-- what a command accepts, what its --help lists and what the shell offers cannot drift apart.
-- A usage error is "lector: CMD: message" and the usage line on stderr, exit status 2.
--
-- A spec: { name = "index", flags = { ["--rebuild"] = true, ... }, values = { ["--threads"] =
-- check, ... }, help = { ["--threads"] = "N  threads for building", ... }, positional = { "DIR" },
-- summary = "what the command does" }. A check is function(value) -> message | nil.
local M = {}

-- every command also takes these
local COMMON_VALUES = { ["--corpus"] = true }
local COMMON_HELP = { ["--corpus"] = "DIR  the corpus folder (the same as DIR; default $LECTOR_CORPUS, else ./corpus)",
  ["--help"] = "this text" }

-- checks for values
function M.any() return nil end
function M.whole(name)
  return function(v) if not math.tointeger(tonumber(v)) then return name .. " needs a whole number, not '" .. v .. "'" end end
end
function M.number(name)
  return function(v)
    local n = tonumber(v)
    if not n or n < 0 then return name .. " needs a number >= 0, not '" .. v .. "'" end
  end
end
function M.choice(name, ...)
  local choices = { ... }
  return function(v)
    for _, c in ipairs(choices) do if c == v then return nil end end
    return "unknown value '" .. v .. "' for " .. name .. " (" .. table.concat(choices, ", ") .. ")"
  end
end

-- every flag of spec, sorted: { name, value = placeholder or nil, help = text }
function M.flags(spec)
  local list = {}
  local function add(name, takes_value)
    local h = (spec.help or {})[name] or COMMON_HELP[name] or ""
    local value, text = nil, h
    if takes_value then value, text = h:match("^(%S+)%s+(.*)$") end
    list[#list + 1] = { name, value = takes_value and (value or "VALUE") or nil, help = text or h }
  end
  for name in pairs(spec.flags or {}) do add(name, false) end
  for name in pairs(spec.values or {}) do add(name, true) end
  for name in pairs(COMMON_VALUES) do if not (spec.values or {})[name] then add(name, true) end end
  add("--help", false)
  table.sort(list, function(a, b) return a[1] < b[1] end)
  return list
end

-- "usage: lector NAME [DIR] [--flag] [--opt VALUE] ..."
function M.usage(spec)
  local parts = { "usage: lector " .. spec.name }
  for _, p in ipairs(spec.positional or {}) do parts[#parts + 1] = p:match("^%[") and p or ("[" .. p .. "]") end
  if spec.required then parts[2] = spec.required end
  for _, f in ipairs(M.flags(spec)) do
    if f[1] ~= "--help" then parts[#parts + 1] = "[" .. f[1] .. (f.value and (" " .. f.value) or "") .. "]" end
  end
  return table.concat(parts, " ")
end

-- the text of `lector NAME --help`: the usage, what it does, each flag with its help
function M.help(spec)
  local lines = { M.usage(spec) }
  if spec.summary then lines[#lines + 1] = spec.summary end
  lines[#lines + 1] = "options:"
  for _, f in ipairs(M.flags(spec)) do
    lines[#lines + 1] = string.format("  %-22s %s", f[1] .. (f.value and (" " .. f.value) or ""), f.help)
  end
  return table.concat(lines, "\n") .. "\n"
end


-- parse(args, spec) -> options, dir, positional | nil, message. options maps each flag given to
-- true and each option to its value; dir is the corpus (DIR or --corpus DIR); positional the other
-- arguments (spec.positional names them: the last one, DIR, is the corpus). --help: options.help.
function M.parse(args, spec)
  local opts, dir, pos, i = {}, nil, {}, 1
  local npos = #(spec.positional or {}) - ((spec.positional or {})[#(spec.positional or {})] == "DIR" and 1 or 0)
  local function set_dir(d)
    if dir and dir ~= d then return "one corpus at a time ('" .. dir .. "' and '" .. d .. "')" end
    dir = d
  end
  while i <= #args do
    local a = args[i]
    local name, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    if spec.values and spec.values[name] or COMMON_VALUES[name] then
      local v = inline
      if not v then i = i + 1; v = args[i] end
      if not v then return nil, name .. " needs a value" end
      local bad = spec.values and spec.values[name] and spec.values[name](v)
      if bad then return nil, bad end
      if name == "--corpus" then
        bad = set_dir(v)
        if bad then return nil, bad end
      else
        opts[name] = v
      end
    elseif name == "--help" or name == "-h" then
      opts.help = true
    elseif spec.flags and spec.flags[name] and not inline then
      opts[name] = true
    elseif a:sub(1, 1) == "-" and a ~= "-" then
      return nil, lector._unknown_flag(name, M.flags(spec))      -- with the nearest flag, if one is near
    elseif #pos < npos then
      pos[#pos + 1] = a
    elseif (spec.positional or {})[npos + 1] == "DIR" then
      local bad = set_dir(a)
      if bad then return nil, bad end
    else
      return nil, "unexpected argument '" .. a .. "'"
    end
    i = i + 1
  end
  return opts, dir, pos
end

-- The frame of a command: parses argv with spec, answers --help (status 0) and usage errors
-- (status 2, message and usage on stderr), opens DIR with open(dir, options) when one is given or
-- the command opens its corpus with options of its own (spec.open_options(opts) -> lector.open's
-- options: the flags of index and export are read here, not in C), then calls
-- body(corpus, opts, positional, host) for the exit status (host: the host's commands and options).
function M.command(spec, body)
  return setmetatable({ spec = spec, body = body }, { __call = function(_, corpus, argv, open, host)
    local opts, dir, pos = M.parse(argv or {}, spec)
    if not opts then return M.usage_error(spec, dir) end
    if opts.help then io.stdout:write(M.help(spec)) return 0 end
    if open and (dir or spec.open_options) then
      corpus = open(dir, spec.open_options and spec.open_options(opts))    -- index --rebuild: {rebuild = true}
    end
    return body(corpus, opts, pos, host)
  end })
end

-- "lector: NAME: message" on stderr -> code: how a command fails once it runs
function M.fail(spec, code, msg)
  io.stderr:write("lector: ", spec.name, ": ", msg, "\n")
  return code
end

-- "lector: NAME: message" and the usage on stderr -> 2
function M.usage_error(spec, msg)
  io.stderr:write("lector: ", spec.name, ": ", msg, "\n", M.usage(spec), "\n")
  return 2
end

return M
