/*
 * speaker.c: who a noun phrase names: a name, a description or a
 * pronoun resolved (the names a document has given are in names.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quotes.h"

/* ---- speakers --------------------------------------------------- */

/*
 * Append the words [t0, t1) to strs, one space apart, and a NUL;
 * words of the classes skip are left out, and with poss the 's of the
 * last ("Donald Trump's son").  Returns their offset, or NOSTR when there are none or too many bytes
 * for a name.
 */
size_t
put_words(struct qctx *c, size_t t0, size_t t1, int lowfirst,
    uint32_t skip, int poss)
{
	const char	*w, *g;
	size_t		 at = c->strs.len, i, len, end = 0;

	for (i = t0; i < t1; i++) {
		const struct tok *t = &c->t[i];

		if (t->kind != K_WORD || (t->lex & skip))
			continue;
		w = c->text.p + t->off;
		len = t->len;
		/* The name of a possessor: Trump's. */
		if (i + 1 == t1 && (t->f & F_POSS) && poss)
			len -= w[len - 2] == '\'' ? 2 : 4;
		/* "B&B", "Marks & Spencer": the ampersand as written. */
		g = c->text.p + end;
		if (c->strs.len > at && t->off - end <= 4 &&
		    memchr(g, '&', t->off - end) != NULL)
			wire_buf_adds(&c->strs, g[0] == '&' ? "&" : " & ");
		else if (c->strs.len > at)
			wire_buf_addc(&c->strs, ' ');
		end = t->off + t->len;
		if (i == t0 && lowfirst && w[0] >= 'A' && w[0] <= 'Z') {
			wire_buf_addc(&c->strs, w[0] + 32);
			wire_buf_add(&c->strs, w + 1, len - 1);
		} else
			wire_buf_add(&c->strs, w, len);
		if (c->strs.len - at > NAMEMAX) {
			c->strs.len = at;
			return NOSTR;
		}
	}
	if (c->strs.len == at)
		return NOSTR;
	wire_buf_addc(&c->strs, '\0');
	return at;
}

/* A name's hash, to compare names fast. */
uint32_t
name_hash(const char *s, size_t len)
{
	return (uint32_t)wire_hash(s, len);
}

const char *
str(const struct qctx *c, size_t off)
{
	return c->strs.p + off;
}

int
same_name(const struct qctx *c, const struct who *a, const struct who *b)
{
	return a->name != NOSTR && b->name != NOSTR && a->hash == b->hash &&
	    strcmp(str(c, a->name), str(c, b->name)) == 0;
}

/* Is the word w (len bytes) a word of s, in any case? */
static int
has_word(const char *s, const char *w, size_t len)
{
	for (;;) {
		if (strncasecmp(s, w, len) == 0 && (s[len] == ' ' ||
		    s[len] == '\0'))
			return 1;
		if ((s = strchr(s, ' ')) == NULL)
			return 0;
		s++;
	}
}

/*
 * Does the role r hold a word that makes it another office than the
 * description [t0, t1) names, one the description lacks ("Shadow
 * foreign secretary" is not "the Foreign Secretary")?
 */
static int
other_office(const struct qctx *c, const char *r, size_t t0, size_t t1)
{
	static const char *const not_it[] = {
		"shadow", "former", "deputy", "vice", "assistant", "acting"
	};
	size_t	i, k, n;

	for (i = 0; i < sizeof(not_it) / sizeof(not_it[0]); i++) {
		n = strlen(not_it[i]);
		if (!has_word(r, not_it[i], n))
			continue;
		for (k = t0; k < t1; k++)
			if (c->t[k].len == n && strncasecmp(c->text.p +
			    c->t[k].off, not_it[i], n) == 0)
				break;
		if (k == t1)
			return 1;
	}
	return 0;
}

/*
 * The one person named earlier whose role holds every word of the
 * description [t0, t1): "the home secretary" for Home Secretary
 * Charles Clarke.  NOSTR when none fits, AMBIGUOUS when more than one.
 */
