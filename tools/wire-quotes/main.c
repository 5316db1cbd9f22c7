/*
 * wire-quotes: find the direct quotations in paragraph or sentence
 * records, with who said them, the verb that says so and their kind.
 *
 * A quotation's speaker may be named after it, in the next sentence or
 * in the paragraph before, and a quotation may run over several records,
 * so the records of a document (consecutive records with one DOC) are
 * held until it ends; common/quote.c does the finding.  A document too
 * large to hold is taken in parts, cut between paragraphs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "quotes.h"

static const char synopsis[] = "wire-quotes [-hlp] [file ...]";

/* Hold about this much text of one document before taking a part. */
#define PART_BYTES	(16 << 20)

struct held {			/* a record waiting for its document */
	size_t	pos, poslen;	/* in meta */
	size_t	tags, tagslen;	/* in meta: its tags without ours */
};

struct quotes {
	int			 list, plain;
	struct finder	 wq;
	struct wire_buf		 doc;	/* the document being held */
	int			 indoc;
	struct held		*h;
	size_t			 nh, caph;
	struct wire_buf		 meta, tags, line;
	char			 para[24];	/* paragraph of the last record */
	size_t			 paralen;
};

/* The tags wire-quotes writes; dropped on input, so a second run adds none. */
static int
ours(const char *f, size_t len)
{
	static const char *const keys[] = {
		"quote=", "speaker=", "role=", "cue=", "kind=",
	};
	size_t	i, k;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		k = strlen(keys[i]);
		if (len >= k && memcmp(f, keys[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Does the record at pos begin a paragraph (2: metadata)? */
static int
new_para(struct quotes *qs, const char *pos, size_t len)
{
	const char	*dot = memchr(pos, '.', len);
	size_t		 n = dot != NULL ? (size_t)(dot - pos) : len;
	int		 changed;

	/* Each metadata record (POS 0) stands alone: 2. */
	if (n == 1 && pos[0] == '0')
		changed = 2;
	else
		changed = n != qs->paralen || n >= sizeof(qs->para) ||
		    memcmp(pos, qs->para, n) != 0;
	qs->paralen = n < sizeof(qs->para) ? n : sizeof(qs->para);
	memcpy(qs->para, pos, qs->paralen);
	return changed;
}

static void
hold(struct quotes *qs, const struct wire_rec *r, int newpara)
{
	struct held	*h;
	const char	*f, *t, *e = r->tags + r->tagslen;

	if (qs->nh == qs->caph) {
		qs->caph = qs->caph ? qs->caph * 2 : 256;
		qs->h = wire_xrealloc(qs->h, qs->caph, sizeof(*qs->h));
	}
	h = &qs->h[qs->nh++];
	h->pos = qs->meta.len;
	h->poslen = r->poslen;
	wire_buf_add(&qs->meta, r->pos, r->poslen);
	h->tags = qs->meta.len;
	for (f = r->tags; f < e; f = t + 1) {
		if ((t = memchr(f, '\t', e - f)) == NULL)
			t = e;
		if (ours(f, t - f))
			continue;
		if (qs->meta.len > h->tags)
			wire_buf_addc(&qs->meta, '\t');
		wire_buf_add(&qs->meta, f, t - f);
	}
	h->tagslen = qs->meta.len - h->tags;
	finder_add(&qs->wq, r->text, r->textlen, newpara);
}

/* The text of quotation q, its parts a space apart. */
static void
quote_text(struct quotes *qs, const struct quote *q, struct wire_buf *b)
{
	const struct qpart *p;
	const char	*s;
	size_t		 i, len;

	b->len = 0;
	for (i = 0; i < q->nparts; i++) {
		p = &qs->wq.part[q->part0 + i];
		s = finder_text(&qs->wq, p->rec, &len);
		if (i > 0)
			wire_buf_addc(b, ' ');
		wire_buf_add(b, s + p->s, p->e - p->s);
	}
}

static void
add_tag(struct wire_buf *b, const char *key, const char *val, size_t len)
{
	if (b->len > 0)
		wire_buf_addc(b, '\t');
	wire_buf_adds(b, key);
	wire_buf_escape(b, val, len);
}

/* speaker=, role= (only when there is one), cue=, kind=. */
static void
who_tags(struct wire_buf *b, const struct quote *q)
{
	add_tag(b, "speaker=", q->speaker, strlen(q->speaker));
	if (q->role[0] != '\0')
		add_tag(b, "role=", q->role, strlen(q->role));
	add_tag(b, "cue=", q->cue, strlen(q->cue));
	add_tag(b, "kind=", q->partial ? "partial" : "full",
	    q->partial ? 7 : 4);
}

static void
list(struct quotes *qs)
{
	const struct quote	*q;
	const struct held	*h;
	size_t			 i, k;

	for (i = 0; i < qs->wq.nq; i++) {
		q = &qs->wq.q[i];
		quote_text(qs, q, &qs->line);
		if (qs->plain) {
			/* One quotation a line, whatever it holds. */
			for (k = 0; k < qs->line.len; k++)
				if (qs->line.p[k] == '\t' ||
				    qs->line.p[k] == '\n' ||
				    qs->line.p[k] == '\r')
					qs->line.p[k] = ' ';
			fputs(q->speaker, stdout);
			putc_unlocked('\t', stdout);
			fwrite_unlocked(qs->line.p, 1, qs->line.len, stdout);
			putc_unlocked('\n', stdout);
		} else {
			h = &qs->h[qs->wq.part[q->part0].rec];
			qs->tags.len = 0;
			who_tags(&qs->tags, q);
			wire_write(stdout, qs->doc.p, qs->doc.len,
			    qs->meta.p + h->pos, h->poslen, qs->line.p,
			    qs->line.len, qs->tags.p, qs->tags.len);
		}
		wire_out_check();
	}
}

/* Number of code points in s, counting each invalid byte as one. */
static size_t
utf8_len(const char *s, size_t len)
{
	size_t	i, n, count = 0;

	for (i = 0; i < len; i += n, count++)
		wire_utf8_dec(s + i, len - i, &n);
	return count;
}

/* Every record, with a group of tags for each quotation part in it. */
static void
tag(struct quotes *qs)
{
	const struct qpart	*p = qs->wq.part, *pe;
	const struct quote	*q;
	const struct held	*h;
	const char		*s;
	char			 num[80];
	size_t			 i, len, at, cp, n;

	/* No quotation found: no parts, and p may be NULL. */
	pe = qs->wq.npart > 0 ? p + qs->wq.npart : p;
	for (i = 0; i < qs->nh; i++) {
		h = &qs->h[i];
		s = finder_text(&qs->wq, i, &len);
		qs->tags.len = 0;
		wire_buf_add(&qs->tags, qs->meta.p + h->tags, h->tagslen);
		/* Parts come in text order: count code points once. */
		for (at = cp = 0; p < pe && p->rec == i; p++) {
			q = &qs->wq.q[p->quote];
			cp += utf8_len(s + at, p->s - at);
			n = cp + utf8_len(s + p->s, p->e - p->s);
			at = p->e;
			snprintf(num, sizeof(num), "%zu:%zu-%zu", q->n, cp, n);
			cp = n;
			add_tag(&qs->tags, "quote=", num, strlen(num));
			who_tags(&qs->tags, q);
		}
		wire_write(stdout, qs->doc.p, qs->doc.len, qs->meta.p + h->pos,
		    h->poslen, s, len, qs->tags.p, qs->tags.len);
		wire_out_check();
	}
}

/* Find the quotations of the records held and write them out. */
static void
flush(struct quotes *qs)
{
	if (qs->nh == 0)
		return;
	finder_run(&qs->wq);
	if (qs->list || qs->plain)
		list(qs);
	else
		tag(qs);
	qs->nh = 0;
	qs->meta.len = 0;
}

static void
quotes_record(const struct wire_rec *r, void *arg)
{
	struct quotes	*qs = arg;
	size_t		 nrec;
	int		 np;

	if (!qs->indoc || r->doclen != qs->doc.len ||
	    memcmp(r->doc, qs->doc.p, r->doclen) != 0) {
		flush(qs);
		finder_doc(&qs->wq);
		qs->doc.len = 0;
		wire_buf_add(&qs->doc, r->doc, r->doclen);
		qs->indoc = 1;
		qs->paralen = SIZE_MAX;
	}
	np = new_para(qs, r->pos, r->poslen);
	if (np && finder_pending(&qs->wq, &nrec) > PART_BYTES) {
		qs->wq.more = 1;	/* a part: the document goes on */
		flush(qs);
		qs->wq.more = 0;
	}
	hold(qs, r, np);
}

static int
quotes_file(FILE *fp, const char *name, void *arg)
{
	struct quotes	*qs = arg;
	int		 bad;

	bad = wire_each_record(fp, name, qs->plain, quotes_record, qs);
	flush(qs);
	qs->indoc = 0;
	return bad;
}

int
main(int argc, char *argv[])
{
	struct quotes	qs = { 0 };
	int		c, status;

	wire_out_init();
	while ((c = getopt(argc, argv, "hlp")) != -1) {
		switch (c) {
		case 'h':
			wire_usage(1, synopsis);
		case 'l':
			qs.list = 1;
			break;
		case 'p':
			qs.plain = 1;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	finder_init(&qs.wq);
	status = wire_each_file(argc, argv, quotes_file, &qs);
	finder_free(&qs.wq);
	wire_buf_free(&qs.doc);
	wire_buf_free(&qs.meta);
	wire_buf_free(&qs.tags);
	wire_buf_free(&qs.line);
	free(qs.h);
	return wire_out_finish(status);
}
