/*
 * render.c: a story as the report shows it: a block of text, or rows of
 * the tables of -f tsv (members, own, quotations, drift).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define QUOTEDOCS	3	/* articles named after a quotation */

/* The report's name of a document: without the prefix all names share. */
const char	*prefix = "";

const char *
short_name(const struct corpus *cp, uint32_t doc)
{
	const char	*s = cstr(cp, cp->doc[doc].name);
	size_t		 n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 && s[n] != '\0' ? s + n : s;
}

static void
printb(struct wire_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
printb(struct wire_buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	wire_buf_grow(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Text for one line: white space of any kind as a space. */
static void
flat(struct wire_buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		wire_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ?
		    ' ' : *s);
}

/* A TSV field: escaped as records escape. */
static void
field(struct wire_buf *b, const char *s)
{
	wire_buf_addc(b, '\t');
	wire_buf_escape(b, s, strlen(s));
}

static const char *
plural(size_t n, const char *one, const char *more)
{
	return n == 1 ? one : more;
}

const char *
doc_date(const struct corpus *cp, uint32_t d)
{
	return cp->doc[d].date ? cstr(cp, cp->doc[d].date) : "";
}

static void
text_members(struct wire_buf *b, struct corpus *cp, struct story *st)
{
	const struct member *m;
	uint32_t	 i;

	printb(b, "   base  %s (%u %s)", short_name(cp, st->docs[0]),
	    cp->doc[st->docs[0]].nsent, plural(cp->doc[st->docs[0]].nsent,
	    "sentence", "sentences"));
	if (*doc_date(cp, st->docs[0]) != '\0')
		printb(b, ", %s", doc_date(cp, st->docs[0]));
	wire_buf_addc(b, '\n');
	for (i = 1; i < st->ndocs; i++) {
		m = &st->m[i];
		printb(b, "   %s ", short_name(cp, m->doc));
		if (strcmp(m->rel, "identical") == 0)
			printb(b, "is identical to the base");
		else
			printb(b, "keeps %d%% of the base, changes %zu %s, adds "
			    "%zu, drops %zu, moves %zu", m->kept, m->changed,
			    plural(m->changed, "sentence", "sentences"), m->added,
			    m->dropped, m->moved);
		if (*doc_date(cp, m->doc) != '\0')
			printb(b, "; %s", doc_date(cp, m->doc));
		wire_buf_addc(b, '\n');
	}
}

/*
 * The lists of own reporting and drift are entries one after the other
 * in a buffer: a document's number and a string (its POS), then more.
 * Past the entry at p: its document and string.
 */
static const char *
entry(const char *p, uint32_t *d, const char **s)
{
	memcpy(d, p, sizeof(*d));
	*s = p + sizeof(*d);
	return *s + strlen(*s) + 1;
}

/* Past the string at p. */
static const char *
skip(const char *p)
{
	return p + strlen(p) + 1;
}

/* Is p before the end of b?  (Not when b is empty.) */
#define BEFORE(p, b)	((b).len > 0 && (p) < (b).p + (b).len)

static void
text_own(struct wire_buf *b, struct corpus *cp, struct story *st)
{
	const char	*p, *pos;
	uint32_t	 d, last = NONE32;

	if (st->own.len == 0)
		return;
	printb(b, "\n   Own reporting (sentences no other article has)\n");
	for (p = st->own.p; BEFORE(p, st->own); p = skip(p)) {
		p = entry(p, &d, &pos);
		if (d != last)
			printb(b, "   %s\n", short_name(cp, last = d));
		printb(b, "     %s  ", pos);
		flat(b, p);
		wire_buf_addc(b, '\n');
	}
}

static void
text_quotes(struct wire_buf *b, struct corpus *cp, struct story *st)
{
	struct qgroup	*q;
	size_t		 i, j, k;
	char		*done;

	if (st->nq == 0)
		return;
	printb(b, "\n   Quotations by speaker\n");
	done = wire_xmalloc(st->nq);
	memset(done, 0, st->nq);
	/* Each speaker once, in the order first quoted. */
	for (i = 0; i < st->nq; i++) {
		if (done[i])
			continue;
		q = &st->q[i];
		printb(b, "   %s\n", strcmp(st->strs.p + q->speaker, "-") == 0 ?
		    "(no speaker found)" : st->strs.p + q->speaker);
		for (j = i; j < st->nq; j++) {
			if (done[j] || strcmp(st->strs.p + st->q[j].speaker,
			    st->strs.p + q->speaker) != 0)
				continue;
			done[j] = 1;
			printb(b, "     \"");
			flat(b, st->strs.p + st->q[j].text);
			printb(b, "\"  (");
			for (k = 0; k < st->q[j].ndocs && k < QUOTEDOCS; k++)
				printb(b, "%s%s", k ? ", " : "",
				    short_name(cp, st->q[j].docs[k]));
			if (st->q[j].ndocs > QUOTEDOCS)
				printb(b, " and %zu more", st->q[j].ndocs -
				    QUOTEDOCS);
			printb(b, ")\n");
		}
	}
	free(done);
}

static void
text_drift(struct wire_buf *b, struct corpus *cp, struct story *st)
{
	const char	*p, *pa, *pb;
	uint32_t	 da, db;

	if (st->drift.len == 0)
		return;
	printb(b, "\n   Quote drift (one quotation, rendered differently)\n");
	for (p = st->drift.p; BEFORE(p, st->drift); p = skip(p)) {
		p = entry(entry(p, &da, &pa), &db, &pb);
		printb(b, "   %s %s -> %s %s\n     ", short_name(cp, da), pa,
		    short_name(cp, db), pb);
		flat(b, p);
		wire_buf_addc(b, '\n');
	}
}

static void
tsv_story(struct wire_buf *b, struct corpus *cp, struct story *st)
{
	const char	*p, *pa, *pb;
	uint32_t	 i, da, db;
	char		 num[24];

	for (i = 0; i < st->ndocs; i++) {
		const struct member *m = &st->m[i];

		printb(b, "members\t%u", st->n);
		field(b, cstr(cp, cp->doc[st->docs[i]].name));
		printb(b, "\t%s\t%u", st->ndocs > 1 ? m->rel : "single",
		    cp->doc[st->docs[i]].nsent);
		if (st->ndocs > 1)
			printb(b, "\t%d\t%zu\t%zu\t%zu\t%zu\t%zu", m->kept,
			    m->same, m->changed, m->added, m->dropped, m->moved);
		else
			printb(b, "\t-\t-\t-\t-\t-\t-");
		field(b, *doc_date(cp, st->docs[i]) ? doc_date(cp,
		    st->docs[i]) : "-");
		wire_buf_addc(b, '\n');
	}
	for (p = st->own.p; BEFORE(p, st->own); p = skip(p)) {
		p = entry(p, &da, &pa);
		printb(b, "own\t%u", st->n);
		field(b, cstr(cp, cp->doc[da].name));
		field(b, pa);
		field(b, p);
		wire_buf_addc(b, '\n');
	}
	for (i = 0; i < st->nq; i++) {
		const struct qgroup *q = &st->q[i];

		printb(b, "quotations\t%u", st->n);
		field(b, st->strs.p + q->speaker);
		printb(b, "\t%s\t%zu", q->named ? "yes" : "no", q->ndocs);
		field(b, cstr(cp, cp->doc[q->doc0].name));
		field(b, st->strs.p + q->pos0);
		field(b, st->strs.p + q->text);
		wire_buf_addc(b, '\n');
	}
	for (p = st->drift.p; BEFORE(p, st->drift); p = skip(p)) {
		p = entry(entry(p, &da, &pa), &db, &pb);
		printb(b, "drift\t%u", st->n);
		field(b, cstr(cp, cp->doc[da].name));
		field(b, pa);
		field(b, cstr(cp, cp->doc[db].name));
		field(b, pb);
		field(b, p);
		wire_buf_addc(b, '\n');
	}
	(void)num;
}

void
render_story(struct wire_buf *b, struct corpus *cp, struct story *st,
    int tsv)
{
	if (tsv) {
		tsv_story(b, cp, st);
		return;
	}
	if (st->ndocs < 2)
		return;
	printb(b, "\n== Story %u: ", st->n);
	flat(b, story_title(cp, st->n - 1));
	printb(b, "\n   %u articles; the fullest is the base\n\n", st->ndocs);
	text_members(b, cp, st);
	text_own(b, cp, st);
	text_quotes(b, cp, st);
	text_drift(b, cp, st);
}
