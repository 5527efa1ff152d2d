-- The resolution finder (scripts/packs/un-resolutions/lua/un_resolutions/finder.lua) on sentences
-- written for these specs, one per category and per other sense of the word, and the exact rows
-- of scripts/resolutions.lua on corpus/.
package.path = "scripts/?.lua;scripts/lib/?.lua;scripts/packs/un-resolutions/lua/?.lua;" .. package.path
local finder = require "un_resolutions.finder"

-- each case: text, then its rows: { start, stop, matched, is_reference, body, body_source, status, number, verb }
local cases = {
  { "The Security Council adopted resolution 1441 (2002) unanimously.",
    { 29, 51, "resolution 1441 (2002)", "yes", "UN Security Council", "written", "adopted", "1441 (2002)", "adopted" } },
  { "The General Assembly adopted resolution 48/126 on human rights.",
    { 29, 46, "resolution 48/126", "yes", "UN General Assembly", "written", "adopted", "48/126", "adopted" } },
  { "The Human Rights Council passed a resolution condemning the attacks.",
    { 34, 44, "resolution", "yes", "UN Human Rights Council", "written", "adopted", "", "passed" } },
  { "The House passed a joint resolution authorizing the use of military force against Iraq.",
    { 25, 35, "resolution", "yes", "US Congress", "written", "adopted", "", "passed" } },
  { "The European Parliament approved a non-binding resolution on Tibet.",
    { 47, 57, "resolution", "yes", "EU", "written", "adopted", "", "approved" } },
  { "The city council adopted Resolution 2019-45 on zoning.",
    { 25, 43, "Resolution 2019-45", "yes", "city council", "written", "adopted", "2019-45", "adopted" } },
  { "The Senate adopted Senate Resolution 95, which was nonbinding.",
    { 26, 39, "Resolution 95", "yes", "US Senate", "inferred", "adopted", "95", "adopted" } },
  { "Moscow threatened to veto any resolution that authorizes force.",
    { 30, 40, "resolution", "yes", "UN Security Council", "inferred", "proposed", "", "veto" } },
  { "Russia and China vetoed the resolution on Syria in 2011.",
    { 28, 38, "resolution", "yes", "UN Security Council", "inferred", "vetoed", "", "vetoed" } },
  { "France circulated a draft resolution on Syria at the United Nations.",
    { 26, 36, "resolution", "yes", "UN unspecified", "written", "draft", "", "draft" } },
  { "Iraq remained in material breach of resolution 687 (1991).",
    { 36, 57, "resolution 687 (1991)", "yes", "UN Security Council", "inferred", "cited", "687 (1991)", "breach" } },
  { "At the U.N., any new resolution would need nine votes.",
    { 21, 31, "resolution", "yes", "UN unspecified", "written", "proposed", "", "new" } },
  { "Britain is pushing for a second U.N. resolution.",
    { 37, 47, "resolution", "yes", "UN unspecified", "written", "proposed", "", "pushing" } },
  { "The Council adopted resolution 2334 in December. The resolution demands a halt to settlement activity.",
    { 20, 35, "resolution 2334", "yes", "unknown", "unknown", "adopted", "2334", "adopted" },
    { 53, 63, "resolution", "yes", "unknown", "unknown", "cited", "", "demands" } },
  { "U.N. resolutions are rarely enforced.",
    { 5, 16, "resolutions", "yes", "UN unspecified", "written", "cited", "", "enforced" } },
  { "The inspectors cited resolutions 660, 661 and 678 of the Security Council.",
    { 21, 36, "resolutions 660", "yes", "UN Security Council", "written", "cited", "660", "cited" },
    { 38, 41, "661", "yes", "UN Security Council", "written", "cited", "661", "cited" },
    { 46, 49, "678", "yes", "UN Security Council", "written", "cited", "678", "cited" } },
  { "The text recalls S/RES/1441 (2002) and draft A/C.3/48/L.7.",
    { 17, 34, "S/RES/1441 (2002)", "yes", "UN Security Council", "inferred", "cited", "S/RES/1441 (2002)", "" },
    { 45, 57, "A/C.3/48/L.7", "yes", "UN General Assembly", "inferred", "draft", "A/C.3/48/L.7", "" } },
  { "Washington invoked UNSCR 1373 after the attacks.",
    { 19, 29, "UNSCR 1373", "yes", "UN Security Council", "inferred", "cited", "1373", "" } },
  { "Congress passed H.J.Res. 114 in October 2002.",
    { 16, 28, "H.J.Res. 114", "yes", "US Congress", "inferred", "cited", "H.J.Res. 114", "" } },
  { "My New Year’s resolution is to read more.",
    { 16, 26, "resolution", "no", "", "", "", "", "" } },
  { "My New Year's resolutions never last.",
    { 14, 25, "resolutions", "no", "", "", "", "", "" } },
  { "They want a military resolution to the conflict.",
    { 21, 31, "resolution", "no", "", "", "", "", "" } },
  { "The resolution of the dispute took years.",
    { 4, 14, "resolution", "no", "", "", "", "", "" } },
  { "Set the screen resolution to 1920x1080.",
    { 15, 25, "resolution", "no", "", "", "", "", "" } },
  { "The photo's resolution is too low.",
    { 12, 22, "resolution", "no", "", "", "", "", "" } },
  { "She showed great resolution under fire.",
    { 17, 27, "resolution", "no", "", "", "", "", "" } },
  { "The strikes were justified under Article 51 of the UN Charter.",
    { 33, 43, "Article 51", "yes", "UN unspecified", "written", "cited", "51", "" } },
  { "Article 5 of the NATO treaty was invoked." },
  { "Iraq ignored repeated U.N. orders to disarm.",
    { 22, 33, "U.N. orders", "yes", "UN unspecified", "inferred", "cited", "", "" } },
  { "Planes patrolled the no-fly zones set by the United Nations.",
    { 34, 59, "set by the United Nations", "yes", "UN unspecified", "inferred", "cited", "", "" } },
  { "Recalling its resolutions 1284 (1999) and 1409 (2002), the Security Council decides that Iraq shall comply.",
    { 14, 37, "resolutions 1284 (1999)", "yes", "UN Security Council", "written", "cited", "1284 (1999)", "Recalling" },
    { 42, 53, "1409 (2002)", "yes", "UN Security Council", "written", "cited", "1409 (2002)", "Recalling" } },
  { "The Security Council, acting under Chapter VII, adopted resolution 1483 (2003) on 22 May 2003.",
    { 56, 78, "resolution 1483 (2003)", "yes", "UN Security Council", "written", "adopted", "1483 (2003)", "adopted" } },
  { "The Assembly adopted the draft resolution contained in document A/58/L.12 by a recorded vote.",
    { 31, 41, "resolution", "yes", "UN General Assembly", "inferred", "adopted", "", "adopted" },
    { 64, 73, "A/58/L.12", "yes", "UN General Assembly", "inferred", "draft", "A/58/L.12", "" } },
  { "Iraq is in material breach of its obligations under relevant resolutions, including resolution 687 (1991).",
    { 61, 72, "resolutions", "yes", "UN Security Council", "inferred", "cited", "", "obligations" },
    { 84, 105, "resolution 687 (1991)", "yes", "UN Security Council", "inferred", "cited", "687 (1991)", "relevant" } },
  { "The Council reaffirmed resolutions 1483 (2003) and 1511 (2003).",
    { 23, 46, "resolutions 1483 (2003)", "yes", "UN Security Council", "inferred", "cited", "1483 (2003)", "reaffirmed" },
    { 51, 62, "1511 (2003)", "yes", "UN Security Council", "inferred", "cited", "1511 (2003)", "reaffirmed" } },
  { "General Assembly resolution 2625 (XXV) sets out the principles of friendly relations.",
    { 17, 38, "resolution 2625 (XXV)", "yes", "UN General Assembly", "written", "cited", "2625 (XXV)", "" } },
  { "The United States introduced a draft resolution that was vetoed by Russia.",
    { 37, 47, "resolution", "yes", "UN Security Council", "inferred", "vetoed", "", "vetoed" } },
  { "Shareholders rejected the resolution on executive pay.",
    { 26, 36, "resolution", "yes", "company board", "written", "rejected", "", "rejected" } },
  { "The committee will vote on the resolution tomorrow.",
    { 31, 41, "resolution", "yes", "unknown", "unknown", "proposed", "", "" } },
  { "Senators approved the resolution 77 to 23.",
    { 22, 32, "resolution", "yes", "unknown", "unknown", "adopted", "", "approved" } },
  { "The mediator helped bring about a resolution of the strike.",
    { 34, 44, "resolution", "no", "", "", "", "", "" } },
  { "This monitor has a resolution of 2560 by 1440 pixels.",
    { 19, 29, "resolution", "no", "", "", "", "", "" } },
  { "Under Article 42 of the Charter, the Council may take action by air, sea or land forces.",
    { 6, 16, "Article 42", "yes", "UN unspecified", "written", "cited", "42", "" } },
  { "We will go to the United Nations and seek a new resolution. If the resolution fails, we will act.",
    { 48, 58, "resolution", "yes", "UN unspecified", "written", "proposed", "", "seek" },
    { 67, 77, "resolution", "yes", "UN unspecified", "inferred", "proposed", "", "" } },
  { "The United Nations Security Council voted 15-0 in favor of the resolution.",
    { 63, 73, "resolution", "yes", "UN Security Council", "written", "adopted", "", "voted" } },
  { "Delegates debated the draft for hours before the resolution was withdrawn.",
    { 49, 59, "resolution", "yes", "unknown", "unknown", "proposed", "", "debated" } },
  { "Our resolution to win this war is unshakable.",
    { 4, 14, "resolution", "no", "", "", "", "", "" } },
  { "The dispute-resolution mechanism of the WTO was invoked.",
    { 12, 22, "resolution", "no", "", "", "", "", "" } },
  { "Pursuant to Security Council resolutions 1267 (1999) and 1373 (2001), states must freeze assets.",
    { 29, 52, "resolutions 1267 (1999)", "yes", "UN Security Council", "written", "cited", "1267 (1999)", "Pursuant" },
    { 57, 68, "1373 (2001)", "yes", "UN Security Council", "written", "cited", "1373 (2001)", "Pursuant" } },
  { "The Assembly adopted resolution ES-10/14 at its emergency special session.",
    { 21, 40, "resolution ES-10/14", "yes", "UN General Assembly", "inferred", "adopted", "ES-10/14", "adopted" } },
  { "The General Assembly adopted A/RES/60/1, the World Summit Outcome.",
    { 29, 39, "A/RES/60/1", "yes", "UN General Assembly", "inferred", "cited", "A/RES/60/1", "" } },
  { "See General Assembly resolution A/RES/60.1 of 2005.",
    { 21, 42, "resolution A/RES/60.1", "yes", "UN General Assembly", "written", "cited", "A/RES/60.1", "" } },
  { "The Council acted under S/RES/678 (1990).",
    { 24, 40, "S/RES/678 (1990)", "yes", "UN Security Council", "inferred", "cited", "S/RES/678 (1990)", "" } },
  { "Israel was called on to comply with Security Council resolutions 242 and 338.",
    { 53, 68, "resolutions 242", "yes", "UN Security Council", "written", "cited", "242", "comply" },
    { 73, 76, "338", "yes", "UN Security Council", "written", "cited", "338", "comply" } },
  { "The Security Council adopted resolutions 660 to 663 in 1990.",
    { 29, 44, "resolutions 660", "yes", "UN Security Council", "written", "adopted", "660", "adopted" },
    { 41, 51, "660 to 663", "yes", "UN Security Council", "written", "adopted", "661", "adopted" },
    { 41, 51, "660 to 663", "yes", "UN Security Council", "written", "adopted", "662", "adopted" },
    { 48, 51, "663", "yes", "UN Security Council", "written", "adopted", "663", "adopted" } },
  { "The Ohio House passed a resolution honoring the team.",
    { 24, 34, "resolution", "yes", "US state legislature", "written", "adopted", "", "passed" } },
  { "The state Senate rejected a resolution on the budget.",
    { 28, 38, "resolution", "yes", "US state legislature", "written", "rejected", "", "rejected" } },
  { "The Georgia Legislature met on Monday. The House passed a resolution on roads.",
    { 58, 68, "resolution", "yes", "US state legislature", "inferred", "adopted", "", "passed" } },
  { "The Security Council met on Monday. The Council adopted a resolution on Syria.",
    { 58, 68, "resolution", "yes", "UN Security Council", "inferred", "adopted", "", "adopted" } },
  { "The city council met on Monday. The council adopted a resolution on parking.",
    { 54, 64, "resolution", "yes", "city council", "inferred", "adopted", "", "adopted" } },
  { "The Council adopted a resolution on parking.",
    { 22, 32, "resolution", "yes", "unknown", "unknown", "adopted", "", "adopted" } },
  { "The Bank of England is the UK's resolution authority under the special resolution regime.",
    { 32, 42, "resolution", "no", "", "", "", "", "" },
    { 71, 81, "resolution", "no", "", "", "", "", "" } },
  { "She teaches conflict resolution and dispute resolution at the law school.",
    { 21, 31, "resolution", "no", "", "", "", "", "" },
    { 44, 54, "resolution", "no", "", "", "", "", "" } },
  { "The sensor's temporal resolution is ten milliseconds.",
    { 22, 32, "resolution", "no", "", "", "", "", "" } },
  { "They resolve to act, and their resolve is firm." },
  { "The General Synod passed a resolution on climate change.",
    { 27, 37, "resolution", "yes", "church synod", "written", "adopted", "", "passed" } },
  { "The board of directors approved a resolution to pay a dividend.",
    { 34, 44, "resolution", "yes", "company board", "written", "adopted", "", "approved" } },
  { "The Bundestag passed a resolution condemning the attack.",
    { 23, 33, "resolution", "yes", "national parliament", "written", "adopted", "", "passed" } },
  { "The European Parliament adopted a resolution on Belarus.",
    { 34, 44, "resolution", "yes", "EU", "written", "adopted", "", "adopted" } },
  { "The House Judiciary Committee approved a resolution of inquiry.",
    { 41, 51, "resolution", "yes", "US House", "inferred", "adopted", "", "approved" } },
  { "Congress passed a joint resolution. The House committee later amended the resolution.",
    { 24, 34, "resolution", "yes", "US Congress", "written", "adopted", "", "passed" },
    { 74, 84, "resolution", "yes", "US Congress", "inferred", "cited", "", "" } },
  -- news and legal phrasing: votes, vetoes, chambers, bank resolution
  { "The resolution, drafted by Britain, was adopted by a vote of 13 to 0 with two abstentions.",
    { 4, 14, "resolution", "yes", "UN Security Council", "inferred", "adopted", "", "adopted" } },
  { "The United States vetoed a draft resolution condemning the settlements.",
    { 33, 43, "resolution", "yes", "UN Security Council", "inferred", "vetoed", "", "vetoed" } },
  { "The resolution failed to win the nine votes needed for adoption.",
    { 4, 14, "resolution", "yes", "unknown", "unknown", "rejected", "", "failed" } },
  { "Resolution 1441 was passed unanimously on November 8.",
    { 0, 15, "Resolution 1441", "yes", "unknown", "unknown", "adopted", "1441", "passed" } },
  { "The resolution passed the House 250-180 on Thursday.",
    { 4, 14, "resolution", "yes", "US House", "inferred", "adopted", "", "passed" } },
  { "A nonbinding resolution introduced by Sen. John Kerry would condemn the strikes.",
    { 13, 23, "resolution", "yes", "US Senate", "inferred", "proposed", "", "introduced" } },
  { "The town council voted 5-2 to approve the resolution.",
    { 42, 52, "resolution", "yes", "city council", "written", "adopted", "", "approve" } },
  { "The resolution was defeated 48-52 in the Senate.",
    { 4, 14, "resolution", "yes", "US Senate", "inferred", "rejected", "", "defeated" } },
  { "Members of the General Assembly voted 141 to 5 for the resolution demanding a ceasefire.",
    { 55, 65, "resolution", "yes", "UN General Assembly", "written", "adopted", "", "voted" } },
  { "Under the Dodd-Frank Act, the FDIC has orderly liquidation authority and reviews resolution plans.",
    { 81, 91, "resolution", "no", "", "", "", "", "" } },
  { "Congress adopted a concurrent resolution on the budget.",
    { 30, 40, "resolution", "yes", "US Congress", "written", "adopted", "", "adopted" } },
  { "Shareholders approved all resolutions at the annual general meeting.",
    { 26, 37, "resolutions", "yes", "company board", "written", "adopted", "", "approved" } },
  { "The synod's resolution on women bishops was narrowly rejected.",
    { 12, 22, "resolution", "yes", "church synod", "written", "rejected", "", "rejected" } },
  { "He broke his New Year resolution within a week.",
    { 22, 32, "resolution", "no", "", "", "", "", "" } },
  { "The draft resolution S/2003/215 was never put to a vote.",
    { 10, 31, "resolution S/2003/215", "yes", "UN Security Council", "inferred", "draft", "S/2003/215", "draft" } },
  { "China abstained on resolution 1973.",
    { 19, 34, "resolution 1973", "yes", "UN Security Council", "inferred", "cited", "1973", "" } },  -- real sentences of the UN General Debates (spec/fixtures/resolutions, dev part), one per error
  -- class they showed: an adoption in a participle after the word or in the words it names, "the
  -- adoption/passage of", a special session's suffix, a letter part, a number in brackets, a
  -- meeting's resolutions, a veto that blocks adoption, "its resolutions", "to" as a preposition,
  -- "conflict prevention and resolution", a wish to see one adopted
  { "It fully endorses the provisions of General Assembly resolution 52/165, adopted on 15 December 1997, and its provisions aimed at the elimination of international terrorism.",
    { 53, 70, "resolution 52/165", "yes", "UN General Assembly", "written", "adopted", "52/165", "adopted" } },
  { "The international code of conduct for the transfer of technology which was envisaged in the Program of Action on the Establishment of a New International Economic Order [resolution 3202 (S-VI)] should make possible access on easier terms to a modern technology adapted to the needs of the developing countries.",
    { 170, 192, "resolution 3202 (S-VI)", "yes", "UN General Assembly", "inferred", "cited", "3202 (S-VI)", "" } },
  { "We welcome, therefore, resolution 1621 A (LI) adopted by the Economic and Social Council at its fifty-first session in July this year to strengthen and expand the membership of the Council.",
    { 23, 45, "resolution 1621 A (LI)", "yes", "UN Economic and Social Council", "written", "adopted", "1621 A (LI)", "adopted" } },
  { "In giving assistance to the Angolese liberation movement, the Democratic Republic of the Congo is simply acting on the General Assembly resolution [2184 (XXI)] which appeals to all States Members of the United Nations to give the peoples of the Territories under Portuguese domination the moral and material support necessary for the restoration of their inalienable rights, namely, self-determination, freedom and independence.",
    { 136, 158, "resolution [2184 (XXI)", "yes", "UN General Assembly", "written", "cited", "2184 (XXI)", "" } },
  { "In this spirit we shall support all efforts to proclaim the United Nations Decade for Women: Equality, Development and Peace in order to strengthen and implement the recommendations and resolutions adopted at Mexico City.",
    { 186, 197, "resolutions", "yes", "other", "inferred", "adopted", "", "adopted" } },
  { "Russia has abused its veto power to block the Security Council from adopting any resolutions regarding the grave violation of the sovereignty and independence of Ukraine.",
    { 81, 92, "resolutions", "yes", "UN Security Council", "written", "vetoed", "", "adopting" } },
  { "Iraq has acted in no way contrary to the Charter or Security Council resolutions or to justify an American military aggression against it.",
    { 69, 80, "resolutions", "yes", "UN Security Council", "written", "cited", "", "contrary" } },
  { "More than a decade ago. the Philippines pioneered the adoption of a resolution in the Human Rights Council that drew attention to the impact of climate change on human rights.",
    { 68, 78, "resolution", "yes", "UN Human Rights Council", "written", "adopted", "", "adoption" } },
  { "The UN should continue to support conflict prevention and resolution initiatives undertaken by regional and subregional organizations like the African Union (AU) and Intergovernmental Authority on Development (IGAD).",
    { 58, 68, "resolution", "no", "", "", "", "", "" } },
  { "In this regard, we should like to see a resolution adopted unanimously at the current session of the General Assembly.",
    { 40, 50, "resolution", "yes", "UN General Assembly", "written", "proposed", "", "adopted" } },
  { "The recent events in the eastern part of my country provided eloquent proof of the fact that these international birds of prey do not disarm, in spite of the resolution on mercenaries adopted in the Security Council [241 (1967)] at my country's instigation.",
    { 158, 168, "resolution", "yes", "UN Security Council", "written", "adopted", "", "adopted" } },
  { "There are restrictions that the Council should abide by when adopting its resolutions, which should accord with the purposes and principles of the Organization, so that Member States are able to fulfil their obligation to accept and carry out the decisions of the Security Council resolutions in accordance with Article 25 of the Charter.",
    { 74, 85, "resolutions", "yes", "UN Security Council", "inferred", "cited", "", "" },
    { 281, 292, "resolutions", "yes", "UN Security Council", "written", "cited", "", "accordance" },
    { 312, 322, "Article 25", "yes", "UN unspecified", "written", "cited", "25", "" } },
  { "We would like to request the General Assembly, its President and the Secretary-General to assist in the passage of a special resolution in support of the initiative declaring Central Asia a nuclear-weapon-free zone.",
    { 125, 135, "resolution", "yes", "UN General Assembly", "written", "proposed", "", "passage" } },
  -- "the Soviet Union" names no body; a draft's symbol with its revision, in brackets
  { "All that we received were general accusations from the Soviet Union representative that our only interest was in espionage and that our suggestions meant that we did not genuinely want disarmament; or else bald restatements of those slogans which are again set forth in the draft resolution [A/2485/Rev.1] submitted on 21 September.",
    { 280, 304, "resolution [A/2485/Rev.1", "yes", "UN General Assembly", "inferred", "draft", "A/2485/Rev.1", "draft" } },
  -- a draft's symbol in brackets after "the draft resolution" is that draft's, not another row
  { "With these considerations, the Government of Japan has decided to cosponsor the draft resolution requesting the General Assembly to decide that any proposal in the Assembly which would result in depriving the Republic of China of representation in the United Nations is an important question under Article 18 of the Charter [AfL.632 and Add.l and 2] and also the draft resolution seeking to affirm the right of representation of the Government of the People's Republic of China, to recommend that it should be seated in the Security Council as a permanent member, and at the same time to affirm the continued right of representation of the Government of the Republic of China [A/L.633 and Add.l and 2], 56.",
    { 86, 96, "resolution", "yes", "UN General Assembly", "written", "draft", "", "draft" },
    { 298, 308, "Article 18", "yes", "UN unspecified", "written", "cited", "18", "" },
    { 369, 379, "resolution", "yes", "UN unspecified", "inferred", "draft", "", "draft" } },
}

