-- lector.repl.pretty: how the REPL shows a value. Tables nested with sorted keys and cycles
-- marked, within depth and width limits; lector objects as what an analyst wants to see: a
-- document as one line, a hit set as its count and first concordance lines. Output longer than
-- a screen is cut with a note saying how to see it all (show(_) prints without limits).
local M = {}

-- The limits of a normal display (digits: the significant digits of a float); show(x) lifts them. Overridable: repl.pretty.limits.depth = 8.
M.limits = { depth = 4, items = 100, lines = 40, string = 2000, inner_string = 200, kwic = 5, width = 100,
  digits = 4 }

local names = nil
local function api_name(f)
  if names == nil then
    local ok, lector = pcall(require, "lector")
    names = ok and lector._names or false
  end
  return names and names[f]
end

-- A string as a Lua literal that reads back: quotes, backslash and control characters escaped,
-- UTF-8 left as it is.
function M.quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local esc = { ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r", ['"'] = '\\"', ["\\"] = "\\\\" }
    return esc[c] or string.format("\\%d", c:byte())
  end) .. '"'
end

local function is_identifier(k)
  local keywords = { ["and"] = 1, ["break"] = 1, ["do"] = 1, ["else"] = 1, ["elseif"] = 1, ["end"] = 1,
    ["false"] = 1, ["for"] = 1, ["function"] = 1, ["goto"] = 1, ["if"] = 1, ["in"] = 1, ["local"] = 1,
    ["nil"] = 1, ["not"] = 1, ["or"] = 1, ["repeat"] = 1, ["return"] = 1, ["then"] = 1, ["true"] = 1,
    ["until"] = 1, ["while"] = 1 }
  return type(k) == "string" and k:match("^[%a_][%w_]*$") and not keywords[k]
end

