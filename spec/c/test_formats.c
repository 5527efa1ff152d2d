/*
** test_formats.c: unit tests of the formats users hold besides text (host/core/source/
** format_html.c, format_pdf.c, format_mail.c, sniff.c, and the skip reports of walk.c and load.c):
** a news page's visible text without its chrome, with its title, date, author and language; an
** XHTML page; a two-page PDF with a page region per page; an encrypted, a damaged and a scanned
** PDF named with their reasons; files without an extension told by their bytes; each document read
** again the same. The real files are in spec/fixtures/formats/ (the PDFs made by headless Chromium
** from a page of two, qpdf --encrypt, and the first 400 bytes of the PDF; see spec/cli/formats_spec.lua).
*/
#include <dlfcn.h>

#include "ctest.h"
#include "source/source.h"
#include "srcfix.h"

#define FIXTURES "spec/fixtures/formats"

/* The skip reports, as "file: reason" lines ("file: reason, grouped" when a warning names several). */
typedef struct skips { char buf[2048]; size_t k; } skips;
static void on_skip(void *ud, const char *file, const char *reason, int grouped) {
  skips *s = ud;
  if (s->k < sizeof s->buf)
    s->k += (size_t)snprintf(s->buf + s->k, sizeof s->buf - s->k, "%s: %s%s\n", file, reason, grouped ? ", grouped" : "");
}

static src_ctx *open_fixtures(wlog *w, skips *s) {
  src_ctx *c = wlog_open(FIXTURES, w);
  memset(s, 0, sizeof *s);
  if (c) src_set_skip(c, on_skip, s);
  return c;
}

static const char vote_text[] =
  "Security Council Vote on Iraq Delayed\n\n"
  "By Jane Reporter, February 26\n\n"
  "The Security Council put off its vote on a new resolution. Diplomats said that France & Russia wanted more "
  "time.\n\n"
  "Hans Blix will report on March 7.\nThe inspectors need \xE2\x80\x9Cmonths, not years\xE2\x80\x9D.\n\n"
  "First point\nSecond point";

static void test_html(void) {
  wlog w;
  skips s;
  src_ctx *c = open_fixtures(&w, &s);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "vote.html", SRC_HTML, &ds), 0);
  CHECK_STR(w.buf, "");
  CHECK_INT(ds.n, 1);
  if (ds.n == 1) {
    const src_doc *d = &ds.d[0];
    CHECK_STR(d->name, "vote.html");
    CHECK_STR(d->text, vote_text);
    /* the page's <meta> date wins over the article's <time>; en-GB is English */
    CHECK_STR(meta_str(d), "title=Security Council Vote on Iraq Delayed|date=2003-02-27|author=Jane Reporter|"
                           "description=The vote was put off.|lang=en|date_from=document");
    /* the chrome: scripts, styles, the page's header, nav, aside, footer, forms, hidden text */
    static const char *const chrome[] = { "Homepage", "Subscribe", "Worldmenu", "Politicsmenu", "trackingword",
                                          "scriptword", "menuword", "Hiddenword", "noscriptword", "Mostreadword",
                                          "Copyrightword", "Footerword", "Searchword", NULL };
    for (int i = 0; chrome[i]; i++) CHECK(strstr(d->text, chrome[i]) == NULL);
    CHECK_INT(d->nmap, 0);                 /* offsets are the text's own */
  }
  docs_free(&ds);
  CHECK_INT(load(c, "report.xhtml", SRC_HTML, &ds), 0);
  CHECK_INT(ds.n, 1);
  if (ds.n == 1) {
    CHECK_STR(ds.d[0].text, "Rapport\n\nLe Conseil de s\xC3\xA9" "curit\xC3\xA9 a vot\xC3\xA9 la r\xC3\xA9solution.\n"
                            "Les inspecteurs sont partis.");
    CHECK_STR(meta_str(&ds.d[0]), "title=Rapport sur l\xE2\x80\x99Irak|date=2003-03|lang=fr|date_from=document");
  }
  docs_free(&ds);
  CHECK_STR(s.buf, "");
  src_close(c);
  /* no PDF read yet: poppler is not loaded (a program that reads no PDF does not pay for it) */
  CHECK(dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_NOLOAD) == NULL);
}

