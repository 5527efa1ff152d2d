-- depgraph.lua: the call graph between lector's C files, read off their object files with nm.
--
--   lua5.4 host/tools/depgraph.lua OBJ...        edges "a -> b (symbols)", then the circles
--
-- A file depends on another when it uses a symbol the other defines. The circles are the strongly
-- connected components of more than one file (Tarjan's algorithm); the check in make test
-- (spec/cli/layers_spec.lua) asks for none. Object names stand for their sources: build/core/
-- index/build_merge.o is core/index/build_merge.c.

local objs = { ... }
if #objs == 0 then
  io.stderr:write("usage: lua5.4 host/tools/depgraph.lua OBJ...\n")
  os.exit(2)
end

local defines, uses = {}, {}          -- symbol -> file; file -> {symbol = true}
local files = {}
for _, o in ipairs(objs) do
  local name = o:gsub("^[^/]*/", ""):gsub("%.o$", "")
  files[#files + 1] = name
  uses[name] = {}
  local p = assert(io.popen("nm -P " .. o .. " 2>/dev/null"))
  for line in p:lines() do
    local sym, kind = line:match("^(%S+) (%a)")
    if sym then
      if kind == "U" then uses[name][sym] = true
      elseif kind:match("[TDBRC]") then defines[sym] = name end
    end
  end
  p:close()
end

-- edges between files, with the symbols behind each
local edges = {}
for _, f in ipairs(files) do
  edges[f] = {}
  for sym in pairs(uses[f]) do
    local g = defines[sym]
    if g and g ~= f then
      edges[f][g] = edges[f][g] or {}
      table.insert(edges[f][g], sym)
    end
  end
end

for _, f in ipairs(files) do
  local to = {}
  for g in pairs(edges[f]) do to[#to + 1] = g end
  table.sort(to)
  for _, g in ipairs(to) do
    table.sort(edges[f][g])
    print(string.format("%s -> %s (%s)", f, g, table.concat(edges[f][g], " ")))
  end
end

-- Tarjan's strongly connected components
local index, low, onstack, stack, n = {}, {}, {}, {}, 0
local circles = {}
local function connect(v)
  n = n + 1; index[v] = n; low[v] = n
  stack[#stack + 1] = v; onstack[v] = true
  for w in pairs(edges[v]) do
    if not index[w] then connect(w); low[v] = math.min(low[v], low[w])
    elseif onstack[w] then low[v] = math.min(low[v], index[w]) end
  end
  if low[v] == index[v] then
    local comp = {}
    repeat
      local w = table.remove(stack); onstack[w] = nil
      comp[#comp + 1] = w
    until w == v
    if #comp > 1 then table.sort(comp); circles[#circles + 1] = comp end
  end
end
for _, f in ipairs(files) do if not index[f] then connect(f) end end

print(string.format("%d files, %d circles", #files, #circles))
for _, c in ipairs(circles) do
  print(string.format("circle of %d: %s", #c, table.concat(c, " ")))
end
os.exit(#circles == 0 and 0 or 1)
