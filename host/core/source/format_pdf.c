/*
** format_pdf.c: PDF files (.pdf, and files without an extension that start with "%PDF-"), one
** document per file, read by poppler (libpoppler-glib). The library is opened with dlopen at the
** first PDF: a program that embeds lector and reads no PDF loads nothing more, and liblector.a and
** lector.so need no new link flags; without libpoppler-glib8 a PDF is named as not read. The text is
** each page's text in reading order, pages apart as paragraphs; each page is a region "page" with
** its number (number="3"), so a hit can say its page (doc/formats.md). Info's Title, Author and
** CreationDate are the title, author and date. An encrypted PDF (it needs a password), a damaged
** one, and one with no text layer (scanned pages) are named with the reason and not read. poppler
** is called by one thread at a time: its global state is not meant to be shared.
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "source_int.h"

#if !defined(SRC_POPPLER_LIB)
#define SRC_POPPLER_LIB "libpoppler-glib.so.8"
#endif

/* {====================================================================== poppler, opened at run time */

typedef struct gerror { uint32_t domain; int code; char *message; } gerror;   /* GLib's GError */
enum { PDF_ERR_INVALID, PDF_ERR_ENCRYPTED, PDF_ERR_OPEN_FILE, PDF_ERR_BAD_CATALOG, PDF_ERR_DAMAGED };

static struct poppler {
  void *lib;
  void *(*new_from_data)(char *data, int length, const char *password, gerror **error);
  int (*n_pages)(void *doc);
  void *(*get_page)(void *doc, int index);
  char *(*page_text)(void *page);
  char *(*title)(void *doc);
  char *(*author)(void *doc);
  long (*creation_date)(void *doc);
  void (*unref)(void *object);
  void (*gfree)(void *p);
  void (*error_free)(gerror *e);
} pop;

static pthread_once_t pop_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t pop_lock = PTHREAD_MUTEX_INITIALIZER;

static void pop_open(void) {
  void *lib = dlopen(SRC_POPPLER_LIB, RTLD_NOW | RTLD_LOCAL);
  if (!lib) return;
#define SYM(field, name) (*(void **)&pop.field = dlsym(lib, name))
  int ok = SYM(new_from_data, "poppler_document_new_from_data") && SYM(n_pages, "poppler_document_get_n_pages") &&
           SYM(get_page, "poppler_document_get_page") && SYM(page_text, "poppler_page_get_text") &&
           SYM(title, "poppler_document_get_title") && SYM(author, "poppler_document_get_author") &&
           SYM(creation_date, "poppler_document_get_creation_date") && SYM(unref, "g_object_unref") &&
           SYM(gfree, "g_free") && SYM(error_free, "g_error_free");
#undef SYM
  if (!ok) { dlclose(lib); return; }
  pop.lib = lib;
}

/* }====================================================================== */

/* {====================================================================== the text */

/* The pages' regions, built beside the text: "page" with number="N" over each page that has text. */
typedef struct pages {
  src_struct *st;
  size_t n, cap;
  src_nbuf pool;
} pages;

static void add_page(pages *pg, int number, size_t first, size_t end) {
  char num[16];
  int k = snprintf(num, sizeof num, "%d", number);
  if (pg->n == pg->cap && src_grow(&pg->st, &pg->cap, pg->n + 1, sizeof *pg->st)) { pg->pool.err = 1; return; }
  if (!pg->pool.n) src_nb_put(&pg->pool, "page", 5, 0);
  src_struct *s = &pg->st[pg->n++];
  s->name = 0;
  s->first = (uint32_t)first;
  s->end = (uint32_t)end;
  s->attrs = (uint32_t)pg->pool.n;
  src_nb_put(&pg->pool, "number", 7, 0);
  src_nb_put(&pg->pool, num, (size_t)k + 1, 0);
  src_nb_put(&pg->pool, "", 1, 0);
}

/* One page's text into t: form feeds left out, lines kept, white space at its ends trimmed. */
static void put_page(src_nbuf *t, const char *s) {
  size_t a = 0, b = strlen(s);
  while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\f' || s[a] == '\t' || s[a] == '\r')) a++;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\f' || s[b - 1] == '\t' || s[b - 1] == '\r')) b--;
  for (size_t i = a; i < b; i++) {
    if (s[i] == '\f' || s[i] == '\r') continue;
    src_nb_put(t, s + i, 1, 0);
  }
}

