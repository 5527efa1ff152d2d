-- un_resolutions/finder.lua: finds references to formal resolutions in running text and says what
-- each one is: a reference or another sense of the word, which body, its status, how specific it is,
-- and its number as written. Also the related instruments that do not use the word: "Article 51"
-- of the UN Charter, "U.N. order(s)", a limit "set by the U.N.", "H.J.Res. 114", "UNSCR 1441".
--
-- It works on plain strings (no corpus needed), one sentence at a time, with a scanner that keeps
-- what a document said before (so "the resolution" after a first mention is anaphoric and keeps
-- the body of its antecedent):
--
--   local finder = require "un_resolutions.finder"
--   for _, r in ipairs(finder.find("The Council adopted resolution 1441 (2002).")) do
--     print(r.start, r.stop, r.matched, r.is_reference, r.body, r.status, r.specificity, r.number)
--   end
--   local scan = finder.scanner()          -- one per document
--   scan:sentence(text, offset)            -- rows for one sentence; offset is added to start/stop
--
-- Offsets are bytes from 0, stop excluded. The grammars are LPeg; the cue words are tables below,
-- so the classification can be read and changed in one place.
--
-- What the fields mean:
--   is_reference  yes, or no for the other senses: an outcome ("a military resolution", "the
--                 resolution of the dispute"), a New Year's resolution, determination ("with quiet
--                 resolution"), image or screen resolution; also no when nothing formal (a body, a
--                 number, adopt/vote/veto/draft/comply...) is near and no reference came before.
--   body          UN Security Council, UN General Assembly, another UN organ by name (UN Human
--                 Rights Council...), UN unspecified (U.N., the Charter), US Congress (Congress,
--                 Senate, House, joint resolution, H.J.Res.), another body by name (European
--                 Parliament, city council, shareholders...), or none. Inferred where the text implies
--                 it: a veto, or a UN resolution authorizing force, is the Council's; S/RES/ and
--                 "687 (1991)" are the Council's, A/RES/, "48/126" and "2625 (XXV)" the Assembly's; a
--                 bare "resolution 678" is the Council's in a text that speaks of the UN; "the
--                 resolution" keeps the body of the one it takes up.
--   status        draft, proposed (sought, introduced, submitted, pending a vote), adopted (passed,
--                 approved), vetoed, existing (in force: complied with, breached, recalled, cited by
--                 number), hypothetical (any, another, whether, if, a resolution that may never come).
--   specificity   numbered; anaphoric ("such a resolution", "the resolution" after a first mention);
--                 specific (one resolution, by its content, body or draft); generic (resolutions in
--                 general, "any resolution", "all U.N. resolutions").
--   number        as written: "678", "687 (1991)", "S/RES/1441 (2002)", "48/126", "A/C.3/48/L.7";
--                 "resolutions 678 and 687" gives two rows, the second matching the number alone.
local lpeg = require "lpeg"
local P, R, S, C, Cp, Ct, Cc = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct, lpeg.Cc

local M = {}

M.BODY = {
  sc = "UN Security Council", ga = "UN General Assembly", un = "UN unspecified",
  congress = "US Congress", none = "none",
}

