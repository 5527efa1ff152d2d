-- The resolution finder (scripts/packs/un-resolutions/lua/un_resolutions/finder.lua) on sentences
-- written for these specs, one per category and per other sense of the word, and the exact rows
-- of scripts/resolutions.lua on corpus/.
package.path = "scripts/?.lua;scripts/lib/?.lua;scripts/packs/un-resolutions/lua/?.lua;" .. package.path
local finder = require "un_resolutions.finder"

-- each case: text, then its rows: { start, stop, matched, is_reference, body, status, specificity, number }
local cases = {
  -- bodies, named
  { "The Security Council adopted resolution 1441 (2002) unanimously.",
    { 29, 51, "resolution 1441 (2002)", "yes", "UN Security Council", "adopted", "numbered", "1441 (2002)" } },
  { "The General Assembly adopted resolution 48/126 on human rights.",
    { 29, 46, "resolution 48/126", "yes", "UN General Assembly", "adopted", "numbered", "48/126" } },
  { "The Human Rights Council passed a resolution condemning the attacks.",
    { 34, 44, "resolution", "yes", "UN Human Rights Council", "adopted", "specific", "" } },
  { "The House passed a joint resolution authorizing the use of military force against Iraq.",
    { 25, 35, "resolution", "yes", "US Congress", "adopted", "specific", "" } },
  { "The European Parliament approved a non-binding resolution on Tibet.",
    { 47, 57, "resolution", "yes", "European Parliament", "adopted", "specific", "" } },
  { "The city council adopted Resolution 2019-45 on zoning.",
    { 25, 43, "Resolution 2019-45", "yes", "city council", "adopted", "numbered", "2019-45" } },
  { "The Senate adopted Senate Resolution 95, which was nonbinding.",
    { 26, 39, "Resolution 95", "yes", "US Congress", "adopted", "numbered", "95" } },
  -- bodies, inferred: a veto is the Security Council's
  { "Moscow threatened to veto any resolution that authorizes force.",
    { 30, 40, "resolution", "yes", "UN Security Council", "hypothetical", "generic", "" } },
  { "Russia and China vetoed the resolution on Syria in 2011.",
    { 28, 38, "resolution", "yes", "UN Security Council", "vetoed", "specific", "" } },
  -- status
  { "France circulated a draft resolution on Syria at the United Nations.",
    { 26, 36, "resolution", "yes", "UN unspecified", "draft", "specific", "" } },
  { "Iraq remained in material breach of resolution 687 (1991).",
    { 36, 57, "resolution 687 (1991)", "yes", "UN Security Council", "existing", "numbered", "687 (1991)" } },
  { "At the U.N., any new resolution would need nine votes.",
    { 21, 31, "resolution", "yes", "UN unspecified", "hypothetical", "generic", "" } },
  { "Britain is pushing for a second U.N. resolution.",
    { 37, 47, "resolution", "yes", "UN unspecified", "proposed", "specific", "" } },
  -- specificity: anaphoric after a first mention, generic plurals
  { "The Council adopted resolution 2334 in December. The resolution demands a halt to settlement activity.",
    { 20, 35, "resolution 2334", "yes", "Council", "adopted", "numbered", "2334" },
    { 53, 63, "resolution", "yes", "Council", "existing", "anaphoric", "" } },
  { "U.N. resolutions are rarely enforced.",
    { 5, 16, "resolutions", "yes", "UN unspecified", "existing", "generic", "" } },
  -- numbers: lists are one row each, UN document symbols, US Congress and UNSCR symbols
  { "The inspectors cited resolutions 660, 661 and 678 of the Security Council.",
    { 21, 36, "resolutions 660", "yes", "UN Security Council", "existing", "numbered", "660" },
    { 38, 41, "661", "yes", "UN Security Council", "existing", "numbered", "661" },
    { 46, 49, "678", "yes", "UN Security Council", "existing", "numbered", "678" } },
  { "The text recalls S/RES/1441 (2002) and draft A/C.3/48/L.7.",
    { 17, 34, "S/RES/1441 (2002)", "yes", "UN Security Council", "existing", "numbered", "S/RES/1441 (2002)" },
    { 45, 57, "A/C.3/48/L.7", "yes", "UN General Assembly", "draft", "numbered", "A/C.3/48/L.7" } },
  { "Washington invoked UNSCR 1373 after the attacks.",
    { 19, 29, "UNSCR 1373", "yes", "UN Security Council", "existing", "numbered", "1373" } },
  { "Congress passed H.J.Res. 114 in October 2002.",
    { 16, 28, "H.J.Res. 114", "yes", "US Congress", "existing", "numbered", "114" } },
  -- the other senses of the word
  { "My New Year’s resolution is to read more.", { 16, 26, "resolution", "no", "none", "", "", "" } },
  { "My New Year's resolutions never last.", { 14, 25, "resolutions", "no", "none", "", "", "" } },
  { "They want a military resolution to the conflict.", { 21, 31, "resolution", "no", "none", "", "", "" } },
  { "The resolution of the dispute took years.", { 4, 14, "resolution", "no", "none", "", "", "" } },
  { "Set the screen resolution to 1920x1080.", { 15, 25, "resolution", "no", "none", "", "", "" } },
  { "The photo's resolution is too low.", { 12, 22, "resolution", "no", "none", "", "", "" } },
  { "She showed great resolution under fire.", { 17, 27, "resolution", "no", "none", "", "", "" } },
  -- related instruments without the word
  { "The strikes were justified under Article 51 of the UN Charter.",
    { 33, 43, "Article 51", "yes", "UN unspecified", "existing", "numbered", "51" } },
  { "Article 5 of the NATO treaty was invoked." },
  { "Iraq ignored repeated U.N. orders to disarm.",
    { 22, 33, "U.N. orders", "yes", "UN unspecified", "existing", "generic", "" } },
  { "Planes patrolled the no-fly zones set by the United Nations.",
    { 34, 59, "set by the United Nations", "yes", "UN unspecified", "existing", "specific", "" } },
  -- the language of UN records, law and business
  { "Recalling its resolutions 1284 (1999) and 1409 (2002), the Security Council decides that Iraq shall comply.",
    { 14, 37, "resolutions 1284 (1999)", "yes", "UN Security Council", "existing", "numbered", "1284 (1999)" },
    { 42, 53, "1409 (2002)", "yes", "UN Security Council", "existing", "numbered", "1409 (2002)" } },
  { "The Security Council, acting under Chapter VII, adopted resolution 1483 (2003) on 22 May 2003.",
    { 56, 78, "resolution 1483 (2003)", "yes", "UN Security Council", "adopted", "numbered", "1483 (2003)" } },
  { "The Assembly adopted the draft resolution contained in document A/58/L.12 by a recorded vote.",
    { 31, 41, "resolution", "yes", "Assembly", "adopted", "specific", "" },
    { 64, 73, "A/58/L.12", "yes", "UN General Assembly", "draft", "numbered", "A/58/L.12" } },
  { "Iraq is in material breach of its obligations under relevant resolutions, including resolution 687 (1991).",
    { 61, 72, "resolutions", "yes", "UN Security Council", "existing", "generic", "" },
    { 84, 105, "resolution 687 (1991)", "yes", "UN Security Council", "existing", "numbered", "687 (1991)" } },
  { "The Council reaffirmed resolutions 1483 (2003) and 1511 (2003).",
    { 23, 46, "resolutions 1483 (2003)", "yes", "UN Security Council", "existing", "numbered", "1483 (2003)" },
    { 51, 62, "1511 (2003)", "yes", "UN Security Council", "existing", "numbered", "1511 (2003)" } },
  { "General Assembly resolution 2625 (XXV) sets out the principles of friendly relations.",
    { 17, 38, "resolution 2625 (XXV)", "yes", "UN General Assembly", "existing", "numbered", "2625 (XXV)" } },
  { "The United States introduced a draft resolution that was vetoed by Russia.",
    { 37, 47, "resolution", "yes", "UN Security Council", "vetoed", "specific", "" } },
  { "Shareholders rejected the resolution on executive pay.",
    { 26, 36, "resolution", "yes", "shareholders", "proposed", "specific", "" } },
  { "The committee will vote on the resolution tomorrow.",
    { 31, 41, "resolution", "yes", "committee", "proposed", "specific", "" } },
  { "Senators approved the resolution 77 to 23.", { 22, 32, "resolution", "yes", "none", "adopted", "specific", "" } },
  { "The mediator helped bring about a resolution of the strike.", { 34, 44, "resolution", "no", "none", "", "", "" } },
  { "This monitor has a resolution of 2560 by 1440 pixels.", { 19, 29, "resolution", "no", "none", "", "", "" } },
  { "Under Article 42 of the Charter, the Council may take action by air, sea or land forces.",
    { 6, 16, "Article 42", "yes", "UN unspecified", "existing", "numbered", "42" } },
}

