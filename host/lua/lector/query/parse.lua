-- lector.query.parse: CQP's query language (the subset of doc/query.md) parsed with LPeg into an
-- AST of plain tables. Every node keeps `at`, its column in the query (1-based), so that later
-- stages can point at it too. A syntax error returns nil and a message that names the column,
-- followed by the query and a caret under the place where the parser could go no further.
--
-- AST nodes:
--   {k="tok", test=T, label=name?, target=bool?}     one token; T is a test tree:
--       {k="any"} | {k="word", re=s, flags=s, neg=bool, bare=bool} | {k="not", a} | {k="and"/"or", a, b}
--   {k="seq", items} | {k="alt", items} | {k="rep", item, min, max(nil: no bound)}
--   {k="open"/"close", region=s, attrs={{key, re, flags}...}}
--   top: {k="query", body, within={kind=s}|{n=N}|nil, cond=C|nil}
--       C: {k="cmp", a=label, b=label|nil, re=s|nil, flags, neg=bool} | {k="not"/"and"/"or", ...}
local lpeg = require "lpeg"
local P, S, R, C, Ct, Cc, Cp, V, Cmt = lpeg.P, lpeg.S, lpeg.R, lpeg.C, lpeg.Ct, lpeg.Cc, lpeg.Cp, lpeg.V, lpeg.Cmt

local M = {}

local far = 0                         -- the furthest position a terminal reached (for errors)
local function mark(p)
  return p * Cmt(Cp(), function(_, i) if i > far then far = i end return true end)
end

local space = S " \t\r\n" ^ 0
local function T(p) return space * mark(P(p)) end     -- a terminal after optional space
local digit = R "09"
local name = C((R("az", "AZ") + P "_") * (R("az", "AZ", "09") + S "_-") ^ 0)
local number = C(digit ^ 1) / tonumber

-- a quoted string: "..." or '...', with \x escapes kept for the regex engine (\" becomes ")
local function quoted(q)
  local body = ((P "\\" * P(q)) / q + P "\\" * P(1) + (1 - P(q) - P "\\")) ^ 0
  return P(q) * lpeg.Cs(body) * mark(P(q))
end
local str = space * mark(quoted '"' + quoted "'")
local flags = (P "%" * C(S "cdlCDL" ^ 1)) ^ -1 / function(f) return f and f:lower() or "" end
local strf = str * flags

local function node(k, ...) return { k = k, ... } end
local function at(p) return Cp() * p end

local function fold_binary(k)
  return function(first, ...)
    local t = first
    local rest = { ... }
    for i = 1, #rest do t = { k = k, t, rest[i] } end
    return t
  end
end

