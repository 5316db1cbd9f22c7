/*
 * lsh.c: MinHash signatures and an index that finds the signatures near
 * a given one, for wire-dedupe (near mode) and wire-diff (moved and
 * edited sentences).
 *
 * A signature is WIRE_SIG_K one-byte MinHash values of a text's
 * word-bigram shingles ("b-bit minwise hashing", Li and König).
 * Candidates are found by LSH banding: WIRE_BANDS bands of WIRE_ROWS
 * values, each band's key in an open-addressed table of 4-byte slots
 * (a 5-bit tag of the key beside the signature's id), at a load of 0.53
 * to 0.8.  A candidate counts when its estimated similarity reaches the
 * threshold.  SimHash was the alternative; it needs a Hamming radius of
 * 10 or more bits to find sentences that differ in a word or two, which
 * no permuted-table index serves cheaply (wire-dedupe(1) has figures).
 */
#include <stdlib.h>
#include <string.h>

#include "wire.h"

#define BMAXLOAD	0.8	/* band table; probes are cheap tag checks */
#define CROWD		32	/* signatures one band key takes at most */
#define TAGBITS		5	/* band slots: tag | id + 1 */
#define IDBITS		(32 - TAGBITS)
#define IDMASK		((1u << IDBITS) - 1)

_Static_assert(1 + WIRE_ROWS == 4, "band keys are hashed by wire_hash4()");
_Static_assert(WIRE_LSH_MAX < IDMASK, "ids fit beside the tag");

struct wire_lsh {
	uint8_t		*sig;		/* WIRE_SIG_K bytes a signature */
	size_t		 n, cap;
	uint32_t	*slots;		/* tag | id + 1; 0 is empty */
	size_t		 nslots;
};

/* The hash of the key of band b of signature s. */
static uint64_t
band_key(const uint8_t *s, size_t b)
{
	const uint8_t	*r = s + b * WIRE_ROWS;

	/* The bytes b, r[0], r[1], r[2], as wire_hash4() takes them. */
	return wire_hash4((uint32_t)b | (uint32_t)r[0] << 8 |
	    (uint32_t)r[1] << 16 | (uint32_t)r[2] << 24);
}

static int
same_band(const uint8_t *a, const uint8_t *b, size_t band)
{
	return memcmp(a + band * WIRE_ROWS, b + band * WIRE_ROWS,
	    WIRE_ROWS) == 0;
}

/*
 * The tag: bits of the key that wire_home() does not use (it takes the
 * high ones), so that keys that share a probe run rarely share a tag
 * too, and a probe rarely reads a signature in vain.  Only keys that
 * are equal (the same band) ever match, whatever the tag, so results do
 * not depend on it.
 */
static uint32_t
tag_of(uint64_t h)
{
	return (uint32_t)(h & ((1u << TAGBITS) - 1)) << IDBITS;
}

/*
 * Index band b of signature id under its key h, unless CROWD signatures
 * have that key already: a crowded band (a phrase that thousands of
 * texts share, a template) takes no more, so that neither adding nor
 * looking up ever walks more than CROWD signatures of one key.  Text
 * that is near another shares other bands with it, and the earliest
 * texts of a crowd stay findable by it.
 */
static void
put_band(struct wire_lsh *x, size_t b, uint64_t h, size_t id)
{
	const uint8_t	*sig = x->sig + id * WIRE_SIG_K;
	size_t		 i, same = 0;
	uint32_t	 v, tag = tag_of(h);

	for (i = wire_home(h, x->nslots); (v = x->slots[i]) != 0;
	    i = WIRE_NEXT(i, x->nslots))
		if ((v & ~IDMASK) == tag && same_band(x->sig + ((v & IDMASK) -
		    1) * WIRE_SIG_K, sig, b) && ++same == CROWD)
			return;
	x->slots[i] = tag | ((uint32_t)id + 1);
}

/*
 * After growth the band table is built again from the signatures, in id
 * order as they came, so that it is the table that adding them one by
 * one gives (which of two candidates is met first depends on it).  Each
 * signature's slots are fetched AHEAD signatures before they are
 * filled, so that the cache misses overlap instead of coming one at a
 * time.
 */
#define AHEAD	16

static void
reindex(struct wire_lsh *x)
{
	uint64_t	h[AHEAD][WIRE_BANDS];
	size_t		b, id, ahead;

	for (id = 0; id < x->n + AHEAD; id++) {
		/* Signature id - AHEAD indexed with the keys found before... */
		if (id >= AHEAD) {
			ahead = id - AHEAD;
			for (b = 0; b < WIRE_BANDS; b++)
				put_band(x, b, h[ahead % AHEAD][b], ahead);
		}
		/* ...and in its place the keys of signature id. */
		if (id >= x->n)
			continue;
		for (b = 0; b < WIRE_BANDS; b++) {
			h[id % AHEAD][b] = band_key(x->sig + id * WIRE_SIG_K, b);
			__builtin_prefetch(x->slots + wire_home(h[id % AHEAD][b],
			    x->nslots), 1);
		}
	}
}