local function fields(r)
  return { r.start, r.stop, r.matched, r.is_reference, r.body, r.body_source, r.status, r.number, r.verb }
end

describe("un_resolutions.finder", function()
  it("reads \"such a resolution is necessary\" as one still wanted (the seeds, corpus/004)", function()
    local scan = finder.scanner { context = "the UN" }
    scan:sentence("We must get a resolution passed in the UN which would sanction the adoption of the necessary "
      .. "measures, that is, the use of force, in order to convince Saddam Hussein that he must comply with the UN's "
      .. "demands.", 0)
    local rows = scan:sentence("However, I have come to the conclusion that such a resolution is necessary.", 0)
    assert.are.same({ 51, "yes", "proposed" }, { rows[1].start, rows[1].is_reference, rows[1].status })
  end)
  it("reads a plural in a document that speaks of the UN as its resolutions, not as determination", function()
    local scan = finder.scanner { context = "the United Nations" }
    local rows = scan:sentence("At the same time we must unfortunately note that difficulties are being encountered in "
      .. "the implementation of some principles of the Charter and a considerable number of resolutions, so that peace "
      .. "is constantly troubled by the existence of many armed conflicts in many parts of the world.", 0)
    assert.are.same({ { 169, 180, "resolutions", "yes", "UN unspecified", "inferred", "cited", "", "" } },
      { { rows[1].start, rows[1].stop, rows[1].matched, rows[1].is_reference, rows[1].body, rows[1].body_source,
        rows[1].status, rows[1].number, rows[1].verb } })
  end)

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
    assert.are.same({ 122, 136, "resolution 687", "yes", "UN Security Council", "inferred", "cited", "687", "comply" },
      fields(r))
    r = scan:sentence("That resolution set the terms of the ceasefire.")[1]
    assert.are.same({ 5, 15, "resolution", "yes", "UN Security Council", "inferred", "cited", "", "terms" }, fields(r))
  end)

  it("infers the Council from a veto in a later sentence, and says why", function()
    local rows = finder.find("Bush wants a U.N. resolution on Iraq. Moscow could veto the resolution.")
    assert.are.same({ 18, 28, "resolution", "yes", "UN Security Council", "inferred", "proposed", "", "wants" },
      fields(rows[1]))
    assert.are.same({ 60, 70, "resolution", "yes", "UN Security Council", "inferred", "proposed", "", "veto" },
      fields(rows[2]))
    assert.are.same({ sense = "formal: a formal word near it", body = "a later sentence vetoes it or names the Council",
      status = "a verb of proposing", number = "" }, rows[1].why)
  end)

  it("forgets bodies named more than WINDOW sentences before", function()
    local rows = finder.find("The Georgia House met. It rained. It rained again. It snowed. The House passed a resolution.")
    assert.are.equal(4, finder.WINDOW)
    assert.are.same({ 81, 91, "resolution", "yes", "US House", "inferred", "adopted", "", "passed" }, fields(rows[1]))
    rows = finder.find("The Georgia House met. It rained. It snowed. The House passed a resolution.")
    assert.are.same({ 64, 74, "resolution", "yes", "US state legislature", "inferred", "adopted", "", "passed" },
      fields(rows[1]))
  end)
