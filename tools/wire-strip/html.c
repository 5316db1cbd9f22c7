/*
 * html.c: a saved web page, read with libxml2's HTML parser, as the text
 * that the rest of wire-strip reads: each block of the page (a
 * paragraph, a heading, a list item, a cell) on a line of its own, a
 * blank line between two, and for each block what the markup says of it
 * (struct hint): that it sits in page furniture (nav, aside, footer, a
 * form, a menu, comments, related links, share buttons), how much of it
 * is link text, that it is a list item, a heading or a caption.  The
 * scoring of score.c then weighs that with the text's own signs.
 *
 * The page's metadata comes from <title>, Open Graph and article: meta
 * tags, the canonical link, <time> and JSON-LD (NewsArticle and its
 * kin): headline, date, author and URL.  What the markup hides (script,
 * style, hidden elements) is not text.
 */
#define _GNU_SOURCE		/* strcasestr() */

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <ctype.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strip.h"

/* What an element is to the walk. */
#define T_BLOCK		0x01	/* starts and ends a block */
#define T_SKIP		0x02	/* its content is not text */
#define T_BOILER	0x04	/* page furniture */
#define T_GOOD		0x08	/* the article's own container */
#define T_LI		0x10
#define T_HEADING	0x20
#define T_CAPTION	0x40
#define T_LINK		0x80
#define T_BREAK		0x100	/* a line break: ends a block */
#define T_CELL		0x200	/* a table cell: a row is one block */

static const struct tag {
	const char	*name;
	unsigned	 flags;
} tags[] = {
	{ "a", T_LINK }, { "address", T_BLOCK }, { "article", T_BLOCK | T_GOOD },
	{ "aside", T_BLOCK | T_BOILER }, { "audio", T_SKIP },
	{ "blockquote", T_BLOCK }, { "body", T_BLOCK }, { "br", T_BREAK },
	{ "button", T_SKIP }, { "canvas", T_SKIP }, { "caption", T_BLOCK },
	{ "center", T_BLOCK }, { "dd", T_BLOCK }, { "details", T_BLOCK },
	{ "dialog", T_BLOCK | T_BOILER }, { "div", T_BLOCK }, { "dl", T_BLOCK },
	{ "dt", T_BLOCK }, { "embed", T_SKIP }, { "fieldset", T_BLOCK },
	{ "figcaption", T_BLOCK | T_CAPTION }, { "figure", T_BLOCK | T_CAPTION },
	{ "footer", T_BLOCK | T_BOILER }, { "form", T_BLOCK | T_BOILER },
	{ "h1", T_BLOCK | T_HEADING }, { "h2", T_BLOCK | T_HEADING },
	{ "h3", T_BLOCK | T_HEADING }, { "h4", T_BLOCK | T_HEADING },
	{ "h5", T_BLOCK | T_HEADING }, { "h6", T_BLOCK | T_HEADING },
	{ "head", T_SKIP }, { "header", T_BLOCK }, { "hr", T_BLOCK },
	{ "iframe", T_SKIP }, { "input", T_SKIP }, { "label", T_BOILER },
	{ "li", T_BLOCK | T_LI }, { "main", T_BLOCK | T_GOOD },
	{ "map", T_SKIP }, { "menu", T_BLOCK | T_BOILER },
	{ "nav", T_BLOCK | T_BOILER }, { "noscript", T_SKIP },
	{ "object", T_SKIP }, { "ol", T_BLOCK }, { "option", T_SKIP },
	{ "p", T_BLOCK }, { "picture", T_SKIP }, { "pre", T_BLOCK },
	{ "script", T_SKIP }, { "section", T_BLOCK }, { "select", T_SKIP },
	{ "style", T_SKIP }, { "summary", T_BLOCK }, { "svg", T_SKIP },
	{ "table", T_BLOCK }, { "tbody", T_BLOCK }, { "td", T_CELL },
	{ "template", T_SKIP }, { "textarea", T_SKIP }, { "tfoot", T_BLOCK },
	{ "th", T_CELL }, { "thead", T_BLOCK }, { "title", T_SKIP },
	{ "tr", T_BLOCK }, { "ul", T_BLOCK }, { "video", T_SKIP },
};

