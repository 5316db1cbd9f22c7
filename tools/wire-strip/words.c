/*
 * words.c: the words of a line, the hot loop of wire-strip: how many,
 * how many of the first ones are function words or capitalised, a hash
 * of each of those (for repeated text), and text run together.
 *
 * A line's bytes are first classified into bit masks (classify()), so
 * that words are found by counting trailing zeros rather than byte by
 * byte, and a word of plain ASCII is hashed in two loads.  Anything
 * else (a longer character, a capital after a lower-case letter, a word
 * of more than 16 bytes) is taken the careful way, byte by byte.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strip.h"

/* Strong glue: "DetroitYou can", "Rise?Violence": two texts run into one. */
static int
glued(const char *s, size_t len, size_t i)
{
	static const char *const joins[] = { "The", "You", "In", "On", "At",
	    "A", "An", "It", "He", "She", "They", "We", "This", "That", "For",
	    "With", "By", "As", NULL };
	size_t	k, n;

	if ((s[i] == '?' || s[i] == '!') && i > 0 && s[i - 1] >= 'a' &&
	    s[i - 1] <= 'z' && i + 2 < len && s[i + 1] >= 'A' &&
	    s[i + 1] <= 'Z' && s[i + 2] >= 'a' && s[i + 2] <= 'z')
		return 1;
	if (i < 3 || !(s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
	    !(s[i - 2] >= 'a' && s[i - 2] <= 'z') ||
	    !(s[i - 3] >= 'a' && s[i - 3] <= 'z'))
		return 0;
	for (k = 0; joins[k] != NULL; k++) {
		n = strlen(joins[k]);
		if (i + n < len && memcmp(s + i, joins[k], n) == 0 &&
		    s[i + n] == ' ')
			return 1;
	}
	return 0;
}

/*
 * ASCII bytes for the word loop: 0 a separator, L a lower-case letter
 * or a digit, U an upper-case letter, J a joiner that may stay inside a
 * word (' - .), N a byte of a longer character.
 */
enum { SEP, L, U, J, N };
static unsigned char	kind[256];
/* Separators that the word loop can pass without a look: not | ? ! */
static unsigned char	plain[256];
/* The bytes of a word of wl <= 16 bytes in its two halves: masks. */
static uint64_t		maska[17], maskb[17];

static void
index_kinds(void)
{
	int	c;

	for (c = 0; c < 256; c++)
		kind[c] = c >= 0x80 ? N : (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') ? L : (c >= 'A' && c <= 'Z') ? U :
		    (c == '\'' || c == '-' || c == '.') ? J : SEP;
	for (c = 0; c < 256; c++)
		plain[c] = (kind[c] == SEP || kind[c] == J) && c != '|' &&
		    c != '?' && c != '!';
	for (c = 0; c <= 16; c++) {
		maska[c] = c >= 8 ? ~0ULL : (1ULL << (8 * c)) - 1;
		maskb[c] = c >= 16 ? ~0ULL : c <= 8 ? 0 : (1ULL << (8 * (c - 8))) - 1;
	}
}

#if !defined(__SSE2__) || defined(WIRE_CHECK_SIMD)
/*
 * Classify one block of 64 bytes at p into *b, and write it to low with
 * A-Z in lower case (low may be p): the portable way, a byte at a time.
 */
static void
classify_bytes(const unsigned char *p, struct bits *b, unsigned char *low)
{
	size_t	i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < 64; i++) {
		uint64_t	bit = 1ULL << i;
		unsigned char	c = p[i];

		switch (kind[c]) {
		case L:
			b->a |= bit;
			if (c >= 'a')
				b->lw |= bit;
			break;
		case U:
			b->a |= bit;
			b->up |= bit;
			c += 32;
			break;
		case N:
			b->hi |= bit;
			break;
		case J:
			b->jn |= bit;
			break;
		default:
			if (c == '|')
				b->pipe |= bit;
			else if (c == '?' || c == '!')
				b->qe |= bit;
		}
		low[i] = c;
	}
}
#endif

#ifdef __SSE2__
/* Store the mask m of the 16 bytes at i of a block in field f. */
#define PUTMASK(f, i, m) do {						\
	uint16_t v_ = (uint16_t)(m);					\
	memcpy((char *)&(f) + (i) / 8, &v_, sizeof(v_));		\
} while (0)

