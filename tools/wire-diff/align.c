/*
 * align.c: align the sentences of two versions of a story (wire-diff).
 *
 * Links are found strongest first, each pass on what the passes before
 * left unmatched:
 *
 *  1. the same normalised text (wire_norm): first texts found once in
 *     each version, then repeated ones between those, then any;
 *  2. the same words and marks after folding spelling variants
 *     (wire_keys), so Zelensky/Zelenskiy or "per cent"/"%" are equal;
 *  3. anywhere in the other version, a word-bigram Jaccard similarity of
 *     at least STRONG: edited sentences and moved ones;
 *  4. then, inside each gap between links that keep their order, weaker
 *     pairs that only their place makes believable (rewrites, truncated
 *     sentences), and sentences that were split or merged, as links
 *     between a run of two sentences on one side and one on the other.
 *
 * Links that keep the order are those of a longest increasing
 * subsequence of A positions in B order; the others are moves.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

#define STRONG		0.5	/* bigram Jaccard for a link anywhere */
#define WEAK_BIGRAM	0.2	/* ... for a link inside a gap */
#define WEAK_WORDS	0.4	/* ... or content-word Jaccard inside a gap */
#define PART		0.5	/* share of a part found in the whole: merge */
#define ALLPAIRS	250000	/* more candidate pairs than this: use LSH */
#define GAPPAIRS	40000	/* larger gaps get no weak pass */

struct link {
	size_t	a0, a1, b0, b1;	/* [a0, a1) in A with [b0, b1) in B */
	int	inorder;
};

struct align {
	struct version	*a, *b;
	struct link	*l;
	size_t		 nl, capl;
	long		*la, *lb;	/* link of each sentence, or -1 */
	struct store	*sc;
};

static void
link(struct align *al, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t	i;

	al->l = wire_grow(al->l, &al->capl, al->nl + 1, sizeof(*al->l));
	al->l[al->nl] = (struct link){ a0, a1, b0, b1, 0 };
	for (i = a0; i < a1; i++)
		al->la[i] = (long)al->nl;
	for (i = b0; i < b1; i++)
		al->lb[i] = (long)al->nl;
	al->nl++;
}

/*
 * Before equal texts are linked anywhere, link those that occur once in
 * each version, keep the ones in order as anchors, and link repeated
 * texts inside the gaps between anchors, in order: so a sentence that
 * a story repeats is not taken for a move (the idea of patience diff).
 */
static void	mark_inorder(struct align *);
static void	equal_pass(struct align *, int, size_t, size_t, size_t,
		    size_t);

/*
 * The index of a text in A and in B, as one map value: each half holds
 * the index + 1, 0 for none yet, or ONCE_MANY for several.
 */
#define ONCE_MANY	0xffffffffu

static void
once(uint64_t *v, int shift, size_t i)
{
	uint64_t	half = (*v >> shift) & 0xffffffff;

	half = half == 0 ? i + 1 : ONCE_MANY;
	*v = (*v & ~((uint64_t)0xffffffff << shift)) | half << shift;
}

static void
anchors(struct align *al)
{
	struct wire_map	 t = { 0 };
	uint64_t	 key, v, ia, ib;
	size_t		 i, j, k, a0 = 0, b0 = 0, n, it = 0;

	for (i = 0; i < al->a->n; i++)
		once(wire_map_get(&t, al->a->s[i].norm), 32, i);
	for (j = 0; j < al->b->n; j++)
		once(wire_map_get(&t, al->b->s[j].norm), 0, j);
	while (wire_map_next(&t, &it, &key, &v)) {
		ia = v >> 32;
		ib = v & 0xffffffff;
		if (ia != 0 && ia != ONCE_MANY && ib != 0 && ib != ONCE_MANY)
			link(al, ia - 1, ia, ib - 1, ib);
	}
	wire_map_free(&t);
	mark_inorder(al);
	n = al->nl;
	for (k = 0; k <= n; k++) {
		if (k < n && !al->l[k].inorder)
			continue;
		equal_pass(al, 0, a0, k < n ? al->l[k].a0 : al->a->n, b0,
		    k < n ? al->l[k].b0 : al->b->n);
		if (k < n) {
			a0 = al->l[k].a1;
			b0 = al->l[k].b1;
		}
	}
}

