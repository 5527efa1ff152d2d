-- The house keeps its layers: host/core/ (the C library) includes no Lua or terminal header, prints
-- nothing, calls nothing defined above it; the bindings know nothing of the terminal; the files'
-- calls, read off the built objects with nm, run only down the layers and make no circle. A file
-- that breaks one of these rules is named with the line that does.
local LAYERS = "core/base,core/source,core/text,core/tag,core/index,core/store,core/corpus,core/query,bindings,cli"
local BUILD = os.getenv("LECTOR_BUILD") or "build"

local function lines_of(cmd)
  local p = assert(io.popen(cmd))
  local out = {}
  for line in p:lines() do out[#out + 1] = line end
  p:close()
  return out
end

local function sources(folder)
  return lines_of("find host/" .. folder .. " -name '*.[ch]' | sort")
end

-- every "file:line: text" of the files in folder whose code (comments and strings aside) matches
-- one of the Lua patterns
local function offenders(folder, patterns)
  local found = {}
  for _, path in ipairs(sources(folder)) do
    local n, in_comment = 0, false
    for line in io.lines(path) do
      n = n + 1
      local code = line
      if in_comment then
        local e = code:find("*/", 1, true)
        if e then code, in_comment = code:sub(e + 2), false else code = "" end
      end
      code = code:gsub("/%*.-%*/", ""):gsub('"[^"]*"', '""'):gsub("//.*", "")
      local s = code:find("/*", 1, true)
      if s then code, in_comment = code:sub(1, s - 1), true end
      if line:match("^%s*#%s*include") then code = line end   -- includes are checked as written
      for _, pat in ipairs(patterns) do
        if code:find(pat) then found[#found + 1] = string.format("%s:%d: %s", path, n, line) end
      end
    end
  end
  return found
end

describe("the layers of host/", function()
  it("has one folder per layer, the C core's public API in core/lector.h", function()
    for _, layer in ipairs { "core/base", "core/source", "core/text", "core/tag", "core/index", "core/store",
                             "core/corpus", "core/query", "bindings", "cli", "lua" } do
      assert.is_true(os.execute("test -d host/" .. layer), layer)
    end
    assert.is_true(os.execute("test -f host/core/lector.h"))
    assert.are.same({}, lines_of("find host -maxdepth 1 -name '*.[ch]'"))
  end)

  it("has files that read in one sitting: no C file over 800 lines, each opening with its purpose", function()
    local long, bare = {}, {}
    for _, path in ipairs(lines_of("find host -name '*.[ch]' | sort")) do
      local n, first = 0, nil
      for line in io.lines(path) do
        n = n + 1
        first = first or line
      end
      if n > 800 then long[#long + 1] = path .. ": " .. n .. " lines" end
      local name = path:match("[^/]+$")
      if first ~= "/*" then bare[#bare + 1] = path end
      local f = assert(io.open(path))
      f:read("l")
      local second = f:read("l")
      f:close()
      if not (second or ""):find("^%*%* " .. name:gsub("%p", "%%%0") .. ": ") then bare[#bare + 1] = path end
    end
    assert.are.same({}, long)
    assert.are.same({}, bare)
  end)

  it("keeps Lua, the terminal and the layers above out of the core's includes", function()
    assert.are.same({}, offenders("core", {
      "#%s*include%s*[<\"]lua", "#%s*include%s*[<\"]lauxlib", "#%s*include%s*[<\"]lualib",
      "#%s*include%s*[<\"]histedit", "#%s*include%s*[<\"]termios", "#%s*include%s*[<\"]readline",
      "#%s*include%s*\"bindings/", "#%s*include%s*\"cli/", "#%s*include%s*\"host%.h\"" }))
  end)

  it("has a core that prints nothing, stops no process and calls no name of the layers above", function()
    assert.are.same({}, offenders("core", {
      "%f[%w_]printf%s*%(", "%f[%w_]puts%s*%(", "%f[%w_]perror%s*%(", "%f[%w_]putchar%s*%(",
      "%f[%w_]stdout%f[^%w_]", "%f[%w_]stderr%f[^%w_]", "%f[%w_]exit%s*%(", "%f[%w_]isatty%s*%(",
      "%f[%w_]lua[L_]?%w*_%w", "%f[%w_]lb_%w+", "%f[%w_]host_%w+" }))
  end)

  it("has bindings that know nothing of the terminal or the command line", function()
    assert.are.same({}, offenders("bindings", {
      "#%s*include%s*[<\"]histedit", "#%s*include%s*[<\"]termios", "#%s*include%s*\"cli/",
      "#%s*include%s*\"host%.h\"", "%f[%w_]printf%s*%(", "%f[%w_]isatty%s*%(", "%f[%w_]host_%w+" }))
  end)

  it("has calls that run down the layers only, with no circle (nm of the built objects)", function()
    local objs = {}                    -- the object of each source (not of one since removed)
    for _, c in ipairs(lines_of("find host/core host/bindings host/cli -name '*.c' | sort")) do
      objs[#objs + 1] = c:gsub("^host/", BUILD .. "/"):gsub("%.c$", ".o")
    end
    objs = table.concat(objs, " ")
    assert.truthy(objs:find("core/query/query.o", 1, true), "no objects in " .. BUILD)
    local out = lines_of("lua5.4 host/tools/depgraph.lua --order " .. LAYERS .. " " .. objs)
    local summary = {}
    for _, line in ipairs(out) do
      if line:find("^%d+ files") or line:find("^circle") or line:find("^arrow up") then
        summary[#summary + 1] = line:gsub("^%d+ files, ", "")
      end
    end
    assert.are.same({ "0 circles, 0 arrows up" }, summary)
  end)
end)
