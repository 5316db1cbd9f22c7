/*
 * attrib.c: attribution: which speaker and verb each quotation gets.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* ---- attribution ------------------------------------------------ */

static size_t
put_cue(struct qctx *c, size_t v)
{
	size_t	at;

	if (word_is(c, v, WIRE_W_ACCORDING)) {
		at = c->strs.len;
		wire_buf_add(&c->strs, "according to", 13);
		return at;
	}
	return put_words(c, v, v + 1, 1, 0, 0);
}

static int
set_who(struct qctx *c, struct quo *q, size_t t0, size_t t1, size_t v)
{
	make_who(c, t0, t1, &q->who);
	q->cue = put_cue(c, v);
	c->t[v].f |= F_USED;
	return 1;
}

/*
 * Is the verb at v a passive ("has been called", "was quoted")?  Its
 * speaker is then the one after "by", if any, and never its subject.
 */
int
passive(const struct qctx *c, size_t v, size_t lo)
{
	const struct tok *t = c->t;

	if (!(t[v].f & F_ED) && !word_is(c, v, WIRE_W_TOLD) &&
	    !word_is(c, v, WIRE_W_SAID))
		return 0;
	while (v > lo && ADVERB(&t[v - 1]) && !(t[v - 1].lex & L_BE))
		v--;
	return v > lo && (t[v - 1].lex & L_BE) && LOWER(&t[v - 1]);
}

/* "... by X": the agent of a passive, after the verb at v. */
static int
agent(struct qctx *c, struct quo *q, size_t v, size_t se)
{
	size_t	i, e;

	for (i = v + 1; i + 1 < se && i < v + 12; i++) {
		if (c->t[i].kind == K_PUNCT && c->t[i].c != ',')
			break;
		if (word_is(c, i, WIRE_W_BY) && (e = np_fwd(c, i + 1, se)) > i + 1)
			return set_who(c, q, i + 1, e, v);
	}
	return 0;
}

/* Only adverbs between tokens i and j. */
static int
adverbs(const struct qctx *c, size_t i, size_t j)
{
	for (; i < j; i++)
		if (!ADVERB(&c->t[i]))
			return 0;
	return 1;
}

/*
 * A verb of saying and its subject at the start of the tokens [i, hi):
 * "X said", "X, who ..., said", "said X", "according to X".  With loose
 * clear, the subject may have a phrase after it ("an official familiar
 * with the matter said").
 */
static int
cue_first(struct qctx *c, struct quo *q, size_t i, size_t hi, int loose)
{
	const struct tok *t = c->t;
	size_t	 v, e, j, t0, t1;
	int	 app;

	if (i >= hi || t[i].kind != K_WORD)
		return 0;
	if (t[i].lex & L_CUE) {
		if (word_is(c, i, WIRE_W_ACCORDING)) {
			if (i + 2 < hi && word_is(c, i + 1, WIRE_W_TO) &&
			    (e = np_fwd(c, i + 2, hi)) > i + 2)
				return set_who(c, q, i + 2, e, i);
			return 0;
		}
		if (!(t[i].lex & L_INV))
			return 0;
		for (j = i + 1; j < hi && ADVERB(&t[j]); j++)
			;
		/* "said the firm's chief, Ada Moe.": the name in commas. */
		if ((e = np_fwd(c, j, hi)) > j && (v = role_name(c, j, e)) > 0 &&
		    v <= hi)
			return set_who(c, q, j, v, i);
		if (e > j)
			return set_who(c, q, j, e, i);
		/*
		 * ""...," said Friday.": a day or month alone after the verb,
		 * with the sentence ending there, is no time but the subject.
		 */
		if (j < hi && j == i + 1 && t[j].kind == K_WORD &&
		    (t[j].f & F_CAP) && (t[j].lex & L_TIME) && (j + 1 == hi ||
		    (t[j + 1].kind == K_PUNCT && (t[j + 1].f & F_SEND)) ||
		    (j + 2 == hi && t[j + 1].kind == K_PUNCT &&
		    t[j + 1].c == '.')))
			return set_who(c, q, j, j + 1, i);
		return 0;
	}
	for (v = i; v < hi && v < i + CUEMAX; v++) {
		if (t[v].kind == K_PUNCT && t[v].c != ',' && t[v].c != '(' &&
		    t[v].c != ')' && t[v].c != '-')
			return 0;
		if (t[v].kind == K_QUOTE && !c->q[t[v].q].title)
			return 0;
		/* "the paper quoted Mr Chernin as saying": Chernin. */
		if (word_is(c, v, WIRE_W_QUOTED) && (e = np_fwd(c, v + 1,
		    hi)) > v + 1 && e + 1 < hi && word_is(c, e, WIRE_W_AS) &&
		    (t[e + 1].lex & L_CUE))
			return set_who(c, q, v + 1, e, e + 1);
		if (t[v].kind == K_WORD && (t[v].lex & L_CUE) &&
		    !word_is(c, v, WIRE_W_ACCORDING))
			break;
	}
	if (v >= hi || v >= i + CUEMAX)
		return 0;
	if (!subj(c, i, v, &t0, &t1, &app) || t0 != i || passive(c, v, i))
		return 0;
	if (!loose && !app && !adverbs(c, t1, time_back(c, t1, v)))
		return 0;
	return set_who(c, q, t0, t1, v);
}

