/*
 * sent.c: sentence boundaries, the scan.
 *
 * A fast loop skips every byte that cannot end a sentence; only at
 * ".", "!", "?", "…" and the full-width stops (and at line breaks and
 * list markers) does it look closely: wire_sent_end() in sentend.c
 * decides there.  Lists, of numbered items or of lines that end no
 * sentence, are found here.  Every look is bounded or moves the scan
 * forward, so the time is linear in the text and no memory is
 * allocated.  The rules are listed in wire-split(1); each has a test of
 * its own in tests/wire-split.bats.
 */
#include <string.h>

#include "sent.h"

/* ---- list items -------------------------------------------------- */

struct item {
	int32_t	bullet;	/* the bullet, or 0 */
	char	kind;	/* '1' a number, 'a' a letter, 'i' roman, 0 a bullet alone */
	char	punct;	/* after the number: '.', ')', ']' for ".)"; '(' '[' around */
	int	val;
};

static int
bullet(int32_t c)
{
	return c == 0x2022 || c == 0x2043 || c == 0x25aa || c == 0x25cf ||
	    c == 0x25e6;
}

/*
 * A roman numeral at i, i to xxxix in either case, up to five letters
 * and no letter after them: its value, or 0; its length in *n.
 */
int
wire_sent_roman(const char *s, size_t len, size_t i, size_t *n)
{
	size_t	j;
	int	v = 0, d, last = 0;

	for (j = i; j < len && j - i < 5; j++, last = d) {
		d = s[j] == 'i' || s[j] == 'I' ? 1 : s[j] == 'v' ||
		    s[j] == 'V' ? 5 : s[j] == 'x' || s[j] == 'X' ? 10 : 0;
		if (d == 0)
			break;
		v += d > last ? d - 2 * last : d;	/* "iv", "ix" */
	}
	*n = j - i;
	return j < len && ascii_alpha(s[j]) ? 0 : v;
}

/*
 * A list marker at i: an optional bullet, then a number of up to three
 * digits or a lower-case letter with ".", ")" or ".)" after it, or
 * either in brackets ("(b)", "[3]", also a roman numeral, "(iv)"), and
 * white space after it; or a bullet alone.  Returns its length, or 0.
 */
static size_t
marker(const char *s, size_t len, size_t i, struct item *it)
{
	size_t	j = i, b, d, n;
	int32_t	c;
	char	open = 0;

	memset(it, 0, sizeof(*it));
	if (j < len && (unsigned char)s[j] == 0xe2 &&
	    bullet(c = wire_utf8_dec(s + j, len - j, &n))) {
		it->bullet = c;
		j = skip_space(s, len, j + n);
	}
	b = j;
	if (j < len && (s[j] == '(' || s[j] == '['))
		open = s[j++];
	for (d = j; d < len && d - j < 3 && s[d] >= '0' && s[d] <= '9'; d++)
		it->val = it->val * 10 + (s[d] - '0');
	if (d > j)
		it->kind = '1';
	else if (open && s[j] >= 'a' && (it->val = wire_sent_roman(s, len, j,
	    &n)) > 0 && n > 1) {
		it->kind = 'i';
		d = j + n;
	} else if (j < len && s[j] >= 'a' && s[j] <= 'z') {
		it->kind = 'a';
		it->val = s[j] - 'a';
		d = j + 1;
	}
	if (open) {
		if (d < len && s[d] == (open == '(' ? ')' : ']'))
			it->punct = open;
		d++;
	} else if (d + 1 < len && s[d] == '.' && s[d + 1] == ')') {
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
	return it->bullet != 0 ? b - i : 0;
}

/*
 * Does a lettered item open at i ("b) more", "(c) then", "[iv] And"),
 * one that may follow a sentence that ends before it?  A number there
 * needs no such look: a digit is no lower case.
 */
int
wire_sent_item(const char *s, size_t len, size_t i)
{
	struct item	it;

	return marker(s, len, i, &it) > 0 && it.kind != '1' && it.bullet == 0;
}

/* Does item b come next after item a? */
static int
follows(const struct item *a, const struct item *b)
{
	/* "(i)" is read as a letter, "(ii)" as a numeral */
	int	ai = a->kind == 'a' && a->val == 'i' - 'a' && b->kind == 'i';

	return a->bullet == b->bullet && a->punct == b->punct &&
	    ((a->kind == b->kind && (b->kind == 0 || b->val == a->val + 1)) ||
	    (ai && b->val == 2));
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
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [0xe2] = 1, [0xe3] = 1,
	[0xef] = 1,
};
static const unsigned char hotlist[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [0xe2] = 1, [0xe3] = 1,
	[0xef] = 1, [' '] = 1, ['\t'] = 1, ['\r'] = 1,
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
		if (c == '.' || c == '!' || c == '?' || c == 0x2026 ||
		    WIDE_END(c))
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
