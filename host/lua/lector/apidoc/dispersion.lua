-- lector.apidoc.dispersion: the documentation of C:dispersion (host/lua/lector/dispersion.lua):
-- how evenly a word is spread. See lector.apidoc for the conventions, doc/dispersion.md for the
-- formulas and their sources.
return {
  { title = "Corpus", entries = {
    { name = "Corpus:dispersion", since = "0.2.0",
      aliases = { "range", "Juilland", "Gries DP", "dispersion plot", "spread" },
      sig = "C:dispersion(term [, opts]) -> table",
      summary = [[How evenly a word, a phrase or a hit set (of `C:query`, `C:hits`, ...) is spread
over the documents, or over `parts = N` parts of about equal size (the documents laid end to end
and cut every N-th of the tokens). The table: `freq` (hits), `parts` (how many), `range` (parts
with a hit), `range_pct`, `juilland_d` (Juilland's D = 1 − V/√(n−1), V the coefficient of
variation, population standard deviation over mean, of each part's hits per token: 1 is even,
0 all in one part), `gries_dp` (Gries's DP = ½ Σ |vᵢ − sᵢ|, vᵢ the part's share of the hits, sᵢ
its share of the tokens: 0 is even, near 1 all in a small part), `dp_norm` (DP / (1 − min sᵢ),
Lijffijt and Gries 2012), and the lists `sizes` and `counts` per part, `docs` (their names) over
documents. With no hit the three measures are nil; D is nil for a single part. opts: `parts`,
`query` (true: term is a query as for C:query), `case`, `loose`, `boilerplate` (as for C:count).
Formulas and a worked example: doc/dispersion.md.]],
      example = [[
local d = corpus:dispersion("Iraq")
print(d.freq, d.range, d.parts, table.concat(d.counts, " "))      --> 42	5	5	13 8 9 10 2
print(string.format("D %.3f  DP %.3f  DPnorm %.3f", d.juilland_d, d.gries_dp, d.dp_norm))   --> D 0.699  DP 0.445  DPnorm 0.485
local r = corpus:dispersion("resolution", {parts = 10})
print(r.range_pct, string.format("%.3f", r.gries_dp))             --> 50.0	0.500
print(corpus:dispersion(corpus:hits("Security Council")).range)   --> 4
]] },
  } },
}
