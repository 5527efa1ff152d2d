-- lector pack: install, list, run, remove, reinstall from lector.lock, verify, version conflicts,
-- a corrupt tarball and a bad manifest (nothing half-installed), permissions granted at install,
-- new/test/rockspec, and the un-resolutions pack of the repository. Each test works in a fresh folder.
local run = require "spec.support.run"

local FIX = run.root .. "/spec/fixtures/packs/"
local CORPUS = run.root .. "/corpus"

local function first_line(s) return (s:match("^[^\n]*")) end

describe("lector pack", function()
  local dir
  local function lector(args, opts)
    opts = opts or {}
    opts.cwd = dir
    local a = { "--corpus", CORPUS }
    for _, x in ipairs(args) do a[#a + 1] = x end
    return run.lector(a, opts)
  end
  local function ls(p) return run.sh("cd " .. run.quote(dir) .. " && ls -A " .. p).out end
  before_each(function() dir = run.tmpdir() end)
  after_each(function() run.rmdir(dir) end)

  it("installs, lists, runs, verifies and removes a pack with a dependency", function()
    local r = lector { "pack", "install", FIX .. "base-1", FIX .. "user" }
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.out:find("^installed base 1.0.0 into packs/base %(sha256 %x+%)\ninstalled user 1.2.0"), r.out)
    assert.are.equal("base\nuser\n", ls("packs"))
    r = lector { "pack", "list" }
    assert.are.equal("base 1.0.0\tfixture pack base 1.0.0\t(base:data base:main)\nuser 1.2.0\tfixture pack user 1.2.0\t(user:main)\n", r.out)
    r = lector { "pack", "run", "user:main" }
    assert.are.equal("hello from base 1, 5 documents\n", r.out)
    assert.are.equal(0, r.code)
    assert.are.equal("written by user\n", run.slurp(dir .. "/out/user.txt"))
    assert.are.equal("hello from base 1, x\n", lector({ "run", "base:main", "x" }).out)
    assert.are.equal("hello from base 1, y\n", lector({ "base:main", "y" }).out)
    assert.are.equal("base 1.0.0 data: greetings from the data folder\n", lector({ "base:data" }).out)
    r = lector { "pack", "verify" }
    assert.are.equal(0, r.code)
    assert.truthy(r.out:find("^ok base 1.0.0 sha256 %x+\nok user 1.2.0 sha256 %x+\n$"), r.out)
    r = lector { "pack", "remove", "base" }
    assert.are.equal(1, r.code)
    assert.are.equal("lector: pack: cannot remove base: pack user 1.2.0 requires it (base ~> 1.0)\n", r.err)
    assert.are.equal(0, lector({ "pack", "remove", "user" }).code)
    assert.are.equal("removed base 1.0.0\n", lector({ "pack", "remove", "base" }).out)
    assert.are.equal("", ls("packs"))
    r = lector { "pack", "run", "base:main" }
    assert.are.equal("lector: pack: no pack named 'base' is installed (see `lector pack list`)\n", r.err)
  end)

  it("installs into the user's folder with --user, found when the project has no such pack", function()
    local env = { env = { XDG_DATA_HOME = dir .. "/share" } }
    local r = lector({ "pack", "install", "--user", FIX .. "base-1" }, env)
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.out:find("into " .. dir .. "/share/lector/packs/base", 1, true), r.out)
    assert.truthy(run.slurp(dir .. "/share/lector/lector.lock"):find("\npack base 1.0.0 sha256="), "user lock")
    assert.are.equal("", ls("."):gsub("share\n", ""))
    assert.are.equal("hello from base 1, u\n", lector({ "base:main", "u" }, env).out)
    assert.truthy(lector({ "pack", "list", "--user" }, env).out:find("^base 1.0.0\t"))
    assert.are.equal("no packs installed in packs\n", lector({ "pack", "list" }, env).out)
    assert.are.equal(0, lector({ "pack", "verify", "--user" }, env).code)
  end)

  it("records SHA-256 hashes that sha256sum agrees with, and reinstalls the same files from lector.lock", function()
    assert.are.equal(0, lector({ "pack", "install", FIX .. "base-1" }).code)
    local lock = run.slurp(dir .. "/lector.lock")
    local sha = lock:match("pack base 1%.0%.0 sha256=(%x+) source=")
    local want = run.sh("(cd " .. run.quote(FIX .. "base-1") .. " && find . -type f | sed 's|^\\./||' | LC_ALL=C sort"
      .. " | xargs sha256sum | sha256sum)").out:match("^%x+")
    assert.are.equal(want, sha)
    run.sh("rm -rf " .. run.quote(dir .. "/packs"))
    local r = lector { "pack", "verify" }
    assert.are.equal(1, r.code)
    assert.are.equal("MISSING base 1.0.0: not installed in packs\n", r.out)
    r = lector { "pack", "install" }
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(lock, run.slurp(dir .. "/lector.lock"))
    assert.are.equal(0, lector({ "pack", "verify" }).code)
    run.write(dir .. "/packs/base/scripts/main.lua", "print('changed')\n")
    r = lector { "pack", "verify" }
    assert.are.equal(1, r.code)
    assert.truthy(r.out:find("^CHANGED base 1.0.0: installed 1.0.0 with sha256 %x+, lector.lock records " .. sha), r.out)
  end)

  it("refuses a lock file whose source changed, and installs nothing", function()
    run.sh("cp -R " .. run.quote(FIX .. "base-1") .. " " .. run.quote(dir .. "/src"))
    assert.are.equal(0, lector({ "pack", "install", "src" }).code)
    run.write(dir .. "/src/lua/base/init.lua", "return {}\n")
    run.sh("rm -rf " .. run.quote(dir .. "/packs/base"))
    local r = lector { "pack", "install" }
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("^lector: pack: pack base 1%.0%.0: its files have SHA%-256 %x+, but lector%.lock records %x+\n$"), r.err)
    assert.are.equal("", ls("packs"))
  end)

  it("names a missing dependency and a version conflict", function()
    local r = lector { "pack", "install", FIX .. "user" }
    assert.are.equal(1, r.code)
    assert.are.equal("lector: pack: pack user 1.2.0 requires base ~> 1.0, which is not installed (install it first, "
      .. "or give its folder in the same command)\n", r.err)
    r = lector { "pack", "install", FIX .. "base-2", FIX .. "user" }
    assert.are.equal("lector: pack: version conflict: pack user 1.2.0 requires base ~> 1.0, but this project is "
      .. "installing base 2.0.0\n", r.err)
    assert.are.equal(0, lector({ "pack", "install", FIX .. "base-1", FIX .. "user" }).code)
    r = lector { "pack", "install", FIX .. "base-2" }
    assert.are.equal(1, r.code)
    assert.are.equal("lector: pack: version conflict: pack user 1.2.0 requires base ~> 1.0, but this project would "
      .. "replace it by base 2.0.0\n", r.err)
    assert.are.equal("hello from base 1, z\n", lector({ "base:main", "z" }).out)
  end)

  it("rejects a manifest with errors, naming the field, and installs nothing", function()
    local r = lector { "pack", "install", FIX .. "bad-version" }
    assert.are.equal(1, r.code)
    assert.are.equal("lector: pack: " .. FIX .. "bad-version/pack.lua: field 'version' \"1.x\" is not a version "
      .. "(write it as 1.2.3)\n", r.err)
    run.sh("mkdir -p " .. dir .. "/m/scripts")
    for _, case in ipairs {
      { "return { name = 'Bad Name' }", "field 'name' \"Bad Name\" must be lowercase letters, digits and '-', starting with a letter" },
      { "return { name = 'm', version = '1.0.0', description = 'd', license = 'MIT', lector = '>= 0.1', scripts = { main = 'scripts/none.lua' } }",
        "field 'scripts.main' names scripts/none.lua, which is not in the pack" },
      { "return { name = 'm', version = '1.0.0', description = 'd', license = 'MIT', lector = '=> 0.1' }",
        "field 'lector' \"=> 0.1\": unknown operator \"=>\" (use ==, ~=, >=, >, <=, <, ~>)" },
      { "return { name = 'm', versoin = '1' }", "field 'versoin' is not a manifest field (known: name, version, "
        .. "description, license, lector, requires, scripts, permissions, homepage, author)" },
      { "os.execute('touch pwned') return {}", "attempt to index a nil value (global 'os')" },
      { "while true do end", "sandbox: instruction limit of 1000000 reached (raise it with --max-instructions)" },
    } do
      run.write(dir .. "/m/pack.lua", case[1])
      r = lector { "pack", "install", "m" }
      assert.are.equal(1, r.code)
      assert.truthy(r.err:find(case[2], 1, true), r.err)
    end
    assert.are.equal("", ls("."):gsub("lector%.lock\n", ""):gsub("m\n", ""))
  end)

  it("checks a tarball before copying anything: corrupt, or escaping its folder", function()
    run.write(dir .. "/corrupt.tar.gz", "\31\139\8\0not really gzip")
    local r = lector { "pack", "install", "corrupt.tar.gz" }
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("^lector: pack: corrupt%.tar%.gz: not a readable %.tar%.gz %(tar says: "), r.err)
    run.sh("cd " .. run.quote(dir) .. " && mkdir -p evil/x && touch evil/x/a && tar -czf evil.tar.gz -P evil/x/a /etc/hostname 2>/dev/null")
    r = lector { "pack", "install", "evil.tar.gz" }
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find("points outside the pack", 1, true), r.err)
    run.sh("cd " .. run.quote(FIX) .. " && tar -czf " .. run.quote(dir .. "/base.tar.gz") .. " base-1")
    r = lector { "pack", "install", "base.tar.gz" }
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("base\n", ls("packs"))
    assert.are.equal("hello from base 1, t\n", lector({ "base:main", "t" }).out)
  end)

  it("asks for --grant when a pack wants more than the defaults, and then gives it", function()
    local r = lector { "pack", "install", FIX .. "greedy" }
    assert.are.equal(1, r.code)
    assert.are.equal("lector: pack: pack greedy asks for permissions beyond the sandbox's defaults: memory 2G, "
      .. "write results; install it with --grant to allow them\n", r.err)
    assert.are.equal(0, lector({ "pack", "install", "--grant", FIX .. "greedy" }).code)
    run.sh("mkdir -p " .. dir .. "/results")
    r = lector { "--max-memory", "16", "pack", "run", "greedy:main" }
    assert.are.equal("lector: sandbox: memory limit of 16 MB reached (raise it with --max-memory)", first_line(r.err))
    r = lector { "pack", "run", "greedy:main" }
    assert.are.equal("41943040\n", r.out, r.err)
    assert.are.equal("41943040\n", run.slurp(dir .. "/results/greedy.txt"))
  end)

  it("makes a new pack that installs, runs, passes its spec and prints a rockspec", function()
    local r = lector { "pack", "new", "word-count" }
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(0, lector({ "pack", "install", "word-count" }).code)
    r = lector { "pack", "run", "word-count:main", "Iraq" }
    assert.are.equal("000_e46888d005b16152.txt\t13\n001_0b1a02bd6284fa36.txt\t8\n002_378a0fa01cf8e0c6.txt\t9\n"
      .. "003_b732a128a37d961c.txt\t10\n004_3bf8bdfe55aae150.txt\t2\n", r.out)
    r = lector { "pack", "test", "word-count" }
    assert.are.equal(0, r.code, r.out .. r.err)
    assert.truthy(r.out:find("1 success / 0 failures", 1, true), r.out)
    r = lector { "pack", "rockspec", "word-count" }
    assert.truthy(r.out:find('package = "word-count"\nversion = "0.1.0-1"\n', 1, true), r.out)
    assert.truthy(r.out:find('["word_count"] = "lua/word_count/init.lua",', 1, true), r.out)
    local spec = {}
    assert(load(r.out, "rockspec", "t", spec))()
    assert.are.same({ "lua >= 5.4", "lpeg" }, spec.dependencies)
    assert.are.same({ "data", "scripts", "spec" }, spec.build.copy_directories)
  end)

  it("installs and runs the un-resolutions pack of the repository", function()
    local r = lector { "pack", "install", run.root .. "/scripts/packs/un-resolutions" }
    assert.are.equal(0, r.code, r.err)
    r = lector { "pack", "run", "un-resolutions:find" }
    assert.are.equal(0, r.code, r.err)
    local lines = {}
    for l in r.out:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.are.equal(20, #lines)
    assert.are.equal("file\tdate\tstart\tend\tmatched\tis_reference\tbody\tbody_source\tstatus\tverb\tnumber\t"
      .. "specificity\tsentence", lines[1])
    assert.truthy(lines[3]:find("^000_e46888d005b16152%.txt\t2002%-09%-20\t533\t543\tresolution\tyes\t"
      .. "UN Security Council\tinferred\tproposed\tveto\t\tanaphoric\t"), lines[3])
    r = lector { "pack", "run", "un-resolutions:summary" }
    assert.truthy(r.out:find("^body\tstatus\tcount\nUN Security Council\tproposed\t12\n"), r.out)
    r = lector { "pack", "test", "un-resolutions" }
    assert.are.equal(0, r.code, r.out .. r.err)
  end)
end)