/* A time_t as an ISO day. */
static void iso_day(long t, char iso[11]) {
  time_t tt = (time_t)t;
  struct tm tm;
  iso[0] = '\0';
  if (t < 0 || !gmtime_r(&tt, &tm) || tm.tm_year + 1900 > 9999) return;
  strftime(iso, 11, "%Y-%m-%d", &tm);
}

/* The PDF in buf[0, n) as document d (buf is the caller's). Returns 0; 1 when skipped (warned); -1
** when memory ran out. */
static int pdf_doc(src_loader *L, char *buf, size_t n, src_doc *d) {
  memset(d, 0, sizeof *d);
  pthread_once(&pop_once, pop_open);
  if (!pop.lib) {
    src_lwarn(L, "no PDF reader: %s is not installed (Debian: libpoppler-glib8), skipped", SRC_POPPLER_LIB);
    src_lskip(L, "no PDF reader");
    return 1;
  }
  if (n > 0x7FFFFFFF) {
    src_lwarn(L, "larger than 2 GiB, which poppler cannot take, skipped");
    src_lskip(L, "too large");
    return 1;
  }
  src_nbuf t, meta;
  pages pg;
  src_kvb f;
  memset(&t, 0, sizeof t);
  memset(&meta, 0, sizeof meta);
  memset(&pg, 0, sizeof pg);
  memset(&f, 0, sizeof f);
  t.nomap = pg.pool.nomap = 1;
  gerror *e = NULL;
  int rc = 0, npages = 0;
  char date[11] = "";
  pthread_mutex_lock(&pop_lock);
  void *doc = pop.new_from_data(buf, (int)n, NULL, &e);
  if (!doc) {
    int encrypted = e && e->code == PDF_ERR_ENCRYPTED;
    if (encrypted) src_lwarn(L, "encrypted PDF: it needs a password, skipped");
    else src_lwarn(L, "damaged PDF (poppler: %s), skipped", e && e->message ? e->message : "no reason given");
    src_lskip(L, encrypted ? "encrypted" : "damaged");
    if (e) pop.error_free(e);
    pthread_mutex_unlock(&pop_lock);
    return 1;
  }
  npages = pop.n_pages(doc);
  for (int i = 0; i < npages; i++) {
    void *page = pop.get_page(doc, i);
    char *s = page ? pop.page_text(page) : NULL;
    size_t before = t.n, sep = t.n ? 2 : 0;
    if (s && *s) {
      if (sep) src_nb_put(&t, "\n\n", 2, 0);
      put_page(&t, s);
      if (t.n == before + sep) t.n = before;                /* white space only */
      else add_page(&pg, i + 1, before + sep, t.n);
    }
    if (s) pop.gfree(s);
    if (page) pop.unref(page);
  }
  char *title = pop.title(doc), *author = pop.author(doc);
  iso_day(pop.creation_date(doc), date);
  if (title && *title) rc |= src_kvb_put(&f, "title", 5, title, strlen(title), 1);
  if (author && *author) rc |= src_kvb_put(&f, "author", 6, author, strlen(author), 1);
  if (date[0]) rc |= src_kvb_put(&f, "date", 4, date, strlen(date), 1);
  pop.gfree(title);
  pop.gfree(author);
  pop.unref(doc);
  pthread_mutex_unlock(&pop_lock);
  if (rc || t.err == 1 || pg.pool.err == 1) { rc = -1; goto out; }
  if (t.err || !t.n) {
    if (t.err) src_lwarn(L, "text larger than 4 GiB, skipped");
    else src_lwarn(L, "PDF without a text layer in its %d page%s (scanned images?), skipped", npages, npages == 1 ? "" : "s");
    src_lskip(L, t.err ? "too large" : "no text");
    rc = 1;
    goto out;
  }
  d->byte_len = n;
  if (!(d->name = strdup(L->base)) || !(d->spans = calloc(1, sizeof *d->spans)) || src_nb_take(&t, d)) {
    rc = -1;
    goto out;
  }
  d->spans->st = pg.st;
  d->spans->nst = pg.n;
  d->spans->pool = pg.pool.s;
  d->spans->pool_len = pg.pool.n;
  pg.st = NULL;
  pg.pool.s = NULL;
  if (src_doc_finish(L, d, 1, &f)) rc = -1;
out:
  if (rc < 0) src_doc_free(d);
  src_nb_free(&t);
  src_nb_free(&pg.pool);
  free(pg.st);
  src_kvb_free(&f);
  return rc;
}

/* }====================================================================== */

static const char *const pdf_extensions[] = { ".pdf", NULL };

const src_format src_format_pdf = { "pdf", SRC_PDF, pdf_extensions, NULL, NULL, pdf_doc };