/* Broken markup, Windows-1252 without a charset, dates as pages write them, and a page with no text. */
static void test_html_odd(void) {
  char *dir = mkcorpus();
  puts_(dir, "broken.html", "<html><body><div><p>Unclosed <b>bold<p>Next &amp c &#x41;<table><tr><td>a<td>b"
                            "<tr><td>c</table>");
  puts_(dir, "latin.htm", "<html><head><meta name=\"dcterms.created\" content=\"1990\"></head>"
                          "<body><p>Caf\xe9 \x93quoted\x94</p></body></html>");
  puts_(dir, "timed.html", "<html><body><time datetime=\"1999-01-01\">x</time><article><h1>The <i>Title</i></h1>"
                           "<h1>Second</h1><p>In the article."
                           "<time datetime=\"2003-02-26T10:00:00Z\">Feb 26</time></p></article></body></html>");
  puts_(dir, "empty.html", "<!DOCTYPE html>\n<html>\n<head><title>Only a title</title>\n"
                           "<script>var x = 1;</script></head>\n<body>\n<nav>Menu</nav>\n</body></html>\n");
  puts_(dir, "liar.html", "<html><head><meta charset=\"utf-8\"></head><body>\n<p>First caf\xe9 here.</p>\n"
                          "<p>Second.</p></body></html>\n");
  puts_(dir, "sjis.html", "<html><head><meta charset=\"shift_jis\"></head><body>\n<p>First \x82\xa0 ok \xff\xfe bad."
                          "</p>\n<p>Second.</p></body></html>\n");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  skips s;
  memset(&s, 0, sizeof s);
  src_set_skip(c, on_skip, &s);
  docs ds = { .n = 0 };
  /* bytes that are not the encoding the page says: libxml2's own messages become one warning */
  CHECK_INT(load(c, "liar.html", SRC_HTML, &ds), 0);
  CHECK_INT(load(c, "sjis.html", SRC_HTML, &ds), 0);
  CHECK_STR(w.buf, "liar.html: line 2: not valid UTF-8 where the page says it is: read as ISO-8859-1\n"
                   "sjis.html: bytes its encoding cannot decode (libxml2: input conversion failed due to input "
                   "error, bytes 0xFF 0xFE 0x20 0x62): the text stops there\n");
  CHECK_INT(ds.n, 2);
  if (ds.n == 2) {
    CHECK_STR(ds.d[0].text, "First caf\xC3\xA9 here.\n\nSecond.");
    CHECK_STR(ds.d[1].text, "First \xE3\x81\x82 ok");
  }
  docs_free(&ds);
  wlog_clear(&w);
  CHECK_INT(load(c, "broken.html", SRC_HTML, &ds), 0);
  CHECK_INT(load(c, "latin.htm", SRC_HTML, &ds), 0);
  CHECK_INT(load(c, "timed.html", SRC_HTML, &ds), 0);
  CHECK_INT(load(c, "empty.html", SRC_HTML, &ds), 1);
  CHECK_STR(w.buf, "latin.htm: not valid UTF-8 (byte offset 75) and no charset given: decoded as Windows-1252\n"
                   "empty.html: line 5: no visible text in the page, skipped\n");
  CHECK_STR(s.buf, "empty.html: no text\n");
  CHECK_INT(ds.n, 3);
  if (ds.n == 3) {
    CHECK_STR(ds.d[0].text, "Unclosed bold\n\nNext &amp c A\n\na b\nc");   /* "&amp" without ';' kept */
    CHECK_STR(ds.d[1].text, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK_STR(meta_str(&ds.d[1]), "date=1990|date_from=document|lang=und");
    CHECK(ds.d[1].flags & SRC_CP1252);
    /* no <title>: the first <h1>; the article's <time> */
    CHECK_STR(meta_str(&ds.d[2]), "title=The Title|date=2003-02-26|date_from=document|lang=en");
  }
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_pdf(void) {
  wlog w;
  skips s;
  src_ctx *c = open_fixtures(&w, &s);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "report.pdf", SRC_PDF, &ds), 0);
  CHECK_STR(w.buf, "");
  CHECK_INT(ds.n, 1);
  if (ds.n == 1) {
    const src_doc *d = &ds.d[0];
    CHECK_STR(d->text, "Inspection Report\nThe inspectors visited twelve sites in January.\n"
                       "No weapons were found at the sites.\n\n"
                       "Conclusions\nThe council should give the inspectors more time.\n"
                       "Baghdad must cooperate with the inspectors.");
    CHECK_STR(meta_str(d), "title=Inspection Report|date=2026-12-07|date_from=document|lang=en");
    /* a region per page, by the text's bytes, with its number */
    CHECK(d->spans != NULL);
    if (d->spans) {
      CHECK_INT(d->spans->nst, 2);
      const src_spans *p = d->spans;
      for (size_t i = 0; i < p->nst && i < 2; i++) {
        const char *attrs = p->pool + p->st[i].attrs;
        CHECK_STR(p->pool + p->st[i].name, "page");
        CHECK_STR(attrs, "number");
        CHECK_STR(attrs + 7, i == 0 ? "1" : "2");
      }
      CHECK_INT(p->st[0].first, 0);
      CHECK_INT(p->st[0].end, 101);
      CHECK_INT(p->st[1].first, 103);
      CHECK_INT(p->st[1].end, d->len);
      CHECK_MEM(d->text + p->st[1].first, 11, "Conclusions");
    }
  }
  docs_free(&ds);
  CHECK_INT(load(c, "locked.pdf", SRC_PDF, &ds), 1);
  CHECK_INT(load(c, "damaged.pdf", SRC_PDF, &ds), 1);
  CHECK_INT(load(c, "scan.pdf", SRC_PDF, &ds), 1);
  CHECK_INT(ds.n, 0);
  CHECK_STR(w.buf, "locked.pdf: encrypted PDF: it needs a password, skipped\n"
                   "damaged.pdf: damaged PDF (poppler: PDF document is damaged), skipped\n"
                   "scan.pdf: PDF without a text layer in its 1 page (scanned images?), skipped\n");
  CHECK_STR(s.buf, "locked.pdf: encrypted\ndamaged.pdf: damaged\nscan.pdf: no text\n");
  src_close(c);
  void *lib = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_NOLOAD);   /* loaded by the first PDF */
  CHECK(lib != NULL);
  if (lib) dlclose(lib);
}

