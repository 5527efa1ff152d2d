-- lector.query.compile: the AST of lector.query.parse turned into the plan that query.c runs
-- (see lector_qplan in host/core/lector.h): expression nodes, a program for a Pike-style NFA, the
-- anchors that drive candidate starts, the labels. Indexes are 0-based, as C wants them.
-- Checks that need the whole query happen here (unknown attributes, regions and labels), with
-- the column of the culprit in the message.
local parse = require "lector.query.parse"

local M = {}

local REGIONS = { s = "s", sentence = "s", p = "p", paragraph = "p", doc = "doc", text = "doc", turn = "turn" }
local MAX_PROG = 20000                -- instructions; {n,m} copies its item, so this bounds them
local UNBOUNDED = 0xFFFFFFFF

-- The positional attributes of attrs (as C:attributes() gives them) as a set, and a phrase
-- naming them for messages.
local function known_attrs(attrs)
  local set, names = { word = true }, { "word" }
  for _, a in ipairs(attrs and attrs.positional or {}) do
    if a ~= "word" then set[a] = true names[#names + 1] = a end
  end
  local phrase = "this corpus has " .. table.concat(names, ", ")
  if #names == 1 then phrase = phrase .. "; `lector index --annotate` adds lemma, pos and xpos" end
  return set, phrase
end

-- compile(q [, attrs]) -> plan | nil, message. attrs: the corpus's attributes, as C:attributes()
-- gives them (without it, tokens have one attribute, word, and regions are s, p, doc and turn).
function M.compile(q, attrs)
  local ast, err = parse.parse(q)
  if not ast then return nil, err end
  local pattrs, pphrase = known_attrs(attrs)
  local sattrs = attrs and attrs.structural or {}
  local nodes, prog, labels, nlabels = {}, {}, {}, 0
  local target = -1

  local function fail(at, msg) error({ msg = parse.caret(q, at or 1, msg) }, 0) end
  local function add_node(n) nodes[#nodes + 1] = n return #nodes - 1 end
  local function emit(op, a, b)
    if #prog >= MAX_PROG then fail(1, "query too large (more than " .. MAX_PROG .. " steps; lower a {n,m} bound)") end
    prog[#prog + 1] = { op = op, a = a or 0, b = b or 0 }
    return #prog - 1
  end
  local function patch(pc, field, v) prog[pc + 1][field] = v end
  local function label_slot(name, at, define)
    if labels[name] == nil then
      if not define then fail(at, "label '" .. name .. "' is not defined in the query") end
      labels[name] = nlabels
      nlabels = nlabels + 1
    elseif define then
      fail(at, "label '" .. name .. "' is defined twice")
    end
    return labels[name]
  end
  local function flagbits(f)
    local b = 0
    if f:find("c") then b = b | 1 end
    if f:find("d") then b = b | 2 end
    if f:find("l") then b = b | 4 end
    return b
  end

  -- token tests
  local function test(t)
    if t.k == "any" then return add_node { op = "any" } end
    if t.k == "word" then
      local attr = t.attr or "word"
      if not pattrs[attr] then fail(t.at, "unknown attribute '" .. attr .. "' (" .. pphrase .. ")") end
      local f = flagbits(t.flags)
      if t.bare then f = f | 1 end          -- bare strings ignore case (lector's default)
      local n = add_node { op = "word", re = t.re, flags = f, key = attr ~= "word" and attr or nil }
      if t.neg then n = add_node { op = "not", a = n } end
      return n
    end
    if t.k == "not" then return add_node { op = "not", a = test(t[1]) } end
    local a, b = test(t[1]), test(t[2])
    return add_node { op = t.k, a = a, b = b }
  end

  local function region_names()
    local extra = {}
    for name in pairs(sattrs) do if not REGIONS[name] then extra[#extra + 1] = name end end
    table.sort(extra)
    return "s, p, doc, turn" .. (#extra > 0 and ", " .. table.concat(extra, ", ") or "")
  end
  -- a tag with attributes names an imported element's regions (<s id="x">) where there are such;
  -- without, the built-in ones (an imported <s> is a sentence too). "@name" is an element's.
  local function region(n)
    local r = (#n.attrs > 0 and sattrs[n.region] and REGIONS[n.region] ~= "doc" and "@" .. n.region)
      or REGIONS[n.region] or (sattrs[n.region] and "@" .. n.region)
    if not r then fail(n.at, "unknown region <" .. n.region .. ">: use " .. region_names()) end
    return r
  end

  -- returns min, max (nil: unbounded), anchors {test=, minoff=, maxoff=} relative to the start
  local function gen(n)
    if n.k == "tok" then
      if n.label then emit("label", label_slot(n.label, n.at, true)) end
      if n.target then
        if target >= 0 then fail(n.at, "only one @ target per query") end
        target = label_slot("@", n.at, true)
        emit("label", target)
      end
      local t = test(n.test)
      emit("tok", t)
      local anchors = {}
      if n.test.k ~= "any" then anchors[1] = { test = t, minoff = 0, maxoff = 0 } end
      return 1, 1, anchors
    elseif n.k == "open" or n.k == "close" then
      local r = region(n)
      if n.k == "close" and #n.attrs > 0 then fail(n.at, "a closing tag takes no attributes") end
      local m = -1
      for _, a in ipairs(n.attrs) do
        local x = add_node { op = "meta", key = a.key, re = a.re, flags = flagbits(a.flags) }
        m = m < 0 and x or add_node { op = "and", a = m, b = x }
      end
      emit(n.k, r, m)
      return 0, 0, {}
    elseif n.k == "seq" then
      local lo, hi, anchors = 0, 0, {}
      for _, it in ipairs(n.items) do
        local a, b, an = gen(it)
        for _, x in ipairs(an) do
          anchors[#anchors + 1] = { test = x.test, minoff = lo + x.minoff,
                                    maxoff = (hi and x.maxoff) and hi + x.maxoff or nil }
        end
        lo = lo + a
        hi = (hi and b) and hi + b or nil
      end
      return lo, hi, anchors
    elseif n.k == "alt" then
      local jumps, lo, hi = {}, nil, 0
      for i, it in ipairs(n.items) do
        local split
        if i < #n.items then split = emit("split", #prog + 1, 0) end
        local a, b = gen(it)
        lo = lo and math.min(lo, a) or a
        hi = (hi and b) and math.max(hi, b) or nil
        if i < #n.items then
          jumps[#jumps + 1] = emit("jmp", 0)
          patch(split, "b", #prog)
        end
      end
      for _, j in ipairs(jumps) do patch(j, "a", #prog) end
      return lo, hi, {}
    elseif n.k == "rep" then
      local min, max = n.min, n.max
      if max and max < min then fail(n.at, "{" .. min .. "," .. max .. "}: the bound is below the minimum") end
      if (max or min) > 1000 then fail(n.at, "repetition bound above 1000") end
      if n.item.label and (max or 2) > 1 then fail(n.at, "a labelled token cannot repeat") end
      local a, b, anchors = 0, 0, {}
      for i = 1, min do
        local x, y, an = gen(n.item)
        if i == 1 then anchors = an end
        a, b = x, y
      end
      local ilo, ihi = a, b
      if min == 0 then ilo, ihi = nil, nil end
      if max == false or max == nil then
        -- x*: L0: split L1, end; L1: x; jmp L0
        local l0 = emit("split", #prog + 1, 0)
        local x, y = gen(n.item)
        ilo, ihi = ilo or x, ihi or y
        emit("jmp", l0)
        patch(l0, "b", #prog)
        return min * ilo, nil, anchors
      end
      local splits = {}
      for _ = min + 1, max do
        splits[#splits + 1] = emit("split", #prog + 1, 0)
        local x, y = gen(n.item)
        ilo, ihi = ilo or x, ihi or y
      end
      for _, s in ipairs(splits) do patch(s, "b", #prog) end
      return min * (ilo or 0), ihi and max * ihi or nil, anchors
    elseif n.k == "error" then
      fail(n.at, n.msg)
    end
    fail(n.at, "cannot compile this part of the query")
  end

  local function cond(c)
    if c.k == "not" then return add_node { op = "not", a = cond(c[1]) } end
    if c.k == "and" or c.k == "or" then
      local a, b = cond(c[1]), cond(c[2])
      return add_node { op = c.k, a = a, b = b }
    end
    if c.a == "match" then
      -- CQP's match.text_KEY (text is CQP's document); lector also says doc_KEY
      local key = c.attr:match("^doc_(.+)$") or c.attr:match("^text_(.+)$")
      if not key or not c.re then
        fail(c.at, "match." .. c.attr .. ": use match.doc_KEY = \"re\" to test a metadata field of the match's document")
      end
      local n = add_node { op = "meta", key = key, re = c.re, flags = flagbits(c.flags or "") }
      if c.neg then n = add_node { op = "not", a = n } end
      return n
    end
    if c.attr ~= "word" then fail(c.at, "a comparison after :: tests the word only, not '" .. c.attr .. "'") end
    if c.battr and c.battr ~= "word" then fail(c.bat, "a comparison after :: tests the word only, not '" .. c.battr .. "'") end
    local a = label_slot(c.a, c.at, false)
    local b = c.b and label_slot(c.b, c.bat, false) or -1
    local n = add_node { op = "cmp", a = a, b = b, re = c.re, flags = flagbits(c.flags or "") }
    if c.neg then n = add_node { op = "not", a = n } end
    return n
  end

  local ok, e = pcall(function()
    local body = ast.body
    local plan = { nodes = nodes, prog = prog, anchors = {}, cond = -1, within = -1, within_n = 0 }
    local branches = body.k == "alt" and body.items or { body }
    if body.k == "alt" then
      -- a top-level alternation: each branch has its own anchors (a group)
      local jumps = {}
      for i, it in ipairs(branches) do
        local split
        if i < #branches then split = emit("split", #prog + 1, 0) end
        local _, _, an = gen(it)
        for _, x in ipairs(an) do
          plan.anchors[#plan.anchors + 1] = { group = i - 1, test = x.test, minoff = x.minoff, maxoff = x.maxoff or UNBOUNDED }
        end
        if i < #branches then
          jumps[#jumps + 1] = emit("jmp", 0)
          patch(split, "b", #prog)
        end
      end
      for _, j in ipairs(jumps) do patch(j, "a", #prog) end
    else
      local _, _, an = gen(body)
      for _, x in ipairs(an) do
        plan.anchors[#plan.anchors + 1] = { group = 0, test = x.test, minoff = x.minoff, maxoff = x.maxoff or UNBOUNDED }
      end
    end
    plan.ngroups = #branches
    emit("match")
    if ast.within then
      local w = ast.within
      if w.n then
        if w.n < 1 then fail(w.at, "within needs at least 1 token") end
        plan.within_n = math.min(w.n, UNBOUNDED)
      else
        local r = REGIONS[w.kind] or (sattrs[w.kind] and "@" .. w.kind)
        if not r then fail(w.at, "unknown region '" .. w.kind .. "' after within: use " .. region_names() .. " or a number") end
        plan.within = r
      end
    end
    if ast.cond then plan.cond = cond(ast.cond) end
    plan.nlabels = nlabels
    plan.target = target
    plan.labels = labels
    return plan
  end)
  if not ok then
    if type(e) == "table" then return nil, e.msg end
    return nil, parse.caret(q, 1, "query too complex: " .. tostring(e))
  end
  return e
end

return M
