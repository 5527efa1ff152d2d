-- lector.cmd.args: the arguments of the commands that open one corpus (index, annotate, export):
-- flags, options that take a value, and at most one folder. One parser, so that every command
-- answers a mistake the same way.
local M = {}

-- parse(args, spec) -> options, dir | nil, message. spec.flags: names that take no value;
-- spec.values: names that take one, each with a check function(value) -> message | nil.
function M.parse(args, spec)
  local opts, dir, i = {}, nil, 1
  while i <= #args do
    local a = args[i]
    if spec.values[a] then
      local v = args[i + 1]
      if not v then return nil, a .. " needs a value" end
      local bad = spec.values[a](v)
      if bad then return nil, bad end
      opts[a] = v
      i = i + 1
    elseif spec.flags[a] then
      opts[a] = true
    elseif a:sub(1, 1) == "-" then
      return nil, "unknown option '" .. a .. "'"
    elseif dir then
      return nil, "one corpus at a time ('" .. dir .. "' and '" .. a .. "')"
    else
      dir = a
    end
    i = i + 1
  end
  return opts, dir
end

-- checks for values
function M.any() return nil end
function M.whole(name)
  return function(v) if not math.tointeger(tonumber(v)) then return name .. " needs a whole number, not '" .. v .. "'" end end
end

return M
