/*
 * marks.c: quotation marks, classed by what stands on either side of
 * them, and paired into quotations.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* ---- quotation marks ------------------------------------------- */

#define NONE	(-2)	/* no character: the edge of the paragraph */

static int32_t
cp_before(const char *s, size_t a, size_t i)
{
	size_t	n;

	return i > a ? wire_utf8_prev(s, i, &n) : NONE;
}

static int32_t
cp_at(const char *s, size_t i, size_t b)
{
	size_t	n;

	return i < b ? wire_utf8_dec(s + i, b - i, &n) : NONE;
}

/* May a mark after c open a quotation? */
static int
open_side(int32_t c)
{
	if (c == NONE)
		return 1;
	return (wire_uclass(c) & (WIRE_C_SPACE | WIRE_C_OPENB | WIRE_C_DASH |
	    WIRE_C_OPENQ | WIRE_C_CLOSEQ)) || c == '/';
}

/* May a mark before c close one? */
static int
close_side(int32_t c)
{
	unsigned k;

	if (c == NONE)
		return 1;
	k = wire_uclass(c);
	if (k & (WIRE_C_SPACE | WIRE_C_CLOSEB | WIRE_C_DASH | WIRE_C_OPENQ |
	    WIRE_C_CLOSEQ))
		return 1;
	return (k & WIRE_C_PUNCT) && !(k & WIRE_C_OPENB);
}

static int
alnum(int32_t c)
{
	return c != NONE && (wire_uclass(c) & (WIRE_C_ALPHA | WIRE_C_DIGIT));
}

/*
 * Is the word after an opening single mark one that an apostrophe stands
 * before ('em, 'til, '90s)?
 */
static int
elided(const char *s, size_t i, size_t b)
{
	size_t	j;

	if (i < b && s[i] >= '0' && s[i] <= '9')
		return 1;
	for (j = i; j < b && j - i < 8 && ((s[j] >= 'a' && s[j] <= 'z') ||
	    (s[j] >= 'A' && s[j] <= 'Z')); j++)
		;
	return j > i && (j == b || !((unsigned char)s[j] >= 0x80)) &&
	    (wire_lex_class(wire_lex_word(s + i, j - i)) & L_ELIDE);
}

/*
 * Class the quotation mark at s + i, if it is one, into *m; the
 * paragraph is [a, b).  Returns the mark's length, 0 for no mark.
 */
static size_t
mark_at(const char *s, size_t i, size_t a, size_t b, struct mark *m)
{
	const unsigned char *u = (const unsigned char *)s + i;
	int32_t		 l, r, cp = -1;
	size_t		 len = 1;
	int		 lo, rc, dbl;

	switch (u[0]) {
	case '"':
		dbl = 1;
		break;
	case '\'':
		dbl = i + 1 < b && u[1] == '\'';
		len += dbl;
		break;
	case '`':
		if (i + 1 < b && u[1] == '`') {
			dbl = 1;
			len = 2;
			cp = 0x201c;
		} else {
			dbl = 0;
			cp = 0x2018;
		}
		break;
	case 0xe2:
		if (i + 2 >= b || u[1] != 0x80 || u[2] < 0x98 || u[2] > 0x9f)
			return 0;
		cp = 0x2000 + 0x18 + (u[2] - 0x98);
		dbl = cp >= 0x201c;
		len = 3;
		break;
	case 0xc2:
		if (i + 1 >= b || (u[1] != 0xab && u[1] != 0xbb))
			return 0;
		cp = u[1] == 0xab ? 0x201c : 0x201d;
		dbl = 1;
		len = 2;
		break;
	default:
		return 0;
	}
	l = cp_before(s, a, i);
	r = cp_at(s, i + len, b);
	lo = open_side(l);
	rc = close_side(r);
	memset(m, 0, sizeof(*m));
	m->off = i;
	m->len = (uint8_t)len;
	m->dbl = (uint8_t)dbl;
	if (!dbl) {
		/* Between two letters it is an apostrophe: Kyiv's, we've. */
		if (alnum(l) && alnum(r))
			return len;
		if (lo && !rc && !elided(s, i + len, b))
			m->role = M_OPEN;
		else if (!lo && rc) {
			m->role = M_CLOSE;
			m->weak = (l == 's' || l == 'S') && r != NONE &&
			    (wire_uclass(r) & WIRE_C_SPACE) &&
			    alnum(cp_at(s, i + len + 1, b));
		}
		return len;
	}
	switch (cp) {
	case 0x201e: case 0x201f: case 0x201c + 0x100:
		m->role = M_OPEN;
		break;
	case 0x201c:
		m->role = !lo && rc ? M_CLOSE : lo && rc ? M_EITHER : M_OPEN;
		if (len == 2 && u[0] == '`')
			m->role = M_OPEN;
		break;
	case 0x201d:
		m->role = lo && !rc ? M_OPEN : lo && rc ? M_EITHER : M_CLOSE;
		break;
	default:	/* straight */
		m->role = lo && !rc ? M_OPEN : !lo && rc ? M_CLOSE : M_EITHER;
		break;
	}
	return len;
}

/* Bytes that may begin a quotation mark. */
static const unsigned char markbyte[256] = {
	['"'] = 1, ['\''] = 1, ['`'] = 1, [0xe2] = 1, [0xc2] = 1,
};

