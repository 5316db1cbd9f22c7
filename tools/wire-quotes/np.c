/*
 * np.c: noun phrases: the subject of a verb of saying.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* ---- noun phrases ----------------------------------------------- */

#define PRONOUN(t)	(((t)->lex & L_PRON) && !((t)->lex & L_DET))
#define LOWER(t)	((t)->kind == K_WORD && !((t)->f & F_CAP))
#define ADVERB(t)	(LOWER(t) && (((t)->lex & L_ADV) || ((t)->f & F_LY)))

/* Skip a parenthesis that closes at i back to its opening; or i. */
static size_t
paren_back(const struct qctx *c, size_t lo, size_t i)
{
	size_t	j;

	for (j = i; j > lo && i - j < PARENMAX; j--)
		if (c->t[j - 1].kind == K_PUNCT && c->t[j - 1].c == '(')
			return j - 1;
	return i;
}

/*
 * Is the preposition at j, in a phrase that began at i, one that ties
 * a source to its body's name: a source noun in lower case before it
 * and a capital after ("analysts at Citigroup")?
 */
int
src_of(const struct qctx *c, size_t j, size_t i, size_t lim)
{
	const struct tok *t = c->t;

	return j > i && j + 1 < lim && (t[j].lex & L_PREP) && LOWER(&t[j]) &&
	    LOWER(&t[j - 1]) && (t[j - 1].lex &
	    L_SRC) && t[j + 1].kind == K_WORD && (t[j + 1].f & F_CAP) &&
	    !(t[j + 1].lex & (L_TIME | L_DET)) && !word_is(c, j, WIRE_W_TO);
}

/*
 * The end of the noun phrase that begins at token i, before lim.  A
 * parenthesis inside it is passed over and one at its end left out.
 */
size_t
np_fwd(const struct qctx *c, size_t i, size_t lim)
{
	const struct tok *t = c->t, *k;
	size_t	 j = i, n, e, end = i;

	if (j < lim && t[j].kind == K_WORD && PRONOUN(&t[j]))
		return j + 1;
	for (n = 0; j < lim && n < NPMAX; n++) {
		k = &t[j];
		if (k->kind == K_PUNCT) {
			/* Sen. Jane Doe (D-Mo.) */
			if (k->c != '(' || j == i)
				break;
			for (e = j + 1; e < lim && e < j + PARENMAX &&
			    !(t[e].kind == K_PUNCT && t[e].c == ')'); e++)
				;
			if (e >= lim || e >= j + PARENMAX)
				break;
			j = e + 1;
			continue;
		}
		if (k->kind == K_QUOTE) {
			if (!c->q[k->q].title)
				break;
			end = ++j;
			continue;
		}
		/* A name that looks like a preposition: Per Aas, Van Dyke. */
		if ((k->lex & L_PREP) && (k->f & F_CAP) && j + 1 < lim &&
		    t[j + 1].kind == K_WORD && (t[j + 1].f & F_CAP) &&
		    !(t[j + 1].lex & L_PREP)) {
			end = ++j;
			continue;
		}
		if (k->lex & L_PREP) {
			/* "analysts at Citigroup", "a spokesman for Dell" */
			if (src_of(c, j, i, lim)) {
				j++;
				continue;
			}
			/* One of the officials; Secretary of State. */
			if (word_is(c, j, WIRE_W_OF) && j > i && ((t[j - 1].lex &
			    L_QUANT) || ((t[j - 1].lex & L_TITLE) &&
			    (t[j - 1].f & F_CAP) && j + 1 < lim &&
			    (t[j + 1].f & F_CAP)))) {
				j++;
				continue;
			}
			break;
		}
		if (k->lex & (L_REL | L_SUB | L_CUE | L_POST | L_TIME))
			break;
		if (k->lex & L_CONJ) {
			/*
			 * A pair of names: Obama and Netanyahu said; two
			 * roles of one: chairman and chief executive Ann Moe.
			 */
			if (word_is(c, j, WIRE_W_AND) && j > i &&
			    (((t[j - 1].f & F_CAP) && j + 1 < lim &&
			    (t[j + 1].f & F_CAP)) || roles_and(c, j, lim))) {
				j++;
				continue;
			}
			break;
		}
		if (PRONOUN(k) || ADVERB(k))
			break;
		/*
		 * A determiner after a word in lower case opens another
		 * phrase: "the BCC found the whole economy", "In his New
		 * Year message the party leader"; the word before it is a
		 * verb or ends a phrase in front.
		 */
		if (LOWER(k) && (k->lex & L_DET) && j > i && LOWER(&t[j - 1]) &&
		    !(t[j - 1].lex & (L_DET | L_QUANT | L_PREP | L_CONJ |
		    L_TIME | L_TIMEN))) {
			/* Not "ruling body the Tern Alliance said". */
			for (e = j + 1; e < lim && t[e].kind == K_WORD &&
			    (t[e].f & F_CAP); e++)
				;
			if (e > j + 1 && (e == lim || !LOWER(&t[e]) ||
			    !(t[e].lex & (L_TITLE | L_SRC | L_ORG)))) {
				end = ++j;
				continue;
			}
			if (!(t[j - 1].lex & (L_TITLE | L_SRC | L_ORG)) &&
			    end == j)
				end = j - 1;
			break;
		}
		/* A participle with a phrase after it: briefed on the talks. */
		if (LOWER(k) && (k->f & (F_ING | F_ED)) && j > i && j + 1 < lim &&
		    t[j + 1].kind == K_WORD && (t[j + 1].lex & L_PREP))
			break;
		end = ++j;
	}
	return end;
}

