/*
 * tokens.c: a paragraph cut into words, marks and quotations, and into
 * sentences.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* ---- words and sentences --------------------------------------- */

static void
add_tok(struct qctx *c, size_t off, size_t len, int kind)
{
	struct tok	*t;

	if (c->nt == c->capt)
		c->t = wire_grow(c->t, &c->capt, c->nt + 1, sizeof(*t));
	t = &c->t[c->nt++];
	t->off = off;
	t->len = len;
	t->lex = 0;
	t->kind = (uint8_t)kind;
	t->f = 0;
	t->c = 0;
	t->q = NOSTR;
}

/* A word's flags and classes. */
static void
word_info(struct tok *t, const char *s, int ascii, uint32_t h)
{
	const unsigned char *w = (const unsigned char *)s + t->off;
	size_t		 n, len = t->len;
	unsigned	 k, l1, l2, l3;

	k = w[0] < 0x80 ? wire_ascii_class[w[0]] :
	    wire_uclass(wire_utf8_dec((const char *)w, len, &n));
	if (k & WIRE_C_UPPER)
		t->f |= F_CAP;
	else if (k & WIRE_C_DIGIT)
		t->f |= F_NUM;
	l1 = w[len - 1];
	l2 = len > 1 ? w[len - 2] : 0;
	l3 = len > 2 ? w[len - 3] : 0;
	/* Kyiv's, Kyiv’s */
	if (len > 2 && (l1 == 's' || l1 == 'S') && (l2 == '\'' ||
	    (len > 4 && l2 == 0x99 && l3 == 0x80 && w[len - 4] == 0xe2)))
		t->f |= F_POSS;
	if (len > 4 && l1 == 'g' && l2 == 'n' && l3 == 'i')
		t->f |= F_ING;
	if (len > 3 && l1 == 'd' && l2 == 'e')
		t->f |= F_ED;
	t->lex = ascii ? lex_h((const char *)w, len, h) : 0;
	/* Under-secretary, Vice-President: a title after a hyphen. */
	if (t->lex == 0 && ascii && len > 2) {
		for (n = len - 1; n > 0 && w[n - 1] != '-'; n--)
			;
		if (n > 1 && n < len &&
		    (lex((const char *)w + n, len - n) & L_TITLE))
			t->lex = L_TITLE;
	}
	/* Adverbs in -ly, not nouns in -ily (family). */
	if (!(t->f & F_CAP) && len > 5 && l1 == 'y' && l2 == 'l' &&
	    l3 != 'i' && t->lex == 0)
		t->f |= F_LY;
}

/* May c join the characters of classes pa and nx into one word? */
static int
is_joiner(int32_t c, unsigned pa, unsigned nx)
{
	switch (c) {
	case '\'': case 0x2019: case '-': case 0x2010: case 0x2011:
		return (pa & (WIRE_C_ALPHA | WIRE_C_DIGIT)) &&
		    (nx & (WIRE_C_ALPHA | WIRE_C_DIGIT));
	case '.':
		return ((pa & WIRE_C_ALPHA) && (nx & WIRE_C_ALPHA)) ||
		    ((pa & WIRE_C_DIGIT) && (nx & WIRE_C_DIGIT));
	case ',':
		return (pa & WIRE_C_DIGIT) && (nx & WIRE_C_DIGIT);
	}
	return 0;
}

/*
 * Does the period after the word s[w, w + len) belong to it (Sen.,
 * U.S., an initial), so that it ends no sentence?
 */
static int
takes_period(const char *s, size_t w, size_t len)
{
	char	buf[24];
	size_t	n;

	if (memchr(s + w, '.', len) != NULL)
		return 1;
	wire_utf8_dec(s + w, len, &n);
	if (n == len && (unsigned char)s[w] >= 'A' && (unsigned char)s[w] <= 'Z')
		return 1;	/* an initial */
	if (len + 1 >= sizeof(buf))
		return 0;
	memcpy(buf, s + w, len);
	buf[len] = '.';
	return (lex(buf, len + 1) & L_ABBR) != 0;
}

/* The last punctuation inside a quotation's text: ',', '.', ... or 0. */
static int
inner_end(const char *s, const struct seg *g)
{
	size_t		i = g->b, n;
	int32_t		ch = 0;
	unsigned	k;

	while (i > g->a) {
		ch = wire_utf8_prev(s, i, &n);
		k = wire_uclass(ch);
		if (!(k & (WIRE_C_SPACE | WIRE_C_OPENQ | WIRE_C_CLOSEQ)))
			break;
		i -= n;
	}
	if (i == g->a)
		return 0;
	switch (ch) {
	case ',': case '!': case '?': case ':': case ';':
		return ch;
	case '.': case 0x2026:
		return '.';
	}
	return (wire_uclass(ch) & WIRE_C_DASH) ? '-' : 0;
}