-- {==================================================================
-- Words: a tokenizer that keeps abbreviations (U.N., H.J.Res.), symbols (S/RES/1441) and
-- apostrophes inside words, with byte offsets.
-- ===================================================================
local alpha = R("az", "AZ") + R("\128\255")
local digit = R"09"
local apos = P"'" + P"\226\128\153"            -- ' and ’
local wordch = alpha + digit
-- an abbreviation keeps its final dot (U.N., H.J.Res., Mr.); a word does not (end of sentence)
local abbr = (alpha * P".")^2 * (alpha^1 * P".")^0 + R"AZ" * R"az"^-3 * P"." * -(S" \t\n"^1 * R"AZ" * R"az")
local word = abbr + (wordch^1 * ((S"./-" + apos) * wordch^1)^0)
local punct = (1 - (wordch + S" \t\r\n"))
local token = Ct(Cp() * C(word + punct) * Cp())
local tokens_g = Ct((S" \t\r\n"^0 * token)^0)

-- the tokens of s: list of {from, text, to} (from 1, to exclusive as Lua positions)
local function tokenize(s) return tokens_g:match(s) or {} end
M.tokenize = tokenize

local function low(t) return (t or ""):lower():gsub("\226\128\153", "'") end

-- {==================================================================
-- Grammars for numbers: "678", "687 (1991)", "S/RES/1441", "S/RES/1441 (2002)", "48/126",
-- "A/RES/48/126", "A/C.3/48/L.7", and lists of them ("678 and 687", "660, 661 and 678").
-- ===================================================================
local sp = S" \t\n"^1
local year = digit * digit * digit * digit
local symbol_part = (R"AZ" + digit)^1 * (P"." * (R"AZ" + digit)^1)^0
local un_symbol = R"AZ" * (R"AZ" + P".")^0 * (P"/" * symbol_part)^1   -- S/RES/1441, A/C.3/48/L.7
local session_no = digit^1 * (P"/" * digit^1)^1                       -- 48/126
local plain_no = digit^1 * (P"-" * digit^1)^-1 * (R"AZ")^-1 * -(alpha + digit)
local roman = S"IVXL"^1
local number = (un_symbol + session_no + plain_no) * (S" \t"^0 * "(" * (year + roman) * ")")^-1
-- a vote tally after the word is not its number: "approved the resolution 77 to 23", "by 14-1"
local tally = digit * digit^-2 * (S" \t"^1 * P"to" * S" \t"^1 + P"-") * digit * digit^-2 * -(alpha + digit)
local number_c = -tally * Cp() * C(number) * Cp()
local sep = S" \t"^0 * P"," * S" \t"^0 * (P"and" * sp)^-1 + sp * (P"and" + P"&" + P"or") * sp
  + S" \t"^0 * P"," * S" \t"^0
local lead = (P"No." + P"no." + P"Nos." + P"number" + P"numbers" + P"#") * S" \t"^0
local number_list = Ct(Ct(lead^-1 * number_c) * Ct(sep * lead^-1 * number_c)^0)

-- the resolution word itself
local function ci(w)
  local p = P(true)
  for ch in w:gmatch(".") do p = p * S(ch:lower() .. ch:upper()) end
  return p
end
local res_word = ci"resolution" * S"sS"^-1 * -(alpha)
-- instruments of the US Congress and the Security Council's own abbreviation
local congress_sym = (ci"H." * (ci"J." + ci"Con.")^-1 + ci"S." * (ci"J." + ci"Con.")^-1) * ci"Res." * S" \t"^0
local unscr = P"UNSCR" * S" \t"^1
local instrument_no = Ct(Cp() * C(congress_sym) * number_c) + Ct(Cp() * C(unscr) * number_c)

-- {==================================================================
-- Cue words (lower case) and the bodies they name.
-- ===================================================================
local function set(list) local t = {} for _, w in ipairs(list) do t[w] = true end return t end

-- other senses of "resolution": words just before it
local other_before = set{ "military", "peaceful", "diplomatic", "political", "negotiated", "swift", "quick",
  "speedy", "rapid", "early", "prompt", "eventual", "amicable", "satisfactory", "final", "conflict", "dispute",
  "problem", "crisis", "screen", "image", "display", "video", "spatial", "temporal", "spectral", "high", "higher",
  "low", "lower", "full", "native", "pixel", "hd", "4k", "8k", "1080p", "720p", "camera", "print", "printing",
  "sensor", "monitor", "year's", "years", "year", "great", "firm", "steely", "grim", "quiet", "fresh", "personal",
  "optical", "angular", "frequency", "energy", "mass", "plot", "conflict-resolution", "dispute-resolution",
  "grievance", "claims", "debt", "bank", "anaphora", "name", "domain", "dns", "address", "ambiguity", "lexical" }
-- "resolution of/to the X": an outcome, unless X is a body that resolves
local outcome_objects = set{ "dispute", "disputes", "conflict", "conflicts", "crisis", "problem", "problems",
  "issue", "issues", "question", "questions", "matter", "case", "cases", "situation", "differences", "tension",
  "tensions", "standoff", "stand-off", "impasse", "deadlock", "war", "hostilities", "claims", "claim", "complaint",
  "complaints", "grievances", "grievance", "debate", "ambiguity", "contradiction", "plot", "story", "image",
  "picture", "pictures", "images", "screen", "display", "pixels", "tension", "struggle", "fighting", "controversy",
  "disagreement", "row", "quarrel", "feud", "strike", "negotiations", "talks", "this", "that", "it", "these" }
local tech_after = set{ "pixels", "pixel", "dpi", "ppi", "megapixels", "megapixel", "lines", "x", "×",
  "monitor", "screen", "display", "displays", "photos", "images", "image", "video", "videos", "camera", "cameras",
  "settings", "setting", "mode", "scale" }

-- words that make "resolution" a formal act when near it
local formal = set{ "adopt", "adopts", "adopted", "adopting", "adoption", "pass", "passes", "passed", "passing",
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
  "lawmakers", "legislators", "deputies", "mps", "senators", "representatives", "ratify", "ratified" }

-- Bodies named in the sentence, longest first: {pattern words (lower case), body}
local organs = {
  { "security council", "sc" }, { "unsc", "sc" }, { "general assembly", "ga" }, { "unga", "ga" },
  { "human rights council", "UN Human Rights Council" }, { "commission on human rights", "UN Commission on Human Rights" },
  { "economic and social council", "UN Economic and Social Council" }, { "ecosoc", "UN Economic and Social Council" },
  { "trusteeship council", "UN Trusteeship Council" }, { "third committee", "ga" }, { "first committee", "ga" },
  { "sixth committee", "ga" }, { "iaea board", "IAEA Board of Governors" }, { "board of governors", "IAEA Board of Governors" },
  { "world health assembly", "World Health Assembly" }, { "unesco", "UNESCO" },
  { "house of representatives", "congress" }, { "joint resolution", "congress" }, { "concurrent resolution", "congress" },
  { "congressional", "congress" }, { "congress", "congress" }, { "u.s. senate", "congress" }, { "us senate", "congress" },
  { "u.s. house", "congress" }, { "senate", "congress" }, { "house", "congress" },
  { "european parliament", "European Parliament" }, { "arab league", "Arab League" }, { "african union", "African Union" },
  { "nato", "NATO" }, { "duma", "Russian Duma" }, { "state duma", "Russian Duma" }, { "bundestag", "Bundestag" },
  { "knesset", "Knesset" }, { "national assembly", "National Assembly" }, { "parliament", "parliament" },
  { "city council", "city council" }, { "committee", "committee" }, { "town council", "town council" }, { "county board", "county board" },
  { "shareholders", "shareholders" }, { "board", "board" }, { "cabinet", "cabinet" }, { "legislature", "legislature" },
  { "council", "council" }, { "assembly", "assembly" }, { "u.n.", "un" }, { "un", "un" }, { "united nations", "un" }, { "u.n.'s", "un" }, { "un's", "un" },
}
-- case matters for these (US/UN are words in lower case)
local case_organs = { ["un"] = "UN", ["un's"] = "UN's", ["house"] = "House", ["senate"] = "Senate",
  ["congress"] = "Congress", ["assembly"] = "Assembly", ["unsc"] = "UNSC", ["unga"] = "UNGA", ["nato"] = "NATO",
  ["unesco"] = "UNESCO", ["ecosoc"] = "ECOSOC", ["council"] = "Council" }

-- {==================================================================
-- Helpers over a token list
-- ===================================================================

-- the body named at token i (returns body, number of tokens) or nil
local function organ_at(toks, i)
  for _, o in ipairs(organs) do
    local words = {}
    for w in o[1]:gmatch("%S+") do words[#words + 1] = w end
    local ok = true
    for k, w in ipairs(words) do
      local t = toks[i + k - 1]
      if not t or low(t[2]) ~= w then ok = false break end
    end
    if ok and #words == 1 and case_organs[words[1]] then
      local t = toks[i][2]:gsub("\226\128\153", "'")
      ok = t == case_organs[words[1]] or t == case_organs[words[1]]:upper()
    end
    if ok then return o[2], #words end
  end
end

local function body_name(code)
  return M.BODY[code] or code
end

-- rank of bodies: a named organ beats "the UN" beats nothing
local function better(a, b)
  if not b then return true end
  if a == "un" then return false end
  if b == "un" then return true end
  return false
end

-- the body named within toks[a..b] nearest to position i
local function find_body(toks, a, b, i)
  local best, dist
  local j = a
  while j <= b do
    local o, n = organ_at(toks, j)
    if o then
      local d = math.abs(j - i)
      if not best or (better(o, best)) or (not better(best, o) and d < dist) then best, dist = o, d end
      j = j + n
    else
      j = j + 1
    end
  end
  return best
end

local function has(toks, a, b, words)
  for j = math.max(a, 1), math.min(b, #toks) do
    if words[low(toks[j][2])] then return j end
  end
end

local function lw(toks, j) return toks[j] and low(toks[j][2]) or "" end

-- {==================================================================
-- Classification of one occurrence of the word at token index i (toks = the sentence's tokens)
-- ===================================================================
local modal = set{ "would", "could", "should", "might", "may", "must", "will", "shall", "can", "to", "'ll" }
local hypo_det = set{ "any", "another", "whether", "if", "unless", "possible", "possibly", "potential",
  "hypothetical", "future", "second", "further", "fresh" }
local generic_det = set{ "any", "all", "many", "several", "various", "numerous", "some", "countless", "previous",
  "past", "those", "these", "earlier", "prior", "relevant", "other", "such" }
local proposal_words = set{ "proposed", "propose", "proposes", "proposing", "proposal", "submitted", "submit",
  "submits", "tabled", "table", "tables", "introduced", "introduce", "introduces", "sponsored", "sponsor",
  "sponsoring", "co-sponsored", "backed", "new", "seek", "seeks", "seeking", "sought", "push", "pushes",
  "pushing", "pushed", "press", "pressing", "pressed", "circulate", "circulated", "circulating", "put", "want",
  "wants", "get", "getting", "forcing", "planned", "planning", "expected", "drafting", "negotiate",
  "negotiating", "negotiated", "pending", "upcoming", "rejected", "defeated", "failed", "reject", "rejects" }
local existing_words = set{ "comply", "complied", "complying", "compliance", "violation", "violations",
  "violate", "violates", "violated", "violating", "breach", "breaches", "breached", "defy", "defies", "defied",
  "defying", "defiance", "flout", "flouted", "flouting", "implement", "implemented", "implementing",
  "implementation", "enforce", "enforced", "enforcing", "enforcement", "pursuant", "under", "accordance",
  "existing", "previous", "earlier", "prior", "past", "relevant", "invoking", "invoked", "invoke", "cited",
  "citing", "obligations", "respect", "respected", "ignored", "ignore", "ignoring", "recalling", "recalls",
  "recalled", "reaffirming", "reaffirms", "reaffirmed", "noting", "notes", "bearing", "accordance", "terms",
  "requirements", "demands", "provisions", "stipulated", "stipulates", "mandated", "set", "laid" }
local adopted_words = set{ "adopted", "passed", "approved", "unanimously", "endorsed", "ratified" }
local vetoed_words = set{ "vetoed", "blocked" }
local content_after = set{ "on", "authorizing", "authorising", "authorize", "authorise", "calling", "condemning",
  "demanding", "urging", "forcing", "designed", "directed", "against", "endorsing", "that", "which", "to",
  "approving", "requiring", "imposing", "setting", "establishing", "concerning", "regarding", "about",
  "declaring", "expressing", "recognizing", "recognising", "welcoming", "extending", "giving", "allowing",
  "for", "in", "sanctioning", "threatening", "deploring", "reaffirming", "with" }

local function is_other_sense(toks, i, formal_near)
  local prev, prev2 = lw(toks, i - 1), lw(toks, i - 2)
  local nxt, nxt2, nxt3 = lw(toks, i + 1), lw(toks, i + 2), lw(toks, i + 3)
  -- New Year's resolution(s), New Year resolution
  if (prev == "year's" or prev == "year" or prev == "years'" or prev == "year’s") and
     (prev2 == "new" or prev2 == "new-year") then return "new year" end
  if prev == "year" and prev2 == "'s" then return "new year" end
  -- measurements: "a resolution of 300 dpi", "1920x1080 resolution", "resolution: 4K"
  if tech_after[nxt] or (nxt == "of" and tech_after[nxt3]) then return "technical" end
  if prev:match("^%d+x%d+$") or prev:match("^%d+p$") or prev == "megapixel" then return "technical" end
  -- "resolution of/to the dispute"
  if nxt == "of" or nxt == "to" or nxt == "for" then
    local j = i + 2
    while toks[j] and (set{ "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "any", "all",
      "these", "those", "such" })[lw(toks, j)] do j = j + 1 end
    -- skip adjectives up to the noun (three words at most)
    for k = j, j + 3 do
      if outcome_objects[lw(toks, k)] then return "outcome" end
      local o = organ_at(toks, k)
      if o then break end
    end
  end
  if other_before[prev] and not (prev == "final" and formal_near) and not (prev == "new" ) then
    if prev == "high" or prev == "low" or prev == "higher" or prev == "lower" or prev == "full" then return "technical" end
    if not formal_near or prev == "military" or prev == "peaceful" or prev == "diplomatic" or prev == "conflict"
      or prev == "dispute" or prev == "screen" or prev == "image" then
      return "outcome"
    end
  end
  -- "with (great) resolution", "resolution and courage": determination
  if (prev == "with" or prev == "of") and not formal_near then return "determination" end
end

-- does a text speak of the United Nations (so that a bare "resolution 678" is the Council's)?
local un_words = (P"U.N." + P"UN" * -alpha + ci"United Nations" + ci"Security Council" + ci"General Assembly"
  + P"Charter" + P"UNSC" + P"S/RES/")
local un_find = (1 - un_words)^0 * un_words
function M.un_context(text) return un_find:match(text) ~= nil end

local Scanner = {}
Scanner.__index = Scanner

-- a scanner keeps what a document said before: the last reference (for anaphora)
function M.scanner(opts)
  opts = opts or {}
  local un = opts.un_context
  if un == nil and opts.context then un = M.un_context(opts.context) end
  return setmetatable({ last = nil, un_context = un or false }, Scanner)
end

local function row(sent, offset, a, b, fields)
  fields.start = offset + a - 1
  fields.stop = offset + b - 1
  fields.matched = sent:sub(a, b - 1)
  return fields
end

-- classify the occurrence of the word at token index i
function Scanner:classify(toks, i, number)
  local n = #toks
  local window_a, window_b = math.max(1, i - 8), math.min(n, i + 8)
  local formal_near = number ~= nil or has(toks, window_a, window_b, formal) ~= nil
  local other = is_other_sense(toks, i, formal_near)
  local r = { is_reference = "yes" }
  -- nothing formal near the word, no body named, no earlier reference: not a formal resolution
  -- ("the photo's resolution is too low", "she spoke with resolution")
  if not other and not formal_near and not self.last and not find_body(toks, 1, n, i) then other = "plain" end
  if other then
    r.is_reference, r.body, r.status, r.specificity, r.number = "no", "none", "", "", ""
    return r
  end
  -- the determiner phrase before the word: up to six tokens back, stopping at a verb-like break
  local det_a = i
  local determiners = set{ "the", "a", "an", "any", "all", "such", "this", "that", "these", "those", "another",
    "no", "every", "each", "its", "their", "our", "his", "her", "your", "my" }
  local adjectives = set{ "new", "second", "further", "draft", "proposed", "earlier", "previous", "relevant",
    "several", "many", "two", "three", "both", "some", "other", "same", "said", "yet", "binding", "firm",
    "strong", "tough", "joint", "concurrent", "nonbinding", "non-binding", "congressional", "parliamentary",
    "british", "backed", "existing", "separate", "fresh", "possible", "final", "original", "key", "landmark",
    "various", "numerous", "further", "formal", "unanimous", "compromise", "rival", "alternative", "tougher" }
  while det_a > 1 and i - det_a < 7 do
    local w = lw(toks, det_a - 1)
    if determiners[w] then
      det_a = det_a - 1
      -- "such a", "all the", "any such", "yet another", "not any": one more word, then stop
      local w2 = lw(toks, det_a - 1)
      if (w == "a" or w == "an") and w2 == "such" or w == "the" and (w2 == "all" or w2 == "both")
        or w == "another" and w2 == "yet" or w == "such" and (w2 == "any" or w2 == "all" or w2 == "no") then
        det_a = det_a - 1
      end
      break
    elseif adjectives[w] or organ_at(toks, det_a - 1) or w:match("backed$") or w:match("^%d")
      or w == "," or w == "and" or w:match("'s$") or w == "'s" or w == "security" or w == "general"
      or toks[det_a - 1][2]:match("^%u") and not toks[det_a - 1][2]:match("^%u%l+$") then
      det_a = det_a - 1
    elseif toks[det_a - 1][2]:match("^%u%l+") and det_a - 1 > 1 then
      -- a capitalized name inside the phrase (a U.S., British and Spanish-backed draft)
      det_a = det_a - 1
    else
      break
    end
  end
  local det = {}
  for j = det_a, i - 1 do det[lw(toks, j)] = true end
  local first = lw(toks, det_a)
  local plural = lw(toks, i):sub(-1) == "s"

  -- body: named in the sentence (nearest, named organ first), else inferred, else the antecedent's
  local body = find_body(toks, 1, n, i)
  local vetoish = has(toks, 1, n, set{ "veto", "vetoes", "vetoed", "vetoing", "permanent" })
  local force = has(toks, 1, n, set{ "force", "military", "hostilities", "war" }) and
    has(toks, 1, n, set{ "authorize", "authorizing", "authorise", "authorising", "sanction", "allow",
      "permit", "use", "approve", "approving" })
  if number and not body then
    local num = number
    if num:match("^S/") then body = "sc"
    elseif num:match("^A/") or num:match("^%d+/%d+") or num:match("%([IVXL]+%)$") then body = "ga"
    elseif num:match("%(%d%d%d%d%)") or self.un_context then body = "sc"
    end
  end
  local anaphor = (first == "the" or first == "this" or first == "that" or first == "such" or det["said"]
    or det["same"]) and not number
  if not body and (anaphor or det["another"] or det["such"]) and self.last then body = self.last.body_code end
  if (not body or body == "un") and (vetoish and body ~= "congress") then body = "sc" end
  if body == "un" and force then body = "sc" end
  if not body and number and (self.un_context) then body = "un" end
  if not body and vetoish then body = "sc" end
  -- what a later sentence implies about the resolution it takes up ("could veto the resolution")
  if anaphor and self.last and self.last.body_code == "un" and body == "sc" then
    self.last.body_code, self.last.body = "sc", body_name("sc")
  end
  if body == "council" then
    body = (self.un_context or (number and number:match("%(%d%d%d%d%)"))) and "sc" or "Council"
  end
  if body == "assembly" then body = self.un_context and "ga" or "Assembly" end

  -- specificity
  local nxt = lw(toks, i + 1)
  local content = content_after[nxt] and not (nxt == "to" and lw(toks, i + 2) == "the" and false)
  local spec
  if number then spec = "numbered"
  elseif first == "such" or det["such"] or ((first == "the" or first == "this" or first == "that" or det["said"]
    or det["same"]) and not content and self.last) then spec = "anaphoric"
  elseif det["any"] or det["all"] or det["another"] or det["many"] or det["several"] or det["some"] or det["various"]
    or det["previous"] or det["earlier"] or det["relevant"] or det["numerous"] or det["those"] or det["these"]
    or (plural and (first == lw(toks, i) or organ_at(toks, det_a))) and not content then spec = "generic"
  elseif plural and not (first == "the" or first == "this" or first == "that") then spec = "generic"
  elseif content or first == "the" or first == "this" or first == "that" or det["draft"] or det["new"]
    or det["proposed"] or det["joint"] or det["concurrent"] then spec = "specific"
  elseif plural and not content then spec = "generic"
  else spec = "generic" end
  if (det["any"] or det["all"] or det["another"]) and content then spec = "generic" end

  -- status
  local before_a, after_b = math.max(1, det_a - 6), math.min(n, i + 10)
  local status
  local function near(words, a, b) return has(toks, a or before_a, b or after_b, words) end
  local modal_at = near(modal, before_a, i - 1)
  local v = near(vetoed_words)
  local ad = near(adopted_words)
  local adopted_before = adopted_words[lw(toks, det_a - 1)] and not modal[lw(toks, det_a - 2)]
    and lw(toks, det_a - 2) ~= "be" and lw(toks, det_a - 2) ~= "being"
  if v and not (lw(toks, v - 1) == "not" or lw(toks, v - 1) == "be") then status = "vetoed"
  elseif adopted_before then status = "adopted"
  elseif det["draft"] or lw(toks, i - 1) == "draft" then status = "draft"
  elseif near(existing_words, math.max(1, det_a - 4), i - 1) then status = "existing"
  elseif ad and not (modal[lw(toks, ad - 1)] or modal[lw(toks, ad - 2)] or lw(toks, ad - 1) == "be"
    and modal[lw(toks, ad - 2)] or near(set{ "get", "getting", "got" }, before_a, ad)) then status = "adopted"
  elseif number or near(existing_words) or det["all"] or det["previous"] or det["earlier"] or det["existing"]
    then status = "existing"
  elseif det["any"] or det["another"] or det["yet"] or near(set{ "whether", "if", "unless", "need",
    }, before_a, i - 1) or (plural and not det_a ~= i and near(set{ "passes", "adopts" }, before_a, i - 1)) then
    status = "hypothetical"
  elseif near(proposal_words) or ad or near(set{ "veto", "vetoes", "vetoing" }) or (modal_at and near(set{ "adopt",
    "pass", "approve", "support", "back", "vote", "passed", "adopted" })) then status = "proposed"
  elseif det["such"] then status = self.last and self.last.status or "hypothetical"
  elseif anaphor and self.last then
    -- the resolution taken up again: once adopted, it now exists
    status = (self.last.status == "adopted" or self.last.status == "vetoed" and false) and "existing"
      or self.last.status
  elseif plural then status = "existing"
  elseif modal_at then status = "hypothetical"
  else status = first == "a" and "proposed" or "existing" end

  -- "a resolution" that someone seeks or drafts is a particular one
  if spec == "generic" and not plural and (first == "a" or first == "an") and (status == "proposed"
    or status == "draft" or status == "adopted" or status == "vetoed") then spec = "specific" end
  r.body_code = body
  r.body = body and body_name(body) or "none"
  r.status, r.specificity, r.number = status, spec, number or ""
  return r
end

-- rows for one sentence; offset (bytes, default 0) is added to start/stop
function Scanner:sentence(sent, offset)
  offset = offset or 0
  local toks = tokenize(sent)
  local rows = {}
  if M.un_context(sent) then self.un_context = true end
  local i = 1
  while i <= #toks do
    local t = toks[i]
    local w = t[2]
    local lw_ = low(w)
    if res_word:match(w) == #w + 1 then
      -- numbers after the word
      local nums = number_list:match(sent, t[3] + (sent:match("^[ \t]*", t[3]) and #sent:match("^[ \t]*", t[3]) or 0))
      if nums and #nums > 0 and not sent:sub(t[3]):match("^%s*%d+%s*[%%]") then
        for k, nm in ipairs(nums) do
          local a, text, b = nm[1], nm[2], nm[3]
          local r = self:classify(toks, i, text)
          if k == 1 then rows[#rows + 1] = row(sent, offset, t[1], b, r)
          else rows[#rows + 1] = row(sent, offset, a, b, r) end
        end
        -- skip the tokens of the numbers
        local last_b = nums[#nums][3]
        while toks[i + 1] and toks[i + 1][1] < last_b do i = i + 1 end
        self.last = rows[#rows]
      else
        local r = self:classify(toks, i, nil)
        rows[#rows + 1] = row(sent, offset, t[1], t[3], r)
        if r.is_reference == "yes" then self.last = r end
      end
    elseif lw_ == "article" and toks[i + 1] and toks[i + 1][2]:match("^%d+$") then
      -- Article N of the (UN) Charter; a bare Article N where the UN is being discussed
      local after = {}
      for k = i + 2, math.min(#toks, i + 7) do after[#after + 1] = low(toks[k][2]) end
      local tail = table.concat(after, " ")
      local of_un = tail:match("^of the u%.?n%.?'?s?") or tail:match("^of the united nations")
        or tail:match("^of the charter") or tail:match("^of the un charter") or tail:match("^of the u%.n%. charter")
        or tail:match("^of chapter [vx]+ of the") and tail:find("charter")
      local of_other = tail:match("^of ") or tail:match("^%(") 
      if of_un or (not of_other and self.un_context) then
        local b = toks[i + 1][3]
        rows[#rows + 1] = row(sent, offset, t[1], b, { is_reference = "yes", body = body_name("un"), body_code = "un",
          status = "existing", specificity = "numbered", number = toks[i + 1][2] })
        i = i + 1
      end
    elseif (lw_ == "order" or lw_ == "orders") and i > 1 then
      local prev = lw(toks, i - 1)
      local o = organ_at(toks, i - 1) or (i > 2 and organ_at(toks, i - 2))
      if o and (prev == "u.n." or prev == "un" or prev == "nations" or prev == "council" or prev == "assembly"
        or prev == "un's" or prev == "u.n.'s") then
        local j = i - 1
        while j > 1 and (organ_at(toks, j - 1) or lw(toks, j - 1) == "security" or lw(toks, j - 1) == "united") do j = j - 1 end
        local det = lw(toks, j - 1)
        local definite = det == "the" or det == "this" or det == "that"
        local spec = (lw_ == "orders" and not definite) and "generic"
          or (content_after[lw(toks, i + 1)] or definite) and "specific" or "generic"
        rows[#rows + 1] = row(sent, offset, toks[j][1], t[3], { is_reference = "yes", body = body_name(o),
          body_code = o, status = "existing", specificity = spec, number = "" })
      end
    elseif (lw_ == "set" or lw_ == "imposed" or lw_ == "established" or lw_ == "mandated" or lw_ == "fixed"
      or lw_ == "laid") and lw(toks, i + 1) == "by" then
      local j = i + 2
      if lw(toks, j) == "the" then j = j + 1 end
      local o, nw = organ_at(toks, j)
      if o and o ~= "congress" and (o == "un" or o == "sc" or o == "ga" or o:match("^UN ")) then
        local b = toks[j + nw - 1][3]
        rows[#rows + 1] = row(sent, offset, t[1], b, { is_reference = "yes", body = body_name(o), body_code = o,
          status = "existing", specificity = "specific", number = "" })
        i = j + nw - 1
      end
    elseif w:match("^[AS]/[%u%d]") and (w:find("/RES/", 1, true) or w:find("/L%.%d")) then
      -- a UN document symbol on its own: S/RES/1441 (2002), A/RES/48/126, a draft A/C.3/48/L.7
      local m = number_c:match(sent, t[1])
      if m then
        local a, text, b = number_c:match(sent, t[1])
        local body = text:match("^S/") and "sc" or "ga"
        rows[#rows + 1] = row(sent, offset, a, b, { is_reference = "yes", body = body_name(body), body_code = body,
          status = text:find("/L%.") and "draft" or "existing", specificity = "numbered", number = text })
        while toks[i + 1] and toks[i + 1][1] < b do i = i + 1 end
        self.last = rows[#rows]
      end
    else
      local m = instrument_no:match(sent, t[1])
      if m then
        local body = m[2]:match("UNSCR") and "sc" or "congress"
        rows[#rows + 1] = row(sent, offset, m[1], m[5], { is_reference = "yes", body = body_name(body),
          body_code = body, status = "existing", specificity = "numbered", number = m[4] })
        while toks[i + 1] and toks[i + 1][1] < m[5] do i = i + 1 end
        self.last = rows[#rows]
      end
    end
    i = i + 1
  end
  -- a reference with no body takes the UN body another reference of the same sentence names
  -- ("breach of relevant resolutions, including resolution 687 (1991)")
  local named
  for _, r in ipairs(rows) do
    if r.is_reference == "yes" and r.body_code and r.body_code ~= "congress" and r.body:match("^UN") then named = r end
  end
  if named then
    for _, r in ipairs(rows) do
      if r.is_reference == "yes" and r.body == "none" then r.body, r.body_code = named.body, named.body_code end
    end
  end
  return rows
end

-- A rough sentence splitter for plain strings (the corpus has its own): ends at . ! ? followed by
-- space and a capital or a quote, except after common abbreviations and initials.
local abbrev = set{ "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "nos.", "u.s.", "u.n.", "u.k.", "gen.", "sen.",
  "rep.", "gov.", "pres.", "sept.", "jan.", "feb.", "aug.", "oct.", "nov.", "dec.", "art.", "para.", "res." }
function M.sentences(text)
  local out, from = {}, 1
  for _, t in ipairs(tokenize(text)) do
    local w = t[2]
    local ends = w == "!" or w == "?" or (w:sub(-1) == "." and not abbrev[low(w)] and not w:match("^%u%.$")
      and not w:match("%.%u%.$"))
    if ends then
      local rest = text:sub(t[3])
      if rest:match("^[\"'”’]?%s+[%u\"“']") or rest:match("^%s*$") then
        local e = t[3] + (rest:match("^[\"'”’]") and 1 or 0)
        out[#out + 1] = { text = text:sub(from, e - 1), offset = from - 1 }
        from = e + #(text:sub(e):match("^%s*"))
      end
    end
  end
  if from <= #text then out[#out + 1] = { text = text:sub(from), offset = from - 1 } end
  return out
end

-- every row in a text (one document): its sentences scanned in order
function M.find(text, opts)
  opts = opts or {}
  if opts.un_context == nil then opts.context = text end
  local scan = M.scanner(opts)
  local rows = {}
  for _, s in ipairs(M.sentences(text)) do
    for _, r in ipairs(scan:sentence(s.text, s.offset)) do rows[#rows + 1] = r end
  end
  return rows
end

M.COLUMNS = { "matched", "is_reference", "body", "status", "specificity", "number" }

return M
