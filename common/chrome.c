/*
 * chrome.c: what a line of a scraped page looks like.
 *
 * wire-strip decides body from chrome by how lines look, not by what
 * they say; the features here measure the look: length, the share of
 * function words, sentence punctuation, title case, indentation, text
 * run together from two links, dates and times standing alone.  A few
 * well-known phrases of page furniture ("Share this", "Related
 * articles", "All rights reserved") are one more feature among these;
 * they are generic, not any site's strings.
 */
#include <err.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2, where the compiler can build it and the processor has it. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WIRE_AVX2	1
#endif

#include "wire.h"

/* Lower-case ASCII copy of the start of a line, for the phrase tables. */
#define HEAD	64

struct phrase {
	const char	*p;
	int		 flag;
	size_t		 len;
	uint64_t	 pre, mask;	/* its first 8 bytes, and which */
};

#define P(s, flag)	{ s, flag, sizeof(s) - 1, 0, 0 }

/*
 * Phrases at the start of a line (after any marks), lower case.  A
 * phrase counts when a non-letter follows it.
 */
static struct phrase starts[] = {
	/* site furniture */
	P("advertisement", WIRE_F_CHROME), P("sponsored", WIRE_F_CHROME),
	P("share this", WIRE_F_CHROME), P("share on", WIRE_F_CHROME),
	P("follow us", WIRE_F_CHROME), P("skip to", WIRE_F_CHROME),
	P("click here", WIRE_F_CHROME), P("loading", WIRE_F_CHROME),
	P("log in", WIRE_F_CHROME), P("login", WIRE_F_CHROME),
	P("sign in", WIRE_F_CHROME), P("menu", WIRE_F_CHROME),
	P("search", WIRE_F_CHROME), P("cookie", WIRE_F_CHROME),
	P("cookies", WIRE_F_CHROME), P("privacy policy", WIRE_F_CHROME),
	P("terms of use", WIRE_F_CHROME), P("terms of service", WIRE_F_CHROME),
	P("photo:", WIRE_F_CHROME), P("image:", WIRE_F_CHROME),
	P("credit:", WIRE_F_CHROME), P("getty images", WIRE_F_CHROME),
	/* the start of another section: related links, lists of stories */
	P("related", WIRE_F_SECTION | WIRE_F_HARD),
	P("more in", WIRE_F_SECTION | WIRE_F_HARD),
	P("more from", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("more on", WIRE_F_SECTION | WIRE_F_HARD),
	P("more about", WIRE_F_SECTION | WIRE_F_HARD),
	P("more stories", WIRE_F_SECTION | WIRE_F_HARD),
	P("more news", WIRE_F_SECTION | WIRE_F_HARD),
	P("more articles", WIRE_F_SECTION | WIRE_F_HARD),
	P("recommended", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("you may also like", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("you might also like", WIRE_F_SECTION | WIRE_F_HARD),
	P("you may like", WIRE_F_SECTION | WIRE_F_HARD),
	P("you might like", WIRE_F_SECTION | WIRE_F_HARD),
	P("most read", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("most popular", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("most viewed", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("most shared", WIRE_F_SECTION | WIRE_F_HARD),
	P("trending", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("top stories", WIRE_F_SECTION | WIRE_F_HARD),
	P("latest news", WIRE_F_SECTION | WIRE_F_HARD),
	P("latest stories", WIRE_F_SECTION | WIRE_F_HARD),
	P("latest headlines", WIRE_F_SECTION | WIRE_F_HARD),
	P("read more", WIRE_F_SECTION | WIRE_F_HARD | WIRE_F_CHROME),
	P("read next", WIRE_F_SECTION | WIRE_F_HARD),
	P("read also", WIRE_F_SECTION | WIRE_F_HARD),
	P("see also", WIRE_F_SECTION | WIRE_F_HARD),
	P("further reading", WIRE_F_SECTION | WIRE_F_HARD),
	P("popular now", WIRE_F_SECTION | WIRE_F_HARD),
	P("popular stories", WIRE_F_SECTION | WIRE_F_HARD),
	P("what to read next", WIRE_F_SECTION | WIRE_F_HARD),
	P("up next", WIRE_F_SECTION | WIRE_F_HARD),
	/* comments */
	P("comments", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("comment", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("responses", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("response", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("replies", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("reactions", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("leave a reply", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("leave a comment", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("join the discussion", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("join the conversation", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("add a comment", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("post a comment", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("top rated comments", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("show comments", WIRE_F_COMMENTS | WIRE_F_HARD),
	P("view comments", WIRE_F_COMMENTS | WIRE_F_HARD),
	/* the end of an article: legal lines, tags, newsletters */
	P("copyright", WIRE_F_HARD | WIRE_F_STOP | WIRE_F_CHROME),
	P("tags:", WIRE_F_HARD), P("tag:", WIRE_F_HARD),
	P("filed under", WIRE_F_HARD), P("posted in", WIRE_F_HARD),
	P("categories:", WIRE_F_HARD), P("topics:", WIRE_F_HARD),
	P("about the author", WIRE_F_HARD), P("about us", WIRE_F_HARD),
	P("disclaimer", WIRE_F_HARD),
	P("subscribe", WIRE_F_HARD | WIRE_F_CHROME),
	P("sign up", WIRE_F_HARD | WIRE_F_CHROME),
	P("newsletter", WIRE_F_HARD | WIRE_F_CHROME),
	P("stay up to date", WIRE_F_HARD), P("get our newsletter", WIRE_F_HARD),
	P("get the newsletter", WIRE_F_HARD), P("get the latest", WIRE_F_HARD),
	/* credits of pictures */
	P("image credit", WIRE_F_CREDIT), P("photo credit", WIRE_F_CREDIT),
	P("photo by", WIRE_F_CREDIT), P("photos by", WIRE_F_CREDIT),
	P("image by", WIRE_F_CREDIT), P("(photo", WIRE_F_CREDIT),
	P("ap photo", WIRE_F_CREDIT), P("(ap photo", WIRE_F_CREDIT),
	P("source:", WIRE_F_CREDIT), P("illustration:", WIRE_F_CREDIT),
	P("picture:", WIRE_F_CREDIT), P("pictures:", WIRE_F_CREDIT),
	{ NULL, 0, 0, 0, 0 }
};

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec", NULL
};

/* A little-endian load, whatever the machine. */
static uint64_t
le64(uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap64(x);
#else
	return x;
#endif
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* The high bit of each byte of x (ASCII) that lies in [lo, hi]. */
static uint64_t
in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + (0x80 - lo) * ONES) & ~(x + (0x7f - hi) * ONES) & HIGHS;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
is_alpha_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Does the lower-case text h start with the phrase p as whole words? */
static int
starts_len(const char *h, size_t hl, const char *p, size_t n)
{
	return n <= hl && memcmp(h, p, n) == 0 &&
	    (n == hl || !is_alpha_ascii(h[n]));
}

/* As a macro, so that the length of a literal is known when compiled. */
#define starts_with(h, hl, p)	starts_len(h, hl, p, strlen(p))

/*
 * The phrases sorted by their first byte, longest first, so that a
 * lookup tries only those that can match: first[c] is the first one
 * that starts with c, or -1.
 */
static short	first[256];

static int
by_first(const void *x, const void *y)
{
	const struct phrase *a = x, *b = y;

	if (a->p[0] != b->p[0])
		return (unsigned char)a->p[0] - (unsigned char)b->p[0];
	return (int)b->len - (int)a->len;
}

static void
index_phrases(void)
{
	struct phrase	*p;
	size_t		 i, n;

	for (n = 0; starts[n].p != NULL; n++)
		;
	wire_sort(starts, n, sizeof(starts[0]), by_first);
	for (i = 0; i < 256; i++)
		first[i] = -1;
	for (p = starts; p->p != NULL; p++) {
		if (first[(unsigned char)p->p[0]] == -1)
			first[(unsigned char)p->p[0]] = (short)(p - starts);
		n = p->len < 8 ? p->len : 8;
		memcpy(&p->pre, p->p, n);
		memset(&p->mask, 0xff, n);
	}
	first[0] = -1;
}

/*
 * How rare a byte is in English text, to look for the rarest byte of a
 * phrase first: space and the commonest letters are common, the rest
 * rare.
 */
static unsigned char	rarity[256];

static void
index_rarity(void)
{
	static const char	often[] = " etaoinsrhldcu";
	size_t			i;

	for (i = 0; i < 256; i++)
		rarity[i] = 255;
	for (i = 0; often[i] != '\0'; i++) {
		rarity[(unsigned char)often[i]] = (unsigned char)(i + 1);
		rarity[(unsigned char)often[i] & ~0x20] = (unsigned char)(i + 1);
	}
	rarity[' '] = 0;
}

/*
 * Does h hold p (of length n)?  has() is the macro for literals.
 * memchr() finds the candidates for p's rarest byte; most lines have
 * few of them.
 */
static int
has_len(const char *h, size_t hl, const char *p, size_t n)
{
	/* The rarest byte of the phrases looked for lately, by address. */
	static struct {
		const char	*p;
		size_t		 a;
	}		 memo[16];
	const char	*q, *e;
	size_t		 i, a = 0, slot;

	if (n == 0 || n > hl)
		return n == 0;
	slot = ((uintptr_t)p >> 3) & 15;
	if (memo[slot].p == p)
		a = memo[slot].a;
	else {
		if (rarity[0] == 0)
			index_rarity();
		for (i = 1; i < n; i++)
			if (rarity[(unsigned char)p[i]] >
			    rarity[(unsigned char)p[a]])
				a = i;
		memo[slot].p = p;
		memo[slot].a = a;
	}
	for (q = h + a, e = h + hl - n + 1 + a; (q = memchr(q, p[a],
	    (size_t)(e - q))) != NULL; q++)
		if (memcmp(q - a, p, n) == 0)
			return 1;
	return 0;
}
/* p is a literal: has_len() remembers its rarest byte by its address. */
#define has(h, hl, p)	has_len(h, hl, p, strlen(p))

/* The first three bytes of h as one number, to compare at once. */
static uint32_t
key3(const char *h)
{
	return (uint32_t)(unsigned char)h[0] |
	    (uint32_t)(unsigned char)h[1] << 8 |
	    (uint32_t)(unsigned char)h[2] << 16;
}

/* A month name (or its abbreviation) at h; returns its length or 0. */
static size_t
month(const char *h, size_t hl)
{
	size_t		i, n;
	uint32_t	k;

	if (hl < 3)
		return 0;
	k = key3(h);
	for (i = 0; months[i] != NULL; i++)
		if (k == key3(months[i])) {
			for (n = 3; n < hl && is_alpha_ascii(h[n]); n++)
				;
			if (n < hl && h[n] == '.')
				n++;
			return n;
		}
	return 0;
}

/* The high bit of each of the eight bytes at h that is a digit. */
static uint64_t
digit_bytes(const char *h)
{
	uint64_t	x;

	memcpy(&x, h, 8);
	x = le64(x);
	return in_range(x & ~HIGHS, '0', '9') & ~x & HIGHS;
}

/*
 * The length of the run of digits at h, 9 at most (all that the checks
 * below tell apart).  h lies in a head, which is readable 8 bytes past
 * its end: eight bytes are looked at in one load.
 */
static size_t
digits(const char *h, size_t hl)
{
	uint64_t	y = ~digit_bytes(h) & HIGHS;
	size_t		n = y != 0 ? (size_t)__builtin_ctzll(y) / 8 : 8;

	if (n == 8 && hl > 8 && is_digit(h[8]))
		n = 9;
	return n < hl ? n : hl;
}

static size_t
spaces(const char *h, size_t hl, size_t i)
{
	while (i < hl && (h[i] == ' ' || h[i] == ',' || h[i] == '\t'))
		i++;
	return i;
}

/*
 * A date at the start of h: "Nov 19, 2019", "19 November 2019",
 * "2019-11-19", "11/19/2019", optionally after a weekday.
 */
static int
date_at(const char *h, size_t hl)
{
	size_t	i = 0, n;
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri",
	    "sat", "sun", NULL };

	for (n = 0; hl > 3 && days[n] != NULL; n++)
		if (key3(h) == key3(days[n])) {
			for (i = 3; i < hl && is_alpha_ascii(h[i]); i++)
				;
			i = spaces(h, hl, i);
			break;
		}
	if ((n = month(h + i, hl - i)) > 0) {
		i = spaces(h, hl, i + n);
		if ((n = digits(h + i, hl - i)) == 0 || n > 2)
			return 0;
		i += n;
		while (i < hl && is_alpha_ascii(h[i]))	/* 19th */
			i++;
		i = spaces(h, hl, i);
		return digits(h + i, hl - i) == 4;
	}
	if ((n = digits(h + i, hl - i)) == 0)
		return 0;
	if (n == 4 && i + n < hl && h[i + n] == '-')
		return i + 10 <= hl && is_digit(h[i + 5]) && h[i + 7] == '-';
	if (n <= 2 && i + n < hl && h[i + n] == '/')
		return 1;
	if (n <= 2) {
		i = spaces(h, hl, i + n);
		if ((n = month(h + i, hl - i)) == 0)
			return 0;
		i = spaces(h, hl, i + n);
		return digits(h + i, hl - i) == 4;
	}
	return 0;
}

/*
 * Where runs of digits start in the first hl (<= 64) bytes of h: bit i
 * for h[i].  Most short lines have none, and need no closer look.
 */
static uint64_t
digit_starts(const char *h, size_t hl)
{
	uint64_t	d = 0, x;
	size_t		i;

	/* Eight bytes at a time; h is readable and zero to HEAD + 8. */
	for (i = 0; i < hl; i += 8) {
		x = digit_bytes(h + i);
		/* The high bit of byte j to bit j. */
		d |= (((x >> 7) * 0x0102040810204080ULL) >> 56) << i;
	}
	if (hl < 64)
		d &= (1ULL << hl) - 1;
	return d & ~(d << 1);
}

/*
 * A clock time ("6:34 pm") or an age ("2 days ago", "32M ago") in h;
 * d: where its runs of digits start (digit_starts()).
 */
static int
time_in(const char *h, size_t hl, uint64_t d)
{
	size_t		i, n;

	for (; d != 0; d &= d - 1) {
		i = (size_t)__builtin_ctzll(d);
		n = digits(h + i, hl - i);
		if (n <= 2 && i + n + 2 < hl && h[i + n] == ':' &&
		    is_digit(h[i + n + 1]) && is_digit(h[i + n + 2]))
			return 1;
		if (has(h + i, hl - i > 24 ? 24 : hl - i, " ago") ||
		    (i + n + 4 < hl && h[i + n + 1] == ' ' &&
		    memcmp(h + i + n + 2, "ago", 3) == 0))
			return 1;
	}
	return 0;
}

/*
 * Comment furniture: "Name says:", "on May 3, 2019 at 4:47 pm said:",
 * "Reply", "Rating: 36 Votes", "2 days ago"; d: where runs of digits
 * start in h.
 */
static int
comment_structure(const char *h, size_t hl, uint64_t d)
{
	static const char *const units[] = { "minute", "hour", "day", "week",
	    "month", NULL };
	size_t		i, n, k;

	while (hl > 0 && (h[hl - 1] == ' ' || h[hl - 1] == '\t'))
		hl--;
	if ((hl >= 5 && (memcmp(h + hl - 5, "says:", 5) == 0 ||
	    memcmp(h + hl - 5, "said:", 5) == 0)) || (hl >= 6 &&
	    memcmp(h + hl - 6, "wrote:", 6) == 0) ||
	    (hl == 5 && memcmp(h, "reply", 5) == 0) ||
	    starts_with(h, hl, "rating:"))
		return 1;
	for (; d != 0; d &= d - 1) {
		i = (size_t)__builtin_ctzll(d);
		n = digits(h + i, hl - i);
		/* "at 4:47 pm" */
		if (i >= 3 && memcmp(h + i - 3, "at ", 3) == 0 && n <= 2 &&
		    i + n + 3 < hl && h[i + n] == ':' && (has(h + i + n,
		    hl - i - n > 8 ? 8 : hl - i - n, "am") ||
		    has(h + i + n, hl - i - n > 8 ? 8 : hl - i - n, "pm")))
			return 1;
		/* "2 days ago", "3 hours ago" */
		for (k = 0; units[k] != NULL; k++) {
			size_t at = i + n + 1, ul = strlen(units[k]);

			if (at + ul <= hl && h[i + n] == ' ' &&
			    memcmp(h + at, units[k], ul) == 0)
				return has(h + at, hl - at > 12 ? 12 : hl - at,
				    " ago");
		}
	}
	return 0;
}

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
#define SAMPLE	64	/* words looked at closely */
_Static_assert(SAMPLE <= WIRE_FEAT_HASHES, "a hash for each word looked at");
#define CLOSE	64	/* ... within this many blocks of 64 bytes */
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

/*
 * The bytes of a line as bit masks, 64 bytes to a block: bit i of block
 * k stands for byte 64k + i.  Words are then found with a count of
 * trailing zeros, not byte by byte.
 */
struct bits {
	uint64_t	a;	/* ASCII letters and digits: L or U */
	uint64_t	up;	/* A-Z */
	uint64_t	lw;	/* a-z */
	uint64_t	hi;	/* bytes of longer characters: N */
	uint64_t	jn;	/* joiners: J */
	uint64_t	pipe;	/* | */
	uint64_t	qe;	/* ? ! */
};

/* Store the mask m of the 16 or 32 bytes at i of a block in field f. */
#define PUTMASK(f, i, m, T) do {					\
	T	v_ = (T)(m);						\
	memcpy((char *)&(f) + (i) / 8, &v_, sizeof(v_));		\
} while (0)

/*
 * Classify the nb blocks of 64 bytes at p into b[0] to b[nb - 1], and
 * write them to low with A-Z in lower case (low may be p).  The SIMD
 * ways put the masks of 16 or 32 bytes in place as they are, so they
 * count on a little-endian processor, as x86 is.
 */
static void
classify(const unsigned char *p, size_t nb, struct bits *b, unsigned char *low)
{
	size_t		k, i;

	for (k = 0; k < nb; k++, p += 64, low += 64, b++) {
#ifdef __SSE2__
		for (i = 0; i < 64; i += 16) {
			__m128i		x, t, al, dg, up;

			x = _mm_loadu_si128((const __m128i *)(const void *)
			    (p + i));
			/* x | 0x20 in a-z, x in 0-9: ranges as signed compares */
			t = _mm_or_si128(x, _mm_set1_epi8(0x20));
			al = _mm_cmplt_epi8(_mm_add_epi8(t,
			    _mm_set1_epi8(0x80 - 'a')),
			    _mm_set1_epi8((char)(0x80 + 26)));
			dg = _mm_cmplt_epi8(_mm_add_epi8(x,
			    _mm_set1_epi8(0x80 - '0')),
			    _mm_set1_epi8((char)(0x80 + 10)));
			up = _mm_and_si128(al, _mm_cmpeq_epi8(_mm_and_si128(x,
			    _mm_set1_epi8(0x20)), _mm_setzero_si128()));
#define M(v)	(uint16_t)_mm_movemask_epi8(v)
			PUTMASK(b->a, i, M(_mm_or_si128(al, dg)), uint16_t);
			PUTMASK(b->up, i, M(up), uint16_t);
			PUTMASK(b->lw, i, M(_mm_andnot_si128(up, al)),
			    uint16_t);
			PUTMASK(b->hi, i, M(x), uint16_t);
			PUTMASK(b->jn, i, M(_mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')),
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))),
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('.')))), uint16_t);
			PUTMASK(b->pipe, i, M(_mm_cmpeq_epi8(x,
			    _mm_set1_epi8('|'))), uint16_t);
			PUTMASK(b->qe, i, M(_mm_or_si128(_mm_cmpeq_epi8(x,
			    _mm_set1_epi8('?')), _mm_cmpeq_epi8(x,
			    _mm_set1_epi8('!')))), uint16_t);
#undef M
			_mm_storeu_si128((__m128i *)(void *)(low + i),
			    _mm_or_si128(x, _mm_and_si128(up,
			    _mm_set1_epi8(0x20))));
		}
#else
		memset(b, 0, sizeof(*b));
		for (i = 0; i < 64; i++) {
			uint64_t bit = 1ULL << i;
			unsigned char c = p[i];

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
#endif
	}
}

#ifdef WIRE_AVX2
/* classify(), 32 bytes at a time. */
__attribute__((target("avx2")))
static void
classify_avx2(const unsigned char *p, size_t nb, struct bits *b,
    unsigned char *low)
{
	size_t		k, i;

	for (k = 0; k < nb; k++, p += 64, low += 64, b++)
		for (i = 0; i < 64; i += 32) {
			__m256i		x, t, al, dg, up;

			x = _mm256_loadu_si256((const __m256i *)(const void *)
			    (p + i));
			t = _mm256_or_si256(x, _mm256_set1_epi8(0x20));
			al = _mm256_cmpgt_epi8(_mm256_set1_epi8(
			    (char)(0x80 + 26)), _mm256_add_epi8(t,
			    _mm256_set1_epi8(0x80 - 'a')));
			dg = _mm256_cmpgt_epi8(_mm256_set1_epi8(
			    (char)(0x80 + 10)), _mm256_add_epi8(x,
			    _mm256_set1_epi8(0x80 - '0')));
			up = _mm256_and_si256(al, _mm256_cmpeq_epi8(
			    _mm256_and_si256(x, _mm256_set1_epi8(0x20)),
			    _mm256_setzero_si256()));
#define M(v)	(uint32_t)_mm256_movemask_epi8(v)
			PUTMASK(b->a, i, M(_mm256_or_si256(al, dg)), uint32_t);
			PUTMASK(b->up, i, M(up), uint32_t);
			PUTMASK(b->lw, i, M(_mm256_andnot_si256(up, al)),
			    uint32_t);
			PUTMASK(b->hi, i, M(x), uint32_t);
			PUTMASK(b->jn, i, M(_mm256_or_si256(_mm256_or_si256(
			    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\'')),
			    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('-'))),
			    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('.')))),
			    uint32_t);
			PUTMASK(b->pipe, i, M(_mm256_cmpeq_epi8(x,
			    _mm256_set1_epi8('|'))), uint32_t);
			PUTMASK(b->qe, i, M(_mm256_or_si256(
			    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('?')),
			    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('!')))),
			    uint32_t);
#undef M
			_mm256_storeu_si256((__m256i *)(void *)(low + i),
			    _mm256_or_si256(x, _mm256_and_si256(up,
			    _mm256_set1_epi8(0x20))));
		}
}
#endif
#undef PUTMASK

/*
 * The classify() of this processor; built with -DWIRE_CHECK_SIMD (as the
 * sanitizer build of make check is), each block is classified both ways
 * and the two must agree.
 */
static void	(*classify_fn)(const unsigned char *, size_t, struct bits *,
		    unsigned char *) = classify;

static void
choose_classify(void)
{
#ifdef WIRE_AVX2
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2"))
		classify_fn = classify_avx2;
#endif
}

static void
classify_blocks(const unsigned char *p, size_t nb, struct bits *b,
    unsigned char *low)
{
#ifdef WIRE_CHECK_SIMD
	struct bits	c;
	unsigned char	l[64];
	size_t		k;

	for (k = 0; k < nb; k++) {
		classify(p + 64 * k, 1, &c, l);
		classify_fn(p + 64 * k, 1, b + k, low + 64 * k);
		if (memcmp(b + k, &c, sizeof(c)) != 0 ||
		    memcmp(low + 64 * k, l, 64) != 0)
			errx(WIRE_EXIT_BAD, "internal error: classify() ways "
			    "differ");
	}
#else
	classify_fn(p, nb, b, low);
#endif
}

/* The line's first CLOSE blocks as masks. */
struct lbits {
	size_t		nb;			/* blocks of the line */
	uint64_t	rare;			/* a pipe, ? or ! in them */
	unsigned char	copy[CLOSE * 64 + 64];	/* a copy, A-Z in lower case,
						   zero after */
	struct bits	b[CLOSE + 1];		/* of each block */
	uint64_t	in[CLOSE + 2];		/* in a word */
	uint64_t	bad[CLOSE + 2];		/* a word with it is careful */
	uint64_t	first[CLOSE + 2];	/* a word starts: where a run
						   of in does, or after the
						   joiner that opens it */
};

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
careful_word(struct wire_feat *f, const char *s, size_t len, size_t i,
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
					f->flags |= WIRE_F_SGLUE;
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
	return wire_hash_word_mix(le64(pa) & maska[wl], le64(pb) & maskb[wl],
	    wl);
}

/* Count one word of the sample. */
static inline void
count_word(struct wire_feat *f, struct wire_wordhashes *wh, uint64_t h,
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
	if (wh != NULL && wh->n < WIRE_FEAT_HASHES)
		wh->h[wh->n++] = h;
}

/*
 * The sample, the careful way, from i: what the fast way leaves of a
 * line, far into a long line.  Returns where the sample ends.
 */
static size_t
careful_sample(struct wire_feat *f, struct wire_wordhashes *wh,
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
				f->flags |= WIRE_F_SGLUE;
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
fast_sample(struct wire_feat *f, struct wire_wordhashes *wh,
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
count_rest(struct wire_feat *f, const struct lbits *lb, const char *s,
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
static void
words(struct wire_feat *f, struct wire_wordhashes *wh, const char *s,
    size_t len, struct lbits *lb)
{
	size_t		i, k, e;
	uint64_t	q;

	if (kind['a'] == 0) {
		index_kinds();
		choose_classify();
		wire_stop_init();
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
				f->flags |= WIRE_F_SGLUE;
	}
	if (e < len)
		count_rest(f, lb, s, len, e);
}

/*
 * The credit of a picture in t: "Photo:", "Image:", "image:",
 * "Picture:", "Credit:", "(Photo", "(Image", "(Picture", "Photo by",
 * "photo by".  Each holds a colon, an opening bracket or "by", so those
 * are looked for first and the words next to them then.
 */
static int
credit_in(const char *t, size_t tl)
{
	uint64_t	m = 0;
	const char	*q;
	size_t		 i, b, a;

	/* Where the colons, brackets and b's are: t holds tl <= 64 bytes. */
#ifdef __SSE2__
	for (i = 0; tl >= 16 && i < tl; i += 16) {
		/* The last 16 end at tl, over bytes already looked at. */
		size_t	at = i + 16 <= tl ? i : tl - 16;
		__m128i	x = _mm_loadu_si128((const __m128i *)(const void *)
		    (t + at));

		m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8('('))),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8('b')))) << at;
	}
	if (tl < 16)
#endif
		for (i = 0; i < tl; i++)
			m |= (uint64_t)(t[i] == ':' || t[i] == '(' || t[i] == 'b')
			    << i;
	for (; m != 0; m &= m - 1) {
		q = t + __builtin_ctzll(m);
		b = (size_t)(q - t);
		a = tl - b - 1;
		if (*q == ':' && ((b >= 5 && (memcmp(q - 5, "Photo", 5) == 0 ||
		    memcmp(q - 5, "Image", 5) == 0 ||
		    memcmp(q - 5, "image", 5) == 0)) ||
		    (b >= 7 && memcmp(q - 7, "Picture", 7) == 0) ||
		    (b >= 6 && memcmp(q - 6, "Credit", 6) == 0)))
			return 1;
		if (*q == '(' && ((a >= 5 && (memcmp(q + 1, "Photo", 5) == 0 ||
		    memcmp(q + 1, "Image", 5) == 0)) ||
		    (a >= 7 && memcmp(q + 1, "Picture", 7) == 0)))
			return 1;
		if (*q == 'b' && b >= 6 && a >= 1 && q[1] == 'y' &&
		    memcmp(q - 5, "hoto ", 5) == 0 && (q[-6] == 'P' ||
		    q[-6] == 'p'))
			return 1;
	}
	return 0;
}

/*
 * Copy n bytes (n <= HEAD) into the zeroed h, ASCII capitals in lower
 * case, eight bytes at a time; other bytes stay as they are.
 */
static void
lower_copy(char *h, const char *s, size_t n)
{
	uint64_t	x;
	size_t		i;

	memcpy(h, s, n);
	for (i = 0; i < n; i += 8) {
		memcpy(&x, h + i, 8);
		x |= (in_range(x & ~HIGHS, 'A', 'Z') & ~x) >> 2;
		memcpy(h + i, &x, 8);
	}
}

/*
 * What the start of a short line says: the phrases of page furniture,
 * legal lines, picture credits, dates and times, comment furniture.
 * low: the line's first bytes with A-Z in lower case, zero after them
 * (struct lbits).
 */
static void
head_features(struct wire_feat *f, const char *s, size_t len,
    const unsigned char *low)
{
	char			 buf[HEAD + 8] = { 0 };	/* 8 more for a load */
	const char		*h;
	size_t			 i, hl;
	const struct phrase	*p;
	unsigned		 cl;
	uint64_t		 x, d;

	/* The lower-case head, after leading marks, for the phrases. */
	for (i = 0; i < len; i++) {
		cl = (unsigned char)s[i] < 0x80 ? wire_ascii_class[(unsigned
		    char)s[i]] : WIRE_C_ALPHA;
		if (cl & (WIRE_C_ALPHA | WIRE_C_DIGIT))
			break;
		if (s[i] == '(' || (unsigned char)s[i] == 0xc2)
			break;		/* "(Photo ...", "© 2019" */
	}
	hl = len - i < HEAD ? len - i : HEAD;
	/*
	 * The head in lower case: in the copy words() made, if it is there
	 * (with 8 bytes more, which it is).  Past hl it may hold more of the
	 * line, which nothing below looks at but a load of 8 bytes.
	 */
	if (i + HEAD <= CLOSE * 64)
		h = (const char *)low + i;
	else {
		lower_copy(buf, s + i, hl);
		h = buf;
	}
	/* "34 Comments", "10 responses to ...": the count does not matter. */
	for (i = 0; i < hl && is_digit(h[i]); i++)
		;
	if (i > 0 && i < hl && h[i] == ' ')
		i++;
	else
		i = 0;
	memcpy(&x, h + i, 8);
	if (i < hl && first[(unsigned char)h[i]] >= 0)
		for (p = starts + first[(unsigned char)h[i]]; p->p != NULL &&
		    p->p[0] == h[i]; p++)
			if ((x & p->mask) == p->pre &&
			    starts_len(h + i, hl - i, p->p, p->len)) {
				f->flags |= p->flag;
				break;
			}
	/* "More World", "More Weather": a section of a news site. */
	if (f->words == 2 && starts_with(h, hl, "more"))
		f->flags |= WIRE_F_SECTION | WIRE_F_HARD;
	if (hl >= 2 && (unsigned char)h[0] == 0xc2 && (unsigned char)h[1] ==
	    0xa9)
		f->flags |= WIRE_F_HARD | WIRE_F_STOP;	/* © */
	if (f->words > 12)
		f->flags &= ~(WIRE_F_CHROME | WIRE_F_SECTION | WIRE_F_COMMENTS |
		    WIRE_F_CREDIT);
	if (has(h, hl, "all rights reserved") ||
	    (hl > 4 && memcmp(h, "(c) ", 4) == 0))
		f->flags |= WIRE_F_HARD | WIRE_F_STOP;
	/*
	 * A picture credit of its own: "Getty Images", "Shutterstock".  An
	 * agency alone ("Reuters") is a trailer: wire_is_credit() knows it.
	 */
	if (f->words <= 3 && (has(h, hl, "getty") || has(h, hl, "shutterstock") ||
	    has(h, hl, "istock") || starts_with(h, hl, "credit")))
		f->flags |= WIRE_F_CREDIT;
	if (f->words > 12)
		return;
	/* Dates and times have digits; most short lines have none. */
	d = digit_starts(h, hl);
	if (d != 0 && (date_at(h, hl) || time_in(h, hl, d)))
		f->flags |= WIRE_F_DATE;
	if (comment_structure(h, hl, d))
		f->flags |= WIRE_F_CSTRUCT;
}

void
wire_line_features(struct wire_feat *f, struct wire_wordhashes *wh,
    const char *s, size_t len)
{
	struct lbits		 lb;
	size_t			 i, e;
	int32_t			 c;

	if (first['a'] == 0 && first['b'] == 0)
		index_phrases();
	memset(f, 0, sizeof(*f));
	if (wh != NULL)
		wh->n = 0;
	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		f->indent += s[i] == '\t' ? 8 : 1;
	s += i;
	len -= i;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	c = wire_utf8_dec(s, len, &i);
	/* w3m's list bullets, and the usual others */
	if (c == 0x2022 || c == 0x25a1 || c == 0x2606 || c == 0x25e6 ||
	    c == 0x25aa || c == 0x2023 || c == 0x2043 || c == 0x00b7)
		f->flags |= WIRE_F_BULLET;
	if (wire_uclass(c) & WIRE_C_LOWER)
		f->flags |= WIRE_F_LOWSTART;
	words(f, wh, s, len, &lb);
	/*
	 * Sentence punctuation at the end, before closing marks; most lines
	 * end in an ASCII byte that is none.
	 */
	for (e = len; e > 0; e -= i) {
		if ((unsigned char)s[e - 1] < 0x80 && !(wire_ascii_class[
		    (unsigned char)s[e - 1]] & (WIRE_C_CLOSEQ | WIRE_C_CLOSEB)))
			break;
		c = wire_utf8_prev(s, e, &i);
		if (!(wire_uclass(c) & (WIRE_C_CLOSEQ | WIRE_C_CLOSEB)))
			break;
	}
	if (e > 0 && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' ||
	    (e >= 3 && (unsigned char)s[e - 3] == 0xe2 &&
	    (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] == 0xa6)))
		f->flags |= WIRE_F_END;
	if (f->words <= 25)
		head_features(f, s, len, lb.copy);
	/*
	 * A caption with its credit at the end: "... (Image: Getty)",
	 * "... Photo: Reuters", "... (Photo by Reuters)".
	 */
	if (f->words <= 45 && len > 12) {
		const char *t = s + (len > 48 ? len - 48 : 0);
		size_t tl = len > 48 ? 48 : len;

		if (credit_in(t, tl))
			f->flags |= WIRE_F_CAPTION;
	}
	/* "Jane says:" heads a comment, however long the name. */
	if (len > 5 && (memcmp(s + len - 5, "says:", 5) == 0 ||
	    memcmp(s + len - 5, "said:", 5) == 0))
		f->flags |= WIRE_F_COMMENTS | WIRE_F_HARD;
	/* A line of rule characters: a separator. */
	if (f->words == 0 && len >= 5) {
		for (i = 0; i < len; i += e) {
			c = wire_utf8_dec(s + i, len - i, &e);
			if (!(c == '-' || c == '=' || c == '_' || c == '*' ||
			    c == '~' || c == 0x2501 || c == 0x2500 || c == 0x2014))
				break;
		}
		if (i >= len)
			f->flags |= WIRE_F_HARD;
	}
}

/* A word of the tables below, with its length. */
struct lit {
	const char	*p;
	size_t		 len;
};
#define LIT(s)		{ s, sizeof(s) - 1 }
#define NLITS(a)	(sizeof(a) / sizeof((a)[0]))

static int
agency(const char *w, size_t len)
{
	static const struct lit names[] = { LIT("reuters"), LIT("reuter"),
	    LIT("ap"), LIT("afp"), LIT("upi"), LIT("dpa"), LIT("bloomberg"),
	    LIT("pa"), LIT("ani"), LIT("ians"), LIT("xinhua"), LIT("ansa"),
	    LIT("efe"), LIT("tass") };
	char	low[16];
	size_t	i;

	if (len >= sizeof(low))
		return 0;
	for (i = 0; i < len; i++)
		low[i] = (char)lower((unsigned char)w[i]);
	for (i = 0; i < NLITS(names); i++)
		if (names[i].len == len && memcmp(low, names[i].p, len) == 0)
			return 1;
	return 0;
}

int
wire_is_credit(const char *s, size_t len, size_t words)
{
	static const struct lit heads[] = { LIT("reporting by"),
	    LIT("(reporting by"), LIT("editing by"), LIT("writing by"),
	    LIT("additional reporting"), LIT("compiled by"),
	    LIT("(additional reporting"), LIT("(editing by") };
	struct wire_word	w;
	size_t			i, pos = 0, hl;
	int			ag = 0;

	/* Each head is 10 bytes or more and starts with one of these. */
	if (len >= 10 && s[0] != '\0' && strchr("(AaCcEeRrWw", s[0]) != NULL) {
		char	h[HEAD] = { 0 };

		hl = len < HEAD ? len : HEAD;
		lower_copy(h, s, hl);
		for (i = 0; i < NLITS(heads); i++)
			if (starts_len(h, hl, heads[i].p, heads[i].len))
				return 1;
	}
	if (words == 0 || words > 3)
		return 0;
	/* "Reuters", "with AP", "— AFP" */
	while (wire_word_next(s, len, &pos, &w))
		ag |= agency(s + w.off, w.len);
	return ag;
}

int
wire_is_byline(const char *s, size_t len, size_t words, int after)
{
	struct wire_word	w;
	size_t			pos = 0, i;
	int			names = 1;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (words == 0 || words > 12)
		return 0;
	/* "By Jane Doe", "A, B and C |" */
	if ((len > 4 && (memcmp(s, "By ", 3) == 0 || memcmp(s, "BY ", 3) == 0) &&
	    s[3] >= 'A' && s[3] <= 'Z') || s[len - 1] == '|')
		return 1;
	if (!after || words < 2 || words > 3)
		return 0;
	/* After the body, a name alone: capitalised words, nothing else. */
	for (i = 0; i < len; i++)
		if (!(is_alpha_ascii(s[i]) || s[i] == ' ' || s[i] == '.' ||
		    s[i] == '-' || s[i] == '\'' || (unsigned char)s[i] >= 0x80))
			names = 0;
	while (names && wire_word_next(s, len, &pos, &w))
		if (!(wire_uclass(wire_utf8_dec(s + w.off, w.len, &i)) &
		    WIRE_C_UPPER))
			names = 0;
	return names;
}