/*
 * classify_bytes() sixteen bytes at a time, with SSE2 (every x86-64 has
 * it).  The masks of 16 bytes are put in place as they are, so this
 * counts on a little-endian processor, as x86 is.
 */
static void
classify_sse2(const unsigned char *p, struct bits *b, unsigned char *low)
{
	size_t	i;

	for (i = 0; i < 64; i += 16) {
		__m128i		x, t, al, dg, up;

		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		/* x | 0x20 in a-z, x in 0-9: ranges as signed compares */
		t = _mm_or_si128(x, _mm_set1_epi8(0x20));
		al = _mm_cmplt_epi8(_mm_add_epi8(t, _mm_set1_epi8(0x80 - 'a')),
		    _mm_set1_epi8((char)(0x80 + 26)));
		dg = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - '0')),
		    _mm_set1_epi8((char)(0x80 + 10)));
		up = _mm_and_si128(al, _mm_cmpeq_epi8(_mm_and_si128(x,
		    _mm_set1_epi8(0x20)), _mm_setzero_si128()));
#define M(v)	_mm_movemask_epi8(v)
#define EQ(c)	_mm_cmpeq_epi8(x, _mm_set1_epi8(c))
		PUTMASK(b->a, i, M(_mm_or_si128(al, dg)));
		PUTMASK(b->up, i, M(up));
		PUTMASK(b->lw, i, M(_mm_andnot_si128(up, al)));
		PUTMASK(b->hi, i, M(x));
		PUTMASK(b->jn, i, M(_mm_or_si128(_mm_or_si128(EQ('\''),
		    EQ('-')), EQ('.'))));
		PUTMASK(b->pipe, i, M(EQ('|')));
		PUTMASK(b->qe, i, M(_mm_or_si128(EQ('?'), EQ('!'))));
#undef EQ
#undef M
		_mm_storeu_si128((__m128i *)(void *)(low + i), _mm_or_si128(x,
		    _mm_and_si128(up, _mm_set1_epi8(0x20))));
	}
}
#undef PUTMASK
#endif

/*
 * Classify the nb blocks of 64 bytes at p into b[0] to b[nb - 1]: with
 * SSE2 where there is, else the portable way.  Built with
 * -DWIRE_CHECK_SIMD (as the sanitizer build of make check is), each
 * block is classified both ways, and the two must agree.
 */
static void
classify_blocks(const unsigned char *p, size_t nb, struct bits *b,
    unsigned char *low)
{
	size_t	k;

	for (k = 0; k < nb; k++, p += 64, low += 64, b++) {
#ifdef __SSE2__
#ifdef WIRE_CHECK_SIMD
		struct bits	c;
		unsigned char	l[64];

		classify_bytes(p, &c, l);
		classify_sse2(p, b, low);
		if (memcmp(b, &c, sizeof(c)) != 0 || memcmp(low, l, 64) != 0)
			errx(WIRE_EXIT_BAD, "internal error: classify() ways "
			    "differ");
#else
		classify_sse2(p, b, low);
#endif
#else
		classify_bytes(p, b, low);
#endif
	}
}

/* Bits i to i + 63 of a mask. */
static inline uint64_t
win(const uint64_t *m, size_t i)
{
	size_t	k = i >> 6, r = i & 63;

	return r ? (m[k] >> r) | (m[k + 1] << (64 - r)) : m[k];
}

/*
 * Copy n bytes to d and zero the 64 after them: sixteen at a time, the
 * last sixteen ending at n (a copy of a known short length is otherwise
 * made with a string instruction that is slow to start).
 */
static void
copy_line(unsigned char *d, const unsigned char *u, size_t n)
{
	size_t	i;

	for (i = 0; i + 16 <= n; i += 16)
		memcpy(d + i, u + i, 16);
	if (n >= 16)
		memcpy(d + n - 16, u + n - 16, 16);
	else
		for (; i < n; i++)
			d[i] = u[i];
	memset(d + n, 0, 64);
}

