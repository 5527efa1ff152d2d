/*
** test_query.c: lector_query_run from C, with plans written by hand (as lector.query.compile
** writes them): sequences driven by an anchor, a scan without one, the guards, the count path,
** and plans that do not hold together (random ones too): an error, never a crash.
*/
#include <stdlib.h>
#include <unistd.h>

#include "ctest.h"
#include "lector.h"

static char dir[64];
static lector_corpus *C;

/* tokens: the0 cat1 sat2 on3 the4 mat5 .6 The7 dog8 sat9 .10 */
static void open_corpus(void) {
  snprintf(dir, sizeof dir, "/tmp/lector-test-query.XXXXXX");
  if (!mkdtemp(dir)) { perror("mkdtemp"); exit(2); }
  char path[128];
  snprintf(path, sizeof path, "%s/a.txt", dir);
  FILE *f = fopen(path, "w");
  if (!f) { perror(path); exit(2); }
  fputs("the cat sat on the mat. The dog sat.\n", f);
  fclose(f);
  lector_options o;
  lector_options_init(&o);
  o.store = 0;
  char err[256];
  if (lector_open(dir, &o, &C, err, sizeof err)) { fprintf(stderr, "lector_open: %s\n", err); exit(2); }
}

#define W(re, fl) { LECTOR_QN_WORD, -1, -1, NULL, re, fl }

static lector_qplan plan(const lector_qnode *n, size_t nn, const lector_qinstr *p, size_t np,
                         const lector_qanchor *a, size_t na) {
  lector_qplan q = { n, nn, p, np, a, na, na ? 1 : 0, -1, -1, 0, 0, -1 };
  return q;
}

static void test_sequence(void) {
  /* "the"%c [] "sat": the anchor is "sat", two tokens after the start */
  lector_qnode n[] = { W("the", LECTOR_QF_FOLD), { LECTOR_QN_ANY, -1, -1, NULL, NULL, 0 }, W("sat", 0) };
  lector_qinstr p[] = { { LECTOR_QI_TOK, 0, 0 }, { LECTOR_QI_TOK, 1, 0 }, { LECTOR_QI_TOK, 2, 0 }, { LECTOR_QI_MATCH, 0, 0 } };
  lector_qanchor a[] = { { 0, 2, 2, 2 }, { 0, 0, 0, 0 } };
  lector_qplan q = plan(n, 3, p, 4, a, 2);
  lector_hits h;
  lector_hits_init(&h);
  char err[256];
  int stopped = -1;
  CHECK_INT(lector_query_run(C, &q, NULL, &h, &stopped, err, sizeof err), 2);
  CHECK_INT(stopped, 0);
  CHECK_INT(h.n, 2);
  CHECK_INT(h.start[0], 0); CHECK_INT(h.end[0], 2);
  CHECK_INT(h.start[1], 7); CHECK_INT(h.end[1], 9);
  CHECK(h.target == NULL);
  lector_hits_free(&h);
  CHECK_INT(lector_query_run(C, &q, NULL, NULL, NULL, err, sizeof err), 2);
  /* without anchors every position is tried: the same answer */
  q = plan(n, 3, p, 4, NULL, 0);
  CHECK_INT(lector_query_run(C, &q, NULL, NULL, NULL, err, sizeof err), 2);
  /* exact: "the" is not "The" */
  n[0].flags = 0;
  CHECK_INT(lector_query_run(C, &q, NULL, NULL, NULL, err, sizeof err), 1);
}

static void test_target_and_close(void) {
  /* "sat" @[] </s> */
  lector_qnode n[] = { W("sat", 0), { LECTOR_QN_ANY, -1, -1, NULL, NULL, 0 } };
  lector_qinstr p[] = { { LECTOR_QI_TOK, 0, 0 }, { LECTOR_QI_LABEL, 0, 0 }, { LECTOR_QI_TOK, 1, 0 },
                        { LECTOR_QI_CLOSE, LECTOR_REGION_SENTENCE, 0 }, { LECTOR_QI_MATCH, 0, 0 } };
  lector_qanchor a[] = { { 0, 0, 0, 0 } };
  lector_qplan q = plan(n, 2, p, 5, a, 1);
  q.nlabels = 1;
  q.target = 0;
  lector_hits h;
  lector_hits_init(&h);
  char err[256];
  CHECK_INT(lector_query_run(C, &q, NULL, &h, NULL, err, sizeof err), 1);
  CHECK_INT(h.start[0], 9); CHECK_INT(h.end[0], 10);
  CHECK(h.target != NULL);
  if (h.target) CHECK_INT(h.target[0], 10);
  lector_hits_free(&h);
}

