/*
 * utf8.c: UTF-8 decoding and character classes.
 *
 * The policy for bad bytes lives here: an invalid or truncated sequence
 * decodes as -1, one byte at a time, so every tool can step over it and
 * copy it through unchanged instead of failing or dropping text.
 */
#include <utf8proc.h>

#include <string.h>

#include "wire.h"

int32_t
wire_utf8_dec(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	int32_t	c, min;
	size_t	k, i;

	*n = 1;
	if (u[0] < 0x80)
		return u[0];
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		k = 2; c = u[0] & 0x1f; min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		k = 3; c = u[0] & 0x0f; min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		k = 4; c = u[0] & 0x07; min = 0x10000;
	} else
		return -1;
	if (len < k)
		return -1;
	for (i = 1; i < k; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*n = k;
	return c;
}

int32_t
wire_utf8_prev(const char *s, size_t i, size_t *n)
{
	size_t	j, m;
	int32_t	c;

	/* Look back over at most three continuation bytes. */
	for (j = 1; j <= 4 && j <= i; j++) {
		if (((unsigned char)s[i - j] & 0xc0) != 0x80) {
			c = wire_utf8_dec(s + i - j, j, &m);
			if (c != -1 && m == j) {
				*n = j;
				return c;
			}
			break;
		}
	}
	*n = 1;
	return (unsigned char)s[i - 1] < 0x80 ? (unsigned char)s[i - 1] : -1;
}

size_t
wire_utf8_enc(int32_t c, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = 0xc0 | (c >> 6);
		o[1] = 0x80 | (c & 0x3f);
		return 2;
	}
	if (c < 0x10000) {
		o[0] = 0xe0 | (c >> 12);
		o[1] = 0x80 | ((c >> 6) & 0x3f);
		o[2] = 0x80 | (c & 0x3f);
		return 3;
	}
	o[0] = 0xf0 | (c >> 18);
	o[1] = 0x80 | ((c >> 12) & 0x3f);
	o[2] = 0x80 | ((c >> 6) & 0x3f);
	o[3] = 0x80 | (c & 0x3f);
	return 4;
}

/*
 * The classes of the ASCII characters, as classify() gives them (the
 * table was printed from it); so wire_uclass() (wire.h) answers ASCII
 * without a call.
 */
const unsigned short wire_ascii_class[128] = {
	0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000,
	0x1000, 0x0010, 0x0010, 0x0010, 0x0010, 0x0010, 0x1000, 0x1000,
	0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000,
	0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000, 0x1000,
	0x0010, 0x0020, 0x01a0, 0x0020, 0x0040, 0x0020, 0x0020, 0x01a0,
	0x0420, 0x0820, 0x0020, 0x0040, 0x0020, 0x0220, 0x0020, 0x0020,
	0x0008, 0x0008, 0x0008, 0x0008, 0x0008, 0x0008, 0x0008, 0x0008,
	0x0008, 0x0008, 0x0020, 0x0020, 0x0040, 0x0040, 0x0040, 0x0020,
	0x0020, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005,
	0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005,
	0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005, 0x0005,
	0x0005, 0x0005, 0x0005, 0x0420, 0x0020, 0x0820, 0x0040, 0x0020,
	0x0040, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006,
	0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006,
	0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006, 0x0006,
	0x0006, 0x0006, 0x0006, 0x0420, 0x0040, 0x0820, 0x0040, 0x1000,};

static unsigned
classify(int32_t c)
{
	switch (c) {
	case '"': case '\'':
		return WIRE_C_PUNCT | WIRE_C_OPENQ | WIRE_C_CLOSEQ;
	case '\t': case '\n': case '\v': case '\f': case '\r':
		return WIRE_C_SPACE;
	case 0x201a: case 0x201e:	/* low-9 quotes, category Ps */
		return WIRE_C_PUNCT | WIRE_C_OPENQ;
	case 0xab: case 0xbb: case 0x2039: case 0x203a:
		/* Guillemets open and close in either direction. */
		return WIRE_C_PUNCT | WIRE_C_OPENQ | WIRE_C_CLOSEQ;
	}
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return WIRE_C_UPPER | WIRE_C_ALPHA;
	case UTF8PROC_CATEGORY_LL:
		return WIRE_C_LOWER | WIRE_C_ALPHA;
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return WIRE_C_ALPHA;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return WIRE_C_DIGIT;
	case UTF8PROC_CATEGORY_PD:
		return WIRE_C_PUNCT | WIRE_C_DASH;
	case UTF8PROC_CATEGORY_PS:
		return WIRE_C_PUNCT | WIRE_C_OPENB;
	case UTF8PROC_CATEGORY_PE:
		return WIRE_C_PUNCT | WIRE_C_CLOSEB;
	case UTF8PROC_CATEGORY_PI:
		return WIRE_C_PUNCT | WIRE_C_OPENQ;
	case UTF8PROC_CATEGORY_PF:
		return WIRE_C_PUNCT | WIRE_C_CLOSEQ;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PO:
		return WIRE_C_PUNCT;
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
		return WIRE_C_SYMBOL;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return WIRE_C_SPACE;
	default:
		return WIRE_C_CTRL;
	}
}

unsigned
wire_uclass_slow(int32_t c)
{
	if (c < 0)
		return WIRE_C_CTRL;
	if (c < 128)
		return wire_ascii_class[c];
	return classify(c);
}

void
wire_utf8_check(struct wire_utf8check *u, const void *s, size_t n)
{
	const unsigned char *p = s;
	unsigned char	c;
	size_t		i;

	for (i = 0; i < n && !u->bad; i++) {
		/* Plain ASCII eight bytes at a time. */
		if (u->need == 0)
			for (; i + 8 <= n; i += 8) {
				uint64_t x;

				memcpy(&x, p + i, 8);
				if (x & 0x8080808080808080ULL)
					break;
			}
		if (i == n)
			break;
		c = p[i];
		if (u->need > 0) {
			if (c < u->lo || c > u->hi)
				u->bad = 1;
			u->need--;
			u->lo = 0x80;
			u->hi = 0xbf;
			continue;
		}
		if (c < 0x80)
			continue;
		u->lo = 0x80;
		u->hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			u->need = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			u->need = 2;
			if (c == 0xe0)
				u->lo = 0xa0;	/* no overlong forms */
			if (c == 0xed)
				u->hi = 0x9f;	/* no surrogates */
		} else if (c >= 0xf0 && c <= 0xf4) {
			u->need = 3;
			if (c == 0xf0)
				u->lo = 0x90;
			if (c == 0xf4)
				u->hi = 0x8f;	/* nothing past U+10FFFF */
		} else
			u->bad = 1;
	}
}

int
wire_utf8_valid(const char *s, size_t len)
{
	struct wire_utf8check u = { 0, 0x80, 0xbf, 0 };

	wire_utf8_check(&u, s, len);
	return !u.bad && u.need == 0;
}
