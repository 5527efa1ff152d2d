-- depgraph.lua: the call graph between lector's C files, read off their object files with nm.
--
--   lua5.4 host/tools/depgraph.lua [--order L1,L2,...] OBJ...
--
-- prints the edges "a -> b (symbols)", then the circles, then with --order the arrows that run
-- up: the layers are name prefixes from the bottom up (core/source,core/text,...,bindings,cli),
-- and a file may use files of its own layer and of the layers below. A file depends on another
-- when it uses a symbol the other defines. The circles are the strongly connected components of
-- more than one file (Tarjan's algorithm). Exits 1 when there is a circle or an arrow up; the
-- check in make test (spec/cli/layers_spec.lua) runs it. Object names stand for their sources:
-- build/core/index/build.o is host/core/index/build.c.

local objs, order = {}, nil
local argv = { ... }
local i = 1
while i <= #argv do
  if argv[i] == "--order" then
    order = {}
    for layer in argv[i + 1]:gmatch("[^,]+") do order[#order + 1] = layer end
    i = i + 2
  else
    objs[#objs + 1] = argv[i]
    i = i + 1
  end
end
if #objs == 0 then
  io.stderr:write("usage: lua5.4 host/tools/depgraph.lua [--order L1,L2,...] OBJ...\n")
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

-- the layer of a file: the rank of the first layer whose name starts its name
local function rank(f)
  for k, layer in ipairs(order) do
    if f:sub(1, #layer + 1) == layer .. "/" then return k end
  end
  return nil
end
local up = {}
if order then
  for _, f in ipairs(files) do
    for g, syms in pairs(edges[f]) do
      local rf, rg = rank(f), rank(g)
      if not rf or not rg or rg > rf then
        up[#up + 1] = string.format("%s -> %s (%s)", f, g, table.concat(syms, " "))
      end
    end
  end
  table.sort(up)
end

print(string.format("%d files, %d circles, %d arrows up", #files, #circles, #up))
for _, c in ipairs(circles) do
  print(string.format("circle of %d: %s", #c, table.concat(c, " ")))
end
for _, a in ipairs(up) do print("arrow up: " .. a) end
os.exit((#circles == 0 and #up == 0) and 0 or 1)
