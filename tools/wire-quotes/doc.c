/*
 * doc.c: a document's records and state, and the run that finds its
 * quotations.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

void
finder_init(struct finder *wq)
{
	memset(wq, 0, sizeof(*wq));
	wq->ctx = wire_xmalloc(sizeof(*wq->ctx));
	memset(wq->ctx, 0, sizeof(*wq->ctx));
	wq->ctx->open = NOSTR;
	wire_lex_init();
}

void
finder_free(struct finder *wq)
{
	struct qctx *c = wq->ctx;

	wire_buf_free(&c->text);
	wire_buf_free(&c->strs);
	free(c->rec);
	free(c->m);
	free(c->t);
	free(c->q);
	free(c->seg);
	free(c);
	free(wq->q);
	free(wq->part);
	memset(wq, 0, sizeof(*wq));
}

void
finder_doc(struct finder *wq)
{
	struct qctx *c = wq->ctx;

	c->nrec = 0;
	c->text.len = 0;
	c->ran = 0;
	c->number = 0;
	c->strs.len = 0;
	c->nhist = 0;
	c->nnames = 0;
	memset(&c->prevpara, 0, sizeof(c->prevpara));
	memset(&c->paralast, 0, sizeof(c->paralast));
	memset(&c->subj, 0, sizeof(c->subj));
	memset(&c->lead, 0, sizeof(c->lead));
	c->subj.name = c->subj.role = c->lead.name = c->lead.role = NOSTR;
	c->nbody = 0;
	c->leadnames = 0;
	c->lastsent = 0;
	c->nsent = 0;
	c->prevquote = 0;
	c->prevcolon = 0;
	c->open = NOSTR;
	wq->nq = wq->npart = 0;
}

/*
 * Keep only the strings that the document's state still refers to, so
 * that a document read in many runs holds no more than one run's worth.
 */
static size_t
keep(struct wire_buf *nb, const struct wire_buf *ob, size_t off)
{
	size_t	at = nb->len;

	if (off == NOSTR)
		return NOSTR;
	wire_buf_add(nb, ob->p + off, strlen(ob->p + off) + 1);
	return at;
}

static void
compact(struct qctx *c)
{
	struct wire_buf	nb = { 0 };
	size_t		i;

	for (i = 0; i < c->nhist && i < HIST; i++) {
		c->hist[i].name = keep(&nb, &c->strs, c->hist[i].name);
		c->hist[i].role = keep(&nb, &c->strs, c->hist[i].role);
	}
	for (i = 0; i < c->nnames; i++) {
		size_t	nm = c->names[i], sn = c->surname[i];

		c->names[i] = keep(&nb, &c->strs, nm);
		/* A last word is inside its name; an acronym is not. */
		c->surname[i] = sn >= nm && sn <= nm + strlen(c->strs.p + nm) ?
		    c->names[i] + (sn - nm) : keep(&nb, &c->strs, sn);
		c->roles[i] = keep(&nb, &c->strs, c->roles[i]);
	}
	c->subj.name = keep(&nb, &c->strs, c->subj.name);
	c->subj.role = keep(&nb, &c->strs, c->subj.role);
	c->lead.name = keep(&nb, &c->strs, c->lead.name);
	c->lead.role = keep(&nb, &c->strs, c->lead.role);
	c->prevpara.name = keep(&nb, &c->strs, c->prevpara.name);
	c->prevpara.role = keep(&nb, &c->strs, c->prevpara.role);
	wire_buf_free(&c->strs);
	c->strs = nb;
}

void
finder_add(struct finder *wq, const char *s, size_t len, int newpara)
{
	struct qctx *c = wq->ctx;

	if (c->ran) {
		c->nrec = 0;
		c->text.len = 0;
		c->ran = 0;
		wq->nq = wq->npart = 0;
	}
	c->rec = wire_grow(c->rec, &c->caprec, c->nrec + 1, sizeof(*c->rec));
	c->rec[c->nrec].off = c->text.len;
	c->rec[c->nrec].len = len;
	c->rec[c->nrec].newpara = newpara ? newpara : c->nrec == 0;
	c->nrec++;
	wire_buf_add(&c->text, s, len);
	wire_buf_addc(&c->text, ' ');
}

