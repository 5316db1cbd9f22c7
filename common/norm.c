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
 * Plain ASCII from s, eight bytes at a time, while the bytes hold no
 * white space other than single spaces and need no folding but case:
 * the usual case in prose.  Returns how many bytes it took (a multiple
 * of eight); the rest is for the byte loop.  The output end is kept in
 * locals, not in out->len, so that each step does not wait for the
 * last one's store.
 */
static size_t
put_ascii(struct norm *n, const char *s, size_t len)
{
	uint64_t	x, lt, sp, up;
	char		*o = n->out->p + n->out->len, *o0 = o;
	size_t		 i;
	/* May the next byte written be a space? */
	int		 spaceok = n->out->len > n->base && o[-1] != ' ';

	for (i = 0; len - i >= 8; i += 8) {
		memcpy(&x, s + i, 8);
		if (x & HIGHS)
			break;
		lt = (x - 0x21 * ONES) & ~x & HIGHS;	/* bytes < 0x21 */
		sp = ((x ^ (0x20 * ONES)) - ONES) & ~(x ^ (0x20 * ONES)) &
		    HIGHS;
		if (lt != sp || (sp & (sp << 8)) != 0)
			break;	/* a control byte, or two spaces in a row */
		if ((sp & 0x80) && !spaceok)
			break;	/* a space that must not be written */
		/* 'A'..'Z' get 0x20 added. */
		up = (x + (0x80 - 'A') * ONES) &
		    ~(x + (0x80 - 'Z' - 1) * ONES) & HIGHS;
		x |= up >> 2;
		memcpy(o, &x, 8);
		o += 8;
		spaceok = (sp >> 56) == 0;
	}
	n->out->len += (size_t)(o - o0);
	return i;
}

/*
 * The same sixteen bytes at a time, with the compiler's vector types
 * (SSE2 on x86-64, NEON on ARM, plain code elsewhere), as long as 17
 * bytes are left: the byte after the block is read to see a space
 * follow a space at its end.  put_ascii() takes the last few blocks.
 */
typedef signed char v16 __attribute__((vector_size(16)));

static int
any16(v16 m)
{
	uint64_t	w[2];

	memcpy(w, &m, sizeof(w));
	return (w[0] | w[1]) != 0;
}

static size_t
put_ascii16(struct norm *n, const char *s, size_t len)
{
	v16		 x, next, sp;
	char		*o = n->out->p + n->out->len, *o0 = o;
	size_t		 i;
	int		 spaceok = n->out->len > n->base && o[-1] != ' ';

	for (i = 0; len - i >= 17; i += 16) {
		memcpy(&x, s + i, 16);
		memcpy(&next, s + i + 1, 16);
		sp = x == ' ';
		/*
		 * Bytes below 0x21 other than space are control bytes, and
		 * bytes from 0x80 are negative here: both stop the block,
		 * as do two spaces in a row.
		 */
		if (any16(((x < 0x21) & ~sp) | (sp & (next == ' '))))
			break;
		if (sp[0] && !spaceok)
			break;	/* a space that must not be written */
		x |= (x >= 'A') & (x <= 'Z') & 0x20;
		memcpy(o, &x, 16);
		o += 16;
		spaceok = !sp[15];
	}
	n->out->len += (size_t)(o - o0);
	return i;
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
		if (len - i >= 17 && (k = put_ascii16(&n, s + i, len - i)) > 0) {
			i += k;
			continue;
		}
		if (len - i >= 8 && (k = put_ascii(&n, s + i, len - i)) > 0) {
			i += k;
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