#define AMBIGUOUS	(NOSTR - 1)
static size_t
by_role(const struct qctx *c, size_t t0, size_t t1)
{
	const struct tok *t = c->t;
	size_t	 i, k, found = NOSTR;

	for (i = 0; i < c->nnames; i++) {
		if (c->roles[i] == NOSTR || other_office(c, str(c, c->roles[i]),
		    t0, t1))
			continue;
		for (k = t0; k < t1; k++)
			if (t[k].kind != K_WORD || !has_word(str(c,
			    c->roles[i]), c->text.p + t[k].off, t[k].len))
				break;
		if (k < t1)
			continue;
		if (found != NOSTR && strcmp(str(c, c->names[i]),
		    str(c, found)) != 0)
			return AMBIGUOUS;
		found = c->names[i];
	}
	return found;
}

/*
 * Does the quotation being read call w by the first name ("a quiet word
 * with Olof", "... he told")?  No one speaks of himself so.
 */
static int
in_words(const struct qctx *c, const struct who *w)
{
	const char	*s, *sp;

	if (c->qb <= c->qa || w->kind != W_NAME || w->name == NOSTR ||
	    (sp = strchr(s = str(c, w->name), ' ')) == NULL)
		return 0;
	return holds(c->text.p, c->qa, c->qb, s, (size_t)(sp - s), 0);
}

/* The most recent speaker that a pronoun or "one" may stand for. */
static int
recall(struct qctx *c, uint32_t f, struct who *w)
{
	struct who	*h;
	size_t		 i, k;
	int		 g = (f & L_MASC) ? 'm' : (f & L_FEM) ? 'f' : 0;

	/* I, we and you are the writer and the reader: no one quoted. */
	if (!(f & (L_MASC | L_FEM | L_PLUR | L_ORG)))
		return 0;
	for (i = 0; i < c->nhist && i < HIST; i++) {
		h = &c->hist[(c->nhist - 1 - i) % HIST];
		if (f & L_PLUR) {
			if (!h->plural)
				continue;
		} else if (f & L_ORG) {
			if ((!h->org && !(h->bare && h->gender == 0)) ||
			    h->passing)
				continue;
		} else {
			/* He or she: a person, named or "a source". */
			if (h->plural || h->org || (h->kind == W_DESC &&
			    !h->indef) || (h->kind == W_NAME && !h->person &&
			    !h->bare) || (h->gender != 0 && h->gender != g) ||
			    in_words(c, h))
				continue;
			if (h->gender == 0)
				for (k = 0; k < c->nhist && k < HIST; k++)
					if (same_name(c, &c->hist[k], h)) {
						c->hist[k].gender = (uint8_t)g;
						c->hist[k].bare = 0;
						c->hist[k].person = 1;
					}
		}
		*w = *h;
		return 1;
	}
	return (f & (L_PLUR | L_ORG)) == 0 && g != 0 && (first_named(c, g, w) ||
	    seen_named(c, g, w));
}

/*
 * Does the "and" at i join two roles before a name ("chemist and
 * author Petra Lund"), not two people?
 */
int
roles_and(const struct qctx *c, size_t i, size_t t1)
{
	const struct tok *t = c->t;
	size_t	 k;

	if (i == 0 || !LOWER(&t[i - 1]) || (t[i - 1].lex & (L_PREP | L_DET |
	    L_QUANT)))
		return 0;
	for (k = i + 1; k < t1 && LOWER(&t[k]); k++)
		if (t[k].lex & (L_PREP | L_DET | L_QUANT | L_CONJ))
			return 0;
	return k > i + 1 && k < t1 && t[k].kind == K_WORD &&
	    (t[k].f & F_CAP);
}

/*
 * The person (or, without person, the body) named last as a speaker or
 * a subject that a description [t0, t1) stands for: "the 23-year-old",
 * or "the company" after "UK Coal said".  The description is its role.
 * With person 2, a person known as one by sex or role (not "The Final
 * Diagnosis followed") and not in another office of that name
 * ("Shadow harbour secretary" for "the harbour secretary"); with 3,
 * only if that is the last one named.  A body only named in passing
 * ("US magazine Mobile PC") counts with passing.
 */
