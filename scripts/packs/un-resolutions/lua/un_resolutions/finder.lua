-- un_resolutions/finder.lua: finds references to formal resolutions in running English and says
-- what each one is: a reference or another sense of the word, which body adopted it (and whether the
-- text names the body or the finder inferred it), its number as written, its status, and the verb
-- that decided the status. Also the related instruments without the word: "Article 51" of the UN
-- Charter, "U.N. order(s)", a limit "set by the U.N.", "H.J.Res. 114", "UNSCR 1441", "S/RES/678".
--
--   local finder = require "un_resolutions.finder"
--   for _, r in ipairs(finder.find("The Council adopted resolution 1441 (2002).")) do
--     print(r.start, r.stop, r.matched, r.is_reference, r.body, r.body_source, r.status, r.number, r.verb)
--   end
--   local scan = finder.scanner { context = whole_text }  -- one per document
--   scan:sentence(text, offset [, index])                 -- the rows of one sentence (index: its number)
--
-- Offsets are bytes from 0, stop excluded. A scanner remembers the document: the last reference
-- ("the resolution" takes up its body), the bodies mentioned in the last sentences (a bare "the
-- House" is the Georgia House after "the Georgia Legislature"), and what the whole text speaks of.
-- What it remembers reaches back at most M.WINDOW sentences (and to the last reference), so a
-- caller may scan only the sentences with a trigger word and the M.WINDOW sentences before each
-- (scripts/resolutions.lua does, through the index) and get the rows of a full scan.
--
-- Fields of a row:
--   is_reference  yes, or no for the other senses (senses.lua).
--   body          UN Security Council, UN General Assembly, a UN organ by name, UN unspecified, US
--                 Congress, US Senate, US House, US state legislature, national parliament, EU, city
--                 council, company board, church synod, other, unknown (bodies.lua).
--   body_source   written (the sentence names it), inferred (a bare organ name, the number's form, a
--                 veto, the reference taken up, the nearest body mentioned before, the document), or
--                 unknown.
--   number        as written with symbol and suffix: "1441 (2002)", "S/RES/678", "A/RES/ES-10/14";
--                 a list or range gives a row per item (numbers.lua).
--   status        adopted, draft, proposed (sought, offered, pending, hypothetical), rejected, vetoed,
--                 cited (an existing one referred to).
--   verb          the word that decided the status ("adopted", "veto", "comply"), or "".
--   specificity   numbered, anaphoric, specific, generic.
--   why           { sense =, body =, status = }: the rule that decided each field (--explain).
local lpeg = require "lpeg"
local bodies = require "un_resolutions.bodies"
local numbers = require "un_resolutions.numbers"
local senses = require "un_resolutions.senses"
local P, R, S, C, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct
local set, lw, has, low = senses.set, senses.lw, senses.has, senses.low

local M = {}
M.WINDOW = 4          -- sentences back that a bare organ or a body-less reference looks for a body

-- {==================================================================
-- Words: a tokenizer that keeps abbreviations (U.N., H.J.Res.), symbols (S/RES/1441) and
-- apostrophes inside words, with byte offsets.
-- ===================================================================
local alpha = R("az", "AZ") + R("\128\255")
local digit = R"09"
local apos = P"'" + P"\226\128\153"
local wordch = alpha + digit
local abbr = (alpha * P".")^2 * (alpha^1 * P".")^0 + R"AZ" * R"az"^-3 * P"." * -(S" \t\n"^1 * R"AZ" * R"az")
local word = abbr + (wordch^1 * ((S"./-" + apos) * wordch^1)^0)
local punct = (1 - (wordch + S" \t\r\n"))
local tokens_g = Ct((S" \t\r\n"^0 * Ct(Cp() * C(word + punct) * Cp()))^0)

-- the tokens of s: list of {from, text, to} (from 1, to exclusive as Lua positions)
local function tokenize(s) return tokens_g:match(s) or {} end
M.tokenize = tokenize

local function ci(w)
  local p = P(true)
  for ch in w:gmatch(".") do p = p * S(ch:lower() .. ch:upper()) end
  return p
end
local res_word = (ci"resolution" * S"sS"^-1 + P"Res.") * -alpha

-- does a text speak of the United Nations?
function M.un_context(text) return bodies.context(text).un end

-- {==================================================================
-- Classification of one occurrence of the word at token i
-- ===================================================================
local determiners = set{ "the", "a", "an", "any", "all", "such", "this", "that", "these", "those", "another",
  "no", "every", "each", "its", "their", "our", "his", "her", "your", "my" }
local adjectives = set{ "new", "second", "further", "draft", "proposed", "earlier", "previous", "relevant",
  "several", "many", "two", "three", "both", "some", "other", "same", "said", "yet", "binding", "firm",
  "strong", "tough", "joint", "concurrent", "nonbinding", "non-binding", "congressional", "parliamentary",
  "british", "backed", "existing", "separate", "fresh", "possible", "final", "original", "key", "landmark",
  "various", "numerous", "formal", "unanimous", "compromise", "rival", "alternative", "tougher", "similar",
  "privilege", "silly", "usual", "following", "general", "special" }
-- verbs by which a body named before "the resolution" acts on it
local acting = set{ "adopted", "adopts", "adopt", "passed", "passes", "pass", "approved", "approves", "voted",
  "votes", "vote", "rejected", "rejects", "vetoed", "considered", "considers", "debated", "debates",
  "introduced", "offered", "tabled", "endorsed", "unanimously" }
local veto_cue = set{ "veto", "vetoes", "vetoed", "vetoing", "permanent" }
local permanent_members = set{ "russia", "moscow", "china", "beijing", "france", "paris", "britain", "london",
  "u.s.", "washington", "russia's", "china's", "france's", "britain's", "soviet", "ussr", "kremlin", "united",
  "america", "american", "u.k.", "uk" }
local abstain_cue = set{ "abstained", "abstaining", "abstain", "abstains", "abstention", "abstentions" }
local force_cue = set{ "force", "military", "hostilities", "war" }
local force_verb = set{ "authorize", "authorizing", "authorise", "authorising", "sanction", "allow", "permit",
  "use", "approve", "approving" }

-- the first token of the phrase before the word ("a new U.S.-backed draft resolution")
local function phrase_start(toks, i)
  local a = i
  while a > 1 and i - a < 7 do
    local w = lw(toks, a - 1)
    if determiners[w] then
      a = a - 1
      local w2 = lw(toks, a - 1)
      if (w == "a" or w == "an") and w2 == "such" or w == "the" and (w2 == "all" or w2 == "both")
        or w == "another" and w2 == "yet" or w == "such" and (w2 == "any" or w2 == "all" or w2 == "no") then
        a = a - 1
      end
      break
    elseif adjectives[w] or bodies.at(toks, a - 1) or w:match("backed$") or w:match("^%d") or w == ","
      or w == "and" or w:match("'s$") or w == "security" or w == "general"
      or toks[a - 1][2]:match("^%u") and (not toks[a - 1][2]:match("^%u%l+$") or a - 1 > 1) then
      a = a - 1
    else
      break
    end
  end
  return a
end

-- "resolution 52/165, adopted on 15 December 1997", "resolutions on embargoes adopted by the United
-- Nations", "resolution 3212 (XXIX), unanimously adopted": the participle of adoption after the
-- reference, within its noun phrase: the token, its word and whether a modal or a verb of wanting
-- governs it ("must get a resolution passed"); or nil
local participle_stop = set{ ";", ":", "which", "that", "who", "whereby", "whose", "where", "when", "while" }
local participle_aux = set{ "be", "been", "being", "get", "got", "getting", "see", "have", "has", "had" }
-- verbs that take "a resolution adopted" as their object: "get a resolution passed", "see it adopted"
local causative = set{ "get", "gets", "got", "getting", "see", "seeing", "have", "want", "wants", "like", "need",
  "needs", "it" }
local function participle_after(toks, i, a)
  local n = #toks
  for j = i + 1, math.min(n, i + 10) do
    local w = lw(toks, j)
    if participle_stop[w] or senses.is_modal(toks, j) then return nil end
    if (w == "," or w == "and") and determiners[lw(toks, j + 1)] then return nil end
    if (w == "adopted" or w == "passed" or w == "approved") and not participle_aux[lw(toks, j - 1)] then
      local before = a and (lw(toks, a - 1) == "(" and a - 2 or a - 1)
      local unreal = before and causative[lw(toks, before)] and senses.unreal(toks, before + 1)
      return j, toks[j][2], unreal
    end
  end
end

-- does the sentence name the organ (code)?
local function has_organ(organs, code)
  for _, o in ipairs(organs) do if o.code == code then return true end end
  return false
end

-- the organ a number's form tells: code, rule; or nil
local function number_form(number)
  if not number then return nil end
  if number:match("^S/") then return "sc", "symbol S/RES/ is the Security Council's" end
  if number:match("^A/") or number:match("^ES%-") or number:match("^%d+/%d+")
    or number:match("%(E?S?%-?[IVXL]+%)$") then
    return "ga", "symbol A/, ES- or session/number or (session) is the General Assembly's"
  end
  if number:match("%(%d%d%d%d%)") then return "sc", "number (year) is the Security Council's" end
end

-- the body of the reference at i: code, source, rule. organs: the bodies the sentence names
local function body_of(self, toks, i, a, number, organs, anaphor, det)
  local n = #toks
  -- 1. named in the sentence: in the phrase ("a Congressional resolution", "resolution of the
  -- Security Council") first, else the nearest; the UN's organ rather than "the UN"
  local best, best_d
  local un_organ
  for _, o in ipairs(organs) do
    if o.code == nil then goto next end
    if bodies.is_un(o.code) and o.code ~= "un" then un_organ = o end
    local by = set{ "by", "in", "at" }
    local in_phrase = (o.j >= a - 1 and o.j < i) or (o.j > i and o.j <= i + 4
      and (lw(toks, o.j - 1) == "of" or lw(toks, o.j - 1) == "by" or lw(toks, o.j - 2) == "by"))
      -- "the resolution on mercenaries adopted in the Security Council"
      or (o.j > i and o.j <= i + 10 and (by[lw(toks, o.j - 1)] or by[lw(toks, o.j - 2)])
        and participle_after(toks, i) == (by[lw(toks, o.j - 1)] and o.j - 2 or o.j - 3))
    local d = (in_phrase and 0 or 100) + math.abs(o.j - i) + (o.j > i and 0.5 or 0)
    if not best or d < best_d then best, best_d = o, d end
    ::next::
  end
  -- "resolutions adopted at Mexico City", "adopted at the Accra Conference": a meeting's, not an
  -- organ's (unless the words name one or a session of one)
  local p = participle_after(toks, i)
  if p and lw(toks, p + 1) == "at" then
    local j = lw(toks, p + 2) == "the" and p + 3 or p + 2
    local o = bodies.at(toks, j)
    local session = has(toks, j, math.min(n, j + 4), set{ "session", "sessions", "meeting", "meetings" })
    if toks[j] and toks[j][2]:match("^%u") and not session and (not o or o == "other") then
      return "other", "inferred", "adopted at a conference or a meeting"
    end
  end
  -- "the resolution" takes up the one before, unless a body in its phrase or one that acts on it
  -- ("the Senate passed the resolution") says otherwise
  if best and best_d >= 100 and anaphor and self.last and self.last.body_code then
    local acts = best.j < a and has(toks, best.j + 1, a - 1, acting)
    if not acts then return self.last.body_code, "inferred", "the body of the reference it takes up" end
  end
  if best then
    if best.code == "un" and un_organ then best = un_organ end
    -- "United Nations resolution 2626 (XXV)": the number says which organ
    local form = best.code == "un" and best_d >= 100 and number_form(number)
    if form then return form, "inferred", "the UN named, the number's form tells the organ" end
    local code, source, rule = best.code, best.source, best.rule
    if code == "un" and self.doc.sc and not self.doc.ga then
      return "sc", "inferred", "the UN's, in a document that speaks of the Security Council"
    end
    if code == "un" and has(toks, 1, n, veto_cue) and not has_organ(organs, "ga") then
      return "sc", "inferred", "a UN veto is the Council's"
    end
    if code == "un" and has(toks, 1, n, force_cue) and has(toks, 1, n, force_verb) then
      return "sc", "inferred", "a UN resolution on force is the Council's"
    end
    return code, source, rule
  end
  -- 2. the number's form
  local code, rule = number_form(number)
  if code then return code, "inferred", rule end
  -- 3. the reference taken up
  if (anaphor or det["another"] or det["such"] or det["similar"]) and self.last and self.last.body_code then
    return self.last.body_code, "inferred", "the body of the reference it takes up"
  end
  -- 4. a veto where the UN is spoken of, or by a permanent member of the Security Council
  if has(toks, 1, n, veto_cue) and (self.doc.un or has(toks, 1, n, permanent_members)) then
    return "sc", "inferred", "a veto is the Security Council's"
  end
  if has(toks, 1, n, abstain_cue) and has(toks, 1, n, permanent_members) then
    return "sc", "inferred", "a permanent member's abstention is in the Security Council"
  end
  -- 5. the nearest body mentioned in the sentences before
  local near = bodies.nearest(self.mentions, self.index - 1, M.WINDOW - 1, function() return true end)
  if near then
    if near == "un" and self.doc.sc and not self.doc.ga then near = "sc" end
    return near, "inferred", "nearest body mentioned before"
  end
  -- 6. the document
  if number and self.doc.un then
    return self.doc.ga and not self.doc.sc and "ga" or "sc", "inferred", "a numbered resolution in a UN document"
  end
  if self.doc.un then
    if self.doc.sc and not self.doc.ga then return "sc", "inferred", "document speaks of the Security Council" end
    if self.doc.ga and not self.doc.sc then return "ga", "inferred", "document speaks of the General Assembly" end
    return "un", "inferred", "document speaks of the UN"
  end
  if self.doc.state > 0 and self.doc.state > self.doc.congress then
    return "state", "inferred", "document speaks of a state legislature"
  end
  if self.doc.congress > 0 then return "congress", "inferred", "document speaks of Congress" end
  return nil, "unknown", "no body named or inferable"
end

local present_adopt = set{ "pass", "passes", "adopt", "adopts", "approve", "approves", "passing", "adopting" }

-- the same, where a veto makes a UN resolution the Security Council's
function M.Scanner_body(self, toks, i, a, number, organs, anaphor, det)
  local code, source, rule = body_of(self, toks, i, a, number, organs, anaphor, det)
  if code == "un" and has(toks, 1, #toks, veto_cue) and not has_organ(organs, "ga") then
    return "sc", "inferred", "a UN veto is the Council's"
  end
  return code, source, rule
end

-- the status of the reference at i: status, verb, rule
local function status_of(self, toks, i, a, det, number, plural, anaphor)
  local n = #toks
  local from, to = math.max(1, a - 6), math.min(n, i + 10)
  local function near(words, x, y) return has(toks, x or from, y or to, words) end
  local function word(j) return toks[j][2] end
  local v = near(senses.vetoed)
  if v and not senses.unreal(toks, v) then return "vetoed", word(v), "vetoed" end
  local rj = near(senses.rejected)
  if rj and not senses.unreal(toks, rj) and (rj > i or lw(toks, rj + 1) ~= "to") then
    return "rejected", word(rj), "rejected"
  end
  -- "adopted resolution 1483", "a resolution adopted by the Council"
  if senses.adopted[lw(toks, a - 1)] and not senses.unreal(toks, a - 1) and lw(toks, a - 2) ~= "be" then
    return "adopted", word(a - 1), "adoption verb before it"
  end
  local p, pw, unreal = participle_after(toks, i, a)
  if p and unreal then return "proposed", pw, "adoption sought or hypothetical" end
  if p then return "adopted", pw, "adopted, in a participle after it" end
  -- "the Declaration ..., adopted at the last session [resolution 2734 (XXV)]": what it names was adopted
  local open = lw(toks, a - 1)
  if open == "[" or open == "(" or open == "/" then
    for j = a - 2, math.max(1, a - 16), -1 do
      local w = lw(toks, j)
      if w == ";" or w == "." then break end
      if (w == "adopted" or w == "adopt" or w == "approved" or w == "passed") and not senses.unreal(toks, j) then
        return "adopted", word(j), "the words it names in brackets were adopted"
      end
    end
  end
  -- "after the adoption of resolution 1325", "pioneered the adoption of a resolution"; "called for the
  -- adoption of a resolution", "assist in the passage of a resolution": sought
  if lw(toks, a - 1) == "of" and (lw(toks, a - 2) == "adoption" or lw(toks, a - 2) == "passage") then
    local k = lw(toks, a - 3) == "the" and a - 4 or a - 3
    local before = lw(toks, k)
    local sought = before == "for" or before == "in" or before == "to" or senses.modal[before]
      or senses.proposal[before] or before == "called" or before == "urged" or before == "requested"
    local first = lw(toks, a)
    if not sought and (not (first == "a" or first == "an") or before:match("ed$")) then
      return "adopted", word(a - 2), "the adoption of it"
    end
    return "proposed", word(a - 2), "the adoption of it sought"
  end
  -- "the United Nations passes resolutions", "to adopt a resolution": not yet adopted
  local before = lw(toks, a - 1)
  if present_adopt[before] then
    -- "used its veto to block the Council from adopting any resolutions": blocked
    if lw(toks, a - 2) == "from" and near(set{ "block", "blocked", "blocking", "prevent", "prevented",
      "preventing", "veto", "vetoes", "vetoed" }, 1, a - 3) then
      return near(veto_cue, 1, n) and "vetoed" or "rejected", word(a - 1), "blocked from adopting it"
    end
    -- "when adopting its resolutions": the body's own, in general
    if plural and (det["its"] or det["their"]) then return "cited", "", "its resolutions: existing ones" end
    -- "voted 5-2 to approve the resolution": the vote took place
    if lw(toks, a - 2) == "to" and (lw(toks, a - 3) == "voted" or lw(toks, a - 4) == "voted") then
      return "adopted", word(a - 1), "voted to adopt it"
    end
    return "proposed", word(a - 1), "adopting verb in the present or infinitive"
  end
  if det["draft"] then return "draft", "draft", "a draft" end
  -- "such a resolution is necessary": one still wanted
  local be = lw(toks, i + 1)
  if (be == "is" or be == "was" or be == "would") and near(set{ "necessary", "needed", "required", "essential",
    "indispensable", "desirable", "urgent" }, i + 2, i + 4) then
    return "proposed", "", "said to be needed"
  end
  local cited = near(senses.cited, math.max(1, a - 4), i - 1)
  if cited then return "cited", word(cited), "cited: a verb of compliance or reference before it" end
  local ad = near(senses.adopted)
  if not ad then
    -- "voted 15-0 for the resolution", "voted it through"
    local voted = near(set{ "voted", "votes" })
    if voted and (lw(toks, voted + 1):match("^%d+%-%d+$") or lw(toks, voted + 1) == "unanimously"
      or lw(toks, voted + 1):match("^%d+$") and lw(toks, voted + 2) == "to" and lw(toks, voted + 3):match("^%d+$")
      or lw(toks, voted + 1) == "through" or voted < i and lw(toks, voted + 1) == "the") then ad = voted end
  end
  local function modal_in(x, y)
    for j = math.max(1, x), y do if senses.is_modal(toks, j) then return true end end
  end
  local unreal_ad = ad and (ad < i and senses.unreal(toks, ad) or ad > i and
    (modal_in(i + 1, ad - 1) or lw(toks, i + 1) == ")" and modal_in(a - 5, a - 1)))
  if ad and not unreal_ad and not near(set{ "get", "getting", "got" }, from, ad) then
    return "adopted", word(ad), "adoption verb near it"
  end
  if number then
    local c = near(senses.cited)
    return "cited", c and word(c) or "", "a numbered resolution is an existing one"
  end
  local c = near(senses.cited)
  if c or det["all"] or det["previous"] or det["earlier"] or det["existing"]
    or plural and (det["various"] or det["numerous"] or det["many"] or det["several"] or det["relevant"]) then
    return "cited", c and word(c) or "", "an existing one"
  end
  local pr = near(senses.proposal)
  if pr then return "proposed", word(pr), "a verb of proposing" end
  if ad then return "proposed", word(ad), "adoption sought or hypothetical" end
  local veto = near(set{ "veto", "vetoes", "vetoing" })
  if veto then return "proposed", word(veto), "a veto threatened" end
  if det["any"] or det["another"] or det["yet"] or near(set{ "whether", "if", "unless", "need" }, from, i - 1) then
    return "proposed", "", "hypothetical"
  end
  if (det["such"] or anaphor or det["similar"]) and self.last then
    local s = self.last.status
    return s == "adopted" and "cited" or s, "", "the status of the reference it takes up"
  end
  for j = from, i - 1 do
    if senses.is_modal(toks, j) then return "proposed", "", "modal before it" end
  end
  if plural then return "cited", "", "plural: existing ones" end
  local first = lw(toks, a)
  if first == "a" or first == "an" then return "proposed", "", "a new one" end
  return "cited", "", "default: referred to"
end

local function row(sent, offset, a, b, fields)
  fields.start = offset + a - 1
  fields.stop = offset + b - 1
  fields.matched = sent:sub(a, b - 1)
  return fields
end

local function not_reference(why)
  return { is_reference = "no", body = "", body_source = "", status = "", specificity = "", number = "",
    verb = "", why = { sense = why, body = "", status = "" } }
end

local Scanner = {}
Scanner.__index = Scanner
Scanner.body = M.Scanner_body

-- a scanner keeps what a document said before; opts.context is the document's whole text, or a
-- function that gives it. What the text says of the document (bodies.context) is worked out the
-- first time a rule asks, which for most documents read through the index is never: a document
-- found for its "Article 9" or "orders" is then not read whole
function M.scanner(opts)
  opts = opts or {}
  local context, un = opts.context, opts.un_context
  local doc = setmetatable({}, { __index = function(t, k)
    setmetatable(t, nil)
    local c = bodies.context(type(context) == "function" and context() or context or "")
    if un ~= nil then c.un = un end
    for key, v in pairs(c) do t[key] = v end
    return c[k]
  end })
  return setmetatable({ last = nil, doc = doc, mentions = {}, index = 0 }, Scanner)
end

-- classify the occurrence of the word at token index i (organs: the sentence's named bodies)
function Scanner:classify(toks, i, number, organs)
  local n = #toks
  local formal_near = number ~= nil or has(toks, math.max(1, i - 8), math.min(n, i + 8), senses.formal) ~= nil
  local other = senses.other(toks, i, formal_near, self.last ~= nil)
  if not other and not formal_near and not self.last and #organs == 0 then
    -- nothing formal near it: a reference only if a body was named in the sentence just before
    local prev = bodies.nearest(self.mentions, self.index - 1, 0, function(c) return c ~= "un" end)
    local such = lw(toks, i - 1) == "such" or lw(toks, i - 2) == "such" and lw(toks, i - 1) == "a"
    local doc_bodies = self.doc.un or self.doc.state > 0 or self.doc.congress > 0
    -- plural "resolutions" where the document speaks of the UN: its resolutions ("further resolutions")
    local un_plural = lw(toks, i):sub(-1) == "s" and self.doc.un
    if not prev and not (such and doc_bodies) and not un_plural then other = "plain: nothing formal near it" end
  end
  if other then return not_reference(other) end
  local a = phrase_start(toks, i)
  local det = {}
  for j = a, i - 1 do det[lw(toks, j)] = true end
  local first = lw(toks, a)
  local plural = lw(toks, i):sub(-1) == "s"
  local anaphor = (first == "the" or first == "this" or first == "that" or first == "such" or first == "its"
    or det["said"] or det["same"]) and not number
  local body, source, body_rule = self:body(toks, i, a, number, organs, anaphor, det)
  local status, verb, status_rule = status_of(self, toks, i, a, det, number, plural, anaphor)
  -- what a later sentence says of the resolution it takes up ("Moscow could veto the resolution")
  if anaphor and self.last and self.last.body_code == "un" and body == "sc"
    and self.last.why.sense ~= "an article of the UN Charter" then
    self.last.body_code, self.last.body, self.last.body_source = "sc", bodies.name("sc"), "inferred"
    self.last.why.body = "a later sentence vetoes it or names the Council"
  end
  local spec
  local content = senses.content_after[lw(toks, i + 1)]
  if number then spec = "numbered"
  elseif first == "such" or det["such"] or (anaphor and not content and self.last) then spec = "anaphoric"
  elseif det["any"] or det["all"] or det["another"] or det["many"] or det["several"] or det["some"]
    or det["various"] or det["previous"] or det["relevant"] or det["those"] or det["these"] or plural then
    spec = "generic"
  elseif content or anaphor or det["draft"] or det["new"] or det["proposed"] or det["joint"] then spec = "specific"
  else spec = "generic" end
  if spec == "generic" and not plural and (first == "a" or first == "an") and status ~= "cited" then
    spec = "specific"
  end
  return { is_reference = "yes", body_code = body, body = bodies.name(body), body_source = source,
    status = status, verb = verb, specificity = spec, number = number or "",
    why = { sense = "formal: " .. (number and "a number" or formal_near and "a formal word near it"
      or #organs > 0 and "a body named" or "a reference or body before it"), body = body_rule,
      status = status_rule } }
end

-- the bodies the sentence names, resolved, in order. A bare organ sees the ones named before it in
-- the sentence and those written out in the sentences before; only the written ones are remembered
-- for later sentences, so that what a sentence means never hangs on a chain of guesses before it.
function Scanner:organs(toks)
  local out, j = {}, 1
  local seen = {}
  for k, m in ipairs(self.mentions) do seen[k] = m end
  while j <= #toks do
    local code, nw = bodies.at(toks, j)
    if code and not (code == "?house" and lw(toks, j + 1) == "of" and lw(toks, j + 2) ~= "representatives") then
      local resolved, source, rule = bodies.resolve(code, toks, j, seen, self.index, self.doc)
      out[#out + 1] = { j = j, code = resolved, source = source, rule = rule }
      if resolved then seen[#seen + 1] = { index = self.index, code = resolved } end
      if source == "written" then self.mentions[#self.mentions + 1] = { index = self.index, code = resolved } end
      j = j + nw
    else
      j = j + 1
    end
  end
  return out
end

-- a row for a reference without the word; remembered as the last reference
local function instrument(self, rows, sent, offset, a, b, code, status, spec, number, why, source)
  rows[#rows + 1] = row(sent, offset, a, b, { is_reference = "yes", body = bodies.name(code), body_code = code,
    body_source = source or "inferred", status = status, verb = "", specificity = spec, number = number,
    why = { sense = why, body = why, status = why } })
  self.last = rows[#rows]
end

-- rows for one sentence; offset (bytes, default 0) is added to start/stop; index is the sentence's
-- number in the document (default: one more than the last)
function Scanner:sentence(sent, offset, index)
  offset = offset or 0
  self.index = index or (self.index + 1)
  -- forget mentions older than the window: the rows depend only on the last M.WINDOW sentences
  local keep = {}
  for _, m in ipairs(self.mentions) do if self.index - m.index < M.WINDOW then keep[#keep + 1] = m end end
  self.mentions = keep
  local toks = tokenize(sent)
  local organs = self:organs(toks)
  local rows = {}
  local i = 1
  while i <= #toks do
    local t = toks[i]
    local w = t[2]
    local lw_ = low(w)
    local compound = w:find("%-[Rr]esolutions?$")
    if compound and not w:find("^[Rr]esolution") then
      -- "dispute-resolution", "high-resolution": a compound is never the formal act
      rows[#rows + 1] = row(sent, offset, t[1] + compound, t[3], not_reference("a compound"))
    elseif res_word:match(w) == #w + 1 and (w ~= "Res." or sent:match("^%s*%d", t[3])) then
      local at = t[3] + #sent:match("^[ \t]*", t[3])
      local nums = numbers.list(sent, at)
      -- "the General Assembly resolution [2184 (XXI)]": the number in brackets right after the word
      if not nums and at > t[3] and sent:sub(at, at) == "[" then nums = numbers.list(sent, at + 1) end
      if nums and #nums > 0 and not sent:match("^%s*%d+%s*%%", t[3]) then
        for k, nm in ipairs(nums) do
          local r = self:classify(toks, i, nm[2], organs)
          r.why.number = nm.range and "an item of a range" or k > 1 and "an item of a list" or "number after the word"
          rows[#rows + 1] = row(sent, offset, k == 1 and t[1] or nm[1], nm[3], r)
        end
        local last_b = nums[#nums][3]
        while toks[i + 1] and toks[i + 1][1] < last_b do i = i + 1 end
        if rows[#rows].is_reference == "yes" then self.last = rows[#rows] end
      else
        local r = self:classify(toks, i, nil, organs)
        r.why.number = ""
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
      if of_un or (not of_other and self.doc.un) then
        instrument(self, rows, sent, offset, t[1], toks[i + 1][3], "un", "cited", "numbered", toks[i + 1][2],
          "an article of the UN Charter", of_un and "written" or "inferred")
        i = i + 1
      end
    elseif lw_ == "orders" and i > 1 then
      -- "U.N. orders to disarm": the resolutions in general; a single "U.N. order" is as often an
      -- inspector's or an agency's, and is left out
      local prev = lw(toks, i - 1)
      local o = bodies.at(toks, i - 1) or (i > 2 and bodies.at(toks, i - 2))
      if o and (prev == "u.n." or prev == "un" or prev == "nations" or prev == "council" or prev == "un's"
        or prev == "u.n.'s") then
        local j = i - 1
        while j > 1 and (bodies.at(toks, j - 1) or lw(toks, j - 1) == "security" or lw(toks, j - 1) == "united") do
          j = j - 1
        end
        local det = lw(toks, j - 1)
        local definite = det == "the" or det == "this" or det == "that"
        local spec = (lw_ == "orders" and not definite) and "generic"
          or (senses.content_after[lw(toks, i + 1)] or definite) and "specific" or "generic"
        local code = o == "?council" and "sc" or o
        if code == "un" and self.doc.sc and not self.doc.ga then code = "sc" end
        instrument(self, rows, sent, offset, toks[j][1], t[3], code, "cited", spec, "", "an order of the UN")
      end
    elseif (lw_ == "set" or lw_ == "imposed" or lw_ == "established" or lw_ == "mandated" or lw_ == "fixed"
      or lw_ == "laid") and lw(toks, i + 1) == "by" then
      local j = i + 2
      if lw(toks, j) == "the" then j = j + 1 end
      local o, nw = bodies.at(toks, j)
      if o and bodies.is_un(o == "?council" and "sc" or o) then
        local code = o == "un" and self.doc.sc and not self.doc.ga and "sc" or o
        instrument(self, rows, sent, offset, t[1], toks[j + nw - 1][3], code, "cited", "specific", "",
          "a limit set by the UN")
        i = j + nw - 1
      end
    elseif w:match("^[AS]/[%u%d]") and (w:find("/RES/", 1, true) or w:find("/L%.%d")) then
      -- a UN document symbol on its own: S/RES/1441 (2002), A/RES/48/126, a draft A/C.3/48/L.7
      local a, text, b = numbers.symbol:match(sent, t[1])
      -- "the draft resolution seeking ... [A/L.633 and Add.1 and 2]": that draft's symbol, not another
      local of_draft = false
      if i > 1 and (lw(toks, i - 1) == "[" or lw(toks, i - 1) == "(") and text and text:find("/L%.") then
        for _, r in ipairs(rows) do
          if r.is_reference == "yes" and r.status == "draft" and r.number == "" then of_draft = true end
        end
      end
      if a and not of_draft then
        local code = text:match("^S/") and "sc" or "ga"
        instrument(self, rows, sent, offset, a, b, code, text:find("/L%.") and "draft" or "cited", "numbered", text,
          "a UN document symbol")
        while toks[i + 1] and toks[i + 1][1] < b do i = i + 1 end
      end
    else
      local a, sym, _, text, b = numbers.congress:match(sent, t[1])
      local code = "congress"
      if not a then a, sym, _, text, b = numbers.unscr:match(sent, t[1]); code = "sc" end
      if a then
        local chamber = sym:match("^[Hh]") and "house" or sym:match("^[Ss]") and "senate" or "sc"
        if code == "congress" and not sym:match("[JjCc]") then code = chamber end
        instrument(self, rows, sent, offset, a, b, code, "cited", "numbered",
          code == "sc" and text or (sym:gsub("%s+$", "") .. " " .. text), "a symbol of Congress or UNSCR")
        while toks[i + 1] and toks[i + 1][1] < b do i = i + 1 end
      end
    end
    i = i + 1
  end
  -- a reference with no body takes the UN body another reference of the same sentence names
  -- ("breach of relevant resolutions, including resolution 687 (1991)")
  local named
  for _, r in ipairs(rows) do
    if r.is_reference == "yes" and r.body_code and bodies.is_un(r.body_code) then named = r end
  end
  if named then
    for _, r in ipairs(rows) do
      if r.is_reference == "yes" and (r.body_code == nil or r.body_code == "un" and named.body_code ~= "un")
        and r.why.sense ~= "an article of the UN Charter" then
        r.body, r.body_code, r.body_source = named.body, named.body_code, "inferred"
        r.why.body = "the body of another reference in the sentence"
      end
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
  opts.context = opts.context or text
  local scan = M.scanner(opts)
  local rows = {}
  for _, s in ipairs(M.sentences(text)) do
    for _, r in ipairs(scan:sentence(s.text, s.offset)) do rows[#rows + 1] = r end
  end
  return rows
end

M.COLUMNS = { "matched", "is_reference", "body", "body_source", "status", "number", "verb", "specificity" }

return M
