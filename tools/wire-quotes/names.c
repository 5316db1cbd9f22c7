/*
 * names.c: the names a document gives: full names with their roles,
 * names seen in passing, what a surname, initials, the start of a word
 * or another spelling stand for, and whom a "he" or "she" with no
 * speaker before it may mean.
 */
#include <ctype.h>
#include <string.h>

#include "quotes.h"

/*
 * Are the letters w (len bytes, in capitals) the initials of the words
 * in capitals of the name s, small words such as "of" left out?
 */
static int
initials(const char *s, const char *w, size_t len)
{
	size_t	n = 0;

	for (; s != NULL; s = strchr(s, ' '), s = s != NULL ? s + 1 : s)
		if (isupper((unsigned char)*s) && (n == len || *s != w[n++]))
			return 0;
	return n == len;
}

/*
 * Is the surname s one letter added, dropped or changed from w (len
 * bytes), or two next to each other swapped, both of five letters or
 * more and with one first letter ("Hassel" for Hassell, "Zelenskiy"
 * for Zelensky, "Montieth" for Monteith)?
 */
static int
variant(const char *s, const char *w, size_t len)
{
	size_t	n, i = 0, j = 0, edits = 0;

	if (*s != *w || len < 5 || (n = strlen(s)) < 5 || n + 1 < len ||
	    len + 1 < n)
		return 0;
	while (i < n && j < len) {
		if (s[i] == w[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1)
			return 0;
		if (n > len)
			i++;
		else if (len > n)
			j++;
		else if (i + 1 < n && s[i] == w[j + 1] && s[i + 1] == w[j]) {
			i += 2;
			j += 2;
		} else {
			i++;
			j++;
		}
	}
	return edits + (n - i) + (len - j) == 1;
}

/* The capitals A to Z that begin the words of s, a bit each. */
static uint32_t
letters(const char *s)
{
	uint32_t	m = 0;
	const char	*p;

	for (p = s; p != NULL; p = strchr(p, ' '), p = p != NULL ? p + 1 : p)
		if (*p >= 'A' && *p <= 'Z')
			m |= 1u << (*p - 'A');
	return m;
}

/*
 * Is w (len bytes, three or more) the start of a word of the name s,
 * not its last, and shorter than it ("Fed" in "US Federal Reserve",
 * "Rob" in "Robert Smith")?
 */
static int
word_start(const char *s, const char *w, size_t len)
{
	const char	*p;

	if (len < 3)
		return 0;
	for (p = s; *p != '\0'; p++)
		if ((p == s || p[-1] == ' ') && *p == *w &&
		    strncmp(p, w, len) == 0 && p[len] != '\0' &&
		    p[len] != ' ' && strchr(p + len, ' ') != NULL)
			return 1;
	return 0;
}

/*
 * Does name i fit the one word w (len bytes, hash h) in the pass-th
 * way?  0: its surname; 1: its first word, a family name given first
 * ("Lin" for Lin Haoran) or a first name alone; 2: a body's short
 * name, its initials ("NAO" for the National Audit Office, named in
 * passing or not) or the start of a word but its last ("the Fed" for
 * the US Federal Reserve); 3: its surname spelt another way.  With
 * shout, w is in capitals.
 */
static int
fits(const struct qctx *c, size_t i, const char *w, size_t len,
    uint32_t h, int pass, int shout)
{
	const char	*sn, *su;

	if (c->mention[i] && pass != 2)
		return 0;
	/* A name no word of which begins as w does is none (fast). */
	if ((pass == 1 || pass == 2) && *w >= 'A' && *w <= 'Z' &&
	    !(c->initial[i] & 1u << (*w - 'A')))
		return 0;
	switch (pass) {
	case 0:
		if (c->surhash[i] != h)
			return 0;
		su = str(c, c->surname[i]);
		return strncmp(su, w, len) == 0 && su[len] == '\0';
	case 1:
		sn = str(c, c->names[i]);
		return *sn == *w && strncmp(sn, w, len) == 0 && sn[len] == ' ';
	case 2:
		sn = str(c, c->names[i]);
		return (shout && initials(sn, w, len)) || (!c->mention[i] &&
		    word_start(sn, w, len));
	default:
		return variant(str(c, c->surname[i]), w, len);
	}
}

/*
 * The full name that the one word w stands for: in the first way of
 * fits() that gives any, the one that fits, or NOSTR if more do.
 */
size_t
expand(const struct qctx *c, const char *w, size_t len)
{
	size_t		 i, found;
	uint32_t	 h = name_hash(w, len);
	int		 pass, shout = len > 1 && wire_shouting(w, len);

	for (pass = 0; pass < 4; pass++) {
		if (pass == 2 && !shout && len < 3)
			continue;
		for (found = NOSTR, i = 0; i < c->nnames; i++) {
			if (!fits(c, i, w, len, h, pass, shout))
				continue;
			if (found != NOSTR && strcmp(str(c, c->names[i]),
			    str(c, found)) != 0)
				return NOSTR;
			found = c->names[i];
		}
		if (found != NOSTR)
			return found;
	}
	return NOSTR;
}

/*
 * Keep a full name given in the document, and its role if it has one;
 * with mention, a name only seen in passing, which a surname alone
 * stands for only as a sentence's subject (mentioned()).  Room is kept
 * for the names of speakers.
 */
static void
remember_as(struct qctx *c, size_t name, size_t role, int mention)
{
	const char	*sp;
	size_t		 i;
	uint32_t	 h;

	if (name == NOSTR || (sp = strrchr(str(c, name), ' ')) == NULL)
		return;
	h = name_hash(sp + 1, strlen(sp + 1));
	for (i = 0; i < c->nnames; i++)
		if (c->surhash[i] == h && strcmp(str(c, c->names[i]),
		    str(c, name)) == 0) {
			/*
			 * A fuller role: "Bishop of Durham the Rt Rev Dr";
			 * an office for a title alone ("Dr").
			 */
			if (c->roles[i] == NOSTR || (role != NOSTR &&
			    (strstr(str(c, role), str(c, c->roles[i])) != NULL ||
			    (strchr(str(c, c->roles[i]), ' ') == NULL &&
			    strchr(str(c, role), ' ') != NULL))))
				c->roles[i] = role;
			c->mention[i] &= mention;
			if (c->seen[i] < c->nsent + c->seenoff)
				c->seen[i] = c->nsent + c->seenoff;
			return;
		}
	if (c->nnames < (mention ? NAMES / 2 : NAMES)) {
		c->surname[c->nnames] = (size_t)(sp + 1 - c->strs.p);
		c->surhash[c->nnames] = h;
		c->roles[c->nnames] = role;
		c->mention[c->nnames] = (uint8_t)mention;
		c->initial[c->nnames] = letters(str(c, name));
		c->seen[c->nnames] = c->nsent + c->seenoff;
		c->names[c->nnames++] = name;
	}
}

void
remember(struct qctx *c, size_t name, size_t role)
{
	remember_as(c, name, role, 0);
}

/*
 * Names in passing: two or three capitalised words that are no words
 * of the lexicon but first names and bodies' words, alone between
 * others ("... now faces Serena Williams.", "a letter to the British
 * Phonographic Industry").
 */
void
mentions(struct qctx *c)
{
	const struct tok *t = c->t;
	size_t		 i, k, n = 0;

	/* Read ahead of the sentences, as title_names(). */
	for (c->seenoff = 1, i = 0; i < c->nt; i = k + 1) {
		for (; n < i; n++)
			c->seenoff += (t[n].f & F_SEND) != 0;
		for (k = i; k < c->nt && k - i < 4 && t[k].kind == K_WORD &&
		    (t[k].f & F_CAP) && !(t[k].lex & ~(L_MASC | L_FEM | L_ORG)) &&
		    !(t[k].f & F_NUM) &&
		    !wire_shouting(c->text.p + t[k].off, t[k].len) && (k == i ||
		    !(t[k - 1].f & F_POSS)); k++)
			;
		/* Not before a role: "Double Olympic champion Kelly Holmes". */
		if (k - i >= 2 && k - i <= 3 && (k == c->nt ||
		    !(t[k].kind == K_WORD && ((t[k].f & F_CAP) ||
		    (t[k].lex & (L_TITLE | L_SRC))))) && (i == 0 ||
		    !(t[i - 1].kind == K_WORD && (t[i - 1].f & F_CAP))))
			remember_as(c, put_words(c, i, k, 0, 0, 1), NOSTR, 1);
	}
	c->seenoff = 0;
}

/*
 * The one name seen in passing that the surname w (len bytes) ends,
 * now a name like others; NOSTR when none or more than one.
 */
size_t
mentioned(struct qctx *c, const char *w, size_t len)
{
	size_t		 i, found = NAMES;
	uint32_t	 h = name_hash(w, len);

	for (i = 0; i < c->nnames; i++) {
		if (!c->mention[i] || c->surhash[i] != h ||
		    strncmp(str(c, c->surname[i]), w, len) != 0 ||
		    str(c, c->surname[i])[len] != '\0')
			continue;
		if (found != NAMES)
			return NOSTR;
		found = i;
	}
	if (found == NAMES)
		return NOSTR;
	c->mention[found] = 0;
	return c->names[found];
}

/* Names after a title anywhere in the paragraph, for the full name. */
void
title_names(struct qctx *c)
{
	const struct tok *t = c->t;
	size_t	 i, j, k, r, name;

	/* Read ahead of the sentences: the first is nsent + 1 (subject_here). */
	for (c->seenoff = 1, i = 0; i < c->nt; i++) {
		c->seenoff += i > 0 && (t[i - 1].f & F_SEND);
		/* "Andre Agassi's": a name, whose owner it is. */
		if ((t[i].f & (F_CAP | F_POSS)) == (F_CAP | F_POSS)) {
			for (j = i; j > 0 && i - j < 3 && t[j - 1].kind ==
			    K_WORD && (t[j - 1].f & F_CAP) && !(t[j - 1].lex &
			    (L_DET | L_TITLE | L_HON | L_TIME | L_PREP |
			    L_CONJ | L_ADV)) && !(t[j - 1].f & F_POSS); j--)
				;
			if (j < i && (name = put_words(c, j, i + 1, 0, L_HON,
			    1)) != NOSTR)
				remember(c, name, NOSTR);
			continue;
		}
		/* "harbour chief Nela Brandt": a title in lower case too. */
		if (!(t[i].lex & L_TITLE) || t[i].kind != K_WORD)
			continue;
		for (j = i + 1; j < c->nt && (t[j].f & F_CAP) &&
		    (t[j].lex & L_TITLE); j++)
			;
		for (k = j; k < c->nt && k < j + 4 && t[k].kind == K_WORD &&
		    (t[k].f & F_CAP) && !(t[k].lex & (L_TITLE | L_HON |
		    L_DET | L_PRON | L_CUE)); k++)
			if (t[k].f & F_POSS) {
				k++;
				break;
			}
		/* Its role: the title and the words in capitals before it. */
		for (r = i; r > 0 && i - r < 3 && t[r - 1].kind == K_WORD &&
		    (t[r - 1].f & F_CAP) && !(t[r - 1].lex & (L_DET | L_PREP |
		    L_CONJ | L_HON | L_CUE)); r--)
			;
		if (k - j >= 2 && (name = put_words(c, j, k, 0, L_HON, 1)) !=
		    NOSTR)
			remember(c, name, put_words(c, r, j, 0, L_HON, 0));
		for (; i + 1 < k; i++)
			c->seenoff += (t[i].f & F_SEND) != 0;
	}
	c->seenoff = 0;
}

/*
 * "the British Phonographic Industry (BPI)": the letters in brackets
 * stand for the name before them when they are its words' initials
 * (small words such as "of" and "the" left out), and "BPI said" is
 * the British Phonographic Industry's.
 */
void
acronyms(struct qctx *c)
{
	const struct tok *t = c->t;
	const char	*a;
	size_t		 i, k, n, acr, name;

	for (i = 1; i + 2 < c->nt; i++) {
		if (t[i].kind != K_PUNCT || t[i].c != '(' || t[i + 2].kind !=
		    K_PUNCT || t[i + 2].c != ')' || t[i + 1].kind != K_WORD ||
		    t[i + 1].len < 2 || t[i + 1].len > 8)
			continue;
		a = c->text.p + t[i + 1].off;
		for (n = t[i + 1].len, k = i; n > 0 && k > 0; k--) {
			if (t[k - 1].kind != K_WORD)
				break;
			if (LOWER(&t[k - 1]) && (t[k - 1].lex & (L_PREP | L_DET |
			    L_CONJ)))
				continue;
			if (!(t[k - 1].f & F_CAP) ||
			    c->text.p[t[k - 1].off] != a[n - 1])
				break;
			n--;
		}
		if (n > 0 || i - k < 2 || (acr = put_words(c, i + 1, i + 2, 0,
		    0, 0)) == NOSTR || (name = put_words(c, k, i, 0, L_HON,
		    0)) == NOSTR)
			continue;
		if (c->nnames < NAMES) {
			c->surname[c->nnames] = acr;
			c->surhash[c->nnames] = name_hash(str(c, acr),
			    strlen(str(c, acr)));
			c->roles[c->nnames] = NOSTR;
			c->mention[c->nnames] = 0;
			c->initial[c->nnames] = letters(str(c, name));
			c->seen[c->nnames] = c->nsent;
			c->names[c->nnames++] = name;
		}
	}
}

/*
 * Does name i open with a common first name of sex g, one that the
 * quotation being read does not call it by ("a quiet word with Tim")?
 */
static int
sex_fits(const struct qctx *c, size_t i, int g)
{
	const char	*s = str(c, c->names[i]), *sp = strchr(s, ' ');
	uint32_t	 f;

	if (sp == NULL)
		return 0;
	f = wire_lex_class(wire_lex_word(s, (size_t)(sp - s)));
	return (f & (g == 'm' ? L_MASC : L_FEM)) && !(f & L_QUOTES &
	    ~(L_MASC | L_FEM)) && !holds(c->text.p, c->qa, c->qb, s,
	    (size_t)(sp - s), 0);
}

/* Name i as a speaker: a person of sex g. */
static int
as_person(const struct qctx *c, size_t i, int g, struct who *w)
{
	const char	*s = str(c, c->names[i]);

	memset(w, 0, sizeof(*w));
	w->kind = W_NAME;
	w->name = c->names[i];
	w->role = c->roles[i];
	w->hash = name_hash(s, strlen(s));
	w->person = 1;
	w->gender = (uint8_t)g;
	return 1;
}

/*
 * With no one quoted before who fits, he or she is the first name the
 * title or the first paragraph gives in full, if its first name is one
 * of that sex ("Tony Blair's speech ... he declared"): the person the
 * story is about.
 */
int
first_named(struct qctx *c, int g, struct who *w)
{
	size_t		 i;

	for (i = 0; i < (c->nbody > 1 ? c->leadnames : c->nnames); i++) {
		/* In the first paragraph, one named before only. */
		if (c->mention[i] || strchr(str(c, c->names[i]), ' ') ==
		    NULL || (c->nbody <= 1 && c->seen[i] > c->nsent))
			continue;
		/* The first name given in full decides. */
		return sex_fits(c, i, g) && as_person(c, i, g, w);
	}
	return 0;
}

/*
 * Else (after first_named()) he or she is the person named last, in
 * this sentence or the four before, not after, whose first name is one
 * of that sex ("Her comments did not impress Tory education secretary
 * Tim Collins.  "...," he said.").
 */
int
seen_named(struct qctx *c, int g, struct who *w)
{
	size_t		 i, best = NAMES;

	for (i = 0; i < c->nnames; i++) {
		if (c->seen[i] + 4 < c->nsent || c->seen[i] > c->nsent ||
		    (best != NAMES && c->seen[i] < c->seen[best]))
			continue;
		if (sex_fits(c, i, g))
			best = i;
	}
	return best != NAMES && as_person(c, best, g, w);
}
