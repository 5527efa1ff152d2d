-- lector query 'QUERY' [--count | --kwic | --dump | --format tsv|csv|json] [--limit N]
--   [--context N] [--timeout S]: a CQP query on the corpus, from the shell.
-- Output: --kwic (the default) a concordance, one hit a line, "doc: left [match] right";
-- --count the number of hits; --dump "match TAB matchend TAB target TAB keyword" (positions, -1
-- when absent) like CQP's dump; --format a table of the hits with a header. Exit status: 0, 2 for
-- a syntax error in the query or a usage error (message on stderr), 1 for any other error.
local compile = require "lector.query.compile"

local USAGE = "usage: lector query 'QUERY' [--corpus DIR] [--count | --kwic | --dump | --format tsv|csv|json] " ..
  "[--limit N] [--context N] [--timeout S]"

local function die(code, msg)
  io.stderr:write("lector: query: ", msg, "\n")
  return code
end

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

return function(corpus, args)
  local mode, format, q = "kwic", nil, nil
  local opts, context = {}, 8
  local i = 1
  local function number_arg(name)
    i = i + 1
    local v = tonumber(args[i])
    if not v or v < 0 then error({ usage = name .. " needs a number >= 0" }) end
    return v
  end
  local ok, err = pcall(function()
    while i <= #args do
      local a = args[i]
      if a == "--count" or a == "--kwic" or a == "--dump" then mode = a:sub(3)
      elseif a == "--format" then
        i = i + 1
        format = args[i]
        if format ~= "tsv" and format ~= "csv" and format ~= "json" then
          error({ usage = "--format takes tsv, csv or json" })
        end
        mode = "table"
      elseif a:match("^%-%-format=") then
        format = a:match("=(.*)")
        if format ~= "tsv" and format ~= "csv" and format ~= "json" then
          error({ usage = "--format takes tsv, csv or json" })
        end
        mode = "table"
      elseif a == "--limit" then opts.limit = math.floor(number_arg(a))
      elseif a == "--context" then context = math.floor(number_arg(a))
      elseif a == "--timeout" then opts.timeout = number_arg(a)
      elseif a == "--corpus" then i = i + 1                -- the host opened it already
      elseif a:match("^%-%-corpus=") then                    -- likewise
      elseif a:match("^%-%-") then error({ usage = "unknown option " .. a })
      elseif q then error({ usage = "one query only (quote it: lector query '\"a\" \"b\"')" })
      else q = a end
      i = i + 1
    end
  end)
  if not ok then
    if type(err) == "table" then return die(2, err.usage .. "\n" .. USAGE) end
    error(err, 0)
  end
  if not q then return die(2, "no query given\n" .. USAGE) end
  local plan, msg = compile.compile(q, corpus:attributes())
  if not plan then return die(2, msg) end

  local out = io.stdout
  if mode == "count" then
    local n, stop = corpus:query_count(q, opts)
    if not n then return die(1, stop) end
    out:write(n, "\n")
    if stop then io.stderr:write("lector: query: ", stop, "\n") end
    return 0
  end
  local hits, stop = corpus:query(q, opts)
  if not hits then return die(1, stop) end
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
end
