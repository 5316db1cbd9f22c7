/*
 * shingle.c: word keys of a text, their k-word shingles, set similarity
 * and MinHash signatures: the one notion of "near the same text" that
 * wire-dedupe and wire-diff share.
 */
#include <stdlib.h>
#include <string.h>

#include "wire.h"

static struct wire_key *
add_key(struct wire_keys *ks, size_t off, size_t len, const char *key,
    size_t klen, int punct)
{
	struct wire_key	*k;

	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 64;
		ks->k = wire_xrealloc(ks->k, ks->cap, sizeof(*ks->k));
	}
	k = &ks->k[ks->n++];
	k->off = off;
	k->len = len;
	k->h = wire_hash(key, klen);
	k->surf = k->h;
	k->punct = punct;
	k->stop = 0;
	return k;
}

/* Is the key k (len bytes) the literal lit? */
#define IS(k, len, lit) ((len) == sizeof(lit) - 1 && memcmp(k, lit, len) == 0)

/*
 * The marks between two words: "%" is the word "percent"; with
 * WIRE_KEYS_PUNCT every other mark that is not white space is a token of
 * its own, keyed by its normalised form (so “ and " are one mark).
 */
static void
marks(struct wire_keys *ks, const char *s, size_t from, size_t to, int flags)
{
	size_t		i, n;
	unsigned	cl;
	int32_t		c;

	for (i = from; i < to; i += n) {
		c = wire_utf8_dec(s + i, to - i, &n);
		if (c == '%') {
			add_key(ks, i, 1, "percent", 7, 0);
			continue;
		}
		if (!(flags & WIRE_KEYS_PUNCT))
			continue;
		/* An invalid byte is a mark: a change to it must show. */
		cl = wire_uclass(c);
		if (c != -1 && (cl & (WIRE_C_SPACE | WIRE_C_CTRL)))
			continue;
		ks->scratch.len = 0;
		if (c >= 0x21 && c < 0x7f)	/* as it is: no call */
			wire_buf_addc(&ks->scratch, c);
		else
			wire_norm(&ks->scratch, s + i, n);
		add_key(ks, i, n, ks->scratch.p, ks->scratch.len, 1);
	}
}

void
wire_keys(struct wire_keys *ks, const char *s, size_t len, int flags)
{
	struct wire_word	 w;
	struct wire_buf		*b = &ks->scratch;
	struct wire_key		*k;
	size_t			 pos = 0, prev_end = 0, i;
	int			 per = 0;

	ks->n = 0;
	wire_lex_init();
	while (wire_word_next(s, len, &pos, &w)) {
		if (w.off > prev_end) {
			i = ks->n;
			marks(ks, s, prev_end, w.off, flags);
			if (ks->n > i)
				per = 0;	/* "per, cent" is not "percent" */
		}
		prev_end = w.off + w.len;
		b->len = 0;
		if (!(w.cls & WIRE_C_WIDE)) {
			wire_buf_grow(b, w.len);
			for (i = 0; i < w.len; i++) {
				char c = s[w.off + i];

				b->p[i] = c >= 'A' && c <= 'Z' ? c + 32 : c;
			}
			b->len = w.len;
		} else
			wire_norm(b, s + w.off, w.len);
		if (flags & WIRE_KEYS_SURF) {
			/* The word as written: no key to fold. */
			if (per && IS(b->p, b->len, "cent")) {
				k = &ks->k[ks->n - 1];
				k->len = prev_end - k->off;
				k->h = k->surf = wire_hash("per cent", 8);
				per = 0;
				continue;
			}
			per = IS(b->p, b->len, "per");
			k = add_key(ks, w.off, w.len, b->p, b->len, 0);
			continue;
		}
		ks->key.len = 0;
		wire_wordkey(&ks->key, b->p, b->len);
		if (per && IS(ks->key.p, ks->key.len, "cent")) {
			k = &ks->k[ks->n - 1];
			k->len = prev_end - k->off;
			k->h = wire_hash("percent", 7);
			k->surf = wire_hash("per cent", 8);
			k->stop = 0;
			per = 0;
			continue;
		}
		per = IS(ks->key.p, ks->key.len, "per");
		k = add_key(ks, w.off, w.len, ks->key.p, ks->key.len, 0);
		k->stop = wire_stophash(wire_word_key(s, len, &w));
	}
	if (len > prev_end)
		marks(ks, s, prev_end, len, flags);
}

void
wire_keys_free(struct wire_keys *ks)
{
	free(ks->k);
	wire_buf_free(&ks->scratch);
	wire_buf_free(&ks->key);
	memset(ks, 0, sizeof(*ks));
}

/* A 64-bit mixer (the murmur3 finaliser) to combine key hashes. */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