local G = P {
  "query",
  -- CQP writes `within` before or after the global constraint: both are taken
  query = Ct(at(V "body") * (space * V "within") ^ -1 * (space * V "cond") ^ -1 * (space * V "within") ^ -1
    * T ";" ^ -1 * space)
    / function(t) return t end,
  body = V "alt",
  alt = Ct(V "seq" * (T "|" * V "seq") ^ 0)
    / function(t) if #t == 1 then return t[1] end return { k = "alt", items = t, at = t[1].at } end,
  seq = Ct(V "item" * (V "item") ^ 0)
    / function(t) if #t == 1 then return t[1] end return { k = "seq", items = t, at = t[1].at } end,
  item = space * (Cp() * V "labelled" * V "quant" ^ -1)
    / function(pos, it, q)
      it.at = it.at or pos
      if q then return { k = "rep", item = it, min = q[1], max = q[2], at = pos } end
      return it
    end,
  labelled = ((mark(P "@") * Cc(true) + Cc(false)) * space * (name * mark(P ":") * -P ":" + Cc(false)) * space * V "atom")
    / function(target, label, atom)
      if (label or target) and atom.k ~= "tok" then
        return { k = "error", msg = "a label or @ can only stand before a token", at = atom.at }
      end
      atom.label, atom.target = label or nil, target or nil
      return atom
    end,
  atom = Cp() * (V "token" + V "bare" + V "group" + V "tag") / function(pos, n) n.at = n.at or pos return n end,
  token = mark(P "[") * space * (V "texpr" + Cc { k = "any" }) * T "]"
    / function(t) return { k = "tok", test = t } end,
  bare = strf / function(re, f) return { k = "tok", test = { k = "word", re = re, flags = f, bare = true } } end,
  group = mark(P "(") * V "alt" * T ")" / function(n) return n end,
  tag = mark(P "<") * space * C(P "/" ^ -1) * name * Ct(V "tagattr" ^ 0) * T ">"
    / function(slash, region, attrs)
      return { k = slash == "/" and "close" or "open", region = region, attrs = attrs }
    end,
  tagattr = space * at(name) * T "=" * strf / function(pos, key, re, f) return { key = key, re = re, flags = f, at = pos } end,
  quant = space * (mark(P "?") * Cc { 0, 1 } + mark(P "*") * Cc { 0, false } + mark(P "+") * Cc { 1, false }
    + mark(P "{") * space * number * space
      * (mark(P ",") * space * (number + Cc(false)) + Cc(nil)) * space * mark(P "}")
    / function(n, m) if m == nil then return { n, n } end return { n, m } end),
  -- token tests: | binds loosest, then &, then !
  texpr = Ct(V "tand" * (T "|" * V "tand") ^ 0) / function(t) return fold_binary("or")(table.unpack(t)) end,
  tand = Ct(V "tnot" * (T "&" * V "tnot") ^ 0) / function(t) return fold_binary("and")(table.unpack(t)) end,
  tnot = T "!" * V "tnot" / function(a) return { k = "not", a } end + V "tprim",
  tprim = T "(" * V "texpr" * T ")" + V "ttest",
  ttest = space * at(name) * space * mark(C(P "!=" + P "=")) * strf
    / function(pos, attr, op, re, f) return { k = "word", attr = attr, re = re, flags = f, neg = op == "!=", at = pos } end,
  within = mark(P "within") * space * at(number + name) / function(pos, w)
    if type(w) == "number" then return { k = "within", n = w, at = pos } end
    return { k = "within", kind = w, at = pos }
  end,
  cond = mark(P "::") * V "cor" / function(c) return { k = "cond", c } end,
  cor = Ct(V "cand" * (T "|" * V "cand") ^ 0) / function(t) return fold_binary("or")(table.unpack(t)) end,
  cand = Ct(V "cnot" * (T "&" * V "cnot") ^ 0) / function(t) return fold_binary("and")(table.unpack(t)) end,
  cnot = T "!" * V "cnot" / function(a) return { k = "not", a } end + T "(" * V "cor" * T ")" + V "cmp",
  cmp = space * at(name) * mark(P ".") * name * space * mark(C(P "!=" + P "=")) * space
    * (at(name) * mark(P ".") * name * flags / function(pos, l, a, f) return { label = l, attr = a, flags = f, at = pos } end
      + strf / function(re, f) return { re = re, flags = f } end)
    / function(pos, l, attr, op, rhs)
      return { k = "cmp", a = l, attr = attr, b = rhs.label, battr = rhs.attr, re = rhs.re, flags = rhs.flags,
               neg = op == "!=", at = pos, bat = rhs.at }
    end,
}

-- The message, the query (a window of it around col when it is long) and a caret under col.
local function caret(q, col, msg)
  local line = q:gsub("[\r\n\t]", " ")
  local at = col
  if #line > 100 then
    local from = math.max(1, col - 40)
    local piece = line:sub(from, from + 79)
    at = col - from + 1
    if from > 1 then piece, at = "..." .. piece, at + 3 end
    if from + 79 < #line then piece = piece .. "..." end
    line = piece
  end
  return string.format("%s at column %d\n  %s\n  %s^", msg, col, line, string.rep(" ", at - 1))
end
M.caret = caret

-- Splits the top-level captures: the body, then optional within and cond tables.
local function assemble(t)
  local q = { k = "query", body = t[2], at = t[1] }
  for i = 3, #t do
    local x = t[i]
    if type(x) == "table" and x.k == "within" then q.within = x
    elseif type(x) == "table" and x.k == "cond" then q.cond = x[1] end
  end
  return q
end

-- Finds the first "error" node left by a semantic check inside the grammar.
local function find_error(n)
  if type(n) ~= "table" then return nil end
  if n.k == "error" then return n end
  for k, v in pairs(n) do
    if k ~= "at" and type(v) == "table" then
      local e = find_error(v)
      if e then return e end
    end
  end
end

-- parse(q) -> AST | nil, message
function M.parse(q)
  if type(q) ~= "string" then return nil, "query: expected a string, got " .. type(q) end
  if q:find("^%s*$") then return nil, "empty query" end
  far = 0
  local ok, t = pcall(lpeg.match, G * -P(1), q)
  if not ok then return nil, caret(q, 1, "query too complex: " .. tostring(t)) end
  if not t then
    local col = math.max(far, 1)
    -- point past the space the parser skipped, at the character it could not take
    while col <= #q and q:sub(col, col):match("%s") do col = col + 1 end
    local ch = q:sub(col, col)
    local what = ch == "" and "unexpected end of query" or string.format("syntax error: unexpected '%s'", ch)
    if (ch == '"' or ch == "'") and not q:find(ch, col + 1, true) then what = "unterminated string" end
    return nil, caret(q, col, what)
  end
  local e = find_error(t)
  if e then return nil, caret(q, e.at or 1, e.msg) end
  return assemble(t)
end

return M