static void test_sniff(void) {
  static const struct { const char *bytes; size_t n; int kind; } cases[] = {
    { "%PDF-1.4\n%\xE2\xE3\n", 14, SRC_PDF },
    { "\xEF\xBB\xBF  \n<!DOCTYPE HTML>\n<p>x", 0, SRC_HTML },
    { "<html><body>x", 0, SRC_HTML },
    { "<?xml version=\"1.0\"?>\n<!-- saved -->\n<!DOCTYPE html>\n<html>", 0, SRC_HTML },
    { "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", 0, SRC_HTML },
    { "<?xml version=\"1.0\"?>\n<rss><item/></rss>", 0, SRC_TXT },
    { "From: a@b.org\nSubject: Vote\n\nBody.\n", 0, SRC_MAIL },
    { "From: a@b.org\r\nTo: c@d.org\r\nDate: Thu, 27 Feb 2003 14:05:00 +0000\r\n\r\nBody.", 0, SRC_MAIL },
    { "From: a@b.org\nThe vote was delayed.\n", 0, SRC_TXT },
    { "Subject: no sender\n\nBody.\n", 0, SRC_TXT },
    { " [{\"text\": \"x\"}]\n", 0, SRC_JSONDOC },
    { "{\"text\": \"x\"} trailing", 0, SRC_TXT },
    { "{ notes in braces }", 0, SRC_TXT },
    { "Notes on the vote.\n", 0, SRC_TXT },
    { "Caf\xe9 notes in Windows-1252.\n", 0, SRC_TXT },
    { "bin\0ary", 7, -1 },
    { "\x01\x02\x03\x04 mostly control \x05\x06", 0, -1 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t n = cases[i].n ? cases[i].n : strlen(cases[i].bytes);
    int got = src_sniff(cases[i].bytes, n);
    if (got != cases[i].kind) fprintf(stderr, "case %zu: %d\n", i, got);
    CHECK_INT(got, cases[i].kind);
  }
}

/* The fixture folder as a corpus: what is listed, what is named, and why. */
static void test_scan(void) {
  wlog w;
  skips s;
  src_ctx *c = open_fixtures(&w, &s);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  char buf[1024];
  size_t k = 0;
  for (size_t i = 0; i < l.n; i++) k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s:%d", i ? " " : "", l.f[i].path, l.f[i].kind);
  CHECK_STR(buf, "damaged.pdf:8 inspection:8 locked.pdf:8 mail:9 notes:0 report.pdf:8 report.xhtml:7 savedpage:7 "
                 "scan.pdf:8 vote.html:7 votes.csv:6");
  CHECK_STR(w.buf, "blob: 1 binary file without an extension skipped (blob)\n"
                   "budget.xlsx: 1 .xlsx file not read (budget.xlsx): lector reads .txt, .md, .jsonl, .json, .csv, .tsv, "
                   ".conllu, .vrt, .html, .htm, .xhtml, .pdf or .eml\n");
  CHECK_STR(s.buf, "budget.xlsx: unknown type, grouped\nblob: binary, grouped\n");
  src_list_free(&l);
  /* each one named on its own */
  wlog_clear(&w);
  memset(&s, 0, sizeof s);
  src_set_each_file(c, 1);
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_STR(w.buf, "blob: binary (no extension, and not text), skipped\n"
                   "budget.xlsx: a .xlsx file, not read: lector reads .txt, .md, .jsonl, .json, .csv, .tsv, .conllu, "
                   ".vrt, .html, .htm, .xhtml, .pdf or .eml\n");
  CHECK_STR(s.buf, "blob: binary\nbudget.xlsx: unknown type\n");
  src_list_free(&l);
  src_close(c);
}

/* A mail, and every document of the folder read again the same (the files without an extension
** sniffed again). */
static void test_mail_reread(void) {
  wlog w;
  skips s;
  src_ctx *c = open_fixtures(&w, &s);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "mail", SRC_MAIL, &ds), 0);
  CHECK_INT(ds.n, 1);
  if (ds.n == 1) {
    const src_doc *d = &ds.d[0];
    CHECK_STR(d->text, "The vote on Iraq was delayed again.\n");
    CHECK_STR(meta_str(d), "title=Vote delayed|date=2003-02-27|author=Jane Reporter <jane@example.org>|"
                           "to=desk@example.org|date_from=document|lang=en");
    size_t n;
    char *file = ct_slurp(FIXTURES "/mail", &n);
    const char *at = strstr(d->text, "delayed");
    CHECK_MEM(file + src_to_orig(d, (uint64_t)(at - d->text)), 7, "delayed");
    free(file);
  }
  docs_free(&ds);
  static const char *const paths[] = { "savedpage", "inspection", "mail", "notes", "vote.html", "report.pdf", NULL };
  for (int i = 0; paths[i]; i++) {
    src_list l = { 0 };
    src_scan(c, &l);
    for (size_t f = 0; f < l.n; f++) {
      if (strcmp(l.f[f].path, paths[i]) != 0) continue;
      src_load(c, &l.f[f], on_doc, &ds);
    }
    src_list_free(&l);
    CHECK_INT(ds.n, 1);
    if (ds.n != 1) { docs_free(&ds); continue; }
    src_doc b;
    char err[256];
    const src_doc *a = &ds.d[0];
    CHECK_INT(src_read_doc(c, paths[i], a->line, a->byte_start, a->byte_len, &b, err, sizeof err), 0);
    CHECK_STR(b.text, a->text);
    CHECK_STR(meta_str(&b), meta_str(a));
    src_doc_free(&b);
    docs_free(&ds);
  }
  src_close(c);
}

int main(void) {
  RUN(test_html);
  RUN(test_html_odd);
  RUN(test_pdf);
  RUN(test_sniff);
  RUN(test_scan);
  RUN(test_mail_reread);
  return ct_summary();
}
