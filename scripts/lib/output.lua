-- output.lua: one writer for the four output formats of the scripts: an aligned table for people,
-- TSV (tabs and newlines inside values become spaces), CSV (RFC 4180 quoting) and JSON (an array
-- of objects, strings escaped, numbers left as numbers).
--
--   local output = require "output"
--   output.write(rows, { "file", "date", "count" }, "csv")          -- to io.stdout
--   output.write(rows, cols, "table", { file = f, title = "..." })
local M = {}

local function str(v)
  if v == nil then return "" end
  return tostring(v)
end

-- TSV: one line per row, no quoting, so tabs and line breaks in a value become spaces
function M.tsv_field(v)
  return (str(v):gsub("[\t\r\n]+", " "))
end

-- CSV: quoted when it holds a comma, a quote, a line break or leading/trailing space
function M.csv_field(v)
  local s = str(v)
  if s:find('[,"\r\n]') or s:match("^%s") or s:match("%s$") then
    return '"' .. s:gsub('"', '""') .. '"'
  end
  return s
end

local json_esc = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n",
  ["\r"] = "\\r", ["\t"] = "\\t" }

-- a JSON value: strings escaped (control characters as \u00XX), numbers, booleans, tables
function M.json(v)
  local t = type(v)
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif t == "boolean" then return tostring(v)
  elseif t == "nil" then return "null"
  elseif t == "table" then
    if #v > 0 or next(v) == nil then
      local parts = {}
      for i = 1, #v do parts[i] = M.json(v[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = M.json(k) .. ":" .. M.json(v[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  return '"' .. str(v):gsub('[%c"\\]', function(c)
    return json_esc[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

-- the width of a string on screen: its characters (UTF-8), not its bytes
local function width(s)
  return utf8.len(s) or #s
end

-- cut s to n characters, with an ellipsis
function M.cut(s, n)
  s = str(s)
  if not n or width(s) <= n then return s end
  local stop = utf8.offset(s, n) or (n + 1)
  return s:sub(1, stop - 1) .. "…"
end

-- rows: list of tables keyed by column name; cols: the column names in order
function M.format(rows, cols, fmt, opts)
  lector._check_options(opts, "output.format", { title = "string", widths = "table", max = "integer", file = "any" })
  opts = opts or {}
  local out = {}
  if fmt == "json" then
    local objs = {}
    for i, r in ipairs(rows) do
      local o = {}
      for _, c in ipairs(cols) do o[#o + 1] = M.json(c) .. ":" .. M.json(r[c] == nil and "" or r[c]) end
      objs[i] = "{" .. table.concat(o, ",") .. "}"
    end
    return "[" .. table.concat(objs, ",\n ") .. "]\n"
  elseif fmt == "csv" then
    local line = {}
    for i, c in ipairs(cols) do line[i] = M.csv_field(c) end
    out[1] = table.concat(line, ",")
    for _, r in ipairs(rows) do
      line = {}
      for i, c in ipairs(cols) do line[i] = M.csv_field(r[c]) end
      out[#out + 1] = table.concat(line, ",")
    end
    return table.concat(out, "\r\n") .. "\r\n"
  elseif fmt == "tsv" then
    out[1] = table.concat(cols, "\t")
    for _, r in ipairs(rows) do
      local line = {}
      for i, c in ipairs(cols) do line[i] = M.tsv_field(r[c]) end
      out[#out + 1] = table.concat(line, "\t")
    end
    return table.concat(out, "\n") .. "\n"
  end
  -- table: columns padded to their widest value (capped by opts.max, default 60 characters)
  local max = opts.max or 60
  local w, cells = {}, {}
  for i, c in ipairs(cols) do w[i] = width(c) end
  for k, r in ipairs(rows) do
    cells[k] = {}
    for i, c in ipairs(cols) do
      local s = M.cut(M.tsv_field(r[c]), (opts.widths and opts.widths[c]) or max)
      cells[k][i] = s
      if width(s) > w[i] then w[i] = width(s) end
    end
  end
  local function line(vals)
    local parts = {}
    for i, v in ipairs(vals) do
      local pad = i < #vals and string.rep(" ", w[i] - width(v)) or ""
      local num = v:match("^%-?%d+%.?%d*$") and i < #vals
      parts[i] = num and (string.rep(" ", w[i] - width(v)) .. v) or (v .. pad)
    end
    return (table.concat(parts, "  "):gsub("%s+$", ""))
  end
  if opts.title then out[#out + 1] = opts.title end
  out[#out + 1] = line(cols)
  local rule = {}
  for i = 1, #cols do rule[i] = string.rep("-", w[i]) end
  out[#out + 1] = table.concat(rule, "  ")
  for _, c in ipairs(cells) do out[#out + 1] = line(c) end
  if #rows == 0 then out[#out + 1] = "(none)" end
  return table.concat(out, "\n") .. "\n"
end

-- Several views (a list of { name, rows, cols }) as one document: JSON, an object of the named views,
-- each an array of row objects; TSV and CSV, each view as its own table after a line "# NAME" and
-- before an empty line (one view alone, as output.format gives it, is the plain table). only: the name
-- of the one view to give (nil: all).
function M.views(views, fmt, only)
  local out = {}
  for _, v in ipairs(views) do
    if not only or v[1] == only then
      if fmt == "json" then
        out[#out + 1] = M.json(v[1]) .. ":" .. M.format(v[2], v[3], "json"):gsub("\n$", "")
      else
        out[#out + 1] = (only and "" or ("# " .. v[1] .. (fmt == "csv" and "\r\n" or "\n")))
          .. M.format(v[2], v[3], fmt)
      end
    end
  end
  if fmt == "json" then
    if only then return (out[1] or "[]"):gsub("^[^:]*:", "") .. "\n" end
    return "{" .. table.concat(out, ",\n") .. "}\n"
  end
  return table.concat(out, fmt == "csv" and "\r\n" or "\n")
end

function M.write(rows, cols, fmt, opts)
  local f = (opts and opts.file) or io.stdout
  f:write(M.format(rows, cols, fmt, opts))
end

return M
