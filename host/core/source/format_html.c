/*
** format_html.c: web pages (.html, .htm, .xhtml, and files without an extension that start like
** one), one document per file, read by libxml2's HTML parser: it decodes entities and honours the
** page's encoding (BOM, <meta charset>), and recovers from broken markup as browsers do. The text is
** what a reader sees: block elements (p, div, h1-h6, li, tr, br, ...) end lines and paragraphs, so
** sentences and paragraphs come out right; scripts, styles, navigation chrome (nav, aside, forms,
** the page's header and footer, role=navigation/banner/contentinfo) and hidden elements are left
** out. <title>, <meta> dates, author and description, and <html lang> are the metadata. The text is
** made, not copied: a token's byte offsets are offsets in this text (doc/formats.md).
*/
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "source_int.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }   /* once, before threads parse */

/* libxml2 would print its complaints on stderr: they come here instead, while lector parses (its
** handlers are per thread, and given back after). Markup it mends is said nothing of; the first error of decoding is kept for a warning:
** bytes that are not the UTF-8 a page says it is (libxml2 reads it as ISO-8859-1), or bytes the
** page's encoding cannot decode (the page stops there). */
typedef struct xml_trouble { int line, code; char msg[160]; } xml_trouble;

static void xml_silent(void *ud, const char *fmt, ...) { (void)ud; (void)fmt; }

static void xml_error(void *ud, xmlErrorPtr e) {
  xml_trouble *t = ud;
  if (!t || t->msg[0] || !e || !e->message) return;
  if (e->domain != XML_FROM_I18N && e->domain != XML_FROM_IO && e->code != XML_ERR_INVALID_ENCODING) return;
  size_t n = strlen(e->message);
  while (n && (e->message[n - 1] == '\n' || e->message[n - 1] == ' ')) n--;
  snprintf(t->msg, sizeof t->msg, "%.*s", (int)n, e->message);
  t->line = e->line;
  t->code = e->code;
}

/* {====================================================================== elements */

static int name_in(const xmlChar *name, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (xmlStrcasecmp(name, (const xmlChar *)list[i]) == 0) return 1;
  return 0;
}

/* Elements that end a paragraph (a blank line) or a line around them. */
static const char *const para_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "main", "ul", "ol",
  "dl", "table", "pre", "figure", "figcaption", "address", "hr", "header", "footer", "details", "fieldset",
  "center", "body", NULL };
static const char *const line_elements[] = {
  "br", "li", "tr", "dt", "dd", "caption", "summary", "legend", "thead", "tbody", "tfoot", NULL };
/* Never text: code, styles, and what a page shows around its content rather than in it. */
static const char *const dropped_elements[] = {
  "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "math", "select",
  "button", "object", "embed", "canvas", "dialog", "audio", "video", "map", NULL };
static const char *const chrome_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", NULL };

/* Is the attribute's value, ASCII-lowered with its spaces dropped, holding want? */
static int attr_has(xmlNode *n, const char *attr, const char *want) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  if (!v) return 0;
  char buf[256];
  size_t k = 0;
  for (const xmlChar *p = v; *p && k + 1 < sizeof buf; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n') buf[k++] = (char)src_lower(*p);
  buf[k] = '\0';
  xmlFree(v);
  return strstr(buf, want) != NULL;
}

/* Left out with everything inside: code, chrome, hidden elements. page_level: not inside an
** <article> or <main>, where a <header> or <footer> is the page's own. */
static int dropped(xmlNode *n, int page_level) {
  if (name_in(n->name, dropped_elements)) return 1;
  if (page_level && (xmlStrcasecmp(n->name, (const xmlChar *)"header") == 0 ||
                     xmlStrcasecmp(n->name, (const xmlChar *)"footer") == 0)) return 1;
  xmlChar *role = xmlGetProp(n, (const xmlChar *)"role");
  if (role) {
    int chrome = name_in(role, chrome_roles);
    xmlFree(role);
    if (chrome) return 1;
  }
  if (xmlHasProp(n, (const xmlChar *)"hidden")) return 1;
  return attr_has(n, "aria-hidden", "true") || attr_has(n, "style", "display:none") ||
         attr_has(n, "style", "visibility:hidden");
}

