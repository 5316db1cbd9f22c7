/*
 * tokens.c: a paragraph cut into words, marks and quotations, and into
 * sentences.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* ---- words and sentences --------------------------------------- */

/*
 * A word's flags and classes; h is the lexicon's key of the word
 * without a period it took ("Sen." is "sen").
 */
static void
word_info(struct tok *t, const char *s, uint64_t h)
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
	/*
	 * A word that took its period is looked up without it when it is an
	 * abbreviation ("Sen." is "sen"), and not at all when it is an
	 * initial or letters joined by dots ("A." is not "a").
	 */
	if (l1 == '.' && len > 1) {
		len--;
		if (wire_abbrev((const char *)w, len) == 0)
			return;
	}
	t->id = (uint16_t)wire_lex_id(h);
	t->lex = wire_lex_class(t->id) & L_QUOTES;
	/* Under-secretary, Vice-President: a title after a hyphen. */
	if (t->lex == 0 && len > 2) {
		for (n = len - 1; n > 0 && w[n - 1] != '-'; n--)
			;
		if (n > 1 && n < len && (wire_lex_class(wire_lex_word(
		    (const char *)w + n, len - n)) & L_TITLE))
			t->lex = L_TITLE;
	}
	/* Adverbs in -ly, not nouns in -ily (family). */
	if (!(t->f & F_CAP) && len > 5 && l1 == 'y' && l2 == 'l' &&
	    l3 != 'i' && t->lex == 0)
		t->f |= F_LY;
}

/*
 * Does the period after the word s[w, w + len) belong to it (Sen.,
 * U.S., an initial) when no sentence ends there?
 */
