-- docblocks.lua: the fenced code blocks of a Markdown page, for the specs that run a page's
-- examples as written (README.md, doc/*.md): the blocks with their info words, the steps of a
-- transcript block, and expected text where "…" stands for any text.
--   local docblocks = require "spec.support.docblocks"
local M = {}

-- The fenced blocks in order: { info = "console checked", lang = "console",
-- words = { console = true, checked = true }, attrs = { file = "x.lua" }, body = "...", line = N }.
function M.blocks(md)
  local out = {}
  local pos = 1
  while true do
    local s, e, info, body = md:find("```([^\n]*)\n(.-)```", pos)
    if not s then break end
    local words, attrs = {}, {}
    for w in info:gmatch("%S+") do
      local k, v = w:match("^([%w_]+)=(.*)$")
      if k then attrs[k] = v else words[w] = true end
    end
    local _, newlines = md:sub(1, s):gsub("\n", "")
    out[#out + 1] = { info = info, lang = info:match("^%S*"), words = words, attrs = attrs, body = body,
      line = newlines + 1 }
    pos = e + 1
  end
  return out
end

-- A Lua pattern matching the whole of an expected text in which "…" stands for any text.
function M.pattern(expected)
  local parts = {}
  for piece in (expected .. "…"):gmatch("(.-)…") do parts[#parts + 1] = piece:gsub("%p", "%%%0") end
  return "^" .. table.concat(parts, ".-") .. "$"
end

-- The steps of a transcript: a "$ command" line is a shell step, "> " and ">> " lines are what is
-- typed into the REPL (one step for the lines in a row); each with the lines printed after it.
-- Returns a list of { kind = "sh" | "repl", input = "...", output = "..." }.
function M.steps(body)
  local steps = {}
  for line in body:gmatch("([^\n]*)\n") do
    local cmd = line:match("^%$ (.*)$")
    local typed = line:match("^>>? (.*)$") or (line == ">" and "")
    local last = steps[#steps]
    if cmd then
      steps[#steps + 1] = { kind = "sh", input = cmd, output = "" }
    elseif typed then
      if last and last.kind == "repl" then
        last.input = last.input .. typed .. "\n"
      else
        steps[#steps + 1] = { kind = "repl", input = typed .. "\n", output = "" }
      end
    elseif last then
      last.output = last.output .. line .. "\n"
    else
      error("a transcript starts with a $ or > line, not: " .. line)
    end
  end
  return steps
end

return M