/* Does token i end a clause for a subject walking back? */
int
is_comma(const struct qctx *c, size_t i)
{
	const struct tok *t = &c->t[i];

	if (t->kind == K_PUNCT)
		return t->c == ',' || t->c == '-';
	return t->kind == K_QUOTE && t->c == ',';
}

int
is_hard(const struct qctx *c, size_t i)
{
	const struct tok *t = &c->t[i];

	if (t->kind == K_PUNCT)
		return t->c != ',' && t->c != '-' && t->c != '(' && t->c != ')';
	return is_q(c, i) && t->c != ',';
}

/* Does a phrase beginning at token i set the scene rather than name? */
static int
adverbial(const struct tok *t)
{
	if (t->kind != K_WORD)
		return 1;
	return (t->lex & (L_PREP | L_SUB | L_CONJ | L_REL | L_ADV)) ||
	    (t->f & (F_ING | F_LY | F_NUM)) || !(t->f & F_CAP);
}

/*
 * The subject of a verb after a comma at k: "X, who ..., said", "X, 52,
 * a spokesman for Y, said".  The phrases in commas are walked back to
 * the start of the clause; the subject is the first of them that does
 * not set the scene ("Speaking later, Sen. Jane Doe, who ..., said").
 */

/* Are the words [s, e) all in lower case, a description's? */
int
descr(const struct qctx *c, size_t s, size_t e)
{
	for (; s < e; s++)
		if (!LOWER(&c->t[s]))
			return 0;
	return 1;
}

/*
 * Is [s, e) a role: a title in it before any preposition ("Harbour
 * Trust chairwoman", "The Shadow Minister for Fisheries")?
 */
static int
titled_phrase(const struct qctx *c, size_t s, size_t e)
{
	for (; s < e && c->t[s].kind == K_WORD; s++) {
		/* "ITV's controller of entertainment" */
		if ((c->t[s].lex & L_TITLE) || ((c->t[s].f & F_POSS) &&
		    s + 1 < e && LOWER(&c->t[s + 1])))
			return 1;
		/* "De Telegraaf's image editor": a name like a preposition. */
		if ((c->t[s].lex & (L_PREP | L_CUE | L_PRON)) &&
		    !((c->t[s].f & F_CAP) && s + 1 < e && (c->t[s + 1].f &
		    F_CAP)))
			return 0;
	}
	return 0;
}

/*
 * The end of a run of words in capitals from i, no title among them
 * but a surname after a first name (Lewis Champion).
 */