/* After the quotation: "...," X said. */
static int
after(struct qctx *c, struct quo *q, size_t qt, size_t hi)
{
	const struct tok *t = c->t;
	size_t	 i = qt + 1;
	int	 comma;

	comma = t[qt].c == ',' || t[qt].c == '?' || t[qt].c == '!' ||
	    t[qt].c == '-';
	if (i < hi && t[i].kind == K_PUNCT && (t[i].c == ',' || t[i].c == '-')) {
		i++;
		comma = 1;
	}
	/*
	 * ""...." Mayor Rita Ohm said the town was "grateful."": a
	 * sentence after a full stop with a quotation of its own: its cue
	 * is that one's.
	 */
	if (!comma && t[qt].c == '.' && hi < c->nt && is_q(c, hi))
		return 0;
	if (cue_first(c, q, i, hi, comma))
		return 1;
	if (!comma)
		return 0;
	/* "...," like the markets, said X: a phrase put in between. */
	for (; i + 1 < hi && i < qt + CUEMAX; i++) {
		if (is_hard(c, i))
			return 0;
		if (is_comma(c, i) && (t[i + 1].lex & L_INV))
			return cue_first(c, q, i + 1, hi, 1);
	}
	return 0;
}

/*
 * Is the verb of saying at v put in between commas before its subject,
 * a name or a description, with the words it reports around it ("It
 * was, says Mr Ruiz, a "great leap"", "..., a certainty, said Ann Moe
 * at UBS.")?  The subject ends at a comma, or, with end, at the end of
 * the sentence or a preposition after a name; *e gets where, before lim.
 */
static int
inserted(const struct qctx *c, size_t v, size_t lim, int end, size_t *e)
{
	const struct tok *t = c->t;
	size_t	 i;

	if (v == 0 || !(t[v].lex & L_INV) || !is_comma(c, v - 1) ||
	    v + 1 >= lim || (t[v + 1].lex & L_PRON))
		return 0;
	*e = np_fwd(c, v + 1, lim);
	for (i = v + 1; i < *e; i++)
		if (t[i].kind != K_WORD || (!(t[i].f & F_CAP) &&
		    !(t[v + 1].lex & L_DET)) || (t[i].f & F_ED))
			return 0;
	return *e > v + 1 && *e < lim && (is_comma(c, *e) || (end &&
	    ((t[*e].f & F_SEND) || (t[*e - 1].f & F_SEND) ||
	    ((t[*e].lex & L_PREP) && (t[*e - 1].f & F_CAP)))));
}

/*
 * A noun for what is said and its author, before the quotation at qt
 * with no verb of saying: "a report by Politico that he "fabricated"
 * it", "this headline from the Washington Post: "..."".  The author
 * must be a name ("from last year" is none).
 */
static int
spoken_by(struct qctx *c, struct quo *q, size_t qt, size_t lo)
{
	const struct tok *t = c->t;
	size_t	 k, a, e;

	for (k = qt; k-- > lo && qt - k < CUEMAX;) {
		if (!(t[k].lex & L_SPN) || k + 2 >= qt ||
		    !(word_is(c, k + 1, WIRE_W_BY) || word_is(c, k + 1, WIRE_W_FROM)))
			continue;
		for (a = k + 2; a < qt && (t[a].lex & L_DET); a++)
			;
		if (a >= qt || t[a].kind != K_WORD || !(t[a].f & F_CAP) ||
		    (e = np_fwd(c, k + 2, qt)) <= a)
			continue;
		return set_who(c, q, k + 2, e, k);
	}
	return 0;
}

