-- cli.lua: the command line every script of scripts/ shares: --format table|tsv|csv|json (a table
-- on a terminal, TSV otherwise), --boilerplate (keep web page chrome, left out by default), --help,
-- the script's own options, and one way to fail: a message on stderr and a non-zero exit status.
-- --corpus DIR (or --corpus=DIR) is the host's: it opens the global `corpus`; here it is skipped.
--
--   local cli = require "cli"
--   local opt = cli.parse(arg, { usage = "...", options = { { "--by", "doc|year|total", "..." } } })
--   opt.format, opt.boilerplate, opt.by ... ; cli.fail("message") exits with status 2
local M = {}

M.FORMATS = { table = true, tsv = true, csv = true, json = true }

-- a message on stderr, then exit (status 2: wrong use; 1: the corpus cannot be opened, or the analysis failed)
function M.fail(msg, status)
  io.stderr:write(M.name or "lector", ": ", msg, "\n")
  io.stderr:flush()
  os.exit(status or 2)
end

-- is standard output a terminal? (asked of the shell: Lua has no isatty)
function M.stdout_is_tty()
  local ok = os.execute("[ -t 1 ]")
  return ok == true
end

-- Every flag a script takes, in the order --help lists them: the shared ones, then the script's own
-- (spec.options). The parser, --help and the shell completion (which reads --help) use this list.
function M.flags(spec)
  local list = {
    { "--corpus", value = "DIR", help = "the corpus folder (default $LECTOR_CORPUS, else ./corpus)" },
    { "--format", value = "F", help = "table (default on a terminal), tsv (default otherwise), csv or json" },
    { "--boilerplate", help = "keep boilerplate lines (web page chrome) that are left out by default" },
  }
  for _, o in ipairs(spec.options or {}) do list[#list + 1] = o end
  list[#list + 1] = { "--help", help = "this text" }
  return list
end

local function usage_text(spec)
  local lines = { "usage: lector run " .. (M.script or "SCRIPT") .. " [--corpus DIR] [--format table|tsv|csv|json]"
    .. " [--boilerplate]" .. (spec.synopsis and (" " .. spec.synopsis) or ""), "" }
  if spec.usage then lines[#lines + 1] = spec.usage lines[#lines + 1] = "" end
  for _, o in ipairs(M.flags(spec)) do
    lines[#lines + 1] = string.format("  %-20s %s", o[1] .. (o.value and (" " .. o.value) or ""), o.help or "")
  end
  return table.concat(lines, "\n") .. "\n"
end


-- parse the script's arguments; spec.options = { { "--name", value = "WORD", help = "...",
-- choices = {...}, default = x } }. Unknown options and missing values fail with status 2.
function M.parse(args, spec)
  spec = spec or {}
  args = args or {}
  M.script = args[0] and args[0]:match("([^/]+)$") or M.script
  M.name = M.script
  local known = {}
  for _, o in ipairs(spec.options or {}) do known[o[1]] = o end
  local opt = { boilerplate = false, positional = {} }
  for _, o in ipairs(spec.options or {}) do
    local key = o[1]:gsub("^%-%-", ""):gsub("%-", "_")
    if o.default ~= nil then opt[key] = o.default end
  end
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, value = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    if name == "--help" or name == "-h" then
      io.write(usage_text(spec))
      os.exit(0)
    elseif name == "--corpus" then
      if not value then i = i + 1 end
      if not value and not args[i] then M.fail("--corpus needs a folder") end
    elseif name == "--format" then
      if not value then i = i + 1; value = args[i] end
      if not value then M.fail("--format needs one of table, tsv, csv, json") end
      if not M.FORMATS[value] then M.fail("unknown format '" .. value .. "' (table, tsv, csv or json)") end
      opt.format, opt.format_given = value, true
    elseif name == "--boilerplate" then
      opt.boilerplate = true
    elseif known[name] then
      local o = known[name]
      local key = name:gsub("^%-%-", ""):gsub("%-", "_")
      if o.value then
        if not value then i = i + 1; value = args[i] end
        if not value then M.fail(name .. " needs a value (" .. o.value .. ")") end
        if o.choices then
          local ok = false
          for _, c in ipairs(o.choices) do if c == value then ok = true end end
          if not ok then M.fail("unknown value '" .. value .. "' for " .. name .. " (" .. table.concat(o.choices, ", ") .. ")") end
        end
        opt[key] = value
      else
        opt[key] = true
      end
    elseif a:match("^%-") then
      -- "unknown option '--frmat' (did you mean '--format'?)": the nearest flag by the same measure
      -- as the option tables of the Lua API, else a pointer to --help
      M.fail(lector._unknown_flag(name, M.flags(spec)))
    else
      opt.positional[#opt.positional + 1] = a
    end
    i = i + 1
  end
  opt.format = opt.format or (M.stdout_is_tty() and "table" or "tsv")
  return opt
end

-- the global corpus, opened; a corpus that cannot be opened (or an empty one) fails clearly, status 1
function M.corpus()
  local ok, err = pcall(function() return #corpus end)
  if not ok then
    M.fail((tostring(err):gsub("^[^:]*:%d+: ", "")), 1)
  end
  return corpus
end

return M