static int
named_last(struct qctx *c, size_t t0, size_t t1, struct who *w, int person,
    int passing)
{
	const struct who *h;
	size_t	 i;

	for (i = 0; i < c->nhist && i < HIST; i++) {
		h = &c->hist[(c->nhist - 1 - i) % HIST];
		if (h->kind != W_NAME || h->person != (person != 0) ||
		    (h->passing && !passing) ||
		    (!person && !h->org && !h->bare) || (person >= 2 &&
		    ((h->gender == 0 && h->role == NOSTR) || (h->role !=
		    NOSTR && has_word(str(c, h->role), c->text.p +
		    c->t[t1 - 1].off, c->t[t1 - 1].len) && other_office(c,
		    str(c, h->role), t0, t1))))) {
			if (person == 3)
				return 0;
			continue;
		}
		*w = *h;
		w->passing = 0;		/* now a speaker or a subject */
		w->role = put_words(c, t0 + 1, t1, 0, 0, 0);
		if (!person) {
			w->org = 1;
			w->bare = 0;
		}
		return 1;
	}
	return 0;
}

/*
 * "B&B", "AT&T": capitals joined by ampersands, the letters into key
 * (NAMEMAX + 2 bytes) as one word for expand(); returns their count,
 * or 0 for any other name.
 */
static size_t
amp_letters(const char *s, char *key)
{
	size_t	n = 0;

	if (strchr(s, '&') == NULL)
		return 0;
	for (; *s != '\0' && n <= NAMEMAX; s++)
		if (*s >= 'A' && *s <= 'Z')
			key[n++] = *s;
		else if (*s != '&')
			return 0;
	key[n] = '\0';
	return n;
}

/* Does the word look plural: -s, not -ss ("officials", not "press")? */
static int
plural_s(const struct qctx *c, const struct tok *k)
{
	return k->len > 3 && c->text.p[k->off + k->len - 1] == 's' &&
	    c->text.p[k->off + k->len - 2] != 's';
}

/*
 * The person named last as a speaker or a subject with the word h in
 * the role ("Nogar's son Stephen" for "his son").
 */
static int
in_role(struct qctx *c, const struct tok *h, struct who *w)
{
	const struct who *p;
	size_t	 i;

	for (i = 0; i < c->nhist && i < HIST; i++) {
		p = &c->hist[(c->nhist - 1 - i) % HIST];
		if (p->kind == W_NAME && p->role != NOSTR && has_word(str(c,
		    p->role), c->text.p + h->off, h->len)) {
			*w = *p;
			return 1;
		}
	}
	return 0;
}

/* Is the token an age: "23-year-old"? */
static int
aged(const struct qctx *c, const struct tok *h)
{
	static const char	 yo[] = "-year-old";
	size_t			 n = sizeof(yo) - 1;

	return (h->f & F_NUM) && h->len > n && memcmp(c->text.p + h->off +
	    h->len - n, yo, n) == 0;
}

/*
 * What is said in a document is its author's: "a National Audit Office
 * report", "an FA statement" are the body's in capitals before the
 * noun (a short name or a surname read in full); "the report" after is
 * the author's last given one.  The description is the role.
 */
static int
authored(struct qctx *c, size_t t0, size_t t1, struct who *w)
{
	const struct tok *h = &c->t[t1 - 1];
	size_t	 k, full;

	for (k = t1 - 1; k > t0 && (c->t[k - 1].f & F_CAP) &&
	    c->t[k - 1].kind == K_WORD && !(c->t[k - 1].lex & (L_DET |
	    L_TITLE | L_HON | L_TIME)) && !(c->t[k - 1].f & F_POSS); k--)
		;
	if (k == t1 - 1) {
		if (t1 - t0 != 2 || !word_is(c, t0, WIRE_W_THE))
			return 0;
		return in_role(c, h, w);
	}
	if (k != t0 + 1 && !(k == t0 && (c->t[t0].f & F_CAP)))
		return 0;
	memset(w, 0, sizeof(*w));
	w->kind = W_NAME;
	w->name = put_words(c, k, t1 - 1, 0, 0, 0);
	if (w->name == NOSTR)
		return 0;
	if (t1 - 1 - k == 1 && (full = expand(c, str(c, w->name),
	    strlen(str(c, w->name)))) != NOSTR)
		w->name = full;
	w->org = 1;
	w->role = put_words(c, k, t1, 0, 0, 0);
	w->hash = name_hash(str(c, w->name), strlen(str(c, w->name)));
	remember(c, w->name, w->role);
	return 1;
}

/*
 * "The Archbishop of Canterbury", "the Mayor of Lund": a title, "of" and
 * one name before n0, the name's last word, is an office.  Its holder
 * is the one person named with it for a role ("the Archbishop of
 * Canterbury, Dr Rowan Williams,"); else it is a description.
 */
