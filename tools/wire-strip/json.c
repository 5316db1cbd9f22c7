/*
 * json.c: JSON Lines as scrapers write them, one article an object a
 * line, read with jansson.  The field names are those of news-please
 * (url, title, maintext, date_publish, authors), of trafilatura's JSON
 * (url, title, text, date, author) and the plain ones (text, content,
 * body, article); a page's HTML (html, raw_html) goes through html.c.
 * An article is named by its URL, else by FILE:LINE.  A line that is not
 * a JSON object is named with its number; the others are still read.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "strip.h"

static const char *const url_keys[] = { "url", "link", "source_url",
	"canonical_url", NULL };
static const char *const title_keys[] = { "title", "headline", NULL };
static const char *const text_keys[] = { "maintext", "text", "content",
	"body", "article", "article_text", "raw_text", NULL };
static const char *const html_keys[] = { "html", "raw_html",
	"content_html", NULL };
static const char *const date_keys[] = { "date_publish", "date",
	"date_published", "datePublished", "published", "publish_date",
	"pubdate", NULL };
static const char *const author_keys[] = { "authors", "author", NULL };

/* The first of the keys that holds a string that is not empty. */
static const char *
field(json_t *o, const char *const *keys, size_t *len)
{
	json_t	*v;

	for (; *keys != NULL; keys++)
		if ((v = json_object_get(o, *keys)) != NULL &&
		    json_is_string(v) && json_string_length(v) > 0) {
			*len = json_string_length(v);
			return json_string_value(v);
		}
	return NULL;
}

/* Authors as a string, or an array of names or of {"name": ...}. */
static void
authors(json_t *o, struct wire_buf *b)
{
	const char *const *k;
	json_t		*v, *x;
	const char	*s;
	size_t		 i, len;

	if ((s = field(o, author_keys, &len)) != NULL) {
		wire_buf_add(b, s, len);
		return;
	}
	for (k = author_keys; *k != NULL; k++) {
		if ((v = json_object_get(o, *k)) == NULL || !json_is_array(v))
			continue;
		json_array_foreach(v, i, x) {
			s = json_is_object(x) ? json_string_value(
			    json_object_get(x, "name")) : json_string_value(x);
			if (s == NULL || *s == '\0')
				continue;
			if (b->len > 0)
				wire_buf_adds(b, ", ");
			wire_buf_adds(b, s);
		}
		return;
	}
}

static void
put(struct wire_buf *b, const char *s, size_t len)
{
	b->len = 0;
	if (s != NULL)
		wire_buf_add(b, s, len);
}

/* One line: an article, or a word on why not.  0, or -1 for a bad line. */
static int
one(const char *s, size_t len, const char *where, struct page *pg,
    page_fn fn, void *arg)
{
	json_error_t	 e;
	json_t		*o;
	const char	*text, *html, *url, *v;
	size_t		 tl = 0, hl = 0, ul = 0, vl = 0;

	if ((o = json_loadb(s, len, 0, &e)) == NULL) {
		wire_warnat(where, 0, "not JSON: %s", e.text);
		return -1;
	}
	if (!json_is_object(o)) {
		wire_warnat(where, 0, "not a JSON object");
		json_decref(o);
		return -1;
	}
	page_clear(pg);
	text = field(o, text_keys, &tl);
	html = text == NULL ? field(o, html_keys, &hl) : NULL;
	if (html != NULL && html_page(pg, html, hl, "UTF-8") == -1) {
		wire_warnat(where, 0, "HTML that cannot be read");
		html = NULL;
	}
	if (text != NULL) {
		pg->nhint = 0;
		wire_buf_add(&pg->text, text, tl);
	}
	/* The record's own fields over what its HTML said. */
	if ((v = field(o, title_keys, &vl)) != NULL)
		put(&pg->m.title, v, vl);
	if ((v = field(o, date_keys, &vl)) != NULL)
		put(&pg->m.date, v, vl);
	if ((url = field(o, url_keys, &ul)) != NULL)
		put(&pg->m.url, url, ul);
	if (json_object_get(o, "authors") != NULL ||
	    json_object_get(o, "author") != NULL) {
		pg->m.author.len = 0;
		authors(o, &pg->m.author);
	}
	if (url != NULL)
		fn(arg, url, ul, pg, where);
	else
		fn(arg, where, strlen(where), pg, where);
	json_decref(o);
	return 0;
}

int
json_file(struct input *in, const char *name, struct page *pg, page_fn fn,
    void *arg)
{
	struct wire_buf	 where = { 0 };
	const char	*s;
	size_t		 len, line = 0, i;
	char		 num[24];
	int		 k, bad = 0;

	while ((k = input_line(in, &s, &len)) == 1) {
		line++;
		if (len > 0 && s[len - 1] == '\r')
			len--;
		for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
			;
		if (i == len)
			continue;
		where.len = 0;
		wire_buf_adds(&where, name);
		wire_buf_addc(&where, ':');
		wire_buf_add(&where, num, wire_utoa(num, line));
		if (one(s, len, where.p, pg, fn, arg) == -1)
			bad = 1;
	}
	wire_buf_free(&where);
	return k == -1 ? -1 : bad ? -2 : 1;
}
