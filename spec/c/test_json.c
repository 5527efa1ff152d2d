/*
** test_json.c: unit tests of JSON documents in the loader (host/core/source/format_json.c, json.c):
** a .json file of one object or of an array of objects, the text field ("text", else "body", else
** "content", or the one the corpus names), nested objects flattened into metadata, every element
** or file that is not read named with the reason, and a document read again by its bytes. Each
** test makes its own corpus under /tmp; every check is against an exact value.
*/
#include "ctest.h"
#include "source/source.h"
#include "srcfix.h"

static const char speeches[] =
  "[\n"
  "  {\"date\": \"1990-11-19\", \"speaker\": \"Bush\", \"party\": \"R\", \"text\": \"We will not accept it.\"},\n"
  "  {\"speaker\": {\"name\": \"Putin\", \"office\": {\"title\": \"President\"}}, \"body\": \"Russia objects.\"},\n"
  "  \"a stray string\",\n"
  "  {\"title\": \"no text here\"},\n"
  "  {\"content\": \"Sanctions stay.\", \"tags\": [\"un\", \"iraq\"], \"n\": 3, \"ok\": true, \"x\": null},\n"
  "  {\"body\": \"second choice\", \"text\": \"first choice\"}\n"
  "]\n";

static void test_array(void) {
  char *dir = mkcorpus();
  puts_(dir, "speeches.json", speeches);
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "speeches.json", SRC_JSONDOC, &ds), 0);
  CHECK_STR(w.buf, "speeches.json: element 3 (byte offset 192): not a JSON object, element skipped\n"
                   "speeches.json: element 4: no text field (\"text\", \"body\" or \"content\"), element skipped\n");
  CHECK_INT(ds.n, 4);
  if (ds.n == 4) {
    CHECK_STR(ds.d[0].name, "speeches.json#1");
    CHECK_STR(ds.d[0].text, "We will not accept it.");
    CHECK_STR(meta_str(&ds.d[0]), "date=1990-11-19|speaker=Bush|party=R|date_from=document|lang=en");
    CHECK_STR(ds.d[1].name, "speeches.json#2");
    CHECK_STR(ds.d[1].text, "Russia objects.");
    CHECK_STR(meta_str(&ds.d[1]), "speaker.name=Putin|speaker.office.title=President|lang=und");
    CHECK_STR(ds.d[2].name, "speeches.json#5");
    CHECK_STR(meta_str(&ds.d[2]), "tags=[\"un\", \"iraq\"]|n=3|ok=true|lang=und");
    /* "text" before "body", whatever their order; the other one is metadata */
    CHECK_STR(ds.d[3].text, "first choice");
    CHECK_STR(meta_str(&ds.d[3]), "body=second choice|lang=und");
    /* a document's bytes are its object's: its text maps back into the file */
    const src_doc *d = &ds.d[1];
    CHECK_INT(d->line, 2);
    CHECK_MEM(speeches + d->byte_start, 1, "{");
    CHECK_MEM(speeches + d->byte_start + d->byte_len - 1, 1, "}");
    CHECK_MEM(speeches + d->byte_start + src_to_orig(d, 0), 6, "Russia");
  }
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_object_and_errors(void) {
  char *dir = mkcorpus();
  puts_(dir, "one.json", "\xEF\xBB\xBF\n  {\"headline\": \"One\", \"text\": \"The Council met.\"}\n");
  puts_(dir, "bad.json", "\"just a string\"\n");
  puts_(dir, "broken.json", "{\"a\": 1,}\n");
  puts_(dir, "empty.json", " \n");
  puts_(dir, "after.json", "[{\"text\": \"kept\"}] trailing\n");
  puts_(dir, "cut.json", "[{\"text\": \"kept\"} {\"text\": \"lost\"}]\n");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_INT(l.n, 6);
  docs ds = { .n = 0 };
  for (size_t i = 0; i < l.n; i++) {
    CHECK_INT(l.f[i].kind, SRC_JSONDOC);
    CHECK_INT(src_load(c, &l.f[i], on_doc, &ds), 0);
  }
  src_list_free(&l);
  CHECK_STR(w.buf, "after.json: byte offset 19: text after the array, not read\n"
                   "bad.json: not a JSON object or an array of objects, skipped\n"
                   "broken.json: invalid JSON at byte 8: expected a string key, skipped\n"
                   "cut.json: byte offset 18: expected ',' or ']' after element 1; the rest of the file skipped\n"
                   "empty.json: empty, skipped\n");
  CHECK_INT(ds.n, 3);
  if (ds.n == 3) {
    CHECK_STR(ds.d[0].name, "after.json#1");
    CHECK_STR(ds.d[1].name, "cut.json#1");
    CHECK_STR(ds.d[2].name, "one.json");
    CHECK_STR(ds.d[2].text, "The Council met.");
    CHECK_STR(meta_str(&ds.d[2]), "headline=One|lang=und");
    CHECK_INT(ds.d[2].line, 0);
    CHECK_INT(ds.d[2].byte_start, 3);
  }
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_text_field(void) {
  char *dir = mkcorpus();
  puts_(dir, "s.json", "[{\"speech\": \"We want peace.\", \"text\": \"a summary\"}, {\"text\": \"no speech\"},"
                       " {\"speech\": 7}]");
  puts_(dir, "l.jsonl", "{\"speech\": \"From a line.\", \"meta\": {\"k\": \"v\"}}\n");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  uint64_t before = src_context_hash(c);
  CHECK_INT(src_set_text_field(c, "speech"), 0);
  CHECK(src_context_hash(c) != before);           /* an index built with another field is stale */
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "s.json", SRC_JSONDOC, &ds), 0);
  CHECK_INT(load(c, "l.jsonl", SRC_JSONL, &ds), 0);
  CHECK_STR(w.buf, "s.json: element 2: no \"speech\" field, element skipped\n"
                   "s.json: element 3: field \"speech\" is not a string, element skipped\n");
  CHECK_INT(ds.n, 2);
  if (ds.n == 2) {
    CHECK_STR(ds.d[0].text, "We want peace.");
    CHECK_STR(meta_str(&ds.d[0]), "text=a summary|lang=und");
    CHECK_STR(ds.d[1].name, "l.jsonl#1");
    CHECK_STR(ds.d[1].text, "From a line.");
    CHECK_STR(meta_str(&ds.d[1]), "meta.k=v|lang=und");
  }
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