struct wire_lsh *
wire_lsh_new(void)
{
	struct wire_lsh	*x = wire_xmalloc(sizeof(*x));

	memset(x, 0, sizeof(*x));
	return x;
}

void
wire_lsh_free(struct wire_lsh *x)
{
	if (x == NULL)
		return;
	free(x->sig);
	free(x->slots);
	free(x);
}

const uint8_t *
wire_lsh_sig(const struct wire_lsh *x, size_t id)
{
	return x->sig + id * WIRE_SIG_K;
}

size_t
wire_lsh_add(struct wire_lsh *x, const uint8_t *sig)
{
	uint64_t	h[WIRE_BANDS];
	size_t		b, id = x->n;

	if (id >= WIRE_LSH_MAX)
		return SIZE_MAX;
	x->sig = wire_grow(x->sig, &x->cap, id + 1, WIRE_SIG_K);
	memcpy(x->sig + id * WIRE_SIG_K, sig, WIRE_SIG_K);
	x->n++;
	if (x->n * WIRE_BANDS > x->nslots * BMAXLOAD) {
		free(x->slots);
		x->slots = wire_table(&x->nslots, x->n * WIRE_BANDS, BMAXLOAD,
		    sizeof(*x->slots));
		reindex(x);
		return id;
	}
	for (b = 0; b < WIRE_BANDS; b++) {
		h[b] = band_key(sig, b);
		__builtin_prefetch(x->slots + wire_home(h[b], x->nslots), 1);
	}
	for (b = 0; b < WIRE_BANDS; b++)
		put_band(x, b, h[b], id);
	return id;
}

/* Estimated Jaccard similarity of two signatures. */
static double
sig_sim(const uint8_t *a, const uint8_t *b)
{
	size_t	i, same = 0;
	double	f;

	for (i = 0; i < WIRE_SIG_K; i++)
		same += a[i] == b[i];
	/* Unrelated values agree one time in 256: take that out. */
	f = ((double)same / WIRE_SIG_K - 1.0 / 256) / (1 - 1.0 / 256);
	return f < 0 ? 0 : f;
}

size_t
wire_lsh_near(const struct wire_lsh *x, const uint8_t *sig, double min,
    size_t *ids, double *sims, size_t max)
{
	size_t		b, i, j, k, found = 0, start[WIRE_BANDS];
	uint64_t	h[WIRE_BANDS];
	uint32_t	v, tag;
	double		sim;

	if (x->nslots == 0)
		return 0;
	/* Start the bands' cache misses together, not one after another. */
	for (b = 0; b < WIRE_BANDS; b++) {
		h[b] = band_key(sig, b);
		start[b] = wire_home(h[b], x->nslots);
		__builtin_prefetch(x->slots + start[b]);
	}
	/*
	 * Each slot on a band's probe path that passes the tag check then
	 * reads a signature: fetch them all first, so that those misses
	 * overlap too.  The walk below is unchanged.
	 */
	for (b = 0; b < WIRE_BANDS; b++) {
		tag = tag_of(h[b]);
		for (i = start[b]; (v = x->slots[i]) != 0;
		    i = WIRE_NEXT(i, x->nslots))
			if ((v & ~IDMASK) == tag)
				__builtin_prefetch(x->sig +
				    ((v & IDMASK) - 1) * WIRE_SIG_K);
	}
	for (b = 0; b < WIRE_BANDS; b++) {
		tag = tag_of(h[b]);
		for (i = start[b]; (v = x->slots[i]) != 0;
		    i = WIRE_NEXT(i, x->nslots)) {
			if ((v & ~IDMASK) != tag)
				continue;
			j = (v & IDMASK) - 1;
			if (!same_band(x->sig + j * WIRE_SIG_K, sig, b))
				continue;
			for (k = 0; k < found && ids[k] != j; k++)
				;
			if (k < found)
				continue;
			if ((sim = sig_sim(x->sig + j * WIRE_SIG_K, sig)) <
			    min)
				continue;
			if (found < max) {
				ids[found] = j;
				sims[found] = sim;
				found++;
			}
			/* Nothing can beat the same signature: stop looking. */
			if (sim >= 1.0)
				return found;
		}
	}
	return found;
}

void
wire_sig(const uint64_t *sh, size_t n, uint8_t *sig)
{
	uint32_t	full[WIRE_SIG_K];
	size_t		i;

	wire_minhash(sh, n, full, WIRE_SIG_K);
	for (i = 0; i < WIRE_SIG_K; i++)
		sig[i] = (uint8_t)full[i];
}