static int
office_of(struct qctx *c, size_t t0, size_t n0, struct who *w)
{
	const struct tok *t = c->t;
	size_t	 r0, full;

	if (n0 < t0 + 2 || !word_is(c, n0 - 1, WIRE_W_OF) ||
	    t[n0 - 2].kind != K_WORD || !(t[n0 - 2].f & F_CAP) ||
	    !(t[n0 - 2].lex & L_TITLE))
		return 0;
	for (r0 = t0; r0 < n0 && (t[r0].lex & L_DET); r0++)
		;
	memset(w, 0, sizeof(*w));
	w->role = put_words(c, r0, n0 + 1, 0, 0, 0);
	if ((full = by_role(c, r0, n0 + 1)) != NOSTR && full != AMBIGUOUS) {
		w->kind = W_NAME;
		w->name = full;
		w->person = 1;
		w->hash = name_hash(str(c, full), strlen(str(c, full)));
		return 1;
	}
	w->kind = W_DESC;
	w->name = put_words(c, t0, n0 + 1, (t[t0].lex & L_DET) != 0, 0, 0);
	w->role = NOSTR;
	return 1;
}

/*
 * The person a description of one, [t0, t1), stands for: "the home
 * secretary" is the one person named with that role (Home Secretary
 * Charles Clarke); "the minister", with none, the person named as the
 * subject of the sentence before ("Ann Moe spoke.  The minister
 * said"), if of the same sex.  The description becomes the role.
 */
static int
described(struct qctx *c, size_t t0, size_t t1, struct who *w)
{
	const struct tok *h = &c->t[t1 - 1];
	struct who	 p;
	size_t	 full, k;
	int	 office, g = (h->lex & L_MASC) ? 'm' : (h->lex & L_FEM) ? 'f' : 0;

	if (t1 - t0 < 2 || (h->lex & L_PLUR))
		return 0;
	/* "His son said": the one quoted last with "son" in the role. */
	if ((c->t[t0].lex & L_DET) && (c->t[t0].lex & (L_MASC | L_FEM)))
		return t1 - t0 == 2 && in_role(c, h, w);
	if ((h->lex & L_SPN) && LOWER(h) && !(h->lex & (L_TITLE | L_SRC)) &&
	    authored(c, t0, t1, w))
		return 1;
	if (!word_is(c, t0, WIRE_W_THE))
		return 0;
	/*
	 * "The 23-year-old", "the Australian", "the 24-year-old Swiss": the
	 * person named last.
	 */
	if (aged(c, h) || (h->lex & L_NAT))
		return named_last(c, t0, t1, w, 1, 0);
	/*
	 * "The company said": the body named last (UK Coal); "the
	 * magazine", the last named with that noun (US magazine Mobile PC).
	 */
	if ((h->lex & L_ORG) && !(h->lex & (L_TITLE | L_SRC))) {
		if (named_last(c, t0, t1, w, 0, 0))
			return 1;
		if (t1 - t0 == 2 && in_role(c, h, &p) && p.org) {
			*w = p;
			w->passing = 0;
			w->role = put_words(c, t0 + 1, t1, 0, 0, 0);
			return 1;
		}
		return t1 - t0 == 2 && named_last(c, t0, t1, w, 0, 1);
	}
	if (!(h->lex & (L_TITLE | L_SRC)))
		return 0;
	if ((full = by_role(c, t0 + 1, t1)) == AMBIGUOUS)
		return 0;
	if (full == NOSTR && c->subj.kind == W_NAME && c->subjsent + 1 ==
	    c->nsent && (h->lex & (L_TITLE | L_SRC)) != (L_TITLE | L_SRC) &&
	    (g == 0 || c->subj.gender == 0 || c->subj.gender == g)) {
		*w = c->subj;
		full = c->subj.name;
	} else if (full == NOSTR) {
		/*
		 * Else the person named last, if known by sex or role and no
		 * other ("the French coach"), not for a source ("the
		 * spokesman") nor a body ("the Executive").  A role of titles
		 * alone names an office, often held by someone named only in
		 * passing: the person must be named in the sentence before
		 * ("..., Jack Straw said.  The foreign secretary told MPs").
		 */
		for (k = t0 + 1; k + 1 < t1 && (c->t[k].lex & L_TITLE); k++)
			;
		office = k + 1 >= t1;
		if (!LOWER(h) || (h->lex & L_SRC) || (office && c->lastsent +
		    1 < c->nsent) || !named_last(c, t0, t1, &p, office ? 3 :
		    2, 0) || (g != 0 && p.gender != 0 && p.gender != g))
			return 0;
		*w = p;
		full = p.name;
	}
	w->kind = W_NAME;
	w->name = full;
	w->role = put_words(c, t0 + 1, t1, 0, 0, 0);
	w->person = 1;
	return 1;
}