const char *
finder_text(const struct finder *wq, size_t i, size_t *len)
{
	*len = wq->ctx->rec[i].len;
	return wq->ctx->text.p + wq->ctx->rec[i].off;
}

size_t
finder_pending(const struct finder *wq, size_t *nrec)
{
	const struct qctx *c = wq->ctx;

	*nrec = c->ran ? 0 : c->nrec;
	return c->ran ? 0 : c->text.len;
}


/* ---- the run ----------------------------------------------------- */

static void
results(struct finder *wq)
{
	struct qctx *c = wq->ctx;
	struct quo	*q;
	struct seg	*g;
	size_t		 k, i, r, lo, hi, s, e, first;

	wq->nq = wq->npart = 0;
	wq->q = wire_grow(wq->q, &c->capoq, c->nq + 1, sizeof(*wq->q));
	for (k = 0; k < c->nq; k++) {
		q = &c->q[k];
		if (q->title || !q->closed)
			continue;
		first = wq->npart;
		for (i = 0; i < q->nseg; i++) {
			g = &c->seg[q->seg0 + i];
			/* The record that holds its start. */
			lo = 0;
			hi = c->nrec;
			while (hi - lo > 1) {
				r = lo + (hi - lo) / 2;
				if (c->rec[r].off <= g->a)
					lo = r;
				else
					hi = r;
			}
			for (r = lo; r < c->nrec && c->rec[r].off < g->b; r++) {
				s = g->a > c->rec[r].off ? g->a : c->rec[r].off;
				e = g->b < c->rec[r].off + c->rec[r].len ? g->b :
				    c->rec[r].off + c->rec[r].len;
				if (e <= s)
					continue;
				wq->part = wire_grow(wq->part, &c->capop,
				    wq->npart + 1, sizeof(*wq->part));
				wq->part[wq->npart].quote = wq->nq;
				wq->part[wq->npart].rec = r;
				wq->part[wq->npart].s = s - c->rec[r].off;
				wq->part[wq->npart].e = e - c->rec[r].off;
				wq->npart++;
			}
		}
		if (wq->npart == first)
			continue;
		wq->q[wq->nq].n = ++c->number;
		wq->q[wq->nq].part0 = first;
		wq->q[wq->nq].nparts = wq->npart - first;
		wq->q[wq->nq].partial = q->partial;
		wq->q[wq->nq].speaker = q->who.kind != W_NONE &&
		    q->who.name != NOSTR ? str(c, q->who.name) : "-";
		wq->q[wq->nq].role = q->who.kind == W_NAME &&
		    q->who.role != NOSTR ? str(c, q->who.role) : "";
		wq->q[wq->nq].cue = q->cue != NOSTR ? str(c, q->cue) : "-";
		wq->nq++;
	}
}

void
finder_run(struct finder *wq)
{
	struct qctx *c = wq->ctx;
	size_t		 r = 0, r1, end, para = 0;

	if (c->strs.len > (1 << 20))
		compact(c);
	c->nq = c->nseg = 0;
	c->open = NOSTR;
	c->ran = 1;
	/*
	 * What a paragraph teaches (names, the last speaker) only serves
	 * quotations after it, so the paragraphs after the last one with a
	 * quotation mark are not read at all: a document without quotations
	 * costs one scan for marks.  Not when the document goes on: what
	 * they teach then serves its next part.  A quotation in the title
	 * alone still reads the first paragraph, which names the story's
	 * lead.
	 */
	for (end = c->nrec; !wq->more && end > 0; end = r) {
		for (r = end - 1; r > 0 && !c->rec[r].newpara; r--)
			;
		scan_marks(c, c->rec[r].off, c->rec[end - 1].off + c->rec[end - 1].len);
		if (c->nm > 0)
			break;
	}
	if (end > 0 && end < c->nrec && c->rec[r].newpara == 2)
		for (end++; end < c->nrec && !c->rec[end].newpara; end++)
			;
	for (r = 0; r < end; r = r1) {
		for (r1 = r + 1; r1 < end && !c->rec[r1].newpara; r1++)
			;
		paragraph(c, r, r1, para++);
	}
	if (c->open != NOSTR)
		drop_quote(c, c->open);
	c->open = NOSTR;
	head_quotes(c);
	results(wq);
}

