/*
** test_csv.c: unit tests of tables of documents in the loader (host/core/source/format_csv.c,
** records.c): a .csv (RFC 4180) or .tsv file, one document per row named by its line, the text
** column found by name or given, the other columns as metadata, text mapped back to the file's
** bytes through quotes, every row or table not read named with the reason, the sidecar left out,
** and a row read again by its bytes.
*/
#include "ctest.h"
#include "source/source.h"
#include "srcfix.h"

static const char votes[] =
  "\xEF\xBB\xBF" "date,speaker,party,Text\r\n"
  "1990-11-19,Bush,R,\"We will not accept \"\"it\"\", Kuwait.\"\r\n"
  "2003-02-27,Putin,UR,\"Russia,\nobjects.\"\r\n"
  "2004,Kerry,D\r\n"
  "\r\n"
  "2005,Obama, ,Hope.\r\n";

static void test_csv(void) {
  char *dir = mkcorpus();
  puts_(dir, "votes.csv", votes);
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "votes.csv", SRC_TABLE, &ds), 0);
  CHECK_STR(w.buf, "votes.csv: line 5: 3 fields where the header has 4, row skipped\n");
  CHECK_INT(ds.n, 3);
  if (ds.n == 3) {
    CHECK_STR(ds.d[0].name, "votes.csv#2");
    CHECK_STR(ds.d[0].text, "We will not accept \"it\", Kuwait.");
    CHECK_STR(meta_str(&ds.d[0]), "date=1990-11-19|speaker=Bush|party=R|date_from=document|lang=en");
    CHECK_STR(ds.d[1].name, "votes.csv#3");
    CHECK_STR(ds.d[1].text, "Russia,\nobjects.");
    CHECK_STR(ds.d[2].name, "votes.csv#7");
    CHECK_STR(meta_str(&ds.d[2]), "date=2005|speaker=Obama|date_from=document|lang=und");   /* an empty cell: no field */
    /* the text maps back to the file's bytes, past the doubled quotes */
    const src_doc *d = &ds.d[0];
    const char *k = strstr(d->text, "Kuwait");
    uint64_t at = d->byte_start + src_to_orig(d, (uint64_t)(k - d->text));
    CHECK_MEM(votes + at, 6, "Kuwait");
    d = &ds.d[1];
    at = d->byte_start + src_to_orig(d, 8);
    CHECK_MEM(votes + at, 7, "objects");
  }
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_tables(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "t.tsv", "speaker\tbody\tnote\nA\tTabbed text.\t\n");
  puts_(dir, "notext.csv", "a,b\n1,2\n");
  puts_(dir, "open.csv", "text,x\n\"never closed,1\n");
  puts_(dir, "latin.csv", "text\ncaf\xe9\n");
  puts_(dir, "empty.tsv", "\n\n");
  puts_(dir, "metadata.tsv", "file\tkind\nt.tsv#2\tnote\n");
  puts_(dir, "entities.tsv", "name\ttype\talias\nIraq\tcountry\tIraq\n");    /* a lexicon, no document */
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_INT(l.n, 5);                         /* the sidecar and a lexicon describe the corpus: no documents */
  docs ds = { .n = 0 };
  for (size_t i = 0; i < l.n; i++) CHECK_INT(src_load(c, &l.f[i], on_doc, &ds), 0);
  src_list_free(&l);
  CHECK_STR(w.buf, "empty.tsv: empty, skipped\n"
                   "latin.csv: not valid UTF-8 (byte offset 8), skipped: save the table as UTF-8\n"
                   "notext.csv: line 1: no text column (\"text\", \"body\" or \"content\"; columns: a, b), skipped\n"
                   "open.csv: line 2: a quoted field is never closed, the rest of the file skipped\n");
  CHECK_INT(ds.n, 1);
  if (ds.n == 1) {
    CHECK_STR(ds.d[0].text, "Tabbed text.");
    CHECK_STR(meta_str(&ds.d[0]), "speaker=A|kind=note|lang=und");
  }
  docs_free(&ds);
  /* a text column named by the corpus */
  wlog_clear(&w);
  CHECK_INT(src_set_text_field(c, "a"), 0);
  CHECK_INT(load(c, "notext.csv", SRC_TABLE, &ds), 0);
  CHECK_STR(w.buf, "");
  CHECK_INT(ds.n, 1);
  if (ds.n == 1) CHECK_STR(meta_str(&ds.d[0]), "b=2|lang=und");
  docs_free(&ds);
  CHECK_INT(load(c, "t.tsv", SRC_TABLE, &ds), 0);
  CHECK_STR(w.buf, "t.tsv: line 1: no column \"a\" (columns: speaker, body, note), skipped\n");
  docs_free(&ds);
  (void)err;
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_reread(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "votes.csv", votes);
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "votes.csv", SRC_TABLE, &ds), 0);
  for (int i = 0; i < ds.n; i++) {
    const src_doc *a = &ds.d[i];
    src_doc b;
    CHECK_INT(src_read_doc(c, "votes.csv", a->line, a->byte_start, a->byte_len, &b, err, sizeof err), 0);
    CHECK_STR(b.text, a->text);
    CHECK_STR(b.name, a->name);
    CHECK_STR(meta_str(&b), meta_str(a));
    src_doc_free(&b);
  }
  src_doc b;
  const src_doc *a = &ds.d[1];
  CHECK_INT(src_read_doc(c, "votes.csv", a->line, a->byte_start + 2, a->byte_len, &b, err, sizeof err), -1);
  CHECK_STR(err, "votes.csv#3: changed since it was indexed");
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

int main(void) {
  RUN(test_csv);
  RUN(test_tables);
  RUN(test_reread);
  return ct_summary();
}