static void test_guards(void) {
  lector_qnode n[] = { { LECTOR_QN_ANY, -1, -1, NULL, NULL, 0 } };
  lector_qinstr p[] = { { LECTOR_QI_TOK, 0, 0 }, { LECTOR_QI_MATCH, 0, 0 } };
  lector_qplan q = plan(n, 1, p, 2, NULL, 0);
  lector_qopts o;
  lector_qopts_init(&o);
  o.max_hits = 3;
  lector_hits h;
  lector_hits_init(&h);
  char err[256];
  int stopped = 0;
  CHECK_INT(lector_query_run(C, &q, &o, &h, &stopped, err, sizeof err), 3);
  CHECK_INT(stopped, LECTOR_QSTOP_LIMIT);
  CHECK_STR(err, "query stopped at the hit limit of 3 hits (set a higher limit to see more)");
  lector_hits_free(&h);
  CHECK_INT(lector_query_run(C, &q, &o, NULL, &stopped, err, sizeof err), 11);   /* counting: no limit */
  CHECK_INT(stopped, 0);
}

static void test_bad_plans(void) {
  char err[256];
  lector_qnode n[] = { W("(", 0) };
  lector_qinstr p[] = { { LECTOR_QI_TOK, 0, 0 }, { LECTOR_QI_MATCH, 0, 0 } };
  lector_qplan q = plan(n, 1, p, 2, NULL, 0);
  CHECK_INT(lector_query_run(C, &q, NULL, NULL, NULL, err, sizeof err), -1);
  CHECK(strncmp(err, "bad regular expression \"(\": missing closing parenthesis", 55) == 0);
  lector_qinstr bad[] = { { LECTOR_QI_TOK, 5, 0 }, { LECTOR_QI_MATCH, 0, 0 } };
  q = plan(n, 1, bad, 2, NULL, 0);
  CHECK_INT(lector_query_run(C, &q, NULL, NULL, NULL, err, sizeof err), -1);
  CHECK_STR(err, "query plan: node 5 out of range");
  /* random plans: any answer but a crash (make check runs this under the sanitizers) */
  unsigned seed = 99;
  int ok = 1;
  for (int k = 0; k < 3000 && ok; k++) {
    lector_qnode rn[6];
    lector_qinstr rp[8];
    lector_qanchor ra[2];
    for (int i = 0; i < 6; i++) {
      seed = seed * 1103515245u + 12345u;
      rn[i] = (lector_qnode){ (int)(seed >> 8) % 10 - 1, (int)(seed >> 12) % 8 - 1, (int)(seed >> 16) % 8 - 1, "year",
                              (seed >> 20) % 2 ? "sat|the" : "[", (int)(seed >> 24) % 8 };
    }
    for (int i = 0; i < 8; i++) {
      seed = seed * 1103515245u + 12345u;
      rp[i] = (lector_qinstr){ (int)(seed >> 8) % 9 - 1, (int)(seed >> 12) % 10 - 1, (int)(seed >> 16) % 10 - 1 };
    }
    for (int i = 0; i < 2; i++) {
      seed = seed * 1103515245u + 12345u;
      ra[i] = (lector_qanchor){ (int)(seed >> 8) % 3 - 1, (int)(seed >> 12) % 8 - 1, (seed >> 16) % 4, (seed >> 20) % 6 };
    }
    seed = seed * 1103515245u + 12345u;
    lector_qplan rq = { rn, 6, rp, 1 + (seed >> 8) % 8, ra, (seed >> 12) % 3, (int)((seed >> 14) % 5) - 2,
                        (int)((seed >> 16) % 8) - 2, (int)((seed >> 19) % 7) - 2, (seed >> 22) % 3,
                        (int)((seed >> 24) % 4) - 1, (int)((seed >> 26) % 4) - 1 };
    lector_hits h;
    lector_hits_init(&h);
    int64_t r = lector_query_run(C, &rq, NULL, &h, NULL, err, sizeof err);
    if (r < -1 || (r >= 0 && (size_t)r != h.n)) ok = 0;
    lector_hits_free(&h);
  }
  CHECK(ok);
}

int main(void) {
  open_corpus();
  RUN(test_sequence);
  RUN(test_target_and_close);
  RUN(test_guards);
  RUN(test_bad_plans);
  lector_close(C);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  return ct_summary();
}