end)

local R = require "resolutions"

-- the rows as comparable lists, with the evidence: file, date, span, sentence
local function evidence(rows)
  local out = {}
  for i, r in ipairs(rows) do
    out[i] = { r.file, r.date, r.start, r["end"], r.matched, r.is_reference, r.body, r.body_source, r.status,
      r.number, r.verb, r.sentence, r.explain }
  end
  return out
end

describe("scripts/resolutions.lua on corpus/", function()
  it("finds these rows, exactly, with their evidence", function()
    local want = {
      { "000", "2002-09-20", 376, 386, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "000", "2002-09-20", 533, 543, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "000", "2002-09-20", 817, 828, "resolutions", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "000", "2002-09-20", 1101, 1112, "resolutions", "yes", "UN Security Council", "inferred", "cited", "" },
      { "000", "2002-09-20", 1753, 1763, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "001", "2003-02-27", 632, 642, "resolution", "yes", "UN Security Council", "written", "draft", "" },
      { "001", "2003-02-27", 862, 872, "resolution", "yes", "UN Security Council", "written", "proposed", "" },
      { "001", "2003-02-27", 1253, 1263, "resolution", "yes", "UN Security Council", "written", "proposed", "" },
      { "001", "2003-02-27", 1948, 1963, "set by the U.N.", "yes", "UN Security Council", "inferred", "cited", "" },
      { "004", "1990-11-19", 2603, 2613, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "004", "1990-11-19", 3910, 3920, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "004", "1990-11-19", 6890, 6900, "resolution", "no", "", "", "", "" },
      { "004", "1990-11-19", 7069, 7079, "Article 51", "yes", "UN unspecified", "written", "cited", "51" },
      { "004", "1990-11-19", 7694, 7704, "resolution", "yes", "UN Security Council", "written", "proposed", "" },
      { "004", "1990-11-19", 7916, 7926, "resolution", "yes", "UN Security Council", "inferred", "cited", "" },
      { "004", "1990-11-19", 8172, 8182, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "004", "1990-11-19", 9220, 9230, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "004", "1990-11-19", 9537, 9547, "resolution", "yes", "UN Security Council", "inferred", "proposed", "" },
      { "004", "1990-11-19", 9911, 9921, "resolution", "yes", "US Congress", "written", "vetoed", "" },
    }
    local got = {}
    for i, r in ipairs(R.corpus(corpus)) do
      got[i] = { r.file:sub(1, 3), r.date, r.start, r["end"], r.matched, r.is_reference, r.body, r.body_source,
        r.status, r.number }
      -- start/end are byte offsets in the file, inside the sentence
      assert.are.equal(r.matched, r.doc:text():sub(r.start + 1, r["end"]))
      assert.truthy(r.sentence_text:find(r.matched, 1, true))
    end
    assert.are.same(want, got)
  end)

  it("gives the three U.N. resolutions of the 2002 article a body, inferred from the document", function()
    local rows = R.corpus(corpus)
    assert.are.same({ "UN Security Council", "inferred", "the UN's, in a document that speaks of the Security Council" },
      { rows[3].body, rows[3].body_source, rows[3].why.body })
    assert.are.equal("sense: formal: a formal word near it; body: the UN's, in a document that speaks of the "
      .. "Security Council; status: cited: a verb of compliance or reference before it", rows[4].explain)
  end)

  it("finds through the index exactly the rows of reading every sentence", function()
    assert.are.same(evidence(R.scan(corpus)), evidence(R.corpus(corpus)))
  end)
end)

