-- Specs of the un-resolutions pack: lector pack test un-resolutions (the modules need no corpus).
local finder = require "un_resolutions.finder"
local rows = require "un_resolutions.rows"

describe("un_resolutions.finder", function()
  it("finds a numbered Security Council resolution and leaves a New Year's resolution out", function()
    local r = finder.find("The Security Council adopted resolution 1441 (2002). He made a New Year's resolution.")
    assert.are.equal(2, #r)
    assert.are.same({ 29, 51, "resolution 1441 (2002)", "yes", "UN Security Council", "adopted", "numbered",
      "1441 (2002)" }, { r[1].start, r[1].stop, r[1].matched, r[1].is_reference, r[1].body, r[1].status,
      r[1].specificity, r[1].number })
    assert.are.equal("no", r[2].is_reference)
  end)
end)

describe("un_resolutions.rows", function()
  it("writes a row as TSV, breaking no line", function()
    assert.are.equal("a.txt\t1\t11\tresolution\tyes\tUN unspecified\t\t\t\tone two",
      rows.tsv { file = "a.txt", start = 1, ["end"] = 11, matched = "resolution", is_reference = "yes",
        body = "UN unspecified", sentence = "one\ttwo" })
  end)
end)