/*
 * Can the description [t0, t1) name someone?  Not when it ends in a
 * verb or an adverb ("been", "already", "quoted", "hit back"), or
 * opens with a verb in -ing and its object, nor when it is one word
 * that is no noun of a source, a body or what is said, and no plural
 * ("director" alone is a role, not who).
 */
static int
noun(const struct qctx *c, size_t t0, size_t t1)
{
	const struct tok *h = &c->t[t1 - 1];

	if (LOWER(h) && ((h->lex & (L_BE | L_ADV | L_CUE | L_PREP)) ||
	    (h->f & (F_LY | F_ED | F_ING))))
		return 0;
	/* "sending a message", not "striking workers". */
	if (t1 - t0 > 2 && LOWER(&c->t[t0]) && (c->t[t0].f & F_ING) &&
	    (c->t[t0 + 1].lex & L_DET))
		return 0;
	if (t1 - t0 > 1 || !LOWER(h) || (h->f & F_NUM))
		return 1;
	return (h->lex & (L_SRC | L_ORG | L_SPN | L_PLUR)) || plural_s(c, h);
}

/*
 * Is a name after the words [t0, n0) the title of a work: right after
 * a film, a novel ("the novel Airport", "French film A Very Long
 * Engagement"), not a film critic?
 */
static int
work_title(const struct qctx *c, size_t t0, size_t n0)
{
	const struct tok *t = c->t;

	if (n0 > t0 && (t[n0 - 1].lex & L_DET))
		n0--;
	return n0 > t0 && LOWER(&t[n0 - 1]) && (t[n0 - 1].lex & L_WORK);
}

/* Is there a comma in the tokens [i, e)? */
static int
has_comma(const struct qctx *c, size_t i, size_t e)
{
	for (; i < e; i++)
		if (c->t[i].kind == K_PUNCT && c->t[i].c == ',')
			return 1;
	return 0;
}

/* Is token i a verb in -ed ("rejected", not "seed") after a noun? */
static int
verb_after(const struct qctx *c, size_t i)
{
	const struct tok *t = c->t, *p = &c->t[i - 1];
	const char	*w = c->text.p + t[i].off;

	return LOWER(&t[i]) && (t[i].f & F_ED) && t[i].len > 4 &&
	    w[t[i].len - 3] != 'e' && p->kind == K_WORD && ((p->f & F_CAP) ||
	    (p->lex & (L_SRC | L_ORG | L_PLUR)) || plural_s(c, p));
}

/* The body [b0, b1) a source speaks for ("a spokesman for Dell"). */
static void
body_of(struct qctx *c, size_t b0, size_t b1)
{
	struct who	 b;

	memset(&b, 0, sizeof(b));
	b.role = NOSTR;
	if ((b.name = put_words(c, b0, b1, 0, L_HON, 0)) == NOSTR)
		return;
	b.kind = W_NAME;
	b.org = 1;
	b.hash = name_hash(str(c, b.name), strlen(str(c, b.name)));
	push(c, &b);
}

/*
 * The speaker named by the words [t0, t1): a pronoun resolved, a name
 * split from its title ("German Chancellor Friedrich Merz"), or a
 * description kept as written ("a European source").
 */