static void test_reread(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "speeches.json", speeches);
  puts_(dir, "one.json", "{\"text\": \"The Council met.\"}");
  wlog w;
  src_ctx *c = wlog_open(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "speeches.json", SRC_JSONDOC, &ds), 0);
  CHECK_INT(load(c, "one.json", SRC_JSONDOC, &ds), 0);
  CHECK_INT(ds.n, 5);
  for (int i = 0; i < ds.n; i++) {
    const src_doc *a = &ds.d[i];
    src_doc b;
    const char *path = a->line ? "speeches.json" : "one.json";
    CHECK_INT(src_read_doc(c, path, a->line, a->byte_start, a->byte_len, &b, err, sizeof err), 0);
    CHECK_STR(b.text, a->text);
    CHECK_STR(b.name, a->name);
    CHECK_STR(meta_str(&b), meta_str(a));
    src_doc_free(&b);
  }
  /* bytes that are no longer the object: noticed */
  src_doc b;
  const src_doc *a = &ds.d[1];
  CHECK_INT(src_read_doc(c, "speeches.json", 2, a->byte_start + 1, a->byte_len, &b, err, sizeof err), -1);
  CHECK_STR(err, "speeches.json#2: changed since it was indexed");
  puts_(dir, "one.json", "{\"title\": \"gone\"}");
  CHECK_INT(src_read_doc(c, "one.json", 0, 0, 17, &b, err, sizeof err), -1);
  CHECK_STR(err, "one.json: changed since it was indexed");
  docs_free(&ds);
  src_close(c);
  rmtree(dir);
  free(dir);
}

int main(void) {
  RUN(test_array);
  RUN(test_object_and_errors);
  RUN(test_text_field);
  RUN(test_reread);
  return ct_summary();
}
