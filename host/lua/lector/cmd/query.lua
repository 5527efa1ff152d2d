-- lector query 'QUERY' [DIR] [--count | --kwic | --dump | --format tsv|csv|json] [--limit N]
--   [--context N] [--timeout S]: a CQP query on the corpus, from the shell (flags: SPEC below).
-- Output: --kwic (the default) a concordance, one hit a line, "doc: left [match] right";
-- --count the number of hits; --dump "match TAB matchend TAB target TAB keyword" (positions, -1
-- when absent) like CQP's dump; --format a table of the hits with a header. Exit status: 0, 2 for
-- a syntax error in the query or a usage error (message on stderr), 1 for any other error.
local compile = require "lector.query.compile"

local args = require "lector.cmd.args"


local SPEC = {
  name = "query", positional = { "QUERY", "DIR" }, required = "'QUERY'",
  summary = "A CQP query on the corpus: a concordance (the default), the count, CQP's dump or a table.",
  flags = { ["--count"] = true, ["--kwic"] = true, ["--dump"] = true },
  values = { ["--format"] = args.choice("--format", "tsv", "csv", "json"), ["--limit"] = args.number("--limit"),
    ["--context"] = args.number("--context"), ["--timeout"] = args.number("--timeout") },
  help = {
    ["--count"] = "the number of hits",
    ["--kwic"] = "a concordance, one hit a line (the default)",
    ["--dump"] = "match, matchend, target and keyword positions, as CQP's dump",
    ["--format"] = "tsv|csv|json  a table of the hits with a header",
    ["--limit"] = "N  stop after N hits",
    ["--context"] = "N  tokens of context on each side (default 8)",
    ["--timeout"] = "S  stop after S seconds",
  },
}

local function json_string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    local map = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r" }
    return map[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function csv_field(s)
  s = tostring(s)
  if s:find('[,"\n\r]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local COLUMNS = { "doc", "start", "stop", "byte_start", "byte_end", "left", "match", "right", "target" }

local function write_table(out, rows, format)
  if format == "json" then
    out:write("[")
    for i, r in ipairs(rows) do
      local parts = {}
      for _, k in ipairs(COLUMNS) do
        local v = r[k]
        if v == nil then v = "null" elseif type(v) == "number" then v = tostring(v) else v = json_string(v) end
        parts[#parts + 1] = json_string(k) .. ":" .. v
      end
      out:write(i > 1 and ",\n " or "\n ", "{", table.concat(parts, ","), "}")
    end
    out:write(#rows > 0 and "\n]\n" or "]\n")
    return
  end
  local sep = format == "csv" and "," or "\t"
  local cell = format == "csv" and csv_field or function(v) return (tostring(v):gsub("[\t\n\r]", " ")) end
  out:write(table.concat(COLUMNS, sep), "\n")
  for _, r in ipairs(rows) do
    local t = {}
    for i, k in ipairs(COLUMNS) do t[i] = cell(r[k] == nil and "" or r[k]) end
    out:write(table.concat(t, sep), "\n")
  end
end

return args.command(SPEC, function(corpus, o, pos)
  local q = pos[1]
  if not q then return args.usage_error(SPEC, "no query given") end
  local mode = o["--count"] and "count" or o["--dump"] and "dump" or o["--format"] and "table" or "kwic"
  local format, context = o["--format"], math.floor(tonumber(o["--context"]) or 8)
  local opts = { limit = o["--limit"] and math.floor(tonumber(o["--limit"])), timeout = tonumber(o["--timeout"]) }
  local plan, msg = compile.compile(q, corpus:attributes())
  if not plan then return args.fail(SPEC, 2, msg) end

  local out = io.stdout
  if mode == "count" then
    local n, stop = corpus:query_count(q, opts)
    if not n then return args.fail(SPEC, 1, stop) end
    out:write(n, "\n")
    if stop then io.stderr:write("lector: query: ", stop, "\n") end
    return 0
  end
  local hits, stop = corpus:query(q, opts)
  if not hits then return args.fail(SPEC, 1, stop) end
  if mode == "dump" then
    local starts, stops = hits:spans()
    local targets = hits:targets()
    for k = 1, #starts do
      out:write(starts[k], "\t", stops[k], "\t", targets[k] or -1, "\t", -1, "\n")
    end
  elseif mode == "table" then
    write_table(out, hits:tabulate { width = context }, format)
  else
    local lines = hits:kwic { width = context }
    local rows = hits:tabulate { width = 0 }
    local wide = 0
    for _, r in ipairs(rows) do wide = math.max(wide, #r.doc) end
    for k, line in ipairs(lines) do
      out:write(rows[k].doc, ":", string.rep(" ", wide - #rows[k].doc + 1), line, "\n")
    end
  end
  if stop then io.stderr:write("lector: query: ", stop, "\n") end
  return 0
end)
