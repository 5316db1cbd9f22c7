/*
 * sent.c: sentence boundaries.
 *
 * A fast loop skips every byte that cannot end a sentence; only at
 * ".", "!", "?" and "…" (and at line breaks and list markers) does it
 * look closely.  A candidate is decided by what stands around it: the
 * word before (an abbreviation, an initial?), the closing quotes and
 * brackets after it, which belong to the sentence, and the first word
 * after (lower case?  a word that starts sentences?).  Every look is
 * bounded or moves the scan forward, so the time is linear in the text
 * and no memory is allocated.  The rules are listed in wire-split(1);
 * each has a test of its own in tests/wire-split.bats.
 */
#include <string.h>

#include "wire.h"

/* ---- abbreviations ---------------------------------------------- */

enum abbr {
	NONE,
	TITLE,		/* before a name: never ends a sentence */
	NUMBER,		/* before a number: never ends before a digit */
	ORDINARY	/* ends one only if a sentence plainly starts */
};

static int
ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Two or more letters, all capitals, perhaps an apostrophe: "SEC", "IT'S". */
static int
shouting(const char *w, size_t len)
{
	size_t	i, caps = 0;

	for (i = 0; i < len; i++)
		if (w[i] >= 'A' && w[i] <= 'Z')
			caps++;
		else if (w[i] != '\'' && (unsigned char)w[i] < 0x80)
			return 0;
	return caps > 1;
}

int
wire_abbrev(const char *w, size_t len)
{
	size_t	i;
	int	k = (int)WIRE_L_KIND(wire_lex_class(wire_lex_word(w, len)));

	if (k != 0 || len < 3)
		return k;
	/* Single letters joined by dots (U.S, e.g, a.m) may end one too. */
	for (i = 0; i < len; i++)
		if (i % 2 == 0 ? !ascii_alpha(w[i]) : w[i] != '.')
			return 0;
	return len % 2 == 1 ? WIRE_A_OTHER : 0;
}

/* What the rules below make of an abbreviation's kind. */
static enum abbr
abbr(const char *w, size_t len)
{
	switch (wire_abbrev(w, len)) {
	case 0:
		return NONE;
	case WIRE_A_TITLE:
		return TITLE;
	case WIRE_A_NUMBER:
		return NUMBER;
	default:
		return ORDINARY;
	}
}

/* ---- characters -------------------------------------------------- */

/* The class of the character at i and its length in *n. */
static unsigned
cls(const char *s, size_t len, size_t i, size_t *n)
{
	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return wire_ascii_class[(unsigned char)s[i]];
	}
	return wire_uclass(wire_utf8_dec(s + i, len - i, n));
}

static int
space_at(const char *s, size_t len, size_t i)
{
	size_t	n;

	return i < len && (cls(s, len, i, &n) & WIRE_C_SPACE);
}

static size_t
skip_space(const char *s, size_t len, size_t i)
{
	size_t	n;

	while (i < len && (cls(s, len, i, &n) & WIRE_C_SPACE))
		i += n;
	return i;
}

/* Skip the characters of classes mask from i. */
static size_t
skip_class(const char *s, size_t len, size_t i, unsigned mask)
{
	size_t	n;

	while (i < len && (cls(s, len, i, &n) & mask))
		i += n;
	return i;
}

/* Can a sentence start with the letter of class c?  (Not lower case.) */
static int
capital(unsigned c)
{
	return (c & WIRE_C_ALPHA) && !(c & WIRE_C_LOWER);
}

/* The pronoun "I" ("I ", "I'm"), which an ellipsis runs on into. */
static int
pronoun_i(const char *s, size_t len, size_t i)
{
	size_t	n;

	return s[i] == 'I' && (i + 1 == len ||
	    !(cls(s, len, i + 1, &n) & WIRE_C_ALPHA));
}

/* The length of the word at i: ASCII letters and apostrophes. */
static size_t
word_len(const char *s, size_t len, size_t i)
{
	size_t	j = i;

	while (j < len && j - i < 16 && (ascii_alpha(s[j]) || s[j] == '\'' ||
	    (j + 2 < len && memcmp(s + j, "\xe2\x80\x99", 3) == 0)))
		j += s[j] == '\'' || ascii_alpha(s[j]) ? 1 : 3;
	return j - i;
}

