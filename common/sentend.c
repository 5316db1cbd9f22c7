/*
 * sentend.c: sentence boundaries, the decision at a candidate end.
 *
 * A candidate is decided by what stands around it: the word before (an
 * abbreviation, an initial?), the closing quotes and brackets after it,
 * which belong to the sentence, the first words after (lower case?  a
 * word that starts sentences?  a clause?), and whether it stands inside
 * a quotation that goes on.  Every look is bounded.
 */
#include <string.h>

#include "sent.h"

/* ---- abbreviations ---------------------------------------------- */

enum abbr {
	NONE,
	TITLE,		/* before a name: never ends a sentence */
	NUMBER,		/* before a number: never ends before a digit */
	LETTERS,	/* U.S.: ends one only if a sentence plainly starts */
	ORDINARY	/* ... or a clause starts (clause()) */
};

int
wire_shouting(const char *w, size_t len)
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
	switch (WIRE_L_KIND(wire_lex_class(wire_lex_word(w, len)))) {
	case 0:		/* not listed: letters joined by dots, or none */
		return wire_abbrev(w, len) != 0 ? LETTERS : NONE;
	case WIRE_A_TITLE:
		return TITLE;
	case WIRE_A_NUMBER:
		return NUMBER;
	default:
		return ORDINARY;
	}
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

	if ((n == 1 && i + 1 < len && s[i + 1] == '.') || wire_shouting(s + i, n))
		return 0;
	return wire_stopword(s + i, n);
}

/* The ASCII digits at i, up to max + 1 of them. */
static size_t
digits(const char *s, size_t len, size_t i, size_t max)
{
	size_t	j;

	for (j = i; j < len && j - i <= max && s[j] >= '0' && s[j] <= '9'; j++)
		;
	return j - i;
}

/* A word in title case at i ("Drivers", not "SEC"); its length in *n. */
static int
titled(const char *s, size_t len, size_t i, size_t *n)
{
	*n = word_len(s, len, i);
	return *n > 1 && s[i] >= 'A' && s[i] <= 'Z' && !wire_shouting(s + i, *n);
}

/*
 * A name at f: a title if any ("Mr."), then words in title case, none
 * a function word unless fw; *k gets their count (at most 4).  Returns
 * where the next word starts, past one space.
 */
static size_t
name(const char *s, size_t len, size_t f, int fw, int *k)
{
	size_t	n;

	*k = 0;
	if (titled(s, len, f, &n) && f + n + 1 < len && s[f + n] == '.' &&
	    s[f + n + 1] == ' ' && abbr(s + f, n) == TITLE)
		f += n + 2;
	for (; *k < 4 && titled(s, len, f, &n); ++*k) {
		if (!fw && wire_stopword(s + f, n))
			break;
		f += n;
		if (f >= len || s[f] != ' ')
			return len;
		f++;
	}
	return f;
}

/* Is the word at f in lower case and of one of the lexicon's classes? */
static int
lower_of(const char *s, size_t len, size_t f, uint32_t classes, size_t *n)
{
	*n = word_len(s, len, f);
	return f < len && s[f] >= 'a' && s[f] <= 'z' &&
	    (wire_lex_class(wire_lex_word(s + f, *n)) & classes) != 0;
}

/*
 * Does a clause start at f: one or two words in title case, then a
 * verb of saying, a form of "be", an auxiliary or "who" in lower case
 * ("Workers said", "Drivers were", "Mr. Lee then went", "Those who")?
 */
static int
clause(const char *s, size_t len, size_t f)
{
	size_t	n;
	int	k;

	f = name(s, len, f, 1, &k);
	return k > 0 && k <= 2 && lower_of(s, len, f, WIRE_L_CUE |
	    WIRE_L_BE | WIRE_L_ADV | WIRE_L_REL, &n);
}

/*
 * Is there the attribution of a quotation at f: a name, a verb of
 * saying, then a stop, a comma or a preposition ("Ms Berg said.",
 * "Lind asked in May")?  Where a clause goes on ("Mr Blair said he
 * would", "He said:") a new sentence starts.
 */
static int
attribution(const char *s, size_t len, size_t f)
{
	size_t	n, m;
	int	k;

	f = name(s, len, f, 0, &k);
	if (k == 0 || k > 3 || !lower_of(s, len, f, WIRE_L_CUE, &n))
		return 0;
	f += n;
	if (f >= len || s[f] == '.' || s[f] == ',' || s[f] == ';')
		return 1;
	return s[f] == ' ' && lower_of(s, len, f + 1, WIRE_L_PREP, &m);
}