size_t
name_run(const struct qctx *c, size_t i)
{
	const struct tok *t = c->t;
	size_t	 s = i;

	while (i < c->nt && t[i].kind == K_WORD && (t[i].f & F_CAP) &&
	    (!(t[i].lex & (L_TITLE | L_DET | L_PREP | L_CONJ | L_TIME)) ||
	    (i > s && TITLE_SURNAME(&t[i]))))
		i++;
	return i;
}

/* Does the sentence end at token i (its last, or past it)? */
static int
ends(const struct qctx *c, size_t i)
{
	return i >= c->nt || (c->t[i].f & F_SEND) || (i > 0 &&
	    (c->t[i - 1].f & F_SEND));
}

/*
 * A name in commas from i, after a role: "Ada Moss,", "Sir Ada Moss,"
 * "Ola Lind QC,", "Ambassador Ola Lind of Iceland,"; with end, also at
 * the end of the sentence.  Where the name ends (its letters of a title
 * kept), or 0.
 */
static size_t
apposed(const struct qctx *c, size_t i, int end)
{
	const struct tok *t = c->t;
	size_t	 a = i, b, e;

	/* "the Rt Rev Dr Tom Wright" */
	if (a + 1 < c->nt && word_is(c, a, WIRE_W_THE) && (t[a + 1].f &
	    F_CAP) && (t[a + 1].lex & (L_TITLE | L_HON)))
		a++;
	/*
	 * "Labour MP Ada Moss": a party or a place before the title, and a
	 * name after it (not "Tom Moe MSP,").
	 */
	for (b = a; b < c->nt && b < a + 2 && t[b].kind == K_WORD &&
	    (t[b].f & F_CAP) && !(t[b].lex & (L_TITLE | L_HON | L_DET |
	    L_PREP | L_CONJ | L_PRON)); b++)
		;
	for (e = b; e < c->nt && t[e].kind == K_WORD && (t[e].f & F_CAP) &&
	    (t[e].lex & (L_TITLE | L_HON)); e++)
		;
	if (b > a && e > b && name_run(c, e) > e)
		a = b;
	while (a < c->nt && t[a].kind == K_WORD && (t[a].f & F_CAP) &&
	    (t[a].lex & (L_TITLE | L_HON)))
		a++;
	if ((b = name_run(c, a)) == a || b < i + 2)
		return 0;
	if (b + 1 < c->nt && (t[b].lex & L_TITLE) && wire_shouting(c->text.p +
	    t[b].off, t[b].len))
		b++;		/* "QC" */
	e = b;
	if (e + 1 < c->nt && word_is(c, e, WIRE_W_OF))
		e = name_run(c, e + 1);
	if (e > b && ((e < c->nt && is_comma(c, e)) || (end && ends(c, e))))
		return b;
	return (b < c->nt && is_comma(c, b)) || (end && ends(c, b)) ? b : 0;
}

static int	role_words(const struct qctx *, size_t, size_t);

/*
 * A role [s, e) and a name in commas after it, as after an inverted
 * verb ("said De Telegraaf's image editor, Peter Schoonen."): where
 * the name ends, or 0.  The role may go on with a phrase ("said the
 * chairman of the harbour board, Ada Moe.").
 */
size_t
role_name(const struct qctx *c, size_t s, size_t e)
{
	const struct tok *t = c->t;
	size_t	 k = e;

	if (e < c->nt && (t[e].lex & L_PREP) && LOWER(&t[e]))
		for (k = e + 1; k < c->nt && k < e + PHRASEMAX &&
		    t[k].kind == K_WORD; k++)
			;
	if (k >= c->nt || !is_comma(c, k) || !(((t[s].lex & L_DET) &&
	    descr(c, s + 1, e) && (k == e || role_words(c, s, e))) ||
	    titled_phrase(c, s, e)))
		return 0;
	return apposed(c, k + 1, 1);
}