/* }====================================================================== */

/* {====================================================================== metadata */

/* <meta> names (name=, property= or itemprop=) that date a page, the most telling first. */
static const char *const date_names[] = {
  "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
  "dcterms.date", "pubdate", "publishdate", "publish-date", "datepublished", "citation_publication_date",
  "og:published_time", "article:modified_time", "datemodified", NULL };

/* A date as pages write it (2003-02-27T10:00:00Z, 2003-02, 2003, February 27, 2003) as ISO, as
** precise as it is given; 0 when it is none. */
static int page_date(const char *v, char iso[11]) {
  size_t a = 0, b = strlen(v), digits = 0;
  src_trim(v, &a, &b);
  v += a;
  b -= a;
  while (digits < b && v[digits] >= '0' && v[digits] <= '9') digits++;
  if (digits == 4 && b >= 10 && v[4] == '-' && v[7] == '-') return src_parse_date(v, 10, iso) == 1;
  if (digits == 4 && b >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '9' && v[6] >= '0' && v[6] <= '9' &&
      (b == 7 || v[7] < '0' || v[7] > '9')) {
    int m = (v[5] - '0') * 10 + (v[6] - '0');
    if (m < 1 || m > 12) return 0;
    memcpy(iso, v, 7);
    iso[7] = '\0';
    return 1;
  }
  if (digits == 4 && (b == 4 || v[4] == 'T' || v[4] == ' ')) {
    memcpy(iso, v, 4);
    iso[4] = '\0';
    return 1;
  }
  if (digits == 8 && (b == 8 || v[8] == 'T')) {
    char d[11] = { v[0], v[1], v[2], v[3], '-', v[4], v[5], '-', v[6], v[7], 0 };
    return src_parse_date(d, 10, iso) == 1;
  }
  return src_parse_date(v, b, iso) == 1;
}

/* What a page says about itself, gathered while walking it. */
typedef struct page_meta {
  char *title, *author, *description, *lang;
  char *h1;              /* the first <h1>: the title of a page without <title> */
  char date[11];
  int date_rank;         /* the index in date_names of the date taken; INT_MAX for none */
  char time_date[11];    /* the first <time datetime> in the article (or the page) */
  int time_in_article;
} page_meta;

static void take(char **slot, const xmlChar *v) {
  if (*slot || !v) return;
  size_t a = 0, b = strlen((const char *)v);
  src_trim((const char *)v, &a, &b);
  if (b > a) *slot = src_dupn((const char *)v + a, b - a);
}

static void read_meta(page_meta *m, xmlNode *n) {
  static const char *const keys[] = { "name", "property", "itemprop", "http-equiv", NULL };
  xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
  if (!content) return;
  for (int k = 0; keys[k]; k++) {
    xmlChar *key = xmlGetProp(n, (const xmlChar *)keys[k]);
    if (!key) continue;
    char iso[11];
    for (int i = 0; date_names[i]; i++)
      if (i < m->date_rank && xmlStrcasecmp(key, (const xmlChar *)date_names[i]) == 0 &&
          page_date((const char *)content, iso)) {
        memcpy(m->date, iso, sizeof iso);
        m->date_rank = i;
      }
    if (xmlStrcasecmp(key, (const xmlChar *)"author") == 0 || xmlStrcasecmp(key, (const xmlChar *)"dc.creator") == 0)
      take(&m->author, content);
    if (xmlStrcasecmp(key, (const xmlChar *)"description") == 0) take(&m->description, content);
    if (xmlStrcasecmp(key, (const xmlChar *)"og:title") == 0 && !m->title) take(&m->title, content);
    xmlFree(key);
  }
  xmlFree(content);
}

/* <html lang="en-US">: the language's own code, "en". */
static void read_lang(page_meta *m, xmlNode *html) {
  xmlChar *v = xmlGetProp(html, (const xmlChar *)"lang");
  if (!v) v = xmlGetProp(html, (const xmlChar *)"xml:lang");
  if (!v) return;
  size_t k = 0;
  while (v[k] && ((v[k] | 0x20) >= 'a' && (v[k] | 0x20) <= 'z')) k++;
  if (k >= 2 && k <= 3 && (!v[k] || v[k] == '-' || v[k] == '_') && (m->lang = src_dupn((const char *)v, k)))
    for (size_t i = 0; i < k; i++) m->lang[i] = (char)src_lower((unsigned char)m->lang[i]);
  xmlFree(v);
}

