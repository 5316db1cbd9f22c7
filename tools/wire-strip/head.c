/*
 * head.c: what the start of a short line says: phrases of page
 * furniture, legal lines, picture credits, dates and times, comment
 * furniture.  A few well-known phrases ("Share this", "Related
 * articles", "All rights reserved") are one more feature among those
 * of features.c; they are generic, not any site's strings.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strip.h"


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
	P("advertisement", F_CHROME), P("sponsored", F_CHROME),
	P("share this", F_CHROME), P("share on", F_CHROME),
	P("follow us", F_CHROME), P("skip to", F_CHROME),
	P("click here", F_CHROME), P("loading", F_CHROME),
	P("log in", F_CHROME), P("login", F_CHROME),
	P("sign in", F_CHROME), P("menu", F_CHROME),
	P("search", F_CHROME), P("cookie", F_CHROME),
	P("cookies", F_CHROME), P("privacy policy", F_CHROME),
	P("terms of use", F_CHROME), P("terms of service", F_CHROME),
	P("photo:", F_CHROME), P("image:", F_CHROME),
	P("credit:", F_CHROME), P("getty images", F_CHROME),
	/* the start of another section: related links, lists of stories */
	P("related", F_SECTION | F_HARD),
	P("more in", F_SECTION | F_HARD),
	P("more from", F_SECTION | F_HARD | F_CHROME),
	P("more on", F_SECTION | F_HARD),
	P("more about", F_SECTION | F_HARD),
	P("more stories", F_SECTION | F_HARD),
	P("more news", F_SECTION | F_HARD),
	P("more articles", F_SECTION | F_HARD),
	P("recommended", F_SECTION | F_HARD | F_CHROME),
	P("you may also like", F_SECTION | F_HARD | F_CHROME),
	P("you might also like", F_SECTION | F_HARD),
	P("you may like", F_SECTION | F_HARD),
	P("you might like", F_SECTION | F_HARD),
	P("most read", F_SECTION | F_HARD | F_CHROME),
	P("most popular", F_SECTION | F_HARD | F_CHROME),
	P("most viewed", F_SECTION | F_HARD | F_CHROME),
	P("most shared", F_SECTION | F_HARD),
	P("trending", F_SECTION | F_HARD | F_CHROME),
	P("top stories", F_SECTION | F_HARD),
	P("latest news", F_SECTION | F_HARD),
	P("latest stories", F_SECTION | F_HARD),
	P("latest headlines", F_SECTION | F_HARD),
	P("read more", F_SECTION | F_HARD | F_CHROME),
	P("read next", F_SECTION | F_HARD),
	P("read also", F_SECTION | F_HARD),
	P("see also", F_SECTION | F_HARD),
	P("further reading", F_SECTION | F_HARD),
	P("popular now", F_SECTION | F_HARD),
	P("popular stories", F_SECTION | F_HARD),
	P("what to read next", F_SECTION | F_HARD),
	P("up next", F_SECTION | F_HARD),
	/* comments */
	P("comments", F_COMMENTS | F_HARD),
	P("comment", F_COMMENTS | F_HARD),
	P("responses", F_COMMENTS | F_HARD),
	P("response", F_COMMENTS | F_HARD),
	P("replies", F_COMMENTS | F_HARD),
	P("reactions", F_COMMENTS | F_HARD),
	P("leave a reply", F_COMMENTS | F_HARD),
	P("leave a comment", F_COMMENTS | F_HARD),
	P("join the discussion", F_COMMENTS | F_HARD),
	P("join the conversation", F_COMMENTS | F_HARD),
	P("add a comment", F_COMMENTS | F_HARD),
	P("post a comment", F_COMMENTS | F_HARD),
	P("top rated comments", F_COMMENTS | F_HARD),
	P("show comments", F_COMMENTS | F_HARD),
	P("view comments", F_COMMENTS | F_HARD),
	/* the end of an article: legal lines, tags, newsletters */
	P("copyright", F_HARD | F_STOP | F_CHROME),
	P("tags:", F_HARD), P("tag:", F_HARD),
	P("filed under", F_HARD), P("posted in", F_HARD),
	P("categories:", F_HARD), P("topics:", F_HARD),
	P("about the author", F_HARD), P("about us", F_HARD),
	P("disclaimer", F_HARD),
	P("subscribe", F_HARD | F_CHROME),
	P("sign up", F_HARD | F_CHROME),
	P("newsletter", F_HARD | F_CHROME),
	P("stay up to date", F_HARD), P("get our newsletter", F_HARD),
	P("get the newsletter", F_HARD), P("get the latest", F_HARD),
	/* credits of pictures */
	P("image credit", F_CREDIT), P("photo credit", F_CREDIT),
	P("photo by", F_CREDIT), P("photos by", F_CREDIT),
	P("image by", F_CREDIT), P("(photo", F_CREDIT),
	P("ap photo", F_CREDIT), P("(ap photo", F_CREDIT),
	P("source:", F_CREDIT), P("illustration:", F_CREDIT),
	P("picture:", F_CREDIT), P("pictures:", F_CREDIT),
	{ NULL, 0, 0, 0, 0 }
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