static int
subj_commas(const struct qctx *c, size_t lo, size_t k, size_t *t0,
    size_t *t1, int *app, int ing)
{
	const struct tok *t = c->t;
	size_t	 starts[PHRASES], n = 0, b, s, e, i;
	int	 colon[PHRASES];

	/*
	 * A colon inside the phrases ("whose films include Star Wars: The
	 * Phantom Menace, said") parts them like a comma, but what follows
	 * it is no subject.
	 */
	while (n < PHRASES) {
		/* "X denied it but his lawyer, Y, said": a clause of its own. */
		for (b = k; b > lo && k - b < PHRASEMAX; b--)
			if (is_comma(c, b - 1) || is_hard(c, b - 1) ||
			    word_is(c, b - 1, WIRE_W_BUT))
				break;
		if (b == k || k - b >= PHRASEMAX)
			return 0;
		colon[n] = b > lo && t[b - 1].kind == K_PUNCT &&
		    t[b - 1].c == ':';
		starts[n++] = b;
		if (b == lo || !(is_comma(c, b - 1) || colon[n - 1]))
			break;
		k = b - 1;
	}
	/* From the clause's first phrase on; each ends at a comma. */
	for (i = n; i-- > 0;) {
		s = starts[i];
		if (colon[i] && i + 1 < n)
			continue;
		/* "And Moya, nicknamed Charly, admitted": */
		if ((t[s].lex & L_CONJ) && s + 1 < c->nt && t[s + 1].kind ==
		    K_WORD)
			s++;
		if (adverbial(&t[s]) && !((t[s].lex & L_DET) && i == n - 1))
			continue;
		for (e = s; e < c->nt && !is_comma(c, e); e++)
			;
		k = e;
		if ((e = np_fwd(c, s, e)) == s)
			return 0;
		/*
		 * "Ann Moe backed the plan on Tuesday, saying": a clause
		 * whose subject the participle shares.
		 */
		if (ing && n == 1 && clause_subj(c, s, k, t0, t1) && *t1 < k)
			return 1;
		/* "Soil chemist and author Petra Lund,": all. */
		if (e + 1 < k && word_is(c, e, WIRE_W_AND) && roles_and(c, e, k) &&
		    np_fwd(c, e + 1, k) == k)
			e = k;
		*t0 = s;
		*t1 = e;
		*app = 1;
		/*
		 * "The union's treasurer, Ada Moss, told", "Harbour
		 * Trust chairwoman, Ines Vale, said", "The Minister for
		 * Fisheries, Karen Holt, said": a name in commas after a
		 * description or a role is the speaker, the description
		 * its role.
		 */
		if (i > 0 && is_comma(c, k) && starts[i - 1] == k + 1 &&
		    (((t[s].lex & L_DET) && descr(c, s + 1, e)) ||
		    titled_phrase(c, s, k)) && (b = apposed(c, k + 1, 0)) > 0)
			*t1 = b;
		return 1;
	}
	return 0;
}

/* Do the words [s, e) hold a role in lower case (an analyst at X)? */
static int
role_words(const struct qctx *c, size_t s, size_t e)
{
	for (; s < e; s++)
		if (LOWER(&c->t[s]) && (c->t[s].lex & (L_TITLE | L_SRC)) &&
		    !(c->t[s].lex & L_PLUR))
			return 1;
	return 0;
}

/*
 * The start of a name of words in capitals that ends at e and begins
 * its clause (after lo, a comma, a conjunction or a cue before its
 * subject: "said Ada Moe, harbour chief"); or e.
 */
static size_t
name_back(const struct qctx *c, size_t lo, size_t e)
{
	const struct tok *t = c->t;
	size_t	 b = e;

	while (b > lo && t[b - 1].kind == K_WORD && (t[b - 1].f & F_CAP) &&
	    !(t[b - 1].lex & (L_DET | L_TITLE | L_HON | L_PREP | L_CONJ |
	    L_TIME | L_PRON)) && e - b < 4)
		b--;
	if (b < e && b > lo && (t[b - 1].lex & L_HON))	/* Mr Prettejohn */
		b--;
	/* "said Ada Moe, harbour chief saying": after an inverted cue too. */
	if (b == e || (b > lo && !is_comma(c, b - 1) && !is_hard(c, b - 1) &&
	    !(t[b - 1].lex & (L_CONJ | L_INV))))
		return e;
	return b;
}