static void meta_free(page_meta *m) {
  free(m->title);
  free(m->author);
  free(m->description);
  free(m->lang);
  free(m->h1);
}

/* }====================================================================== */

/* {====================================================================== the text */

typedef struct page {
  src_nbuf t;            /* the text (no map: it is made, not copied) */
  int brk;               /* a break due before the next text: 1 a line, 2 a paragraph */
  int space;             /* white space due before the next text */
  int pre;               /* inside <pre>: white space kept */
  int article;           /* inside <article> or <main> */
  int head;              /* inside <head>: no text */
  page_meta m;
  long body_line;
} page;

static void put_text(page *p, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (!p->pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
      p->space = 1;
      i++;
      continue;
    }
    size_t j = i + 1;                  /* a run of visible bytes */
    while (j < n && (p->pre || !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f'))) j++;
    if (p->t.n && p->brk) src_nb_put(&p->t, p->brk == 2 ? "\n\n" : "\n", (size_t)p->brk, 0);
    else if (p->t.n && p->space) src_nb_put(&p->t, " ", 1, 0);
    p->brk = p->space = 0;
    src_nb_put(&p->t, s + i, j - i, 0);
    i = j;
  }
}

/* The text inside an element, its white space folded (a title, a heading); NULL when empty. */
static char *folded_text(xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  char *r = NULL;
  page q;
  memset(&q, 0, sizeof q);
  q.t.nomap = 1;
  if (t) put_text(&q, (const char *)t, strlen((const char *)t));
  if (q.t.n && !q.t.err) r = src_dupn(q.t.s, q.t.n);
  src_nb_free(&q.t);
  xmlFree(t);
  return r;
}

static void brk(page *p, int level) {
  if (p->brk < level) p->brk = level;
}

static void walk(page *p, xmlNode *n) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (!p->head && n->content) put_text(p, (const char *)n->content, strlen((const char *)n->content));
      continue;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name) continue;
    const char *name = (const char *)n->name;
    if (strcmp(name, "title") == 0 && p->head) {
      if (!p->m.title) p->m.title = folded_text(n);
      continue;
    }
    if (strcmp(name, "h1") == 0 && !p->m.h1) p->m.h1 = folded_text(n);
    if (strcmp(name, "meta") == 0) { read_meta(&p->m, n); continue; }
    if (strcmp(name, "head") == 0) {
      p->head++;
      walk(p, n->children);
      p->head--;
      continue;
    }
    if (dropped(n, !p->article)) continue;
    if (strcmp(name, "body") == 0 && !p->body_line) p->body_line = xmlGetLineNo(n);
    if (strcmp(name, "time") == 0 && (!p->m.time_date[0] || (p->article && !p->m.time_in_article))) {
      xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
      char iso[11];
      if (dt && page_date((const char *)dt, iso)) {
        memcpy(p->m.time_date, iso, sizeof iso);
        p->m.time_in_article = p->article > 0;
      }
      xmlFree(dt);
    }
    int article = strcmp(name, "article") == 0 || strcmp(name, "main") == 0;
    int level = name_in(n->name, para_elements) ? 2 : name_in(n->name, line_elements) ? 1 : 0;
    int pre = strcmp(name, "pre") == 0 || strcmp(name, "textarea") == 0;
    if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) p->space = 1;
    if (level) brk(p, level);
    p->article += article;
    p->pre += pre;
    walk(p, n->children);
    p->pre -= pre;
    p->article -= article;
    if (level) brk(p, level);
  }
}

/* }====================================================================== */

/* {====================================================================== documents */

