/*
 * version.c: a version of a story, sentence by sentence, and what the
 * alignment compares sentences by: their normalised text, their folded
 * token sequence and their sets of word bigrams and content words.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

/*
 * The texts and sets of all versions live in blocks that never move,
 * allocated a megabyte at a time: one malloc per sentence would cost
 * more than aligning it, and a block per version too much for the many
 * short documents of -b and -P.
 */
#define BLOCK	(1 << 20)

struct block {
	struct block	*next;
	size_t		 used, size;
	_Alignas(8) char data[];
};

static void *
alloc(struct store *st, size_t n)
{
	struct block	*b = st->blocks;

	n = (n + 7) & ~(size_t)7;
	if (b == NULL || b->size - b->used < n) {
		b = wire_xmalloc(sizeof(*b) + (n > BLOCK ? n : BLOCK));
		b->size = n > BLOCK ? n : BLOCK;
		b->used = 0;
		b->next = st->blocks;
		st->blocks = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

/* A copy of n bytes (n may be 0, p then NULL) in the blocks. */
static void *
copy(struct store *st, const void *p, size_t n)
{
	void	*q = alloc(st, n);

	if (n > 0)
		memcpy(q, p, n);
	return q;
}

void
version_add(struct store *st, struct version *v, const char *pos,
    size_t poslen, const char *text, size_t len)
{
	struct sent	*s;

	v->s = wire_grow(v->s, &v->cap, v->n + 1, sizeof(*v->s));
	s = &v->s[v->n++];
	memset(s, 0, sizeof(*s));
	s->pos = copy(st, pos, poslen + 1);
	s->pos[poslen] = '\0';
	s->text = copy(st, text, len + 1);
	s->text[len] = '\0';
	s->len = len;
	st->norm.len = 0;
	wire_norm(&st->norm, text, len);
	s->norm = wire_hash(st->norm.p, st->norm.len);
}

void
version_free(struct version *v)
{
	free(v->s);
	memset(v, 0, sizeof(*v));
}

void
sent_prepare(struct store *sc, struct sent *s)
{
	size_t		i, n;
	uint64_t	h = 0;

	if (s->ready)
		return;
	s->ready = 1;
	wire_keys(&sc->ks, s->text, s->len, WIRE_KEYS_PUNCT);
	for (i = 0; i < sc->ks.n; i++)
		h = wire_hash(&(uint64_t[2]){ h, sc->ks.k[i].h }, 16);
	s->eq = h;
	n = wire_shingles(&sc->ks, 2, &sc->tmp, &sc->tmpcap);
	n = wire_sortu(sc->tmp, n);
	s->sh = copy(sc, sc->tmp, n * sizeof(*s->sh));
	s->nsh = n;
	/* Content words: the keys of words that are not function words. */
	for (i = n = 0; i < sc->ks.n; i++) {
		const struct wire_key *k = &sc->ks.k[i];

		if (!k->punct && !k->stop) {
			sc->tmp = wire_grow(sc->tmp, &sc->tmpcap, n + 1,
			    sizeof(*sc->tmp));
			sc->tmp[n++] = k->h;
		}
	}
	n = wire_sortu(sc->tmp, n);
	s->uni = copy(sc, sc->tmp, n * sizeof(*s->uni));
	s->nuni = n;
}

double
sent_sim(const struct sent *x, const struct sent *y)
{
	return wire_jaccard(x->sh, x->nsh, y->sh, y->nsh);
}

double
sent_sim2(struct store *sc, const struct sent *x, const struct sent *y,
    const struct sent *z)
{
	size_t	n = x->nsh + y->nsh;

	sc->tmp = wire_grow(sc->tmp, &sc->tmpcap, n, sizeof(*sc->tmp));
	if (x->nsh > 0)
		memcpy(sc->tmp, x->sh, x->nsh * sizeof(*sc->tmp));
	if (y->nsh > 0)
		memcpy(sc->tmp + x->nsh, y->sh, y->nsh * sizeof(*sc->tmp));
	n = wire_sortu(sc->tmp, n);
	return wire_jaccard(sc->tmp, n, z->sh, z->nsh);
}

double
sent_part(const struct sent *x, const struct sent *y)
{
	double	j = wire_jaccard(x->sh, x->nsh, y->sh, y->nsh);

	/* |x & y| = j (|x| + |y|) / (1 + j) */
	return x->nsh ? j * (double)(x->nsh + y->nsh) / (1 + j) / x->nsh : 0;
}

void
store_free(struct store *st)
{
	struct block	*b, *next;

	for (b = st->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	wire_keys_free(&st->ks);
	wire_buf_free(&st->norm);
	free(st->tmp);
	memset(st, 0, sizeof(*st));
}
