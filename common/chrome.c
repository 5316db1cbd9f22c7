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
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

/* Lower-case ASCII copy of the start of a line, for the phrase tables. */
#define HEAD	64

struct phrase {
	const char	*p;
	int		 flag;
	size_t		 len;
};

#define P(s, flag)	{ s, flag, sizeof(s) - 1 }

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
	{ NULL, 0, 0 }
};

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec", NULL
};

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
	for (p = starts; p->p != NULL; p++)
		if (first[(unsigned char)p->p[0]] == -1)
			first[(unsigned char)p->p[0]] = (short)(p - starts);
	first[0] = -1;
}

/* Does h hold p (of length n)?  has() is the macro for literals. */
static int
has_len(const char *h, size_t hl, const char *p, size_t n)
{
	const char	*q, *e;

	if (n == 0 || n > hl)
		return n == 0;
	/* memchr() finds the candidates; most lines have few of them. */
	for (q = h, e = h + hl - n + 1; (q = memchr(q, p[0], (size_t)(e - q)))
	    != NULL; q++)
		if (memcmp(q + 1, p + 1, n - 1) == 0)
			return 1;
	return 0;
}
#define has(h, hl, p)	has_len(h, hl, p, strlen(p))

/* A month name (or its abbreviation) at h; returns its length or 0. */
static size_t
month(const char *h, size_t hl)
{
	size_t	i, n;

	for (i = 0; months[i] != NULL; i++)
		if (hl >= 3 && memcmp(h, months[i], 3) == 0) {
			for (n = 3; n < hl && is_alpha_ascii(h[n]); n++)
				;
			if (n < hl && h[n] == '.')
				n++;
			return n;
		}
	return 0;
}

static size_t
digits(const char *h, size_t hl, size_t *v)
{
	size_t	n;

	for (n = 0, *v = 0; n < hl && is_digit(h[n]) && n < 9; n++)
		*v = *v * 10 + (size_t)(h[n] - '0');
	return n;
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
	size_t	i = 0, n, v;
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri",
	    "sat", "sun", NULL };

	for (n = 0; days[n] != NULL; n++)
		if (hl > 3 && memcmp(h, days[n], 3) == 0) {
			for (i = 3; i < hl && is_alpha_ascii(h[i]); i++)
				;
			i = spaces(h, hl, i);
			break;
		}
	if ((n = month(h + i, hl - i)) > 0) {
		i = spaces(h, hl, i + n);
		if ((n = digits(h + i, hl - i, &v)) == 0 || n > 2)
			return 0;
		i += n;
		while (i < hl && is_alpha_ascii(h[i]))	/* 19th */
			i++;
		i = spaces(h, hl, i);
		return digits(h + i, hl - i, &v) == 4;
	}
	if ((n = digits(h + i, hl - i, &v)) == 0)
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
		return digits(h + i, hl - i, &v) == 4;
	}
	return 0;
}

