/*
 * repeat.c: text an article says twice (a caption under a picture and
 * again in the body, an article pasted in twice): a paragraph most of
 * whose four-word shingles an earlier paragraph of the article had.
 */
#include <stdlib.h>
#include <string.h>

#include "strip.h"

/*
 * The shingles of a paragraph, for repetition: of each four words in a
 * row, the XOR of their hashes, turned by 48, 32, 16 and 0 bits, so
 * that the next one is this one turned by 16, less the word that
 * leaves, plus the word that comes.
 */
static inline uint64_t
rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/*
 * The shingles of the article so far: a hash set whose slots carry the
 * stamp of the paragraph that added them.  Stamps only grow, and those
 * below the article's first (gen) are free slots, so that a new article
 * needs no clearing of the table.  An article uses only the first
 * st->acap slots, eight to sixteen for each of its shingles: a small
 * article finds its slots in the cache, where the last one left them,
 * and the table never fills.
 */
struct shingle {
	uint32_t	h;	/* the high half of the hash (the low bits */
	uint32_t	stamp;	/* pick the slot) */
};

/*
 * How many of the nsh shingles of a paragraph, from its word hashes w,
 * an earlier paragraph of the article had.  One that no paragraph had is
 * added as the paragraph's: a shingle said twice in one paragraph is
 * not text said before.  The table's numbers are taken out of st first,
 * as a store into a slot could otherwise change them.
 */
static size_t
repeated(struct strip *st, const uint64_t *w, size_t nsh)
{
	struct shingle	*t = st->seen;
	size_t			 i, k, dup = 0, mask = st->acap - 1;
	uint32_t		 gen = st->gen, stamp = st->stamp, hi;
	uint64_t		 h;

	if (nsh == 0)
		return 0;
	/* The last turn reads past the paragraph's hashes: st->h has room. */
	for (k = 0, h = rotl(w[0], 48) ^ rotl(w[1], 32) ^ rotl(w[2], 16) ^
	    w[3]; k < nsh; k++, h = rotl(h, 16) ^ w[k - 1] ^ w[k + 3]) {
		hi = (uint32_t)(h >> 32);
		for (i = h & mask; ; i = (i + 1) & mask) {
			if (t[i].stamp < gen) {		/* a free slot */
				t[i].h = hi;
				t[i].stamp = stamp;
				break;
			}
			if (t[i].h == hi) {
				dup += t[i].stamp != stamp;
				break;
			}
		}
	}
	return dup;
}

/*
 * A new article of n shingles: stamps for its paragraphs, and slots.
 * When the stamps would run out, the table is cleared and they start
 * again.
 */
static void
seen_article(struct strip *st, size_t n)
{
	size_t	cap;

	if (UINT32_MAX - st->stamp <= st->n + 1) {
		if (st->seen != NULL)
			memset(st->seen, 0, st->seencap * sizeof(*st->seen));
		st->stamp = 0;
	}
	st->gen = st->stamp + 1;
	for (cap = 256; cap <= 8 * n; cap *= 2)
		;
	if (cap > st->seencap) {
		free(st->seen);
		if ((st->seen = calloc(cap, sizeof(*st->seen))) == NULL)
			wire_nomem();
		st->seencap = cap;
	}
	st->acap = cap;
}

void
mark_repeats(struct strip *st)
{
	struct para	*p;
	size_t		 i, nsh, all = 0;
	int		 pass;

	for (i = 0; i < st->n; i++)
		all += st->p[i].nh < 4 ? 0 : st->p[i].nh - 3;
	seen_article(st, all);
	/*
	 * Captions known as such (the markup's) come last: a caption that
	 * repeats the lede is the copy, not the lede.
	 */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < st->n; i++) {
			p = &st->p[i];
			if (p->caption != pass)
				continue;
			nsh = p->nh < 4 ? 0 : p->nh - 3;
			st->stamp++;
			p->dup = nsh > 0 &&
			    repeated(st, st->h + p->h0, nsh) * 2 >= nsh;
		}
}
