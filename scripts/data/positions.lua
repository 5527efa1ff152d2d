-- positions.lua (data): what scripts/positions.lua looks for. Edit freely: this file is data; give
-- another with --data FILE.
--
-- actors: groups in the format of data/entities.lua (a name, aliases with case as written, longest
--   match first). Officials, leaders and spokesmen are aliases of their country or organization, so
--   "Lavrov says" and "the Kremlin said" are both Russia's statements.
-- topics: { "name", any = { cues }, also = { cues }, except = { phrases }, follow = true }. A topic is
--   named where one of `any` stands, and, if `also` is given, one of `also` is in the sentence too
--   (or, when `also` is a list of lists, one of each list: Moscow and Baghdad). A cue is a word or
--   phrase in lower case; a trailing * matches any ending ("inspect*": inspect, inspectors; three
--   letters at least before it); "word/NOUN" matches the word only with that part of speech
--   ("sanction/NOUN": not "sanction the adoption", which means authorize). `except` names phrases
--   in which a cue means something else ("cold war"). With follow = true a topic also covers later
--   sentences of the same document that hold one of `any` alone ("such a resolution").
-- predicates: the words that carry a stance, by lemma. A verb's stance is on what its complement
--   names; "call for" is a verb with the word after it. supports / opposes: verbs; adjectives:
--   after "be" ("is ready to", "is opposed to"); obligation: modal verbs and phrases that make a
--   demand of what they govern or of their subject ("sanctions must stay"); speech: verbs that
--   report what their subject said (the holder of a first-person stance in a quotation);
--   against_topic: words that turn a stance on a topic around ("the removal of sanctions", "avoid
--   war"); conditions: words that make a stance conditional; unclear: words that leave it open.
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
        "ultimatum", "strong action", "firm" }, follow = true,
      except = { "military resolution", "conflict resolution", "peaceful resolution", "resolution of the conflict",
        "resolution of the crisis", "political resolution" } },
    { "weapons inspections", any = { "inspector*", "inspection*", "inspect", "disarm*", "disarmament" } },
    { "use of force", any = { "use of force", "use force", "war", "military action", "military resolution",
      "air strike*", "military strike*", "hostilities", "bloodshed", "battle", "military force", "armed force",
      "use of military", "force/NOUN", "act on its own", "military solution" },
      except = { "cold war", "gulf war", "secretary of war", "war on poverty", "war on drugs", "air force",
        "task force", "workforce", "in force", "force/VERB", "peacekeeping force", "multinational force",
        "world war" } },
    { "sanctions", any = { "sanction/NOUN", "sanctions", "embargo" } },
    { "Iraq and terrorism", any = { "terror*", "al-qaida", "al qaeda", "al-qaeda", "sept. 11", "september 11",
      "bin laden" } },
    { "peacekeeping troops", any = { "peacekeep*", "multinational force", "send troops", "send any troops" } },
    { "economic aid and debt", any = { "debt", "economic aid", "economically", "economic issues",
      "restructure" } },
    { "relations between Moscow and Baghdad", any = { "relations", "ties", "partnership", "bilateral" },
      also = { { "moscow", "russia", "russian", "russians", "soviet", "two countries" },
        { "baghdad", "iraq", "iraqi", "iraqis", "two countries" } } },
  },

  predicates = {
    supports = { "support", "back", "endorse", "favor", "favour", "welcome", "approve", "accept", "want", "wish",
      "hope", "seek", "call for", "demand", "urge", "press for", "push for", "insist on", "agree", "agree to",
      "advocate", "propose", "prefer", "need", "promote", "encourage", "defend", "sign on", "acknowledge",
      "press", "pursue" },
    actions = { "help", "assist", "strengthen", "develop", "restructure", "send", "take part", "participate",
      "join", "contribute", "adopt", "pass", "impose", "use", "lift", "allow", "act" },
    opposes = { "oppose", "reject", "object to", "condemn", "criticize", "criticise", "veto", "refuse", "resist",
      "block", "deny", "dismiss", "warn against", "rule out", "denounce", "protest", "decry", "boycott" },
    adjectives = {
      supports = { "ready", "prepared", "willing", "determined", "eager", "interested", "necessary", "keen",
        "committed", "in favor of", "in favour of", "essential", "needed" },
      opposes = { "opposed", "against", "hostile", "reluctant", "unwilling" } },
    evaluative = {
      supports = { "necessary", "essential", "needed", "vital", "important", "required", "right" },
      opposes = { "unacceptable", "unnecessary", "dangerous", "wrong", "counterproductive", "illegal" } },
    -- nouns that carry a stance: their holder is the possessor ("Iraq's offer"), the actor named
    -- before them ("the U.S. offer") or after "from"/"by" ("disclaimers from Moscow"), or the
    -- subject of "be" ("Moscow was one of the strongest critics of the war"); their topic follows
    nominal = {
      supports = { "offer", "support", "backing", "call", "demand", "proposal", "commitment", "readiness",
        "willingness", "insistence", "push", "bid", "endorsement", "impetus", "proof", "evidence", "contention",
        "contentions", "claim", "claims", "allegation", "allegations", "accusation", "accusations" },
      opposes = { "opposition", "rejection", "refusal", "objection", "objections", "criticism", "critic", "critics",
        "disclaimer", "disclaimers", "denial", "denials", "veto", "resistance", "condemnation" } },
    obligation = { "must", "should", "have to", "has to", "need to", "ought to" },
    speech = { "say", "tell", "state", "declare", "add", "note", "announce", "warn", "argue", "insist", "stress",
      "explain", "reply", "answer", "assert", "emphasize", "indicate", "claim", "write", "repeat", "reiterate" },
    against_topic = { "removal", "remove", "lift", "lifting", "end", "ease", "easing", "avoid", "prevent", "stop",
      "halt", "instead of", "without", "no" },
    conditions = { "if", "unless", "provided", "only after", "as long as", "on condition", "in case",
      "in exchange for" },
    concessions = { "even if", "even though" },
    unclear = { "whether" },
  },
}