/*
 * Is the word at i one that starts sentences: a function word such as
 * "The", "It's", "How" (wire_stopword)?  A single letter with a period
 * is an initial, not the pronoun or the article, and in text set in
 * capitals no word stands out.
 */
static int
starter(const char *s, size_t len, size_t i)
{
	size_t	n = word_len(s, len, i);

	if ((n == 1 && i + 1 < len && s[i + 1] == '.') || shouting(s + i, n))
		return 0;
	return wire_stopword(s + i, n);
}

/* ---- list items -------------------------------------------------- */

struct item {
	int32_t	bullet;	/* the bullet, or 0 */
	char	kind;	/* '1' a number, 'a' a letter, 0 a bullet alone */
	char	punct;	/* what follows the number: '.', ')', or ']' for ".)" */
	int	val;
};

static int
bullet(int32_t c)
{
	return c == 0x2022 || c == 0x2043 || c == 0x25aa || c == 0x25cf ||
	    c == 0x25e6;
}

/*
 * A list marker at i: an optional bullet, then a number of up to three
 * digits or a lower-case letter with ".", ")" or ".)" and white space
 * after it; or a bullet alone.  Returns its length, or 0.
 */
static size_t
marker(const char *s, size_t len, size_t i, struct item *it)
{
	size_t	j = i, d, n;
	int32_t	c;

	memset(it, 0, sizeof(*it));
	if (j < len && (unsigned char)s[j] == 0xe2 &&
	    bullet(c = wire_utf8_dec(s + j, len - j, &n))) {
		it->bullet = c;
		j = skip_space(s, len, j + n);
	}
	for (d = j; d < len && d - j < 3 && s[d] >= '0' && s[d] <= '9'; d++)
		it->val = it->val * 10 + (s[d] - '0');
	if (d > j)
		it->kind = '1';
	else if (j < len && s[j] >= 'a' && s[j] <= 'z') {
		it->kind = 'a';
		it->val = s[j] - 'a';
		d = j + 1;
	}
	if (d + 1 < len && s[d] == '.' && s[d + 1] == ')') {
		it->punct = ']';
		d += 2;
	} else if (d < len && (s[d] == '.' || s[d] == ')'))
		it->punct = s[d++];
	if (it->kind != 0 && it->punct != 0 && (d == len ||
	    space_at(s, len, d)))
		return d - i;
	/* Not a numbered item; perhaps a bullet alone. */
	it->kind = it->punct = 0;
	it->val = 0;
	return it->bullet != 0 ? j - i : 0;
}

/* Does item b come next after item a? */
static int
follows(const struct item *a, const struct item *b)
{
	return a->bullet == b->bullet && a->kind == b->kind &&
	    a->punct == b->punct && (b->kind == 0 || b->val == a->val + 1);
}

/* ---- the scan ---------------------------------------------------- */

struct cut {
	const char	*s;
	size_t		 len;
	size_t		 start;		/* of the sentence being read */
	size_t		 bare;		/* [start, bare) has no letter or digit, */
	int		 marks;		/* ... but marks if this is set */
	size_t		 count;
	wire_sent_fn	 fn;
	void		*arg;
	int		 lines;		/* each line is a sentence */
	int		 inlist;	/* last holds a list item */
	struct item	 last;
	struct wire_sentscan scan;
};

/*
 * The bytes the fast loop stops at: . ! ? LF and the lead byte of "…";
 * in a list also white space, before which an item may start.
 */
static const unsigned char hot[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [0xe2] = 1,
};
static const unsigned char hotlist[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [0xe2] = 1,
	[' '] = 1, ['\t'] = 1, ['\r'] = 1,
};

/*
 * End the sentence at end (white space trimmed; nothing if it is
 * empty) and start the next one there.  Marks without a letter or a
 * digit are no sentence and join the next (". 'We", "... Then").  A
 * list item opening the next sentence begins a list or goes on with
 * one; returns where the scan resumes, after that item's marker, whose
 * period is no sentence end.
 */