static void
lbits(struct lbits *lb, const unsigned char *u, size_t len)
{
	struct bits	*b = lb->b;
	size_t		 k, n, nb;
	uint64_t	 lw = 0, ip = 0, j = 0, x, in, st, st1;

	n = len < CLOSE * 64 ? len : CLOSE * 64;
	nb = lb->nb = (n + 63) / 64;
	copy_line(lb->copy, u, n);
	classify_blocks(lb->copy, nb, b, lb->copy);
	b[nb].a = b[nb].hi = 0;
	lb->rare = 0;
	for (k = 0, st = b[0].a | b[0].hi; k < nb; k++, st = st1) {
		lb->rare |= b[k].pipe | b[k].qe;
		/* A capital after a lower-case letter: glue, looked at closely. */
		lb->bad[k] = b[k].hi | (b[k].up & ((b[k].lw << 1) | (lw >> 63)));
		lw = b[k].lw;
		/*
		 * A word may start at a letter, a digit or a longer character
		 * (st); a joiner is in a word when one of those follows it.
		 */
		st1 = b[k + 1].a | b[k + 1].hi;
		in = lb->in[k] = st | (b[k].jn & ((st >> 1) | (st1 << 63)));
		/*
		 * Where the words start: the first byte of a run of in, or the
		 * one after when that is a joiner ("-abc" is the word "abc").
		 */
		x = in & ~((in << 1) | (ip >> 63));
		lb->first[k] = (x & ~b[k].jn) | ((x & b[k].jn) << 1) | j;
		j = (x & b[k].jn) >> 63;
		ip = in;
	}
	lb->in[k] = lb->bad[k] = lb->in[k + 1] = lb->bad[k + 1] = 0;
	lb->first[k] = j;
}

/* The bits set in x (without asking for a POPCNT instruction). */
static inline size_t
pop64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (size_t)((x * ONES) >> 56);
}

/* Append byte c to the lower-case word, packing it for the hash. */
#define PUT(c) do {							\
	if (wl < 8)							\
		pa |= (uint64_t)(unsigned char)(c) << (8 * wl);		\
	else if (wl < 16)						\
		pb |= (uint64_t)(unsigned char)(c) << (8 * (wl - 8));	\
	if (wl < sizeof(low))						\
		low[wl] = (char)(c);					\
	wl++;								\
} while (0)

/*
 * The word that starts at i, the careful way, byte by byte: letters and
 * digits of any script, joined by ' ’ - .; its end, its hash and
 * whether it starts with a capital.  Counts the glue of a lower-case
 * letter and then a capital inside it ("McDonald", "DetroitYou").
 */
static size_t
careful_word(struct feat *f, const char *s, size_t len, size_t i,
    uint64_t *hp, size_t *wlp, int *upper)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 j, n, wl = 0, start = i;
	unsigned		 cl;
	char			 low[64];
	int32_t			 c;
	unsigned char		 k;
	uint64_t		 pa = 0, pb = 0;

	*upper = kind[u[i]] == U;
	if (kind[u[i]] == N)
		*upper = (wire_uclass(wire_utf8_dec(s + i, len - i, &n)) &
		    WIRE_C_UPPER) != 0;
	while (i < len) {
		k = kind[u[i]];
		if (k == L) {
			PUT(u[i]);
			i++;
		} else if (k == U) {
			if (i > start && u[i - 1] >= 'a' && u[i - 1] <= 'z') {
				if (i + 1 < len && kind[u[i + 1]] == L)
					f->glue++;
				if (glued(s, len, i))
					f->flags |= F_SGLUE;
			}
			PUT(u[i] + 32);
			i++;
		} else if (k == N) {
			c = wire_utf8_dec(s + i, len - i, &n);
			cl = wire_uclass(c);
			if (c == 0x2019 && i + n < len && kind[u[i + n]] == L)
				PUT('\'');	/* ’ as ' */
			else if (cl & (WIRE_C_ALPHA | WIRE_C_DIGIT))
				for (j = 0; j < n; j++)
					PUT(s[i + j]);
			else
				break;
			i += n;
		} else if (k == J && i + 1 < len && (kind[u[i + 1]] == L ||
		    kind[u[i + 1]] == U)) {
			PUT(u[i]);
			i++;
		} else
			break;
	}
	*hp = wl <= 16 ? wire_hash_word_mix(pa, pb, wl) :
	    wl <= sizeof(low) ? wire_hash(low, wl) :
	    wire_hash(s + start, i - start);
	*wlp = wl;
	return i;
}