/* wire_shingles() of the word tokens of a list that holds marks too. */
static size_t
shingles_of_words(const struct wire_keys *ks, size_t k, uint64_t **out,
    size_t *cap, size_t words)
{
	struct wire_keys	w = { 0 };
	size_t			i, n;

	w.k = wire_xrealloc(NULL, words ? words : 1, sizeof(*w.k));
	for (i = 0; i < ks->n; i++)
		if (!ks->k[i].punct)
			w.k[w.n++] = ks->k[i];
	n = wire_shingles(&w, k, out, cap);
	free(w.k);
	return n;
}

size_t
wire_shingles(const struct wire_keys *ks, size_t k, uint64_t **out,
    size_t *cap)
{
	uint64_t	h;
	size_t		i, j, n, words;
	const struct wire_key *kk = ks->k;

	/* Shingles are of words: skip any punctuation tokens. */
	for (words = 0, i = 0; i < ks->n; i++)
		words += !kk[i].punct;
	if (words < ks->n)
		return shingles_of_words(ks, k, out, cap, words);

	n = words == 0 ? 0 : words < k ? 1 : words - k + 1;
	if (n > *cap) {
		*cap = n + 16;
		*out = wire_xrealloc(*out, *cap, sizeof(**out));
	}
	if (ks->n > 0 && ks->n < k)
		k = ks->n;
	for (i = 0; i < n; i++) {
		for (h = k, j = 0; j < k; j++)
			h = mix(h ^ ks->k[i + j].h);
		(*out)[i] = h;
	}
	return n;
}

static int
cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

size_t
wire_sortu(uint64_t *v, size_t n)
{
	size_t		i, j;
	uint64_t	x;

	/* A sentence has a few dozen: insertion sort, no calls. */
	if (n <= 48)
		for (i = 1; i < n; i++) {
			for (x = v[i], j = i; j > 0 && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
	else
		wire_sort(v, n, sizeof(*v), cmp64);
	for (i = j = 0; i < n; i++)
		if (j == 0 || v[i] != v[j - 1])
			v[j++] = v[i];
	return j;
}

double
wire_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t	i = 0, j = 0, both = 0;

	if (na + nb == 0)
		return 1.0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return (double)both / (double)(na + nb - both);
}

/*
 * The i-th of the MinHash permutations is x * mul[i] + add[i] (mod 2^64),
 * keeping the high 32 bits: a multiply-shift family, cheap and good
 * enough on inputs that are already xxhash values.  The constants come
 * from splitmix64 of the row number, fixed so that signatures saved by
 * wire-dedupe -s stay comparable.
 */
#define MAXK	64
static uint64_t	mh_mul[MAXK], mh_add[MAXK];

/* The lesser of m and row i's permutation of shingle x. */
static inline uint32_t
minrow(uint32_t m, uint64_t x, size_t i)
{
	uint32_t	v = (uint32_t)((x * mh_mul[i] + mh_add[i]) >> 32);

	return v < m ? v : m;
}

/* Rows i to i + 3 of the signature of sh. */
static void
minhash4(const uint64_t *sh, size_t n, size_t i, uint32_t *sig)
{
	uint32_t	m0, m1, m2, m3;
	size_t		j;

	m0 = m1 = m2 = m3 = UINT32_MAX;
	for (j = 0; j < n; j++) {
		m0 = minrow(m0, sh[j], i);
		m1 = minrow(m1, sh[j], i + 1);
		m2 = minrow(m2, sh[j], i + 2);
		m3 = minrow(m3, sh[j], i + 3);
	}
	sig[0] = m0;
	sig[1] = m1;
	sig[2] = m2;
	sig[3] = m3;
}

void
wire_minhash(const uint64_t *sh, size_t n, uint32_t *sig, size_t k)
{
	uint64_t	s;
	uint32_t	m;
	size_t		i, j;

	if (mh_mul[0] == 0)
		for (i = 0; i < MAXK; i++) {
			s = (i + 1) * 0x9e3779b97f4a7c15ULL;
			s = (s ^ (s >> 30)) * 0xbf58476d1ce4e5b9ULL;
			s = (s ^ (s >> 27)) * 0x94d049bb133111ebULL;
			mh_mul[i] = (s ^ (s >> 31)) | 1;
			mh_add[i] = s * 0x9e3779b97f4a7c15ULL;
		}
	if (k > MAXK)
		k = MAXK;
	/*
	 * Rows outside, shingles inside, four rows at a time: the minima
	 * stay in registers and each shingle is loaded once for four.
	 */
	for (i = 0; i + 4 <= k; i += 4)
		minhash4(sh, n, i, sig + i);
	for (; i < k; i++) {
		m = UINT32_MAX;
		for (j = 0; j < n; j++)
			m = minrow(m, sh[j], i);
		sig[i] = m;
	}
}