/* Is token i the head of a time phrase: Tuesday, week, night? */
static int
time_word(const struct qctx *c, size_t i)
{
	return c->t[i].kind == K_WORD && (c->t[i].lex & (L_TIME | L_TIMEN));
}

/*
 * The start of a time phrase that ends before token j ("Mayor Tom Hale
 * on Tuesday said", "the group last week published"), or j.  A subject
 * and its verb are often parted by one in news copy.
 */
size_t
time_back(const struct qctx *c, size_t lo, size_t j)
{
	size_t	k = j;

	while (k > lo && j - k < 2 && time_word(c, k - 1))
		k--;
	if (k == j)
		return j;
	if (k > lo && (word_is(c, k - 1, WIRE_W_ON) || word_is(c, k - 1, WIRE_W_LAST) ||
	    word_is(c, k - 1, WIRE_W_THIS) || word_is(c, k - 1, WIRE_W_NEXT) ||
	    word_is(c, k - 1, WIRE_W_LATE) || word_is(c, k - 1, WIRE_W_EARLY)))
		return k - 1;
	/* A day alone, as American copy has it: "Hale Tuesday said". */
	return (c->t[k].lex & L_TIME) ? k : j;
}

/* The first word in -ed in (s, e), a verb after its subject, or e. */
static size_t
ed_word(const struct qctx *c, size_t s, size_t e)
{
	size_t	i;

	for (i = s + 1; i < e; i++)
		if (LOWER(&c->t[i]) && !(c->t[i - 1].lex & L_DET) &&
		    (c->t[i].f & F_ED) && !(c->t[i].lex & L_TITLE))
			return i;
	return e;
}

/*
 * The subject of a clause that begins at lo and whose verb is joined
 * by "and" at k to another: "A group of artists published a letter
 * and called ...".  The subject is a noun phrase at lo with a
 * lower-case word after it.  Without a tagger, the first verb is
 * guessed where a name gives way to lower case ("Trump cut taxes") or
 * at a word in -ed ("The police arrested him").
 */
int
clause_subj(const struct qctx *c, size_t lo, size_t k, size_t *t0,
    size_t *t1)
{
	const struct tok *t = c->t;
	size_t	 s = lo, e, i, last;

	if (s < k && (t[s].lex & L_CONJ))
		s++;
	/* "Now he wants", "Later, Ruiz said": an adverb first. */
	if (s + 1 < k && t[s].kind == K_WORD && (((t[s].lex & L_ADV) &&
	    !(t[s].lex & (L_DET | L_PRON))) || ((t[s].f & F_LY) &&
	    is_comma(c, s + 1))))
		s += 1 + is_comma(c, s + 1);
	/* "He wants", "It expected": a pronoun and a verb. */
	if (s + 1 < k && t[s].kind == K_WORD && PRONOUN(&t[s]) &&
	    LOWER(&t[s + 1]) && !(t[s + 1].lex & (L_SUB | L_CONJ | L_REL |
	    L_PREP))) {
		*t0 = s;
		*t1 = s + 1;
		return 1;
	}
	if (s >= k || (adverbial(&t[s]) && !(t[s].lex & L_DET)) ||
	    (e = np_fwd(c, s, k)) == s)
		return 0;
	for (last = s, i = s; i < e; i++)
		if (t[i].f & F_CAP)
			last = i;
	/*
	 * Where the phrase stopped at a verb already, it is the subject;
	 * a word before a determiner is one ("The firm found the").
	 */
	if (e < k && LOWER(&t[e]) && (t[e].f & (F_ED | F_LY) ||
	    (t[e].lex & (L_ADV | L_CUE)) || (e + 1 < k && !(t[e].lex & (L_SUB | L_CONJ |
	    L_REL | L_PREP | L_PRON | L_DET | L_QUANT | L_TITLE | L_SRC |
	    L_ORG)) && LOWER(&t[e + 1]) && (t[e + 1].lex & L_DET))))
		;
	else if ((i = ed_word(c, s, e)) < e)
		e = i;
	/* Else a name ends where lower case begins. */
	else if (!(t[s].lex & L_DET) && last + 1 < e &&
	    !(t[last].f & F_POSS))
		e = last + 1;
	/* "The leader supports a cut in": no telling; "A group of": one. */
	else if (e >= k || !word_is(c, e, WIRE_W_OF))
		return 0;
	if (e >= k || !LOWER(&t[e]) || (t[e].lex & (L_SUB | L_CONJ | L_REL)))
		return 0;
	*t0 = s;
	*t1 = e;
	return 1;
}

