-- lector.apidoc: the documentation of every function of the Lua API: signature, summary, a
-- runnable example and the version it appeared in. It is the one source of help() in the REPL
-- and of doc/api.md (make doc). The specs run every example against corpus/ with a fresh
-- `corpus`, and check each `--> value` comment against what the line before it printed.
-- `aliases` are the other words people look a function up by: help "collocates" finds
-- Corpus:near, and doc/api.md lists them.
return {
  intro = [[
lector hands a corpus to Lua 5.4. In `lector run`, `lector -e` and the REPL the global `corpus`
is already there (./corpus, `--corpus DIR` or `$LECTOR_CORPUS`, opened on first use), and so is
the module `lector`; from stock Lua, `require "lector"` loads `lector.so`.

Conventions, the same everywhere:

- A **position** is a token's number in the whole corpus, from 0. A hit or span runs from `start`
  to `stop`, both included (CQP's match and matchend).
- **Byte offsets** (`byte_start`, `byte_end`) are offsets in the document's file, from 0, end
  excluded, so `byte_end - byte_start` is the length in bytes; in a web page or a PDF, whose text
  is made rather than copied, offsets in its text (`d:text()`).
- **Documents** are numbered from 1 (`corpus:doc(1)`), in the sorted order of their files.
- Matching is case-insensitive by default and treats straight and curly quotes alike. English
  splits hyphen compounds into tokens (`U.S.-led` is `U.S.` `-` `led`), so `led` finds them; in
  other languages a word is also found inside them (`orchestre` in `homme-orchestre`). Options
  change that: `case = true`,
  `loose = true` (diacritics and abbreviation dots ignored: `UN` finds `U.N.`), `parts = false`.
- Misuse (a wrong argument type) raises an error naming the function; an expected failure (a
  document that is not there, a folder that cannot be opened) returns `nil` and a message.
- Small results are plain tables; hit sets are objects that turn into tables on demand.

Each example below runs as it stands in `make test` (`spec/lua/apidoc_spec.lua`); a comment
`--> x` shows what the line prints.]],

  sections = {
    { title = "The module", entries = {
      { name = "lector.open", since = "0.1.0",
        aliases = { "index", "load", "folder" },
        sig = "lector.open(path [, opts]) -> Corpus | nil, message",
        summary = [[Opens the corpus at path (a folder, or one .txt/.md/.jsonl file) and indexes it.
The index is stored in `path/.lector/index` (or, when the folder cannot hold it, in
`$XDG_CACHE_HOME/lector/`) and mapped on the next open while the files are as they were; when
some changed, only those are read again. Warnings about single files (an encoding guessed, a
binary file skipped) go to stderr as `lector: FILE: message` and do not stop the rest; they are
stored with the index and said again. opts: `threads` (for building; default all cores), `warn`
(a function(file, message) that gets the warnings instead), `progress` (a function(p) called as
a build goes, with `p.stage` "reading", "merging", "writing" or "done" and `p.files_done`,
`p.files_total`, `p.bytes_done`, `p.bytes_total`; an error in it is raised once the open is over;
nothing is printed unless it prints), `store` (false: build in memory
only), `rebuild` (true: ignore the stored index), `check` (false: use the stored index without
looking at the files: opens in a millisecond, but misses changes), `verify` (true: check every
checksum of the stored index, not only its header and sizes), `annotate` (true: the built-in
English tagger gives every token a part of speech `pos` (Universal Dependencies), `xpos` (Penn
Treebank) and a `lemma`; a corpus annotated once stays annotated; false drops the layers),
`attributes` (the columns of .vrt files without a positional-attributes comment, "word,pos,lemma"
by default; remembered), `text_field` (the field of .json and .jsonl documents, or the column of .csv and .tsv tables, that is their text:
"text", else "body", else "content" by default; remembered), `name_fields` ("year,speaker,party":
metadata from the parts of the file names split on `name_sep`, "_-" by default) or `name_pattern`
("{country}_{session}_{year}"), remembered (doc/formats.md), `verbose` (true: each file not read is
named in a warning of its own, not a few per type or reason). An unknown option or a value of the
wrong type is an error. Returns nil and a message when the path cannot be opened at all.]],
        example = [[
local C = lector.open("corpus", { rebuild = true })
print(#C, C.tokens > 4000, C:info().from_store)  --> 5	true	false
local D = lector.open("corpus", { check = false })
print(D:info().from_store, D:count("Iraq"))      --> true	42
print(lector.open("no/such/folder"))          --> nil	no/such/folder: cannot open no/such/folder: No such file or directory
local stages = {}
lector.open("corpus", { store = false, progress = function(p) stages[#stages + 1] = p.stage end })
print(table.concat(stages, " "))              --> reading merging done
print(pcall(lector.open, "corpus", { anotate = true }))   --> false	lector.open: unknown option 'anotate' (did you mean 'annotate'?)
print(pcall(lector.open, "corpus", { annotate = 1 }))     --> false	lector.open: option 'annotate' must be a boolean, got number
]] },
      { name = "lector.tokenize", since = "0.1.0",
        aliases = { "tokenizer", "tokens" },
        sig = "lector.tokenize(text [, lang]) -> tokens, offsets",
        summary = [[Tokenizes text the way the corpus is tokenized: the list of tokens, and the list of
their byte offsets in text (from 0). lang is the text's language (an ISO 639 code; unknown when
left out): it decides where elisions split (`l'ONU`, but English `c'mon`; see doc/query.md).]],
        example = [[
local t, at = lector.tokenize("Iraq's U.S.-led war")
print(table.concat(t, " | "))                 --> Iraq | 's | U.S. | - | led | war
print(table.concat(at, " "))                  --> 0 4 7 11 12 16
print(table.concat(lector.tokenize("L’ONU c'mon", "fr"), " | "))  --> L’ | ONU | c' | mon
print(table.concat(lector.tokenize("L’ONU c'mon", "en"), " | "))  --> L’ | ONU | c'mon
print(table.concat(lector.tokenize("安理会通过了决议"), " | "))      --> 安理会 | 通过 | 了 | 决议
]] },
      { name = "lector.tag", since = "0.2.0",
        aliases = { "tagger", "part of speech", "POS", "lemmatize" },
        sig = "lector.tag(words) -> pos, xpos, lemmas",
        summary = [[The built-in English tagger on one sentence's words (a list of strings, as
lector.tokenize or span:tokens give them): three lists, the Universal Dependencies part of speech,
the Penn Treebank tag and the lemma of each word. The same as `lector annotate` gives a corpus,
for text that is not annotated.]],
        example = [[
local pos, xpos, lemma = lector.tag(lector.tokenize("Russia could not support the resolutions."))
print(table.concat(pos, " "))                 --> PROPN AUX PART VERB DET NOUN PUNCT
print(table.concat(xpos, " "))                --> NNP MD RB VB DT NNS .
print(table.concat(lemma, " "))               --> Russia could not support the resolution .
print(pcall(lector.tag, { "a", 1 }))          --> false	lector.tag: word 2 is a number, not a string
]] },
      { name = "lector.must_be_at_least", since = "0.1.0",
        sig = "lector.must_be_at_least(version) -> true",
        summary = [[Raises an error unless this lector is at least the given version: the first line
of a script that needs a newer API. `lector.version` is the version as a string.]],
        example = [[
print(lector.must_be_at_least("0.1"))         --> true
print(pcall(lector.must_be_at_least, "99"))   --> false	this script needs lector 99 or newer; this is lector 0.1.0
]] },
    } },

    { title = "Corpus", text = [[
`#C` is the number of documents, `C.tokens` the number of tokens, `C.types` the number of
distinct forms, `C.files` the number of files, `C.root` the folder.]], entries = {
      { name = "Corpus:count", since = "0.1.0",
        aliases = { "frequency of a word", "how often" },
        sig = "C:count(text [, opts]) -> integer",
        summary = [[How often a word or phrase occurs. text is tokenized like the corpus, so a phrase
matches its tokens in a row. opts: `case` (true: case-sensitive), `loose` (diacritics and
abbreviation dots ignored), `parts` (false: not inside hyphen compounds), `boilerplate` (false:
leave boilerplate lines out), `docs` (a Document, a name, or a list of them).]],
        example = [[
print(corpus:count("Iraq"))                                 --> 42
print(corpus:count("weapons of mass destruction"))          --> 8
print(corpus:count("iraq", {case = true}))                  --> 0
print(corpus:count("UN", {loose = true}) > corpus:count("UN"))  --> true
print(corpus:count("Breaking News", {boilerplate = false})) --> 0
]] },
      { name = "Corpus:hits", since = "0.1.0",
        aliases = { "occurrences", "search", "concordance" },
        sig = "C:hits(text [, opts]) -> Hits",
        summary = [[The occurrences of a word or phrase, as a hit set. The options of C:count, and
`limit` (stop after that many hits).]],
        example = [[
local h = corpus:hits("Security Council")
print(#h, h[1].doc.name)                      --> 13	000_e46888d005b16152.txt
print(h[1]:text(), h[1].stop - h[1].start)    --> Security Council	1
]] },
      { name = "Corpus:find", since = "0.1.0",
        aliases = { "regex", "regular expression", "grep", "pattern" },
        sig = "C:find(pattern [, opts]) -> Hits",
        summary = [[Searches the text of every document (or `opts.docs`) with an LPeg pattern (or a
literal string); each match becomes a hit on the tokens it overlaps. `opts.limit` stops early;
`opts.boilerplate = false` leaves out matches on boilerplate lines.]],
        example = [[
local lpeg = require "lpeg"
local digit = lpeg.R"09"
local resolution = lpeg.P"resolution" * lpeg.S" "^1 * digit^3
print(#corpus:find(resolution))               --> 0
print(#corpus:find(digit^4 * "-" * digit^2 * "-" * digit^2))   --> 2
]] },
      { name = "Corpus:docs", since = "0.1.0",
        aliases = { "documents", "files" },
        sig = "C:docs() -> iterator of Documents",
        summary = [[Iterates over the documents in order.]],
        example = [[
for d in corpus:docs() do io.write(d.date, " ") end print()   --> 2002-09-20 2003-02-27 2001-11-26 2004-07-24 1990-11-19 
]] },
      { name = "Corpus:doc", since = "0.1.0",
        sig = "C:doc(i | name) -> Document | nil, message",
        summary = [[The document numbered i (from 1), or named name (its path in the corpus, or
`path#N` for line N of a .jsonl file).]],
        example = [[
print(corpus:doc(5).title)                    --> Record of a Conversation between M. S. Gorbachev and President of the US George Bush in Paris
print(corpus:doc("003_b732a128a37d961c.txt").id)   --> 4
print(corpus:doc(99))                         --> nil	no document 99 in corpus
]] },
      { name = "Corpus:forms", since = "0.1.0",
        aliases = { "spellings", "variants", "word forms" },
        sig = "C:forms(word [, opts]) -> table",
        summary = [[The surface forms a word matches (with the options of C:count), each with how
often it occurs as a whole token.]],
        example = [[
local f = corpus:forms("russia's")
print(f["’s"] ~= nil, f["'s"] ~= nil)        --> false	false
print(corpus:forms("moscow").Moscow)          --> 13
]] },
      { name = "Corpus:hitset", since = "0.1.0",
        sig = "C:hitset(starts, stops [, opts]) -> Hits",
        summary = [[A hit set made from two lists of positions (each hit inside one document, in
corpus order): for results computed in Lua. opts `docs` and `boilerplate = false` leave hits
out as they do for C:hits.]],
        example = [[
local h = corpus:hitset({0, 3}, {1, 3})
print(#h, h[1]:text())                        --> 2	Accessibility links
]] },
      { name = "Corpus:where", since = "0.1.0",
        aliases = { "subcorpus", "filter", "select", "metadata" },
        sig = "C:where(filter) -> Corpus",
        summary = [[The subcorpus of the documents that pass filter, with the whole API of a corpus
(`#`, `tokens`, `types`, `docs`, `doc(i)` (its i-th), `count`, `hits`, `find`, `freq`,
`near`, ...; documents keep their ids). filter is a function of the document, or a table
of tests that must all pass, by field (`year`, `date`, `title`, `name`, `tokens`, ... or any
metadata key): a value (equal), `{from, to}` of two numbers or `{from = a, to = b}` (a range,
inclusive; strings compare as text, so ISO dates work), a list of strings (any of them), or a
function of the value. A subcorpus also serves as `opts.docs`.]],
        example = [[
local early = corpus:where{ year = {1990, 2001} }
print(#early, early:count("Iraq"), corpus:count("Iraq"))          --> 2	11	42
print(early:doc(1).id, early:doc(1).year)                         --> 3	2001
print(#corpus:where{ source = {"VOA", "BBC"}, date = {from = "2003-01-01"} })   --> 1
print(#corpus:where(function(d) return d.tokens > 600 end))       --> 3
print(corpus:count("Gorbachev", {docs = corpus:where{ kind = "transcript" }}))  --> 10
]] },
      { name = "Corpus:info", since = "0.1.0",
        aliases = { "statistics", "summary", "size" },
        sig = "C:info() -> table",
        summary = [[Facts about the corpus and its index: lang (the language of most documents, which
query strings are tokenized as), documents, files, tokens, types, sentences,
paragraphs, turns, text_bytes, index_bytes, build_seconds, open_seconds, store (the index file),
from_store (true when it was mapped rather than built), store_error (why the index is in memory
only), files_skipped, warnings (about files, while loading), skipped (the files not read, each a
table {file =, reason =}: "binary", "unknown type", "encrypted", "damaged", "no text", ...;
doc/formats.md).]],
        example = [[
local i = corpus:info()
print(i.documents, i.files, i.turns > 0)      --> 5	5	true
print(i.lang)                                 --> en
]] },
      { name = "Corpus:attributes", since = "0.2.0",
        sig = "C:attributes() -> table",
        summary = [[What a token has besides its word: `positional` (a list: "word", then "pos",
"xpos", "lemma" when the tagger annotated the corpus, or the columns of imported CoNLL-U and VRT
files), `structural` (the elements of imported files, each with the list of its attribute keys),
`annotated` (true when the built-in tagger ran). Queries test any of them: `[lemma="be"]`,
`<ne type="PERSON">`.]],
        example = [[
local a = corpus:attributes()
print(table.concat(a.positional, " "), a.annotated)       --> word pos xpos lemma	true
]] },
      { name = "Corpus:token", since = "0.2.0",
          sig = "C:token(position) -> table | nil",
        summary = [[The token at a corpus position: `position`, `word`, and a field per positional
attribute (`lemma`, `pos`, `xpos`, ...); nil past the last token.]],
        example = [[
local t = corpus:token(corpus:hits("resolutions")[1].start)
print(t.word, t.lemma, t.pos, t.xpos)        --> resolutions	resolution	NOUN	NNS
]] },
      { name = "Corpus:export", since = "0.2.0",
        aliases = { "vrt", "conllu", "cwb" },
        sig = "C:export(format [, write])",
        summary = [[The corpus (or subcorpus) with all its attributes and regions, as "vrt" (CWB's
vertical text: a positional-attributes comment, `<text>` with each document's metadata, `<p>`,
`<turn>`, `<s>`, imported elements, a token a line) or "conllu" (`# newdoc id`, the metadata,
`# newpar`, `# sent_id`, `# text`, ten columns from the attributes of those names, SpaceAfter=No,
multiword tokens), given piece by piece to write (a function of a string; default io.write).
Importing the export gives the same tokens, attributes and regions. `lector export` is the same
from the shell.]],
        example = [[
local parts = {}
corpus:export("vrt", function(s) parts[#parts + 1] = s end)
print(#parts, (parts[1]:gsub("\n", "")))      --> 6	<!-- #vrt positional-attributes: word pos xpos lemma -->
print(parts[2]:match("\n(links[^\n]*)"))       --> links	NOUN	NNS	link
]] },
      { name = "Corpus:close", since = "0.1.0",
        sig = "C:close()",
        summary = [[Frees the corpus now rather than when it is collected (also done by a
`local C <close> = lector.open(...)` going out of scope). Using it afterwards raises an error.]],
        example = [[
do
  local C <close> = lector.open("corpus")
  print(#C)                                   --> 5
end
local C = lector.open("corpus")
C:close()
print(pcall(function() return #C end))        --> false	example:7: the corpus corpus is closed
]] },
    } },

    { title = "Document", text = [[
Fields: `id` (from 1), `name`, `path`, `line` (for .jsonl), `title`, `date` (ISO), `year`,
`meta` (all metadata as a table), `tokens` (how many), `first` and `last` (positions), `bytes`,
`corpus`.]], entries = {
      { name = "Document:text", since = "0.1.0",
        sig = "d:text() -> string",
        summary = [[The document's text as it was indexed: UTF-8 with LF line ends, read again from
its file.]],
        example = [[
print(corpus:doc(4):text():sub(1, 19))        --> Accessibility links
]] },
      { name = "Document:sentences", since = "0.1.0",
        sig = "d:sentences() -> iterator of spans",
        summary = [[Iterates over the document's sentences; each is a span table with `start`, `stop`,
`byte_start`, `byte_end`, `doc`, `kind`, and the methods `text()` and `tokens()`.]],
        example = [[
local n = 0
for s in corpus:doc(4):sentences() do n = n + 1 end
print(n)                                      --> 15
]] },
      { name = "Document:paragraphs", since = "0.1.0",
        sig = "d:paragraphs() -> iterator of spans",
        summary = [[Iterates over the document's paragraphs (text between blank lines).]],
        example = [[
local first = corpus:doc(4):paragraphs()()
print(first:text())                           --> Accessibility links
]] },
      { name = "Document:turns", since = "0.1.0",
        aliases = { "speakers", "transcript" },
        sig = "d:turns() -> iterator of spans",
        summary = [[Iterates over the speaker turns of a transcript; each span has a `speaker`.]],
        example = [[
local t = corpus:doc(5):turns()()
print(t.speaker, t.tokens and #t:tokens() > 5)   --> G. Bush	true
]] },
      { name = "Document:words", since = "0.1.0",
        sig = "d:words([i [, j]]) -> list of strings",
        summary = [[The forms of the document's tokens i to j (from 1, as string.sub counts;
punctuation included). The field `d.tokens` is how many there are.]],
        example = [[
print(table.concat(corpus:doc(1):words(8, 13), " "))   --> Iraq with Russian Officials - 2002-09-20
]] },
      { name = "Document:locate", since = "0.1.0",
        sig = "d:locate(a, b) -> start, stop | nil",
        summary = [[The positions of the tokens that overlap bytes [a, b) of d:text() (offsets from 0):
how a match found in the text becomes a hit.]],
        example = [[
local d = corpus:doc(1)
local a = d:text():find("Putin", 1, true)
print(d:locate(a - 1, a + 4))                 --> 97	97
]] },
      { name = "Document:text_offset", since = "0.1.0",
        sig = "d:text_offset(byte) -> integer",
        summary = [[The offset in d:text() (from 0) of a byte offset of the file, such as a hit's
`byte_start`. They differ where the file had CR LF line ends, a BOM, Windows-1252 text, or is a
.jsonl line with escapes; `d:file_offset(i)` maps back. Both clamp to the document.]],
        example = [[
local h = corpus:hits("Moscow")[1]
local i, j = h.doc:text_offset(h.byte_start), h.doc:text_offset(h.byte_end)
print(h.doc:text():sub(i + 1, j), h.doc:file_offset(i) == h.byte_start)   --> Moscow	true
]] },
      { name = "Document:file_offset", since = "0.1.0",
        sig = "d:file_offset(i) -> integer",
        summary = [[The byte offset in the document's file of offset i of d:text(): the inverse of
d:text_offset.]],
        example = [[
local d = corpus:doc(1)
print(d:file_offset(0), d:file_offset(#d:text()) == d.bytes)   --> 0	true
]] },
    } },

    { title = "Spans", text = [[
Sentences, paragraphs and turns are plain tables (`kind`, `doc`, `start`, `stop`, `byte_start`,
`byte_end`, and `speaker` for a turn) with these methods.]], entries = {
      { name = "Span:text", since = "0.1.0",
        sig = "span:text() -> string",
        summary = [[The text from the span's first token to its last, as written.]],
        example = [[
local s = corpus:doc(1):sentences()()
print(s:text())                               --> Accessibility links
]] },
      { name = "Span:tokens", since = "0.1.0",
        sig = "span:tokens([attribute]) -> list of strings",
        summary = [[The forms of the span's tokens, or their values of a positional attribute
("lemma", "pos", ...; see C:attributes).]],
        example = [[
local s = corpus:hits("Security Council")[1].sentence
print(#s:tokens(), s:tokens()[1], s:tokens("pos")[1])   --> 33	President	PROPN
]] },
    } },

    { title = "Hits", text = [[
A hit set: `#hits` is the number of hits, `hits[i]` the i-th hit (a table: `doc`, `start`,
`stop`, `byte_start`, `byte_end`, and `sentence`, `paragraph`, `turn` computed when read; `page`, the
number of a PDF's page that holds the hit, nil in other documents).]], entries = {
      { name = "Hits:count", since = "0.1.0",
        sig = "hits:count() -> integer",
        summary = [[The number of hits (the same as #hits).]],
        example = [[
print(corpus:hits("Putin"):count())           --> 5
]] },
      { name = "Hits:each", since = "0.1.0",
        sig = "hits:each() -> iterator of hits",
        summary = [[Iterates over the hits in corpus order.]],
        example = [[
for h in corpus:hits("Kremlin"):each() do print(h.doc.id, h:text()) end   --> 2	Kremlin
]] },
      { name = "Hits:kwic", since = "0.1.0",
        aliases = { "concordance", "keyword in context", "KWIC" },
        sig = "hits:kwic([opts]) -> list of strings",
        summary = [[Concordance lines "left [match] right" with the matches aligned. opts: `width`
(tokens of context, 8), `chars` (characters of context kept, 40), `limit`.]],
        example = [[
print(corpus:hits("Kremlin"):kwic{width = 3}[1])   --> Council Meets The [Kremlin] said in a
]] },
      { name = "Hits:by", since = "0.1.0",
        aliases = { "breakdown", "distribution", "per year" },
        sig = "hits:by(field) -> table",
        summary = [[Counts the hits by a field: "doc" (name), "year", "form" (the matched text),
"lower", or any metadata key ("source").]],
        example = [[
local by = corpus:hits("Putin"):by("year")
print(by[2002], by[2003], by[1990])           --> 2	2	nil
]] },
      { name = "Hits:docs", since = "0.1.0",
        sig = "hits:docs() -> list of Documents",
        summary = [[The documents that have hits, in order.]],
        example = [[
local ds = corpus:hits("Gorbachev"):docs()
print(#ds, ds[1].id)                          --> 1	5
]] },
      { name = "Hits:spans", since = "0.1.0",
        sig = "hits:spans() -> starts, stops",
        summary = [[The hits as two lists of positions: for loops over many hits without a table
per hit.]],
        example = [[
local s, e = corpus:hits("weapons of mass destruction"):spans()
print(#s, e[1] - s[1])                        --> 8	3
]] },
      { name = "Hits:texts", since = "0.1.0",
        sig = "hits:texts() -> list of strings",
        summary = [[The matched texts, as written.]],
        example = [[
print(table.concat(corpus:hits("russia's"):texts(), ", "))   --> Russia's, Russia’s
]] },
      { name = "Hit:kwic", since = "0.1.0",
        aliases = { "context" },
        sig = "hit:kwic([width]) -> left, match, right",
        summary = [[The hit in context: width tokens (8) before and after, inside its document.]],
        example = [[
print(corpus:hits("Saltanov")[1]:kwic(2))     --> Minister Alexander	Saltanov	stated that
]] },
    } },
  },
}
