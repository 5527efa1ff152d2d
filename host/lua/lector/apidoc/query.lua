-- lector.apidoc.query: the documentation of CQP queries from Lua (Corpus:query, query_count) and
-- of the hit-set operations (sort, group, union, intersect, minus, targets, tabulate). The
-- language itself is in doc/query.md.
return {
  { title = "Corpus", entries = {
    { name = "Corpus:query", since = "0.1.0",
      aliases = { "CQP", "CQL", "corpus query", "pattern search" },
      sig = "C:query(q [, opts]) -> Hits [, message] | nil, message",
      summary = [[Runs a query in CQP's language (see doc/query.md): `[word="resolutions?"%c]`,
`"Security" "Council"`, `[word="Bush"] []{0,6} [word="said|says"] within s`, labels with `::`
constraints (also on the match's document: `:: match.doc_source = "VOA"`), the `@` target,
`<s>` and `<doc year="2003">` tags. Matching is CQP's "standard"
strategy: the earliest start, the shortest match from it, no overlaps. Bare strings ignore case;
`[word="..."]` is exact unless `%c`. opts: `limit` (the most hits, 1000000 by default),
`timeout` (seconds, 60), `docs`, `boilerplate` (as for C:count). A query stopped by the limit or
the timeout returns the hits so far and a message saying so; a syntax error returns nil and a
message naming the column, with the query and a caret under it.]],
      example = [[
local h = corpus:query('[word="resolutions?"%c]')
print(#h, h[1].start, h[1].stop)              --> 17	60	60
local hits, msg = corpus:query('[]', {limit = 10})
print(#hits, msg)                             --> 10	query stopped at the hit limit of 10 hits (set a higher limit to see more)
print(corpus:query('"Security" ["Council"'))
--> nil	syntax error: unexpected '"' at column 13
-->   "Security" ["Council"
-->               ^
]] },
    { name = "Corpus:query_count", since = "0.1.0",
      aliases = { "count matches" },
      sig = "C:query_count(q [, opts]) -> integer [, message] | nil, message",
      summary = [[Counts the matches of a query without keeping them (no hit set is made, and
the hit limit does not apply; the timeout does). opts as for C:query.]],
      example = [[
print(corpus:query_count('"weapons" "of" "mass" "destruction"'))   --> 8
print(corpus:query_count('[word="Bush"] []{0,6} [word="said|says"] within s'))   --> 3
print(corpus:query_count('<doc source="VOA"> []'))   --> 2
]] },
  } },
  { title = "Hits", entries = {
    { name = "Hits:sort", since = "0.1.0",
      aliases = { "order", "sort concordance" },
      sig = "hits:sort([by]) -> Hits",
      summary = [[A new hit set in another order: by "match" (the matched words, the default),
"left" (the words before the match, nearest first), "right" (the words after it), or a
function(a, b) that says whether hit a comes before hit b. Words compare without regard to case;
equal keys keep corpus order.]],
      example = [[
local s = corpus:query('"Security" "Council"'):sort("left")
print(s[1]:kwic(2))                           --> Iraq As	Security Council	Meets The
local late = corpus:query('"Bush"'):sort(function(a, b) return a.start > b.start end)
print(late[1].start > late[2].start)          --> true
]] },
    { name = "Hits:group", since = "0.1.0",
      aliases = { "group by", "frequency table", "count by" },
      sig = "hits:group(field) -> list of {value=, count=, hits=}",
      summary = [[Groups the hits by a field: "form" (the matched text), "lower" (lower-cased),
a positional attribute ("lemma", "pos": the match's values, as CQP's `group ... by lemma`),
"doc" (the document's name), "year", or any metadata field ("source", "kind", ...). Returns one
row per value, the biggest group first (equal counts by value), each with its hit set. For the
counts alone, hits:by(field) is cheaper.]],
      example = [[
for _, g in ipairs(corpus:query('"Iraq"'):group("year")) do print(g.value, g.count, #g.hits) end
--> 2002	13	13
--> 2004	10	10
--> 2001	9	9
--> 2003	8	8
--> 1990	2	2
local g = corpus:query('[lemma="go"]'):group("lemma")
print(g[1].value, g[1].count, #corpus:query('[lemma="be"]'):group("form"))   --> go	9	8
]] },
    { name = "Hits:union", since = "0.1.0",
      sig = "hits:union(other) -> Hits",
      summary = [[The hits of both sets, each (start, stop) once, in corpus order. Both sets must
come from the same corpus.]],
      example = [[
local a, b = corpus:query('"Security" "Council"'), corpus:query('"Council"')
print(#a, #b, #a:union(b))                    --> 13	13	26
]] },
    { name = "Hits:intersect", since = "0.1.0",
      sig = "hits:intersect(other) -> Hits",
      summary = [[The hits that are in both sets (the same start and stop), in corpus order.]],
      example = [[
local a = corpus:query('"Security" "Council"')
print(#a:intersect(corpus:query('[word="Security"] []')))   --> 13
]] },
    { name = "Hits:minus", since = "0.1.0",
      sig = "hits:minus(other) -> Hits",
      summary = [[The hits of this set that are not in the other one, in corpus order.]],
      example = [[
local all = corpus:query('[word="Security"] []')
print(#all, #all:minus(corpus:query('"Security" "Council"')))   --> 13	0
]] },
    { name = "Hits:targets", since = "0.1.0",
      sig = "hits:targets() -> list of positions",
      summary = [[The position of each hit's `@` target (false where it has none). A hit with a
target also has it as `hit.target`.]],
      example = [[
local h = corpus:query('"nuclear" @[]')
print(h:targets()[1], h[1].target, h[1]:text())   --> 512	512	nuclear bomb
]] },
    { name = "Hits:tabulate", since = "0.1.0",
      aliases = { "table", "data frame", "csv" },
      sig = "hits:tabulate([opts]) -> list of rows",
      summary = [[The hits as plain tables, ready for a file or a data frame: `doc` (name),
`start`, `stop`, `byte_start`, `byte_end`, `left`, `match`, `right` (texts), `target` (or
nil), and the match's values of each positional attribute (`lemma`, `pos`, `xpos` ...: CQP's
`tabulate A match lemma, match pos`). opts: `width` (context tokens, 8), `limit` (rows).]],
      example = [[
local r = corpus:query('"weapons" "of" "mass" "destruction"'):tabulate{width = 2}[1]
print(r.doc, r.start, r.stop, r.byte_start, r.byte_end)   --> 000_e46888d005b16152.txt	69	72	434	461
print(r.left, r.match, r.right)               --> give up	weapons of mass destruction	. He
print(r.lemma, r.pos)                         --> weapon of mass destruction	NOUN ADP ADJ NOUN
]] },
  } },
}