/*
 * Passes 1 and 2 over A [a0, a1) and B [b0, b1): equal texts, by a hash
 * map from A's hashes (normalised text, or folded keys).
 */
static void
equal_pass(struct align *al, int folded, size_t a0, size_t a1, size_t b0,
    size_t b1)
{
	size_t		 cap, i, j, h;
	long		*head, *next, last = -1, k, *pp, *best, d, bestd = 0;
	int		 seen;
	uint64_t	 key;

	if (a1 <= a0 || b1 <= b0)
		return;
	for (cap = 16; cap < 2 * (a1 - a0); cap *= 2)
		;
	head = wire_xrealloc(NULL, cap, sizeof(*head));
	next = wire_xrealloc(NULL, a1 - a0, sizeof(*next));
	for (h = 0; h < cap; h++)
		head[h] = -1;
	/* Chains keep A order: insert from the end. */
	for (i = a1; i-- > a0; ) {
		if (al->la[i] != -1)
			continue;
		if (folded)
			sent_prepare(al->sc, &al->a->s[i]);
		key = folded ? al->a->s[i].eq : al->a->s[i].norm;
		h = key & (cap - 1);
		next[i - a0] = head[h];
		head[h] = (long)i;
	}
	for (j = b0; j < b1; j++) {
		if (al->lb[j] != -1)
			continue;
		if (folded)
			sent_prepare(al->sc, &al->b->s[j]);
		key = folded ? al->b->s[j].eq : al->b->s[j].norm;
		/*
		 * Of several equal sentences in A, take the one nearest to
		 * where the last link left off, so that a repeated sentence
		 * does not look like a move, nor a moved block like a jump.
		 */
		best = NULL;
		seen = 0;
		for (pp = &head[key & (cap - 1)]; (k = *pp) != -1;
		    pp = &next[k - (long)a0]) {
			if ((folded ? al->a->s[k].eq : al->a->s[k].norm) != key)
				continue;
			/* A text repeated very often: settle for the best so far. */
			if (++seen > 64 && best != NULL)
				break;
			/* The chain is in A order: stop at the first past last. */
			d = k > last ? k - last - 1 : last + 1 - k;
			if (best == NULL || d < bestd) {
				best = pp;
				bestd = d;
			}
			if (k > last)
				break;
		}
		if ((pp = best) == NULL)
			continue;
		k = *pp;
		*pp = next[k - (long)a0];	/* used: unchain it */
		link(al, (size_t)k, (size_t)k + 1, j, j + 1);
		last = k;
	}
	free(head);
	free(next);
}

struct cand {
	size_t	i, j;
	double	s;
};

