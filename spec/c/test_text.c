/*
** test_text.c: unit tests of the tokenizer and segmenter (host/core/text/). Tables of input text and
** the expected tokens (joined by spaces, optionally annotated with kind and flags), sentences,
** paragraphs and speaker turns; exact byte spans; compound parts; the five seed texts as wholes
** (totals checked by reading every split); and a random-bytes fuzz loop for the invariants.
** Run from the repository root: the seeds are read from corpus/.
*/
#include <stdlib.h>

#include "ctest.h"
#include "text/text.h"

#define SEEDS "corpus"

/* {====================================================================== scaffolding */

static tx_doc D;
static char out[1 << 16];

/* Appends s[0..n) to out at *w (truncating quietly; the expected strings are short). */
static void put(size_t *w, const char *s, size_t n) {
  if (*w + n >= sizeof out) n = sizeof out - 1 - *w;
  memcpy(out + *w, s, n);
  *w += n;
  out[*w] = '\0';
}

/* One token as text, or as text/KINDflags when annotate: kinds w n p s; flags A (abbreviation)
** C (compound) K (clitic) Q (quote) S (speaker) E (elision). */
static void put_token(size_t *w, const char *text, const tx_token *t, int annotate) {
  put(w, text + t->start, t->len);
  if (!annotate) return;
  char a[8];
  size_t k = 0;
  a[k++] = '/';
  a[k++] = "wnps"[t->kind];
  if (t->flags & TX_ABBREV) a[k++] = 'A';
  if (t->flags & TX_COMPOUND) a[k++] = 'C';
  if (t->flags & TX_CLITIC) a[k++] = 'K';
  if (t->flags & TX_QUOTE) a[k++] = 'Q';
  if (t->flags & TX_SPEAKER) a[k++] = 'S';
  if (t->flags & TX_ELISION) a[k++] = 'E';
  put(w, a, k);
}

/* The tokens of text in the language lang (NULL: unknown), joined by single spaces (tokens never
** hold whitespace). Also checks that tx_tokenize_lang and tx_tokenize_words_lang agree. */
static const char *toks_lang(const char *text, const char *lang, int annotate) {
  size_t n = strlen(text), w = 0;
  tx_doc q;
  tx_init(&q);
  CHECK_INT(tx_tokenize_words_lang(&q, text, n, lang), 0);
  CHECK_INT(tx_tokenize_lang(&D, text, n, lang), 0);
  int same = q.ntok == D.ntok;
  for (size_t i = 0; same && i < q.ntok; i++)
    same = q.tok[i].start == D.tok[i].start && q.tok[i].len == D.tok[i].len &&
           q.tok[i].kind == D.tok[i].kind && (q.tok[i].flags | TX_SPEAKER) == (D.tok[i].flags | TX_SPEAKER);
  if (!same) CHECK_STR("tx_tokenize_words differs", text);
  out[0] = '\0';
  for (size_t i = 0; i < D.ntok; i++) {
    if (i) put(&w, " ", 1);
    put_token(&w, text, &D.tok[i], annotate);
  }
  tx_free(&q);
  return out;
}

static const char *toks(const char *text) { return toks_lang(text, NULL, 0); }
static const char *annot(const char *text) { return toks_lang(text, NULL, 1); }

/* Token ranges [starts[k], starts[k+1]) of D joined: tokens by spaces, ranges by sep. */
static const char *ranges(const char *text, const uint32_t *starts, size_t nstarts, const char *sep) {
  size_t w = 0, k = 0;
  out[0] = '\0';
  for (size_t i = 0; i < D.ntok; i++) {
    if (k < nstarts && starts[k] == i) {
      if (i) put(&w, sep, strlen(sep));
      k++;
    } else if (i) {
      put(&w, " ", 1);
    }
    put_token(&w, text, &D.tok[i], 0);
  }
  return out;
}

static const char *sents(const char *text) {
  tx_tokenize(&D, text, strlen(text));
  return ranges(text, D.sent, D.nsent, " || ");
}

static const char *paras(const char *text) {
  tx_tokenize(&D, text, strlen(text));
  return ranges(text, D.para, D.npara, " ## ");
}

/* The turns: "label[first,end)" joined by spaces. */
static const char *turns(const char *text) {
  size_t w = 0;
  tx_tokenize(&D, text, strlen(text));
  out[0] = '\0';
  for (size_t i = 0; i < D.nturn; i++) {
    char b[64];
    if (i) put(&w, " ", 1);
    put(&w, text + D.turn[i].label, D.turn[i].label_len);
    snprintf(b, sizeof b, "[%u,%u)", D.turn[i].first, D.turn[i].end);
    put(&w, b, strlen(b));
  }
  return out;
}

typedef struct { const char *in, *want; } pair;

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* }====================================================================== */


/* {====================================================================== tokens */

