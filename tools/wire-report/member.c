/*
 * member.c: one story: its documents read again from the input, each
 * compared with the base (wire-diff's alignment, one for each member),
 * their own reporting and their quotations (quotes.c).
 */
#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

#define COPY_SHARE	0.6	/* of a member found in its base: a copy */

struct reread {
	struct corpus	*cp;
	struct story	*st;
	struct rdoc	*rd;
	struct store	*store;
};

static void
one(const struct wire_rec *r, void *arg)
{
	struct reread	*rr = arg;

	if (r->tagslen > 0)
		quote_tags(rr->st, rr->rd, r);
	if (wire_rec_meta(r))
		return;
	version_add(rr->store, &rr->rd->v, r->pos, r->poslen, r->text,
	    r->textlen);
	rr->rd->sent++;
}

/* Read document d's records again into rd. */
static void
reread(struct corpus *cp, struct story *st, struct store *store,
    struct rdoc *rd, uint32_t d)
{
	const struct doc *dd = &cp->doc[d];
	struct reread	 rr = { cp, st, rd, store };
	size_t		 len = dd->end - dd->off, got;
	ssize_t		 n;

	memset(rd, 0, sizeof(*rd));
	rd->doc = d;
	st->recs.len = 0;
	wire_buf_grow(&st->recs, len + 1);
	for (got = 0; got < len; got += (size_t)n)
		if ((n = pread(cp->fd, st->recs.p + got, len - got,
		    (off_t)(dd->off + got))) <= 0)
			err(WIRE_EXIT_BAD, "%s", cp->path);
	wire_each_record_mem(st->recs.p, len, one, &rr);
	if (rd->sent != dd->nsent)
		errx(WIRE_EXIT_BAD, "%s: changed while it was read", cp->path);
}

/* Member m against the base b: the counts of its alignment. */
static void
compare(struct corpus *cp, struct store *store, struct rdoc *b,
    struct rdoc *m, struct member *out)
{
	struct unit	*u;
	size_t		 n, k, kept = 0, inbase = 0;

	memset(out, 0, sizeof(*out));
	out->doc = m->doc;
	n = align(store, &b->v, &m->v, &u);
	for (k = 0; k < n; k++) {
		switch (u[k].op) {
		case '=': out->same++; break;
		case '~': out->changed++; break;
		case '+': out->added++; break;
		case '-': out->dropped++; break;
		case '>': out->moved++; break;
		}
		if (u[k].op != '+' && u[k].op != '-') {
			kept += u[k].a1 - u[k].a0;
			inbase += u[k].b1 - u[k].b0;
		}
	}
	free(u);
	out->kept = b->v.n ? (int)(100.0 * (double)kept / (double)b->v.n +
	    0.5) : 100;
	if (cp->doc[m->doc].exact == cp->doc[b->doc].exact &&
	    m->v.n == b->v.n)
		out->rel = "identical";
	else if ((double)inbase >= COPY_SHARE * (double)m->v.n)
		out->rel = "copy";
	else
		out->rel = "partial";
}

/*
 * Append the text s (len bytes) and a NUL to b.  The report keeps its
 * texts NUL-terminated, so a NUL byte inside one (an escaped \0 in a
 * record) is written as U+FFFD.
 */
void
add_text(struct wire_buf *b, const char *s, size_t len)
{
	const char	*z;

	while (len > 0 && (z = memchr(s, '\0', len)) != NULL) {
		wire_buf_add(b, s, (size_t)(z - s));
		wire_buf_add(b, "\xef\xbf\xbd", 3);
		len -= (size_t)(z - s) + 1;
		s = z + 1;
	}
	wire_buf_add(b, s, len);
	wire_buf_addc(b, '\0');
}

/* The sentences of document rd that no other document has. */
static void
own(struct corpus *cp, struct story *st, struct rdoc *rd)
{
	const struct doc *dd = &cp->doc[rd->doc];
	size_t		 i;

	for (i = 0; i < rd->v.n; i++) {
		if (cp->ndocs[cp->clu[dd->sent0 + i]] > 1)
			continue;
		wire_buf_add(&st->own, (char *)&rd->doc, sizeof(rd->doc));
		wire_buf_adds(&st->own, rd->v.s[i].pos);
		wire_buf_addc(&st->own, '\0');
		add_text(&st->own, rd->v.s[i].text, rd->v.s[i].len);
	}
}

void
story_work(struct corpus *cp, struct story *st, struct store *store,
    struct wdiff *wd, int quotes_only)
{
	struct rdoc	*rd;
	uint32_t	 i, s = st->n - 1;

	st->ndocs = cp->first[s + 1] - cp->first[s];
	st->docs = cp->byorder + cp->first[s];
	rd = wire_xrealloc(NULL, st->ndocs, sizeof(*rd));
	for (i = 0; i < st->ndocs; i++)
		reread(cp, st, store, &rd[i], st->docs[i]);
	st->m = wire_xrealloc(NULL, st->ndocs, sizeof(*st->m));
	memset(&st->m[0], 0, sizeof(st->m[0]));
	st->m[0].doc = st->docs[0];
	st->m[0].rel = "base";
	st->m[0].kept = 100;
	st->m[0].same = rd[0].v.n;
	for (i = 1; i < st->ndocs && !quotes_only; i++)
		compare(cp, store, &rd[0], &rd[i], &st->m[i]);
	for (i = 0; i < st->ndocs && !quotes_only && st->ndocs > 1; i++)
		own(cp, st, &rd[i]);
	quotes_story(st, rd, st->ndocs, store, wd);
	for (i = 0; i < st->ndocs; i++) {
		version_free(&rd[i].v);
		free(rd[i].q);
	}
	free(rd);
}

void
story_free(struct story *st)
{
	size_t	i;

	free(st->m);
	for (i = 0; i < st->nq; i++)
		free(st->q[i].docs);
	free(st->q);
	wire_buf_free(&st->strs);
	wire_buf_free(&st->own);
	wire_buf_free(&st->drift);
	wire_buf_free(&st->recs);
	memset(st, 0, sizeof(*st));
}
