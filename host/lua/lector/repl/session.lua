-- lector.repl.session: everything in `lector repl` that is not the terminal. repl.c reads lines
-- (libedit on a terminal), compiles them as lua.c does and runs them; it calls this module to
-- show results, to answer Tab, for the dot commands (.load .corpus .time .save .help .quit), for
-- the banner and error messages. It also puts help() and show() into the session's globals.
local pretty = require "lector.repl.pretty"
local complete = require "lector.repl.complete"

local S = {}

local opts = { interactive = false, color = false, clock = os.clock }
local chunks = {}        -- what ran without error, as lines of a script (.save)

local function paint(code, s)
  if not opts.color then return s end
  return "\27[" .. code .. "m" .. s .. "\27[0m"
end

local function out(s)
  io.stdout:write(s, "\n")
  io.stdout:flush()
end

-- The message of an error, without the frames of the REPL itself ([C]: in ?, this module).
function S.errtext(msg)
  if type(msg) ~= "string" then
    local mt = getmetatable(msg)
    msg = mt and mt.__tostring and tostring(msg) or string.format("(error object is a %s value)", type(msg))
  end
  local lines, trace = {}, false
  for line in (msg .. "\n"):gmatch("([^\n]*)\n") do
    trace = trace or line == "stack traceback:"
    if not (trace and (line:find("^%s*%[C%]: in %?$") or line:find("lector/repl/", 1, true)
        or line:find("^%s*%(%.%.%.tail calls%.%.%.%)$"))) then
      lines[#lines + 1] = line
    end
  end
  if lines[#lines] == "stack traceback:" then lines[#lines] = nil end
  return table.concat(lines, "\n")
end

-- Reports an error on stderr (in red on a terminal).
function S.report(msg)
  io.stdout:flush()
  local text = S.errtext(msg)
  -- after Ctrl-C the terminal has echoed ^C where the cursor was: start a line of our own
  if opts.interactive and (text .. "\n"):find("^[^\n]-interrupted!\n") then io.stderr:write("\n") end
  io.stderr:write(paint("31", text), "\n")
  io.stderr:flush()
end

-- Shows the values a line produced (all of them, nil included) and keeps the first in `_`. An
-- expected failure, nil and a message, shows the message as text (a query error's caret under its
-- line), not as a string literal.
function S.show(...)
  local n = select("#", ...)
  if n == 0 then return end
  rawset(_G, "_", (...))
  if n == 2 and (...) == nil and type(select(2, ...)) == "string" then
    out(paint("31", "nil, " .. select(2, ...)))
    return
  end
  local text = pretty.text(pretty.limits, n, ...)
  out(text)
end

-- Remembers a chunk that ran for .save; an expression that gave values becomes show(...), so
-- the script shows what the session showed.
function S.record(src, is_expr, has_values)
  src = src:gsub("^%s*=", "")
  if is_expr and has_values then src = "show(" .. src .. (src:find("--", 1, true) and "\n)" or ")") end
  chunks[#chunks + 1] = src
end

function S.complete(text)
  return complete.candidates(text, _G)
end

-- ------------------------------------------------------------------ help() and show()

local function help(x)
  local H = require "lector.help"
  if x == nil then
    io.stdout:write(H.overview())
    out(".help lists the REPL's own commands (.load, .corpus, .time, .save, .apropos, .quit).")
    return
  end
  local mt = getmetatable(x)
  local tname = type(mt) == "table" and type(rawget(mt, "__name")) == "string" and rawget(mt, "__name"):match("^lector%.(%a+)$")
  local section = tname and type(x) ~= "function"
    and ({ Corpus = "Corpus", Document = "Document", Hits = "Hits", Span = "Spans", Hit = "Hits" })[tname]
  io.stdout:write(section and H.section_text(section) or H.answer(x))   -- help(corpus): the functions of its kind
  io.stdout:flush()
end

-- show(x, ...): shows values without the display limits (all hits, whole tables and strings).
local function show(...)
  local n = select("#", ...)
  if n == 0 then return end
  local lim = setmetatable({ kwic = false }, { __index = pretty.unlimited })
  out((pretty.text(lim, n, ...)))
end

S.help, S.show_all = help, show

-- ------------------------------------------------------------------ dot commands

-- A command's own failure: a message without a traceback (main.c's handler shows an error
-- object's __tostring as it is).
local failure = { __tostring = function(e) return e.msg end }
local function fail(msg) error(setmetatable({ msg = msg }, failure), 0) end

local function compile_expr(src, name)
  local f = load("return " .. src .. ";", name)
  if f then return f, true end
  local err
  f, err = load(src, name)
  if not f then fail(err) end
  return f, false
end

local function corpus_line(C)
  local ok, line = pcall(function()
    return string.format("corpus %s: %d documents, %d tokens", C.root, #C, C.tokens)
  end)
  return ok and line or ("corpus: " .. S.errtext(line))
end

-- A duration as people read it: 1.52 s, 12.3 ms, 45 µs.
local function seconds(t)
  if t >= 1 then return string.format("%.2f s", t) end
  if t >= 1e-3 then return string.format("%.1f ms", t * 1e3) end
  return string.format("%.0f µs", t * 1e6)
end

local commands = {}
local help_lines = {}
local function command(name, args, text, fn)
  commands[name] = fn
  complete.commands[#complete.commands + 1] = name
  help_lines[#help_lines + 1] = string.format("  .%-14s %s", name .. (args and " " .. args or ""), text)
end

command("load", "FILE", "run a Lua script in this session (its globals stay)", function(arg)
  if arg == "" then fail(".load: which file? (.load FILE)") end
  local f, err = loadfile(arg)
  if not f then fail(".load: " .. err) end
  f()
  chunks[#chunks + 1] = string.format("dofile(%s)", pretty.quote(arg))
end)

command("corpus", "DIR", "open another corpus as `corpus` (without DIR: the current one)", function(arg)
  if arg == "" then out(corpus_line(rawget(_G, "corpus"))) return end
  local lector = require "lector"
  local C, err = lector.open(arg)
  if not C then fail(".corpus: " .. err) end
  rawset(_G, "corpus", C)
  out(corpus_line(C))
  chunks[#chunks + 1] = string.format("corpus = lector.open(%s)", pretty.quote(arg))
end)

command("time", "EXPR", "run EXPR (or a statement) and print how long it took", function(arg)
  if arg == "" then fail(".time: what? (.time EXPR)") end
  local f = compile_expr(arg, "=stdin")
  local cpu0, t0 = os.clock(), opts.clock()
  local r = table.pack(f())
  local t1, cpu1 = opts.clock(), os.clock()
  S.show(table.unpack(r, 1, r.n))
  out(paint("2", string.format("time: %s elapsed, %s CPU", seconds(t1 - t0), seconds(cpu1 - cpu0))))
end)

command("save", "FILE", "write what ran in this session as a Lua script", function(arg)
  if arg == "" then fail(".save: where? (.save FILE)") end
  local f, err = io.open(arg, "w")
  if not f then fail(".save: " .. err) end
  f:write("-- saved from lector repl, ", os.date("%Y-%m-%d %H:%M"), "; run it with `lector run FILE`\n",
    'local help, show = require("lector.repl.session").help, require("lector.repl.session").show_all\n')
  for _, c in ipairs(chunks) do f:write(c, "\n") end
  local ok, werr = f:close()
  if not ok then fail(".save: " .. arg .. ": " .. tostring(werr)) end
  out(string.format("saved %d chunk%s to %s", #chunks, #chunks == 1 and "" or "s", arg))
end)

command("apropos", "WORD", "list every function whose name, alias or text has WORD", function(arg)
  io.stdout:write(require("lector.help").apropos_text(arg))
  io.stdout:flush()
end)

command("help", nil, "this list; help() lists the Lua API, help(fn) or help \"word\" finds a function", function()
  out("Commands:")
  for _, line in ipairs(help_lines) do out(line) end
  out([[
Lua: a line that is an expression prints its value (`_` keeps the last one; show(_) prints it
without limits); `=expr` works too. An unfinished chunk continues on the next line (>>).
Keys: Tab completes names, fields and methods; Up/Down and Ctrl-R search the history; Ctrl-C
clears the line or interrupts what runs (your variables stay); Ctrl-D quits.]])
end)

command("quit", nil, "leave (Ctrl-D does too)", function() return "quit" end)

-- Runs a dot command line (".load x.lua"): returns "quit" to leave. Errors are raised.
function S.dot(line)
  local name, arg = line:match("^%s*%.(%a+)%s*(.-)%s*$")
  local fn = name and commands[name]
  if not fn then
    fail(string.format("unknown command %s (.help lists them)", line:match("^%s*(%S+)")))
  end
  return fn(arg)
end

-- ------------------------------------------------------------------ start

-- Called once by repl.c: o.interactive, o.color, o.clock (a wall clock in seconds), o.release
-- (the Lua version), o.listdir (a folder's names, for completing paths). Returns the
-- banner line for an interactive session, else nil.
function S.start(o)
  for k, v in pairs(o) do opts[k] = v end
  complete.listdir = opts.listdir
  if rawget(_G, "help") == nil then rawset(_G, "help", help) end
  if rawget(_G, "show") == nil then rawset(_G, "show", show) end
  if not opts.interactive then return nil end
  local lector = require "lector"
  local C = rawget(_G, "corpus")
  local where
  if C == nil then
    where = "no corpus (.corpus DIR opens one)"
  else
    local ok, line = pcall(function()
      return string.format("corpus %s: %d documents, %d tokens", C.root, #C, C.tokens)
    end)
    where = ok and line or ("no corpus: " .. S.errtext(line):gsub("^[^\n]-:%d+: ", "", 1) .. " (.corpus DIR opens one)")
  end
  return string.format("lector %s (%s) · %s · help() for the API, .help for commands",
    lector.version, opts.release or _VERSION, where)
end

return S