static int
by_name(const void *k, const void *t)
{
	return strcmp(k, ((const struct tag *)t)->name);
}

static unsigned
tag_flags(const char *name)
{
	const struct tag *t = bsearch(name, tags, sizeof(tags) / sizeof(tags[0]),
	    sizeof(tags[0]), by_name);

	return t != NULL ? t->flags : 0;
}

/*
 * Words of a class or id that say page furniture: a word of the name
 * (split at anything but letters and digits, in lower case) that begins
 * so.  "comments" and "related-posts" are furniture; "commentary" is
 * not, as only whole words are read, but a prefix is.
 */
static const char *const boiler_prefix[] = {
	"advert", "author", "banner", "breadcrumb", "byline", "comment",
	"cookie", "disqus",
	"footer", "menu", "modal", "nav", "newsletter", "outbrain",
	"popular", "popup", "promo", "recommend", "related",
	"share", "sharing", "sidebar", "signup", "social", "sponsor",
	"subscri", "taboola", "toolbar", "trending", "widget",
};
static const char *const boiler_word[] = { "ad", "ads", "more", "tags" };
/* Words of a class that hide an element, as style sheets use them. */
static const char *const hidden_word[] = { "hidden", "hide" };
/* Words that keep a name from saying furniture: "content-with-sidebar". */
static const char *const maybe_word[] = { "article", "body", "column",
	"content", "entry", "main", "post", "story", "text" };

/* A word of a class or id that says the article's text itself. */
static const char *const good_word[] = { "articlebody", "storybody",
	"entrycontent", "postcontent", "postbody", "articletext",
	"storytext", "bodytext", "articlecontent" };

static int
in(const char *w, const char *const *list, size_t n, int prefix)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (prefix ? strncmp(w, list[i], strlen(list[i])) == 0 :
		    strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

#define IN(w, list, prefix) in(w, list, sizeof(list) / sizeof(list[0]), prefix)

/*
 * What the class or id s says: -1 furniture, 1 the article, 0 nothing,
 * -2 hidden.  A word that may name the article's container ("content",
 * "main") outweighs one that says furniture.
 */
static int
name_hint(const char *s)
{
	char		w[64], whole[256];
	size_t		n = 0, m = 0, i;
	const char	*p;
	int		bad = 0, maybe = 0;

	for (p = s; ; p++) {
		int c = *p >= 'A' && *p <= 'Z' ? *p + 32 : *p;
		int an = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

		if (an && m + 1 < sizeof(whole))
			whole[m++] = (char)c;
		if (an && n + 1 < sizeof(w)) {
			w[n++] = (char)c;
			continue;
		}
		w[n] = '\0';
		if (n > 0 && (IN(w, boiler_word, 0) || IN(w, boiler_prefix, 1)))
			bad = 1;
		if (n > 0 && IN(w, maybe_word, 0))
			maybe = 1;
		/* A class of its own, "hidden", not "label-hidden". */
		if (n > 0 && m == n && (*p == ' ' || *p == '\0') &&
		    IN(w, hidden_word, 0))
			return -2;
		n = 0;
		if (*p == ' ' || *p == '\0') {
			whole[m] = '\0';
			for (i = 0; i < sizeof(good_word) / sizeof(good_word[0]);
			    i++)
				if (strstr(whole, good_word[i]) != NULL)
					return 1;
			m = 0;
		}
		if (*p == '\0')
			return bad && !maybe ? -1 : 0;
	}
}

static const char *
attr(xmlNode *n, const char *name)
{
	xmlAttr	*a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->name != NULL && strcmp((const char *)a->name, name) == 0 &&
		    a->children != NULL && a->children->content != NULL)
			return (const char *)a->children->content;
	return NULL;
}