local function fields(r)
  return { r.start, r.stop, r.matched, r.is_reference, r.body, r.status, r.specificity, r.number }
end

describe("un_resolutions.finder", function()
  for _, c in ipairs(cases) do
    it(c[1], function()
      local got = {}
      for i, r in ipairs(finder.find(c[1])) do got[i] = fields(r) end
      local want = {}
      for i = 2, #c do want[#want + 1] = c[i] end
      assert.are.same(want, got)
      -- the offsets are those of the matched words in the text
      for _, r in ipairs(got) do assert.are.equal(r[3], c[1]:sub(r[1] + 1, r[2])) end
    end)
  end

  it("keeps the document's state across sentences: the body of an antecedent, the UN context", function()
    local scan = finder.scanner({ context = "The U.N. Security Council met." })
    assert.are.same({}, scan:sentence("The U.N. Security Council met."))
    local r = scan:sentence("Iraq must comply with resolution 687.", 100)[1]
    assert.are.same({ 122, 136, "resolution 687", "yes", "UN Security Council", "existing", "numbered", "687" }, fields(r))
    r = scan:sentence("That resolution set the terms of the ceasefire.")[1]
    assert.are.same({ 5, 15, "resolution", "yes", "UN Security Council", "existing", "anaphoric", "" }, fields(r))
  end)

  it("infers the Council from a veto in a later sentence", function()
    local rows = finder.find("Bush wants a U.N. resolution on Iraq. Moscow could veto the resolution.")
    assert.are.same({ 18, 28, "resolution", "yes", "UN Security Council", "proposed", "specific", "" }, fields(rows[1]))
    assert.are.same({ 60, 70, "resolution", "yes", "UN Security Council", "proposed", "anaphoric", "" }, fields(rows[2]))
  end)
end)

