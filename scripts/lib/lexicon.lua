-- lexicon.lua (lib): reads the user's own lexicons (entities, actors, topics) from a Lua table file
-- or a TSV file, checks every entry, and returns one normalized table, so that every script reads
-- them the same way. Nothing wrong is ignored: an unknown key or column, a value of the wrong type, a
-- malformed date or TSV line is an error that names the file and the line. doc/lexicons.md has the
-- formats with an example of each.
--
--   local lexicon = require "lexicon"
--   local list, err = lexicon.load("my-entities.tsv", "entities")   -- or "actors", "topics"
--   local path = lexicon.in_folder("corpus", "entities")            -- corpus/entities.lua|tsv, or nil
--   local list, err = lexicon.for_corpus(corpus, "actors", opt.actors)  -- the file given, else the folder's
--
-- entities and actors come back as { source = path, { name =, type =, aliases = { { text =, from =,
-- ["until"] =, to =, nocase =, when = { words } } } }, ... }; topics as { source = path, { name =,
-- triggers = { cues }, exclude = { phrases }, also = { cues }, follow =, un_resolution = } }.
local data = require "data"

local M = {}

M.KINDS = { entities = true, actors = true, topics = true }

-- what each kind may hold: key -> type ("string", "boolean", "date", "strings", "aliases")
local ENTRY = {
  entities = { name = "string", type = "string", aliases = "aliases" },
  topics = { name = "string", triggers = "strings", exclude = "strings", also = "strings", follow = "boolean",
    un_resolution = "boolean" },
}
ENTRY.actors = ENTRY.entities
local ALIAS = { text = "string", from = "date", ["until"] = "date", to = "date", nocase = "boolean", when = "strings" }

-- the TSV columns of each kind; the first of them names the entry
local COLUMNS = {
  entities = { "name", "type", "alias", "from", "until", "to", "nocase", "when" },
  topics = { "topic", "trigger", "exclude", "also", "follow", "un_resolution" },
}
COLUMNS.actors = COLUMNS.entities

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return table.concat(keys, ", ")
end

-- a date of the scoping keys: YYYY, YYYY-MM or YYYY-MM-DD
local function is_date(s)
  return type(s) == "string" and (s:match("^%d%d%d%d$") or s:match("^%d%d%d%d%-%d%d$")
    or s:match("^%d%d%d%d%-%d%d%-%d%d$")) ~= nil
end

-- checks one value against a type name; nil, or what is wrong
local function check(value, want)
  if want == "string" then
    if type(value) ~= "string" or value == "" then return "is not a non-empty string" end
  elseif want == "boolean" then
    if type(value) ~= "boolean" then return "is not true or false" end
  elseif want == "date" then
    if not is_date(value) then return "is not a date (YYYY, YYYY-MM or YYYY-MM-DD): " .. tostring(value) end
  elseif want == "strings" then
    if type(value) ~= "table" then return "is not a list of strings" end
    for k, v in pairs(value) do
      if math.type(k) ~= "integer" or type(v) ~= "string" or v == "" then return "is not a list of strings" end
    end
  end
end

-- {from, until|to}: from must not come after the end
local function check_scope(a)
  local stop = a["until"] or a.to
  if a.from and stop and a.from > stop then return "from " .. a.from .. " is after the end " .. stop end
  if a["until"] and a.to then return "has both until and to (one end only)" end
end

-- one alias of a Lua table file: a string or { "text", from =, until =, to =, nocase =, when = }
local function lua_alias(a, where)
  if type(a) == "string" then
    if a == "" then error(where .. ": an alias is an empty string", 0) end
    return { text = a }
  end
  if type(a) ~= "table" then error(where .. ": an alias is a " .. type(a) .. ", not a string or a table", 0) end
  local out = { text = a[1] }
  for k, v in pairs(a) do
    if k ~= 1 then
      local want = ALIAS[k]
      if not want or k == "text" then
        error(string.format("%s: alias %s: unknown key '%s' (known: from, nocase, to, until, when)", where,
          tostring(a[1]), tostring(k)), 0)
      end
      local bad = check(v, want)
      if bad then error(string.format("%s: alias %s: %s %s", where, tostring(a[1]), k, bad), 0) end
      out[k] = v
    end
  end
  if type(out.text) ~= "string" or out.text == "" then error(where .. ": an alias has no text (its first item)", 0) end
  local bad = check_scope(out)
  if bad then error(string.format("%s: alias %s: %s", where, out.text, bad), 0) end
  return out
