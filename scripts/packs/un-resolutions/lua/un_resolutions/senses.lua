-- un_resolutions/senses.lua: when "resolution" is not a body's formal act, and the cue words that
-- tell a formal one's status. The other senses: image, screen, temporal or DNS resolution ("high
-- resolution", "a resolution of 300 dpi", "name resolution"); an outcome ("the resolution of the
-- dispute", "conflict resolution", a bank "resolution regime" or "resolution authority"); a
-- personal or New Year's resolution; determination ("with quiet resolution"). The lists are data,
-- so a reader can see and change them in one place; finder.lua applies them.
local M = {}

local function set(list) local t = {} for _, w in ipairs(list) do t[w] = true end return t end
M.set = set

local function low(t) return ((t or ""):lower():gsub("\226\128\153", "'")) end
M.low = low

-- the lower-case word at token j, or ""
function M.lw(toks, j) return toks[j] and low(toks[j][2]) or "" end

-- the first token in a..b whose lower-case word is in words
function M.has(toks, a, b, words)
  for j = math.max(a, 1), math.min(b, #toks) do
    if words[low(toks[j][2])] then return j end
  end
end
local lw, has = M.lw, M.has

-- {==================================================================
-- Other senses
-- ===================================================================
-- words just before the word that make it another sense
local other_before = set{ "military", "peaceful", "diplomatic", "political", "negotiated", "swift", "quick",
  "speedy", "rapid", "early", "prompt", "eventual", "amicable", "satisfactory", "final", "conflict", "dispute",
  "problem", "crisis", "screen", "image", "display", "video", "spatial", "temporal", "spectral", "high", "higher",
  "highest", "low", "lower", "lowest", "full", "native", "pixel", "hd", "4k", "8k", "1080p", "720p", "camera",
  "print", "printing", "sensor", "monitor", "year's", "years", "year", "great", "firm", "steely", "grim", "quiet",
  "fresh", "personal", "optical", "angular", "frequency", "energy", "mass", "plot", "conflict-resolution",
  "dispute-resolution", "grievance", "claims", "debt", "bank", "anaphora", "name", "domain", "dns", "address",
  "ambiguity", "lexical", "fine", "finer", "coarse", "time", "timing", "spectroscopic", "radar", "telescope",
  "maximum", "minimum", "limiting", "inherent", "obtainable", "effective", "depth", "range", "velocity",
  "successful", "positive", "definitive", "ultimate", "real", "lasting", "durable", "just", "fair", "speedy",
  "timely", "orderly", "bank's", "banks'", "single", "alternative", "collision", "symbol", "entity", "coreference",
  "dependency", "host", "hostname", "url", "path", "module", "reference", "conflicts" }
-- "resolution of/to the X": an outcome when X is one of these
local outcome_objects = set{ "dispute", "disputes", "conflict", "conflicts", "crisis", "crises", "problem",
  "problems", "issue", "issues", "question", "questions", "matter", "case", "cases", "situation", "differences",
  "tension", "tensions", "standoff", "stand-off", "impasse", "deadlock", "war", "hostilities", "claims", "claim",
  "complaint", "complaints", "grievances", "grievance", "debate", "ambiguity", "contradiction", "plot", "story",
  "image", "picture", "pictures", "images", "screen", "display", "pixels", "struggle", "fighting", "controversy",
  "disagreement", "row", "quarrel", "feud", "strike", "negotiations", "talks", "this", "that", "it", "these",
  "doubt", "doubts", "uncertainty", "mystery", "puzzle", "paradox", "dilemma", "difficulty", "difficulties",
  "chord", "dissonance", "tension", "failed", "failing", "banks", "bank", "institutions", "lenders", "names",
  "addresses", "dependencies", "symbols" }
-- words just after the word: a measurement, or a bank's or a mediator's machinery
local tech_after = set{ "pixels", "pixel", "dpi", "ppi", "megapixels", "megapixel", "lines", "x", "×",
  "monitor", "screen", "display", "displays", "photos", "images", "image", "video", "videos", "camera", "cameras",
  "settings", "setting", "mode", "scale", "limit", "limits", "limitation", "limitations", "capability",
  "capabilities", "losses", "loss", "timer", "cell", "cells", "element", "elements", "test", "chart",
  "regime", "regimes", "authority", "authorities", "plan", "plans", "planning", "fund", "funds", "mechanism",
  "mechanisms", "tool", "tools", "toolkit", "powers", "framework", "frameworks", "strategy", "strategies",
  "process", "processes", "services", "service", "specialist", "specialists", "centre", "center", "skills",
  "procedure", "procedures", "|", "rate", "order", "algorithm", "step", "stage", "stages" }

-- a reason (technical, outcome, new year, determination, personal) if the word at token i is another
-- sense; formal_near says a formal cue (a body, adopt, vote, a number ...) is near, after_reference
-- that the document has spoken of a formal resolution before ("his resolution" is then his proposal)
function M.other(toks, i, formal_near, after_reference)
  local prev, prev2 = lw(toks, i - 1), lw(toks, i - 2)
  local nxt, nxt3 = lw(toks, i + 1), lw(toks, i + 3)
  if (prev == "year's" or prev == "year" or prev == "years'" or prev == "years") and
     (prev2 == "new" or prev2 == "new-year") then return "new year" end
  if prev == "year" and prev2 == "'s" then return "new year" end
  if tech_after[nxt] and not (formal_near and (nxt == "authority" or nxt == "process" or nxt == "procedure")) then
    return "technical"
  end
  if nxt == "of" and (tech_after[nxt3] or lw(toks, i + 2):match("^%d")) and not lw(toks, i + 2):match("^%d%d%d%d$")
    and not lw(toks, i + 2):match("^%d+/") then return "technical" end
  if nxt == "is" and lw(toks, i + 2) == "concerned" then return "technical" end
  if prev:match("^%d+x%d+$") or prev:match("^%d+p$") or prev == "megapixel" or prev:match("%-meter$")
    or prev:match("%-bit$") then return "technical" end
  -- "resolution of/to the dispute", "resolution for these problems"
  if nxt == "of" or nxt == "to" or nxt == "for" then
    local j = i + 2
    local skip = set{ "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "any", "all",
      "these", "those", "such", "some", "several", "many", "two", "three", "both", "outstanding", "remaining" }
    while toks[j] and skip[lw(toks, j)] do j = j + 1 end
    for k = j, j + 3 do
      if outcome_objects[lw(toks, k)] then return "outcome" end
    end
  end
  if other_before[prev] and not (prev == "final" and formal_near) then
    if prev == "high" or prev == "low" or prev == "higher" or prev == "lower" or prev == "full" or prev == "highest"
      or prev == "fine" or prev == "time" then return "technical" end
    if not formal_near or prev == "military" or prev == "peaceful" or prev == "diplomatic" or prev == "conflict"
      or prev == "dispute" or prev == "screen" or prev == "image" or prev == "successful" or prev == "positive" then
      return "outcome"
    end
  end
  -- "with (great) resolution", "resolution and courage": determination, never plural ("a number of
  -- resolutions")
  if (prev == "with" or prev == "of") and not formal_near and lw(toks, i):sub(-1) ~= "s" then
    return "determination"
  end
  -- "conflict prevention and resolution", "prevention, management and resolution"
  if prev == "and" and (prev2 == "prevention" or prev2 == "management") then return "outcome" end
  -- "his resolution", "my resolutions": a person's, unless something formal is near
  if (prev == "his" or prev == "her" or prev == "my" or prev == "your" or prev == "our" or prev == "their"
    or prev == "new" and (prev2 == "his" or prev2 == "her" or prev2 == "my")) and not formal_near
    and not after_reference then
    return "personal"
  end
end

-- {==================================================================
-- Cue words (lower case)
-- ===================================================================
-- words that make "resolution" a formal act when near it
M.formal = set{ "adopt", "adopts", "adopted", "adopting", "adoption", "pass", "passes", "passed", "passing",
  "vote", "votes", "voted", "voting", "veto", "vetoes", "vetoed", "vetoing", "table", "tabled", "sponsor",
  "sponsored", "sponsors", "co-sponsored", "cosponsored", "draft", "drafted", "drafting", "introduce",
  "introduced", "approve", "approved", "approves", "reject", "rejected", "comply", "complied", "compliance",
  "violation", "violations", "violate", "violated", "violating", "breach", "defy", "defied", "defying",
  "implement", "implemented", "implementation", "enforce", "enforced", "enforcement", "pursuant", "unanimously",
  "unanimous", "submitted", "submit", "proposed", "propose", "resolved", "council", "assembly", "congress",
  "congressional", "senate", "house", "parliament", "parliamentary", "legislature", "duma", "committee", "board",
  "u.n.", "un", "united", "nations", "un's", "u.n.'s", "joint", "concurrent", "binding", "nonbinding",
  "non-binding", "authorizing", "authorising", "authorize", "authorise", "condemning", "condemn", "urging",
  "calling", "demanding", "endorsing", "forcing", "sanction", "sanctions", "invoking", "invoked",
  "operative", "preambular", "paragraph", "clause", "amendment", "amendments", "motion", "delegates", "member",
  "members", "states", "cabinet", "municipal", "shareholders", "shareholder", "annual", "meeting", "chamber",
  "lawmakers", "legislators", "deputies", "mps", "senators", "representatives", "ratify", "ratified", "offer",
  "offered", "offering", "hopper", "convention", "preamble", "whereas", "legislator", "rep.", "sen.", "synod",
  "read", "signed", "executed", "dated" }
M.modal = set{ "would", "could", "should", "might", "may", "must", "will", "shall", "can", "to", "'ll", "wants",
  "want", "like", "see", "seek", "seeks", "hope", "hopes" }
M.proposal = set{ "proposed", "propose", "proposes", "proposing", "proposal", "submitted", "submit",
  "submits", "tabled", "table", "tables", "introduced", "introduce", "introduces", "sponsored", "sponsor",
  "sponsoring", "co-sponsored", "backed", "new", "seek", "seeks", "seeking", "sought", "push", "pushes",
  "pushing", "pushed", "press", "pressing", "pressed", "circulate", "circulated", "circulating", "put", "want",
  "wants", "get", "getting", "forcing", "planned", "planning", "expected", "drafting", "negotiate",
  "negotiating", "negotiated", "pending", "upcoming", "withdrawn", "withdrew", "debated", "debating", "debate",
  "offer", "offers", "offered", "offering", "hopper", "discussion", "consideration", "considering", "file",
  "filed", "asking", "ask", "asked", "read", "faces", "proposes" }
M.cited = set{ "comply", "complied", "complying", "compliance", "violation", "violations",
  "violate", "violates", "violated", "violating", "breach", "breaches", "breached", "defy", "defies", "defied",
  "defying", "defiance", "flout", "flouted", "flouting", "implement", "implemented", "implementing",
  "implementation", "enforce", "enforced", "enforcing", "enforcement", "pursuant", "under", "accordance",
  "existing", "previous", "earlier", "prior", "past", "relevant", "invoking", "invoked", "invoke", "cited",
  "citing", "obligations", "respect", "respected", "ignored", "ignore", "ignoring", "recalling", "recalls",
  "recalled", "reaffirming", "reaffirms", "reaffirmed", "noting", "notes", "bearing", "terms",
  "requirements", "demands", "provisions", "stipulated", "stipulates", "mandated", "section", "based",
  "despite", "contrary" }
M.adopted = set{ "adopted", "passed", "approved", "unanimously", "endorsed", "ratified", "carried", "executed",
  "signed" }
M.vetoed = set{ "vetoed", "blocked" }
M.rejected = set{ "rejected", "defeated", "rejects", "reject", "killed", "failed" }
M.content_after = set{ "on", "authorizing", "authorising", "authorize", "authorise", "calling", "condemning",
  "demanding", "urging", "forcing", "designed", "directed", "against", "endorsing", "that", "which", "to",
  "approving", "requiring", "imposing", "setting", "establishing", "concerning", "regarding", "about",
  "declaring", "expressing", "recognizing", "recognising", "welcoming", "extending", "giving", "allowing",
  "for", "in", "sanctioning", "threatening", "deploring", "reaffirming", "with" }

-- is the word at k a modal or a verb of wanting? "to" only as the sign of an infinitive, not as a
-- preposition ("contrary to the Charter", "made to the resolutions")
local not_verb = set{ "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
  "all", "any", "some", "each", "every", "such", "no", "which", "whom", "it", "them", "him", "us", "me" }
function M.is_modal(toks, k)
  local w = lw(toks, k)
  if not M.modal[w] then return false end
  if w ~= "to" then return true end
  local nx = toks[k + 1] and toks[k + 1][2] or ""
  return nx ~= "" and not not_verb[low(nx)] and not nx:match("^%u") and not nx:match("^%d")
    and not nx:match("^%p")
end

-- the verb at j is negated, or governed by a modal or a verb of wanting ("must get a resolution
-- passed", "would like to see it passed", "should be adopted"): up to seven words back, stopping at a
-- clause boundary or a real auxiliary ("which the House voted", "was adopted")
local boundary = set{ ",", ";", ":", "which", "that", "who", "was", "were", "has", "had", "have", "is", "are",
  "been" }
function M.unreal(toks, j)
  for k = j - 1, math.max(1, j - 7), -1 do
    local w = lw(toks, k)
    if boundary[w] then return false end
    if M.is_modal(toks, k) or (w == "not" or w == "never") and j - k <= 2 then return true end
  end
  return false
end


return M
