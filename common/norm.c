/*
 * norm.c: the one text normaliser used for matching.
 *
 * Copies of a wire story differ in Unicode form, case, quote style,
 * dashes and spacing; wire_norm() removes those differences and nothing
 * else.  ASCII takes a fast path; runs of other characters go through
 * utf8proc (NFKC with case folding) and then the fold table below.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "wire.h"

#define NORM_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | \
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)

/*
 * White space is written eagerly as one space, unless the output (from
 * base) is empty or already ends in a space; wire_norm() trims a final
 * space at the end.
 */
struct norm {
	struct wire_buf	*out;
	size_t		 base;
};

static void
put_space(struct norm *n)
{
	if (n->out->len > n->base && n->out->p[n->out->len - 1] != ' ')
		n->out->p[n->out->len++] = ' ';
}

static void
put_byte(struct norm *n, char c)
{
	n->out->p[n->out->len++] = c;
}

static void
put_cp(struct norm *n, int32_t c)
{
	unsigned cl;

	switch (c) {
	case 0x60: case 0x2018: case 0x2019: case 0x201a: case 0x201b:
	case 0x2032: case 0x2035: case 0x2039: case 0x203a:
		c = '\'';
		break;
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
	case 0x2036: case 0xab: case 0xbb:
		c = '"';
		break;
	case 0x2212:
		c = '-';
		break;
	default:
		cl = wire_uclass(c);
		if (cl & WIRE_C_SPACE) {
			wire_buf_grow(n->out, 1);
			put_space(n);
			return;
		}
		if (cl & WIRE_C_DASH)
			c = '-';
	}
	wire_buf_grow(n->out, 5);
	n->out->len += wire_utf8_enc(c, n->out->p + n->out->len);
}

/* Normalise a run of valid, non-ASCII-led UTF-8 through utf8proc. */
static void
put_run(struct norm *n, const char *s, size_t len)
{
	static int32_t		*cp;
	static size_t		 cpcap;
	utf8proc_ssize_t	 k, i;

	for (;;) {
		k = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)len, cp, (utf8proc_ssize_t)cpcap, NORM_OPTS);
		if (k < 0)	/* cannot happen on valid input; keep bytes */
			goto raw;
		if ((size_t)k <= cpcap)
			break;
		cpcap = (size_t)k + 64;
		cp = wire_xrealloc(cp, cpcap, sizeof(*cp));
	}
	if ((k = utf8proc_normalize_utf32(cp, k, NORM_OPTS)) < 0)
		goto raw;
	for (i = 0; i < k; i++)
		put_cp(n, cp[i]);
	return;
raw:
	wire_buf_grow(n->out, len + 8);
	for (i = 0; i < (utf8proc_ssize_t)len; i++)
		put_byte(n, s[i]);
}

static int
is_mark(const char *s, size_t len)
{
	size_t	k;
	int32_t	c = wire_utf8_dec(s, len, &k);

	return c > 0 && utf8proc_category(c) >= UTF8PROC_CATEGORY_MN &&
	    utf8proc_category(c) <= UTF8PROC_CATEGORY_ME;
}

/*
 * ASCII bytes: 0 for white space, else the byte in lower case.  Built on
 * first use; the byte loop below is one lookup a byte.
 */
static unsigned char	ascii_fold[128];

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/*
 * Eight plain ASCII bytes at once, when they hold no white space other
 * than single spaces that need no folding: the usual case in prose.
 * Returns 0 when the bytes need the byte loop.
 */
static int
put8(struct norm *n, const char *s)
{
	uint64_t	x, lt, sp, up;
	char		*p = n->out->p + n->out->len;

	memcpy(&x, s, 8);
	if (x & HIGHS)
		return 0;
	lt = (x - 0x21 * ONES) & ~x & HIGHS;		/* bytes < 0x21 */
	sp = ((x ^ (0x20 * ONES)) - ONES) & ~(x ^ (0x20 * ONES)) & HIGHS;
	if (lt != sp || (sp & (sp << 8)) != 0)
		return 0;	/* a control byte, or two spaces in a row */
	if ((sp & 0x80) && (n->out->len == n->base || p[-1] == ' '))
		return 0;	/* a space that must not be written */
	/* 'A'..'Z' get 0x20 added: high bit of (x + 0x3f) & ~(x + 0x25). */
	up = (x + (0x80 - 'A') * ONES) & ~(x + (0x80 - 'Z' - 1) * ONES) & HIGHS;
	x |= up >> 2;
	memcpy(p, &x, 8);
	n->out->len += 8;
	return 1;
}

void
wire_norm(struct wire_buf *out, const char *s, size_t len)
{
	struct norm	 n = { out, out->len };
	size_t		 i, j, k;
	unsigned char	 b, f;

	if (ascii_fold['a'] == 0)
		for (i = 0; i < 128; i++)
			ascii_fold[i] = (i == ' ' || (i >= '\t' && i <= '\r')) ?
			    0 : (i >= 'A' && i <= 'Z') ? (unsigned char)(i + 32) :
			    (unsigned char)i;
	wire_buf_grow(out, len + 8);
	for (i = 0; i < len; ) {
		if (len - i >= 8 && put8(&n, s + i)) {
			i += 8;
			continue;
		}
		if ((b = (unsigned char)s[i]) < 0x80) {
			if ((f = ascii_fold[b]) == 0)
				put_space(&n);
			else
				put_byte(&n, (char)f);
			i++;
			continue;
		}
		/* A run of valid non-ASCII characters. */
		for (j = i; j < len && (unsigned char)s[j] >= 0x80; j += k)
			if (wire_utf8_dec(s + j, len - j, &k) == -1)
				break;
		if (j == i) {		/* an invalid byte: copy it */
			put_byte(&n, s[i++]);
			continue;
		}
		/*
		 * A combining mark composes with the letter before it, which
		 * the ASCII path has already written: take it back.
		 */
		if (i > 0 && (unsigned char)s[i - 1] < 0x80 &&
		    out->len > n.base && is_mark(s + i, len - i) &&
		    ascii_fold[(unsigned char)s[i - 1]]) {
			out->len--;
			i--;
		}
		put_run(&n, s + i, j - i);
		i = j;
		wire_buf_grow(out, len - i + 8);
	}
	if (out->len > n.base && out->p[out->len - 1] == ' ')
		out->len--;
	out->p[out->len] = '\0';
}
