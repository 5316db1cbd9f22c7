/*
 * story.c: stories, as stars around their fullest version.
 *
 * Documents are taken by their number of sentences, most first.  Each
 * one joins the story of the base that holds most of its evidence
 * sentences (clusters of four words or more), when that base holds at
 * least two of them and 30% of its own, or all of a short one's; else it
 * is the base of a new story, and the clusters that no base held yet are
 * its.  So a base is its story's fullest version, a document joins a
 * story only by sharing text with the base itself (A like B like C puts
 * C with A only if C is like A), and a document is looked up once,
 * against the bases only: the work is linear however many outlets ran
 * the story.
 *
 * Stories are numbered by their number of documents, most first, then
 * by where their base came in the input.  A document with no body is in
 * none.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define JOIN_SHARE	0.3	/* share of a document's evidence in its base */
#define JOIN_MIN	2	/* ... and at least this many sentences */

static struct corpus	*sortcp;

static int
by_size(const void *x, const void *y)
{
	const struct doc *a = &sortcp->doc[*(const uint32_t *)x];
	const struct doc *b = &sortcp->doc[*(const uint32_t *)y];

	if (a->nsent != b->nsent)
		return a->nsent > b->nsent ? -1 : 1;
	return (*(const uint32_t *)x > *(const uint32_t *)y) -
	    (*(const uint32_t *)x < *(const uint32_t *)y);
}

static uint32_t	*storysize;

static int
by_story(const void *x, const void *y)
{
	uint32_t	a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	if (storysize[a] != storysize[b])
		return storysize[a] > storysize[b] ? -1 : 1;
	return (sortcp->doc[a].base > sortcp->doc[b].base) -
	    (sortcp->doc[a].base < sortcp->doc[b].base);
}

/* The base that holds most of d's evidence, and how much, or NONE32. */
static uint32_t
best_base(struct corpus *cp, uint32_t d, const uint32_t *owner,
    uint32_t *count, uint32_t *touched, uint32_t *share)
{
	const struct doc *dd = &cp->doc[d];
	uint32_t	 i, c, b, n = 0, best = NONE32;

	for (i = dd->sent0; i < dd->sent0 + dd->nsent; i++) {
		if (!cp->evid[i] || (b = owner[cp->clu[i]]) == NONE32)
			continue;
		if (count[b]++ == 0)
			touched[n++] = b;
	}
	for (i = 0; i < n; i++) {
		c = count[touched[i]];
		if (best == NONE32 || c > count[best] ||
		    (c == count[best] && touched[i] < best))
			best = touched[i];
	}
	*share = best == NONE32 ? 0 : count[best];
	for (i = 0; i < n; i++)
		count[touched[i]] = 0;
	return best;
}

void
stories(struct corpus *cp)
{
	const struct doc *dd;
	uint32_t	*order, *owner, *count, *touched, *bases, d, i, k, b;
	uint32_t	 share, nbase = 0, s;

	order = wire_xrealloc(NULL, cp->ndoc + 1, sizeof(*order));
	owner = wire_xrealloc(NULL, cp->nclu + 1, sizeof(*owner));
	count = wire_xrealloc(NULL, cp->ndoc + 1, sizeof(*count));
	touched = wire_xrealloc(NULL, cp->ndoc + 1, sizeof(*touched));
	bases = wire_xrealloc(NULL, cp->ndoc + 1, sizeof(*bases));
	for (i = 0; i < cp->ndoc; i++) {
		order[i] = i;
		count[i] = 0;
	}
	for (i = 0; i < cp->nclu; i++)
		owner[i] = NONE32;
	sortcp = cp;
	wire_sort(order, cp->ndoc, sizeof(*order), by_size);
	for (k = 0; k < cp->ndoc; k++) {
		d = order[k];
		dd = &cp->doc[d];
		/* A document with no body is in no story. */
		if (dd->nsent == 0)
			continue;
		b = best_base(cp, d, owner, count, touched, &share);
		if (b != NONE32 && ((share >= JOIN_MIN && share >= JOIN_SHARE *
		    dd->nevid) || share == dd->nevid)) {
			cp->doc[d].base = b;
			continue;
		}
		cp->doc[d].base = d;
		cp->doc[d].isbase = 1;
		bases[nbase++] = d;
		for (i = dd->sent0; i < dd->sent0 + dd->nsent; i++)
			if (cp->evid[i] && owner[cp->clu[i]] == NONE32)
				owner[cp->clu[i]] = d;
	}
	/* Number the stories: by size, then by their base's place. */
	storysize = count;	/* reused: documents of each base's story */
	for (i = 0; i < cp->ndoc; i++)
		if (cp->doc[i].base != NONE32)
			count[cp->doc[i].base]++;
	wire_sort(bases, nbase, sizeof(*bases), by_story);
	for (s = 0; s < nbase; s++) {
		cp->doc[bases[s]].story = s;
		cp->nmulti += storysize[bases[s]] > 1;
	}
	cp->nstory = nbase;
	/* Each story's documents, the base first, the others in input order. */
	cp->first = wire_xrealloc(NULL, nbase + 1, sizeof(*cp->first));
	cp->byorder = wire_xrealloc(NULL, cp->ndoc + 1, sizeof(*cp->byorder));
	for (s = 0, k = 0; s < nbase; s++) {
		cp->first[s] = k;
		cp->byorder[k] = bases[s];
		k += storysize[bases[s]];
	}
	cp->first[nbase] = k;
	for (s = 0; s < nbase; s++)
		touched[s] = cp->first[s] + 1;	/* the next free place */
	for (i = 0; i < cp->ndoc; i++) {
		if (cp->doc[i].base == NONE32)
			continue;
		s = cp->doc[cp->doc[i].base].story;
		cp->doc[i].story = s;
		if (!cp->doc[i].isbase)
			cp->byorder[touched[s]++] = i;
	}
	free(order);
	free(owner);
	free(count);
	free(touched);
	free(bases);
}
