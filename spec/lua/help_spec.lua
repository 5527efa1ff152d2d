-- help() finds a function by what people call it: its name however it is written ("C:near",
-- "corpus:near", a function value), an alias ("collocates", "keyness"), or a word of its text;
-- shows whole one-line summaries; suggests the nearest names when nothing matches. And
-- .apropos's list (lector.help, host/lua/lector/help.lua).
local help = require "lector.help"

-- the text help() prints, without the example (checked by apidoc_spec)
local function answer(x) return (help.answer(x):gsub("\nExample:\n.*", "\nExample: ...\n")) end

local near = "C:near(node [, opts]) -> rows, nodes\n  The collocates of a node (a word, a phrase, or a Hits): the words"

describe("help", function()
  it("finds a function by an alias: collocates is near, keyness is keywords", function()
    local text = answer("collocates")
    assert.are.equal("collocates: see Corpus:near\n\n" .. near, text:sub(1, #near + 29))
    assert.truthy(text:find("\nAlso found as: collocates, collocation, collocations, association\n\nExample: ...\n$"), text)
    text = answer("keyness")
    assert.truthy(text:find("^keyness: see Corpus:keywords\n\nC:keywords%(docs %[, reference %[, opts%]%]%) %-> rows\n"), text)
    assert.truthy(answer("key words"):find("^key words: see Corpus:keywords\n"))
    assert.truthy(answer("N-grams"):find("^N%-grams: see Corpus:ngrams\n"))
    assert.truthy(answer("wordlist"):find("^wordlist: see Corpus:freq\n"))
  end)

  it("takes a name written as in a session, and a function value", function()
    for _, x in ipairs { "C:near", "corpus:near", "Corpus:near", "corpus.near", "near", "near()", corpus.near } do
      assert.are.equal(near, answer(x):sub(1, #near), tostring(x))
    end
    local C = corpus
    assert.are.equal(near, answer(C.near):sub(1, #near))
    assert.truthy(answer("h:kwic"):find("^hits:kwic%(%[opts%]%) %-> list of strings\n"))
    assert.truthy(answer("hit:kwic"):find("^hit:kwic%(%[width%]%) %-> left, match, right\n"), answer("hit:kwic"))
    assert.truthy(answer("lector.open"):find("^lector.open%(path %[, opts%]%)"))
    assert.are.equal("help: no documentation for this function (not part of the lector API)\n", answer(print))
    assert.are.equal("help: expected a function or a name, got number\n", answer(3))
  end)

  it("lists the functions of a kind of object by its name", function()
    assert.truthy(answer("Hits"):find("^Hits:\n  hits:count%(%) +The number of hits %(the same as #hits%)%.\n"), answer("Hits"))
    assert.truthy(answer("lector"):find("^The module:\n  lector.open%(path %[, opts%]%) +Opens the corpus"))
  end)

  it("lists the functions a name or an alias means, with their whole one-line summaries", function()
    assert.are.equal("help: 2 functions are called kwic:\n"
      .. "  Hit:kwic   The hit in context: width tokens (8) before and after, inside its document.\n"
      .. "  Hits:kwic  Concordance lines \"left [match] right\" with the matches aligned.\n"
      .. "help \"Hit:kwic\" shows one.\n", answer("kwic"))
    assert.are.equal("help: 2 functions are also called concordance:\n"
      .. "  Corpus:hits  The occurrences of a word or phrase, as a hit set.\n"
      .. "  Hits:kwic    Concordance lines \"left [match] right\" with the matches aligned.\n", answer("concordance"))
  end)

  it("searches the text when no name or alias matches", function()
    assert.are.equal("help: nothing is called any metadata; 3 functions mention it:\n"
      .. "  Corpus:where  The subcorpus of the documents that pass filter, with the whole API of a corpus.\n"
      .. "  Hits:by       Counts the hits by a field: \"doc\", \"year\", \"form\", \"lower\", or any metadata key.\n"
      .. "  Hits:group    Groups the hits by a field: \"form\", \"lower\", a positional attribute, \"doc\", \"year\","
      .. " or any metadata field.\n", answer("any metadata"))
    -- one function mentions it: shown whole
    assert.truthy(answer("t-score"):find("^t%-score: see Corpus:near\n\nC:near"))
  end)

  it("suggests the nearest names when nothing matches", function()
    assert.are.equal("help: nothing is called collocats, and no function mentions it (did you mean collocates "
      .. "(Corpus:near)?); help() lists them all.\n", answer("collocats"))
    assert.are.equal("help: nothing is called C:neer, and no function mentions it (did you mean Corpus:near?); "
      .. "help() lists them all.\n", answer("C:neer"))
    assert.are.equal("help: nothing is called zzzz, and no function mentions it; help() lists them all.\n", answer("zzzz"))
  end)

  it("lists for .apropos every function whose name, alias or text has the word", function()
    assert.are.equal("  Corpus:near      The collocates of a node: the words that occur near it, ranked by an"
      .. " association measure, and the number of node hits.\n"
      .. "  Corpus:keywords  The words more frequent in the documents docs than in the reference documents,"
      .. " ranked by log-likelihood.\n", help.apropos_text("log-likelihood"))
    assert.are.equal("nothing mentions collocatoin (did you mean collocation (Corpus:near)?)\n",
      help.apropos_text("collocatoin"))
    assert.are.equal(".apropos: which word? (.apropos WORD)\n", help.apropos_text(""))
  end)
end)

describe("one-line summaries", function()
  it("are whole first sentences: not cut at e.g., initials, dotted names or inside numbers", function()
    local first = help.first_sentence
    assert.are.equal("We use e.g. this.", first("We use e.g. this. Next."))
    assert.are.equal("It is 1,000.5 units.", first("It is 1,000.5 units. Next."))
    assert.are.equal("Ask M. S. Gorbachev.", first("Ask M. S. Gorbachev. Then."))
    assert.are.equal("Opens (a folder, or one .txt file) and `lector.open` it.", first("Opens (a folder, or one .txt\nfile) and `lector.open` it. More."))
    assert.are.equal("Reads (default io.write).", first("Reads (default io.write). Then."))
    assert.are.equal("No end here", first("No end here"))
  end)

  it("end every entry with its period, fit a line or lose only their asides", function()
    for _, section in ipairs(help.sections) do
      for _, e in ipairs(section.entries) do
        local s = help.summary(e)
        assert.truthy(s:find("%.$"), e.name .. ": " .. s)
        assert.truthy(#s <= help.summary_width or not s:find(" %("), e.name .. ": " .. s)
      end
    end
    assert.are.equal("Opens the corpus at path (a folder, or one .txt/.md/.jsonl file) and indexes it.",
      help.summary(help.entry("lector.open")))
  end)
end)