/*
 * Does the preposition at i take a noun and an -ing word for its own
 * ("with one official saying", "after a government warning")?  Other
 * prepositions end a phrase that the participle follows ("made a
 * pitch for the vote, urging").
 */
static int
nominal_prep(const struct qctx *c, size_t i)
{
	return word_is(c, i, WIRE_W_WITH) || word_is(c, i, WIRE_W_WITHOUT) ||
	    word_is(c, i, WIRE_W_AFTER) || word_is(c, i, WIRE_W_BEFORE) ||
	    word_is(c, i, WIRE_W_AMID) || word_is(c, i, WIRE_W_DESPITE) ||
	    word_is(c, i, WIRE_W_FOLLOWING) || word_is(c, i, WIRE_W_BY);
}

/*
 * Is the verb at v a participle hung on a clause, with no subject of
 * its own ("X issued a statement saying", "Critics keep asking")?  Not
 * after an auxiliary ("are saying") or a pronoun, nor after a noun
 * that follows a preposition ("with one official saying", "after a
 * government warning") or a comma: that noun is its subject.  j is
 * where the words before v end, past adverbs and a time phrase.
 */
static int
participle(const struct qctx *c, size_t lo, size_t v, size_t j)
{
	const struct tok *t = c->t, *p;
	size_t	 k;

	if (!(t[v].f & F_ING) || !LOWER(&t[v]) || j == lo)
		return 0;
	p = &t[j - 1];
	if (!LOWER(p) || (p->lex & (L_ADV | L_BE | L_PRON | L_SUB | L_CONJ |
	    L_REL | L_PREP | L_CUE | L_QUANT)))
		return 0;
	for (k = j - 1; k > lo && j - k < 5 && t[k - 1].kind == K_WORD; k--)
		if (t[k - 1].lex & L_PREP)
			return !nominal_prep(c, k - 1);
	/* ", the manager describing it as": its own subject after a comma. */
	return !(k > lo && j - k < 5 && is_comma(c, k - 1));
}

/* Is the verb at v joined by "and" to one before, after lo? */
int
joined(const struct qctx *c, size_t lo, size_t v)
{
	while (v > lo && ADVERB(&c->t[v - 1]))
		v--;
	return v > lo && word_is(c, v - 1, WIRE_W_AND);
}

/*
 * The subject of the verb at v, no further back than lo, into
 * [*t0, *t1).  *app is set when it stands before a phrase in commas
 * ("X, who ..., said").  Returns 0 when there is none.
 */