/* Sentences of the seed texts, each as it stands there. */
static void test_tokens_seeds(void) {
  static const pair t[] = {
    {"Russia supports Iraq's offer to allow weapons inspectors to return.",
     "Russia supports Iraq 's offer to allow weapons inspectors to return ."},
    {"Pres. Bush and Russia’s Putin Discuss Iraq As Security Council Meets",
     "Pres. Bush and Russia ’s Putin Discuss Iraq As Security Council Meets"},
    {"that accomplish the goals of disarmament and don't let Iraq avoid responsibility,\" said Ari Fleischer.",
     "that accomplish the goals of disarmament and do n't let Iraq avoid responsibility , \" said Ari Fleischer ."},
    {"the \"same old song and dance,\" calling it a \"tactical step\" to avoid strong action by the U.N. Security Council.",
     "the \" same old song and dance , \" calling it a \" tactical step \" to avoid strong action by the U.N. Security Council ."},
    {"A new U.S., British and Spanish-backed draft resolution",
     "A new U.S. , British and Spanish - backed draft resolution"},
    {"more than 60,000 U.S. troops to use the country as a base to launch attacks in a potential U.S.-led war against Iraq.",
     "more than 60,000 U.S. troops to use the country as a base to launch attacks in a potential U.S. - led war against Iraq ."},
    {"Hans Blix delivered a 17-page report to U.N. Secretary General Kofi Annan",
     "Hans Blix delivered a 17 - page report to U.N. Secretary General Kofi Annan"},
    {"farther than the 93-mile maximum range set by the U.N. after the 1991 Gulf War.",
     "farther than the 93 - mile maximum range set by the U.N. after the 1991 Gulf War ."},
    {"“See, he’ll say ‘I’m not going to destroy the rockets’ and then he’ll have a change of mind",
     "“ See , he ’ll say ‘ I ’m not going to destroy the rockets ’ and then he ’ll have a change of mind"},
    {"and say, ‘I’ve disarmed,”‘ the president said.",
     "and say , ‘ I ’ve disarmed , ” ‘ the president said ."},
    {"request, “During a discussion on Iraq, both sides", "request , “ During a discussion on Iraq , both sides"},
    {"it does not represent a “breakthrough.”", "it does not represent a “ breakthrough . ”"},
    {"The same day President George W. Bush demanded that Iraq readmit",
     "The same day President George W. Bush demanded that Iraq readmit"},
    {"according to a report from Radio Free Europe/Radio Liberty.",
     "according to a report from Radio Free Europe / Radio Liberty ."},
    {"assisted Osama bin Laden’s network, Saltanov asserted that “there is no proof of Iraqi involvement” in the Sept. 11 terror attack,",
     "assisted Osama bin Laden ’s network , Saltanov asserted that “ there is no proof of Iraqi involvement ” in the Sept. 11 terror attack ,"},
    {"denied that – outside of the Taliban regime in Afghanistan – there was",
     "denied that – outside of the Taliban regime in Afghanistan – there was"},
    {"Ahmed Samir al-Ahani, then a counsel", "Ahmed Samir al - Ahani , then a counsel"},
    {"One of the most thorough expos?s of the Iraqi regime’s weapons program",
     "One of the most thorough expos ? s of the Iraqi regime ’s weapons program"},
    {"the former head of the U.N. weapons-inspection program in Iraq,",
     "the former head of the U.N. weapons - inspection program in Iraq ,"},
    {"President Bush Discusses Iraq with Russian Officials - 2002-09-20",
     "President Bush Discusses Iraq with Russian Officials - 2002-09-20"},
    {"something Iraq's foreign minister, Hoshyar Zebari, earlier had said he might seek on his two-day visit to Moscow.",
     "something Iraq 's foreign minister , Hoshyar Zebari , earlier had said he might seek on his two - day visit to Moscow ."},
    {"Record of a Conversation between M. S. Gorbachev and President of the US George Bush in Paris",
     "Record of a Conversation between M. S. Gorbachev and President of the US George Bush in Paris"},
    {"BETWEEN M.S. GORBACHEV AND THE PRESIDENT OF THE USUS, G. BUSH",
     "BETWEEN M.S. GORBACHEV AND THE PRESIDENT OF THE USUS , G. BUSH"},
    {"CWIHP Archives. https://digitalarchive.wilsoncenter.org/document/118944",
     "CWIHP Archives . https://digitalarchive.wilsoncenter.org/document/118944"},
    {"I visited one of our military towns and looked in our boys' eyes, who are our children",
     "I visited one of our military towns and looked in our boys ' eyes , who are our children"},
    {"the UN's demands", "the UN 's demands"},
    {"and tomorrow someone else's could be, not to mention the hostages - here he is",
     "and tomorrow someone else 's could be , not to mention the hostages - here he is"},
    {"Add to that the 60% of Americans who support me", "Add to that the 60 % of Americans who support me"},
    {"And not so much even just me - who knows; in two years,", "And not so much even just me - who knows ; in two years ,"},
    {"We calculate that it will be enough [to compel] Saddam", "We calculate that it will be enough [ to compel ] Saddam"},
    {"They might think [Deskat'], why bother with the UN,", "They might think [ Deskat' ] , why bother with the UN ,"},
    {"your letter, Mr. President. This is", "your letter , Mr. President . This is"},
    {"Let's say, until the middle of January.", "Let 's say , until the middle of January ."},
    {"Solidarity within the UN...", "Solidarity within the UN ..."},
    {"the path of Article 51 of the UN.", "the path of Article 51 of the UN ."},
    {"after all-around consideration and analysis", "after all - around consideration and analysis"},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(toks(t[i].in), t[i].want);
}

/* The same rules on text nobody has seen. */
static void test_tokens_rules(void) {
  static const pair t[] = {
    /* clitics, both apostrophes, every form, n't the Penn Treebank way */
    {"I can't and won't, ain't it?", "I ca n't and wo n't , ai n't it ?"},
    {"don’t DON'T Don't", "do n’t DO N'T Do n't"},
    {"he'll she'd we're they've I'm it's", "he 'll she 'd we 're they 've I 'm it 's"},
    {"she’ll they’re you’ve I’d", "she ’ll they ’re you ’ve I ’d"},
    {"She'd've gone", "She 'd 've gone"},
    {"IRAQ'S OFFER", "IRAQ 'S OFFER"},
    {"in the 1990's", "in the 1990's"},
    {"al-Qaida's network", "al - Qaida 's network"},
    /* inner apostrophes that are no clitics */
    {"O'Brien's rock'n'roll", "O'Brien 's rock'n'roll"},
    {"y'all ma'am o'clock d'Estaing Qur'an", "y'all ma'am o'clock d' Estaing Qur'an"},
    {"O’Neill’s", "O’Neill ’s"},
    /* the possessive apostrophe, and the apostrophe that closes a quotation */
    {"the boys' toys and James' car", "the boys ' toys and James ' car"},
    {"the students’ union", "the students ’ union"},
    {"'the boys' eyes", "' the boys ' eyes"},
    {"he said 'tactical step' twice", "he said ' tactical step ' twice"},
    {"goin' home", "goin' home"},
    /* a leading apostrophe is a quotation mark; a clitic alone is a clitic */
    {"the '90s were", "the ' 90s were"},
    {"rock 'n' roll", "rock ' n ' roll"},
    {"'s", "'s"},
    {"n't", "n't"},
    {"’s ’ll", "’s ’ll"},
    /* abbreviations and initials */
    {"U.S.A. and e.g. i.e. Ph.D. a.m. p.m.", "U.S.A. and e.g. i.e. Ph.D. a.m. p.m."},
    {"Mr. and Mrs. Smith met Dr. Jones", "Mr. and Mrs. Smith met Dr. Jones"},
    {"Gen. Tommy Franks, Sen. Biden, St. Petersburg, Gov. Smith",
     "Gen. Tommy Franks , Sen. Biden , St. Petersburg , Gov. Smith"},
    {"MR. FLEISCHER: Good morning.", "MR. FLEISCHER : Good morning ."},
    {"Apple Inc. and Acme Corp. and Smith & Co. and X Ltd.", "Apple Inc. and Acme Corp. and Smith & Co. and X Ltd."},
    {"Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. and May.",
     "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. and May ."},
    {"No. 5 and no. 7, but the answer is No.", "No. 5 and no. 7 , but the answer is No ."},
    {"see p. 12, vol. 3, and Art. 51", "see p. 12 , vol. 3 , and Art. 51"},
    {"cats vs. dogs, Roe v. Wade, cf. above, etc.", "cats vs. dogs , Roe v. Wade , cf. above , etc."},
    {"said so in Iraq.", "said so in Iraq ."},
    {"J. R. R. Tolkien and G.Bush", "J. R. R. Tolkien and G. Bush"},
    {"as did I. Then I. M. Pei came", "as did I . Then I. M. Pei came"},
    {"Washington, D.C., is", "Washington , D.C. , is"},
    {"the U.S", "the U.S"},
    {"the U.N's role, the U.S.'s role", "the U.N 's role , the U.S. 's role"},
    {"Lt.-Gen. Smith", "Lt. - Gen. Smith"},
    {"end.Next", "end . Next"},
    {"mr. smith", "mr . smith"},
    {"etc... and so on", "etc ... and so on"},
    /* numbers */
    {"1,000,000 and 3.14 and 1,23 and 2001,2002 and 1.2.3", "1,000,000 and 3.14 and 1 , 23 and 2001 , 2002 and 1.2.3"},
    {"$5 and 60% and S/RES/1441 and 48/126", "$ 5 and 60 % and S / RES / 1441 and 48 / 126"},
    {"resolution 1441 (2002) at 10:30", "resolution 1441 ( 2002 ) at 10:30"},
    {"since 1998. In 2.5-mile and -5", "since 1998 . In 2.5 - mile and - 5"},
    {"the 1990s and 17th and G7 and B-52", "the 1990s and 17th and G7 and B - 52"},
    /* hyphens and dashes */
    {"a pre- and post-war world", "a pre - and post-war world"},
    {"well--known a - b a---b", "well -- known a - b a --- b"},
    {"Iran\xe2\x80\x90Iraq Iran\xe2\x80\x91Iraq", "Iran \xe2\x80\x90 Iraq Iran \xe2\x80\x91 Iraq"},
    {"Iran–Iraq and Iran—Iraq", "Iran – Iraq and Iran — Iraq"},
    /* UD English: hyphens split but after the prefixes it keeps whole; numbers that are no range */
    {"search-engine full-fledged self-interest", "search - engine full - fledged self - interest"},
    {"e-mail E-Toiba non-white co-workers mid-1980s re-elected", "e-mail E - Toiba non-white co-workers mid-1980s re-elected"},
    {"over-the-counter non-English-speaking UN-led", "over - the - counter non - English - speaking UN - led"},
    {"1990-91 16-18 2003-2007 10-week COVID-19", "1990 - 91 16 - 18 2003 - 2007 10 - week COVID - 19"},
    {"call 853-7906 or 713-853-3989, zip 94720-1900", "call 853-7906 or 713-853-3989 , zip 94720-1900"},
    {"at 14:57, 01:39:56 and 5:00-8:30pm, ratio 3:1", "at 14:57 , 01:39:56 and 5:00 - 8:30 pm , ratio 3 : 1"},
    {"on 07/06/2000, 3/8/00, after 9/11 and 5/18; 1/2 and 48/126", "on 07/06/2000 , 3/8/00 , after 9/11 and 5/18 ; 1 / 2 and 48 / 126"},
    {"b/c w/o and/or a/b/c", "b/c w/o and / or a / b / c"},
    {"cannot Gonna wanna gotta outta dunno", "can not Gon na wan na got ta out ta du n no"},
    {"10am 16bn 5k 3.5m 2nd 10th 1990s 4x4 G7", "10 am 16 bn 5 k 3.5 m 2nd 10th 1990s 4x4 G7"},
    {"the 80's and 1960's, 969's", "the 80's and 1960's , 969 's"},
    {"a&m P&L AT&T's", "a&m P&L AT&T 's"},
    {"mailto:a.b@c.com", "mailto:a.b@c.com"},
    {"no!!! why?! ok.. what...? +++ ** == ##", "no !!! why ?! ok .. what ... ? +++ ** == ##"},
    {"great :) sad :-( ;D (: =) and x:y a:(b) :)x", "great :) sad :-( ;D (: =) and x : y a : ( b ) : ) x"},
    {"e-mail x-ray -led", "e-mail x - ray - led"},
    /* other punctuation */
    {"Wait... what… really?! Yes!!", "Wait ... what … really ?! Yes !!"},
    {"{a} [b] (c); d: e", "{ a } [ b ] ( c ) ; d : e"},
    {"a .. b .... c", "a .. b .... c"},
    /* URLs and e-mail addresses */
    {"mail a@b.com or john.smith@example.co.uk.", "mail a@b.com or john.smith@example.co.uk ."},
    {"see www.example.com/path, or (http://x.org/a_(b)).", "see www.example.com/path , or ( http://x.org/a_(b) ) ."},
    {"at https://a.org/x?y=1&z=2.", "at https://a.org/x?y=1&z=2 ."},
    {"x @ y and @user #tag and AT&T and a@b", "x @ y and @ user # tag and AT&T and a @ b"},
    {"Amazon.com", "Amazon . com"},
    /* quotes of all kinds */
    {"«Bonjour» „Hallo“ ‹x› \"y\"", "« Bonjour » „ Hallo “ ‹ x › \" y \""},
    /* letters of any script, marks, symbols, invisible characters, Unicode spaces */
    {"naïve café Zürich Pérez-de-Cuéllar", "naïve café Zürich Pérez - de - Cuéllar"},
    {"Москва́ и Пекин", "Москва́ и Пекин"},
    {"日本語です。", "日本語 です 。"},
    {"I \xe2\x9d\xa4\xef\xb8\x8f NY \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd!", "I \xe2\x9d\xa4\xef\xb8\x8f NY \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd !"},
    {"request,\xc2\xa0“During", "request , “ During"},
    {"a\xe2\x80\x8b" "b \xef\xbb\xbf" "c co\xc2\xad" "operate", "a b c co\xc2\xad" "operate"},
    {"x\xe2\x80\x83y\xe3\x80\x80z", "x y z"},
    {"5 € and © 2004 and 20°C", "5 € and © 2004 and 20 ° C"},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(toks(t[i].in), t[i].want);
}

/* Kinds and flags. */
static void test_tokens_flags(void) {
  static const pair t[] = {
    {"U.S.-led 17-page 93-mile 2002-09-20", "U.S./wA -/p led/w 17/n -/p page/w 93/n -/p mile/w 2002-09-20/nC"},
    {"Mr. G. U.N. Sept. etc. No. 5", "Mr./wA G./wA U.N./wA Sept./wA etc./wA No./wA 5/n"},
    {"Iraq's Russia’s don't", "Iraq/w 's/wK Russia/w ’s/wK do/w n't/wK"},
    {"boys' eyes", "boys/w '/wK eyes/w"},
    {"“Hi” 'x' \"y\"", "“/pQ Hi/w ”/pQ '/pQ x/w '/pQ \"/pQ y/w \"/pQ"},
    {"'90s 1,000 3.14 1990s", "'/pQ 90s/n 1,000/n 3.14/n 1990s/n"},
    {"60% $5", "60/n %/s $/s 5/n"},
    {"https://a.org a@b.com www.x.org", "https://a.org/s a@b.com/s www.x.org/s"},
    {". ... … — – - --", "./p .../p …/p —/p –/p -/p --/p"},
    {"\xff" "a\xc3", "\xff/s a/w \xc3/s"},
    {"Iraq.", "Iraq/w ./p"},
    {"S/RES/1441 (2002)", "S/w //s RES/w //s 1441/n (/p 2002/n )/p"},
    {"M. S. Gorbachev", "M./wA S./wA Gorbachev/w"},
    {"Iran–Iraq Iran‐Iraq", "Iran/w –/p Iraq/w Iran/w ‐/p Iraq/w"},
    {"Lt.-Gen. Jean-Pierre's", "Lt./wA -/p Gen./wA Jean/w -/p Pierre/w 's/wK"},
    {"'s n't", "'s/wK n't/wK"},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(annot(t[i].in), t[i].want);
}

/* Words in other languages: elisions by the text's language, the scripts written without spaces
** (ICU cuts them: the words below are the ones ICU 72's dictionaries give). */
static void test_tokens_languages(void) {
  static const struct { const char *in, *lang, *want; } t[] = {
    /* French: elisions split off whatever follows, straight or curly, any case */
    {"L’ONU a adopté la résolution d'urgence.", "fr", "L’ ONU a adopté la résolution d' urgence ."},
    {"Qu'il s'agisse d'un pays, c'est l'avis qu’elle n'a jamais eu jusqu'à hier.", "fr",
     "Qu' il s' agisse d' un pays , c' est l' avis qu’ elle n' a jamais eu jusqu' à hier ."},
    {"J'ai dit qu'on m'écoute, lorsqu'il t'appelle, puisqu'elle l'ÉCRIT.", "fr",
     "J' ai dit qu' on m' écoute , lorsqu' il t' appelle , puisqu' elle l' ÉCRIT ."},
    {"L'ONU d'URGENCE l'homme-orchestre aujourd'hui", "fr", "L' ONU d' URGENCE l' homme-orchestre aujourd'hui"},
    {"Valéry Giscard d'Estaing", "fr", "Valéry Giscard d' Estaing"},
    /* Italian */
    {"Il Consiglio dell'ONU e l'Italia all'unanimità, un'altra volta nell'aula sull'Iraq.", "it",
     "Il Consiglio dell' ONU e l' Italia all' unanimità , un' altra volta nell' aula sull' Iraq ."},
    {"C'è quest'anno dall'estero", "it-IT", "C' è quest' anno dall' estero"},
    /* English: only before a capital; the look-alikes stay whole */
    {"O'Brien said c'mon, m'lady, rock n' roll, t'other d'you", "en",
     "O'Brien said c'mon , m'lady , rock n' roll , t'other d'you"},
    {"Valéry Giscard d'Estaing told the UN's L'Express", "en", "Valéry Giscard d' Estaing told the UN 's L' Express"},
    {"don't can't n't rock'n'roll Iraq's", "en", "do n't ca n't n't rock'n'roll Iraq 's"},
    {"the UN's role", "fr", "the UN 's role"},
    /* the other languages follow English; unknown ones French */
    {"Dat is m'n boek, l'Oréal", "nl", "Dat is m'n boek , l' Oréal"},
    {"c'mon l'avis", NULL, "c' mon l' avis"},
    {"c'mon l'avis", "und", "c' mon l' avis"},
    {"c'mon l'avis", "EN-gb", "c'mon l'avis"},
    {"c'mon l'avis", "FR_ca", "c' mon l' avis"},
    /* Russian: nothing to cut that was not cut before */
    {"Совет Безопасности ООН принял резолюцию.", "ru", "Совет Безопасности ООН принял резолюцию ."},
    /* Chinese, Japanese, Thai, Khmer: ICU's words; digits and Latin letters stay the scanner's */
    {"联合国安理会通过了第1441号决议。", "zh", "联合 国 安理会 通过 了 第 1441 号 决议 。"},
    {"联合国安理会通过了第1441号决议。", NULL, "联合 国 安理会 通过 了 第 1441 号 决议 。"},
    {"国連安全保障理事会は決議を採択した。", "ja", "国 連 安全 保障 理事 会 は 決議 を 採択 した 。"},
    {"東京都に住んでいます。", "ja", "東京 都 に 住 んで い ます 。"},
    {"คณะมนตรีความมั่นคงแห่งสหประชาชาติ", "th", "คณะ มนตรี ความ มั่นคง แห่ง สหประชาชาติ"},
    {"UN安理会和Iraq问题", "zh", "UN 安理会 和 Iraq 问题"},
    {"U.S.-主导 l'安理会", "fr", "U.S. - 主导 l' 安理会"},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(toks_lang(t[i].in, t[i].lang, 0), t[i].want);
  CHECK_STR(toks_lang("L’ONU qu'il c'mon", "fr", 1), "L’/wE ONU/w qu'/wE il/w c'/wE mon/w");
  CHECK_STR(toks_lang("联合国第1441号", "zh", 1), "联合/w 国/w 第/w 1441/n 号/w");
  /* the tokens of a Chinese text tile it: byte spans */
  const char *zh = "安理会，决议";
  CHECK_INT(tx_tokenize_lang(&D, zh, strlen(zh), "zh"), 0);
  CHECK_INT(D.ntok, 3);
  CHECK(D.ntok == 3 && D.tok[0].start == 0 && D.tok[0].len == 9 && D.tok[1].start == 9 && D.tok[1].len == 3 &&
        D.tok[2].start == 12 && D.tok[2].len == 6);
  /* a sentence ends at 。 */
  CHECK_STR(sents("联合国通过了决议。安理会开会。"), "联合 国 通过 了 决议 。 || 安理会 开会 。");
}

/* Exact byte offsets, multi-byte characters included. */
static void test_spans(void) {
  static const struct { const char *in; uint32_t spans[16]; } t[] = {
    {"Russia’s offer", {0, 6, 6, 4, 11, 5}},               /* ’ is 3 bytes */
    {"  naïve  café.", {2, 6, 10, 5, 15, 1}},
    {"“Hi,” he said.", {0, 3, 3, 2, 5, 1, 6, 3, 10, 2, 13, 4, 17, 1}},
    {"don't\n\nU.S.-led", {0, 2, 2, 3, 7, 4, 11, 1, 12, 3}},
    {"cannot gonna", {0, 3, 3, 3, 7, 3, 10, 2}},           /* words of one multiword token */
    {"x\xff\xfey", {0, 1, 1, 1, 2, 1, 3, 1}},
    {"\xe2\x80\x9c" "a", {0, 3, 3, 1}},
    {"\xe2\x80", {0, 1, 1, 1}},                             /* a truncated sequence */
  };
  for (size_t i = 0; i < NELEM(t); i++) {
    size_t n = strlen(t[i].in), k = 0;
    CHECK_INT(tx_tokenize(&D, t[i].in, n), 0);
    while (k < 8 && t[i].spans[2 * k + 1]) k++;
    CHECK_INT(D.ntok, k);
    for (size_t j = 0; j < k && j < D.ntok; j++) {
      CHECK_INT(D.tok[j].start, t[i].spans[2 * j]);
      CHECK_INT(D.tok[j].len, t[i].spans[2 * j + 1]);
    }
  }
  /* invalid UTF-8 of every kind: one symbol a byte, nothing read past the length */
  static const char *bad[] = { "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8", "\x80" };
  for (size_t i = 0; i < NELEM(bad); i++) {
    size_t n = strlen(bad[i]);
    tx_tokenize(&D, bad[i], n);
    CHECK_INT(D.ntok, n);
    for (size_t j = 0; j < D.ntok; j++) CHECK(D.tok[j].len == 1 && D.tok[j].kind == TX_SYMBOL);
  }
  /* a length that stops inside a word, a clitic, an abbreviation, a multi-byte character */
  const char *s = "Iraq's U.S. Russia’s";
  for (size_t n = 0; n <= strlen(s); n++) {
    tx_tokenize(&D, s, n);
    for (size_t j = 0; j < D.ntok; j++) CHECK(D.tok[j].start + D.tok[j].len <= n);
  }
  tx_tokenize(&D, s, 9);
  CHECK_STR(ranges(s, NULL, 0, ""), "Iraq 's U.");
  tx_tokenize(&D, s, 10);
  CHECK_STR(ranges(s, NULL, 0, ""), "Iraq 's U.S");
  tx_tokenize(&D, s, 20);
  CHECK_STR(ranges(s, NULL, 0, ""), "Iraq 's U.S. Russia \xe2 \x80");
}

typedef struct { char buf[256]; size_t w; } parts_acc;

static void on_part(void *ud, const char *part, size_t len) {
  parts_acc *a = ud;
  if (a->w) a->buf[a->w++] = '|';
  memcpy(a->buf + a->w, part, len);
  a->w += len;
  a->buf[a->w] = '\0';
}

static void test_compound_parts(void) {
  static const struct { const char *in, *want; int n; } t[] = {
    {"U.S.-led", "U.S.|led", 2},
    {"Iran-Iraq", "Iran|Iraq", 2},
    {"2002-09-20", "2002|09|20", 3},
    {"al-Qaida", "al|Qaida", 2},
    {"Iran\xe2\x80\x90Iraq\xe2\x80\x91" "war", "Iran|Iraq|war", 3},
    {"Pérez-de-Cuéllar", "Pérez|de|Cuéllar", 3},
    {"Lt.-Gen.", "Lt.|Gen.", 2},
    {"-a--.-", "a", 1},
    {"word", "word", 1},
    {"", "", 0},
  };
  for (size_t i = 0; i < NELEM(t); i++) {
    parts_acc a;
    a.w = 0;
    a.buf[0] = '\0';
    CHECK_INT(tx_compound_parts(t[i].in, strlen(t[i].in), on_part, &a), t[i].n);
    CHECK_STR(a.buf, t[i].want);
    CHECK_INT(tx_compound_parts(t[i].in, strlen(t[i].in), NULL, NULL), t[i].n);
  }
}

/* }====================================================================== */


/* {====================================================================== segmentation */

static void test_sentences(void) {
  static const pair t[] = {
    /* abbreviations: no break after titles, initials, months; a break after U.S. etc. only
    ** before a sentence starter */
    {"Mr. Bush went to the U.N. resolutions. He said so.", "Mr. Bush went to the U.N. resolutions . || He said so ."},
    {"He lives in the U.S. The next day he left.", "He lives in the U.S. || The next day he left ."},
    {"There have been no U.N. inspections in Iraq since 1998. The Bush Administration says",
     "There have been no U.N. inspections in Iraq since 1998 . || The Bush Administration says"},
    {"U.S. Naval warships have been stalled off Turkey’s coast.", "U.S. Naval warships have been stalled off Turkey ’s coast ."},
    {"M.S. Gorbachev spoke. G. Bush answered.", "M.S. Gorbachev spoke . || G. Bush answered ."},
    {"It was Sept. 11 when it happened. Then more.", "It was Sept. 11 when it happened . || Then more ."},
    {"Apple Inc. The company grew. Acme Inc. and others.", "Apple Inc. || The company grew . || Acme Inc. and others ."},
    {"See No. 5. It is.", "See No. 5 . || It is ."},
    {"Dr. Smith met Mr. Jones and Gen. Franks in Jan. 2003.", "Dr. Smith met Mr. Jones and Gen. Franks in Jan. 2003 ."},
    {"Talks in the U.S. I think so.", "Talks in the U.S. || I think so ."},
    {"as did I. Then we left.", "as did I . || Then we left ."},
    /* quotes: a closing quote belongs to the sentence it closes; a lowercase word goes on */
    {"\"The president just can not imagine the United Nations making the same mistake twice,\" he said. \"The president can not imagine.\"",
     "\" The president just can not imagine the United Nations making the same mistake twice , \" he said . || \" The president can not imagine . \""},
    {"\"Stop it.\" he said.", "\" Stop it . \" he said ."},
    {"“It is over.” Then he left.", "“ It is over . ” || Then he left ."},
    {"“Saddam’s Bombmaker.” Hamza leaves no doubt.", "“ Saddam ’s Bombmaker . ” || Hamza leaves no doubt ."},
    {"He said 'no.' She agreed.", "He said ' no . ' || She agreed ."},
    /* ! ? ellipses, brackets, digits */
    {"Is it? Yes! No... Maybe… Sure.", "Is it ? || Yes ! || No ... || Maybe … || Sure ."},
    {"Wait... what happened?", "Wait ... what happened ?"},
    {"He left (finally). (Then) she came.", "He left ( finally ) . || ( Then ) she came ."},
    {"It was 1998. 2003 was different.", "It was 1998 . || 2003 was different ."},
    {"He said so. and then left", "He said so . and then left"},
    {"expos?s of", "expos ? s of"},
    {"Élan vital. Être ou ne pas être. fin. élan", "Élan vital . || Être ou ne pas être . fin . élan"},
    {"Archives. https://a.org/x", "Archives . || https://a.org/x"},
    /* a line break alone is no boundary */
    {"line one\nline two. Next\none", "line one line two . || Next one"},
    /* a speaker label is a sentence of its own */
    {"G. Bush. I am glad.\n\nM.S. Gorbachev. Thank you.", "G. Bush . || I am glad . || M.S. Gorbachev . || Thank you ."},
    {"BUSH: well, yes.\n\nBUSH: no.", "BUSH : || well , yes . || BUSH : || no ."},
    {"", ""},
    {" \n\n ", ""},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(sents(t[i].in), t[i].want);
}

static void test_paragraphs(void) {
  static const pair t[] = {
    {"First para ends.\n\nSecond para.", "First para ends . ## Second para ."},
    {"One.\n \t\nTwo.\n\n\n\nThree.", "One . ## Two . ## Three ."},
    {"One\fTwo", "One ## Two"},
    {"One\xe2\x80\xa9Two", "One ## Two"},
    /* hard-wrapped lines stay one paragraph */
    {"The president said on Friday that the\nUnited Nations must act now, and\nsoon.", "The president said on Friday that the United Nations must act now , and soon ."},
    /* page-break repair: no final punctuation, a lowercase word next */
    {"here he is not sparing a\n\nsingle country.", "here he is not sparing a single country ."},
    {"Text.\n\nThe other option is to send Pe\n\nrez de Cue\n\nllar with that message.", "Text . ## The other option is to send Pe rez de Cue llar with that message ."},
    {"Text.\n\nI vetoed a Congressional resolution directed\n\nagainst China. And so far.", "Text . ## I vetoed a Congressional resolution directed against China . And so far ."},
    {"The other option is to send Pe\n\nrez de Cue\n\nllar with that message.", "The other option is to send Pe ## rez de Cue llar with that message ."},
    {"It ends here.\n\nlowercase after a full stop.", "It ends here . ## lowercase after a full stop ."},
    {"Iraq is also suspected, according to an earlier report in\n\nOne of the most", "Iraq is also suspected , according to an earlier report in ## One of the most"},
    /* a heading is not continued; one left open (a comma) is */
    {"Related story\n\nadvice from Baghdad.", "Related story ## advice from Baghdad ."},
    {"We went on,\n\nand on.", "We went on , and on ."},
    {"Intro.\n\nRelated story\n\nadvice from Baghdad.", "Intro . ## Related story advice from Baghdad ."},
    /* the first line as a title */
    {"Breaking News\nThe president spoke today about Iraq.", "Breaking News ## The president spoke today about Iraq ."},
    {"The president spoke\ntoday about Iraq.", "The president spoke today about Iraq ."},
    {"A first line of hard-wrapped prose that goes on for a while\nBefore the second line does the same.", "A first line of hard - wrapped prose that goes on for a while Before the second line does the same ."},
    {"Dear Sir,\nWe write.", "Dear Sir , We write ."},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(paras(t[i].in), t[i].want);
  /* paragraph starts are sentence starts */
  CHECK_STR(sents("Related story\n\nadvice from Baghdad."), "Related story || advice from Baghdad .");
  CHECK_STR(sents("Breaking News\nThe president spoke today about Iraq."), "Breaking News || The president spoke today about Iraq .");
}

static void test_turns(void) {
  static const pair t[] = {
    /* two different Initial Surname. labels: accepted at once; the header is in no turn */
    {"Paris, 1990\n\nG. Bush. Hello.\n\nM.S. Gorbachev. Hi.\n\nMore.", "G. Bush[3,8) M.S. Gorbachev[8,15)"},
    {"[G. Bush.] I understand.\n\nM.S. Gorbachev. Yes.", "G. Bush[0,8) M.S. Gorbachev[8,13)"},
    {"M. S. Gorbachev. Yes.\n\nG. Bush. No.", "M. S. Gorbachev[0,6) G. Bush[6,11)"},
    /* one such label alone is not enough; the same label twice is */
    {"G. Bush. Hello.\n\nThen he left.", ""},
    {"G. Bush. Hello.\n\nText.\n\nG. Bush. Bye.", "G. Bush[0,7) G. Bush[7,12)"},
    /* press briefings: capitals and colons, Q and A */
    {"MR. FLEISCHER: Good morning.\n\nQ: Ari, what?\n\nMR. FLEISCHER: Well.\n\nQ: And?",
     "MR. FLEISCHER[0,6) Q[6,12) MR. FLEISCHER[12,17) Q[17,21)"},
    {"PRESIDENT BUSH: One.\n\nPRESIDENT BUSH: Two.", "PRESIDENT BUSH[0,5) PRESIDENT BUSH[5,10)"},
    {"Q. What?\n\nA. Yes.\n\nQ. Why?\n\nA. Because.", "Q[0,3) A[3,6) Q[6,9) A[9,12)"},
    {"Bush: One.\n\nBush: Two.", "Bush[0,4) Bush[4,8)"},
    {"Q. What?\n\nA. Yes.\n\nQ. Why?\n\nA. Yes.\n\nA. Sure.", "Q[0,3) A[3,6) Q[6,9) A[9,12) A[12,15)"},
    {"G. Bush. One.\n\nG. Bush. Two.\n\nG. Smith. Three.", "G. Bush[0,5) G. Bush[5,10) G. Smith[10,15)"},
    {"Q. Did you go?\n\nA. Yes.\n\nQ. Why did you?\n\nA. Because.", "Q[0,5) A[5,8) Q[8,13) A[13,16)"},
    {"G. Bush. One.\n\nG. Bush. Two.\n\nG. Bush. Three.\n\nM.S. Gorbachev. Four.",
     "G. Bush[0,5) G. Bush[5,10) G. Bush[10,15) M.S. Gorbachev[15,20)"},
    /* prose that looks like labels is not */
    {"Mr. Lavrov spoke after meeting.\n\nMr. Lavrov spoke again.", ""},
    {"Summary:\n\nText.\n\nSummary:\n\nMore.", ""},
    {"Citation:\n\nX.\n\nContents:\n\nY.", ""},
    {"BUSH: One.\n\nGORBACHEV: Two.", ""},
    {"U.S. Naval warships came.\n\nU.N. Security Council met.", ""},
    {"Secondly. On the strength.\n\nSecondly. Again.", ""},
    {"G. Bush said so.\n\nM. Thatcher said no.", ""},
  };
  for (size_t i = 0; i < NELEM(t); i++) CHECK_STR(turns(t[i].in), t[i].want);
  /* the label's tokens, and only they, are flagged */
  const char *s = "[G. Bush.] I.\n\nM.S. Gorbachev: Yes.";
  CHECK_STR(annot(s), "[/pS G./wAS Bush/wS ./pS ]/pS I/w ./p M.S./wAS Gorbachev/wS :/pS Yes/w ./p");
}

/* tx_tokenize_words makes no structure; a second call replaces the first's results. */
static void test_api(void) {
  const char *two = "G. Bush. Hi.\n\nM.S. Gorbachev. Yes.";
  tx_doc d;
  tx_init(&d);
  CHECK_INT(tx_tokenize_words(&d, two, strlen(two)), 0);
  CHECK_INT(d.nsent + d.npara + d.nturn, 0);
  CHECK_INT(d.ntok, 10);
  CHECK_INT(tx_tokenize(&d, two, strlen(two)), 0);
  CHECK_INT(d.nturn, 2);
  CHECK_INT(tx_tokenize(&d, "One.", 4), 0);
  CHECK_INT(d.ntok, 2);
  CHECK_INT(d.nsent, 1);
  CHECK_INT(d.npara, 1);
  CHECK_INT(d.nturn, 0);
  CHECK_INT(tx_tokenize(&d, NULL, 0), 0);
  CHECK_INT(d.ntok + d.nsent + d.npara, 0);
  CHECK_INT(tx_tokenize(&d, "a\0b", 3), 0);          /* a NUL is a symbol, not an end */
  CHECK_INT(d.ntok, 3);
  tx_free(&d);
  tx_free(&d);                                        /* twice is harmless */
  CHECK(d.tok == NULL && d.ntok == 0);
}

/* }====================================================================== */


/* {====================================================================== the seed texts */

/* Token, sentence, paragraph and turn counts of the five seeds, each split read through. */
static void test_seed_totals(void) {
  static const struct { const char *file; size_t ntok, nsent, npara, nturn; } t[] = {
    {"000_e46888d005b16152.txt", 538, 25, 14, 0},
    {"001_0b1a02bd6284fa36.txt", 631, 21, 17, 0},   /* hyphens split, 2 tokens more each */
    {"002_378a0fa01cf8e0c6.txt", 689, 26, 21, 0},
    {"003_b732a128a37d961c.txt", 364, 15, 14, 0},
    {"004_3bf8bdfe55aae150.txt", 2155, 126, 48, 13}, /* and cannot -> can not, 4 times */
  };
  for (size_t i = 0; i < NELEM(t); i++) {
    char path[256];
    size_t n;
    snprintf(path, sizeof path, SEEDS "/%s", t[i].file);
    char *text = ct_slurp(path, &n);
    CHECK(text != NULL);
    if (!text) continue;
    CHECK_INT(tx_tokenize(&D, text, n), 0);
    CHECK_INT(D.ntok, t[i].ntok);
    CHECK_INT(D.nsent, t[i].nsent);
    CHECK_INT(D.npara, t[i].npara);
    CHECK_INT(D.nturn, t[i].nturn);
    /* every byte that is not whitespace is in exactly one token (the seeds are plain text) */
    size_t covered = 0, black = 0;
    for (size_t j = 0; j < D.ntok; j++) covered += D.tok[j].len;
    for (size_t j = 0; j < n; j++) {
      unsigned char c = (unsigned char)text[j];
      if (c == 0xC2 && j + 1 < n && (unsigned char)text[j + 1] == 0xA0) { j++; continue; }   /* NBSP */
      black += !(c == ' ' || c == '\n' || c == '\t');
    }
    CHECK_INT(covered, black);
    free(text);
  }
}

/* The 1990 transcript: its turns, labels, and the page breaks inside sentences. */
static void test_seed_transcript(void) {
  size_t n;
  char *text = ct_slurp(SEEDS "/004_3bf8bdfe55aae150.txt", &n);
  CHECK(text != NULL);
  if (!text) return;
  tx_tokenize(&D, text, n);
  static const char *labels[] = { "G. Bush", "M.S. Gorbachev", "G. Bush", "M.S. Gorbachev", "G. Bush",
                                  "M.S. Gorbachev", "G. Bush", "M.S. Gorbachev", "G. Bush",
                                  "M.S. Gorbachev", "G. Bush", "M.S. Gorbachev", "G. Bush" };
  CHECK_INT(D.nturn, NELEM(labels));
  for (size_t i = 0; i < D.nturn && i < NELEM(labels); i++) {
    CHECK_MEM(text + D.turn[i].label, D.turn[i].label_len, labels[i]);
    CHECK_INT(D.turn[i].end, i + 1 < D.nturn ? D.turn[i + 1].first : D.ntok);
    CHECK(D.tok[D.turn[i].first].flags & TX_SPEAKER);
  }
  /* the header (date, title, citation, summary...) is in no turn */
  CHECK_MEM(text + D.tok[D.turn[0].first].start, 2, "G.");
  CHECK(D.turn[0].first > 100);
  /* the bracketed label, [G. Bush.] */
  CHECK_MEM(text + D.tok[D.turn[4].first].start, 1, "[");
  /* find the sentence holding a given token text, and return it */
  const char *probes[][2] = {
    {"Pe", "The other option is to send Pe rez de Cue llar with that message , as happened during the Iran - Iraq war ."},
    {"sparing", NULL},
    {"directed", "I vetoed a Congressional resolution directed against China ."},
    {"Secondly", "Secondly ."},
  };
  for (size_t p = 0; p < NELEM(probes); p++) {
    size_t k = 0, len = strlen(probes[p][0]);
    while (k < D.ntok && !(D.tok[k].len == len && memcmp(text + D.tok[k].start, probes[p][0], len) == 0)) k++;
    CHECK(k < D.ntok);
    size_t s = 0;
    while (s + 1 < D.nsent && D.sent[s + 1] <= k) s++;
    size_t e = s + 1 < D.nsent ? D.sent[s + 1] : D.ntok, w = 0;
    out[0] = '\0';
    for (size_t j = D.sent[s]; j < e; j++) {
      if (j > D.sent[s]) put(&w, " ", 1);
      put(&w, text + D.tok[j].start, D.tok[j].len);
    }
    if (probes[p][1]) CHECK_STR(out, probes[p][1]);
    else CHECK(strstr(out, "sparing a single country .") != NULL);
  }
  /* the page breaks are no paragraphs either: "rez" and "llar" start none */
  for (size_t i = 0; i < D.npara; i++) {
    const tx_token *t = &D.tok[D.para[i]];
    CHECK(!(t->len == 3 && memcmp(text + t->start, "rez", 3) == 0));
    CHECK(!(t->len == 4 && memcmp(text + t->start, "llar", 4) == 0));
  }
  free(text);
}

/* }====================================================================== */


/* {====================================================================== fuzz */

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}

/* The invariants of any result: spans in bounds, non-empty, sorted, apart; no whitespace
** inside; sentences and paragraphs strictly rising from 0, paragraphs among sentences;
** turns in order, apart, with their labels inside the text. Returns the number broken. */
static int check_invariants(const tx_doc *d, const unsigned char *s, size_t n) {
  int bad = 0;
  uint32_t prev = 0;
  for (size_t i = 0; i < d->ntok; i++) {
    const tx_token *t = &d->tok[i];
    if (t->len == 0 || t->start < prev || (size_t)t->start + t->len > n || t->kind > TX_SYMBOL) bad++;
    else
      for (uint32_t k = t->start; k < t->start + t->len; k++)
        if (s[k] == ' ' || s[k] == '\n' || s[k] == '\t') { bad++; break; }
    prev = t->start + t->len;
  }
  if (d->ntok && (d->nsent == 0 || d->sent[0] != 0 || d->npara == 0 || d->para[0] != 0)) bad++;
  if (!d->ntok && (d->nsent || d->npara || d->nturn)) bad++;
  for (size_t i = 1; i < d->nsent; i++) if (d->sent[i] <= d->sent[i - 1] || d->sent[i] >= d->ntok) bad++;
  size_t si = 0;
  for (size_t i = 0; i < d->npara; i++) {
    if (i && (d->para[i] <= d->para[i - 1] || d->para[i] >= d->ntok)) bad++;
    while (si < d->nsent && d->sent[si] < d->para[i]) si++;
    if (si == d->nsent || d->sent[si] != d->para[i]) bad++;
  }
  for (size_t i = 0; i < d->nturn; i++) {
    const tx_turn *u = &d->turn[i];
    if (u->first >= u->end || u->end > d->ntok || (i && u->first < d->turn[i - 1].end)) bad++;
    if ((size_t)u->label + u->label_len > n || u->label_len == 0) bad++;
  }
  return bad;
}

/* Random buffers of random lengths: pure random bytes, and mixes of the pieces that steer the
** tokenizer (dots, apostrophes, quotes, hyphens, labels, blank lines, multi-byte starts). */
static void test_fuzz(void) {
  static const char *pieces[] = {
    ".", "'", "\xe2\x80\x99", "\xe2\x80\x9c", "\"", "-", "\xe2\x80\x90", "--", "U.S.", "G.", " ", " ",
    "\n", "\n\n", "[", "]", "Bush", "iraq", "s", "t", "n", ":", ",", "60", "1,000", "@", "http://",
    "www.", "Mr", "No", "\xe2\x80\xa6", "\xc3\xa9", "\xe2", "\x80", "\xf0\x9f\x91\x8d", "\xef\xb8\x8f",
    "\xe2\x80\x8d", "M.S. Gorbachev. ", "Q: ", "?", "!", "(", ")", "a", "A", "\xc2\xa0", "\f", "\0",
    "l'", "qu\xe2\x80\x99", "dell'", "\xe8\x81\x94\xe5\x90\x88", "\xe3\x80\x82", "\xe0\xb8\xa0\xe0\xb8\xb2",
    "\xe3\x81\xaf", "\xf0\xa0\x80\x80",
  };
  unsigned char buf[512];
  tx_doc d, w;
  tx_init(&d);
  tx_init(&w);
  int bad = 0, differ = 0, fail = 0;
  for (int round = 0; round < 100000; round++) {
    size_t n = 0, want = next_rand() % (round % 10 == 0 ? 512 : 64);
    if (round & 1) {
      while (n < want) buf[n++] = (unsigned char)next_rand();
    } else {
      while (n < want) {
        const char *p = pieces[next_rand() % NELEM(pieces)];
        size_t l = *p ? strlen(p) : 1;
        if (n + l > sizeof buf) break;
        memcpy(buf + n, p, l);
        n += l;
      }
    }
    /* the text is copied to a buffer of its exact size, so that ASan sees any read past it */
    unsigned char *exact = malloc(n ? n : 1);
    memcpy(exact, buf, n);
    const char *lang = round % 3 == 0 ? "en" : round % 3 == 1 ? "fr" : NULL;
    fail += tx_tokenize_lang(&d, (const char *)exact, n, lang) != 0;
    fail += tx_tokenize_words_lang(&w, (const char *)exact, n, lang) != 0;
    bad += check_invariants(&d, exact, n);
    if (w.ntok != d.ntok) differ++;
    else
      for (size_t i = 0; i < d.ntok; i++)
        if (w.tok[i].start != d.tok[i].start || w.tok[i].len != d.tok[i].len) { differ++; break; }
    free(exact);
  }
  CHECK_INT(fail, 0);
  CHECK_INT(bad, 0);
  CHECK_INT(differ, 0);
  tx_free(&d);
  tx_free(&w);
}

/* }====================================================================== */

int main(void) {
  tx_init(&D);
  RUN(test_tokens_seeds);
  RUN(test_tokens_rules);
  RUN(test_tokens_flags);
  RUN(test_tokens_languages);
  RUN(test_spans);
  RUN(test_compound_parts);
  RUN(test_sentences);
  RUN(test_paragraphs);
  RUN(test_turns);
  RUN(test_api);
  RUN(test_seed_totals);
  RUN(test_seed_transcript);
  RUN(test_fuzz);
  tx_free(&D);
  return ct_summary();
}