/*
 * "- Harbour boss Tilda Maren: "..."": a person's name and a colon
 * with no verb, as in lists of what each side said.  The name opens
 * its sentence, after a dash if any.
 */
static int
colon_name(struct qctx *c, struct quo *q, size_t qt, size_t ss)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 s = ss, k;

	if (qt < ss + 2 || t[qt - 1].kind != K_PUNCT || t[qt - 1].c != ':')
		return 0;
	while (s < qt - 1 && t[s].kind == K_PUNCT && t[s].c == '-')
		s++;
	for (k = s; k < qt - 1; k++)
		if (t[k].kind != K_WORD || (t[k].lex & (L_CUE | L_PREP |
		    L_SUB | L_REL | L_CONJ)) || PRONOUN(&t[k]))
			return 0;
	if (k == s || k - s > NPMAX)
		return 0;
	make_who(c, s, k, &w);
	if (w.kind != W_NAME || !w.person)
		return 0;
	q->who = w;
	return 1;
}

/*
 * Before the quotation in its sentence: the nearest verb of saying and
 * its subject (X told reporters: "..."; X called it "...").  A verb with
 * no subject of its own ("Calling it "painful", X said"; "X said,
 * adding: "..."") takes that of another in the sentence.
 */
static int
before(struct qctx *c, struct quo *q, size_t qt, size_t lo, size_t ss,
    size_t se)
{
	const struct tok *t = c->t;
	size_t	 v, u, t0, t1, e;
	int	 app;

	for (v = qt; v > lo; v--)
		if (t[v - 1].kind == K_WORD && (t[v - 1].lex & L_CUE))
			break;
	if (v == lo)
		return spoken_by(c, q, qt, lo) || colon_name(c, q, qt, ss);
	v--;
	if (word_is(c, v, WIRE_W_ACCORDING)) {
		if (v + 2 < qt && word_is(c, v + 1, WIRE_W_TO) &&
		    (e = np_fwd(c, v + 2, qt)) > v + 2)
			return set_who(c, q, v + 2, e, v);
		return 0;
	}
	/* "But, says Nick Ruiz, it was not "the thing"": put in between. */
	if (inserted(c, v, qt, 0, &e))
		return set_who(c, q, v + 1, e, v);
	/* "X was asked: "..."": someone unnamed asked. */
	if (passive(c, v, lo)) {
		if (!agent(c, q, v, se))
			q->cue = put_cue(c, v);
		return 1;
	}
	/* "Said assistant coach Per Lund: "..."": it opens the sentence. */
	if (v == ss && (t[v].lex & L_INV) && (e = np_fwd(c, v + 1, qt)) >
	    v + 1)
		return set_who(c, q, v + 1, e, v);
	if (subj(c, ss, v, &t0, &t1, &app))
		return set_who(c, q, t0, t1, v);
	for (u = v; u > ss && v - u < LOOKBACK; u--)
		if ((t[u - 1].lex & L_CUE) && subj(c, ss, u - 1, &t0, &t1, &app))
			goto found;
	for (u = qt + 1; u < se && u < qt + CUEMAX; u++)
		if ((t[u].lex & L_CUE) && t[u].kind == K_WORD &&
		    subj(c, ss, u, &t0, &t1, &app))
			goto found;
	return 0;
found:
	make_who(c, t0, t1, &q->who);
	q->cue = put_cue(c, v);
	return 1;
}

/* Is the quotation at token qt a fragment inside a sentence? */
static int
fragment(const struct qctx *c, size_t qt, size_t ss, size_t se)
{
	const struct tok *p;
	const struct seg *g;
	size_t		 i, n;
	int32_t		 ch;

	if (qt == ss)
		return 0;
	p = &c->t[qt - 1];
	/*
	 * After a comma, a quotation is whole ('one said, "we have ..."')
	 * unless the writer's words go on after it ('Given that, "low
	 * yields" are certain'), when its case decides.
	 */
	if (p->kind == K_PUNCT && (p->c != ',' || qt + 1 >= se ||
	    c->t[qt + 1].kind != K_WORD))
		return 0;
	/* So may one after a quotation ending in a comma: '"A," "B," X said'. */
	if (p->kind == K_QUOTE && p->c != ',')
		return 1;
	/* A verb of saying or a comma may bring in a whole sentence. */
	if (p->kind == K_WORD && !(p->lex & L_CUE))
		return 1;
	g = lastseg((struct qctx *)c, c->t[qt].q);
	for (i = g->a; i < g->b; i += n) {
		ch = wire_utf8_dec(c->text.p + i, g->b - i, &n);
		if (wire_uclass(ch) & (WIRE_C_ALPHA | WIRE_C_DIGIT))
			return !wire_isupper(ch);
	}
	return 1;
}