/* A clock time ("6:34 pm") or an age ("2 days ago", "32M ago") in h. */
static int
time_in(const char *h, size_t hl)
{
	size_t	i, n, v;

	for (i = 0; i < hl; i++) {
		if (!is_digit(h[i]) || (i > 0 && is_digit(h[i - 1])))
			continue;
		n = digits(h + i, hl - i, &v);
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
 * "Reply", "Rating: 36 Votes", "2 days ago".
 */
static int
comment_structure(const char *h, size_t hl)
{
	static const char *const units[] = { "minute", "hour", "day", "week",
	    "month", NULL };
	size_t	i, n, k, v;

	while (hl > 0 && (h[hl - 1] == ' ' || h[hl - 1] == '\t'))
		hl--;
	if ((hl >= 5 && (memcmp(h + hl - 5, "says:", 5) == 0 ||
	    memcmp(h + hl - 5, "said:", 5) == 0)) || (hl >= 6 &&
	    memcmp(h + hl - 6, "wrote:", 6) == 0) ||
	    (hl == 5 && memcmp(h, "reply", 5) == 0) ||
	    starts_with(h, hl, "rating:"))
		return 1;
	for (i = 0; i < hl; i++) {
		if (!is_digit(h[i]) || (i > 0 && is_digit(h[i - 1])))
			continue;
		n = digits(h + i, hl - i, &v);
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
static unsigned char	kind[256];
/* Separators that the word loop can pass without a look: not | ? ! */
static unsigned char	plain[256];

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
}

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

/*
 * The end of a word of ASCII letters and digits (joined by ' - . as
 * in words()) that starts at i, found eight bytes at a time; or 0 when
 * the word needs the careful way: a byte that is not ASCII, the last
 * eight bytes of the line, an upper-case letter after a lower-case one.
 */
static size_t
ascii_word(const unsigned char *u, size_t i, size_t len)
{
	uint64_t	x, alnum, up, lo;
	size_t		n;

	for (;;) {
		if (i + 8 > len)
			return 0;
		memcpy(&x, u + i, 8);
		x = le64(x);
		if (x & HIGHS)
			return 0;
		lo = in_range(x, 'a', 'z');
		up = in_range(x, 'A', 'Z');
		alnum = lo | up | in_range(x, '0', '9');
		if (~alnum & HIGHS) {
			n = (size_t)__builtin_ctzll(~alnum & HIGHS) / 8;
			/* Glue inside the word: the careful way counts it. */
			if (up & (lo << 8) & ((1ULL << (8 * n)) - 1))
				return 0;
			i += n;
			if (i + 1 < len && (u[i] == '\'' || u[i] == '-' ||
			    u[i] == '.') && kind[u[i + 1]] != SEP &&
			    kind[u[i + 1]] != J) {
				if (kind[u[i + 1]] == N)
					return 0;
				i++;
				continue;
			}
			if (i < len && u[i] >= 0x80)
				return 0;
			return i;
		}
		if (up & (lo << 8))
			return 0;
		/* A letter of the next chunk after an upper-case one here. */
		i += 8;
		if (i < len && (u[i - 1] >= 'a' && u[i - 1] <= 'z') &&
		    u[i] >= 'A' && u[i] <= 'Z')
			return 0;
	}
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
 * The words of the line, in one pass: counts, function words, capitals,
 * a hash of each word in lower case (for the repetition of text) and
 * lower-to-upper changes inside words (text run together).
 */
static void
words(struct wire_feat *f, struct wire_wordhashes *wh, const char *s,
    size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, j, n, wl, start;
	unsigned		 cl;
	int			 first_word = 1, upper, prev, stop;
	char			 low[64];
	int32_t			 c;
	unsigned char		 k;
	uint64_t		 h, pa, pb;
	size_t			 g0;
	unsigned		 fl0;

	if (kind['a'] == 0) {
		index_kinds();
		wire_stop_init();
	}
	while (i < len) {
		/*
		 * Past SAMPLE words the shares are known well enough: count
		 * the rest of the words the cheap way, as runs of letters.
		 */
		if (f->words == SAMPLE) {
			for (prev = 0; i < len; i++) {
				k = kind[u[i]];
				if ((k == L || k == U || k == N) && !prev)
					f->words++;
				prev = k == L || k == U || k == N || k == J;
				if (u[i] == '|')
					f->pipes++;
			}
			break;
		}
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
		start = i;
		wl = 0;
		pa = pb = 0;
		upper = kind[u[i]] == U;
		/*
		 * The fast way for a word of ASCII letters and digits: find
		 * its end eight bytes at a time, then take its first 16 bytes
		 * in two loads; in a word, | 0x20 puts letters in lower case
		 * and leaves digits and the joiners ' - . as they are.
		 */
		g0 = f->glue;
		fl0 = f->flags;
		if ((j = ascii_word(u, i, len)) != 0 && j - i <= 16 &&
		    i + 16 <= len) {
			wl = j - i;
			memcpy(&pa, s + i, 8);
			memcpy(&pb, s + i + 8, 8);
			pa = le64(pa);
			pb = le64(pb);
			if (wl < 8) {
				pa &= (1ULL << (8 * wl)) - 1;
				pb = 0;
			} else if (wl < 16)
				pb &= (1ULL << (8 * (wl - 8))) - 1;
			pa |= 0x2020202020202020ULL & ((wl >= 8 ? ~0ULL :
			    (1ULL << (8 * wl)) - 1));
			pb |= 0x2020202020202020ULL & ((wl >= 16 ? ~0ULL :
			    wl <= 8 ? 0 : (1ULL << (8 * (wl - 8))) - 1));
			i = j;
			h = wire_hash_word_mix(pa, pb, wl);
			goto counted;
		}
		/* The slow way, which counts the glue again. */
		f->glue = g0;
		f->flags = fl0;
		if (kind[u[i]] == N)
			upper = (wire_uclass(wire_utf8_dec(s + i, len - i, &n)) &
			    WIRE_C_UPPER) != 0;
		/* The word: letters and digits, joined by ' ’ - . */
		for (prev = SEP; i < len; ) {
			k = kind[u[i]];
			if (k == L) {
				PUT(u[i]);
				prev = L;
				i++;
			} else if (k == U) {
				if (prev == L) {
					if (i + 1 < len && kind[u[i + 1]] == L)
						f->glue++;
					if (glued(s, len, i))
						f->flags |= WIRE_F_SGLUE;
				}
				PUT(u[i] + 32);
				prev = U;
				i++;
			} else if (k == N) {
				c = wire_utf8_dec(s + i, len - i, &n);
				cl = wire_uclass(c);
				if (c == 0x2019 && i + n < len &&
				    kind[u[i + n]] == L)
					PUT('\'');	/* ’ as ' */
				else if (cl & (WIRE_C_ALPHA | WIRE_C_DIGIT))
					for (j = 0; j < n; j++)
						PUT(s[i + j]);
				else
					break;
				i += n;
				prev = N;
			} else if (k == J && i + 1 < len && (kind[u[i + 1]] == L ||
			    kind[u[i + 1]] == U)) {
				PUT(u[i]);
				prev = J;
				i++;
			} else
				break;
		}
		h = wl <= 16 ? wire_hash_word_mix(pa, pb, wl) :
		    wl <= sizeof(low) ? wire_hash(low, wl) :
		    wire_hash(s + start, i - start);
counted:
		f->words++;
		f->sample++;
		/*
		 * Counted without branches: in prose, whether a word is a
		 * function word or capitalised is a coin toss.
		 */
		stop = (wl <= 12) & wire_stophash(h);
		f->stops += stop;
		f->content += !stop & !first_word;
		f->capitals += !stop & !first_word & upper;
		first_word = 0;
		if (wh != NULL && wh->n < WIRE_FEAT_HASHES)
			wh->h[wh->n++] = h;
	}
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
 */
static void
head_features(struct wire_feat *f, const char *s, size_t len)
{
	char			 h[HEAD] = { 0 };
	size_t			 i, hl;
	const struct phrase	*p;
	unsigned		 cl;

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
	lower_copy(h, s + i, hl);
	/* "34 Comments", "10 responses to ...": the count does not matter. */
	for (i = 0; i < hl && is_digit(h[i]); i++)
		;
	if (i > 0 && i < hl && h[i] == ' ')
		i++;
	else
		i = 0;
	if (i < hl && first[(unsigned char)h[i]] >= 0)
		for (p = starts + first[(unsigned char)h[i]]; p->p != NULL &&
		    p->p[0] == h[i]; p++)
			if (starts_len(h + i, hl - i, p->p, p->len)) {
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
	if (f->words <= 12 && (date_at(h, hl) || time_in(h, hl)))
		f->flags |= WIRE_F_DATE;
	if (f->words <= 12 && comment_structure(h, hl))
		f->flags |= WIRE_F_CSTRUCT;
}

void
wire_line_features(struct wire_feat *f, struct wire_wordhashes *wh,
    const char *s, size_t len)
{
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
	words(f, wh, s, len);
	/* Sentence punctuation at the end, before closing marks. */
	for (e = len; e > 0; e -= i) {
		c = wire_utf8_prev(s, e, &i);
		if (!(wire_uclass(c) & (WIRE_C_CLOSEQ | WIRE_C_CLOSEB)))
			break;
	}
	if (e > 0 && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' ||
	    (e >= 3 && (unsigned char)s[e - 3] == 0xe2 &&
	    (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] == 0xa6)))
		f->flags |= WIRE_F_END;
	if (f->words <= 25)
		head_features(f, s, len);
	/*
	 * A caption with its credit at the end: "... (Image: Getty)",
	 * "... Photo: Reuters", "... (Photo by Reuters)".
	 */
	if (f->words <= 45 && len > 12) {
		const char *t = s + (len > 48 ? len - 48 : 0);
		size_t tl = len > 48 ? 48 : len;

		if ((memchr(t, ':', tl) != NULL || memchr(t, '(', tl) != NULL ||
		    has(t, tl, " by ")) && (has(t, tl, "Photo:") || has(t, tl, "Photo by") ||
		    has(t, tl, "photo by") || has(t, tl, "Image:") ||
		    has(t, tl, "image:") || has(t, tl, "Picture:") ||
		    has(t, tl, "Credit:") || has(t, tl, "(Photo") ||
		    has(t, tl, "(Image") || has(t, tl, "(Picture")))
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
