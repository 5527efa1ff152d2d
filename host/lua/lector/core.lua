-- lector.core: the half of the Lua API that is better written in Lua. luaopen_lector (C) calls
-- it once with the module table and the method tables of Corpus, Document and Hits.
local lpeg = require "lpeg"

return function(lector, Corpus, Document, Hits)
  local names = lector._names

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
      return self:hitset(starts, stops)
    end,
  })

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