static int
takes_period(const char *s, size_t w, size_t len)
{
	size_t	n;

	if (memchr(s + w, '.', len) != NULL)
		return 1;
	wire_utf8_dec(s + w, len, &n);
	if (n == len && (unsigned char)s[w] >= 'A' && (unsigned char)s[w] <= 'Z')
		return 1;	/* an initial */
	return wire_abbrev(s + w, len) != 0;
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

/* The mark a token of punctuation stands for, or 0 for none. */
static int
punct(int32_t ch, unsigned k)
{
	switch (ch) {
	case ',': case ';': case ':': case '.': case '!': case '?': case '(':
	case ')':
		return ch;
	case 0x2026:
		return '.';
	}
	if (k & WIRE_C_DASH)
		return '-';
	if (k & WIRE_C_OPENB)
		return '(';
	if (k & WIRE_C_CLOSEB)
		return ')';
	return 0;
}

/* Where the tokenizer stands in a paragraph. */
struct scan {
	struct qctx	*c;
	size_t		 b;		/* the paragraph's end */
	struct wire_sentscan sc;
	size_t		 start;		/* the sentence began here */
	size_t		 decided;	/* candidates before this are decided */
	size_t		 cut;		/* a sentence ends here, or SIZE_MAX */
};

static void
add_tok(struct scan *z, size_t off, size_t len, int kind)
{
	struct qctx	*c = z->c;
	struct tok	*t;

	/* The sentence ended before this token: the one before ends it. */
	if (off >= z->cut) {
		if (c->nt > 0)
			c->t[c->nt - 1].f |= F_SEND;
		z->start = z->cut;
		z->cut = SIZE_MAX;
	}
	if (c->nt == c->capt)
		c->t = wire_grow(c->t, &c->capt, c->nt + 1, sizeof(*t));
	t = &c->t[c->nt++];
	*t = (struct tok){ .off = off, .len = len, .kind = (uint8_t)kind,
	    .q = NOSTR };
}

/*
 * The sentence model's word on the candidate at i (wire_sent_end()),
 * once for each; returns whether a sentence ends after it.
 */
static int
candidate(struct scan *z, size_t i)
{
	size_t	cut, next;

	if (i < z->decided)
		return z->cut != SIZE_MAX && z->cut > i;
	if (!wire_sent_end(&z->sc, z->c->text.p, z->b, z->start, i, &cut,
	    &next)) {
		z->decided = next;
		return 0;
	}
	z->decided = next;
	z->cut = cut;
	return 1;
}

/* A record boundary or the end of the paragraph: a sentence ends. */
static void
boundary(struct scan *z, size_t at)
{
	if (z->c->nt > 0)
		z->c->t[z->c->nt - 1].f |= F_SEND;
	z->start = z->decided = at;
	z->cut = SIZE_MAX;
}

/*
 * Cut the paragraph [a, b) into tokens; each quotation from q0 on, all
 * of which have their last part in this paragraph, is one token.
 * Sentences end where the sentence model says (common/sent.c), at a
 * record boundary outside a quotation, and after a quotation that ends
 * like a sentence (sentence_ends()).
 */
void
tokenize(struct qctx *c, size_t a, size_t b, size_t q0, size_t r0)
{
	const char	*s = c->text.p;
	struct scan	 z = { c, b, { 0, 0, 0 }, a, a, SIZE_MAX };
	struct wire_word w;
	size_t		 i = a, n, qi = q0, ri = r0 + 1, nextrec, nextq, ev;
	int32_t		 ch;
	unsigned	 k;
	int		 pc;

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
				boundary(&z, nextrec);
				ri++;
				nextrec = ri < c->nrec ? c->rec[ri].off : SIZE_MAX;
			} else if (i >= nextq) {
				struct seg *g = lastseg(c, qi);

				add_tok(&z, g->ma, g->mb - g->ma, K_QUOTE);
				c->t[c->nt - 1].q = qi;
				c->t[c->nt - 1].c = (uint16_t)inner_end(s, g);
				i = z.decided = g->mb;
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
		if (s[i] == ' ') {
			i++;
			continue;
		}
		ch = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i] :
		    wire_utf8_dec(s + i, b - i, &n);
		n = (unsigned char)s[i] < 0x80 ? 1 : n;
		k = wire_uclass(ch);
		if (k & (WIRE_C_ALPHA | WIRE_C_DIGIT)) {
			wire_word_next(s, ev, &i, &w);
			/*
			 * "Sen.", "U.S.", and "(D-Mo.)": a period that ends no
			 * sentence is the word's.
			 */
			if (i < ev && s[i] == '.' && (!candidate(&z, i) ||
			    (i + 1 < b && s[i + 1] == ')')) &&
			    (takes_period(s, w.off, w.len) ||
			    (i + 1 < b && s[i + 1] == ')')))
				i++;
			add_tok(&z, w.off, i - w.off, K_WORD);
			word_info(&c->t[c->nt - 1], s, wire_word_key(s, ev, &w));
			/*
			 * Inside a name a verb is none ("United States"), nor
			 * after a determiner ("the claims", "a say").
			 */
			if (c->nt > 1 && c->t[c->nt - 2].kind == K_WORD &&
			    (((c->t[c->nt - 1].f & F_CAP) &&
			    (c->t[c->nt - 2].f & F_CAP)) ||
			    (c->t[c->nt - 2].lex & L_DET)))
				c->t[c->nt - 1].lex &= ~L_CUE;
			if ((c->t[c->nt - 1].lex & L_TITLE) ||
			    (c->t[c->nt - 1].f & (F_CAP | F_POSS)) ==
			    (F_CAP | F_POSS))
				c->titled = 1;
			continue;
		}
		if (ch == '.' || ch == '!' || ch == '?' || ch == 0x2026)
			candidate(&z, i);
		if ((pc = punct(ch, k)) != 0) {
			add_tok(&z, i, n, K_PUNCT);
			c->t[c->nt - 1].c = (uint16_t)pc;
		}
		i += n;
	}
	boundary(&z, b);
}

/*
 * A quotation that ends in a full stop, a question or an exclamation
 * mark ends its sentence when what follows begins like one.
 */
void
sentence_ends(struct qctx *c)
{
	struct tok	*t, *nx;
	size_t		 i;

	for (i = 0; i + 1 < c->nt; i++) {
		t = &c->t[i];
		if (t->kind != K_QUOTE || !(t->c == '.' || t->c == '!' ||
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

/* Is the word two letters or more, all of them capitals? */
static int
capitals(const char *s, size_t len)
{
	size_t		i, n, letters = 0;
	unsigned	k;

	for (i = 0; i < len; i += n) {
		k = wire_uclass(wire_utf8_dec(s + i, len - i, &n));
		if ((k & WIRE_C_ALPHA) && !(k & WIRE_C_UPPER))
			return 0;
		letters += (k & WIRE_C_ALPHA) != 0;
	}
	return letters >= 2;
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
		if (!capitals(c->text.p + w.off, w.len))
			shout = 0;
		c0 = wire_utf8_dec(c->text.p + w.off, w.len, &n);
		low = 0;
		if (wire_isupper(c0) || (wire_uclass(c0) & WIRE_C_DIGIT))
			continue;
		if (words > 1 && (wire_lex_class(wire_lex_word(c->text.p + w.off,
		    w.len)) & L_LOWT)) {
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
			return !(j + 1 < c->nt && word_is(c, j + 1, WIRE_W_THAT));
	return 0;
}