/*
 * The fast way for a word of 16 ASCII letters, digits and joiners or
 * fewer, from the copy that classify() put in lower case: its first 16
 * bytes in two loads.
 */
static inline uint64_t
ascii_hash(const unsigned char *w, size_t wl)
{
	uint64_t	pa, pb;

	memcpy(&pa, w, 8);
	memcpy(&pb, w + 8, 8);
	return wire_hash_word_mix(wire_le64(pa) & maska[wl], wire_le64(pb) & maskb[wl],
	    wl);
}

/* Count one word of the sample. */
static inline void
count_word(struct feat *f, struct wordhashes *wh, uint64_t h,
    int upper)
{
	int	stop, first = f->words == 0;

	f->words++;
	f->sample++;
	/*
	 * Counted without branches: in prose, whether a word is a
	 * function word or capitalised is a coin toss.
	 */
	stop = wire_stophash(h);
	f->stops += stop;
	f->content += !stop & !first;
	f->capitals += !stop & !first & upper;
	if (wh != NULL && wh->n < SAMPLE)
		wh->h[wh->n++] = h;
}

/*
 * The sample, the careful way, from i: what the fast way leaves of a
 * line, far into a long line.  Returns where the sample ends.
 */
static size_t
careful_sample(struct feat *f, struct wordhashes *wh,
    const char *s, size_t len, size_t i)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n, wl;
	uint64_t		 h;
	int32_t			 c;
	int			 upper;
	unsigned char		 k;

	while (i < len && f->words < SAMPLE) {
		/* To the next letter or digit, counting pipes on the way. */
		for (;;) {
			while (i < len && plain[u[i]])
				i++;
			if (i >= len || (k = kind[u[i]]) == L || k == U)
				break;
			if (k == N) {
				c = wire_utf8_dec(s + i, len - i, &n);
				if (wire_uclass(c) & (WIRE_C_ALPHA | WIRE_C_DIGIT))
					break;
				i += n;
				continue;
			}
			if (u[i] == '|')
				f->pipes++;
			else if ((u[i] == '?' || u[i] == '!') && glued(s, len, i))
				f->flags |= F_SGLUE;
			i++;
		}
		if (i >= len)
			break;
		i = careful_word(f, s, len, i, &h, &wl, &upper);
		count_word(f, wh, h, upper);
	}
	return i;
}

/* Where the run of in that holds bit i ends. */
static size_t
run_end(const struct lbits *lb, size_t i)
{
	uint64_t	x;

	while ((x = ~win(lb->in, i)) == 0)
		i += 64;
	return i + (size_t)__builtin_ctzll(x);
}

/*
 * The words of a block of plain ASCII that start at the bits of w, in
 * is the block's mask of bytes in words and c its bytes: each word's
 * hash into hs, and whether it is a function word into *stops (by its
 * first bit) and *ns.  A word of more than 16 bytes stops the loop: the
 * bits of w left are returned.
 */
static inline uint64_t
clean_block(const unsigned char *c, uint64_t in, uint64_t w, uint64_t *hs,
    size_t *nw, size_t *ns, uint64_t *stops)
{
	uint64_t	x, h, sm = 0;
	size_t		n = 0, s = 0, r, wl;
	int		sw;

	for (x = w; x != 0; x &= x - 1) {
		r = (size_t)__builtin_ctzll(x);
		wl = (size_t)__builtin_ctzll(~(in >> r));
		if (wl > 16)
			break;
		h = ascii_hash(c + r, wl);
		sw = wire_stophash(h);
		s += (size_t)sw;
		sm |= (uint64_t)sw << r;
		hs[n++] = h;
	}
	*nw += n;
	*ns += s;
	*stops = sm;
	return x;
}

