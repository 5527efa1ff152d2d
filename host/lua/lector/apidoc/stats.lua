-- lector.apidoc.stats: the documentation of frequency lists, collocates, n-grams and keywords
-- (host/bindings/lua_stats.c, host/core/query/stats.c). See lector.apidoc for the conventions.
return {
  { title = "Corpus", entries = {
    { name = "Corpus:freq", since = "0.1.0",
      aliases = { "frequency", "frequency list", "word list", "wordlist", "counts" },
      sig = "C:freq([opts]) -> rows, tokens",
      summary = [[The frequency list: rows `{form, count}` from the most frequent, ties in the forms'
byte order, and the number of tokens counted. Forms are folded (lower case) unless `case = true`.
opts: `by` (a positional attribute to count instead of the word: "lemma", "pos", ...; its values
as they are), `words` (false: keep punctuation), `min` (smallest count, 1), `limit`, and `docs`,
`boilerplate` as for C:count. C:near and C:keywords take `by` too. With `by` a metadata field
(`"kind"`, `"party"`, ...), the words are counted in each group of documents side by side: each
row has `groups` (value -> count), and the second result is the tokens of each group.]],
      example = [[
local rows, tokens = corpus:freq{limit = 3}
print(tokens, rows[1].form, rows[1].count, rows[3].form)          --> 4377	the	230	of
print(corpus:freq{docs = corpus:doc(5), limit = 1}[1].form)       --> the
local pos = corpus:freq{by = "pos", limit = 2}
print(pos[1].form, pos[1].count, pos[2].form)                     --> NOUN	665	VERB
print(corpus:freq{by = "lemma", limit = 3}[3].form)               --> be
local kinds, sizes = corpus:freq{by = "kind", limit = 2}
print(kinds[2].form, kinds[2].groups.news, kinds[2].groups.transcript, sizes.news)   --> to	80	70	2222
]] },
    { name = "Corpus:near", since = "0.1.0",
      aliases = { "collocates", "collocation", "collocations", "association" },
      sig = "C:near(node [, opts]) -> rows, nodes",
      summary = [[The collocates of a node (a word, a phrase, or a Hits): the words that occur near
it, ranked by an association measure, and the number of node hits. (Named `near` so that
`corpus:co` still completes to `count` in the REPL.) Each row: `form`, `cooc` (occurrences in the
windows, a position counted once where windows overlap), `freq` (in the whole scope), and the
scores `logdice` (14 + log2(2·cooc / (nodes + freq))), `mi` (log2 of observed over expected),
`t` (t-score) and `ll` (log-likelihood), where expected = W·freq/N with W the tokens in all the
windows and N those in scope. opts: `window` (5 tokens each side) or `left`/`right`, `sentence`
(false: windows may cross sentence ends), `measure` ("logdice", "mi", "t", "ll" or "freq"),
`min` (smallest cooc, 2), `limit` (20), `words`, `case`, `docs`, `boilerplate`.]],
      example = [[
local rows, nodes = corpus:near("resolution", {window = 5, limit = 3})
print(nodes, rows[1].form, rows[1].cooc, rows[2].form)            --> 15	un	3	adopted
print(string.format("%.2f", rows[1].logdice))                     --> 12.06
print(corpus:near("veto", {measure = "freq", limit = 1})[1].form)   --> the
]] },
    { name = "Corpus:ngrams", since = "0.1.0",
      aliases = { "n-grams", "bigrams", "trigrams", "clusters", "lexical bundles" },
      sig = "C:ngrams(n [, opts]) -> rows",
      summary = [[The sequences of n words (1 to 8) inside a sentence, most frequent first: rows
`{form, count}`, the form folded unless `case = true`. opts: `min` (2), `limit`, `words` (false:
allow punctuation inside), `docs`, `boilerplate`.]],
      example = [[
local rows = corpus:ngrams(3, {limit = 2})
print(rows[1].form, rows[1].count, rows[2].form)                  --> of mass destruction	8	weapons of mass
]] },
    { name = "Corpus:keywords", since = "0.1.0",
      aliases = { "keyness", "key words", "log-likelihood" },
      sig = "C:keywords(docs [, reference [, opts]]) -> rows",
      summary = [[The words more frequent in the documents docs (a Document, a name, or a list) than
in the reference documents (by default all the others), ranked by log-likelihood. Each row:
`form`, `a` and `b` (counts in docs and reference), `ll`, `log_ratio` (log2 of the ratio of
relative frequencies, half a token where the reference has none). opts: `min` (3, in docs),
`limit` (20), `words`, `case`, `boilerplate`.]],
      example = [[
local rows = corpus:keywords(corpus:doc(5), nil, {limit = 3})
print(rows[1].form, rows[1].a, rows[1].b, rows[2].form, rows[3].form)   --> we	39	0	i	you
]] },
  } },
}