static size_t
cut_at(struct cut *c, size_t end)
{
	size_t		a, e = end, n, m;
	struct item	it;

	for (; c->bare < end && end < c->len; c->bare += n) {
		unsigned k = cls(c->s, end, c->bare, &n);

		if (k & (WIRE_C_ALPHA | WIRE_C_DIGIT))
			break;
		c->marks |= !(k & WIRE_C_SPACE);
	}
	if (c->bare >= end && c->marks && end < c->len)
		return end;
	c->bare = end;
	c->marks = 0;
	a = skip_space(c->s, end, c->start);
	while (e > a && (wire_uclass(wire_utf8_prev(c->s, e, &n)) &
	    WIRE_C_SPACE))
		e -= n;
	if (e > a) {
		c->fn(c->s, a, e, c->arg);
		c->count++;
	}
	c->start = end;
	a = skip_space(c->s, c->len, end);
	if ((m = marker(c->s, c->len, a, &it)) == 0)
		return end;
	c->last = it;
	c->inlist = 1;
	return a + m;
}

/* White space at i in a list: does the next item start after it? */
static size_t
list_space(struct cut *c, size_t i)
{
	struct item	it;

	if (marker(c->s, c->len, i + 1, &it) > 0 && follows(&c->last, &it))
		return cut_at(c, i + 1);
	return i + 1;
}