end

-- the line of a Lua file where an entry's name is first written (for messages), or nil
local function line_of(source, name)
  if not source or type(name) ~= "string" then return nil end
  local n = 0
  for line in (source .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if line:find('"' .. name .. '"', 1, true) or line:find("'" .. name .. "'", 1, true) then return n end
  end
end

-- adds the entry's own name as its first alias, and drops repeated aliases (same text and scope)
local function with_name(e)
  local seen, aliases = {}, {}
  local function add(a)
    local key = table.concat({ a.text, a.from or "", a["until"] or "", a.to or "", tostring(a.nocase),
      table.concat(a.when or {}, "|") }, "\0")
    if not seen[key] then seen[key] = true; aliases[#aliases + 1] = a end
  end
  add({ text = e.name })
  for _, a in ipairs(e.aliases or {}) do add(a) end
  e.aliases = aliases
  return e
end

-- a list returned by a Lua file, checked entry by entry
local function from_lua(list, kind, path, source)
  if type(list) ~= "table" then error(path .. ": does not return a table", 0) end
  local out = { source = path }
  local schema = ENTRY[kind]
  local n = 0
  for k in pairs(list) do
    if math.type(k) ~= "integer" or k < 1 then
      error(string.format("%s: the file returns a table with the key '%s'; it should return a list of entries",
        path, tostring(k)), 0)
    end
    n = math.max(n, k)
  end
  for i = 1, n do
    local e = list[i]
    local name = type(e) == "table" and (e[1] or e.name) or nil
    local line = line_of(source, name)
    local where = string.format("%s:%s entry %d%s", path, line and (line .. ":") or "", i,
      type(name) == "string" and (" (" .. name .. ")") or "")
    if type(e) ~= "table" then error(where .. ": is a " .. type(e) .. ", not a table", 0) end
    if e[1] and e.name then error(where .. ": has a name twice (first item and name =)", 0) end
    local entry = { name = name }
    for key, v in pairs(e) do
      if key ~= 1 then
        local want = schema[key]
        if not want then
          error(string.format("%s: unknown key '%s' (known: %s)", where, tostring(key), sorted_keys(schema)), 0)
        end
        if want == "aliases" then
          if type(v) ~= "table" then error(where .. ": aliases is not a list", 0) end
          entry.aliases = {}
          for j = 1, #v do entry.aliases[j] = lua_alias(v[j], where) end
          for k2 in pairs(v) do
            if math.type(k2) ~= "integer" or k2 > #v then error(where .. ": aliases is not a list", 0) end
          end
        else
          local bad = check(v, want)
          if bad then error(string.format("%s: %s %s", where, key, bad), 0) end
          entry[key] = v
        end
      end
    end
    if type(name) ~= "string" or name == "" then error(where .. ": has no name (its first item)", 0) end
    if kind == "topics" then
      if not entry.triggers or #entry.triggers == 0 then error(where .. ": has no triggers", 0) end
    else
      with_name(entry)
    end
    out[#out + 1] = entry
  end
  return out
end

-- splits a TSV line into its fields
local function fields(line)
  local t = {}
  for f in (line .. "\t"):gmatch("([^\t]*)\t") do t[#t + 1] = f end
  return t
end

-- a TSV file: a header line naming the columns, then one line per alias (or trigger); # comments
local function from_tsv(text, kind, path)
  local known, columns = {}, nil
  for _, c in ipairs(COLUMNS[kind]) do known[c] = true end
  local first = COLUMNS[kind][1]
  local out, by_name = { source = path }, {}
  local n = 0
  for line in (text:gsub("\r\n", "\n") .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    local where = path .. ":" .. n
    if line:match("^%s*$") or line:match("^#") then
      -- blank or comment
    elseif not columns then
      columns = fields(line)
      local seen = {}
      for _, c in ipairs(columns) do
        if not known[c] then
          error(string.format("%s: unknown column '%s' (known: %s)", where, c, table.concat(COLUMNS[kind], ", ")), 0)
        end
        if seen[c] then error(where .. ": column '" .. c .. "' twice", 0) end
        seen[c] = true
      end
      if columns[1] ~= first then error(where .. ": the first column must be '" .. first .. "'", 0) end
    else
      local f = fields(line)
      if #f > #columns then
        error(string.format("%s: %d fields, but the header has %d columns", where, #f, #columns), 0)
      end
      local row = {}
      for i, c in ipairs(columns) do
        local v = f[i]
        if v and v ~= "" then row[c] = v:match("^%s*(.-)%s*$") end
      end
      local name = row[first]
      if not name or name == "" then error(where .. ": no " .. first .. " in the first field", 0) end
      local e = by_name[name]
      if not e then
        e = kind == "topics" and { name = name, triggers = {}, exclude = {}, also = {} } or { name = name, aliases = {} }
        by_name[name] = e
        out[#out + 1] = e
      end
      for _, flag in ipairs({ "nocase", "follow", "un_resolution" }) do
        if row[flag] then
          if row[flag] ~= "true" and row[flag] ~= "false" then
            error(string.format("%s: %s is '%s', not true or false", where, flag, row[flag]), 0)
          end
          row[flag] = row[flag] == "true"
        end
      end
      if kind == "topics" then
        for _, c in ipairs({ "trigger", "exclude", "also" }) do
          local list = c == "trigger" and e.triggers or e[c]
          if row[c] then list[#list + 1] = row[c] end
        end
        if row.follow ~= nil then e.follow = row.follow end
        if row.un_resolution ~= nil then e.un_resolution = row.un_resolution end
      else
        if row.type then
          if e.type and e.type ~= row.type then
            error(string.format("%s: %s has the type '%s' here and '%s' above", where, name, row.type, e.type), 0)
          end
          e.type = row.type
        end
        local scoped = row.from or row["until"] or row.to or row.nocase ~= nil or row.when
        if row.alias or scoped then
          local a = { text = row.alias or name, from = row.from, ["until"] = row["until"], to = row.to,
            nocase = row.nocase }
          if row.when then
            a.when = {}
            for w in row.when:gmatch("[^|]+") do a.when[#a.when + 1] = w:match("^%s*(.-)%s*$") end
          end
          for _, k in ipairs({ "from", "until", "to" }) do
            if a[k] and not is_date(a[k]) then
              error(string.format("%s: %s is not a date (YYYY, YYYY-MM or YYYY-MM-DD): %s", where, k, a[k]), 0)
            end
          end
          local bad = check_scope(a)
          if bad then error(where .. ": " .. bad, 0) end
          e.aliases[#e.aliases + 1] = a
        end
      end
    end
  end
  if not columns then error(path .. ": no header line (the column names, separated by tabs)", 0) end
  for i, e in ipairs(out) do
    if kind == "topics" then
      if #e.triggers == 0 then error(path .. ": topic " .. e.name .. " has no trigger", 0) end
    else
      out[i] = with_name(e)
    end
  end
  return out
end

-- the lexicon in path, of kind "entities", "actors" or "topics": a checked, normalized table; nil and
-- a message naming the file (and line) when it cannot be read or is wrong. A file ending in .lua is a
-- Lua chunk run in an empty environment; anything else is read as TSV.
function M.load(path, kind)
  assert(M.KINDS[kind], "lexicon.load: kind must be entities, actors or topics")
  local f, err = io.open(path, "rb")
  if not f then return nil, "cannot open " .. err end
  local source = f:read("a"):gsub("^\239\187\191", "")   -- a byte-order mark, as spreadsheets write
  f:close()
  if path:match("%.lua$") then
    local list, lerr = data.load(path)
    if not list then return nil, lerr end
    local ok, res = pcall(from_lua, list, kind, path, source)
    if not ok then return nil, tostring(res) end
    return res
  end
  local ok, res = pcall(from_tsv, source, kind, path)
  if not ok then return nil, tostring(res) end
  return res
end

-- the lexicon of kind that a corpus folder carries (DIR/entities.lua or DIR/entities.tsv), or nil;
-- nil and a message when both are there
function M.in_folder(dir, kind)
  local found = {}
  for _, ext in ipairs({ "lua", "tsv" }) do
    local path = dir .. "/" .. kind .. "." .. ext
    local f = io.open(path, "rb")
    if f then f:close(); found[#found + 1] = path end
  end
  if #found > 1 then return nil, "both " .. found[1] .. " and " .. found[2] .. ": keep one" end
  return found[1]
end

-- the lexicon of kind for corpus C: the file given (path), else the one kept in the corpus folder
-- (its .source then says so); nil when there is neither; nil and a message when one is wrong
function M.for_corpus(C, kind, path)
  if path then return M.load(path, kind) end
  local found, err = M.in_folder(C.root, kind)
  if err then return nil, err end
  if not found then return nil end
  local list, lerr = M.load(found, kind)
  if list then list.source = found .. " (found in the corpus folder)" end
  return list, lerr
end

return M