void
scan_marks(struct qctx *c, size_t a, size_t b)
{
	const char	*s = c->text.p;
	struct mark	 m;
	size_t		 i, n;
	int		 strong;

	c->nm = 0;
	for (i = a; i < b; i++) {
		/* Eight bytes at a time through the text between marks. */
		while (i + 8 <= b && (markbyte[(unsigned char)s[i]] |
		    markbyte[(unsigned char)s[i + 1]] |
		    markbyte[(unsigned char)s[i + 2]] |
		    markbyte[(unsigned char)s[i + 3]] |
		    markbyte[(unsigned char)s[i + 4]] |
		    markbyte[(unsigned char)s[i + 5]] |
		    markbyte[(unsigned char)s[i + 6]] |
		    markbyte[(unsigned char)s[i + 7]]) == 0)
			i += 8;
		if (i >= b)
			break;
		if (!markbyte[(unsigned char)s[i]])
			continue;
		if ((n = mark_at(s, i, a, b, &m)) == 0)
			continue;
		if (m.role != 0) {
			c->m = wire_grow(c->m, &c->capm, c->nm + 1, sizeof(m));
			c->m[c->nm++] = m;
		}
		i += n - 1;
	}
	/*
	 * A single close after an s ("the officials' meeting") may be a
	 * possessive: it closes only when no other close follows before
	 * the next opening.
	 */
	strong = 0;
	for (i = c->nm; i-- > 0;) {
		if (c->m[i].dbl)
			continue;
		c->m[i].strong_after = (uint8_t)strong;
		if (c->m[i].role == M_OPEN)
			strong = 0;
		else if (c->m[i].role == M_CLOSE && !c->m[i].weak)
			strong = 1;
	}
}

static size_t
new_quote(struct qctx *c, const struct mark *m, size_t para)
{
	struct quo	*q;

	c->q = wire_grow(c->q, &c->capq, c->nq + 1, sizeof(*q));
	c->seg = wire_grow(c->seg, &c->capseg, c->nseg + 1, sizeof(struct seg));
	q = &c->q[c->nq];
	memset(q, 0, sizeof(*q));
	q->seg0 = c->nseg;
	q->nseg = 1;
	q->para = para;
	q->dbl = m->dbl;
	q->cue = NOSTR;
	q->cuetok = NOSTR;
	q->who.name = q->who.role = NOSTR;
	c->seg[c->nseg].ma = m->off;
	c->seg[c->nseg].a = c->seg[c->nseg].b = c->seg[c->nseg].mb =
	    m->off + m->len;
	c->nseg++;
	return c->nq++;
}

/* Forget the last quotation, which was never closed. */
void
drop_quote(struct qctx *c, size_t qi)
{
	c->nseg = c->q[qi].seg0;
	c->nq = qi;
}

/* Does a sentence end just before i (white space between)? */
static int
after_stop(const char *s, size_t a, size_t i)
{
	size_t	n;
	int32_t	ch;

	if (i == a || !(wire_uclass(cp_before(s, a, i)) & WIRE_C_SPACE))
		return 0;
	while (i > a && (wire_uclass(ch = wire_utf8_prev(s, i, &n)) &
	    WIRE_C_SPACE))
		i -= n;
	if (i == a)
		return 0;
	ch = wire_utf8_prev(s, i, &n);
	return ch == '.' || ch == '?' || ch == '!' || ch == 0x2026;
}

/*
 * Pair the marks of a paragraph from mark number from on into
 * quotations; a quotation open from the paragraph before (c->open)
 * goes on.  Returns the quotation still open at the end, or NOSTR, and
 * in *om the mark that opened it here (NOSTR when it came from before).
 */
size_t
pair(struct qctx *c, size_t b, size_t para, size_t from, size_t *om)
{
	struct mark	*m;
	size_t		 k, qi = c->open;
	int		 dbl = qi != NOSTR ? c->q[qi].dbl : 0;

	*om = NOSTR;
	for (k = from; k < c->nm; k++) {
		m = &c->m[k];
		if (m->off_)
			continue;
		if (qi == NOSTR) {
			if (m->role == M_OPEN || (m->dbl && m->role == M_EITHER)) {
				qi = new_quote(c, m, para);
				dbl = m->dbl;
				*om = k;
			}
			continue;
		}
		/* A mark of the other kind is a quote inside: it stays. */
		if (m->dbl != dbl)
			continue;
		if (m->role == M_CLOSE || m->role == M_EITHER) {
			if (m->weak && m->strong_after)
				continue;
			c->seg[c->nseg - 1].b = m->off;
			c->seg[c->nseg - 1].mb = m->off + m->len;
			c->q[qi].closed = 1;
			qi = NOSTR;
			continue;
		}
		/*
		 * An opening mark while open.  After the end of a sentence it
		 * goes on with the quotation, as at the head of a paragraph
		 * (text whose paragraphs were run together keeps the marks);
		 * elsewhere the quotation before was never closed.
		 */
		if (*om == NOSTR || after_stop(c->text.p, c->seg[c->nseg - 1].a,
		    m->off))
			continue;
		drop_quote(c, qi);
		qi = new_quote(c, m, para);
		*om = k;
	}
	if (qi != NOSTR)
		c->seg[c->nseg - 1].b = c->seg[c->nseg - 1].mb = b;
	return qi;
}

/*
 * Does the paragraph at [a, b) open with a mark of the kind dbl, so
 * that a quotation left open before it runs on?  Returns the length of
 * the mark, or 0.
 */
size_t
runs_on(const char *s, size_t a, size_t b, int dbl)
{
	struct mark	m;
	size_t		n;

	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	if (a >= b || (n = mark_at(s, a, a, b, &m)) == 0)
		return 0;
	if (m.dbl != dbl || !(m.role == M_OPEN || (dbl && m.role == M_EITHER)))
		return 0;
	return n;
}