/* Does h (hl bytes, a short line's head) hold the string p? */
static int
has(const char *h, size_t hl, const char *p)
{
	const char	*q, *e = h + hl;
	size_t		 n = strlen(p);

	for (q = h; (size_t)(e - q) >= n && (q = memchr(q, p[0],
	    (size_t)(e - q))) != NULL && (size_t)(e - q) >= n; q++)
		if (memcmp(q, p, n) == 0)
			return 1;
	return 0;
}

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
	x = wire_le64(x);
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

/*
 * The credit of a picture in t: "Photo:", "Image:", "image:",
 * "Picture:", "Credit:", "(Photo", "(Image", "(Picture", "Photo by",
 * "photo by".  Each holds a colon, an opening bracket or "by", so those
 * are looked for first and the words next to them then.
 */
int
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
void
head_features(struct feat *f, const char *s, size_t len,
    const unsigned char *low)
{
	char			 buf[HEAD + 8] = { 0 };	/* 8 more for a load */
	const char		*h;
	size_t			 i, hl;
	const struct phrase	*p;
	unsigned		 cl;
	uint64_t		 x, d;

	if (first['a'] == 0 && first['b'] == 0)
		index_phrases();
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
		f->flags |= F_SECTION | F_HARD;
	if (hl >= 2 && (unsigned char)h[0] == 0xc2 && (unsigned char)h[1] ==
	    0xa9)
		f->flags |= F_HARD | F_STOP;	/* © */
	if (f->words > SHORTLINE)
		f->flags &= ~(F_CHROME | F_SECTION | F_COMMENTS |
		    F_CREDIT);
	if (has(h, hl, "all rights reserved") ||
	    (hl > 4 && memcmp(h, "(c) ", 4) == 0))
		f->flags |= F_HARD | F_STOP;
	/*
	 * A picture credit of its own: "Getty Images", "Shutterstock".  An
	 * agency alone ("Reuters") is a trailer: is_credit() knows it.
	 */
	if (f->words <= 3 && (has(h, hl, "getty") || has(h, hl, "shutterstock") ||
	    has(h, hl, "istock") || starts_with(h, hl, "credit")))
		f->flags |= F_CREDIT;
	if (f->words > SHORTLINE)
		return;
	/* Dates and times have digits; most short lines have none. */
	d = digit_starts(h, hl);
	if (d != 0 && (date_at(h, hl) || time_in(h, hl, d)))
		f->flags |= F_DATE;
	if (comment_structure(h, hl, d))
		f->flags |= F_CSTRUCT;
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
is_credit(const char *s, size_t len, size_t words)
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