-- a folder of documents made of the labelled real sentences (spec/fixtures/resolutions/gold.tsv), each
-- passage after its context, several to a document, with sentences between that name no body
describe("scripts/resolutions.lua on a folder of real sentences", function()
  local run = require "spec.support.run"
  local dir
  setup(function()
    dir = run.tmpdir()
    local docs, n, seen = {}, 0, {}
    local header
    for line in io.lines("spec/fixtures/resolutions/gold.tsv") do
      local f = {}
      for x in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = x end
      if not header then header = true
      elseif not seen[f[10]] then
        seen[f[10]] = true
        n = n + 1
        local k = (n - 1) // 6 + 1
        docs[k] = (docs[k] or "") .. f[11] .. "\n\nIt was a long day. Nothing else happened.\n\n" .. f[10] .. "\n\n"
      end
    end
    for k, body in ipairs(docs) do run.write(string.format("%s/doc%02d.txt", dir, k), body) end
  end)
  teardown(function() run.rmdir(dir) end)

  it("finds through the index exactly the rows of reading every sentence", function()
    local C = assert(lector.open(dir, { warn = function() end }))
    local scan, indexed = evidence(R.scan(C)), evidence(R.corpus(C))
    assert.are.equal(970, #scan)
    assert.are.same(scan, indexed)
  end)
end)

describe("scripts/resolutions.lua on symbols the corpus splits into two sentences", function()
  local run = require "spec.support.run"
  local dir
  setup(function()
    dir = run.tmpdir()
    run.write(dir .. "/a.txt", "UN notes - 2005-01-01\n\nThe text recalls draft A/C.3/48/L.7 and S/RES/1441 (2002).\n\n"
      .. "Congress passed H.J.Res. 114 and S.Res. 95.\n\nIt rained.\n\nThe Security Council met. It rained. "
      .. "The Council adopted Res. 242 of 1967.\n")
  end)
  teardown(function() run.rmdir(dir) end)

  it("joins them again, finds the numbers whole, and the index gives the same rows", function()
    local C = assert(lector.open(dir, { warn = function() end }))
    local got = {}
    for i, r in ipairs(R.corpus(C)) do got[i] = { r.start, r.matched, r.body, r.status, r.number } end
    assert.are.same({
      { 46, "A/C.3/48/L.7", "UN General Assembly", "draft", "A/C.3/48/L.7" },
      { 63, "S/RES/1441 (2002)", "UN Security Council", "cited", "S/RES/1441 (2002)" },
      { 99, "H.J.Res. 114", "US Congress", "cited", "H.J.Res. 114" },
      { 116, "S.Res. 95", "US Senate", "cited", "S.Res. 95" },
      { 197, "Res. 242", "UN Security Council", "adopted", "242" },
    }, got)
    assert.are.same(evidence(R.scan(C)), evidence(R.corpus(C)))
  end)
end)