/*
 * What the walk needs to know of each element before it reads it: the
 * bytes of text under it and of them the bytes in links, kept in its
 * _private (struct size, in one word).  Page furniture is a small part
 * of a page, so a name or a tag that says furniture is not believed of
 * an element that holds much of the text (a whole page wrapped in a
 * <form>, an article in a "paywall" div).
 */
#define FURNITURE	0.4	/* furniture holds less of the page than this */

#define TEXTOF(n)	((uint32_t)(uintptr_t)(n)->_private)
#define LINKSOF(n)	((uint32_t)((uint64_t)(uintptr_t)(n)->_private >> 32))

struct size {
	uint64_t	text, links;
};

static struct size
sizes(xmlNode *n, int link)
{
	struct size	 t = { 0, 0 }, k;
	unsigned	 f;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) {
			k.text = n->content != NULL ? strlen((const char *)
			    n->content) : 0;
			t.text += k.text;
			t.links += link ? k.text : 0;
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || n->name == NULL)
			continue;
		f = tag_flags((const char *)n->name);
		k = (f & T_SKIP) ? (struct size){ 0, 0 } : sizes(n->children,
		    link || (f & T_LINK));
		k.text = k.text < UINT32_MAX ? k.text : UINT32_MAX;
		k.links = k.links < k.text ? k.links : k.text;
		n->_private = (void *)(uintptr_t)(k.links << 32 | k.text);
		t.text += k.text;
		t.links += k.links;
	}
	return t;
}

/*
 * The article's own container, as Readability finds it: each paragraph
 * of some length gives a point, one more for each comma and one for
 * each hundred bytes (three at most), to its parent and half to its
 * grandparent; a container's points are then cut by its share of link
 * text, and the one with the most is the article.  Blocks in it are
 * more likely the body (W_GOOD in score.c).
 */
#define PARAMIN		25	/* bytes of a paragraph that counts */
#define NAMEPOINTS	25	/* what a class or id that says so is worth */

/* What n's class or id says: 1 the article, -1 not, 0 nothing. */
static int
names(xmlNode *n)
{
	const char	*s;
	int		 h = 0;

	if ((s = attr(n, "class")) != NULL)
		h = name_hint(s);
	if (h == 0 && (s = attr(n, "id")) != NULL)
		h = name_hint(s);
	return h == -2 ? -1 : h;
}

/* The bytes and commas of the text in n and its inline elements. */
static void
inline_text(xmlNode *n, size_t *len, size_t *commas)
{
	const char	*c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		for (c = (const char *)n->content; c != NULL && *c != '\0';
		    c++) {
			*commas += *c == ',';
			*len += *c != ' ' && *c != '\n' && *c != '\t';
		}
		return;
	}
	for (n = n->children; n != NULL; n = n->next)
		if (n->type != XML_ELEMENT_NODE || (n->name != NULL &&
		    !(tag_flags((const char *)n->name) & (T_BLOCK | T_SKIP |
		    T_BREAK))))
			inline_text(n, len, commas);
}

/* A paragraph's points: one, one a comma, one a hundred bytes (3 at most). */
static double
para_points(size_t len, size_t commas)
{
	return len < PARAMIN ? 0 : 1 + (double)commas +
	    (len / 100 < 3 ? (double)(len / 100) : 3);
}

/*
 * The paragraphs of an element: the runs of its own text (and inline
 * elements) between its block children and <br>s: a <p>, or a <div> of
 * paragraphs a <br> apart.  Their points go to its parent, and half to
 * its grandparent.
 */
