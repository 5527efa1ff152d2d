-- Words in other languages (issue 14): elisions split by the document's language, Chinese,
-- Japanese and Thai cut into words by ICU, the language of each document (given or detected), and
-- queries tokenized like the documents, so that count("l'ONU") finds what the index holds.
local lector = require "lector"

local function corpus(files)
  local dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
  for name, text in pairs(files) do
    local f = assert(io.open(dir .. "/" .. name, "w"))
    f:write(text)
    f:close()
  end
  return dir
end

describe("lector.tokenize with a language", function()
  it("splits French and Italian elisions, curly or straight, any case", function()
    assert.are.same({ "L’", "ONU", "a", "adopté", "la", "résolution", "d'", "urgence" },
      (lector.tokenize("L’ONU a adopté la résolution d'urgence", "fr")))
    assert.are.same({ "qu'", "il", "jusqu'", "à", "l'", "ONU" }, (lector.tokenize("qu'il jusqu'à l'ONU", "fr")))
    assert.are.same({ "dell'", "ONU", "all'", "unanimità", "un'", "altra" },
      (lector.tokenize("dell'ONU all'unanimità un'altra", "it")))
  end)

  it("keeps English look-alikes whole in English, and splits them in French or unknown text", function()
    local en = "O'Brien said c'mon, rock n' roll, don't"
    assert.are.same({ "O'Brien", "said", "c'mon", ",", "rock", "n'", "roll", ",", "do", "n't" },
      (lector.tokenize(en, "en")))
    assert.are.same({ "O'Brien", "said", "c'", "mon", ",", "rock", "n'", "roll", ",", "do", "n't" },
      (lector.tokenize(en)))
    assert.are.same({ "Giscard", "d'", "Estaing" }, (lector.tokenize("Giscard d'Estaing", "en")))
  end)

  it("cuts Chinese, Japanese and Thai into words with ICU", function()
    local t, at = lector.tokenize("联合国安理会通过了第1441号决议。")
    assert.are.same({ "联合", "国", "安理会", "通过", "了", "第", "1441", "号", "决议", "。" }, t)
    assert.are.same({ 0, 6, 9, 18, 24, 27, 30, 34, 37, 43 }, at)
    assert.are.same({ "東京", "都", "に", "住", "んで", "い", "ます", "。" }, (lector.tokenize("東京都に住んでいます。")))
    assert.are.same({ "ภาษา", "ไทย", "เป็น", "ภาษา", "ที่", "สวยงาม" }, (lector.tokenize("ภาษาไทยเป็นภาษาที่สวยงาม")))
  end)

  it("leaves Russian as it was", function()
    assert.are.same({ "Совет", "Безопасности", "ООН", "принял", "резолюцию", "." },
      (lector.tokenize("Совет Безопасности ООН принял резолюцию.", "ru")))
  end)
end)

describe("a corpus in several languages", function()
  local dir, C
  setup(function()
    dir = corpus {
      ["fr.txt"] = "L’ONU a adopté la résolution d'urgence. Le Conseil de sécurité est pour la paix, "
        .. "et il ne veut pas qu'elle soit la dernière.\n",
      ["it.txt"] = "Il Consiglio di sicurezza dell'ONU ha approvato la risoluzione all'unanimità, "
        .. "e non è la prima volta che l'Italia vota per la pace.\n",
      ["zh.txt"] = "联合国安理会通过了第1441号决议。安理会要求伊拉克立即执行决议。\n",
      ["ja.txt"] = "国連安全保障理事会は決議を採択した。東京都に住んでいます。\n",
      ["ru.txt"] = "Совет Безопасности ООН единогласно принял резолюцию по Ираку.\n",
      ["en.txt"] = "The Security Council adopted the resolution, and O'Brien said c'mon, that is rock n' roll.\n",
      ["short.txt"] = "Kofi Annan\n",
      ["given.txt"] = "The council met.\n",
      ["metadata.tsv"] = "file\tlang\ngiven.txt\tfr\n",
    }
    C = lector.open(dir, { store = false })
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("knows each document's language: detected, or as given", function()
    local langs = {}
    for d in C:docs() do langs[d.name] = d.meta.lang end
    assert.are.same({ ["en.txt"] = "en", ["fr.txt"] = "fr", ["given.txt"] = "fr", ["it.txt"] = "it",
      ["ja.txt"] = "ja", ["ru.txt"] = "ru", ["short.txt"] = "und", ["zh.txt"] = "zh" }, langs)
    assert.are.equal("fr", C:info().lang)
  end)

  it("finds the word after an elision, and the elided phrase as a query", function()
    assert.are.equal(2, C:count("ONU"))
    assert.are.equal(1, C:count("l'ONU"))
    assert.are.equal(1, C:count("L’ONU"))
    assert.are.equal(1, C:count("dell'ONU"))
    assert.are.equal(1, C:count("urgence"))
    assert.are.equal(1, C:count("d'urgence"))
    assert.are.equal(1, C:count("Italia"))
    assert.are.same({ "L’ONU" }, C:hits("l'onu"):texts())
  end)

  it("keeps English c'mon whole in the English document", function()
    assert.are.equal(1, C:count("O'Brien"))
    assert.are.equal(0, C:count("mon"))
    assert.are.equal(1, C:count("rock n' roll"))
  end)

  it("finds Chinese and Japanese words", function()
    assert.are.equal(2, C:count("决议"))
    assert.are.equal(2, C:count("安理会"))
    assert.are.equal(1, C:count("1441"))
    assert.are.equal(1, C:count("決議"))
    assert.are.equal(1, C:count("東京"))
    assert.are.equal(1, C:count("Безопасности"))
  end)
end)

describe("an English corpus", function()
  local dir, C
  setup(function()
    dir = corpus {
      ["a.txt"] = "The council met, and O'Brien said c'mon to the others. It was not the first time.\n",
      ["b.txt"] = "Giscard d'Estaing spoke to the council of the UN's plans, and it was rock n' roll.\n",
    }
    C = lector.open(dir, { store = false })
  end)
  teardown(function() os.execute("rm -rf " .. dir) end)

  it("tokenizes queries as English, so that c'mon is found whole", function()
    assert.are.equal("en", C:info().lang)
    assert.are.equal(1, C:count("c'mon"))
    assert.are.equal(0, C:count("mon"))
    assert.are.equal(1, C:count("Estaing"))
    assert.are.equal(1, C:count("d'Estaing"))
    assert.are.equal(1, C:count("UN's"))
  end)
end)
