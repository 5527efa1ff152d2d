-- lector.repl.complete: what Tab offers in the REPL. Globals and keywords; the fields of tables
-- (raw, and through __index tables); the methods and fields of lector objects through their
-- metatables. Chains such as `corpus:doc(1).ti` or `corpus:hits("x")[1].doc:wo` are resolved
-- without running any code: live values are read raw, and what a lector method returns comes
-- from the table of result types below, so completing never opens a corpus or calls a function.
local M = {}

local keywords = { "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto",
  "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }

-- The static types of lector's objects: their fields (name -> type) and what their methods
-- return. A type is an object name ("Corpus"), a Lua type ("string", "number", "table"), or
-- {list = T} (a table of T), {iter = T} (an iterator yielding T). Methods added later (issue
-- branches, packs) complete from the live metatables all the same; only chains through them need
-- an entry here. `index` is the type of obj[i].
M.types = {
  Corpus = {
    fields = { tokens = "number", types = "number", files = "number", root = "string" },
    returns = { docs = { iter = "Document" }, doc = "Document", count = "number", hits = "Hits",
      find = "Hits", forms = "table", hitset = "Hits", info = "table", query = "Hits", query_count = "number",
      where = "Corpus", freq = { list = "table" }, near = { list = "table" }, ngrams = { list = "table" },
      keywords = { list = "table" }, sentences_at = { list = "Span" }, texts = { list = "string" } },
  },
  Document = {
    fields = { id = "number", name = "string", path = "string", line = "number", title = "string",
      date = "string", year = "number", meta = "table", tokens = "number", first = "number",
      last = "number", bytes = "number", corpus = "Corpus" },
    returns = { text = "string", sentences = { iter = "Span" }, paragraphs = { iter = "Span" },
      turns = { iter = "Span" }, boilerplate = { iter = "Span" }, words = { list = "string" }, locate = "number" },
  },
  Hits = {
    fields = {},
    returns = { count = "number", each = { iter = "Hit" }, kwic = { list = "string" }, by = "table",
      docs = { list = "Document" }, spans = { list = "number" }, texts = { list = "string" },
      sort = "Hits", union = "Hits", intersect = "Hits", minus = "Hits", group = { list = "table" },
      targets = { list = "number" }, tabulate = { list = "table" }, sentences = { list = "number" } },
    index = "Hit",
  },
  Hit = {
    fields = { doc = "Document", start = "number", stop = "number", byte_start = "number",
      byte_end = "number", sentence = "Span", paragraph = "Span", turn = "Span" },
    returns = { text = "string", tokens = { list = "string" }, kwic = "string" },
  },
  Span = {
    fields = { kind = "string", doc = "Document", start = "number", stop = "number",
      byte_start = "number", byte_end = "number", speaker = "string" },
    returns = { text = "string", tokens = { list = "string" } },
  },
  string = {
    fields = {},
    returns = { upper = "string", lower = "string", sub = "string", rep = "string", reverse = "string",
      format = "string", gsub = "string", len = "number", byte = "number", find = "number" },
  },
}

-- What functions of the module return, by their API name.
M.function_returns = { ["lector.open"] = "Corpus", ["lector.tokenize"] = { list = "string" } }

local function object_type(v)
  local mt = getmetatable(v)
  local name = type(mt) == "table" and rawget(mt, "__name")
  if type(name) == "string" then
    local t = name:match("^lector%.(%a+)$")
    if t and M.types[t] then return t end
  end
  if type(v) == "string" then return "string" end
  return nil
end

-- The table of methods a lector type's metatable keeps (its "methods" field or __index table).
local function methods_of(tname)
  if tname == "string" then return string end
  local mt = debug.getregistry()["lector." .. tname]
  if type(mt) ~= "table" then return nil end
  local m = rawget(mt, "methods")
  if type(m) ~= "table" then m = rawget(mt, "__index") end
  return type(m) == "table" and m or nil
end

-- Raw lookup of k in a table, following __index tables (never functions: no code runs).
local function raw_field(t, k)
  for _ = 1, 10 do
    local v = rawget(t, k)
    if v ~= nil then return v end
    local mt = getmetatable(t)
    local idx = type(mt) == "table" and rawget(mt, "__index")
    if type(idx) ~= "table" then return nil end
    t = idx
  end
end

-- A state of the resolution: {value = v} for a live value, {type = T} for a static one.
local function of_type(t)
  if type(t) == "string" and M.types[t] == nil then return nil end  -- number, table: nothing to complete
  return t and { type = t } or nil
end

local function field(st, k)
  if st.value ~= nil then
    local v = st.value
    local tn = object_type(v)
    if tn and tn ~= "string" then
      if type(v) == "table" and rawget(v, k) ~= nil then return { value = rawget(v, k) } end
      return of_type(M.types[tn].fields[k])
    end
    if type(v) == "table" then
      local f = raw_field(v, k)
      if f ~= nil then return { value = f } end
    end
    return nil
  end
  local t = M.types[st.type]
  return t and of_type(t.fields[k])
end

local function method_call(st, k)
  local tn = st.value ~= nil and object_type(st.value) or st.type
  if type(tn) ~= "string" or not M.types[tn] then return nil end
  return of_type(M.types[tn].returns[k])
end

local function call(st)
  if type(st.type) == "table" and st.type.iter then return of_type(st.type.iter) end
  if type(st.value) == "function" then
    local ok, lector = pcall(require, "lector")
    local name = ok and lector._names[st.value]
    return name and of_type(M.function_returns[name])
  end
  return nil
end

local function index(st, lit)
  if st.value ~= nil then
    local v = st.value
    local tn = object_type(v)
    if tn and M.types[tn].index then return of_type(M.types[tn].index) end
    if type(v) == "table" and lit ~= nil then
      local f = raw_field(v, lit)
      if f ~= nil then return { value = f } end
    end
    return nil
  end
  if type(st.type) == "table" and st.type.list then return of_type(st.type.list) end
  local t = M.types[st.type]
  return t and t.index and of_type(t.index)
end

-- The expression before the separator, read backwards from position i: a name followed by
-- .name, :name(...), (...) and [...] steps. Returns where it starts, or nil.
local function chain_start(s, i)
  local function skip_space(j) while j > 0 and s:sub(j, j):match("%s") do j = j - 1 end return j end
  local function matching_open(j)
    local close = s:sub(j, j)
    local open = close == ")" and "(" or close == "]" and "[" or "{"
    local depth = 0
    while j > 0 do
      local c = s:sub(j, j)
      if c == '"' or c == "'" then
        j = j - 1
        while j > 0 and not (s:sub(j, j) == c and s:sub(j - 1, j - 1) ~= "\\") do j = j - 1 end
      elseif c == close then depth = depth + 1
      elseif c == open then
        depth = depth - 1
        if depth == 0 then return j end
      end
      j = j - 1
    end
  end
  while true do
    i = skip_space(i)
    local c = s:sub(i, i)
    if c == ")" or c == "]" or c == "}" or c == '"' or c == "'" then
      local j
      if c == '"' or c == "'" then   -- f"arg" or f'arg'
        j = i - 1
        while j > 0 and not (s:sub(j, j) == c and s:sub(j - 1, j - 1) ~= "\\") do j = j - 1 end
        if j < 1 then return nil end
      else
        j = matching_open(i)
        if not j then return nil end
      end
      i = j - 1
    elseif c:match("[%w_]") then
      local j = i
      while j > 1 and s:sub(j - 1, j - 1):match("[%w_]") do j = j - 1 end
      local k = skip_space(j - 1)
      local sep = s:sub(k, k)
      if sep == "." and s:sub(k - 1, k - 1) ~= "." or sep == ":" and s:sub(k - 1, k - 1) ~= ":" then
        i = k - 1
      else
        if s:sub(j, j):match("%d") then return nil end
        return j
      end
    else
      return nil
    end
  end
end

-- Resolves a chain such as `corpus:hits("x")[1].doc` to a state, or nil.
local function resolve(chain, env)
  local name, pos = chain:match("^([%a_][%w_]*)()")
  if not name then return nil end
  local v = rawget(env, name)
  if v == nil then return nil end
  local st = { value = v }
  local function arg_at(p)   -- the end of a call's arguments: (...), "...", '...' or {...}
    local e = chain:match("^%s*%b()()", p) or chain:match("^%s*%b{}()", p)
      or chain:match('^%s*"[^"]*"()', p) or chain:match("^%s*'[^']*'()", p)
    return e
  end
  while st and pos <= #chain do
    local k, e = chain:match("^%s*%.%s*([%a_][%w_]*)()", pos)
    if k then
      st, pos = field(st, k), e
    else
      k, e = chain:match("^%s*:%s*([%a_][%w_]*)()", pos)
      if k then
        local e2 = arg_at(e)
        if not e2 then return nil end
        st, pos = method_call(st, k), e2
      else
        local inner
        inner, e = chain:match("^%s*(%b[])()", pos)
        if inner then
          local lit = inner:sub(2, -2):match("^%s*(.-)%s*$")
          lit = math.tointeger(tonumber(lit)) or lit:match('^"([%w_]*)"$') or lit:match("^'([%w_]*)'$")
          st, pos = index(st, lit), e
        else
          e = arg_at(pos)
          if not e then return nil end
          st, pos = call(st), e
        end
      end
    end
  end
  return st
end

local function add_keys(t, into, only_functions)
  local n = 0
  while type(t) == "table" and n < 10 do
    for k, v in next, t do
      if type(k) == "string" and k:match("^[%a_][%w_]*$") and (not only_functions or type(v) == "function") then
        into[k] = true
      end
    end
    local mt = getmetatable(t)
    t = type(mt) == "table" and rawget(mt, "__index") or nil
    n = n + 1
  end
end

-- The names that can follow `sep` (. or :) after the state st.
local function members(st, sep)
  local names = {}
  local tn = st.value ~= nil and object_type(st.value) or st.type
  if type(tn) == "string" and M.types[tn] then
    add_keys(methods_of(tn), names, true)
    if sep == "." and tn ~= "string" then
      for k in pairs(M.types[tn].fields) do names[k] = true end
      if type(st.value) == "table" then add_keys(st.value, names) end
    end
  elseif type(st.value) == "table" then
    add_keys(st.value, names, sep == ":")
  end
  return names
end

-- The dot commands, for completing `.lo`.
M.commands = {}

-- listdir(dir) -> names, folders ending in "/" (repl.c gives it; nil: no path completion).
M.listdir = nil

-- Completes a path: where it starts in text and the paths it can become.
local function paths(text, from)
  local path = text:sub(from)
  local out = {}
  if not M.listdir then return from, out end
  local dir, base = path:match("^(.*/)(.*)$")
  if not dir then dir, base = "", path end
  local names = M.listdir(dir == "" and "." or dir) or {}
  for _, name in ipairs(names) do
    if name:sub(1, #base) == base and (base:sub(1, 1) == "." or name:sub(1, 1) ~= ".") then
      out[#out + 1] = dir .. name
    end
  end
  table.sort(out)
  return from, out
end

-- Completions for the text before the cursor: where the word being completed starts (1-based)
-- and the sorted list of words that can replace it.
function M.candidates(text, env)
  env = env or _G
  local out = {}
  local arg_at = text:match("^%s*%.%a+%s+()")
  if arg_at then return paths(text, arg_at) end   -- .load FILE, .corpus DIR, .save FILE
  local cmd = text:match("^%s*%.([%a]*)$")
  if cmd then
    for _, c in ipairs(M.commands) do
      if c:sub(1, #cmd) == cmd then out[#out + 1] = "." .. c end
    end
    table.sort(out)
    return text:find("%.") , out
  end
  -- inside a string literal: a path (quotes counted outside of escapes)
  local quote, opened
  local i = 1
  while i <= #text do
    local c = text:sub(i, i)
    if c == "\\" then i = i + 1
    elseif c == '"' or c == "'" then
      if not quote then quote, opened = c, i elseif quote == c then quote = nil end
    end
    i = i + 1
  end
  if quote then return paths(text, opened + 1) end
  local word = text:match("[%a_][%w_]*$") or ""
  local start = #text - #word + 1
  if word:match("^%d") then return start, out end
  local before = text:sub(1, start - 1)
  local sep = before:match("([%.:])%s*$")
  local names
  if sep and not before:match("%.%.%s*$") and not before:match("::%s*$") then
    local sep_at = #before:match("^(.-)[%.:]%s*$") + 1
    local from = chain_start(before, sep_at - 1)
    if not from then return start, out end
    local st = resolve(before:sub(from, sep_at - 1), env)
    if not st then return start, out end
    names = members(st, sep)
  else
    names = {}
    add_keys(env, names)
    for _, k in ipairs(keywords) do names[k] = true end
  end
  for k in pairs(names) do
    if k:sub(1, #word) == word then out[#out + 1] = k end
  end
  table.sort(out)
  return start, out
end

return M
