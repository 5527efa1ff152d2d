-- lector.core: the half of the Lua API that is better written in Lua. luaopen_lector (C) calls
-- it once with the module table and the method tables of Corpus, Document and Hits.
local lpeg = require "lpeg"

return function(lector, Corpus, Document, Hits)
  local names = lector._names
  local check_options = lector._check_options      -- the one checker of option tables (lua_options.c)

  local function register(tbl, prefix, fns)
    for name, fn in pairs(fns) do
      tbl[name] = fn
      names[fn] = prefix .. name
    end
  end

  -- A pattern that finds p anywhere, returning where each match starts and ends (1-based, end
  -- exclusive). p's own captures are dropped (p / 0).
  local function searcher(p)
    local cp = lpeg.Cp()
    return lpeg.P { cp * (p / 0) * cp + 1 * lpeg.V(1) }
  end

  local function doc_list(corpus, docs)
    if docs == nil then return corpus:docs() end
    if type(docs) ~= "table" or getmetatable(docs) then docs = { docs } end
    local i = 0
    return function()
      i = i + 1
      local d = docs[i]
      if type(d) == "string" or type(d) == "number" then
        d = assert(corpus:doc(d))
      end
      return d
    end
  end

  register(Corpus, "Corpus:", {
    -- C:find(pattern [, opts]) -> Hits: an LPeg pattern (or a literal string) searched in the text
    -- of every document (or opts.docs); each match becomes the hit of the tokens it overlaps.
    find = function(self, patt, opts)
      if type(patt) == "string" then patt = lpeg.P(patt) end
      if lpeg.type(patt) ~= "pattern" then
        error("bad argument #1 to 'find' (LPeg pattern or string expected, got " .. type(patt) .. ")", 2)
      end
      check_options(opts, "C:find", { docs = "any", limit = "integer", boilerplate = "boolean" })
      opts = opts or {}
      local search = searcher(patt)
      local starts, stops, n = {}, {}, 0
      for d in doc_list(self, opts.docs) do
        local text, init = d:text(), 1
        while init <= #text do
          local s, e = search:match(text, init)
          if not s then break end
          if e > s then
            local a, b = d:locate(s - 1, e - 1)
            if a and not (n > 0 and starts[n] == a and stops[n] == b) then
              n = n + 1
              starts[n], stops[n] = a, b
            end
            init = e
          else
            init = s + 1
          end
          if opts.limit and n >= opts.limit then break end
        end
        if opts.limit and n >= opts.limit then break end
      end
      return self:hitset(starts, stops, { boilerplate = opts.boilerplate })
    end,
  })

  -- The value of a document's field for C:where: its own fields, else its metadata.
  local own = { id = true, name = true, path = true, line = true, title = true, date = true,
                year = true, tokens = true, bytes = true }
  local function field(d, k)
    if own[k] then return d[k] end
    return d.meta[k]
  end

  -- A test of one field's value against what C:where was given for it.
  local function value_test(k, want)
    local function same(v, w)
      if type(w) == "number" then return tonumber(v) == w end
      return v ~= nil and tostring(v) == w
    end
    if type(want) == "function" then return want end
    if type(want) ~= "table" then
      if type(want) ~= "string" and type(want) ~= "number" and type(want) ~= "boolean" then
        error("where: " .. k .. ": expected a value, a list, {from = , to = } or a function", 4)
      end
      return function(v) return same(v, want) end
    end
    local from, to = want.from, want.to
    if from == nil and to == nil and #want == 2 and type(want[1]) == "number" and type(want[2]) == "number" then
      from, to = want[1], want[2]                              -- year = {2002, 2004}
    end
    if from ~= nil or to ~= nil then
      local numeric = type(from or to) == "number"
      return function(v)
        if numeric then v = tonumber(v) end
        if v == nil then return false end
        v = numeric and v or tostring(v)
        return (from == nil or v >= from) and (to == nil or v <= to)
      end
    end
    for i, w in ipairs(want) do
      if type(w) ~= "string" then
        error("where: " .. k .. ": a list is {from, to} for numbers, or strings to choose from (item " .. i .. ")", 4)
      end
    end
    return function(v)
      for _, w in ipairs(want) do if same(v, w) then return true end end
      return false
    end
  end

  -- The fields C:where can test on a corpus: a document's own, and the metadata keys of any document.
  local function corpus_fields(corpus)
    local fields, seen = {}, {}
    for k in pairs(own) do fields[#fields + 1] = k; seen[k] = true end
    for d in corpus:docs() do
      for k in pairs(d.meta or {}) do
        if not seen[k] then seen[k] = true; fields[#fields + 1] = k end
      end
    end
    return fields
  end

  local function where_test(filter, corpus)
    if type(filter) == "function" then return filter end
    if type(filter) ~= "table" then
      error("bad argument #1 to 'where' (table or function expected, got " .. type(filter) .. ")", 3)
    end
    local tests = {}
    check_options(filter, "C:where", corpus_fields(corpus), 3, "field")
    for k, want in pairs(filter) do tests[#tests + 1] = { k, value_test(k, want) } end
    return function(d)
      for _, t in ipairs(tests) do
        if not t[2](field(d, t[1])) then return false end
      end
      return true
    end
  end

  register(Corpus, "Corpus:", {
    -- C:where(filter) -> the subcorpus of the documents that pass filter: a table of field
    -- tests (all must pass) or a function of the document.
    where = function(self, filter)
      local test, ids = where_test(filter, self), {}
      for d in self:docs() do
        if test(d) then ids[#ids + 1] = d.id end
      end
      return self:_narrow(ids)
    end,
  })

  -- C:freq{by = FIELD} for a metadata field (party, speaker, kind ...) rather than an attribute: the
  -- words counted in each group of documents, side by side. Rows {form, count, groups = {value =
  -- count}} from the most frequent in all; the second result the tokens of each group. min and
  -- limit apply to the counts in all the groups.
  local raw_freq = Corpus.freq
  register(Corpus, "Corpus:", {
    freq = function(self, opts)
      check_options(opts, "C:freq")
      local by = type(opts) == "table" and opts.by or nil
      if not by then return raw_freq(self, opts) end
      for _, a in ipairs(self:attributes().positional) do
        if a == by then return raw_freq(self, opts) end
      end
      local values, docs = {}, {}      -- the documents of each value, in one pass
      for d in self:docs() do
        local v = d.meta and d.meta[by]
        if v then
          if not docs[v] then docs[v] = {}; values[#values + 1] = v end
          table.insert(docs[v], d)
        end
      end
      if #values == 0 then return raw_freq(self, opts) end      -- names neither: its error
      table.sort(values)
      local o = {}
      for k, v in pairs(opts) do o[k] = v end
      o.by, o.limit, o.min = nil, nil, nil
      local rows, index, tokens = {}, {}, {}
      for _, v in ipairs(values) do
        local part, n = raw_freq(self, setmetatable({ docs = docs[v] }, { __index = o }))
        tokens[v] = n
        for _, r in ipairs(part) do
          local row = index[r.form]
          if not row then
            row = { form = r.form, count = 0, groups = {} }
            index[r.form] = row
            rows[#rows + 1] = row
          end
          row.count = row.count + r.count
          row.groups[v] = r.count
        end
      end
      table.sort(rows, function(a, b)
        if a.count ~= b.count then return a.count > b.count end
        return a.form < b.form
      end)
      local out = {}
      for _, r in ipairs(rows) do
        if (not opts.min or r.count >= opts.min) and (not opts.limit or #out < opts.limit) then out[#out + 1] = r end
      end
      return out, tokens
    end,
  })

  -- C:dispersion(term [, opts]): range, Juilland's D, Gries's DP (lector.dispersion)
  register(Corpus, "Corpus:", { dispersion = require "lector.dispersion"(check_options) })

  register(Hits, "Hits:", {
    -- hits:texts() -> list of the matched texts, as written
    texts = function(self)
      local t = {}
      for h in self:each() do t[#t + 1] = h:text() end
      return t
    end,
  })

  return lector
end
