-- lector.help: the documentation of the Lua API, from one source (lector.apidoc) for help() in
-- the REPL, `lector help NAME`, and doc/api.md (written by `make doc`, checked by the specs).
local apidoc = require "lector.apidoc"

local M = {}

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

-- The entry for a function value, a qualified name ("Corpus:count"), or a bare name ("count":
-- the one entry with that name, or the corpus's own where other objects share it, since that
-- is what `help "count"` means in a session); nil and a message otherwise.
function M.entry(x)
  local lector = require "lector"
  if type(x) == "function" then
    local name = lector._names[x]
    if not name then return nil, "no documentation for this function (not part of the lector API)" end
    x = name
  end
  if type(x) ~= "string" then return nil, "help: expected a function or a name, got " .. type(x) end
  if by_name[x] then return by_name[x] end
  local found = {}
  for name, e in pairs(by_name) do
    if name:match("[.:]" .. x:gsub("%p", "%%%0") .. "$") or name == x then found[#found + 1] = e end
  end
  table.sort(found, function(a, b) return a.name < b.name end)
  if #found == 1 then return found[1] end
  if by_name["Corpus:" .. x] then return by_name["Corpus:" .. x] end
  if #found > 1 then
    local names = {}
    for i, e in ipairs(found) do names[i] = e.name end
    return nil, "help: " .. x .. " is ambiguous: " .. table.concat(names, ", ")
  end
  return nil, "help: nothing is called " .. x
end

-- The text help() prints for an entry: signature, summary, example.
function M.text(e)
  local ex = e.example:gsub("^\n+", ""):gsub("%s+$", "")
  return string.format("%s\n  %s\n\nExample:\n  %s\n", e.sig, e.summary:gsub("\n%s*", " "),
    (ex:gsub("\n", "\n  ")))
end

-- One line per function: the overview help() prints without an argument.
function M.overview()
  local out = {}
  for _, section in ipairs(apidoc.sections) do
    out[#out + 1] = section.title .. ":"
    for _, e in ipairs(section.entries) do
      out[#out + 1] = string.format("  %-44s %s", e.sig:match("^[^%-]+"):gsub("%s+$", ""),
        (e.summary:match("^[^.]*%.?")))
    end
  end
  out[#out + 1] = 'help(fn) or help "name" for one function, with an example.'
  return table.concat(out, "\n") .. "\n"
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
      out[#out + 1] = "*Since " .. e.since .. ".*"
      out[#out + 1] = ""
    end
  end
  return table.concat(out, "\n")
end

M.sections = apidoc.sections
return M