/*
 * The sample the fast way, with the masks.  A word is a run of bytes in
 * a word, taken whole, in one step; a run with a longer character, a
 * capital after a lower-case letter or more than 16 bytes is taken the
 * careful way, byte by byte (it may hold several words).  Where the
 * masks end, the careful way goes on.  Returns where the sample ends;
 * *fast tells up to where the fast way passed the bytes between words.
 */
static size_t
fast_sample(struct feat *f, struct wordhashes *wh,
    const struct lbits *lb, const char *s, size_t len, size_t *fast)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, e, from = 0, wl, n, stop, k, r;
	size_t			 nw = 0, ns = 0, nc, ncap = 0, nb;
	uint64_t		 x, m, h, *hs, hbuf[SAMPLE], tail;
	int			 upper, sw, sw0 = 0, up0 = 0;

	/*
	 * Where the masks hold the whole line, they are zero past its end;
	 * otherwise a word must end a block before theirs.
	 */
	stop = len <= CLOSE * 64 ? len : CLOSE * 64 - 64;
	/* Words that start before stop: in a long line, the last block waits. */
	nb = len <= CLOSE * 64 ? lb->nb : CLOSE - 1;
	hs = wh != NULL ? wh->h : hbuf;
	/* count_word() on counts kept in registers; the first word after. */
#define COUNT() do {							\
	sw = wire_stophash(h);						\
	if (nw == 0) {							\
		sw0 = sw;						\
		up0 = upper;						\
	}								\
	ns += (size_t)sw;						\
	ncap += (size_t)((sw ^ 1) & upper);				\
	hs[nw++] = h;							\
} while (0)
	for (k = 0; k < nb && nw < SAMPLE; k++) {
		x = lb->first[k];
		/*
		 * A block of ASCII words with room in the sample for all of
		 * them (a block has 32 at most): the shortest way, but for a
		 * word that runs on into the next block (the last, if any:
		 * tail).  Which words are function words is kept as a mask
		 * (stops), and counted with the capitals once the block is
		 * done.
		 */
		/* x's highest bit (x | 1: none for 0), if in runs on. */
		tail = x & (1ULL << (63 - __builtin_clzll(x | 1))) &
		    -(lb->in[k] >> 63);
		if (!(lb->bad[k] & lb->in[k]) && (nw + 32 <= SAMPLE ||
		    nw + pop64(x) <= SAMPLE)) {
			uint64_t	stops, done, w = x & ~tail;
			int		first_here = nw == 0;

			if (first_here && w != 0)
				up0 = (int)((lb->b[k].up >> __builtin_ctzll(w)) & 1);
			x = clean_block(lb->copy + 64 * k, lb->in[k], w,
			    hs + nw, &nw, &ns, &stops);
			/* The words before x's lowest bit are done. */
			done = w & ((x & -x) - 1);
			if (done != 0) {
				/* Set once: only one block is the first. */
				sw0 |= first_here &
				    (int)((stops >> __builtin_ctzll(done)) & 1);
				ncap += pop64(done & ~stops & lb->b[k].up);
				r = 63 - (size_t)__builtin_clzll(done);
				from = 64 * k + r +
				    (size_t)__builtin_ctzll(~(lb->in[k] >> r));
			}
		}
		x |= tail;
		for (; x != 0 && nw < SAMPLE; x &= x - 1) {
			r = (size_t)__builtin_ctzll(x);
			if ((i = 64 * k + r) < from)
				continue;
			m = ~(lb->in[k] >> r);
			wl = m ? (size_t)__builtin_ctzll(m) : 64;
			m = lb->bad[k] >> r;
			if (r + wl >= 64) {		/* on into the next block */
				m = ~win(lb->in, i);
				wl = m ? (size_t)__builtin_ctzll(m) : 64;
				m = win(lb->bad, i);
			}
			if (wl <= 16 && !(m & ((1ULL << wl) - 1))) {
				upper = (int)((lb->b[k].up >> r) & 1);
				h = ascii_hash(lb->copy + i, wl);
				COUNT();
				from = i + wl;
				continue;
			}
			/* The careful way, through the run. */
			if ((e = run_end(lb, i)) > stop)
				goto careful;
			while (i < e && nw < SAMPLE) {
				if (kind[u[i]] == J) {
					i++;
					continue;
				}
				if (kind[u[i]] == N && !(wire_uclass(wire_utf8_dec(s +
				    i, len - i, &n)) & (WIRE_C_ALPHA | WIRE_C_DIGIT))) {
					i += n;
					continue;
				}
				i = careful_word(f, s, len, i, &h, &wl, &upper);
				COUNT();
			}
			from = i;
		}
	}