static void
points(struct wire_map *pts, xmlNode *n)
{
	const char	*name;
	xmlNode		*k;
	uint64_t	*v;
	size_t		 len, com;
	unsigned	 f;
	double		 p;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || n->name == NULL)
			continue;
		name = (const char *)n->name;
		if (tag_flags(name) & T_SKIP)
			continue;
		p = 0;
		len = com = 0;
		for (k = n->children; k != NULL; k = k->next) {
			f = k->type == XML_ELEMENT_NODE && k->name != NULL ?
			    tag_flags((const char *)k->name) : 0;
			if (f & (T_BLOCK | T_BREAK)) {
				p += para_points(len, com);
				len = com = 0;
			} else if (!(f & T_SKIP))
				inline_text(k, &len, &com);
		}
		p += para_points(len, com);
		if (p > 0 && n->parent != NULL &&
		    n->parent->type == XML_ELEMENT_NODE &&
		    strcmp(name, "body") != 0 && strcmp(name, "html") != 0) {
			/* Points in hundredths, in a map by the node. */
			v = wire_map_get(pts, (uint64_t)(uintptr_t)n->parent);
			*v += (uint64_t)(p * 100);
			if (n->parent->parent != NULL &&
			    n->parent->parent->type == XML_ELEMENT_NODE) {
				v = wire_map_get(pts,
				    (uint64_t)(uintptr_t)n->parent->parent);
				*v += (uint64_t)(p * 50);
			}
		}
		points(pts, n->children);
	}
}

static xmlNode *
best_container(xmlNode *root)
{
	struct wire_map	 pts = { 0 };
	xmlNode		*n, *best = NULL;
	uint64_t	 key, val;
	size_t		 it = 0;
	double		 s, top = 0;

	points(&pts, root);
	while (wire_map_next(&pts, &it, &key, &val)) {
		n = (xmlNode *)(uintptr_t)key;
		s = (double)val + NAMEPOINTS * 100 * names(n);
		if (TEXTOF(n) > 0)
			s *= 1 - (double)LINKSOF(n) / TEXTOF(n);
		if (s > top) {
			top = s;
			best = n;
		}
	}
	wire_map_free(&pts);
#ifdef HTML_DEBUG
	if (best) fprintf(stderr, "best %s class=%s id=%s score=%.0f text=%u links=%u\n", best->name, attr(best, "class") ? attr(best, "class") : "", attr(best, "id") ? attr(best, "id") : "", top, TEXTOF(best), LINKSOF(best));
#endif
	return best;
}

/* Does a word of the class s begin with "caption"? */
static int
caption_name(const char *s)
{
	const char	*p;

	for (p = s; (p = strcasestr(p, "caption")) != NULL; p++)
		if (p == s || !isalnum((unsigned char)p[-1]) ||
		    (islower((unsigned char)p[-1]) && p[0] == 'C'))
			return 1;
	return 0;
}

/* The walk's state, inherited by an element's children. */
struct ctx {
	unsigned	 boiler : 1, good : 1, link : 1, li : 1, heading : 1,
			 caption : 1, pre : 1;
};

struct walk {
	struct page	*pg;
	size_t		 page;		/* the text of the whole page */
	xmlNode		*best;		/* the article's container, or NULL */
	struct wire_buf	 cur;		/* the block being read */
	size_t		 chars, links, boiler, good;	/* its bytes */
	unsigned	 li : 1, heading : 1, caption : 1, space : 1;
	struct wire_buf	 tmp;
	/* Metadata found on the way, best first. */
	struct wire_buf	 title, ogtitle, ldtitle, date, timedate, author;
	struct wire_buf	 url, canon;
};

static void
flush(struct walk *w)
{
	struct page	*pg = w->pg;
	struct hint	*h;

	while (w->cur.len > 0 && w->cur.p[w->cur.len - 1] == ' ')
		w->cur.len--;
	/*
	 * Page furniture is left out: it is never the body, and where it
	 * stands between parts of the body (a box of related links), the
	 * body is one run of text without it.
	 */
	if (w->cur.len > 0 && w->boiler * 2 <= w->chars) {
		wire_buf_add(&pg->text, w->cur.p, w->cur.len);
		wire_buf_add(&pg->text, "\n\n", 2);
		pg->hint = wire_grow(pg->hint, &pg->caphint, pg->nhint + 1,
		    sizeof(*pg->hint));
		h = &pg->hint[pg->nhint++];
		memset(h, 0, sizeof(*h));
		h->boiler = w->boiler * 2 > w->chars;
		h->good = w->good * 2 > w->chars;
		h->outside = w->best != NULL && !h->good;
		h->links = w->chars ? (float)w->links / (float)w->chars : 0;
		h->li = w->li;
		h->heading = w->heading;
		h->caption = w->caption;
	}
	w->cur.len = 0;
	w->chars = w->links = w->boiler = w->good = 0;
	w->li = w->heading = w->caption = 0;
	w->space = 0;
}