-- Keys in a stable order: numbers ascending, then strings, then the rest by their text.
local function sorted_keys(t)
  local keys = {}
  for k in next, t do keys[#keys + 1] = k end
  local rank = { number = 1, string = 2 }
  table.sort(keys, function(a, b)
    local ra, rb = rank[type(a)] or 3, rank[type(b)] or 3
    if ra ~= rb then return ra < rb end
    if ra == 3 then return tostring(a) < tostring(b) end
    return a < b
  end)
  return keys
end

local function metaname(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and rawget(mt, "__name") or nil
end

-- A number: an integer exactly; a float rounded to lim.digits significant digits for reading
-- (12.0588 for 12.058823529412; at least one decimal, so 1024.0 stays a float as Lua shows it),
-- or to 14 without the limit (show(x)).
local function number_text(n, lim)
  if math.type(n) ~= "float" then return tostring(n) end
  local digits, a = lim and lim.digits, math.abs(n)
  local s
  if not digits or a ~= a or a == math.huge then
    s = string.format("%.14g", n)
  elseif a < 1 or a >= 1e15 then
    s = string.format("%." .. digits .. "g", n)
  else
    local whole = #string.format("%.0f", math.floor(a))
    s = string.format("%." .. math.max(1, digits - whole) .. "f", n):gsub("(%.%d-)0+$", "%1"):gsub("%.$", ".0")
  end
  if not s:find("[%.eEn]") then s = s .. ".0" end   -- 1.0 stays a float, as Lua shows it
  return s
end

-- A function: its API name (Corpus:count), else where it was defined.
local function function_text(f)
  local name = api_name(f)
  if name then return "function " .. name end
  local info = debug.getinfo(f, "S")
  if info.what == "C" then return tostring(f) end
  return string.format("function <%s:%d>", info.short_src, info.linedefined)
end

-- One line for a value that has one: everything but plain tables (and hit sets, see below).
local function scalar(v, lim, depth)
  local t = type(v)
  if t == "string" then
    local max = depth and depth > 0 and lim.inner_string or lim.string
    if max and #v > max then
      local cut = max
      while cut > 1 and (v:byte(cut + 1) or 0) & 0xC0 == 0x80 do cut = cut - 1 end  -- whole UTF-8 characters
      return M.quote(v:sub(1, cut)) .. string.format("... (%d more bytes)", #v - cut), true
    end
    return M.quote(v)
  elseif t == "number" then return number_text(v, lim)
  elseif t == "function" then return function_text(v)
  elseif t == "table" or t == "userdata" then
    if metaname(v) == "lector.Corpus" then pcall(function() return #v end) end   -- opened, to describe it
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then
      local ok, s = pcall(tostring, v)
      if ok then return s end
      return string.format("<%s: __tostring failed: %s>", metaname(v) or t, s)
    end
    if t == "userdata" then return tostring(v) end
    return nil
  end
  return tostring(v)
end

-- A hit set (any userdata or table named lector.Hits, whatever its methods): the count and the
-- first concordance lines.
local function hits_lines(h, lim, out, indent)
  local ok, n = pcall(function() return #h end)
  if not ok then n = nil end
  out[#out + 1] = indent .. (n and string.format("%d hit%s", n, n == 1 and "" or "s") or tostring(h))
  if not n or n == 0 then return end
  local k = lim.kwic and math.min(lim.kwic, n) or n
  local lines
  ok, lines = pcall(function() return h:kwic { limit = k } end)
  if not ok or type(lines) ~= "table" then
    lines = {}
    for i = 1, k do lines[i] = tostring(h[i]) end
  end
  for i = 1, math.min(k, #lines) do out[#out + 1] = indent .. "  " .. lines[i] end
  if k < n then
    out[#out + 1] = indent .. string.format("  ... %d more (show(_) lists them all)", n - k)
  end
end

local render

-- A plain table, on one line when it fits, else one entry per line.
local function table_lines(t, lim, seen, depth, indent, out, prefix)
  if seen[t] then
    out[#out + 1] = indent .. prefix .. "<cycle: " .. tostring(t) .. ">"
    return
  end
  if lim.depth and depth >= lim.depth then
    out[#out + 1] = indent .. prefix .. (next(t) == nil and "{}" or "{...}")
    out.cut = true
    return
  end
  seen[t] = true
  local keys = sorted_keys(t)
  local n = #keys
  local shown = lim.items and math.min(n, lim.items) or n
  -- entries rendered on their own, then joined on one line if all are single lines and it fits
  local entries, simple, len = {}, true, #indent + #prefix + 2
  local arrayish = 0
  for i = 1, shown do
    local k = keys[i]
    local key
    if k == arrayish + 1 and math.type(k) == "integer" then
      arrayish = k
      key = ""
    elseif is_identifier(k) then
      key = k .. " = "
    else
      local ks = type(k) == "string" and M.quote(k) or scalar(k, M.unlimited) or tostring(k)   -- keys exact
      key = "[" .. ks .. "] = "
    end
    local sub = {}
    render(t[k], lim, seen, depth + 1, "", sub, key)
    if #sub ~= 1 then simple = false end
    if sub.cut then out.cut = true end
    entries[i] = sub
    len = len + #(sub[1] or "") + 2
  end
  seen[t] = nil
  local more = n > shown and string.format("... (%d more)", n - shown) or nil
  if more then out.cut = true end
  if simple and len + (more and #more or 0) <= (lim.width or math.huge) then
    local parts = {}
    for i, e in ipairs(entries) do parts[i] = e[1] end
    if more then parts[#parts + 1] = more end
    out[#out + 1] = indent .. prefix .. "{" .. table.concat(parts, ", ") .. "}"
    return
  end
  if simple and arrayish == shown then   -- a long list of short values: filled into lines
    out[#out + 1] = indent .. prefix .. "{"
    local line = indent .. " "
    for i, e in ipairs(entries) do
      local item = " " .. e[1] .. ((i < #entries or more) and "," or "")
      if #line + #item > (lim.width or math.huge) and #line > #indent + 1 then
        out[#out + 1] = line
        line = indent .. " "
      end
      line = line .. item
    end
    out[#out + 1] = line
    if more then out[#out + 1] = indent .. "  " .. more end
    out[#out + 1] = indent .. "}"
    return
  end
  out[#out + 1] = indent .. prefix .. "{"
  for _, e in ipairs(entries) do
    for j, line in ipairs(e) do
      out[#out + 1] = indent .. "  " .. line .. (j == #e and "," or "")
    end
  end
  if more then out[#out + 1] = indent .. "  " .. more end
  out[#out + 1] = indent .. "}"
end

-- Appends the lines showing v to out; prefix goes before the first (a table key).
function render(v, lim, seen, depth, indent, out, prefix)
  prefix = prefix or ""
  if metaname(v) == "lector.Hits" then
    if prefix == "" and depth == 0 then return hits_lines(v, lim, out, indent) end
    local ok, n = pcall(function() return #v end)
    out[#out + 1] = indent .. prefix .. (ok and string.format("<%d hits>", n) or tostring(v))
    return
  end
  local s, cut = scalar(v, lim, depth)
  if cut then out.cut = true end
  if s then
    out[#out + 1] = indent .. prefix .. s
    return
  end
  table_lines(v, lim, seen, depth, indent, out, prefix)
end

-- The lines that show v (a list, with .cut set when limits left something out).
function M.lines(v, lim)
  lim = lim or M.limits
  local out = {}
  render(v, lim, {}, 0, "", out)
  return out
end

-- The text that shows the values v1..vn (n of them): single-line values side by side, separated
-- by tabs as Lua's print does, others one after the other; cut to lim.lines lines with a note.
function M.text(lim, n, ...)
  lim = lim or M.limits
  local blocks, cut = {}, false
  for i = 1, n do
    local lines = M.lines((select(i, ...)), lim)
    cut = cut or lines.cut
    blocks[i] = lines
  end
  local out, row = {}, {}
  for _, b in ipairs(blocks) do
    if #b == 1 then
      row[#row + 1] = b[1]
    else
      if #row > 0 then out[#out + 1] = table.concat(row, "\t"); row = {} end
      for _, line in ipairs(b) do out[#out + 1] = line end
    end
  end
  if #row > 0 then out[#out + 1] = table.concat(row, "\t") end
  if lim.lines and #out > lim.lines then
    local extra = #out - lim.lines
    for i = #out, lim.lines + 1, -1 do out[i] = nil end
    out[#out + 1] = string.format("... %d more lines (show(_) prints everything)", extra)
  elseif cut then
    out[#out + 1] = "(cut to the display limits: show(_) prints everything)"
  end
  return table.concat(out, "\n"), cut
end

-- No limits: what show(x) prints.
M.unlimited = { width = 100 }

return M
