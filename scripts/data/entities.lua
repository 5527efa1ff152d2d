-- entities.lua: who and what scripts/mentions.lua counts. Edit freely: this file is data.
--
-- Each entry is one entity: { "Name", aliases = { ... } } and optionally kind = "country" | "person" |
-- "organization" (for grouping in reports).
--
-- An alias is a string, or a table { "text", from = "YYYY[-MM[-DD]]", to = "YYYY[-MM[-DD]]" }:
--   * Case matters as written ("US" is the country, "us" is not; "Turkey" is not "turkey"); an alias
--     of four letters or more is also found in capitals ("KREMLIN"). Add nocase = true to an alias to
--     match it in any case.
--   * A space in an alias matches any run of spaces or a line break.
--   * Possessives are found with either apostrophe: "Russia's", "Russia’s", "Iraqis'".
--   * Nested aliases count once: the longest alias that matches at a place wins, so "U.N. Security
--     Council" is one mention of the UN and "Soviet Union" one of Russia. The Security Council, the
--     General Assembly and the UN's inspectors are counted as the UN: move an alias into an entity of
--     its own to count it apart.
--   * from/to scope an alias by the document's date (both ends included): "Bush" in a 1990 document
--     is George H. W. Bush, in 2001-2004 George W. Bush.
--   * An alias that several entities share (a bare surname: "Ivanov", "Bush") goes to the entity
--     last named by one of its own aliases earlier in the same document ("Sergei Ivanov ... Ivanov");
--     else to the entity whose from/to covers the document's date (the nearest one if none does),
--     else to the one fully named later in the same sentence ("Ivanov, that is Igor Ivanov");
--     else it is counted as "NAME (unresolved)".
return {
  -- countries, with their adjectives, people, capitals and seats of power
  { "Russia", kind = "country", aliases = { "Russia", "Russian", "Russians", "Russian Federation", "Moscow",
    "Kremlin", "Soviet Union", "USSR", "U.S.S.R.", "Soviet", "Soviets" } },
  { "United States", kind = "country", aliases = { "United States", "United States of America", "U.S.", "US",
    "U.S.A.", "USA", "America", "American", "Americans", "Washington", "White House", "Pentagon",
    "Bush Administration", "Bush administration" } },
  { "Iraq", kind = "country", aliases = { "Iraq", "Iraqi", "Iraqis", "Baghdad" } },
  { "United Nations", kind = "organization", aliases = { "United Nations", "U.N.", "UN", "Security Council",
    "U.N. Security Council", "UN Security Council", "United Nations Security Council", "General Assembly",
    "U.N. General Assembly", "UN General Assembly", "UNSC", "UNMOVIC", "UNSCOM" } },
  { "France", kind = "country", aliases = { "France", "French", "Paris", "Elysee", "Élysée" } },
  { "Germany", kind = "country", aliases = { "Germany", "German", "Germans", "Berlin" } },
  { "China", kind = "country", aliases = { "China", "Chinese", "Beijing" } },
  { "Turkey", kind = "country", aliases = { "Turkey", "Turkish", "Turks", "Ankara" } },
  { "United Kingdom", kind = "country", aliases = { "United Kingdom", "Britain", "British", "U.K.", "UK",
    "London", "Downing Street" } },
  { "Kuwait", kind = "country", aliases = { "Kuwait", "Kuwaiti", "Kuwaitis" } },
  -- names that contain a capital but are not the country: listed so that the longest match takes them
  { "Paris Club", kind = "organization", aliases = { "Paris Club" } },
  { "Afghanistan", kind = "country", aliases = { "Afghanistan", "Afghan", "Afghans", "Kabul", "Taliban" } },

  -- people: full names, titles with surnames, and bare surnames (shared ones are resolved as above)
  { "George H. W. Bush", kind = "person", aliases = { "George H. W. Bush", "George H.W. Bush", "George Bush",
    "G. Bush", { "Bush", from = "1980", to = "1994" }, { "President Bush", from = "1989", to = "1993" } } },
  { "George W. Bush", kind = "person", aliases = { "George W. Bush", "George Walker Bush", "G. W. Bush",
    { "George Bush", from = "1995", to = "2012" }, { "Bush", from = "1995", to = "2012" },
    { "President Bush", from = "2001", to = "2009" } } },
  { "Vladimir Putin", kind = "person", aliases = { "Vladimir Putin", "Vladimir V. Putin", "Putin" } },
  { "Mikhail Gorbachev", kind = "person", aliases = { "Mikhail Gorbachev", "Mikhail S. Gorbachev",
    "M. S. Gorbachev", "M.S. Gorbachev", "Gorbachev" } },
  { "Saddam Hussein", kind = "person", aliases = { "Saddam Hussein", "Saddam" } },
  { "Igor Ivanov", kind = "person", aliases = { "Igor Ivanov", "Igor S. Ivanov", "Ivanov" } },
  { "Sergei Ivanov", kind = "person", aliases = { "Sergei Ivanov", "Sergei B. Ivanov", "Sergey Ivanov", "Ivanov" } },
  { "Sergei Lavrov", kind = "person", aliases = { "Sergei Lavrov", "Sergey Lavrov", "Lavrov" } },
  { "Alexander Saltanov", kind = "person", aliases = { "Alexander Saltanov", "Saltanov" } },
  { "Hans Blix", kind = "person", aliases = { "Hans Blix", "Blix" } },
  { "Kofi Annan", kind = "person", aliases = { "Kofi Annan", "Annan" } },
  { "Ari Fleischer", kind = "person", aliases = { "Ari Fleischer", "Fleischer" } },
  { "Hoshyar Zebari", kind = "person", aliases = { "Hoshyar Zebari", "Zebari" } },
  { "James Baker", kind = "person", aliases = { "James Baker", "James A. Baker", "Jim Baker" } },
  { "Osama bin Laden", kind = "person", aliases = { "Osama bin Laden", "Usama bin Laden", "bin Laden" } },
  { "Tony Blair", kind = "person", aliases = { "Tony Blair", "Blair" } },
  { "Jacques Chirac", kind = "person", aliases = { "Jacques Chirac", "Chirac" } },
  { "Gerhard Schroeder", kind = "person", aliases = { "Gerhard Schroeder", "Gerhard Schröder", "Schroeder",
    "Schröder" } },
  { "Colin Powell", kind = "person", aliases = { "Colin Powell", "Powell" } },
}
