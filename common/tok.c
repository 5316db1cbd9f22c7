/*
 * tok.c: words, the one tokenizer of the wire tools: the unit of every
 * similarity measure (wire-dedupe, wire-diff) and of noun phrases and
 * names (wire-quotes).  A word's classes come from the lexicon
 * (wire_lex_word()).
 */
#include <string.h>

#include "wire.h"

/* May c (the joiner) stay inside a word between a and b? */
static int
joins(int32_t c, unsigned ca, unsigned cb)
{
	switch (c) {
	case '\'': case 0x2019: case '-': case 0x2010: case 0x2011:
		/* "58-year-old", "COVID-19", "1990's", but "3-2" is two. */
		return ((ca | cb) & WIRE_C_ALPHA) &&
		    (ca & (WIRE_C_ALPHA | WIRE_C_DIGIT)) &&
		    (cb & (WIRE_C_ALPHA | WIRE_C_DIGIT));
	case '.':
		return ((ca & WIRE_C_ALPHA) && (cb & WIRE_C_ALPHA)) ||
		    ((ca & WIRE_C_DIGIT) && (cb & WIRE_C_DIGIT));
	case ',':
		return (ca & WIRE_C_DIGIT) && (cb & WIRE_C_DIGIT);
	}
	return 0;
}

/* Letters and digits: what a word is made of. */
#define AN	(WIRE_C_ALPHA | WIRE_C_DIGIT)

/*
 * The lexicon's key of the word of len <= 16 bytes at s, which may be
 * read 16 bytes far, into *h, when it is all ASCII: two loads, capitals
 * made lower case eight bytes at a time, the bytes past it masked off.
 */
static int
ascii_key(const char *s, size_t len, uint64_t *h)
{
	const uint64_t	ones = 0x0101010101010101ULL, highs = 0x80 * ones;
	uint64_t	x[2], up;
	int		i;

	memcpy(x, s, 16);
	if (len < 8) {
		x[0] = wire_le64(x[0]) & ((1ULL << (8 * len)) - 1);
		x[1] = 0;
	} else {
		x[0] = wire_le64(x[0]);
		x[1] = len < 16 ? wire_le64(x[1]) & ((1ULL << (8 * (len - 8))) - 1) :
		    wire_le64(x[1]);
	}
	if ((x[0] | x[1]) & highs)
		return 0;
	for (i = 0; i < 2; i++) {
		/* The high bit of each byte in 'A'..'Z', moved to 0x20. */
		up = (x[i] + (0x80 - 'A') * ones) & ~(x[i] + (0x7f - 'Z') * ones) &
		    highs;
		x[i] |= up >> 2;
	}
	*h = wire_hash_word_mix(x[0], x[1], len);
	return 1;
}

int
wire_word_next(const char *s, size_t len, size_t *pos, struct wire_word *w)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 i = *pos, n = 1, m;
	int32_t		 c, d;
	unsigned	 cl = 0, prev, all;

	/* Skip to the first letter or digit. */
	for (; i < len; i += n) {
		if (u[i] < 0x80) {
			n = 1;
			cl = wire_ascii_class[u[i]];
		} else
			cl = wire_uclass(wire_utf8_dec(s + i, len - i, &n)) |
			    WIRE_C_WIDE;
		if (cl & AN)
			break;
	}
	if (i >= len) {
		*pos = len;
		return 0;
	}
	w->off = i;
	all = 0;
	for (;;) {
		all |= prev = cl;
		i += n;
		/* The usual case first: ASCII letters and digits. */
		while (i < len && u[i] < 0x80 &&
		    ((cl = wire_ascii_class[u[i]]) & AN)) {
			all |= prev = cl;
			i++;
		}
		if (i >= len)
			break;
		if (u[i] < 0x80) {
			c = u[i];
			n = 1;
		} else
			c = wire_utf8_dec(s + i, len - i, &n);
		cl = wire_uclass(c) | (u[i] >= 0x80 ? WIRE_C_WIDE : 0);
		if (cl & AN)
			continue;
		/* A joiner between two word characters stays inside. */
		if (i + n < len) {
			d = wire_utf8_dec(s + i + n, len - i - n, &m);
			if (joins(c, prev, wire_uclass(d))) {
				all |= cl & WIRE_C_WIDE;
				i += n;
				n = m;
				cl = wire_uclass(d) |
				    (u[i] >= 0x80 ? WIRE_C_WIDE : 0);
				continue;
			}
		}
		break;
	}
	w->len = i - w->off;
	w->cls = all;
	*pos = i;
	return 1;
}

uint64_t
wire_word_key(const char *s, size_t len, const struct wire_word *w)
{
	uint64_t	h;

	if (w->len > 16 || w->off + 16 > len ||
	    !ascii_key(s + w->off, w->len, &h))
		h = wire_lex_hash(s + w->off, w->len);
	return h;
}
