-- bench/accuracy/collect-resolutions.lua: turns plain-text documents into unlabelled rows of
-- spec/fixtures/resolutions/gold.tsv, one per occurrence of a trigger word ("resolution(s)", "Res.",
-- a UN or US symbol) and one per further item of a numbered list after a plural ("resolutions 242
-- and 338"), with the sentence, the eight sentences before it and the document's sentences that
-- name a body. It never runs the finder: the labels are left empty, to be filled by hand.
--
-- "Article N" (of the UN Charter, which the finder also reports) is a trigger too.
--
--   lector bench/accuracy/collect-resolutions.lua SPLIT FIRST_ID SOURCE_PREFIX FILE... > rows.tsv
--   ONLY=article lector bench/accuracy/collect-resolutions.lua ...   (the "Article N" rows alone)
package.path = "scripts/packs/un-resolutions/lua/?.lua;" .. package.path
local finder = require "un_resolutions.finder"

local split, next_id, prefix = arg[1], tonumber(arg[2]), arg[3]
local BODY_WORDS = { "Security Council", "General Assembly", "United Nations", "U%.N%.", "Congress", "House",
  "Senate", "Legislature", "legislature", "Parliament", "parliament", "Governor", "Council", "Assembly", "Board",
  "Synod" }

local function names_body(s)
  for _, w in ipairs(BODY_WORDS) do if s:find(w) then return true end end
  return false
end

-- the trigger tokens of a sentence: {at (0-based byte offset), text}
local only = os.getenv("ONLY")
local function triggers(sent)
  local out, toks = {}, finder.tokenize(sent)
  for i, t in ipairs(toks) do
    local w = t[2]
    local lw = w:lower()
    if lw == "article" and toks[i + 1] and toks[i + 1][2]:match("^%d+$") then
      if only ~= "resolution" then out[#out + 1] = { t[1] - 1, w } end
    elseif only == "article" then
      -- the word and the symbols are left out
    elseif lw == "resolution" or lw == "resolutions" or w == "Res." or w:match("^[SA]/RES/") or w == "UNSCR" then
      out[#out + 1] = { t[1] - 1, w }
      if lw == "resolutions" or w == "UNSCR" then  -- the further items of a list of numbers
        local j, seen = i + 1, 0
        while toks[j] do
          local x = toks[j][2]
          if x:match("^%d") or x:match("^[A-Z]+[-/]%d") then
            seen = seen + 1
            if seen > 1 then out[#out + 1] = { toks[j][1] - 1, x } end
          elseif x == "(" then  -- a suffix: skip to its ")"
            while toks[j] and toks[j][2] ~= ")" do j = j + 1 end
          elseif not (x == "," or x == "and" or x == "or" or x == "to" or x == "through" or x == "-" or x == "–") then
            break
          end
          j = j + 1
        end
      end
    end
  end
  return out
end

print("id\tsplit\tsource\tat\tmatched\tis_reference\tbody\tnumber\tstatus\tsentence\tcontext\tdoc_context")
for k = 4, #arg do
  local path = arg[k]
  local text = assert(io.open(path)):read("a"):gsub("%s+", " "):gsub("^ ", "")
  local sents = finder.sentences(text)
  local named = {}
  for i, s in ipairs(sents) do if names_body(s.text) then named[#named + 1] = i end end
  for i, s in ipairs(sents) do
    local trig = triggers(s.text)
    if #trig > 0 then
      local ctx = {}
      for j = math.max(1, i - 8), i - 1 do ctx[#ctx + 1] = sents[j].text end
      local doc = {}
      for _, j in ipairs(named) do
        if (j < i - 8 or j > i) and #doc < 12 then doc[#doc + 1] = sents[j].text end
      end
      for _, t in ipairs(trig) do
        print(table.concat({ next_id, split, prefix .. path:match("[^/]*$"), t[1], t[2], "", "", "", "", s.text,
          table.concat(ctx, " "), table.concat(doc, " ") }, "\t"))
        next_id = next_id + 1
      end
    end
  end
end