/* Text of the page: white space in runs is one space. */
static void
text(struct walk *w, const char *s, const struct ctx *c)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 n = 0;

	for (; *u != '\0'; u++) {
		/* U+00A0, no-break space, is a space too. */
		if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r' ||
		    *u == '\f' || (u[0] == 0xc2 && u[1] == 0xa0)) {
			if (c->pre && *u == '\n') {
				flush(w);
				continue;
			}
			u += u[0] == 0xc2;
			w->space = w->cur.len > 0;
			continue;
		}
		if (w->space) {
			wire_buf_addc(&w->cur, ' ');
			w->space = 0;
		}
		wire_buf_addc(&w->cur, *u);
		n++;
	}
	w->chars += n;
	w->links += c->link ? n : 0;
	w->boiler += c->boiler ? n : 0;
	w->good += c->good ? n : 0;
	w->li |= c->li;
	w->heading |= c->heading;
	w->caption |= c->caption;
}


static int
hidden(xmlNode *n)
{
	const char	*s;

	if (attr(n, "hidden") != NULL || ((s = attr(n, "aria-hidden")) !=
	    NULL && strcmp(s, "true") == 0))
		return 1;
	if ((s = attr(n, "style")) == NULL)
		return 0;
	return strstr(s, "display:none") != NULL ||
	    strstr(s, "display: none") != NULL ||
	    strstr(s, "visibility:hidden") != NULL ||
	    strstr(s, "visibility: hidden") != NULL;
}

static void
set(struct wire_buf *b, const char *s)
{
	if (b->len == 0 && s != NULL && *s != '\0')
		wire_buf_adds(b, s);
}

/* The text content of n, white space as one space, into b. */
static void
content(struct wire_buf *b, xmlNode *n)
{
	xmlChar	*s = xmlNodeGetContent(n);
	char	*p;
	int	 sp = 0;

	for (p = (char *)s; p != NULL && *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			sp = b->len > 0;
			continue;
		}
		if (sp)
			wire_buf_addc(b, ' ');
		sp = 0;
		wire_buf_addc(b, *p);
	}
	xmlFree(s);
}

static void
meta_tag(struct walk *w, xmlNode *n)
{
	const char	*k = attr(n, "property"), *v = attr(n, "content");

	if (k == NULL)
		k = attr(n, "name");
	if (k == NULL || v == NULL)
		return;
	if (strcmp(k, "og:title") == 0 || strcmp(k, "twitter:title") == 0)
		set(&w->ogtitle, v);
	else if (strcmp(k, "article:published_time") == 0 ||
	    strcmp(k, "og:article:published_time") == 0 ||
	    strcmp(k, "date") == 0 || strcmp(k, "pubdate") == 0 ||
	    strcmp(k, "publishdate") == 0 || strcmp(k, "DC.date.issued") == 0 ||
	    strcmp(k, "parsely-pub-date") == 0 ||
	    strcmp(k, "sailthru.date") == 0)
		set(&w->date, v);
	else if (strcmp(k, "author") == 0 ||
	    (strcmp(k, "article:author") == 0 && strncmp(v, "http", 4) != 0))
		set(&w->author, v);
	else if (strcmp(k, "og:url") == 0)
		set(&w->url, v);
}

