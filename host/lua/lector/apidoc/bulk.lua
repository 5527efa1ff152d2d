-- lector.apidoc.bulk: the documentation of the bulk functions for hot loops (host/bindings/
-- lua_bulk.c): hits to their sentences, positions to their sentences, the texts of many spans.
-- See lector.apidoc for the conventions.
return {
  { title = "Corpus", entries = {
    { name = "Corpus:sentences_at", since = "0.2.0",
      sig = "C:sentences_at(positions [, kind]) -> spans, numbers",
      summary = [[The sentences holding a list of corpus positions, each once and in corpus order,
as the spans `d:sentences()` gives (the spans of one document share one Document, so its text is
read once), and for each its number in its document (1 for the first sentence), so that a script
can tell how far apart two are. kind: "sentence" (the default), "paragraph" or "turn". The
positions need not be sorted; those outside the corpus or in no such region, and in a
subcorpus those of documents it leaves out, are skipped. This is the second half of an analysis
found through the index: positions from `C:hits`, `C:query` or `hits:spans()`, then only the
sentences that hold them.]],
      example = [[
local h = corpus:hits("Saltanov")
local spans, numbers = corpus:sentences_at({ h[2].start, h[1].start, h[1].start + 1 })
print(#spans, spans[1].doc.id, spans[1].start, spans[1].stop, numbers[1], numbers[2])   --> 2	3	1249	1280	4	5
print(spans[2]:text())   --> Saltanov made his remarks as Bush threw down the gauntlet to Iraqi leader Saddam Hussein.
print(#corpus:where{ year = 2002 }:sentences_at({ h[1].start }))   --> 0
print(corpus:sentences_at({ 2345 }, "turn")[1].speaker)            --> G. Bush
]] },
    { name = "Corpus:texts", since = "0.2.0",
      sig = "C:texts(starts, stops [, opts]) -> list of strings",
      summary = [[The texts of many token ranges in one call: for each i, the text of tokens
starts[i] to stops[i] (stop included, both in one document) as written, what `span:text()` gives.
Each document is read once while the ranges go in corpus order. opts: `flat` (true: runs of white
space as one space, none at the ends). A range that is not inside one document raises.]],
      example = [[
local s, e = corpus:hits("Saltanov"):sentences()
local t = corpus:texts(s, e, { flat = true })
print(#t, t[1]:sub(1, 48))   --> 3	Russian Deputy Foreign Minister Alexander Saltan
print(corpus:texts({ 1254 }, { 1256 })[1])                         --> Saltanov stated that
]] },
  } },
  { title = "Document", entries = {
    { name = "Document:boilerplate", since = "0.2.0",
      sig = "d:boilerplate() -> iterator of spans",
      summary = [[The boilerplate lines of the document (web page chrome: "Breaking News",
"Accessibility links"), the lines that `boilerplate = false` leaves out of hits and counts, as
spans of kind "boilerplate". A document without any has no hit that option leaves out, so a
script can skip that test there.]],
      example = [[
local n, first = 0, nil
for b in corpus:doc(1):boilerplate() do n = n + 1; first = first or b end
print(n, first.kind, first:text())   --> 2	boilerplate	Accessibility links
local none = 0
for _ in corpus:doc(5):boilerplate() do none = none + 1 end
print(none)                          --> 0
]] },
  } },
  { title = "Hits", entries = {
    { name = "Hits:sentences", since = "0.2.0",
      sig = "hits:sentences([kind]) -> starts, stops",
      summary = [[For each hit, the first and last position of the sentence that holds its first
token (kind: "sentence", the default, "paragraph" or "turn"), as two lists in the order of the
hits: no table per hit. A hit in no such region gives its own span. With `C:texts` it gives the
sentences' texts, with `C:sentences_at` the sentences themselves, each once.]],
      example = [[
local h = corpus:hits("Saltanov")
local s, e = h:sentences()
print(#s, s[1], e[1], s[2], e[2])   --> 3	1249	1280	1281	1296
local ps, pe = h:sentences("paragraph")
print(ps[3], pe[3])                 --> 1297	1341
]] },
  } },
}