void
set_last(struct qctx *c, const struct who *w, int quote)
{
	if (w->kind == W_NONE)
		return;
	push(c, w);
	c->lastsent = c->nsent;
	/*
	 * prevquote says, for now, whether this paragraph's last speaker
	 * was quoted: what a quotation opening the next one goes on from.
	 */
	if (quote || !same_name(c, &c->paralast, w))
		c->prevquote = quote;
	c->paralast = *w;
}

/*
 * A paragraph after one that ends "X wrote:" is X's words, set off
 * without marks (a block quotation); a quotation inside it with no
 * speaker of its own is X's too.
 */
static int
block_who(struct qctx *c, struct quo *q)
{
	if (!c->prevcolon || c->prevpara.kind == W_NONE)
		return 0;
	q->who = c->prevpara;
	return 1;
}

/* The first verb of saying in [s, e), near s; or e. */
static size_t
first_cue(const struct qctx *c, size_t s, size_t e)
{
	size_t	v;

	for (v = s; v < e && v < s + CUEMAX; v++)
		if (c->t[v].kind == K_WORD && (c->t[v].lex & L_CUE))
			return v;
	return e;
}

/*
 * Does the verb of saying of the sentence [s, e) take an object of its
 * own ("Critics accused the mayor of ...", "Norway confirmed their
 * progress")?  Then the sentence is about that, not the quotation
 * before it.  "Said", "asked" and the like, which stand before their
 * subjects, and "told" with whom, are not read so.
 */
static int
own_object(const struct qctx *c, size_t s, size_t e)
{
	const struct tok *t = c->t;
	size_t	 v = first_cue(c, s, e);

	if (v + 1 >= e || (t[v].lex & L_INV) ||
	    word_is(c, v, WIRE_W_TOLD) || word_is(c, v, WIRE_W_TELLS) ||
	    word_is(c, v, WIRE_W_TELL) || word_is(c, v, WIRE_W_TELLING) ||
	    word_is(c, v, WIRE_W_SAY) || word_is(c, v, WIRE_W_SAYING) ||
	    word_is(c, v, WIRE_W_ACCORDING))
		return 0;
	return t[v + 1].kind == K_WORD && !(t[v + 1].lex & (L_PREP | L_SUB |
	    L_TIME | L_ADV)) && !(t[v + 1].f & F_LY);
}

/*
 * A verb of saying later in the sentence [ss, se) of the quotation at
 * qt, with its subject after a comma: "..., Zelensky said", "according
 * to X"; or joined to a clause: "X published a letter on the "..." and
 * called".
 */
static int
later(struct qctx *c, struct quo *q, size_t qt, size_t ss, size_t se)
{
	const struct tok *t = c->t;
	size_t	 v, t0, t1;
	int	 app;

	for (v = qt + 1; v < se && v < qt + CUEMAX; v++) {
		if (t[v].kind != K_WORD || !(t[v].lex & L_CUE))
			continue;
		if (v > qt + 1 && inserted(c, v, se, 1, &t1))
			return set_who(c, q, v + 1, t1, v);
		if (word_is(c, v, WIRE_W_ACCORDING)) {
			if (v + 2 < se && word_is(c, v + 1, WIRE_W_TO) &&
			    (t1 = np_fwd(c, v + 2, se)) > v + 2)
				return set_who(c, q, v + 2, t1, v);
		} else if (subj(c, qt + 1, v, &t0, &t1, &app) &&
		    is_comma(c, t0 - 1) && !passive(c, v, qt + 1))
			return set_who(c, q, t0, t1, v);
		else if (joined(c, qt + 1, v) &&
		    clause_subj(c, ss, qt, &t0, &t1))
			return set_who(c, q, t0, t1, v);
	}
	return 0;
}

