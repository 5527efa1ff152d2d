-- bench/agree.lua: why lector's count of a query differs from ripgrep's, for `make bench`.
--
--   ./lector run bench/agree.lua DIR QUERIES ID...
--
-- For each query ID (a line of QUERIES) it compares, file by file, lector's hits (per document) with
-- ripgrep's matches (`rg --count-matches -i -w`, as bench/run.sh counts them), then in at most 40
-- differing files lines them up by byte offset (`rg -o -b`, and each hit's byte_start/byte_end):
--   lector_only  a lector hit with no ripgrep match in it
--   rg_only      a ripgrep match inside no lector hit
--   split        one lector hit holding several ripgrep matches (it counts once, ripgrep more)
-- and prints one line per (kind, form) with how many times it was seen:
--   why<TAB>id<TAB>kind<TAB>class<TAB>form<TAB>n
-- where form is the lector hit or ripgrep match in [brackets], widened to the whitespace around it,
-- and class a guess at the tokenization rule behind it (underscore, URL or e-mail address, apostrophe,
-- hyphen compound, digits, punctuation, other). It also prints "files<TAB>id<TAB>differing<TAB>examined".
local dir, qfile = arg[1], arg[2]
assert(dir and qfile and arg[3], "usage: lector run bench/agree.lua DIR QUERIES ID...")
local MAX_FILES = 40
local C = assert(lector.open(dir))
local root = (dir:gsub("/+$", ""))

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- the same ripgrep arguments as bench/run.sh: -U and \s+ only when a phrase is among the alternatives
local function rg_args(alts)
  local args, phrase = {}, false
  for _, alt in ipairs(alts) do
    local words = {}
    for w in alt:gmatch("%S+") do words[#words + 1] = (w:gsub("[^%w]", "\\%0")) end
    if #words > 1 then phrase = true end
    args[#args + 1] = "-e " .. sh_quote(table.concat(words, "\\s+"))
  end
  return (phrase and "-U " or "") .. "-i -w " .. table.concat(args, " ")
end

local function rel(path)
  if path:sub(1, #root + 1) == root .. "/" then return path:sub(#root + 2) end
  return path
end

-- what in "left[hit]right" (the hit widened to whitespace) makes the tokenizers differ: first the
-- characters touching the brackets, then the chunk as a whole
local function class(form)
  local l, hit, r = form:match("^(.-)%[(.*)%](.*)$")
  local near = l:sub(-1) .. r:sub(1, 1)
  if near:find("_") then return "underscore" end
  if form:find("://") or form:find("www%.") or form:find("@") or near:find("[./]") and form:find("%w%.%a") then
    return "URL, e-mail address or domain name"
  end
  if form:find("'") or form:find("\226\128\153") then return "apostrophe / clitic" end
  if near:find("%-") or hit:find("%-") then return "hyphen compound" end
  if near:find("%d") then return "digits" end
  if near:find("[%p\128-\255]") then return "punctuation or non-ASCII" end
  return "other"
end

local queries = {}
for line in io.lines(qfile) do
  local id, q = line:match("^(q%d+)%*?\t[^\t]+\t(.+)$")
  if id then
    local alts = {}
    for alt in (q .. " | "):gmatch("(.-) | ") do alts[#alts + 1] = alt end
    queries[id] = alts
  end
end

for i = 3, #arg do
  local id = arg[i]
  local alts = assert(queries[id], "no query " .. id)
  -- per file: lector's hits and ripgrep's counts
  local lc = {}
  for _, alt in ipairs(alts) do
    for name, n in pairs(C:hits(alt):by("doc")) do lc[name] = (lc[name] or 0) + n end
  end
  local rc = {}
  local p = io.popen("rg --count-matches -g '*.txt' " .. rg_args(alts) .. " " .. sh_quote(root))
  for line in p:lines() do
    local path, n = line:match("^(.*):(%d+)$")
    rc[rel(path)] = tonumber(n)
  end
  p:close()
  local differ = {}
  for name, n in pairs(lc) do if rc[name] ~= n then differ[#differ + 1] = name end end
  for name, n in pairs(rc) do if lc[name] == nil and n > 0 then differ[#differ + 1] = name end end
  table.sort(differ)
  io.write(string.format("files\t%s\t%d\t%d\n", id, #differ, math.min(#differ, MAX_FILES)))

  local seen = {}
  local function note(kind, form)
    local key = kind .. "\t" .. class(form) .. "\t" .. form
    seen[key] = (seen[key] or 0) + 1
  end
  for f = 1, math.min(#differ, MAX_FILES) do
    local name = differ[f]
    local path = root .. "/" .. name
    local fh = assert(io.open(path, "rb"))
    local bytes = fh:read("a")
    fh:close()
    -- bytes [a, b) (offsets from 0) in brackets, widened to the whitespace around them
    local function chunk(a, b)
      local l, r = a, b
      while l > 0 and not bytes:sub(l, l):find("%s") do l = l - 1 end
      while r < #bytes and not bytes:sub(r + 1, r + 1):find("%s") do r = r + 1 end
      return (bytes:sub(l + 1, a) .. "[" .. bytes:sub(a + 1, b) .. "]" .. bytes:sub(b + 1, r)):gsub("%s+", " ")
    end
    -- ripgrep's matches: each line of a match over several lines is printed with the same offset
    local starts, len = {}, {}
    p = io.popen("rg -o -b -N --no-filename " .. rg_args(alts) .. " " .. sh_quote(path))
    for line in p:lines() do
      local s, text = line:match("^(%d+):(.*)$")
      s = tonumber(s)
      if s and not len[s] then starts[#starts + 1] = s; len[s] = #text end
    end
    p:close()
    table.sort(starts)
    local covered = {}
    for _, alt in ipairs(alts) do
      for h in C:hits(alt, { docs = name }):each() do
        local k = 0
        for j, s in ipairs(starts) do
          if s >= h.byte_start and s < h.byte_end then k = k + 1; covered[j] = true end
        end
        if k ~= 1 then note(k == 0 and "lector_only" or "split", chunk(h.byte_start, h.byte_end)) end
      end
    end
    for j, s in ipairs(starts) do
      if not covered[j] then note("rg_only", chunk(s, s + len[s])) end
    end
  end
  local rows = {}
  for key, n in pairs(seen) do rows[#rows + 1] = { key, n } end
  table.sort(rows, function(x, y) if x[2] ~= y[2] then return x[2] > y[2] end return x[1] < y[1] end)
  for _, r in ipairs(rows) do io.write("why\t", id, "\t", r[1], "\t", r[2], "\n") end
end
