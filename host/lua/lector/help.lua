-- lector.help: the documentation of the Lua API, from one source (lector.apidoc) for help() in
-- the REPL, `lector help NAME`, and doc/api.md (written by `make doc`, checked by the specs).
local apidoc = require "lector.apidoc"

local M = {}
M.sections = apidoc.sections

-- Each part of the API documents itself in a module lector.apidoc.TOPIC (host/lua/lector/apidoc/)
-- returning a list of sections; a section with the title of one in lector.apidoc adds its
-- entries there, any other comes after them. Topics are taken in name order.
local function gather_topics()
  local topics = {}
  for name in pairs(package.preload) do
    if name:match("^lector%.apidoc%.") then topics[#topics + 1] = name end
  end
  table.sort(topics)
  local by_title = {}
  for _, s in ipairs(apidoc.sections) do by_title[s.title] = s end
  for _, topic in ipairs(topics) do
    for _, s in ipairs(require(topic)) do
      local into = by_title[s.title]
      if into then
        for _, e in ipairs(s.entries) do into.entries[#into.entries + 1] = e end
      else
        apidoc.sections[#apidoc.sections + 1] = s
        by_title[s.title] = s
      end
    end
  end
end
gather_topics()

local by_name = {}
for _, section in ipairs(apidoc.sections) do
  for _, e in ipairs(section.entries) do
    e.section = section.title
    by_name[e.name] = e
  end
end

-- ------------------------------------------------------------------ one-line summaries

-- Words after which a period does not end a sentence.
local abbreviations = { ["e.g"] = true, ["i.e"] = true, etc = true, cf = true, vs = true, approx = true,
  ca = true, no = true, mr = true, mrs = true, dr = true, st = true }

-- The first sentence of a text, whole: a period ends it only outside parentheses and `code`,
-- followed by a space and not a digit, and not after an abbreviation ("e.g."), an initial
-- ("M. S.") or a word with dots inside ("U.S.", "lector.open"); "1,000.5" is one number.
function M.first_sentence(text)
  local s = text:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
  local depth, code = 0, false
  for i = 1, #s do
    local c = s:sub(i, i)
    if c == "`" then code = not code
    elseif not code then
      if c == "(" or c == "[" then depth = depth + 1
      elseif (c == ")" or c == "]") and depth > 0 then depth = depth - 1
      elseif c == "." and depth == 0 and s:find("^ %D", i + 1) then
        local word = s:sub(1, i - 1):match("(%S*)$"):gsub("^[%(\"'“]+", "")
        local closed = word:find("[%)%]\"`”']$")   -- "(... io.write)." ends where "io.write." would not
        if closed or not (abbreviations[word:lower()] or word:find("^%u$") or word:find("%a%.%a")) then
          return s:sub(1, i)
        end
      end
    end
  end
  return s
end

-- Parenthesized asides taken out of a sentence (outside `code`; not the parentheses of a call,
-- d:text()), for a summary to fit a line.
local function without_asides(s)
  local out, depth, code = {}, 0, false
  for i = 1, #s do
    local c = s:sub(i, i)
    if c == "`" and depth == 0 then code = not code end
    if not code and c == "(" and (depth > 0 or i == 1 or s:find("^ ", i - 1)) then depth = depth + 1
    elseif not code and c == ")" and depth > 0 then depth = depth - 1
    elseif depth == 0 then out[#out + 1] = c end
  end
  return (table.concat(out):gsub(" ([,.;:])", "%1"):gsub("  +", " "))
end

M.summary_width = 100

-- An entry's summary on one line: its first sentence, whole; a sentence longer than a line loses
-- its parenthesized asides, never its end.
function M.summary(e)
  local s = M.first_sentence(e.summary)
  if #s > M.summary_width then s = without_asides(s) end
  return s
end

-- ------------------------------------------------------------------ finding entries

-- Names and aliases compared as people type them: "N-grams", "key words", "sentences at".
local function folded(s) return (s:lower():gsub("[%s%-_]", "")) end

local kinds = { corpus = "Corpus", c = "Corpus", document = "Document", doc = "Document", d = "Document",
  hits = "Hits", h = "Hits", hit = "Hit", span = "Span", s = "Span", sentence = "Span", lector = "lector" }

-- The kind a prefix names ("C", "corpus", "Corpus", "doc"), or a variable of the session holding
-- a lector object ("h" after h = corpus:hits(...)).
local function kind_of(prefix)
  local v = rawget(_G, prefix)
  local mt = v ~= nil and getmetatable(v)
  local name = type(mt) == "table" and rawget(mt, "__name")
  if type(name) == "string" and name:match("^lector%.") then return name:match("^lector%.(%a+)$") end
  if v == require("lector") then return "lector" end
  return kinds[prefix:lower()]
end

local function named(kind, method)
  return by_name[kind .. (kind == "lector" and "." or ":") .. method]
end

local function sorted(list)
  table.sort(list, function(a, b) return a.name < b.name end)
  return list
end

-- The entries a name means, exactly: a function value, "Corpus:near", "C:near", "corpus.near",
-- "h:kwic", or a bare method name ("near"; "count" is the corpus's where others share it, since
-- that is what it means in a session). A list, empty when nothing is called so.
function M.named(x)
  if type(x) == "function" then
    local name = require("lector")._names[x]
    return { by_name[name] }
  end
  x = x:gsub("^%s+", ""):gsub("%s*%(?%)?%s*$", "")
  if by_name[x] then return { by_name[x] } end
  local prefix, method = x:match("^([%a_][%w_]*)[.:]([%a_][%w_]*)$")
  if prefix then
    local kind = kind_of(prefix)
    if kind and named(kind, method) then return { named(kind, method) } end
    if kind == "Hits" and named("Hit", method) then return { named("Hit", method) } end
    x = method
  end
  local found = {}
  for name, e in pairs(by_name) do
    if name:match("[.:]([%w_]+)$") == x then found[#found + 1] = e end
  end
  if #found > 1 and by_name["Corpus:" .. x] then return { by_name["Corpus:" .. x] } end
  return sorted(found)
end

-- The entries one of whose aliases is the word ("collocates" is Corpus:near).
function M.aliased(word)
  local key, found = folded(word), {}
  for _, e in pairs(by_name) do
    for _, a in ipairs(e.aliases or {}) do
      if folded(a) == key then found[#found + 1] = e break end
    end
  end
  return sorted(found)
end

-- Every entry whose name, aliases, signature or text has the word (any case), in the order of
-- the documentation.
function M.apropos(word)
  local needle, key, found = word:lower(), folded(word), {}
  for _, section in ipairs(M.sections) do
    for _, e in ipairs(section.entries) do
      local hit = folded(e.name):find(key, 1, true) or e.sig:lower():find(needle, 1, true)
        or e.summary:gsub("%s+", " "):lower():find(needle, 1, true)
      for _, a in ipairs(e.aliases or {}) do hit = hit or folded(a):find(key, 1, true) end
      if hit then found[#found + 1] = e end
    end
  end
  return found
end

-- Levenshtein distance, for suggesting a name near a misspelled one.
local function distance(a, b)
  local row = {}
  for j = 0, #b do row[j] = j end
  for i = 1, #a do
    local diag, ca = row[0], a:byte(i)
    row[0] = i
    for j = 1, #b do
      local up = row[j]
      row[j] = math.min(up + 1, row[j - 1] + 1, diag + (ca == b:byte(j) and 0 or 1))
      diag = up
    end
  end
  return row[#b]
end

-- The functions whose name or alias is nearest to a word nothing matched, at most three, each
-- once: "Corpus:near", or "collocates (Corpus:near)" when the alias is what is near.
function M.nearest(word)
  local key = folded(word:match("[.:]([^.:]*)$") or word)
  local best = {}
  local function consider(e, label, alias)
    local d = distance(key, folded(label))
    if d <= math.max(2, #key // 3) and (not best[e] or d < best[e].d) then
      best[e] = { d = d, text = alias and (label .. " (" .. e.name .. ")") or e.name }
    end
  end
  for name, e in pairs(by_name) do
    consider(e, name:match("[.:]([%w_]+)$"))
    for _, a in ipairs(e.aliases or {}) do consider(e, a, true) end
  end
  local scored = {}
  for _, b in pairs(best) do scored[#scored + 1] = b end
  table.sort(scored, function(a, b) if a.d ~= b.d then return a.d < b.d end return a.text < b.text end)
  local out = {}
  for i = 1, math.min(3, #scored) do out[i] = scored[i].text end
  return out
end

-- The entries as lines "name  summary", one each.
function M.list(entries)
  local width = 0
  for _, e in ipairs(entries) do width = math.max(width, #e.name) end
  local out = {}
  for i, e in ipairs(entries) do out[i] = string.format("  %-" .. width .. "s  %s", e.name, M.summary(e)) end
  return table.concat(out, "\n") .. "\n"
end

-- The text help() prints for an entry: signature, summary, example.
function M.text(e)
  local ex = e.example:gsub("^\n+", ""):gsub("%s+$", "")
  local also = e.aliases and ("\nAlso found as: " .. table.concat(e.aliases, ", ") .. "\n") or ""
  return string.format("%s\n  %s\n%s\nExample:\n  %s\n", e.sig, e.summary:gsub("\n%s*", " "), also,
    (ex:gsub("\n", "\n  ")))
end

-- What help(x) prints: the entry a function or a name means; else the entry whose alias the word
-- is; else the entries that mention it (one shown whole, several listed); else the nearest names.
function M.answer(x)
  if type(x) ~= "string" and type(x) ~= "function" then
    return "help: expected a function or a name, got " .. type(x) .. "\n"
  end
  local found = M.named(x)
  if #found == 1 then return M.text(found[1]) end
  if type(x) == "function" then return "help: no documentation for this function (not part of the lector API)\n" end
  local section = ({ corpus = "Corpus", document = "Document", documents = "Document", hits = "Hits", hit = "Hits",
    span = "Spans", spans = "Spans", lector = "The module", module = "The module" })[x:lower()]
  if #found == 0 and section then return M.section_text(section) end   -- help "Hits": the functions of hit sets
  if #found > 1 then
    return string.format("help: %d functions are called %s:\n%shelp \"%s\" shows one.\n", #found, x,
      M.list(found), found[1].name)
  end
  found = M.aliased(x)
  if #found == 1 then return x .. ": see " .. found[1].name .. "\n\n" .. M.text(found[1]) end
  local how = "alias"
  if #found == 0 then found, how = M.apropos(x), "mention" end
  if #found == 1 then return x .. ": see " .. found[1].name .. "\n\n" .. M.text(found[1]) end
  if #found > 1 then
    if how == "mention" then
      return string.format("help: nothing is called %s; %d functions mention it:\n%s", x, #found, M.list(found))
    end
    return string.format("help: %d functions are also called %s:\n%s", #found, x, M.list(found))
  end
  local near = M.nearest(x)
  return string.format("help: nothing is called %s, and no function mentions it%s; help() lists them all.\n", x,
    #near > 0 and (" (did you mean " .. table.concat(near, ", ") .. "?)") or "")
end

-- What .apropos WORD prints: every entry whose name, alias or text has the word, one line each.
function M.apropos_text(word)
  if not word or word:find("^%s*$") then return ".apropos: which word? (.apropos WORD)\n" end
  local found = M.apropos(word)
  if #found == 0 then
    local near = M.nearest(word)
    return string.format("nothing mentions %s%s\n", word,
      #near > 0 and (" (did you mean " .. table.concat(near, ", ") .. "?)") or "")
  end
  return M.list(found)
end

-- The entry for a function value or a name, or nil and a message (for callers that want one).
function M.entry(x)
  if type(x) ~= "string" and type(x) ~= "function" then
    return nil, "help: expected a function or a name, got " .. type(x)
  end
  local found = M.named(x)
  if #found == 1 then return found[1] end
  return nil, (M.answer(x):gsub("\n$", ""))
end

-- The functions of one section (help(corpus)), one line each.
function M.section_text(title)
  for _, s in ipairs(M.sections) do
    if s.title == title then
      local out = { s.title .. ":" }
      for _, e in ipairs(s.entries) do
        out[#out + 1] = string.format("  %-44s %s", e.sig:match("^[^%-]+"):gsub("%s+$", ""), M.summary(e))
      end
      return table.concat(out, "\n") .. "\n"
    end
  end
end

-- One line per function: the overview help() prints without an argument.
function M.overview()
  local out = {}
  for _, section in ipairs(apidoc.sections) do out[#out + 1] = M.section_text(section.title) end
  out[#out + 1] = 'help(fn) or help "name" for one function, with an example; help "word" searches them all.\n'
  return table.concat(out)
end

-- doc/api.md
function M.markdown()
  local out = { "# The lector Lua API", "", apidoc.intro:gsub("^\n+", ""):gsub("%s+$", ""), "" }
  for _, section in ipairs(apidoc.sections) do
    out[#out + 1] = "## " .. section.title
    out[#out + 1] = ""
    if section.text then out[#out + 1] = section.text:gsub("^\n+", ""):gsub("%s+$", ""); out[#out + 1] = "" end
    for _, e in ipairs(section.entries) do
      out[#out + 1] = "### `" .. e.sig .. "`"
      out[#out + 1] = ""
      out[#out + 1] = e.summary:gsub("^\n+", ""):gsub("%s+$", "")
      out[#out + 1] = ""
      out[#out + 1] = "```lua"
      out[#out + 1] = (e.example:gsub("^\n+", ""):gsub("%s+$", ""))
      out[#out + 1] = "```"
      out[#out + 1] = ""
      out[#out + 1] = "*Since " .. e.since .. "." .. (e.aliases and " Also found as: " .. table.concat(e.aliases, ", ")
        .. "." or "") .. "*"
      out[#out + 1] = ""
    end
  end
  return table.concat(out, "\n")
end

return M