/*
 * Does the text near the word k, LOWERNEAR bytes either side, have it
 * in lower case too ("robots")?  Near, so that a long document of
 * such words costs no more than a short one each.
 */
#define LOWERNEAR	16384
static int
in_lower(const struct qctx *c, const struct tok *k)
{
	char	 w[NAMEMAX];
	size_t	 a = k->off > LOWERNEAR ? k->off - LOWERNEAR : 0, b;

	if (k->len >= sizeof(w) || !isupper((unsigned char)c->text.p[k->off]))
		return 0;
	memcpy(w, c->text.p + k->off, k->len);
	w[0] = (char)tolower((unsigned char)w[0]);
	/* The window starts at a word: holds() takes its start for one. */
	while (a > 0 && a < k->off && isalnum((unsigned char)c->text.p[a - 1]))
		a++;
	b = c->text.len - k->off > LOWERNEAR + k->len ? k->off + k->len +
	    LOWERNEAR : c->text.len;
	return holds(c->text.p, a, b, w, k->len, 0);
}

/*
 * The subject [t0, t1) of the sentence of a fragment with no verb of
 * saying is its speaker when it is a name, a pronoun that stands for
 * one, or a person or body described ("UK Coal blamed "operating
 * flaws"", "He wants "proper checks""); "the film won "best picture""
 * says nothing of who said it, nor does a subject in another clause.
 */
static void
subject_who(struct qctx *c, struct quo *q, size_t t0, size_t t1, size_t qt)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 i;

	/* In its clause: not after "..., but", "...; " or "...:". */
	for (i = t1; i < qt; i++)
		if (t[i].kind != K_WORD && (t[i].c == ';' || t[i].c == ':' ||
		    (is_comma(c, i) && i + 1 < qt && (t[i + 1].lex & (L_CONJ |
		    L_SUB | L_REL)))))
			return;
	/*
	 * A capitalised word that names no one seen in full and that the
	 * text also has in lower case is a common noun, no name or
	 * source: "Robots are learning "robotiquette"", "Part of this is
	 * "generation X"" (not "Oasis", "Critics").
	 */
	if (t1 == t0 + 1 && (t[t0].f & F_CAP) && !(t[t0].lex & (L_SRC |
	    L_PLUR | L_ORG)) && expand(c, c->text.p + t[t0].off, t[t0].len) ==
	    NOSTR && in_lower(c, &t[t0]))
		return;
	make_who(c, t0, t1, &w);
	if (w.kind == W_NAME || (w.kind == W_DESC && (c->t[t1 - 1].lex &
	    (L_TITLE | L_SRC | L_ORG))))
		q->who = w;
}

/*
 * Does the verb of saying of the sentence [s, e) bring in words of its
 * own, reported: a name, a determiner, a pronoun or "that" after it
 * ("The Refugee Council said Mr Howard's plan ...", "Ruiz said he")?
 * Then the sentence is not the attribution of a quotation before it.
 */
static int
reported(const struct qctx *c, size_t s, size_t e)
{
	const struct tok *t = c->t;
	size_t	 v = first_cue(c, s, e);

	if (v + 1 >= e || ((t[v].lex & L_INV) && v == s) ||
	    t[v + 1].kind != K_WORD)
		return 0;
	return (t[v + 1].f & F_CAP) || (t[v + 1].lex & (L_DET | L_PRON |
	    L_SUB)) != 0;
}

/*
 * A person named with a verb of saying is a subject of the sentence:
 * "..., Charles Kennedy has said.  The Lib Dem leader asked" is his.
 * The first named so in the text's first paragraph, person or body,
 * leads the story (or, with none, the first described).
 * The sentence stays that of the first mention, so that a description
 * read twice ("the record holder believes ... "...") finds him again.
 */
void
said_subj(struct qctx *c, const struct who *w)
{
	if (c->nbody == 1 && (c->lead.kind == W_NONE || (c->lead.kind ==
	    W_DESC && w->kind == W_NAME)))
		c->lead = *w;
	if (w->kind != W_NAME || !w->person)
		return;
	if (c->subj.kind == W_NAME && same_name(c, &c->subj, w) &&
	    c->subjsent + 1 >= c->nsent)
		return;
	c->subj = *w;
	c->subjsent = c->nsent;
}

