-- Specs of the un-resolutions pack: lector pack test un-resolutions (the modules need no corpus).
local finder = require "un_resolutions.finder"
local numbers = require "un_resolutions.numbers"
local rows = require "un_resolutions.rows"

describe("un_resolutions.finder", function()
  it("finds a numbered Security Council resolution and leaves a New Year's resolution out", function()
    local r = finder.find("The Security Council adopted resolution 1441 (2002). He made a New Year's resolution.")
    assert.are.equal(2, #r)
    assert.are.same({ 29, 51, "resolution 1441 (2002)", "yes", "UN Security Council", "written", "adopted",
      "adopted", "1441 (2002)" }, { r[1].start, r[1].stop, r[1].matched, r[1].is_reference, r[1].body,
      r[1].body_source, r[1].status, r[1].verb, r[1].number })
    assert.are.same({ "no", "new year" }, { r[2].is_reference, r[2].why.sense })
  end)
end)

describe("un_resolutions.numbers", function()
  it("reads symbols, suffixes, lists and ranges", function()
    local function items(s)
      local out = {}
      for _, it in ipairs(numbers.list(s, 1)) do out[#out + 1] = it[2] end
      return table.concat(out, " ")
    end
    assert.are.equal("A/RES/ES-10/14", items("A/RES/ES-10/14 of 2003"))
    assert.are.equal("1441 (2002)", items("1441 (2002)"))
    assert.are.equal("242 338", items("242 and 338"))
    assert.are.equal("660 661 662", items("660 to 662"))
    assert.is_nil(numbers.list("77 to 23", 1))   -- a vote tally, not a range
  end)
end)

describe("un_resolutions.rows", function()
  it("writes a row as TSV, breaking no line", function()
    assert.are.equal("a.txt\t2003-01-02\t1\t11\tresolution\tyes\tUN unspecified\twritten\tcited\t\t\t\tone two",
      rows.tsv { file = "a.txt", date = "2003-01-02", start = 1, ["end"] = 11, matched = "resolution",
        is_reference = "yes", body = "UN unspecified", body_source = "written", status = "cited",
        sentence = "one\ttwo" })
  end)
end)