/* A JSON-LD object that is an article: its headline, date, author, URL. */
static void
ld_article(struct walk *w, json_t *o)
{
	json_t		*t = json_object_get(o, "@type"), *a, *x;
	const char	*ty = json_string_value(t);
	size_t		 i;

	if (json_is_array(t))
		ty = json_string_value(json_array_get(t, 0));
	if (ty == NULL || (strstr(ty, "Article") == NULL &&
	    strcmp(ty, "BlogPosting") != 0 && strcmp(ty, "Report") != 0))
		return;
	set(&w->ldtitle, json_string_value(json_object_get(o, "headline")));
	set(&w->date, json_string_value(json_object_get(o, "datePublished")));
	set(&w->url, json_string_value(json_object_get(o, "url")));
	a = json_object_get(o, "author");
	if (json_is_string(a))
		set(&w->author, json_string_value(a));
	else if (json_is_object(a))
		set(&w->author, json_string_value(json_object_get(a, "name")));
	else if (json_is_array(a) && w->author.len == 0)
		json_array_foreach(a, i, x) {
			const char *nm = json_is_object(x) ? json_string_value(
			    json_object_get(x, "name")) : json_string_value(x);

			if (nm == NULL)
				continue;
			if (w->author.len > 0)
				wire_buf_adds(&w->author, ", ");
			wire_buf_adds(&w->author, nm);
		}
}

static void
ld_json(struct walk *w, xmlNode *n)
{
	xmlChar		*s = xmlNodeGetContent(n);
	json_t		*j, *g, *x;
	size_t		 i;

	j = s != NULL ? json_loads((const char *)s, JSON_DECODE_ANY, NULL) :
	    NULL;
	xmlFree(s);
	if (j == NULL)
		return;
	if (json_is_object(j) && (g = json_object_get(j, "@graph")) != NULL &&
	    json_is_array(g))
		json_array_foreach(g, i, x)
			if (json_is_object(x))
				ld_article(w, x);
	if (json_is_array(j))
		json_array_foreach(j, i, x)
			if (json_is_object(x))
				ld_article(w, x);
	if (json_is_object(j))
		ld_article(w, j);
	json_decref(j);
}

static void
walk(struct walk *w, xmlNode *n, struct ctx c)
{
	const char	*name, *s;
	unsigned	 f;
	struct ctx	 cc;
	int		 h, small;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				text(w, (const char *)n->content, &c);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || n->name == NULL)
			continue;
		name = (const char *)n->name;
		f = tag_flags(name);
		if (strcmp(name, "meta") == 0)
			meta_tag(w, n);
		else if (strcmp(name, "link") == 0 && (s = attr(n, "rel")) !=
		    NULL && strcmp(s, "canonical") == 0)
			set(&w->canon, attr(n, "href"));
		else if (strcmp(name, "script") == 0 && (s = attr(n, "type")) !=
		    NULL && strcmp(s, "application/ld+json") == 0)
			ld_json(w, n);
		else if (strcmp(name, "title") == 0 && w->title.len == 0)
			content(&w->title, n);
		else if (strcmp(name, "time") == 0 && w->timedate.len == 0)
			set(&w->timedate, attr(n, "datetime"));
		if (strcmp(name, "head") == 0) {
			/* Metadata only. */
			walk(w, n->children, (struct ctx){ .boiler = 1 });
			w->cur.len = 0;
			w->chars = w->links = w->boiler = w->good = 0;
			continue;
		}
		if ((f & T_SKIP) || hidden(n))
			continue;
		if (f & T_BREAK) {
			flush(w);
			continue;
		}
		cc = c;
		small = (double)TEXTOF(n) < FURNITURE * (double)w->page;
		cc.boiler |= (f & T_BOILER) && small;
		cc.good |= n == w->best;
		cc.link |= (f & T_LINK) != 0;
		cc.li |= (f & T_LI) != 0;
		cc.heading |= (f & T_HEADING) != 0;
		cc.caption |= (f & T_CAPTION) && small;
		cc.pre |= strcmp(name, "pre") == 0;
		if (small && (s = attr(n, "class")) != NULL &&
		    caption_name(s))
			cc.caption = 1;

		if ((s = attr(n, "role")) != NULL && small && (strcmp(s,
		    "navigation") == 0 || strcmp(s, "complementary") == 0 ||
		    strcmp(s, "contentinfo") == 0 || strcmp(s, "banner") == 0))
			cc.boiler = 1;
		h = 0;
		if ((s = attr(n, "class")) != NULL)
			h = name_hint(s);
		if (h == 0 && (s = attr(n, "id")) != NULL)
			h = name_hint(s);
		if (h == -2 && strcmp(name, "body") != 0 &&
		    strcmp(name, "html") != 0)
			continue;
		if (h == -1 && small)
			cc.boiler = 1;

		if (f & T_BLOCK)
			flush(w);
		if (f & T_CELL)
			w->space = w->cur.len > 0;
		walk(w, n->children, cc);
		if (f & T_BLOCK)
			flush(w);
	}
}