/* A line break at i: a sentence end in a list of lines or at a blank line. */
static size_t
newline(struct cut *c, size_t i)
{
	const char	*s = c->s;
	size_t		 j = i + 1;

	while (j < c->len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
		j++;
	if (c->lines || (j < c->len && s[j] == '\n'))
		return cut_at(c, i + 1);
	return c->inlist ? list_space(c, i) : i + 1;
}

/*
 * Does the line [a, e) end like a sentence: . ! ? or … before any
 * closing quotes and brackets?
 */
static int
line_ends(const char *s, size_t a, size_t e)
{
	size_t	n;
	int32_t	c;

	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\r'))
		e--;
	while (e > a) {
		c = wire_utf8_prev(s, e, &n);
		if (c == '.' || c == '!' || c == '?' || c == 0x2026)
			return 1;
		if (!(wire_uclass(c) & (WIRE_C_CLOSEQ | WIRE_C_CLOSEB)))
			return 0;
		e -= n;
	}
	return 0;
}

/*
 * Is the text two or more lines none of which ends like a sentence (a
 * list, an address)?  Then each line is a sentence; in prose, where
 * some line ends one, a line break is a space.
 */
static int
list_of_lines(const char *s, size_t len)
{
	const char	*nl;
	size_t		 a, e, lines = 0;

	for (a = 0; a < len; a = e + 1) {
		nl = memchr(s + a, '\n', len - a);
		e = nl != NULL ? (size_t)(nl - s) : len;
		if (skip_space(s, e, a) == e)
			continue;
		if (line_ends(s, a, e))
			return 0;
		lines++;
	}
	return lines >= 2;
}

/*
 * What the decision at a candidate looks at: the text, where the
 * sentence began, and the last token looked at for a link.
 */
struct look {
	struct wire_sentscan	*sc;
	const char		*s;
	size_t			 len, start;
};

/*
 * Is the token (up to white space) around i a URL, an e-mail address
 * or a domain?  The answer is kept for the token, so that a long one
 * full of periods is read once.
 */
static int
link(const struct look *l, size_t i)
{
	struct wire_sentscan	*sc = l->sc;
	const char		*s = l->s;
	size_t			 a = i, b = i, j, n;

	if (i >= sc->tok0 && i < sc->tok1)
		return sc->link;
	while (a > 0 && !(wire_uclass(wire_utf8_prev(s, a, &n)) & WIRE_C_SPACE))
		a -= n;
	while (b < l->len && !space_at(s, l->len, b))
		b++;
	sc->tok0 = a;
	sc->tok1 = b;
	sc->link = memchr(s + a, '@', b - a) != NULL || (b - a > 4 &&
	    (memcmp(s + a, "www.", 4) == 0 || memcmp(s + a, "WWW.", 4) == 0));
	for (j = a; !sc->link && j + 3 <= b; j++)
		sc->link = memcmp(s + j, "://", 3) == 0;
	return sc->link;
}

/*
 * A period at i with no space after it ends a sentence only between a
 * lower-case letter or a digit and a capitalised word ("world.Today"),
 * and not after a title ("Mr.Smith") nor in a link.
 */
static int
glued(const struct look *l, size_t i)
{
	const char	*s = l->s;
	size_t		 n, m, a;
	int32_t		 p;

	if (i == l->start)
		return 0;
	p = wire_utf8_prev(s, i, &n);
	if (!(wire_uclass(p) & (WIRE_C_LOWER | WIRE_C_DIGIT)) ||
	    !(cls(s, l->len, i + 1, &n) & WIRE_C_UPPER) ||
	    i + 1 + n >= l->len ||
	    !(cls(s, l->len, i + 1 + n, &m) & WIRE_C_LOWER))
		return 0;
	for (a = i; a > l->start && i - a < 8 && ascii_alpha(s[a - 1]); a--)
		;
	return abbr(s + a, i - a) != TITLE && !link(l, i);
}

/*
 * A single period at i, with f the first character of the next word
 * (past white space and opening marks), neither lower case: is it a
 * sentence end?  That depends on the word before.
 */
static int
period(const struct look *l, size_t i, size_t f)
{
	const char	*s = l->s;
	size_t		 w = i, n;
	unsigned	 next = cls(s, l->len, f, &n);
	enum abbr	 kind;

	/*
	 * The word before: back to white space, an opening mark or a dash
	 * other than the hyphen ("Jay-Z" is one word; "now" and "Mr" with
	 * an em dash between them are two).
	 */
	while (w > l->start && i - w <= 32) {
		int32_t p = wire_utf8_prev(s, w, &n);

		if (wire_uclass(p) & (WIRE_C_SPACE | WIRE_C_OPENQ |
		    WIRE_C_OPENB) || (p > 0x7f && (wire_uclass(p) &
		    WIRE_C_DASH)))
			break;
		w -= n;
	}
	kind = i - w > 32 ? NONE : abbr(s + w, i - w);
	/* In mixed case a word in capitals is an acronym ("the SEC."). */
	if (shouting(s + w, i - w) && !shouting(s + f, word_len(s, l->len, f)))
		kind = NONE;
	if (next & WIRE_C_DIGIT)
		return kind == NONE;
	switch (kind) {
	case TITLE:
		return 0;
	case ORDINARY:
		return starter(s, l->len, f);
	default:
		break;
	}
	/* A single capital is an initial, unless a sentence plainly starts. */
	if (w < i && (cls(s, l->len, w, &n) & WIRE_C_UPPER) && w + n == i)
		return starter(s, l->len, f);
	return 1;
}

/*
 * Spaced dots from the period at i: ". . ." inside a sentence leaves
 * words out and ends nothing.  Four end a sentence after the last
 * when a new one starts; so does a period on a word with three spaced
 * dots after it, but there the sentence ends at the period and the
 * dots open the next ("compounds. . . . The").
 */
static int
spaced_dots(const struct look *l, size_t i, size_t *cut, size_t *next)
{
	const char	*s = l->s;
	size_t		 j = i + 1, dots = 1, ce, k, f, n;
	int		 attached, starts;

	while (j + 1 < l->len && s[j] == ' ' && s[j + 1] == '.') {
		dots++;
		j += 2;
	}
	attached = i > l->start && !(wire_uclass(wire_utf8_prev(s, i, &n)) &
	    WIRE_C_SPACE);
	ce = skip_class(s, l->len, j, WIRE_C_CLOSEQ | WIRE_C_CLOSEB);
	k = skip_space(s, l->len, ce);
	f = skip_class(s, l->len, k, WIRE_C_OPENQ | WIRE_C_OPENB);
	starts = k > ce && f < l->len && capital(cls(s, l->len, f, &n)) &&
	    !pronoun_i(s, l->len, f);
	*next = j;
	if (starts && attached && dots >= 4) {
		*cut = i + 1;
		return 1;
	}
	if (starts && (dots >= 4 || (attached && dots == 3))) {
		*cut = *next = ce;
		return 1;
	}
	return 0;
}

int
wire_sent_end(struct wire_sentscan *sc, const char *s, size_t len,
    size_t start, size_t i, size_t *cut, size_t *next)
{
	struct look	 l = { sc, s, len, start };
	size_t		 te, ce, k, f, n;
	int32_t		 ch;
	int		 marks = 0, dots = 0, ell = 0, end;
	unsigned	 nc;

	/* The cluster [i, te): "?!", "..." and the like. */
	for (te = i; te < len; te += n) {
		ch = wire_utf8_dec(s + te, len - te, &n);
		if (ch == '.')
			dots++;
		else if (ch == '!' || ch == '?')
			marks++;
		else if (ch == 0x2026)
			ell++;
		else
			break;
	}
	*next = *cut = te > i ? te : i + 1;
	if (te == i)			/* another character starting 0xe2 */
		return 0;
	ell = marks == 0 && (ell > 0 || dots > 1);
	if (marks == 0 && !ell && te + 1 < len && s[te] == ' ' &&
	    s[te + 1] == '.')
		return spaced_dots(&l, i, cut, next);
	/* An ellipsis in brackets, "[...]", marks words left out. */
	if (ell && i > 0 && (s[i - 1] == '[' || s[i - 1] == '('))
		return 0;
	/* Closing quotes and brackets belong to the sentence. */
	*next = *cut = ce = skip_class(s, len, te, WIRE_C_CLOSEQ |
	    WIRE_C_CLOSEB);
	if (ce < len && !space_at(s, len, ce)) {
		if (marks == 0 && !ell && ce == te && glued(&l, i))
			return 1;
		return 0;
	}
	k = skip_space(s, len, ce);
	/* So does a quote mark standing alone: 'the end. " Then'. */
	if (k < len && (cls(s, len, k, &n) & WIRE_C_CLOSEQ) &&
	    (k + n == len || space_at(s, len, k + n))) {
		*next = *cut = ce = k + n;
		k = skip_space(s, len, ce);
	}
	f = skip_class(s, len, k, WIRE_C_OPENQ | WIRE_C_OPENB);
	if (k >= len)
		end = 1;
	else if (f >= len)
		end = !ell;
	else if ((nc = cls(s, len, f, &n)) & (WIRE_C_LOWER | WIRE_C_DASH))
		end = 0;	/* "Yahoo! in", '"Really?" she asked', "Hi! - a" */
	else if (marks > 0)
		end = 1;
	else if (ell)
		end = capital(nc) && !pronoun_i(s, len, f);
	else
		end = period(&l, i, f);
	return end;
}

/* A candidate at i: one of . ! ? … */
static size_t
terminator(struct cut *c, size_t i)
{
	size_t	cut, next, r;

	if (!wire_sent_end(&c->scan, c->s, c->len, c->start, i, &cut, &next))
		return next;
	r = cut_at(c, cut);
	/* Spaced dots that open the next sentence are passed over whole. */
	return next > cut ? next : r;
}

size_t
wire_sentences(const char *s, size_t len, wire_sent_fn fn, void *arg)
{
	struct cut	 c;
	const unsigned char *stop;
	size_t		 i;

	memset(&c, 0, sizeof(c));
	c.s = s;
	c.len = len;
	c.fn = fn;
	c.arg = arg;
	c.lines = memchr(s, '\n', len) != NULL && list_of_lines(s, len);
	/* A list may open the paragraph: cut_at() of nothing finds it. */
	i = cut_at(&c, 0);
	while (i < len) {
		stop = c.inlist ? hotlist : hot;
		while (i < len && !stop[(unsigned char)s[i]])
			i++;
		if (i >= len)
			break;
		switch (s[i]) {
		case '\n':
			i = newline(&c, i);
			break;
		case ' ': case '\t': case '\r':
			i = list_space(&c, i);
			break;
		default:
			i = terminator(&c, i);
			break;
		}
	}
	cut_at(&c, len);
	return c.count;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	    c == '\f';
}

void
wire_sent_text(struct wire_buf *out, const char *s, size_t start, size_t end)
{
	const char	*nl;
	size_t		 i = start, a, b;

	/* A run of white space that holds a line break is one space. */
	while ((nl = memchr(s + i, '\n', end - i)) != NULL) {
		a = b = (size_t)(nl - s);
		while (a > i && blank(s[a - 1]))
			a--;
		while (b < end && blank(s[b]))
			b++;
		wire_buf_add(out, s + i, a - i);
		wire_buf_addc(out, ' ');
		i = b;
	}
	wire_buf_add(out, s + i, end - i);
}
