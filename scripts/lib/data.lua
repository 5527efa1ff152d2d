-- data.lua: reads the data files of the scripts (scripts/data/*.lua, or a user's own): a Lua chunk
-- that returns a table, run with no access to anything (an empty environment), so a data file can
-- only describe, never act.
local M = {}

-- the table the file returns; nil and a message naming the file when it cannot be read or run
function M.load(path)
  local chunk, err = loadfile(path, "t", {})
  if not chunk then return nil, err end
  local ok, value = pcall(chunk)
  if not ok then return nil, path .. ": " .. tostring(value) end
  if type(value) ~= "table" then return nil, path .. ": does not return a table" end
  return value
end

return M
