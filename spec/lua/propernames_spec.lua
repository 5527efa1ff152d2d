-- scripts/lib/propernames.lua: the names a corpus without a lexicon gets, on sentences written for
-- these specs: titles, particles, initials, acronyms, sentence openers, and short forms that fit one
-- full name of the document or two.
package.path = "scripts/lib/?.lua;" .. package.path
local propernames = require "propernames"

local function never() return false end

-- the runs of a sentence given as words (no tags), joined for reading
local function runs(sentence, pos, lower_seen)
  local words = {}
  for w in sentence:gmatch("%S+") do words[#words + 1] = w end
  local out = {}
  for _, r in ipairs(propernames.runs(words, pos, lower_seen or never)) do
    out[#out + 1] = table.concat(r, " ") .. (r.person and " (titled)" or "")
  end
  return out
end

-- the groups of a document's runs: "canonical: form, form"
local function groups(list)
  local found = {}
  for _, name in ipairs(list) do
    local r = {}
    for w in name:gmatch("%S+") do r[#r + 1] = w end
    found[#found + 1] = r
  end
  local out = {}
  for _, g in ipairs(propernames.group(found)) do
    local forms = {}
    for f in pairs(g.forms) do forms[#forms + 1] = f end
    table.sort(forms)
    out[#out + 1] = table.concat(g.canonical, " ") .. ": " .. table.concat(forms, ", ")
  end
  return out
end

describe("proper-name runs", function()
  it("cuts titles off the front, and a title alone is no name", function()
    assert.are.same({ "Lewis Powell (titled)", "Thurgood Marshall (titled)" },
      runs("Justice Lewis Powell and Justice Thurgood Marshall wrote ."))
    assert.are.same({ "U.N.", "Kofi Annan (titled)" }, runs("the U.N. Secretary General Kofi Annan said"))
    assert.are.same({ "Russian", "Igor Ivanov (titled)" }, runs("the Russian Foreign Minister Igor Ivanov says"))
    assert.are.same({ "Bush (titled)" }, runs("Mr. Bush went , and the President said"))
    assert.are.same({ "General Assembly" }, runs("the General Assembly met"))
  end)

  it("keeps particles and initials inside a name", function()
    assert.are.same({ "Osama bin Laden" }, runs("members of Osama bin Laden 's network"))
    assert.are.same({ "Javier Pérez de Cuéllar" }, runs("send Javier Pérez de Cuéllar there"))
    assert.are.same({ "Ahmed Samir al-Ahani" }, runs("met with Ahmed Samir al - Ahani , then"))
    assert.are.same({ "M.S. Gorbachev", "George H. W. Bush" }, runs("between M.S. Gorbachev and George H. W. Bush"))
  end)

  it("leaves out function words and sentence openers the corpus also writes in lower case", function()
    local lower = { Reporters = true, Later = true }
    assert.are.same({ "Iraq" }, runs("The reporters asked about Iraq", nil, function(w) return lower[w] end))
    assert.are.same({ "Putin" }, runs("Reporters asked Putin", nil, function(w) return lower[w] end))
    assert.are.same({}, runs("But If When While There", nil, never))
  end)

  it("splits an acronym from the full name after it", function()
    assert.are.same({ "US", "George Bush", "Paris" }, runs("President of the US George Bush in Paris"))
  end)

  it("takes PROPN where the corpus is annotated, and an adjective before one inside a sentence", function()
    assert.are.same({ "United Nations", "Iraq" },
      runs("the United Nations met Iraq", { "DET", "VERB", "PROPN", "VERB", "PROPN" }))
    assert.are.same({ "Iraq" }, runs("Russian officials met Iraq", { "ADJ", "NOUN", "VERB", "PROPN" }))
  end)
end)

describe("proper-name groups", function()
  it("joins short forms and initials to the one full name they fit", function()
    assert.are.same({ "Lewis Powell: Lewis Powell, Powell" }, groups({ "Lewis Powell", "Powell", "Lewis Powell" }))
    assert.are.same({ "George Bush: Bush, G. Bush, George Bush" }, groups({ "George Bush", "G. Bush", "Bush" }))
    assert.are.same({ "Saddam Hussein: Hussein, Saddam, Saddam Hussein" }, groups({ "Saddam Hussein", "Saddam", "Hussein" }))
    assert.are.same({ "Ahmed Samir al-Ahani: Ahani, Ahmed Samir al-Ahani" }, groups({ "Ahmed Samir al-Ahani", "Ahani" }))
  end)

  it("keeps a short form apart when it fits two full names, and initials that disagree apart", function()
    assert.are.same({ "Colin Powell: Colin Powell", "Lewis Powell: Lewis Powell", "Powell: Powell" },
      groups({ "Lewis Powell", "Colin Powell", "Powell" }))
    assert.are.same({ "George H. W. Bush: George H. W. Bush", "George W. Bush: George W. Bush" },
      groups({ "George W. Bush", "George H. W. Bush" }))
    assert.are.same({ "Bush Administration: Bush Administration", "Bush: Bush" }, groups({ "Bush Administration", "Bush" }))
  end)
end)