static int
by_sim(const void *x, const void *y)
{
	const struct cand *p = x, *q = y;

	if (p->s != q->s)
		return p->s < q->s ? 1 : -1;
	if (p->j != q->j)
		return p->j < q->j ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

static void
add_cand(struct cand **c, size_t *n, size_t *cap, size_t i, size_t j,
    double s)
{
	*c = wire_grow(*c, cap, *n + 1, sizeof(**c));
	(*c)[(*n)++] = (struct cand){ i, j, s };
}


/*
 * Two adjacent sentences of one side that each are mostly found in one
 * sentence of the other side, and together match it: a merge (or, the
 * other way round, a split).  x is the side of the pair, [x0, x1) and
 * [y0, y1) the sentences looked at.  Only unlinked pairs are tried, so
 * the work is that of the unlinked sentences of both sides, which the
 * callers bound.
 */
static void
merges(struct align *al, struct version *x, struct version *y, long *lx,
    long *ly, size_t x0, size_t x1, size_t y0, size_t y1, int xisa)
{
	size_t	i, j, k, n = 0, *pairs;

	if (x1 < x0 + 2 || y1 <= y0)
		return;
	pairs = wire_xrealloc(NULL, x1 - x0, sizeof(*pairs));
	for (i = x0; i + 1 < x1; i++)
		if (lx[i] == -1 && lx[i + 1] == -1)
			pairs[n++] = i;
	for (j = y0; j < y1; j++)
		for (k = 0; ly[j] == -1 && k < n; k++) {
			i = pairs[k];
			if (lx[i] != -1 || lx[i + 1] != -1 ||
			    sent_part(&x->s[i], &y->s[j]) < PART ||
			    sent_part(&x->s[i + 1], &y->s[j]) < PART ||
			    sent_sim2(al->sc, &x->s[i], &x->s[i + 1],
			    &y->s[j]) < STRONG)
				continue;
			if (xisa)
				link(al, i, i + 2, j, j + 1);
			else
				link(al, j, j + 1, i, i + 2);
		}
	free(pairs);
}

/* Link candidates one to one, most similar first. */
static void
greedy(struct align *al, struct cand *c, size_t n)
{
	size_t	k;

	wire_sort(c, n, sizeof(*c), by_sim);
	for (k = 0; k < n; k++)
		if (al->la[c[k].i] == -1 && al->lb[c[k].j] == -1)
			link(al, c[k].i, c[k].i + 1, c[k].j, c[k].j + 1);
}

/* Pass 3: strong pairs anywhere, by all pairs or by MinHash LSH. */
static void
near_pass(struct align *al)
{
	struct wire_lsh		*idx;
	struct cand		*c = NULL;
	size_t			 nc = 0, cc = 0, i, j, k, ua = 0, ub = 0, n;
	size_t			*ids, *ai;
	double			*sims, s;
	uint8_t			 sig[WIRE_SIG_K];

	for (i = 0; i < al->a->n; i++)
		if (al->la[i] == -1) {
			sent_prepare(al->sc, &al->a->s[i]);
			ua++;
		}
	for (j = 0; j < al->b->n; j++)
		if (al->lb[j] == -1) {
			sent_prepare(al->sc, &al->b->s[j]);
			ub++;
		}
	if (ua == 0 || ub == 0)
		return;
	if (ua * ub <= ALLPAIRS) {
		for (i = 0; i < al->a->n; i++)
			for (j = 0; al->la[i] == -1 && j < al->b->n; j++)
				if (al->lb[j] == -1 && (s = sent_sim(&al->a->s[i],
				    &al->b->s[j])) >= STRONG)
					add_cand(&c, &nc, &cc, i, j, s);
		greedy(al, c, nc);
		free(c);
		merges(al, al->a, al->b, al->la, al->lb, 0, al->a->n, 0,
		    al->b->n, 1);
		merges(al, al->b, al->a, al->lb, al->la, 0, al->b->n, 0,
		    al->a->n, 0);
		return;
	}
	/* Too many pairs: let MinHash signatures propose candidates. */
	idx = wire_lsh_new();
	ai = wire_xrealloc(NULL, ua, sizeof(*ai));
	ids = wire_xrealloc(NULL, 64, sizeof(*ids));
	sims = wire_xrealloc(NULL, 64, sizeof(*sims));
	for (i = 0, k = 0; i < al->a->n; i++) {
		if (al->la[i] != -1)
			continue;
		wire_sig(al->a->s[i].sh, al->a->s[i].nsh, sig);
		wire_lsh_add(idx, sig);
		ai[k++] = i;
	}
	for (j = 0; j < al->b->n; j++) {
		if (al->lb[j] != -1)
			continue;
		wire_sig(al->b->s[j].sh, al->b->s[j].nsh, sig);
		n = wire_lsh_near(idx, sig, STRONG / 2, ids, sims, 64);
		for (k = 0; k < n; k++) {
			i = ai[ids[k]];
			if ((s = sent_sim(&al->a->s[i], &al->b->s[j])) >= STRONG)
				add_cand(&c, &nc, &cc, i, j, s);
		}
	}
	greedy(al, c, nc);
	free(c);
	free(ai);
	free(ids);
	free(sims);
	wire_lsh_free(idx);
}

/* Mark the links of a longest increasing run of a0 in b0 order. */
static void
mark_inorder(struct align *al)
{
	struct link	*l;
	size_t		 n = al->nl, len = 0, i, lo, hi, mid, j;
	size_t		*tail, *prev;
	long		 k;

	/* The links in B's order: each sentence of B is in one at most. */
	l = wire_xrealloc(NULL, n, sizeof(*l));
	for (i = j = 0; j < al->b->n; j++)
		if (al->lb[j] != -1 && al->l[al->lb[j]].b0 == j)
			l[i++] = al->l[al->lb[j]];
	free(al->l);
	al->l = l;
	al->capl = n;
	for (i = 0; i < n; i++) {
		size_t x;

		al->l[i].inorder = 0;
		for (x = al->l[i].a0; x < al->l[i].a1; x++)
			al->la[x] = (long)i;
		for (x = al->l[i].b0; x < al->l[i].b1; x++)
			al->lb[x] = (long)i;
	}
	if (n == 0)
		return;
	tail = wire_xrealloc(NULL, n, sizeof(*tail));
	prev = wire_xrealloc(NULL, n, sizeof(*prev));
	for (i = 0; i < n; i++) {
		for (lo = 0, hi = len; lo < hi; ) {
			mid = (lo + hi) / 2;
			if (al->l[tail[mid]].a0 < al->l[i].a0)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : SIZE_MAX;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	for (k = (long)tail[len - 1]; k != -1 && (size_t)k != SIZE_MAX;
	    k = (long)prev[k])
		al->l[k].inorder = 1;
	free(tail);
	free(prev);
}

/*
 * Pass 4 in one gap, A [a0, a1) and B [b0, b1): weak one-to-one links,
 * then merges and splits of two adjacent sentences.
 */
static void
gap_pass(struct align *al, size_t a0, size_t a1, size_t b0, size_t b1)
{
	struct sent	*A = al->a->s, *B = al->b->s;
	struct cand		*c = NULL;
	size_t			 nc = 0, cc = 0, i, j;
	double			 s, w;

	if (a1 <= a0 || b1 <= b0 || (a1 - a0) * (b1 - b0) > GAPPAIRS)
		return;
	/* Merges and splits first: their parts also look like weak pairs. */
	merges(al, al->a, al->b, al->la, al->lb, a0, a1, b0, b1, 1);
	merges(al, al->b, al->a, al->lb, al->la, b0, b1, a0, a1, 0);
	for (i = a0; i < a1; i++)
		for (j = b0; al->la[i] == -1 && j < b1; j++) {
			if (al->lb[j] != -1)
				continue;
			s = sent_sim(&A[i], &B[j]);
			w = wire_jaccard(A[i].uni, A[i].nuni, B[j].uni, B[j].nuni);
			if (s >= WEAK_BIGRAM || w >= WEAK_WORDS)
				add_cand(&c, &nc, &cc, i, j, s > w ? s : w);
		}
	greedy(al, c, nc);
	free(c);
}

/*
 * A sentence split off or merged into a neighbour that is already
 * linked: widen that link when most of the sentence is found there.
 */
static void
widen(struct align *al)
{
	struct sent	*A = al->a->s, *B = al->b->s;
	struct link		*l;
	size_t			 k;

	for (k = 0; k < al->nl; k++) {
		l = &al->l[k];
		if (l->a1 - l->a0 != 1 || l->b1 - l->b0 != 1)
			continue;
		if (l->a1 < al->a->n && al->la[l->a1] == -1 &&
		    sent_part(&A[l->a1], &B[l->b0]) >= PART &&
		    sent_sim2(al->sc, &A[l->a0], &A[l->a1], &B[l->b0]) >
		    sent_sim(&A[l->a0], &B[l->b0]))
			al->la[l->a1++] = (long)k;
		else if (l->a0 > 0 && al->la[l->a0 - 1] == -1 &&
		    sent_part(&A[l->a0 - 1], &B[l->b0]) >= PART &&
		    sent_sim2(al->sc, &A[l->a0 - 1], &A[l->a0], &B[l->b0]) >
		    sent_sim(&A[l->a0], &B[l->b0]))
			al->la[--l->a0] = (long)k;
		else if (l->b1 < al->b->n && al->lb[l->b1] == -1 &&
		    sent_part(&B[l->b1], &A[l->a0]) >= PART &&
		    sent_sim2(al->sc, &B[l->b0], &B[l->b1], &A[l->a0]) >
		    sent_sim(&A[l->a0], &B[l->b0]))
			al->lb[l->b1++] = (long)k;
		else if (l->b0 > 0 && al->lb[l->b0 - 1] == -1 &&
		    sent_part(&B[l->b0 - 1], &A[l->a0]) >= PART &&
		    sent_sim2(al->sc, &B[l->b0 - 1], &B[l->b0], &A[l->a0]) >
		    sent_sim(&A[l->a0], &B[l->b0]))
			al->lb[--l->b0] = (long)k;
	}
}

static void
gaps(struct align *al)
{
	size_t	k, a0 = 0, b0 = 0, n = al->nl;

	for (k = 0; k <= n; k++) {
		if (k < n && !al->l[k].inorder)
			continue;
		gap_pass(al, a0, k < n ? al->l[k].a0 : al->a->n, b0,
		    k < n ? al->l[k].b0 : al->b->n);
		if (k < n) {
			a0 = al->l[k].a1;
			b0 = al->l[k].b1;
		}
	}
}

static void
unit(struct unit **u, size_t *n, size_t *cap, int op, size_t a0,
    size_t a1, size_t b0, size_t b1)
{
	*u = wire_grow(*u, cap, *n + 1, sizeof(**u));
	(*u)[(*n)++] = (struct unit){ op, a0, a1, b0, b1 };
}

/* Are the two runs the same text after folding? */
static int
same(struct align *al, const struct link *l)
{
	if (l->a1 - l->a0 != 1 || l->b1 - l->b0 != 1)
		return 0;
	if (al->a->s[l->a0].norm == al->b->s[l->b0].norm)
		return 1;
	sent_prepare(al->sc, &al->a->s[l->a0]);
	sent_prepare(al->sc, &al->b->s[l->b0]);
	return al->a->s[l->a0].eq == al->b->s[l->b0].eq;
}

size_t
align(struct store *sc, struct version *a, struct version *b,
    struct unit **out)
{
	struct align	 al = { a, b, NULL, 0, 0, NULL, NULL, sc };
	struct link	*l;
	size_t		 i, j, n = 0, cap = 0, next = 0, *nexta;

	*out = NULL;
	al.la = wire_xrealloc(NULL, a->n + 1, sizeof(*al.la));
	al.lb = wire_xrealloc(NULL, b->n + 1, sizeof(*al.lb));
	for (i = 0; i < a->n; i++)
		al.la[i] = -1;
	for (j = 0; j < b->n; j++)
		al.lb[j] = -1;
	anchors(&al);
	equal_pass(&al, 0, 0, a->n, 0, b->n);
	equal_pass(&al, 1, 0, a->n, 0, b->n);
	near_pass(&al);
	mark_inorder(&al);
	gaps(&al);
	mark_inorder(&al);
	widen(&al);
	mark_inorder(&al);

	/*
	 * B's order, with what A lost where it stood in A: before the next
	 * link in order, and before what B added in the same place.
	 */
	nexta = wire_xrealloc(NULL, b->n + 1, sizeof(*nexta));
	nexta[b->n] = a->n;
	for (j = b->n; j-- > 0; )
		nexta[j] = al.lb[j] != -1 && al.l[al.lb[j]].inorder ?
		    al.l[al.lb[j]].a0 : nexta[j + 1];
	for (j = 0; j < b->n; j++) {
		if (al.lb[j] == -1) {
			for (; next < nexta[j]; next++)
				if (al.la[next] == -1)
					unit(out, &n, &cap, '-', next, next + 1,
					    0, 0);
			unit(out, &n, &cap, '+', 0, 0, j, j + 1);
			continue;
		}
		l = &al.l[al.lb[j]];
		if (j != l->b0)
			continue;
		if (!l->inorder) {
			unit(out, &n, &cap, '>', l->a0, l->a1, l->b0, l->b1);
			continue;
		}
		for (; next < l->a0; next++)
			if (al.la[next] == -1)
				unit(out, &n, &cap, '-', next, next + 1, 0, 0);
		next = l->a1;
		unit(out, &n, &cap, same(&al, l) ? '=' : '~', l->a0, l->a1,
		    l->b0, l->b1);
	}
	for (; next < a->n; next++)
		if (al.la[next] == -1)
			unit(out, &n, &cap, '-', next, next + 1, 0, 0);
	free(nexta);
	free(al.l);
	free(al.la);
	free(al.lb);
	return n;
}