/*
 * Cut the paragraph [a, b) into tokens; each quotation from q0 on, all
 * of which have their last part in this paragraph, is one token.  A
 * record boundary outside a quotation ends a sentence.
 */
/* ASCII letters and digits: the bytes of most words. */
static unsigned char wordbyte[256];

void
tokenize(struct qctx *c, size_t a, size_t b, size_t q0, size_t r0)
{
	const char	*s = c->text.p;
	size_t		 i = a, n, m, qi = q0, w, ri = r0 + 1, nextrec, nextq;
	size_t		 ev;
	int32_t		 ch, d;
	unsigned	 k, pk;
	int		 pc, ascii;
	uint32_t	 h;
	unsigned char	 u;

	if (wordbyte['a'] == 0)
		for (k = 0; k < 128; k++)
			wordbyte[k] = (wire_ascii_class[k] & (WIRE_C_ALPHA |
			    WIRE_C_DIGIT)) != 0;
	c->nt = 0;
	c->titled = 0;
	nextrec = ri < c->nrec ? c->rec[ri].off : SIZE_MAX;
	nextq = qi < c->nq ? lastseg(c, qi)->ma : SIZE_MAX;
	/* The next record or quotation, or the end: no word runs past. */
	ev = nextrec < nextq ? nextrec : nextq;
	ev = ev < b ? ev : b;
	while (i < b) {
		if (i >= ev) {
			if (i >= nextrec) {
				if (c->nt > 0)
					c->t[c->nt - 1].f |= F_SEND;
				ri++;
				nextrec = ri < c->nrec ? c->rec[ri].off : SIZE_MAX;
			} else if (i >= nextq) {
				struct seg *g = lastseg(c, qi);

				add_tok(c, g->ma, g->mb - g->ma, K_QUOTE);
				c->t[c->nt - 1].q = qi;
				c->t[c->nt - 1].c = (uint16_t)inner_end(s, g);
				i = g->mb;
				qi++;
				nextq = qi < c->nq ? lastseg(c, qi)->ma :
				    SIZE_MAX;
				/* Record boundaries inside end no sentence. */
				while (nextrec <= i) {
					ri++;
					nextrec = ri < c->nrec ? c->rec[ri].off :
					    SIZE_MAX;
				}
			}
			ev = nextrec < nextq ? nextrec : nextq;
			ev = ev < b ? ev : b;
			continue;
		}
		u = (unsigned char)s[i];
		if (u == ' ') {
			i++;
			continue;
		}
		if (wordbyte[u]) {
			ch = u;
			n = 1;
			k = wire_ascii_class[u];
		} else {
			if (u < 0x80) {
				ch = u;
				n = 1;
			} else
				ch = wire_utf8_dec(s + i, b - i, &n);
			k = wire_uclass(ch);
		}
		if (k & (WIRE_C_ALPHA | WIRE_C_DIGIT)) {
			w = i;
			ascii = ch < 0x80;
			h = ascii ? HSTEP(0, ch) : 0;
			for (;;) {
				pk = k;
				i += n;
				/* Plain ASCII letters and digits first, fast. */
				while (i < ev && wordbyte[u = (unsigned char)s[i]]) {
					pk = wire_ascii_class[u];
					h = HSTEP(h, u);
					i++;
				}
				if (i >= ev)
					break;
				if ((unsigned char)s[i] < 0x80) {
					ch = (unsigned char)s[i];
					n = 1;
				} else
					ch = wire_utf8_dec(s + i, b - i, &n);
				k = wire_uclass(ch);
				if (k & (WIRE_C_ALPHA | WIRE_C_DIGIT)) {
					ascii = 0;
					continue;
				}
				if ((ch == '\'' || ch == '-' || ch == '.' ||
				    ch == ',' || ch == 0x2019 || ch == 0x2010 ||
				    ch == 0x2011) && i + n < ev) {
					d = (unsigned char)s[i + n] < 0x80 ?
					    (unsigned char)s[i + n] :
					    wire_utf8_dec(s + i + n, b - i - n, &m);
					if ((unsigned char)s[i + n] < 0x80)
						m = 1;
					if (is_joiner(ch, pk, wire_uclass(d))) {
						if (ch < 0x80 && d < 0x80)
							h = HSTEP(HSTEP(h, ch),
							    d);
						else
							ascii = 0;
						i += n;
						n = m;
						k = wire_uclass(d);
						continue;
					}
				}
				break;
			}
			/* "Sen.", "U.S.", and "(D-Mo.)": no sentence ends. */
			if (i < ev && s[i] == '.' &&
			    (takes_period(s, w, i - w) ||
			    (i + 1 < b && s[i + 1] == ')'))) {
				h = HSTEP(h, '.');
				i++;
			}
			add_tok(c, w, i - w, K_WORD);
			word_info(&c->t[c->nt - 1], s, ascii, h);
			if ((c->t[c->nt - 1].lex & L_TITLE) ||
			    (c->t[c->nt - 1].f & (F_CAP | F_POSS)) ==
			    (F_CAP | F_POSS))
				c->titled = 1;
			continue;
		}
		pc = 0;
		if (ch == ',' || ch == ';' || ch == ':' || ch == '.' ||
		    ch == '!' || ch == '?' || ch == '(' || ch == ')')
			pc = ch;
		else if (ch == 0x2026)
			pc = '.';
		else if (k & WIRE_C_DASH)
			pc = '-';
		else if (k & WIRE_C_OPENB)
			pc = '(';
		else if (k & WIRE_C_CLOSEB)
			pc = ')';
		if (pc != 0) {
			add_tok(c, i, n, K_PUNCT);
			c->t[c->nt - 1].c = (uint16_t)pc;
		}
		i += n;
	}
	if (c->nt > 0)
		c->t[c->nt - 1].f |= F_SEND;
}