/* Are there n words or more in [a, b)?  (Looks back 256 bytes at most.) */
static int
words(const char *s, size_t a, size_t b, int n)
{
	size_t	j;
	int	k = 0;

	for (j = b; j > a && b - j < 256 && k < n; j--)
		if (s[j - 1] != ' ' && (j - 1 == a || s[j - 2] == ' '))
			k++;
	return k >= n || (j > a && b - j >= 256);
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
 * "Rs. 4500", "Sect. 12", "Matt. 5:9": a short word in title case
 * before a number is an abbreviation, unless the number is a year
 * that starts a sentence ("moved to Oslo. 2019 was") or a capital
 * follows it.
 */
static int
before_number(const char *s, size_t len, size_t w, size_t i, size_t f)
{
	size_t	n;

	size_t	d = digits(s, len, f, 4), a;

	if (i - w < 2 || i - w > 4 || !titled(s, i, w, &n) || n != i - w)
		return 0;
	/* "Idol. 19 Management runs": a number and a capital start one. */
	a = skip_space(s, len, f + d);
	if (a > f + d && a < len && (cls(s, len, a, &n) & WIRE_C_UPPER))
		return 0;
	return !(d == 4 && (s[f] == '1' || s[f] == '2') && a < len &&
	    s[a] >= 'a' && s[a] <= 'z');
}

/* Is w a roman numeral in capitals, II to XXXIX? */
static int
numeral(const char *w, size_t len)
{
	size_t	n;

	return len > 1 && w[0] >= 'A' && w[0] <= 'Z' &&
	    wire_sent_roman(w, len, 0, &n) > 0 && n == len;
}

/*
 * The word before the period at i: back to white space, an opening
 * mark or a dash other than the hyphen ("Jay-Z" is one word; "now" and
 * "Mr" with an em dash between them are two).  Where it starts.
 */
static size_t
before(const struct look *l, size_t i)
{
	size_t	w = i, n;

	while (w > l->start && i - w <= 32) {
		int32_t p = wire_utf8_prev(l->s, w, &n);

		if (wire_uclass(p) & (WIRE_C_SPACE | WIRE_C_OPENQ |
		    WIRE_C_OPENB) || (p > 0x7f && (wire_uclass(p) &
		    WIRE_C_DASH)))
			break;
		w -= n;
	}
	return w;
}

/*
 * A lettered item after the period at i ("here. b) more", "well.
 * (c) Then"): a sentence ends unless the period is an abbreviation's
 * or an initial's.
 */
static int
item_after(const struct look *l, size_t i, size_t k)
{
	size_t	w = before(l, i);

	return wire_sent_item(l->s, l->len, k) && i - w > 1 && i - w <= 32 &&
	    abbr(l->s + w, i - w) == NONE;
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
	size_t		 w = before(l, i), n;
	unsigned	 next = cls(s, l->len, f, &n);
	enum abbr	 kind = i - w > 32 ? NONE : abbr(s + w, i - w);

	/* In mixed case a word in capitals is an acronym ("the SEC."). */
	if (wire_shouting(s + w, i - w) && !wire_shouting(s + f, word_len(s, l->len, f)))
		kind = NONE;
	if (next & WIRE_C_DIGIT)
		return kind == NONE && !before_number(s, l->len, w, i, f);
	switch (kind) {
	case TITLE:
		return 0;
	case LETTERS:
		return starter(s, l->len, f);
	case ORDINARY:
		return starter(s, l->len, f) || (i - w > 1 &&
		    words(s, l->start, w, 4) && clause(s, l->len, f));
	default:
		break;
	}
	/* A roman numeral opening a sentence marks an item: "II. Then". */
	if (w == skip_space(s, i, l->start) && numeral(s + w, i - w))
		return 0;
	/*
	 * A single capital is an initial, unless a sentence plainly starts;
	 * opening a sentence it marks an item ("Q. Why? A. Because.").
	 */
	if (w < i && (cls(s, l->len, w, &n) & WIRE_C_UPPER) && w + n == i)
		return skip_class(s, w, l->start, WIRE_C_SPACE | WIRE_C_OPENQ |
		    WIRE_C_OPENB) < w && starter(s, l->len, f);
	return 1;
}

/*
 * Footnote markers glued to a sentence's end at e (past the period at
 * i and its closing marks): "treaty.[3] Later", "(2001).4 The", "the
 * vote.12 13 Then".  When white space and a capital follow them, the
 * sentence ends after the markers: *cut.  Not after a number, where
 * ".4" is a decimal, a single letter or an abbreviation ("No.1"), nor
 * before a word in capitals.
 */
static int
footnote(const struct look *l, size_t i, size_t e, size_t *cut)
{
	const char	*s = l->s;
	size_t		 len = l->len, j = e, end = 0, d, a, n;
	int		 br;

	if (i == l->start || space_at(s, i, i - 1) || ((wire_uclass(
	    wire_utf8_prev(s, i, &n)) & WIRE_C_DIGIT) && s[e] != '['))
		return 0;
	for (a = i; a > l->start && i - a < 8 && ascii_alpha(s[a - 1]); a--)
		;
	if (i - a == 1 || abbr(s + a, i - a) != NONE)	/* "O.6", "No.1" */
		return 0;
	for (;;) {
		br = s[j] == '[';
		d = digits(s, len, j + br, 3);
		if (d == 0 || d > 3 || (br && (j + 1 + d >= len ||
		    s[j + 1 + d] != ']')))
			break;
		j = end = j + d + 2 * br;
		if (j < len && s[j] == '[')
			continue;
		if (j + 1 < len && s[j] == ' ' && !br && s[j + 1] >= '0' &&
		    s[j + 1] <= '9')
			j++;
		else
			break;
	}
	if (end == 0 || !space_at(s, len, end))
		return 0;
	j = skip_class(s, len, skip_space(s, len, end), WIRE_C_OPENQ);
	if (j >= len || !titled(s, len, j, &n))
		return 0;
	*cut = end;
	return 1;
}

/*
 * Is i inside a quotation opened since the sentence began at start:
 * an unclosed curly mark or an odd number of straight double quotes?
 * Looks back 512 bytes at most.
 */
static int
in_quote(const char *s, size_t start, size_t i)
{
	size_t	j = i - start > 512 ? i - 512 : start;
	int	depth = 0, straight = 0;

	for (; j < i; j++)
		if (s[j] == '"')
			straight ^= 1;
		else if (j + 2 < i && memcmp(s + j, "\xe2\x80\x9c", 3) == 0)
			depth++;
		else if (j + 2 < i && memcmp(s + j, "\xe2\x80\x9d", 3) == 0 &&
		    depth > 0)
			depth--;
	return depth > 0 || straight;
}

/*
 * From e inside a quotation: does it close after a comma, with no
 * sentence end on the way ("Why now? Because we can," he said)?  Then
 * what came before is no sentence of its own.  Looks 400 bytes ahead.
 */
static int
closes_on_comma(const char *s, size_t len, size_t e)
{
	size_t	j;

	for (j = e; j < len && j - e < 400 && s[j] != '\n'; j++) {
		if (s[j] == '"' || (j + 2 < len &&
		    memcmp(s + j, "\xe2\x80\x9d", 3) == 0))
			return j > e && s[j - 1] == ',';
		if ((s[j] == '.' || s[j] == '!' || s[j] == '?') &&
		    j + 1 < len && s[j + 1] == ' ')
			return 0;
	}
	return 0;
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
	int		 marks = 0, dots = 0, ell = 0, wide = 0, end;
	unsigned	 nc;

	/* The cluster [i, te): "?!", "..." and the like. */
	for (te = i; te < len; te += n) {
		ch = wire_utf8_dec(s + te, len - te, &n);
		if (ch == '.')
			dots++;
		else if (ch == '!' || ch == '?' || ch == 0x203c ||
		    (ch >= 0x2047 && ch <= 0x2049))
			marks++;
		else if (ch == 0x2026)
			ell++;
		else if (WIDE_END(ch))
			wide++;
		else
			break;
	}
	*next = *cut = te > i ? te : i + 1;
	if (te == i)		/* another character of a hot lead byte */
		return 0;
	/* A full-width stop needs no space after it: "終わった。次に". */
	if (wide) {
		*next = *cut = skip_class(s, len, te, WIRE_C_CLOSEQ |
		    WIRE_C_CLOSEB);
		return i == start || te == len || !((cls(s, len, te, &n) &
		    WIRE_C_DIGIT) && (wire_uclass(wire_utf8_prev(s, i, &n)) &
		    WIRE_C_DIGIT));
	}
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
		if (marks == 0 && !ell && footnote(&l, i, ce, cut))
			return 1;
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
	/* A dash and a capital open the next sentence: "it? - Readers". */
	if (f < len && (cls(s, len, f, &n) & WIRE_C_DASH) &&
	    space_at(s, len, f + n) && (k = skip_space(s, len, f + n)) < len &&
	    capital(cls(s, len, k, &n)))
		f = k;
	if (k >= len)
		end = 1;
	else if (f >= len)
		end = !ell;
	else if ((marks > 0 || ell) ? wire_sent_item(s, len, k) :
	    item_after(&l, i, k))
		end = 1;	/* "more. b) then", "it! (c) The" */
	else if ((nc = cls(s, len, f, &n)) & (WIRE_C_LOWER | WIRE_C_DASH))
		end = 0;	/* "Yahoo! in", '"Really?" she asked', "Hi! - a" */
	else if ((marks > 0 || ell) && ce > te && (cls(s, len, te, &n) &
	    WIRE_C_CLOSEQ) && attribution(s, len, f))
		end = 0;	/* '"If talks fail..." Ms Ortiz said' */
	else if ((marks > 0 || ell) && ce == te && in_quote(s, start, i) &&
	    closes_on_comma(s, len, ce))
		end = 0;	/* '"Why now? Because we can," he said' */
	else if (marks > 0)
		end = 1;
	else if (ell)
		end = capital(nc) && !pronoun_i(s, len, f);
	else
		end = period(&l, i, f);
	return end;
}