void
make_who(struct qctx *c, size_t t0, size_t t1, struct who *w)
{
	const struct tok *t = c->t, *k;
	size_t	 n0, i, r0, full, hd;
	int	 and = 0, quant = 1;
	char	 key[NAMEMAX + 2];

	memset(w, 0, sizeof(*w));
	w->name = w->role = NOSTR;
	/*
	 * "Ann Moe MP", "Ola Berg QC": the name without its letters ("the
	 * Ealing North MP" is a description).
	 */
	for (i = t0 + 1; i + 1 < t1 && (t[i].f & F_CAP); i++)
		;
	if (t1 > t0 + 2 && !((t[t0].lex & L_DET) && i + 1 == t1) &&
	    (t[t1 - 1].lex & L_TITLE) && wire_shouting(
	    c->text.p + t[t1 - 1].off, t[t1 - 1].len) && (t[t1 - 2].f & F_CAP) &&
	    (t[t1 - 3].f & F_CAP) && !((t[t1 - 2].lex | t[t1 - 3].lex) &
	    (L_DET | L_TITLE | L_HON)))
		t1--;
	/*
	 * "Mr Balls rejected the claim", "critics welcomed it": a name or
	 * a noun, then a verb in -ed and its object; the subject ends there.
	 */
	for (i = t0 + 1; i + 1 < t1; i++)
		if (verb_after(c, i) && ((t[i + 1].lex & L_DET) ||
		    (t[i + 1].f & F_CAP)))
			t1 = i;
	if (t1 - t0 == 1 && PRONOUN(&t[t0])) {
		/* In a block quotation (see block_who) I and we are its author. */
		if ((word_is(c, t0, WIRE_W_I) || word_is(c, t0, WIRE_W_WE)) &&
		    c->prevcolon && c->prevpara.kind != W_NONE)
			*w = c->prevpara;
		else
			recall(c, t[t0].lex, w);
		return;
	}
	for (i = t0; i < t1; i++) {
		if (word_is(c, i, WIRE_W_AND) && !roles_and(c, i, t1))
			and = 1;
		if (!(t[i].lex & (L_QUANT | L_DET)) && !word_is(c, i, WIRE_W_OF) &&
		    !word_is(c, i, WIRE_W_THEM))
			quant = 0;
	}
	/* "One said": one of the group named last. */
	if (quant) {
		if (t1 == t0 || recall(c, L_PLUR, w))
			return;
		/* With no group before it, "one" is all that is known. */
		for (i = t0; i < t1 && !(t[i].lex & L_QUANT); i++)
			;
		/* "the" alone is no one. */
		if (i == t1)
			return;
	}
	for (n0 = t1; n0 > t0; n0--) {
		k = &t[n0 - 1];
		/* A first name that is also a preposition: Per Aas. */
		if (k->kind == K_WORD && (k->f & F_CAP) && (k->lex & L_PREP) &&
		    n0 < t1 && !(k->lex & ~L_PREP))
			continue;
		/* A surname that is also a title: Simon Champion. */
		if (n0 == t1 && n0 - 1 > t0 && TITLE_SURNAME(k))
			continue;
		/* "the (young) Swiss" is a description, "Swiss Re" a name. */
		if ((k->lex & L_NAT) && n0 == t1 && n0 - 1 > t0 &&
		    word_is(c, t0, WIRE_W_THE) && descr(c, t0 + 1, n0 - 1))
			break;
		if (k->kind != K_WORD || !(k->f & F_CAP) || (k->lex & (L_TITLE |
		    L_HON | L_DET | L_QUANT | L_SRC | L_PRON | L_PREP | L_CONJ |
		    L_SUB | L_CUE | L_TIME)) || ((k->f & F_POSS) && n0 < t1))
			break;
	}
	/*
	 * "analysts at Citigroup": a description, its head before "at";
	 * the body is one that "it" or "the company" may mean after.
	 */
	for (hd = t1 - 1, i = t0 + 1; i < n0 && n0 < t1; i++)
		if (src_of(c, i, t0, t1) && !has_comma(c, i, t1)) {
			hd = i - 1;
			body_of(c, i + 1, t1);
			n0 = t1;
		}
	if (!and && n0 + 1 == t1 && office_of(c, t0, n0, w))
		;	/* "the Archbishop of Canterbury" */
	else if (!and && n0 == t1 && hd + 1 == t1 && described(c, t0, t1, w))
		;	/* a person named before */
	else if (and || n0 == t1) {
		w->kind = W_DESC;
		w->name = put_words(c, t0, t1, (t[t0].lex & (L_DET | L_QUANT |
		    L_SRC)) != 0, 0, 0);
		k = &t[hd];
		w->plural = and || (k->lex & L_PLUR) || (LOWER(k) &&
		    plural_s(c, k) && !(k->lex & L_ORG));
		w->org = !w->plural && (k->lex & L_ORG) != 0;
		w->indef = (t[t0].lex & L_INDEF) != 0;
	} else {
		w->kind = W_NAME;
		w->name = put_words(c, n0, t1, 0, L_HON, 0);
		w->person = n0 + 1 < t1;
		for (r0 = t0; r0 < n0 && (t[r0].lex & (L_DET | L_HON)); r0++)
			;
		w->role = put_words(c, r0, n0, 0, L_HON, 0);
		if (w->name != NOSTR && (n0 + 1 == t1 ||
		    (hd = amp_letters(str(c, w->name), key)) > 0)) {
			/* Letters are a body's name (IMF, IBM), maybe short. */
			if (n0 + 1 == t1)
				hd = strlcpy(key, str(c, w->name), sizeof(key));
			w->org = wire_shouting(key, hd);
			if (hd < sizeof(key) && (full = expand(c, key, hd)) !=
			    NOSTR) {
				w->person = !w->org;
				w->name = full;
			} else if (!w->org && (wire_stopword(str(c, w->name),
			    strlen(str(c, w->name))) || (t[n0].lex & L_ADV)))
				w->name = NOSTR;	/* "There are", "Sadly" */
		}
		remember(c, w->name, w->role);
		for (i = t0; i < n0; i++)
			if (t[i].lex & (L_HON | L_TITLE))
				w->person = 1;
		for (i = n0; i < t1; i++)
			if (t[i].lex & L_ORG)
				w->org = 1;
		/*
		 * "Mexican outfit Red Sharks Veracruz": a body's name, but
		 * "games maker Peter Molyneux" is a man's.
		 */
		if (n0 > r0 && LOWER(&t[n0 - 1]) && (t[n0 - 1].lex & L_ORG) &&
		    !(t[n0 - 1].lex & (L_TITLE | L_SRC)) &&
		    !(t[n0].lex & (L_MASC | L_FEM)))
			w->org = 1;
		if (w->org)
			w->person = 0;
		w->bare = !w->person && !w->org && w->role == NOSTR;
	}
	/*
	 * "actress", "his": a word of one sex; a first name ("Ann", not
	 * "Ola Russell") only before the last word of a name.
	 */
	for (i = t0; i < t1; i++)
		if (t[i].lex & (L_MASC | L_FEM) && !(t[i].lex & L_DET) &&
		    (!FIRSTNAME(&t[i]) || (w->kind == W_NAME && i >= n0 &&
		    i + 1 < t1)))
			w->gender = (t[i].lex & L_MASC) ? 'm' : 'f';
	if (w->gender != 0 && w->kind == W_NAME) {
		w->person = 1;
		w->bare = 0;
	}
	if (w->name == NOSTR || (w->kind == W_DESC && !noun(c, t0, t1)) ||
	    (w->kind == W_NAME && work_title(c, t0, n0)))
		w->kind = W_NONE;
	else
		w->hash = name_hash(str(c, w->name), strlen(str(c, w->name)));
}

/* Remember a speaker as the most recent one. */
void
push(struct qctx *c, const struct who *w)
{
	struct who	*h;
	size_t		 i;
	uint8_t		 g = w->gender, person = w->person, bare = w->bare;
	uint8_t		 org = w->org, passed = 0;

	if (w->kind == W_NONE)
		return;
	/* What is known of the name; one in passing is a body, no more. */
	for (i = 0; i < c->nhist && i < HIST; i++)
		if (same_name(c, &c->hist[i], w) && !c->hist[i].passing) {
			if (g == 0)
				g = c->hist[i].gender;
			person |= c->hist[i].person;
			bare &= c->hist[i].bare;
		} else if (same_name(c, &c->hist[i], w))
			passed = 1;
	org |= passed && !person;
	if (c->nhist > 0) {
		h = &c->hist[(c->nhist - 1) % HIST];
		if (same_name(c, h, w)) {
			h->gender = g;
			h->person = person;
			h->bare = bare && !person;
			h->org |= w->org;	/* "the company" said it */
			h->passing &= w->passing;
			return;
		}
	}
	h = &c->hist[c->nhist++ % HIST];
	*h = *w;
	h->gender = g;
	h->person = person;
	h->bare = bare && !person;
	h->org = org;
}