/* The page in buf[0, n) as document d. Returns 0; 1 when it is skipped (warned); -1 when memory ran
** out. buf stays the caller's. */
static int page_doc(src_loader *L, char *buf, size_t n, src_doc *d) {
  memset(d, 0, sizeof *d);
  pthread_once(&xml_once, xml_init);
  if (n > INT_MAX) {
    src_lwarn(L, "larger than 2 GiB, which the HTML parser cannot take, skipped");
    src_lskip(L, "too large");
    return 1;
  }
  size_t bad, head = n < 1024 ? n : 1024, bom = src_bom(buf, n);
  int declared = 0;
  for (size_t i = 0; i + 7 <= head && !declared; i++) declared = src_caseeq(buf + i, "charset", 7);
  /* no charset said and not UTF-8: Windows-1252, as browsers read such pages */
  int cp = !bom && !declared && !src_utf8_valid(buf, n, &bad);
  xml_trouble trouble = { 0, 0, "" };
  xmlGenericErrorFunc gen = xmlGenericError;        /* the thread's handlers, given back after */
  void *gen_ud = xmlGenericErrorContext;
  xmlStructuredErrorFunc st = xmlStructuredError;
  void *st_ud = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc(NULL, xml_silent);
  xmlSetStructuredErrorFunc(&trouble, xml_error);
  htmlDocPtr doc = htmlReadMemory(buf, (int)n, NULL, cp ? "windows-1252" : NULL,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  xmlSetGenericErrorFunc(gen_ud, gen);
  xmlSetStructuredErrorFunc(st_ud, st);
  if (trouble.code == XML_ERR_INVALID_ENCODING)       /* libxml2 reads on as ISO-8859-1 */
    src_lwarn(L, "line %d: not valid UTF-8 where the page says it is: read as ISO-8859-1", trouble.line);
  else if (trouble.msg[0])                            /* the decoder gave up: so does the page */
    src_lwarn(L, "bytes its encoding cannot decode (libxml2: %s): the text stops there", trouble.msg);
  if (!doc) {
    src_lwarn(L, "not HTML that libxml2 can read, skipped");
    src_lskip(L, "damaged");
    return 1;
  }
  page p;
  memset(&p, 0, sizeof p);
  p.t.nomap = 1;
  p.m.date_rank = INT_MAX;
  xmlNode *root = xmlDocGetRootElement(doc);
  if (root) read_lang(&p.m, root);
  walk(&p, root);
  xmlFreeDoc(doc);
  int rc = 0;
  src_kvb f;
  memset(&f, 0, sizeof f);
  if (p.t.err == 1) { rc = -1; goto out; }
  if (p.t.err || p.t.n == 0) {
    if (p.t.err) src_lwarn(L, "text larger than 4 GiB, skipped");
    else src_lwarn(L, "line %ld: no visible text in the page, skipped", p.body_line > 0 ? p.body_line : 1L);
    src_lskip(L, p.t.err ? "too large" : "no text");
    rc = 1;
    goto out;
  }
  const char *date = p.m.date[0] ? p.m.date : p.m.time_date[0] ? p.m.time_date : NULL;
  const struct { const char *key, *value; } fields[] = {
    { "title", p.m.title ? p.m.title : p.m.h1 }, { "date", date }, { "author", p.m.author }, { "description", p.m.description },
    { "lang", p.m.lang } };
  for (size_t i = 0; i < sizeof fields / sizeof *fields && rc == 0; i++)
    if (fields[i].value)
      rc = src_kvb_put(&f, fields[i].key, strlen(fields[i].key), fields[i].value, strlen(fields[i].value), 1);
  if (cp) d->flags |= SRC_CP1252;
  if (bom) d->flags |= SRC_BOM;
  d->byte_len = n;
  if (rc || !(d->name = strdup(L->base)) || src_nb_take(&p.t, d) || src_doc_finish(L, d, 0, &f)) {
    src_doc_free(d);
    rc = -1;
  } else if (cp) {
    src_lwarn(L, "not valid UTF-8 (byte offset %zu) and no charset given: decoded as Windows-1252", bad);
  }
out:
  src_nb_free(&p.t);
  src_kvb_free(&f);
  meta_free(&p.m);
  return rc;
}

static const char *const html_extensions[] = { ".html", ".htm", ".xhtml", NULL };

const src_format src_format_html = { "html", SRC_HTML, html_extensions, NULL, NULL, page_doc };

/* }====================================================================== */