static int
subj_depth(const struct qctx *c, size_t lo, size_t v, size_t *t0,
    size_t *t1, int *app, int depth)
{
	const struct tok *t = c->t;
	size_t	 j = v, i, k, e, n;

	*app = 0;
	while (j > lo && ADVERB(&t[j - 1]))
		j--;
	j = time_back(c, lo, j);
	while (j > lo && ADVERB(&t[j - 1]))
		j--;
	if (j == lo)
		return 0;
	if (is_comma(c, j - 1))
		return subj_commas(c, lo, j - 1, t0, t1, app,
		    (t[v].f & F_ING) && LOWER(&t[v]));
	/* "He went on to say": the subject of the verb before. */
	if (word_is(c, j - 1, WIRE_W_TO)) {
		for (i = j - 1; i > lo && j - i < 6 && LOWER(&t[i - 1]) &&
		    !(t[i - 1].lex & (L_SUB | L_CONJ | L_REL)) &&
		    !PRONOUN(&t[i - 1]); i--)
			;
		if (i > lo && i < j - 1 && t[i - 1].kind == K_WORD &&
		    (PRONOUN(&t[i - 1]) || (t[i - 1].f & F_CAP)) && depth < 2)
			return subj_depth(c, lo, i, t0, t1, app, depth + 1);
		return 0;
	}
	/*
	 * "She was quoted as saying", "he is heard asking": the subject of
	 * the passive before.
	 */
	if (word_is(c, j - 1, WIRE_W_AS) && j - 1 > lo && word_is(c, j - 2,
	    WIRE_W_QUOTED) && depth < 2)
		return subj_depth(c, lo, j - 2, t0, t1, app, depth + 1);
	if ((t[v].f & F_ING) && j - 1 > lo && LOWER(&t[j - 1]) &&
	    (t[j - 2].lex & L_BE) && LOWER(&t[j - 2]) && depth < 2) {
		for (i = j - 1; i > lo && LOWER(&t[i - 1]) && (t[i - 1].lex &
		    (L_BE | L_ADV)); i--)
			;
		return subj_depth(c, lo, i, t0, t1, app, depth + 1);
	}
	/*
	 * "X published a letter and called ...": X; "... but his lawyer, Ola
	 * Vik, told the court it was wrong and added": the subject of the
	 * verb of saying before, in the clause after "but".
	 */
	if (word_is(c, j - 1, WIRE_W_AND)) {
		for (k = j - 1; k > lo && j - k < PHRASEMAX && !is_hard(c, k - 1) &&
		    !word_is(c, k - 1, WIRE_W_BUT); k--)
			if (LOWER(&t[k - 1]) && (t[k - 1].lex & L_CUE) &&
			    !(t[k - 1].f & F_ING) && depth < 2)
				return subj_depth(c, lo, k - 1, t0, t1, app,
				    depth + 1);
		return clause_subj(c, k > lo && word_is(c, k - 1, WIRE_W_BUT) ?
		    k : lo, j - 1, t0, t1);
	}
	if (participle(c, lo, v, j))
		return clause_subj(c, lo, v, t0, t1);
	if (t[j - 1].kind == K_WORD && PRONOUN(&t[j - 1])) {
		*t0 = j - 1;
		*t1 = j;
		return 1;
	}
	/* "X, who earlier called it ...": the subject of "who" is X. */
	if ((word_is(c, j - 1, WIRE_W_WHO) || word_is(c, j - 1, WIRE_W_WHICH)) &&
	    j - 1 > lo && is_comma(c, j - 2) && depth < 2)
		return subj_depth(c, lo, j - 2, t0, t1, app, depth + 1) &&
		    !*app;
	for (i = j, n = 0; i > lo && n < NPMAX + 4; n++) {
		const struct tok *p = &t[i - 1];

		if (p->kind == K_PUNCT && p->c == ')') {
			if ((k = paren_back(c, lo, i - 1)) == i - 1)
				break;
			i = k;
			continue;
		}
		/* A title inside: "the "Meet the Press" host". */
		if (p->kind == K_QUOTE && c->q[p->q].title && p->c != ',') {
			i--;
			continue;
		}
		/* Not a verb in -ing ("In a letter urging reform the"). */
		if (p->kind != K_WORD || PRONOUN(p) || ADVERB(p) ||
		    (p->lex & (L_SUB | L_REL | L_TIME)) || ((p->lex & L_CUE) &&
		    !(LOWER(p) && (p->f & F_ING))) ||
		    ((p->lex & L_ADV) && !(p->lex & (L_TITLE | L_HON))))
			break;
		if ((p->lex & L_CONJ) && !(word_is(c, i - 1, WIRE_W_AND) &&
		    i - 1 > lo && (t[i - 2].f & F_CAP) && (t[i].f & F_CAP)))
			break;
		/*
		 * "a rate of progress Ms Abbott described as": a noun in
		 * lower case before Mr or Ms is no role of the name.
		 */
		if (i < j && LOWER(&t[i - 1]) && (t[i].lex & L_HON) &&
		    !(t[i - 1].lex & L_QUOTES) && !(t[i - 1].f & F_POSS))
			break;
		/*
		 * "... from injury, with coach Ann Moe saying", "following
		 * a story claiming": from the preposition.
		 */
		if (nominal_prep(c, --i) && (t[v].f & F_ING))
			break;
	}
	if (i == j)
		return 0;
	/*
	 * "With the Harbour Gazette labelling it": the object of "with"
	 * is the subject of the participle after it.
	 */
	if (nominal_prep(c, i) && (t[v].f & F_ING) && i + 1 < j)
		i++;
	/* A phrase in front: "On Sunday Zelensky said". */
	else if ((t[i].lex & L_PREP) && !word_is(c, i, WIRE_W_OF)) {
		i++;
		while (i < j && (t[i].lex & L_DET))
			i++;
		if (++i >= j)
			return 0;
		/* "In a long interview Oduya said": all of its words. */
		while (i + 1 < j && LOWER(&t[i]) && !(t[i].lex & (L_TITLE |
		    L_SRC | L_DET | L_QUANT)) && (t[i + 1].kind == K_WORD))
			i++;
		/*
		 * "In a statement announcing the move the company said":
		 * the last noun phrase that reaches the verb.
		 */
		if (np_fwd(c, i, j) < j)
			for (k = j; k-- > i + 1;)
				if ((t[k].lex & L_DET) && LOWER(&t[k]) &&
				    np_fwd(c, k, j) == j) {
					i = k;
					break;
				}
	}
	if ((e = np_fwd(c, i, j)) == i)
		return 0;
	/*
	 * "Institute of Marine Science ecologist Rhea Tamm said": all, a
	 * role in lower case before the name ("Jon Eske of Radio Nord
	 * said" stays a person of a body).
	 */
	if (e + 1 < j && word_is(c, e, WIRE_W_OF) && (t[i].f & F_CAP) &&
	    (t[e + 1].f & F_CAP) && np_fwd(c, e + 1, j) == j) {
		for (k = e + 1; k < j && !LOWER(&t[k]); k++)
			;
		if (k < j)
			e = j;
	}
	/*
	 * "Party spokeswoman for women Ada Moe said": a role's phrase in
	 * lower case, then the name of two words or more (not "a
	 * spokesman for the Tern Alliance", "for publisher Ink Ltd").
	 */
	if (e + 3 < j && LOWER(&t[e]) && (t[e].lex & L_PREP) &&
	    LOWER(&t[e - 1]) && (t[e - 1].lex & (L_TITLE | L_SRC))) {
		for (k = e + 1; k < j && LOWER(&t[k]) && !(t[k].lex & (L_DET |
		    L_SRC | L_ORG)); k++)
			;
		for (n = k; n < j && t[n].kind == K_WORD && (t[n].f & F_CAP); n++)
			;
		if (k > e + 1 && n == j && j - k >= 2)
			e = j;
	}
	*t0 = i;
	*t1 = e;
	/*
	 * "Brent Bozell, PTC president and conservative activist said",
	 * "Paul Goosens, head of Preventon told": a role whose second
	 * comma is missing; the name before it speaks.
	 */
	if ((e == j && LOWER(&t[e - 1]) && !(t[e - 1].lex & L_PLUR)) ||
	    role_words(c, i, e)) {
		for (k = i; k > lo && i - k < 8 && t[k - 1].kind == K_WORD &&
		    !(t[k - 1].lex & (L_SUB | L_REL | L_CUE | L_PREP)) &&
		    !PRONOUN(&t[k - 1]); k--)
			;
		if (k > lo + 2 && is_comma(c, k - 1) && (n = name_back(c, lo,
		    k - 1)) + 2 <= k - 1) {
			*t0 = n;
			*t1 = k - 1;
		}
	}
	return 1;
}

int
subj(const struct qctx *c, size_t lo, size_t v, size_t *t0, size_t *t1,
    int *app)
{
	return subj_depth(c, lo, v, t0, t1, app, 0);
}