describe("scripts/resolutions.lua on corpus/", function()
  it("finds these rows, exactly", function()
    local R = require "resolutions"
    local want = {
      { "000", 376, 386, "resolution", "yes", "UN Security Council", "proposed", "specific", "" },
      { "000", 533, 543, "resolution", "yes", "UN Security Council", "proposed", "anaphoric", "" },
      { "000", 817, 828, "resolutions", "yes", "UN unspecified", "hypothetical", "generic", "" },
      { "000", 1101, 1112, "resolutions", "yes", "UN unspecified", "existing", "generic", "" },
      { "000", 1753, 1763, "resolution", "yes", "UN unspecified", "hypothetical", "generic", "" },
      { "001", 632, 642, "resolution", "yes", "UN Security Council", "draft", "specific", "" },
      { "001", 862, 872, "resolution", "yes", "UN Security Council", "hypothetical", "generic", "" },
      { "001", 1253, 1263, "resolution", "yes", "UN Security Council", "proposed", "specific", "" },
      { "001", 1948, 1963, "set by the U.N.", "yes", "UN unspecified", "existing", "specific", "" },
      { "001", 2248, 2258, "U.N. order", "yes", "UN unspecified", "existing", "specific", "" },
      { "004", 2603, 2613, "resolution", "yes", "UN Security Council", "proposed", "specific", "" },
      { "004", 3910, 3920, "resolution", "yes", "UN Security Council", "proposed", "anaphoric", "" },
      { "004", 6890, 6900, "resolution", "no", "none", "", "", "" },
      { "004", 7069, 7079, "Article 51", "yes", "UN unspecified", "existing", "numbered", "51" },
      { "004", 7694, 7704, "resolution", "yes", "UN Security Council", "proposed", "specific", "" },
      { "004", 7916, 7926, "resolution", "yes", "UN Security Council", "existing", "anaphoric", "" },
      { "004", 8172, 8182, "resolution", "yes", "UN Security Council", "proposed", "anaphoric", "" },
      { "004", 9220, 9230, "resolution", "yes", "UN Security Council", "hypothetical", "generic", "" },
      { "004", 9537, 9547, "resolution", "yes", "UN Security Council", "proposed", "anaphoric", "" },
      { "004", 9911, 9921, "resolution", "yes", "US Congress", "vetoed", "specific", "" },
    }
    local got = {}
    for i, r in ipairs(R.corpus(corpus)) do
      got[i] = { r.file:sub(1, 3), r.start, r["end"], r.matched, r.is_reference, r.body, r.status, r.specificity, r.number }
      -- start/end are byte offsets in the file
      assert.are.equal(r.matched, r.doc:text():sub(r.start + 1, r["end"]))
    end
    assert.are.same(want, got)
  end)
end)
