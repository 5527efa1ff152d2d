-- entities.lua: who and what scripts/mentions.lua counts. Edit freely: this file is data.
--
-- Each entry is one entity: { "Name", aliases = { ... } } and optionally type = "country" | "person" |
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
  { "Russia", type = "country", aliases = { "Russia", "Russian", "Russians", "Russian Federation", "Moscow",
    "Kremlin", "Soviet Union", "USSR", "U.S.S.R.", "Soviet", "Soviets" } },
  { "United States", type = "country", aliases = { "United States", "United States of America", "U.S.", "US",
    "U.S.A.", "USA", "America", "American", "Americans", "Washington", "White House", "Pentagon",
    "Bush Administration", "Bush administration" } },
  { "Iraq", type = "country", aliases = { "Iraq", "Iraqi", "Iraqis", "Baghdad" } },
  { "United Nations", type = "organization", aliases = { "United Nations", "U.N.", "UN", "Security Council",
    "U.N. Security Council", "UN Security Council", "United Nations Security Council", "General Assembly",
    "U.N. General Assembly", "UN General Assembly", "UNSC", "UNMOVIC", "UNSCOM" } },
  { "France", type = "country", aliases = { "France", "French", "Paris", "Elysee", "Élysée" } },
  { "Germany", type = "country", aliases = { "Germany", "German", "Germans", "Berlin" } },
  { "China", type = "country", aliases = { "China", "Chinese", "Beijing" } },
  { "Turkey", type = "country", aliases = { "Turkey", "Turkish", "Turks", "Ankara" } },
  { "United Kingdom", type = "country", aliases = { "United Kingdom", "Britain", "British", "U.K.", "UK",
    "London", "Downing Street" } },
  { "Kuwait", type = "country", aliases = { "Kuwait", "Kuwaiti", "Kuwaitis" } },
  -- names that contain a capital but are not the country: listed so that the longest match takes them
  { "Paris Club", type = "organization", aliases = { "Paris Club" } },
  { "Afghanistan", type = "country", aliases = { "Afghanistan", "Afghan", "Afghans", "Kabul", "Taliban" } },

  -- people: full names, titles with surnames, and bare surnames (shared ones are resolved as above)
  { "George H. W. Bush", type = "person", aliases = { "George H. W. Bush", "George H.W. Bush", "George Bush",
    "G. Bush", { "Bush", from = "1980", to = "1994" }, { "President Bush", from = "1989", to = "1993" } } },
  { "George W. Bush", type = "person", aliases = { "George W. Bush", "George Walker Bush", "G. W. Bush",
    { "George Bush", from = "1995", to = "2012" }, { "Bush", from = "1995", to = "2012" },
    { "President Bush", from = "2001", to = "2009" } } },
  { "Vladimir Putin", type = "person", aliases = { "Vladimir Putin", "Vladimir V. Putin", "Putin" } },
  { "Mikhail Gorbachev", type = "person", aliases = { "Mikhail Gorbachev", "Mikhail S. Gorbachev",
    "M. S. Gorbachev", "M.S. Gorbachev", "Gorbachev" } },
  { "Saddam Hussein", type = "person", aliases = { "Saddam Hussein", "Saddam" } },
  { "Igor Ivanov", type = "person", aliases = { "Igor Ivanov", "Igor S. Ivanov", "Ivanov" } },
  { "Sergei Ivanov", type = "person", aliases = { "Sergei Ivanov", "Sergei B. Ivanov", "Sergey Ivanov", "Ivanov" } },
  { "Sergei Lavrov", type = "person", aliases = { "Sergei Lavrov", "Sergey Lavrov", "Lavrov" } },
  { "Alexander Saltanov", type = "person", aliases = { "Alexander Saltanov", "Saltanov" } },
  { "Hans Blix", type = "person", aliases = { "Hans Blix", "Blix" } },
  { "Kofi Annan", type = "person", aliases = { "Kofi Annan", "Annan" } },
  { "Ari Fleischer", type = "person", aliases = { "Ari Fleischer", "Fleischer" } },
  { "Hoshyar Zebari", type = "person", aliases = { "Hoshyar Zebari", "Zebari" } },
  -- "Jim" is Baker in the Bush-Gorbachev talks of his years as Secretary of State
  { "James Baker", type = "person", aliases = { "James Baker", "James A. Baker", "Jim Baker", "Baker",
    { "Jim", from = "1989-01-25", ["until"] = "1992-08-24" } } },
  { "Osama bin Laden", type = "person", aliases = { "Osama bin Laden", "Usama bin Laden", "bin Laden" } },
  { "Tony Blair", type = "person", aliases = { "Tony Blair", "Blair" } },
  { "Jacques Chirac", type = "person", aliases = { "Jacques Chirac", "Chirac" } },
  { "Gerhard Schroeder", type = "person", aliases = { "Gerhard Schroeder", "Gerhard Schröder", "Schroeder",
    "Schröder" } },
  { "Colin Powell", type = "person", aliases = { "Colin Powell", "Powell" } },
  { "Dan Rather", type = "person", aliases = { "Dan Rather" } },
  { "Taha Yasin Ramadan", type = "person", aliases = { "Taha Yasin Ramadan", "Taha Yassin Ramadan" } },
  { "Mohammed Atta", type = "person", aliases = { "Mohammed Atta", "Mohamed Atta", "Atta" } },
  { "Ahmed Samir al-Ahani", type = "person", aliases = { "Ahmed Samir al-Ahani", "al-Ahani", "Ahani" } },
  { "Khidhir Hamza", type = "person", aliases = { "Khidhir Hamza", "Hamza" } },
  { "Richard Butler", type = "person", aliases = { "Richard Butler", "Butler" } },
  { "Adolf Hitler", type = "person", aliases = { "Adolf Hitler", "Hitler" } },
  { "Helmut Kohl", type = "person", aliases = { "Helmut Kohl", "Kohl" } },
  -- the 1990 transcript breaks his name over three lines: "Pe / rez de Cue / llar"
  { "Javier Pérez de Cuéllar", type = "person", aliases = { "Javier Pérez de Cuéllar", "Pérez de Cuéllar",
    "Perez de Cuellar", "Pe rez de Cue llar" } },
}
