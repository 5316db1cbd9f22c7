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

#include "wire.h"

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
	struct wire_version	*a, *b;
	struct link		*l;
	size_t			 nl, capl;
	long			*la, *lb;	/* link of each sentence, or -1 */
	struct wire_keys	 ks;
	uint64_t		*tmp;
	size_t			 tmpcap;
};

/*
 * A version's texts and sets live in blocks that never move, allocated
 * a megabyte at a time: one malloc per sentence would cost more than
 * aligning it.
 */
#define BLOCK	(1 << 20)

struct block {
	struct block	*next;
	size_t		 used, size;
	_Alignas(8) char data[];
};

static void *
alloc(struct wire_version *v, size_t n)
{
	struct block	*b = v->blocks;

	n = (n + 7) & ~(size_t)7;
	if (b == NULL || b->size - b->used < n) {
		b = wire_xmalloc(sizeof(*b) + (n > BLOCK ? n : BLOCK));
		b->size = n > BLOCK ? n : BLOCK;
		b->used = 0;
		b->next = v->blocks;
		v->blocks = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

void
wire_version_add(struct wire_version *v, const char *pos, size_t poslen,
    const char *text, size_t len)
{
	static struct wire_buf	 nb;
	struct wire_sent	*s;

	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->s = wire_xrealloc(v->s, v->cap, sizeof(*v->s));
	}
	s = &v->s[v->n++];
	memset(s, 0, sizeof(*s));
	s->pos = alloc(v, poslen + 1);
	memcpy(s->pos, pos, poslen);
	s->pos[poslen] = '\0';
	s->text = alloc(v, len + 1);
	memcpy(s->text, text, len);
	s->text[len] = '\0';
	s->len = len;
	nb.len = 0;
	wire_norm(&nb, text, len);
	s->norm = wire_hash(nb.p, nb.len);
}

void
wire_version_free(struct wire_version *v)
{
	struct block	*b, *next;

	for (b = v->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(v->s);
	memset(v, 0, sizeof(*v));
}

/* The key sequence hash and the shingle sets of s, computed once. */
static void
prepare(struct align *al, struct wire_version *v, struct wire_sent *s)
{
	size_t		i, n;
	uint64_t	h = 0;

	if (s->ready)
		return;
	s->ready = 1;
	wire_keys(&al->ks, s->text, s->len, WIRE_KEYS_PUNCT);
	for (i = 0; i < al->ks.n; i++)
		h = wire_hash(&(uint64_t[2]){ h, al->ks.k[i].h }, 16);
	s->eq = h;
	n = wire_shingles(&al->ks, 2, &al->tmp, &al->tmpcap);
	n = wire_sortu(al->tmp, n);
	s->sh = alloc(v, n * sizeof(*s->sh));
	memcpy(s->sh, al->tmp, n * sizeof(*s->sh));
	s->nsh = n;
	/* Content words: the keys of words that are not function words. */
	for (i = n = 0; i < al->ks.n; i++) {
		const struct wire_key *k = &al->ks.k[i];

		if (!k->punct && !wire_stopword(s->text + k->off, k->len)) {
			if (n == al->tmpcap) {
				al->tmpcap = al->tmpcap * 2 + 16;
				al->tmp = wire_xrealloc(al->tmp, al->tmpcap,
				    sizeof(*al->tmp));
			}
			al->tmp[n++] = k->h;
		}
	}
	n = wire_sortu(al->tmp, n);
	s->uni = alloc(v, n * sizeof(*s->uni));
	memcpy(s->uni, al->tmp, n * sizeof(*s->uni));
	s->nuni = n;
}

static double
sim(const struct wire_sent *x, const struct wire_sent *y)
{
	return wire_jaccard(x->sh, x->nsh, y->sh, y->nsh);
}

static void
link(struct align *al, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t	i;

	if (al->nl == al->capl) {
		al->capl = al->capl ? al->capl * 2 : 64;
		al->l = wire_xrealloc(al->l, al->capl, sizeof(*al->l));
	}
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
struct ucount {
	uint64_t	key;
	long		ia, ib;		/* the one index, or -2 for several */
};

static struct ucount *
ucount_get(struct ucount *t, size_t cap, uint64_t key)
{
	size_t	i;

	for (i = key & (cap - 1); t[i].ia != -1 || t[i].ib != -1;
	    i = (i + 1) & (cap - 1))
		if (t[i].key == key)
			return &t[i];
	t[i].key = key;
	return &t[i];
}

static void	mark_inorder(struct align *);
static void	equal_pass(struct align *, int, size_t, size_t, size_t,
		    size_t);

static void
anchors(struct align *al)
{
	struct ucount	*t;
	size_t		 cap, i, j, k, a0 = 0, b0 = 0, n;

	for (cap = 16; cap < 2 * (al->a->n + al->b->n); cap *= 2)
		;
	t = wire_xrealloc(NULL, cap, sizeof(*t));
	for (i = 0; i < cap; i++)
		t[i] = (struct ucount){ 0, -1, -1 };
	for (i = 0; i < al->a->n; i++) {
		struct ucount *u = ucount_get(t, cap, al->a->s[i].norm);
		u->ia = u->ia == -1 ? (long)i : -2;
	}
	for (j = 0; j < al->b->n; j++) {
		struct ucount *u = ucount_get(t, cap, al->b->s[j].norm);
		u->ib = u->ib == -1 ? (long)j : -2;
	}
	for (i = 0; i < cap; i++)
		if (t[i].ia >= 0 && t[i].ib >= 0)
			link(al, (size_t)t[i].ia, (size_t)t[i].ia + 1,
			    (size_t)t[i].ib, (size_t)t[i].ib + 1);
	free(t);
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
			prepare(al, al->a, &al->a->s[i]);
		key = folded ? al->a->s[i].eq : al->a->s[i].norm;
		h = key & (cap - 1);
		next[i - a0] = head[h];
		head[h] = (long)i;
	}
	for (j = b0; j < b1; j++) {
		if (al->lb[j] != -1)
			continue;
		if (folded)
			prepare(al, al->b, &al->b->s[j]);
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
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*c = wire_xrealloc(*c, *cap, sizeof(**c));
	}
	(*c)[(*n)++] = (struct cand){ i, j, s };
}

static double	part(const struct wire_sent *, const struct wire_sent *);
static double	sim2(struct align *, const struct wire_sent *,
		    const struct wire_sent *, const struct wire_sent *);

/*
 * Two adjacent sentences of one side that each are mostly found in one
 * sentence of the other side, and together match it: a merge (or, the
 * other way round, a split).  x is the side of the pair.
 */
static void
merges(struct align *al, struct wire_version *x, struct wire_version *y,
    long *lx, long *ly, int xisa)
{
	size_t	i, j;

	for (j = 0; j < y->n; j++)
		for (i = 0; ly[j] == -1 && i + 1 < x->n; i++)
			if (lx[i] == -1 && lx[i + 1] == -1 &&
			    part(&x->s[i], &y->s[j]) >= PART &&
			    part(&x->s[i + 1], &y->s[j]) >= PART &&
			    sim2(al, &x->s[i], &x->s[i + 1], &y->s[j]) >= STRONG) {
				if (xisa)
					link(al, i, i + 2, j, j + 1);
				else
					link(al, j, j + 1, i, i + 2);
			}
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
	struct wire_seen	 idx;
	struct cand		*c = NULL;
	size_t			 nc = 0, cc = 0, i, j, k, ua = 0, ub = 0, n;
	size_t			*ids, *ai;
	double			*sims, s;
	uint8_t			 sig[WIRE_SIG_K];

	for (i = 0; i < al->a->n; i++)
		if (al->la[i] == -1) {
			prepare(al, al->a, &al->a->s[i]);
			ua++;
		}
	for (j = 0; j < al->b->n; j++)
		if (al->lb[j] == -1) {
			prepare(al, al->b, &al->b->s[j]);
			ub++;
		}
	if (ua == 0 || ub == 0)
		return;
	if (ua * ub <= ALLPAIRS) {
		for (i = 0; i < al->a->n; i++)
			for (j = 0; al->la[i] == -1 && j < al->b->n; j++)
				if (al->lb[j] == -1 && (s = sim(&al->a->s[i],
				    &al->b->s[j])) >= STRONG)
					add_cand(&c, &nc, &cc, i, j, s);
		greedy(al, c, nc);
		free(c);
		merges(al, al->a, al->b, al->la, al->lb, 1);
		merges(al, al->b, al->a, al->lb, al->la, 0);
		return;
	}
	/* Too many pairs: let MinHash signatures propose candidates. */
	wire_seen_init(&idx, 1);
	ai = wire_xrealloc(NULL, ua, sizeof(*ai));
	ids = wire_xrealloc(NULL, 64, sizeof(*ids));
	sims = wire_xrealloc(NULL, 64, sizeof(*sims));
	for (i = 0, k = 0; i < al->a->n; i++) {
		if (al->la[i] != -1)
			continue;
		wire_sig(al->a->s[i].sh, al->a->s[i].nsh, sig);
		wire_seen_add(&idx, al->a->s[i].norm, sig, 0, "1", 1);
		ai[k++] = i;
	}
	for (j = 0; j < al->b->n; j++) {
		if (al->lb[j] != -1)
			continue;
		wire_sig(al->b->s[j].sh, al->b->s[j].nsh, sig);
		n = wire_seen_near(&idx, sig, STRONG / 2, ids, sims, 64);
		for (k = 0; k < n; k++) {
			i = ai[ids[k]];
			if ((s = sim(&al->a->s[i], &al->b->s[j])) >= STRONG)
				add_cand(&c, &nc, &cc, i, j, s);
		}
	}
	greedy(al, c, nc);
	free(c);
	free(ai);
	free(ids);
	free(sims);
	wire_seen_free(&idx);
}

static int
by_b(const void *x, const void *y)
{
	const struct link *p = x, *q = y;

	return (p->b0 > q->b0) - (p->b0 < q->b0);
}

/* Mark the links of a longest increasing run of a0 in b0 order. */
static void
mark_inorder(struct align *al)
{
	size_t	 n = al->nl, len = 0, i, lo, hi, mid;
	size_t	*tail, *prev;
	long	 k;

	wire_sort(al->l, n, sizeof(*al->l), by_b);
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

/* Similarity of a run of two sentences (as one) to a third. */
static double
sim2(struct align *al, const struct wire_sent *x, const struct wire_sent *y,
    const struct wire_sent *z)
{
	size_t	n = x->nsh + y->nsh;

	if (n > al->tmpcap) {
		al->tmpcap = n + 16;
		al->tmp = wire_xrealloc(al->tmp, al->tmpcap, sizeof(*al->tmp));
	}
	memcpy(al->tmp, x->sh, x->nsh * sizeof(*al->tmp));
	memcpy(al->tmp + x->nsh, y->sh, y->nsh * sizeof(*al->tmp));
	n = wire_sortu(al->tmp, n);
	return wire_jaccard(al->tmp, n, z->sh, z->nsh);
}

/* The share of x's shingles found in y. */
static double
part(const struct wire_sent *x, const struct wire_sent *y)
{
	double	j = wire_jaccard(x->sh, x->nsh, y->sh, y->nsh);

	/* |x & y| = j (|x| + |y|) / (1 + j) */
	return x->nsh ? j * (double)(x->nsh + y->nsh) / (1 + j) / x->nsh : 0;
}

/*
 * Pass 4 in one gap, A [a0, a1) and B [b0, b1): weak one-to-one links,
 * then merges and splits of two adjacent sentences.
 */
static void
gap_pass(struct align *al, size_t a0, size_t a1, size_t b0, size_t b1)
{
	struct wire_sent	*A = al->a->s, *B = al->b->s;
	struct cand		*c = NULL;
	size_t			 nc = 0, cc = 0, i, j;
	double			 s, w;

	if (a1 <= a0 || b1 <= b0 || (a1 - a0) * (b1 - b0) > GAPPAIRS)
		return;
	/* Merges and splits first: their parts also look like weak pairs. */
	for (j = b0; j < b1; j++)
		for (i = a0; al->lb[j] == -1 && i + 1 < a1; i++)
			if (al->la[i] == -1 && al->la[i + 1] == -1 &&
			    part(&A[i], &B[j]) >= PART &&
			    part(&A[i + 1], &B[j]) >= PART &&
			    sim2(al, &A[i], &A[i + 1], &B[j]) >= STRONG)
				link(al, i, i + 2, j, j + 1);
	for (i = a0; i < a1; i++)
		for (j = b0; al->la[i] == -1 && j + 1 < b1; j++)
			if (al->lb[j] == -1 && al->lb[j + 1] == -1 &&
			    part(&B[j], &A[i]) >= PART &&
			    part(&B[j + 1], &A[i]) >= PART &&
			    sim2(al, &B[j], &B[j + 1], &A[i]) >= STRONG)
				link(al, i, i + 1, j, j + 2);
	for (i = a0; i < a1; i++)
		for (j = b0; al->la[i] == -1 && j < b1; j++) {
			if (al->lb[j] != -1)
				continue;
			s = sim(&A[i], &B[j]);
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
	struct wire_sent	*A = al->a->s, *B = al->b->s;
	struct link		*l;
	size_t			 k;

	for (k = 0; k < al->nl; k++) {
		l = &al->l[k];
		if (l->a1 - l->a0 != 1 || l->b1 - l->b0 != 1)
			continue;
		if (l->a1 < al->a->n && al->la[l->a1] == -1 &&
		    part(&A[l->a1], &B[l->b0]) >= PART &&
		    sim2(al, &A[l->a0], &A[l->a1], &B[l->b0]) >
		    sim(&A[l->a0], &B[l->b0]))
			al->la[l->a1++] = (long)k;
		else if (l->a0 > 0 && al->la[l->a0 - 1] == -1 &&
		    part(&A[l->a0 - 1], &B[l->b0]) >= PART &&
		    sim2(al, &A[l->a0 - 1], &A[l->a0], &B[l->b0]) >
		    sim(&A[l->a0], &B[l->b0]))
			al->la[--l->a0] = (long)k;
		else if (l->b1 < al->b->n && al->lb[l->b1] == -1 &&
		    part(&B[l->b1], &A[l->a0]) >= PART &&
		    sim2(al, &B[l->b0], &B[l->b1], &A[l->a0]) >
		    sim(&A[l->a0], &B[l->b0]))
			al->lb[l->b1++] = (long)k;
		else if (l->b0 > 0 && al->lb[l->b0 - 1] == -1 &&
		    part(&B[l->b0 - 1], &A[l->a0]) >= PART &&
		    sim2(al, &B[l->b0 - 1], &B[l->b0], &A[l->a0]) >
		    sim(&A[l->a0], &B[l->b0]))
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
unit(struct wire_unit **u, size_t *n, size_t *cap, int op, size_t a0,
    size_t a1, size_t b0, size_t b1)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*u = wire_xrealloc(*u, *cap, sizeof(**u));
	}
	(*u)[(*n)++] = (struct wire_unit){ op, a0, a1, b0, b1 };
}

/* Are the two runs the same text after folding? */
static int
same(struct align *al, const struct link *l)
{
	if (l->a1 - l->a0 != 1 || l->b1 - l->b0 != 1)
		return 0;
	if (al->a->s[l->a0].norm == al->b->s[l->b0].norm)
		return 1;
	prepare(al, al->a, &al->a->s[l->a0]);
	prepare(al, al->b, &al->b->s[l->b0]);
	return al->a->s[l->a0].eq == al->b->s[l->b0].eq;
}

size_t
wire_align(struct wire_version *a, struct wire_version *b,
    struct wire_unit **out)
{
	struct align	 al = { a, b, NULL, 0, 0, NULL, NULL, { 0 }, NULL, 0 };
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
	free(al.tmp);
	wire_keys_free(&al.ks);
	return n;
}

/* Append s[from, to) to out. */
static void
put(struct wire_buf *out, const char *s, size_t from, size_t to)
{
	if (to > from)
		wire_buf_add(out, s + from, to - from);
}

void
wire_wdiff(struct wire_buf *out, const char *a, size_t alen, const char *b,
    size_t blen, const char *const mark[4])
{
	static struct wire_keys	 ka, kb;
	static uint64_t		*ha, *hb;
	static unsigned char	*da, *db;
	static size_t		 cap;
	size_t			 i = 0, j = 0, i0, j0, n, m, end;

	wire_keys(&ka, a, alen, WIRE_KEYS_PUNCT);
	wire_keys(&kb, b, blen, WIRE_KEYS_PUNCT);
	n = ka.n;
	m = kb.n;
	if (n + m + 1 > cap) {
		cap = n + m + 64;
		ha = wire_xrealloc(ha, cap, sizeof(*ha));
		hb = wire_xrealloc(hb, cap, sizeof(*hb));
		da = wire_xrealloc(da, cap, 1);
		db = wire_xrealloc(db, cap, 1);
	}
	/* The words as written (after normalising), not their folded keys. */
	for (i = 0; i < n; i++)
		ha[i] = ka.k[i].surf;
	for (j = 0; j < m; j++)
		hb[j] = kb.k[j].surf;
	wire_diff(ha, n, hb, m, da, db);
	/*
	 * A token is written with the white space before it; a change shows
	 * the space before its first token, then the old and the new text.
	 */
	end = 0;
	for (i = j = 0; i < n || j < m; ) {
		if (i < n && j < m && !da[i] && !db[j]) {
			put(out, b, end, kb.k[j].off + kb.k[j].len);
			end = kb.k[j].off + kb.k[j].len;
			i++;
			j++;
			continue;
		}
		for (i0 = i; i < n && da[i]; i++)
			;
		for (j0 = j; j < m && db[j]; j++)
			;
		if (j > j0)
			put(out, b, end, kb.k[j0].off);
		else
			put(out, a, i0 > 0 ? ka.k[i0 - 1].off + ka.k[i0 - 1].len :
			    0, ka.k[i0].off);
		if (i > i0) {
			wire_buf_adds(out, mark[0]);
			put(out, a, ka.k[i0].off, ka.k[i - 1].off + ka.k[i - 1].len);
			wire_buf_adds(out, mark[1]);
		}
		if (j > j0) {
			wire_buf_adds(out, mark[2]);
			put(out, b, kb.k[j0].off, kb.k[j - 1].off + kb.k[j - 1].len);
			wire_buf_adds(out, mark[3]);
			end = kb.k[j - 1].off + kb.k[j - 1].len;
		} else if (j < m && end == kb.k[j].off && i < n &&
		    ka.k[i].off > ka.k[i - 1].off + ka.k[i - 1].len)
			/* A deletion at the start: A's space after it. */
			put(out, a, ka.k[i - 1].off + ka.k[i - 1].len, ka.k[i].off);
	}
	put(out, b, end, blen);
}