/*
 * A full stop, question or exclamation mark, in the text or at the end
 * of a quotation, ends a sentence when what follows begins like one.
 */
void
sentence_ends(struct qctx *c)
{
	struct tok	*t, *nx;
	size_t		 i;

	for (i = 0; i + 1 < c->nt; i++) {
		t = &c->t[i];
		if (t->kind == K_WORD || !(t->c == '.' || t->c == '!' ||
		    t->c == '?'))
			continue;
		nx = t + 1;
		if (nx->kind == K_QUOTE || (nx->kind == K_WORD &&
		    (nx->f & (F_CAP | F_NUM))) || (nx->kind == K_PUNCT &&
		    nx->c == '('))
			t->f |= F_SEND;
	}
}

/* ---- titles ----------------------------------------------------- */

int
word_is(const struct qctx *c, size_t i, const char *w)
{
	const struct tok *t = &c->t[i];
	size_t	 k;

	if (t->kind != K_WORD || t->len != strlen(w))
		return 0;
	for (k = 0; k < t->len; k++) {
		unsigned char u = (unsigned char)c->text.p[t->off + k];

		if ((u >= 'A' && u <= 'Z' ? u + 32 : u) != (unsigned char)w[k])
			return 0;
	}
	return 1;
}

/*
 * Is the quoted text a few words in title case ("Meet the Press",
 * "Gifted Hands")?  Returns 2 for text with no word at all.
 */
int
title_case(const struct qctx *c, const struct seg *g)
{
	struct wire_word w;
	size_t		 pos = g->a, words = 0, n;
	int		 low = 0, shout = 1;
	int32_t		 c0;

	while (wire_word_next(c->text.p, g->b, &pos, &w)) {
		if (++words > 10)
			return 0;
		if (w.nupper < w.nalpha || w.nalpha < 2)
			shout = 0;
		c0 = wire_utf8_dec(c->text.p + w.off, w.len, &n);
		low = 0;
		if (wire_isupper(c0) || (wire_uclass(c0) & WIRE_C_DIGIT))
			continue;
		if (words > 1 && (lex(c->text.p + w.off, w.len) & L_LOWT)) {
			low = 1;
			continue;
		}
		return 0;
	}
	if (words == 0)
		return 2;
	/* Capitals throughout are a headline's, not a title's. */
	return !low && !shout;
}

/*
 * Is the quotation token i tied to a verb of saying right next to it
 * ("...," X said; X said: "...")?  A title is not.
 */
int
said_next_to(const struct qctx *c, size_t i)
{
	const struct tok *t = c->t;
	size_t	 j, end;

	if (i > 0 && t[i - 1].kind == K_PUNCT && t[i - 1].c == ':')
		return 1;
	if (i > 1 && t[i - 1].kind == K_PUNCT && t[i - 1].c == ',' &&
	    (t[i - 2].lex & L_CUE))
		return 1;
	j = i + 1;
	if (!(t[i].c == ',' || t[i].c == '?' || t[i].c == '!')) {
		if (j < c->nt && t[j].kind == K_PUNCT && t[j].c == ',')
			j++;
		else
			return 0;
	}
	for (end = j + SAIDGAP; j < c->nt && j < end && t[j].kind == K_WORD; j++)
		if (t[j].lex & L_CUE)
			return !(j + 1 < c->nt && word_is(c, j + 1, "that"));
	return 0;
}

