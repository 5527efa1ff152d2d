/*
** test_names.c: unit tests of metadata from file names (host/core/source/namemeta.c): fields split
** on separators, a pattern of named fields, dates written as dates as precise as they are given,
** "year" dating a document, one warning per file whose name does not fit, the document's own
** fields and the sidecar winning, and the description in the context hash.
*/
#include "ctest.h"
#include "source/source.h"
#include "srcfix.h"


static void test_fields(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "1990_bush_r.txt", "Iraq must comply.\n");
  puts_(dir, "19901119-baker.txt", "Baker.\n");
  puts_(dir, "notes.txt", "Odd name.\n");
  puts_(dir, "1991_gorbachev_cpsu.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\", \"party\": \"own\"}\n{\"x\": 1}\n");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  uint64_t before = src_context_hash(c);
  CHECK_INT(src_set_name_fields(c, "year,speaker,party", NULL, err, sizeof err), 0);
  CHECK(src_context_hash(c) != before);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "1990_bush_r.txt", SRC_TXT, &ds), 0);
  CHECK_INT(load(c, "notes.txt", SRC_TXT, &ds), 0);
  CHECK_INT(load(c, "1991_gorbachev_cpsu.jsonl", SRC_JSONL, &ds), 0);
  CHECK_STR(w.buf, "notes.txt: the name has 1 part split on \"_-\", --name-fields has 3 (year,speaker,party): "
                   "no fields taken from it\n"
                   "1991_gorbachev_cpsu.jsonl: line 3: no text field (\"text\", \"body\" or \"content\"), line skipped\n");
  CHECK_INT(ds.n, 4);
  if (ds.n == 4) {
    CHECK_STR(meta_str(&ds.d[0]), "date=1990|year=1990|speaker=bush|party=r|date_from=file name|lang=und");
    CHECK_STR(meta_str(&ds.d[1]), "lang=und");
    CHECK_STR(meta_str(&ds.d[2]), "date=1991|year=1991|speaker=gorbachev|party=cpsu|date_from=file name|lang=und");
    CHECK_STR(meta_str(&ds.d[3]), "date=1991|year=1991|speaker=gorbachev|party=own|date_from=file name|lang=und");  /* its own field wins */
  }
  docs_free(&ds);
  /* another separator; an empty name skips its part; a full date is written as one */
  wlog_clear(&w);
  CHECK_INT(src_set_name_fields(c, "date,", "-", err, sizeof err), 0);
  CHECK_INT(load(c, "19901119-baker.txt", SRC_TXT, &ds), 0);
  CHECK_STR(w.buf, "");
  CHECK_STR(meta_str(&ds.d[0]), "date=1990-11-19|date_from=file name|lang=und");
  docs_free(&ds);
  CHECK_INT(src_set_name_fields(c, "year,sp eaker", NULL, err, sizeof err), -1);
  CHECK_STR(err, "--name-fields: \"sp eaker\" is not a field name (letters, digits, '_', '-', '.')");
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_pattern(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "USA_45_1990.txt", "Sanctions.\n");
  puts_(dir, "sub/GBR_58_EU_2003-02.txt", "War.\n");
  puts_(dir, "readme.txt", "x\n");
  puts_(dir, "metadata.tsv", "file\tsession\nUSA_45_1990.txt\t45th\n");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  CHECK_INT(src_set_name_pattern(c, "{country}_{session}_{year}", err, sizeof err), 0);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "USA_45_1990.txt", SRC_TXT, &ds), 0);
  CHECK_INT(load(c, "sub/GBR_58_EU_2003-02.txt", SRC_TXT, &ds), 0);
  CHECK_INT(load(c, "readme.txt", SRC_TXT, &ds), 0);
  CHECK_STR(w.buf, "readme.txt: the name \"readme\" does not fit --name-pattern {country}_{session}_{year}: "
                   "no fields taken from it\n");
  CHECK_INT(ds.n, 3);
  if (ds.n == 3) {
    /* the sidecar wins; a field takes as little as lets the rest match (the last one the rest) */
    CHECK_STR(meta_str(&ds.d[0]), "date=1990|country=USA|session=45th|year=1990|date_from=file name|lang=und");
    CHECK_STR(meta_str(&ds.d[1]), "country=GBR|session=58|year=EU_2003-02|lang=und");
    CHECK_STR(meta_str(&ds.d[2]), "lang=und");
  }
  docs_free(&ds);
  CHECK_INT(src_set_name_pattern(c, "{a}{b}", err, sizeof err), -1);
  CHECK_STR(err, "--name-pattern: two fields with nothing between them at byte 3");
  CHECK_INT(src_set_name_pattern(c, "plain", err, sizeof err), -1);
  CHECK_STR(err, "--name-pattern: no {field} in \"plain\"");
  CHECK_INT(src_set_name_pattern(c, "{a}_{", err, sizeof err), -1);
  CHECK_STR(err, "--name-pattern: '{' without '}' at byte 4");
  src_close(c);
  rmtree(dir);
  free(dir);
}

/* A date from several sources: the text's, then the file name's, then the document's own field, then
** the sidecar's, the last one winning, and date_from says which. */
static void test_date_sources(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "1990_a.txt", "Paris, 19 November 1991\n\nText.\n");
  puts_(dir, "x_b.txt", "Paris, 19 November 1991\n\nText.\n");
  puts_(dir, "1992_c.jsonl", "{\"text\": \"T.\", \"date\": \"January 2, 1993\"}\n");   /* written out: kept as ISO */
  puts_(dir, "1994_d.txt", "Text.\n");
  puts_(dir, "metadata.tsv", "file\tdate\n1994_d.txt\t1995-03\n");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  CHECK_INT(src_set_name_fields(c, "year,who", NULL, err, sizeof err), 0);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 4);
  CHECK_INT(ds.n, 4);
  if (ds.n == 4) {
    CHECK_STR(meta_str(&ds.d[0]), "date=1990|year=1990|who=a|date_from=file name|lang=und");
    CHECK_STR(meta_str(&ds.d[1]), "date=1993-01-02|year=1992|who=c|date_from=document|lang=und");
    CHECK_STR(meta_str(&ds.d[2]), "date=1995-03|year=1994|who=d|date_from=metadata.tsv|lang=und");
    CHECK_STR(meta_str(&ds.d[3]), "date=1991-11-19|year=x|who=b|date_from=text|lang=und");
  }
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

int main(void) {
  RUN(test_fields);
  RUN(test_date_sources);
  RUN(test_pattern);
  return ct_summary();
}
