-- un_resolutions/numbers.lua: the numbers of resolutions as written, with their full symbol and
-- suffix, and lists and ranges of them, as LPeg grammars: "678", "1441 (2002)", "2625 (XXV)",
-- "S/RES/678", "S/RES/1441 (2002)", "A/RES/60/1", "A/RES/60.1", "A/RES/ES-10/14", "ES-10/14",
-- "48/126", "A/C.3/48/L.7", "2019-45", "3202 (S-VI)", "1621 A (LI)", "A/2485/Rev.1", and the US Congress's "H.J.Res. 114", "S. Res. 95".
--
--   local numbers = require "un_resolutions.numbers"
--   numbers.list:match(s, i)   -- { {from, text, to}, ... }: the numbers of a list or range at i
--   numbers.symbol:match(s, i) -- from, text, to of one UN document symbol at i
--   numbers.congress:match(s, i) -- from, symbol, text, to of "H.J.Res. 114" at i
--
-- Positions are Lua string positions (to exclusive). "resolutions 242 and 338" is two items;
-- "resolutions 660 to 678" is every resolution from 660 to 678 (at most M.MAX_RANGE of them), the
-- first and last with their own words, those between with the words of the whole range.
local lpeg = require "lpeg"
local P, R, S, C, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct

local M = {}
M.MAX_RANGE = 100

local alpha = R("az", "AZ") + R("\128\255")
local digit = R"09"
local sp = S" \t\n"^1
local sp0 = S" \t\n"^0
local year = digit * digit * digit * digit
local roman = S"IVXL"^1
-- "(2002)", "(XXV)", a special or emergency special session's "(S-VI)", "(ES-VII)"
local suffix = (S" \t"^0 * "(" * (year + (P"ES-" + P"S-")^-1 * roman) * ")")^-1
-- the letter of a part of a resolution: "1621 A (LI)", "41/162 A", "38/188 G"
local letter = (P" " * R"AZ" * #(S" ,;.:)]" + -P(1)))^-1

local part = (R"AZ" + digit)^1 * (P"." * (R"AZ" + digit)^1)^0
local revision = (P"Rev." + P"Add." + P"Corr.") * digit^1
local es = P"ES-" * digit^1
-- a UN document symbol: S/RES/1441, A/RES/60/1, A/RES/ES-10/14, A/C.3/48/L.7, A/2485/Rev.1
local un_symbol = R"AZ" * (R"AZ" + P".")^0 * (P"/" * (es + revision + part))^1
local session_no = (es + digit^1) * (P"/" * digit^1)^1 * letter      -- 48/126, ES-10/14, 41/162 A
local plain_no = digit^1 * (P"-" * digit^1)^-1 * R"AZ"^-1 * -(alpha + digit) * letter
local number = (un_symbol + session_no + plain_no) * suffix
M.number = number

-- a vote tally after the word is not its number: "approved the resolution 77 to 23", "by 14-1"
local tally = digit * digit^-2 * (S" \t"^1 * P"to" * S" \t"^1 + P"-") * digit * digit^-2 * -(alpha + digit)
local number_c = -tally * Cp() * C(number) * Cp()
M.symbol = Cp() * C(un_symbol * suffix) * Cp()

local sep = S" \t"^0 * P"," * S" \t"^0 * (P"and" * sp)^-1 + sp * (P"and" + P"&" + P"or") * sp
local lead = (P"No." + P"no." + P"Nos." + P"nos." + P"number" + P"numbers" + P"#") * S" \t"^0
local range_word = sp * (P"to" + P"through" + P"thru") * sp + S" \t"^0 * (P"-" + P"\226\128\147") * S" \t"^0

-- a range "660 to 678": both plain numbers, the second larger
local range = Ct(Cp() * C(digit^1) * Cp() * range_word * Cp() * C(digit^1) * Cp() * -(alpha + digit + P"/"))
  / function(t)
    local a, b = tonumber(t[2]), tonumber(t[5])
    if not (b > a and b - a < M.MAX_RANGE) then return nil end
    return t
  end
local item = lead^-1 * (lpeg.Cmt(range, function(_, pos, t) if t then return pos, { range = t } end end)
  + Ct(number_c))

-- the items of a list at i: each {from, text, to}; a range adds one item per number in it
local list_g = Ct(item * (sep * item)^0)
function M.list(s, i)
  local got = list_g:match(s, i)
  if not got then return nil end
  local out = {}
  for _, it in ipairs(got) do
    if it.range then
      local t = it.range
      local a, b = tonumber(t[2]), tonumber(t[5])
      out[#out + 1] = { t[1], t[2], t[3], range = true }
      for n = a + 1, b - 1 do out[#out + 1] = { t[1], tostring(n), t[6], range = true, inside = true } end
      out[#out + 1] = { t[4], t[5], t[6], range = true }
    else
      out[#out + 1] = it
    end
  end
  return out
end

local function ci(w)
  local p = P(true)
  for ch in w:gmatch(".") do p = p * S(ch:lower() .. ch:upper()) end
  return p
end
-- H.Res. 5, H.J.Res. 114, H. Con. Res. 3, S.Res. 95, S. J. Res. 1
local congress_sym = (ci"H." + ci"S.") * (sp0 * (ci"J." + ci"Con."))^-1 * sp0 * ci"Res." * S" \t"^0
M.congress = Cp() * C(congress_sym) * number_c
M.unscr = Cp() * C(P"UNSCR" * S" \t"^1) * number_c

return M