/* The charset a page says it has, in its first bytes, or NULL. */
static const char *
declared(const char *s, size_t len, char *out, size_t outlen)
{
	size_t		 i, n, lim = len < 4096 ? len : 4096;
	const char	*p;

	for (i = 0; i + 8 < lim; i++) {
		if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, "charset=", 8) != 0)
			continue;
		p = s + i + 8;
		while (p < s + lim && (*p == '"' || *p == '\'' || *p == ' '))
			p++;
		for (n = 0; p + n < s + lim && n + 1 < outlen &&
		    (isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '_');
		    n++)
			out[n] = p[n];
		out[n] = '\0';
		return n > 0 ? out : NULL;
	}
	return NULL;
}

int
html_page(struct page *pg, const char *s, size_t len, const char *charset)
{
	struct walk	 w;
	htmlDocPtr	 doc;
	xmlNode		*root;
	char		 cs[64];
	const char	*enc = charset;

	memset(&w, 0, sizeof(w));
	w.pg = pg;
	page_clear(pg);
	/*
	 * The charset: the one given (a WARC's HTTP header), the page's
	 * own, UTF-8 when the bytes are, else Windows-1252, which is what
	 * browsers take for pages that say nothing.
	 */
	if (enc == NULL && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		enc = "UTF-8";
	if (enc == NULL)
		enc = declared(s, len, cs, sizeof(cs));
	if (enc == NULL)
		enc = wire_utf8_valid(s, len) ? "UTF-8" : "windows-1252";
	if (len > INT_MAX)
		return -1;
	doc = htmlReadMemory(s, (int)len, NULL, enc, HTML_PARSE_RECOVER |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    HTML_PARSE_COMPACT);
	if (doc == NULL && enc != charset)	/* a charset iconv knows not */
		doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root != NULL) {
		w.page = sizes(root, 0).text;
		w.best = best_container(root);
		walk(&w, root, (struct ctx){ 0 });
	}
	flush(&w);
	/* The best of each: Open Graph, JSON-LD, then the page's own. */
	set(&pg->m.title, w.ogtitle.p);
	set(&pg->m.title, w.ldtitle.p);
	set(&pg->m.title, w.title.p);
	set(&pg->m.date, w.date.p);
	set(&pg->m.date, w.timedate.p);
	set(&pg->m.author, w.author.p);
	set(&pg->m.url, w.canon.p);
	set(&pg->m.url, w.url.p);
	xmlFreeDoc(doc);
	wire_buf_free(&w.cur);
	wire_buf_free(&w.tmp);
	wire_buf_free(&w.title);
	wire_buf_free(&w.ogtitle);
	wire_buf_free(&w.ldtitle);
	wire_buf_free(&w.date);
	wire_buf_free(&w.timedate);
	wire_buf_free(&w.author);
	wire_buf_free(&w.url);
	wire_buf_free(&w.canon);
	return 0;
}

/* Empty the page for the next, keeping its memory. */
void
page_clear(struct page *pg)
{
	pg->text.len = 0;
	pg->nhint = 0;
	pg->m.title.len = pg->m.date.len = pg->m.author.len = 0;
	pg->m.url.len = 0;
}

void
page_free(struct page *pg)
{
	wire_buf_free(&pg->text);
	free(pg->hint);
	wire_buf_free(&pg->m.title);
	wire_buf_free(&pg->m.date);
	wire_buf_free(&pg->m.author);
	wire_buf_free(&pg->m.url);
	memset(pg, 0, sizeof(*pg));
}
