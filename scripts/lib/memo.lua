-- memo.lua (lib): a function of one string argument that remembers its answers, for the words that
-- come back in every sentence (a word's lower-case form, whether it is capitalized). At most about
-- `size` answers are kept: past that the memory starts again, so a gigabyte of text stays bounded.
--
--   local memo = require "memo"
--   local lower = memo(string.lower)
return function(fn, size)
  size = size or 100000
  local known, n = {}, 0
  return function(w)
    local v = known[w]
    if v == nil then
      v = fn(w)
      if n >= size then known, n = {}, 0 end
      known[w], n = v, n + 1
    end
    return v
  end
end