#undef COUNT
	/*
	 * No word is left before stop: the end of the line, or of the masks
	 * of a long one.
	 */
	if (nw < SAMPLE)
		from = len <= CLOSE * 64 ? len : stop;
careful:
	*fast = from;
	f->words += nw;
	f->sample += nw;
	f->stops += ns;
	/* The rest are content words, but the first word of a line. */
	nc = nw - ns;
	if (nw > 0 && !sw0) {
		nc--;
		ncap -= (size_t)up0;
	}
	f->content += nc;
	f->capitals += ncap;
	if (wh != NULL)
		wh->n = nw;
	if (f->words >= SAMPLE || from >= len)
		return from;
	return careful_sample(f, wh, s, len, from);
}

/*
 * Past the sample, words are only counted, as runs of letters: a byte
 * of a letter or a digit (L, U or N) after none of these nor a joiner.
 */
static void
count_rest(struct feat *f, const struct lbits *lb, const char *s,
    size_t len, size_t i)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned char		 pad[64];
	struct bits		 b;
	uint64_t		 x, y, carry = 0, keep;
	size_t			 k, n;

	for (k = i / 64; k * 64 < len; k++) {
		if (k < lb->nb)
			b = lb->b[k];
		else if ((n = len - k * 64) >= 64)
			classify_blocks(u + k * 64, 1, &b, pad);
		else {
			/* classify() reads whole blocks: the tail padded. */
			memcpy(pad, u + k * 64, n);
			memset(pad + n, 0, sizeof(pad) - n);
			classify_blocks(pad, 1, &b, pad);
		}
		x = b.a | b.hi;
		y = x | b.jn;
		keep = ~0ULL;
		if (k == i / 64) {
			/* Nothing before i counts, not even as a prefix. */
			keep = ~0ULL << (i % 64);
			y &= keep;
		}
		f->words += pop64(x & ~((y << 1) | carry) & keep);
		f->pipes += pop64(b.pipe & keep);
		carry = y >> 63;
	}
}

/*
 * The words of the line: counts, function words, capitals, a hash of
 * each word in lower case (for the repetition of text) and lower-to-
 * upper changes inside words (text run together).
 */
void
words(struct feat *f, struct wordhashes *wh, const char *s,
    size_t len, struct lbits *lb)
{
	size_t		i, k, e;
	uint64_t	q;

	if (kind['a'] == 0) {
		index_kinds();
		wire_lex_init();
	}
	lbits(lb, (const unsigned char *)s, len);
	e = fast_sample(f, wh, lb, s, len, &i);
	/* What the fast way passed: pipes, and ? or ! between two texts. */
	if (i > lb->nb * 64)
		i = lb->nb * 64;
	for (k = 0; lb->rare != 0 && k * 64 < i; k++) {
		if (lb->b[k].pipe != 0)
			f->pipes += pop64(lb->b[k].pipe & (i - k * 64 >= 64 ?
			    ~0ULL : (1ULL << (i - k * 64)) - 1));
		for (q = lb->b[k].qe; q != 0; q &= q - 1)
			if (k * 64 + (size_t)__builtin_ctzll(q) < i &&
			    glued(s, len, k * 64 + (size_t)__builtin_ctzll(q)))
				f->flags |= F_SGLUE;
	}
	if (e < len)
		count_rest(f, lb, s, len, e);
}
