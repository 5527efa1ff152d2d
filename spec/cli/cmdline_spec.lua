-- One command line: every command takes DIR or --corpus DIR alike; a usage error exits 2 with a
-- one-line message and the usage, a runtime error exits 1 with "lector: CMD: what" and no
-- traceback; --help lists every flag a command or script accepts (each one is tried on the real
-- parser); every script's --format json is valid JSON and its --format csv reads back as the same
-- rows; the bash completion made from the same tables completes commands, flags and values.
local run = require "spec.support.run"

-- the flags a --help text lists ("  --flag VALUE  help"), with the value each one is tried with
local function listed_flags(help)
  local flags = {}
  for line in help:gmatch("[^\n]+") do
    local flag, rest = line:match("^  (%-%-[%w-]+)(.*)$")
    if flag then
      local placeholder = rest:match("^ (%S+)")
      local value = placeholder and (placeholder:match("^([%w]+)|") or "1") or nil
      if flag == "--format" and placeholder == "F" then value = "json" end
      if flag == "--corpus" then value = "corpus" end
      flags[#flags + 1] = { flag, value }
    end
  end
  return flags
end

-- python3 reads JSON and CSV here, so that the check is not lector's own writer read by itself;
-- the inputs are files, their paths sys.argv[1..]
local function python(code, ...)
  local paths = {}
  for i, input in ipairs({ ... }) do
    paths[i] = os.tmpname()
    run.write(paths[i], input)
  end
  local cmd = "python3 -c " .. run.quote(code)
  for _, p in ipairs(paths) do cmd = cmd .. " " .. run.quote(p) end
  local r = run.sh(cmd)
  for _, p in ipairs(paths) do os.remove(p) end
  return r
end

describe("lector's command line", function()
  it("answers a corpus that is not there with one line and exit status 1, for every command", function()
    for _, args in ipairs({ { "--corpus", "/nonexistent", "info" }, { "info", "/nonexistent" },
                            { "info", "--corpus", "/nonexistent" }, { "info", "--corpus=/nonexistent" } }) do
      local r = run.lector(args)
      assert.are.same({ 1, "", "lector: info: cannot open corpus /nonexistent: No such file or directory\n" },
        { r.code, r.out, r.err })
    end
    for _, cmd in ipairs({ { "query", '"a"' }, { "index" }, { "export", "--format", "vrt" } }) do
      local args = { table.unpack(cmd) }
      args[#args + 1] = "/nonexistent"
      local r = run.lector(args)
      assert.are.equal(1, r.code)
      assert.are.equal("lector: " .. cmd[1] .. ": cannot open corpus /nonexistent: No such file or directory\n", r.err)
    end
  end)

  it("takes DIR and --corpus DIR the same way, and not two different ones", function()
    local a = run.lector({ "info", "corpus" }).out
    assert.are.equal(a, run.lector({ "info", "--corpus", "corpus" }).out)
    assert.are.equal(a, run.lector({ "--corpus", "corpus", "info" }).out)
    assert.are.equal("42\n", run.lector({ "query", '"Iraq"', "corpus", "--count" }).out)
    assert.are.equal("42\n", run.lector({ "query", "--corpus", "corpus", '"Iraq"', "--count" }).out)
    local r = run.lector({ "info", "corpus", "--corpus", "other" })
    assert.are.same({ 2, "lector: info: one corpus at a time ('corpus' and 'other')\nusage: lector info [DIR] [--corpus DIR]\n" },
      { r.code, r.err })
  end)

  it("answers a usage error with one line, the usage and exit status 2", function()
    local r = run.lector({ "query", '"a"', "--cuont" })
    assert.are.equal(2, r.code)
    assert.are.equal("lector: query: unknown option '--cuont' (did you mean '--count'?)", run.lines(r.err)[1])
    assert.truthy(run.lines(r.err)[2]:find("^usage: lector query 'QUERY' %[DIR%] "), r.err)
    assert.are.equal(2, #run.lines(r.err))
    r = run.lector({ "export", "corpus", "--format" })
    assert.are.same({ 2, "lector: export: --format needs a value" }, { r.code, run.lines(r.err)[1] })
    r = run.lector({ "pack", "instal" })
    assert.are.same({ 2, "lector: pack: unknown command 'instal' (did you mean 'install'?)" }, { r.code, run.lines(r.err)[1] })
    r = run.lector({ "completion", "fish" })
    assert.are.same({ 2, "lector: completion: unknown shell 'fish' (bash or zsh)" }, { r.code, run.lines(r.err)[1] })
  end)

  it("reports an error of a script with its file and line, the traceback only with --debug", function()
    local dir = run.tmpdir()
    run.write(dir .. "/e.lua", "local t = nil\nprint(t.x)\n")
    local r = run.lector({ "run", dir .. "/e.lua" })
    assert.are.same({ 1, "lector: " .. dir .. "/e.lua:2: attempt to index a nil value (local 't')\n" }, { r.code, r.err })
    r = run.lector({ "--debug", "run", dir .. "/e.lua" })
    assert.are.equal(1, r.code)
    assert.are.equal("lector: " .. dir .. "/e.lua:2: attempt to index a nil value (local 't')\nstack traceback:\n\t"
      .. dir .. "/e.lua:2: in main chunk\n", r.err:match("^.-in main chunk\n"))
    run.rmdir(dir)
  end)

  it("lists in --help every flag a command accepts, and accepts no other", function()
    for _, cmd in ipairs({ "info", "query", "index", "annotate", "export", "completion" }) do
      local r = run.lector({ cmd, "--help" })
      assert.are.equal(0, r.code)
      local flags = listed_flags(r.out)
      assert.truthy(#flags >= 2, cmd)
      for _, f in ipairs(flags) do
        local args = { cmd, f[1] }
        if f[2] then args[3] = f[2] end
        args[#args + 1] = "--help"
        local t = run.lector(args)
        assert.are.equal(0, t.code, cmd .. " " .. f[1] .. ": " .. t.err)
        assert.are.equal(r.out, t.out)
      end
      assert.are.equal(2, run.lector({ cmd, "--no-such-flag", "--help" }).code)
      assert.are.same({ 0, r.out }, { run.lector({ "help", cmd }).code, run.lector({ "help", cmd }).out })
    end
  end)

  it("lists in each script's --help every flag it accepts, and it accepts no other", function()
    for _, s in ipairs({ "mentions", "resolutions", "positions", "keyness", "report" }) do
      local script = "scripts/" .. s .. ".lua"
      local r = run.lector({ "run", script, "--help" })
      assert.are.equal(0, r.code)
      local flags = listed_flags(r.out)
      assert.truthy(#flags >= 5, s)
      for _, f in ipairs(flags) do
        local args = { "run", script, f[1] }
        if f[2] then args[4] = f[2] end
        args[#args + 1] = "--help"
        local t = run.lector(args)
        assert.are.equal(0, t.code, s .. " " .. f[1] .. ": " .. t.err)
      end
      local t = run.lector({ "run", script, "--frmat", "csv" })
      assert.are.same({ 2, "", s .. ".lua: unknown option '--frmat' (did you mean '--format'?)\n" }, { t.code, t.out, t.err })
    end
  end)

  describe("scripts' data formats", function()
    local cases = {
      { "mentions", {} }, { "mentions", { "--show", "mentions" } }, { "resolutions", {} }, { "positions", {} },
      { "positions", { "--show", "changes" } }, { "keyness", { "--compare", "kind=transcript" } },
      { "report", { "--view", "references" } },
    }
    local out = run.tmpdir()
    teardown(function() run.rmdir(out) end)
    local function script_run(s, extra, format)
      local args = { "run", "scripts/" .. s .. ".lua", "--format", format }
      for _, a in ipairs(extra) do args[#args + 1] = a end
      if s == "report" then args[#args + 1] = "--out"; args[#args + 1] = out .. "/r.html" end
      local r = run.lector(args)
      assert.are.equal(0, r.code, r.err)
      return r.out
    end
    for _, c in ipairs(cases) do
      local name = c[1] .. " " .. table.concat(c[2], " ")
      it(name .. ": --format json is valid JSON and --format csv reads back as the same rows", function()
        local json = script_run(c[1], c[2], "json")
        local csv = script_run(c[1], c[2], "csv")
        -- the rows of the CSV, read by Python's csv module, equal the rows of the JSON, as text
        local r = python([[
import csv, io, json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
table = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
text = lambda v: "" if v is None else (str(v) if not isinstance(v, float) else repr(v))
assert len(table) == len(rows) + 1, (len(table), len(rows))
for row, line in zip(rows, table[1:]):
    assert list(row.keys()) == table[0], (list(row.keys()), table[0])
    assert [text(v) for v in row.values()] == line, ([text(v) for v in row.values()], line)
print(len(rows))
]], json, csv)
        assert.are.equal(0, r.code, r.err)
        assert.truthy(tonumber(r.out) > 0, r.out)
      end)
    end

    it("report: --format json is one object of named views", function()
      local r = python([[
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(" ".join("%s=%d" % (k, len(v)) for k, v in d.items()))
]], script_run("report", {}, "json"))
      assert.are.equal("corpus=1 documents=5 mentions_per_year=25 groups=5 references=18 changes=2\n", r.out)
    end)
  end)

  describe("shell completion", function()
    local function complete(shell_words)
      local script = os.tmpname()
      run.write(script, run.lector({ "completion", "bash" }).out .. [[
COMP_WORDS=(]] .. shell_words .. [[)
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_lector
echo "${COMPREPLY[*]}"
]])
      -- `lector` on the PATH is the binary under test (LECTOR_BIN: make check's is not ./lector)
      local bindir = run.tmpdir()
      local bin = run.bin:sub(1, 1) == "/" and run.bin or run.root .. "/" .. run.bin:gsub("^%./", "")
      os.execute("ln -s " .. run.quote(bin) .. " " .. run.quote(bindir .. "/lector"))
      local r = run.sh("PATH=" .. run.quote(bindir) .. ":$PATH bash " .. run.quote(script))
      os.remove(script)
      run.rmdir(bindir)
      assert.are.equal(0, r.code, r.err)
      return (r.out:gsub("\n$", ""))
    end

    it("completes commands, their flags and values, and scripts' flags from the same tables", function()
      assert.are.equal("index", complete("lector ind"))
      assert.are.equal("--rebuild", complete("lector index --re"))
      assert.are.equal("tsv csv json", complete("lector query x --format ''"))
      assert.are.equal("--format", complete("lector run scripts/mentions.lua --fo"))
      assert.are.equal("counts mentions", complete("lector run scripts/mentions.lua --show ''"))
      assert.are.equal("install", complete("lector pack ins"))
      assert.are.equal("bash zsh", complete("lector completion ''"))
    end)

    it("makes a zsh script that runs the same completion", function()
      local r = run.lector({ "completion", "zsh" })
      assert.are.equal(0, r.code)
      assert.truthy(r.out:find("autoload -U +X bashcompinit && bashcompinit\n", 1, true))
      assert.truthy(r.out:find("complete -o filenames -F _lector lector\n", 1, true))
    end)
  end)
end)