/* A quotation's speaker is the latest, and with a cue a subject. */
static void
settled(struct qctx *c, const struct quo *q)
{
	if (q->cue != NOSTR && !q->head)
		said_subj(c, &q->who);
	set_last(c, &q->who, 1);
}

/* Give the quotation at token qt, in the sentence [ss, se), a speaker. */
static void
speaker_of(struct qctx *c, size_t qt, size_t ss, size_t se,
    size_t *nextend)
{
	struct tok	*t = c->t;
	struct quo	*q = &c->q[t[qt].q];
	size_t		 lo, hi, v, se2, t0, t1;
	int		 ok = 0, afterfirst;

	if (lastseg(c, t[qt].q) != &c->seg[q->seg0]) {
		/* The end of a quotation of several paragraphs. */
		if (q->closed && q->who.kind == W_NONE && q->cue == NOSTR)
			after(c, q, qt, se);
		set_last(c, &q->who, 1);
		return;
	}
	for (lo = qt; lo > ss && qt - lo < LOOKBACK && !is_q(c, lo - 1); lo--)
		;
	for (hi = qt + 1; hi < se && hi - qt < LOOKBACK && !is_q(c, hi); hi++)
		;
	q->partial = fragment(c, qt, ss, se);
	if (q->partial) {
		ok = before(c, q, qt, lo, ss, se);
		if (!ok && lo > ss) {
			/* Fragments in one sentence share a speaker. */
			struct quo *p = &c->q[t[lo - 1].q];

			if (p->who.kind != W_NONE || p->cue != NOSTR) {
				q->who = p->who;
				q->cue = p->cue;
				ok = 1;
			}
		}
		if (!ok)
			ok = after(c, q, qt, hi);
		if (!ok)
			ok = later(c, q, qt, ss, se);
		if (!ok)
			ok = block_who(c, q);
		/*
		 * No verb of saying: the subject of its sentence, if a name;
		 * not in a title ("Xbox cable 'fire fear'").
		 */
		if (!ok && !q->head && clause_subj(c, ss, qt, &t0, &t1))
			subject_who(c, q, t0, t1, qt);
		if (q->who.kind == W_NONE && c->paralast.kind == W_NAME &&
		    !q->head)
			q->who = c->paralast;
		settled(c, q);
		return;
	}
	q->told = 1;
	afterfirst = t[qt].c == ',' || t[qt].c == '?' || t[qt].c == '!' ||
	    t[qt].c == '-' || (qt + 1 < se && t[qt + 1].kind == K_PUNCT &&
	    (t[qt + 1].c == ',' || t[qt + 1].c == '-'));
	if (afterfirst)
		ok = after(c, q, qt, hi) || before(c, q, qt, lo, ss, se);
	else
		ok = before(c, q, qt, lo, ss, se) || after(c, q, qt, hi);
	/* '"The slump is over. But the upturn is weak" for jobs, X added.' */
	if (!ok && qt + 1 < se && !is_q(c, qt + 1))
		ok = later(c, q, qt, ss, se);
	/* The next sentence: "...?" Borger asked. */
	if (!ok && qt + 1 == se && se < c->nt) {
		for (se2 = se; se2 < c->nt && !(t[se2].f & F_SEND); se2++)
			;
		*nextend = se2;
		/* Not one that has a quotation of its own. */
		for (v = se; v <= se2 && v < c->nt && !is_q(c, v); v++)
			;
		ok = (v > se2 || v == c->nt) && !own_object(c, se, se2) &&
		    !reported(c, se, se2) && cue_first(c, q, se, se2 + 1, 0);
	}
	if (!ok) {
		q->told = 0;
		ok = block_who(c, q);
	}
	/* The speaker so far in the paragraph, or of the one before. */
	if (!ok && c->paralast.kind != W_NONE) {
		q->who = c->paralast;
		ok = 1;
	}
	if (!ok && qt == 0 && c->prevquote)
		q->who = c->prevpara;
	settled(c, q);
}

void
quote_here(struct qctx *c, size_t qt, size_t ss, size_t se,
    size_t *nextend)
{
	const struct quo *q = &c->q[c->t[qt].q];

	/* Its words, where a pronoun's speaker is not named (recall()). */
	c->qa = c->seg[q->seg0].a;
	c->qb = lastseg(c, c->t[qt].q)->b;
	speaker_of(c, qt, ss, se, nextend);
	c->qa = c->qb = 0;
}
