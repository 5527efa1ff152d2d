-- positions.lua (data): what scripts/positions.lua looks for. Edit freely: this file is data.
--
-- actors: groups in the format of data/entities.lua (a name, aliases with case as written, longest
--   match first). Officials, leaders and spokesmen are aliases of their country or organization, so
--   "Lavrov says" and "the Kremlin said" are both Russia's statements.
-- topics: { "name", any = { cues }, also = { cues }, un_resolution = true }. A sentence is about a
--   topic when it holds one of `any`, and, if `also` is given, one of `also` too (or, when `also` is a
--   list of lists, one of each list: Moscow and Baghdad). A cue is a word or phrase in lower case; a
--   trailing * matches any ending ("inspect*" = inspect, inspectors, inspections). With follow = true a
--   topic also covers later sentences of the same document that hold one of `any` alone ("such a
--   resolution" after "a resolution authorizing force"). With un_resolution = true, "resolution" counts
--   only where the un-resolutions finder sees a UN resolution (not a military resolution, not one of
--   Congress).
-- stance: cue words for supports / opposes / conditional / neutral, the negations that turn supports
--   into opposes (and back), the words that turn a stance against the topic ("removal of sanctions"),
--   and the speech verbs that introduce a statement.
return {
  actors = {
    { "United States", aliases = { "United States", "U.S.", "US", "America", "Washington", "White House",
      "Bush Administration", "Bush administration", "the administration", "Bush", "President Bush",
      "George Bush", "George W. Bush", "G. Bush", "Mr. Bush", "Ari Fleischer", "Fleischer", "Colin Powell",
      "Powell", "James Baker", "Baker", "Jim", "the president", "The president", "The President", "Pentagon",
      "American officials", "U.S. officials", "Americans" } },
    { "Russia", aliases = { "Russia", "Russian government", "Russian officials", "Russian leader", "Moscow",
      "Kremlin", "Soviet Union", "USSR", "Soviet leadership", "Putin", "Vladimir Putin", "President Putin",
      "Gorbachev", "M.S. Gorbachev", "M. S. Gorbachev", "Mikhail Gorbachev", "Ivanov", "Igor Ivanov",
      "Sergei Ivanov", "Lavrov", "Sergei Lavrov", "Mr. Lavrov", "Saltanov", "Alexander Saltanov",
      "the foreign minister", "The foreign minister", "Foreign Minister Lavrov", "Russians" } },
    { "Iraq", aliases = { "Iraq", "Baghdad", "Saddam Hussein", "Saddam", "Iraqi officials", "Iraqi leader",
      "Iraqi government", "Hoshyar Zebari", "Zebari", "The Iraqi foreign minister", "the Iraqi foreign minister",
      "Iraq's foreign minister", "Tariq Aziz", "Aziz" } },
    { "United Nations", aliases = { "United Nations", "U.N.", "UN", "Security Council", "U.N. Security Council",
      "UN Security Council", "Hans Blix", "Blix", "Kofi Annan", "Annan", "inspectors", "weapons inspectors",
      "U.N. weapons inspectors", "Richard Butler", "Butler", "Mohamed ElBaradei", "ElBaradei" } },
    { "France", aliases = { "France", "Paris", "Chirac", "Jacques Chirac", "de Villepin", "French" } },
    { "Germany", aliases = { "Germany", "Berlin", "Schroeder", "Gerhard Schroeder", "Fischer", "German" } },
    { "China", aliases = { "China", "Beijing", "Chinese", "the Chinese", "The Chinese" } },
    { "Turkey", aliases = { "Turkey", "Ankara", "Turkish", "Turkey's parliament", "Turkey’s parliament" } },
  },

  topics = {
    { "UN resolution authorizing force", any = { "resolution", "resolutions" },
      also = { "force", "hostilities", "military", "measures", "means", "forcing", "veto", "authoriz*",
        "ultimatum", "strong action" }, follow = true, un_resolution = true },
    { "weapons inspections", any = { "inspector*", "inspection*", "inspect", "disarm*", "disarmament" } },
    { "use of force", any = { "use of force", "use force", "war", "military action", "military resolution",
      "air strike*", "military strike*", "hostilities", "bloodshed", "battle", "action against", "strong action",
      "act on its own", "offensive", "military force", "force against", "armed force",
      "use of military" } },
    { "sanctions", any = { "sanction", "sanctions", "embargo" } },
    { "Iraq and terrorism", any = { "terror*", "al-qaida", "al qaeda", "al-qaeda", "sept. 11", "september 11",
      "bin laden" } },
    { "peacekeeping troops", any = { "peacekeep*", "multinational force", "send troops", "send any troops" } },
    { "economic aid and debt", any = { "debt", "economic aid", "economically", "economic issues",
      "economic and political ties", "restructure", "business training", "oil industry", "billions in" } },
    { "relations between Moscow and Baghdad", any = { "relations", "ties", "partnership", "bilateral" },
      also = { { "moscow", "russia", "russian", "russians", "soviet", "two countries" },
        { "baghdad", "iraq", "iraqi", "iraqis", "two countries" } } },
  },

  stance = {
    supports = { "support*", "back", "backs", "backed", "agree*", "favor*", "favour*", "want", "wants",
      "wanted", "need", "needs", "must", "call* for", "demand*", "urge*", "push*", "pressing for", "press for",
      "hope*", "willing", "ready", "seek*", "interested", "necessary", "insist*", "help", "assist",
      "case for", "should", "will seek", "prepared", "intention", "step up", "examining ways", "studying ways",
      "strengthen", "developing", "confident", "comply", "effective", "firm", "prefer", "acknowledge*",
      "proof", "evidence", "agreed", "asking", "ask", "welcome*", "endorse*", "authoriz*", "authoris*", "accept*" },
    opposes = { "oppose*", "reject*", "critic*", "criticiz*", "veto", "refus*", "denied", "deny",
      "denies", "avoid", "mistake", "deception", "not take part", "hostile", "disclaimer*", "condemn*",
      "blocked", "halt", "resist*" },
    conditional = { "if", "unless", "provided", "on condition", "only after", "as long as", "first step",
      "in case", "whether" },
    neutral = { "did not say whether", "declined to", "no comment", "not immediately" },
    negations = { "not", "n't", "never", "no", "cannot", "can not", "nor", "without", "denied", "deny",
      "denies" },
    -- these turn the stance on a topic around: pressing for the removal of sanctions opposes them
    against_topic = { "removal", "remove", "lift", "lifting", "lifted", "end", "ending", "ease", "easing",
      "avoid", "prevent", "stop", "halt", "instead of" },
    speech = { "said", "says", "say", "told", "tells", "asserted", "asserts", "declared", "declares",
      "stated", "states", "insisted", "insists", "according to", "added", "adds", "noted", "notes",
      "announced", "announces", "warned", "warns", "argued", "argues", "explained", "replied", "answered",
      "denied", "denies", "agreed", "agrees", "spoke", "expressed" },
    -- modal verbs: "could" + a stance (without a negation) is a possibility, reported as conditional
    possibility = { "could", "might", "may" },
  },
}
