/* tok.c: words, the unit of every similarity and density measure. */
#include "wire.h"

/* May c (the joiner) stay inside a word between a and b? */
static int
joins(int32_t c, unsigned ca, unsigned cb)
{
	switch (c) {
	case '\'': case 0x2019: case '-': case 0x2010: case 0x2011:
		return (ca & WIRE_C_ALPHA) && (cb & WIRE_C_ALPHA);
	case '.':
		return ((ca & WIRE_C_ALPHA) && (cb & WIRE_C_ALPHA)) ||
		    ((ca & WIRE_C_DIGIT) && (cb & WIRE_C_DIGIT));
	case ',':
		return (ca & WIRE_C_DIGIT) && (cb & WIRE_C_DIGIT);
	}
	return 0;
}

int
wire_word_next(const char *s, size_t len, size_t *pos, struct wire_word *w)
{
	size_t		i = *pos, n, m;
	int32_t		c, d;
	unsigned	cl = 0, prev;

	/* Skip to the first letter or digit. */
	for (; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80) {
			n = 1;
			cl = wire_uclass((unsigned char)s[i]);
		} else
			cl = wire_uclass(wire_utf8_dec(s + i, len - i, &n));
		if (cl & (WIRE_C_ALPHA | WIRE_C_DIGIT))
			break;
	}
	if (i >= len) {
		*pos = len;
		return 0;
	}
	w->off = i;
	w->nupper = w->nalpha = w->ndigit = 0;
	for (;;) {
		if (cl & WIRE_C_UPPER)
			w->nupper++;
		if (cl & WIRE_C_ALPHA)
			w->nalpha++;
		if (cl & WIRE_C_DIGIT)
			w->ndigit++;
		prev = cl;
		i += n;
		/* The usual case first: ASCII letters and digits. */
		while (i < len && (unsigned char)s[i] < 0x80 &&
		    ((cl = wire_ascii_class[(unsigned char)s[i]]) &
		    (WIRE_C_ALPHA | WIRE_C_DIGIT))) {
			w->nupper += (cl & WIRE_C_UPPER) != 0;
			w->nalpha += (cl & WIRE_C_ALPHA) != 0;
			w->ndigit += (cl & WIRE_C_DIGIT) != 0;
			prev = cl;
			i++;
		}
		if (i >= len)
			break;
		c = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i] :
		    wire_utf8_dec(s + i, len - i, &n);
		if ((unsigned char)s[i] < 0x80)
			n = 1;
		cl = wire_uclass(c);
		if (cl & (WIRE_C_ALPHA | WIRE_C_DIGIT))
			continue;
		/* A joiner between two word characters stays inside. */
		if (i + n < len) {
			d = wire_utf8_dec(s + i + n, len - i - n, &m);
			if (joins(c, prev, wire_uclass(d))) {
				i += n;
				n = m;
				cl = wire_uclass(d);
				continue;
			}
		}
		break;
	}
	w->len = i - w->off;
	*pos = i;
	return 1;
}
