/*
 * para.c: a paragraph: its quotations, titles, subjects and verbs of
 * saying, in the order of the text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "quotes.h"

/* A person named as a sentence's subject: who comes next to mind. */
static void
set_subj(struct qctx *c, const struct who *w)
{
	set_last(c, w, 0);
	c->subj = *w;
	c->subjsent = c->nsent;
}

/*
 * "The film's director is Matthew Warchus, best known for ...": a role,
 * a form of "be" and a name of two words or more, which a "he" after
 * may mean.
 */
static int
is_named(struct qctx *c, size_t ss, size_t se)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 b, r;

	if (ss >= se || !(t[ss].lex & L_DET))
		return 0;
	for (b = ss + 1; b < se && b < ss + NPMAX && t[b].kind == K_WORD &&
	    !(t[b].lex & (L_BE | L_CUE)); b++)
		;
	if (b >= se || !(t[b].lex & L_BE) || !LOWER(&t[b]) ||
	    !LOWER(&t[b - 1]) || !(t[b - 1].lex & (L_TITLE | L_SRC)) ||
	    (r = name_run(c, b + 1)) < b + 3 || r > se || (r < se &&
	    !is_comma(c, r) && !(t[r].f & F_SEND) && !(t[r - 1].f & F_SEND)))
		return 0;
	make_who(c, b + 1, r, &w);
	if (w.kind != W_NAME || !w.person)
		return 0;
	set_subj(c, &w);
	return 1;
}

/*
 * A person named as the subject of a sentence ("Ben Carson took ...")
 * is someone a later "he" or "she" may mean, and the likely speaker of
 * a quotation that follows with no words of its own on who; with head,
 * the sentence is a title.
 */
static void
subject_here(struct qctx *c, size_t ss, size_t se, int head)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 i, r, e = ss, rs = ss;
	int		 titled = 0;

	c->nsent++;
	/*
	 * Without a tagger, the verb is taken to follow the last run of
	 * capitalised words before anything that ends a noun phrase.
	 */
	/* "But Mr. Netanyahu did not see it", "Meanwhile, Ann Moe is". */
	if (ss < se && (t[ss].lex & (L_CONJ | L_ADV)) && !(t[ss].lex & L_SUB))
		ss++;
	if (ss < se && is_comma(c, ss))
		ss++;
	/*
	 * "Addressing Lisbon traders, Olmo listed ...": a participle opens
	 * the sentence and has no subject; the subject follows its comma.
	 * So it does after a phrase of time or place ("On Wednesday, Mr
	 * Mallon provoked ...").
	 */
	if (ss + 1 < se && t[ss].kind == K_WORD && (t[ss].f & F_CAP) &&
	    (((t[ss].f & F_ING) && t[ss].len > 5) || (t[ss].lex & (L_PREP |
	    L_TIME))) && t[ss + 1].kind == K_WORD) {
		for (i = ss + 2; i < se && !is_comma(c, i) && !is_hard(c, i); i++)
			;
		if (i < se && is_comma(c, i))
			ss = i + 1;
	}
	/*
	 * "Ann Moe won.  She will now meet Williams.": he or she as the
	 * subject names again the person it stands for.
	 */
	if (!head && ss + 1 < se && PRONOUN(&t[ss]) && (t[ss].lex & (L_MASC |
	    L_FEM)) && t[ss + 1].kind == K_WORD && LOWER(&t[ss + 1])) {
		make_who(c, ss, ss + 1, &w);
		if (w.kind == W_NAME && w.person)
			set_subj(c, &w);
		return;
	}
	e = rs = ss;
	/* "The 31-year-old was third behind Anna Brink": a verb ends it. */
	for (i = ss; i < se && i < ss + NPMAX && t[i].kind == K_WORD &&
	    (!(t[i].lex & (L_PREP | L_SUB | L_CONJ | L_REL | L_CUE | L_TIME)) ||
	    (word_is(c, i, WIRE_W_AND) && roles_and(c, i, se))) &&
	    !((t[i].lex & L_BE) && LOWER(&t[i])) && !PRONOUN(&t[i]); i++) {
		if (t[i].lex & (L_TITLE | L_HON))
			titled = 1;
		/*
		 * "Kallas helped launch the new ferry line": a determiner
		 * after lower-case words that follow a name begins an
		 * object, past the verb.
		 */
		if (e != ss && (t[i].lex & L_DET) && LOWER(&t[i - 1]) &&
		    !(t[i - 1].lex & L_DET))
			break;
		/* "Kalda will skip Sunday's regatta": so does a modal. */
		if (e != ss && i == e && (t[i].lex & L_ADV) && LOWER(&t[i]))
			break;
		if (!(t[i].f & F_CAP) || (t[i].lex & (L_DET | L_TITLE |
		    L_HON)))
			continue;
		for (r = i; r < se && (t[r].f & F_CAP) && !(t[r].lex &
		    (L_DET | L_TITLE | L_HON | L_CUE | L_TIME)) &&
		    !(t[r].f & F_POSS); r++)
			;
		if (r < se && (LOWER(&t[r]) || is_comma(c, r))) {
			e = r;
			rs = i;
		}
		i = r > i ? r - 1 : i;
	}
	/* "The Lib Dems' Treasury spokesman is": a role ends it. */
	while (e > ss && e < se && LOWER(&t[e]) && (t[e].lex & (L_TITLE |
	    L_SRC)) && !(t[e].lex & L_CUE))
		e++;
	if (!head && is_named(c, ss, se))
		return;
	if (e == ss || e >= se || (t[e].lex & (L_CUE | L_PREP)))
		return;
	/*
	 * One word alone is a person's only if named in full before, as
	 * a speaker or a subject, or in passing if it opens the sentence
	 * ("Williams was upset", not "the Trump face").
	 */
	if (e - rs == 1 && !titled && expand(c, c->text.p + t[rs].off,
	    t[rs].len) == NOSTR && (rs != ss || mentioned(c, c->text.p +
	    t[rs].off, t[rs].len) == NOSTR))
		return;
	/*
	 * In a title, a name's last word alone: "Faultless Federer wins"
	 * is Federer's, a man the text names in full later.
	 */
	if (head && (e - rs < 2 || !(t[e - 1].f & F_CAP)))
		return;
	make_who(c, head ? e - 1 : ss, e, &w);
	if (head)
		w.person = 1;
	if (w.kind == W_NAME && w.person) {
		set_subj(c, &w);
	} else if (w.kind == W_DESC && !w.plural && !w.indef &&
	    word_is(c, ss, WIRE_W_THE) && (t[e - 1].lex & L_TITLE))
		set_last(c, &w, 0);	/* "The Christian leader related" */
}

/*
 * "Hewitt said ... but Tennis Australia's Geoff Pollard rejected his
 * comments": the person named as the subject of the sentence's last
 * clause after "but" or "while" is, once its quotations have speakers,
 * the one a "he" after may mean.
 */
static void
later_subject(struct qctx *c, size_t ss, size_t se)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 i, a, b;
	int		 role;

	for (i = se; i-- > ss + 1;)
		if (word_is(c, i, WIRE_W_BUT) || word_is(c, i, WIRE_W_WHILE))
			break;
	if (i <= ss)
		return;
	/*
	 * Past a body's name in the possessive, a role in lower case
	 * ("harbour chief") and a title or Mr: a person's name, as is one
	 * with a first name ("but Tata is" is a body's).
	 */
	for (a = b = i + 1; b < se && b < a + 4 && t[b].kind == K_WORD &&
	    (t[b].f & F_CAP) && !(t[b].f & F_POSS); b++)
		;
	role = b < se && (t[b].f & (F_CAP | F_POSS)) == (F_CAP | F_POSS);
	if (role)
		a = b + 1;
	for (b = a; b < se && b < a + 3 && LOWER(&t[b]) && !(t[b].f &
	    (F_ING | F_ED)) && !(t[b].lex & ~(L_TITLE | L_SRC | L_ORG)); b++)
		;
	role |= b > a && (t[b - 1].lex & L_TITLE);
	if (role)
		a = b;
	for (b = a; b < se && t[b].kind == K_WORD && (t[b].f & F_CAP) &&
	    (t[b].lex & (L_TITLE | L_HON)); b++)
		;
	if (b == a && !role && (b >= se || !FIRSTNAME(&t[b])))
		return;
	/* A verb and more: not "... but Mr Blair himself." */
	if ((b = name_run(c, b)) + 2 >= se || b == a || !LOWER(&t[b]) ||
	    t[b + 1].kind != K_WORD ||
	    (t[b].lex & (L_PREP | L_CONJ | L_SUB | L_REL | L_DET | L_PRON |
	    L_CUE)))
		return;
	make_who(c, a, b, &w);
	if (w.kind == W_NAME && w.person)
		set_subj(c, &w);
}

/*
 * "... by US magazine Mobile PC": a body named after a noun for one at
 * the capitalised word i, which "the magazine" may mean after; not the
 * paragraph's speaker, nor "it": only in mind, once (the speakers a
 * pronoun may mean stay in the ring).  Says whether it was one.
 */
static int
body_in_passing(struct qctx *c, size_t i, size_t se)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 e, k;

	if (!LOWER(&t[i - 1]) || !(t[i - 1].lex & L_ORG) || (t[i - 1].lex &
	    (L_TITLE | L_SRC | L_PLUR)) || (t[i].lex & (L_DET | L_TITLE |
	    L_HON)) || (e = name_run(c, i)) == i || e >= se || e > i + 3)
		return 0;
	/*
	 * "aerospace group EADS Philippe Camus": EADS; "games maker Peter
	 * Molyneux, head of ...": a person, for the rules after.
	 */
	for (k = i; k < e && !FIRSTNAME(&t[k]) && !(t[k].f & F_POSS); k++)
		;
	if (wire_shouting(c->text.p + t[i].off, t[i].len))
		e = i + 1;
	else if (k < e)
		return 0;
	make_who(c, i - 1, e, &w);
	if (w.kind == W_NAME && !w.person) {
		for (k = 0; k < c->nhist && k < HIST; k++)
			if (same_name(c, &c->hist[k], &w))
				return 1;
		w.org = w.passing = 1;
		push(c, &w);
	}
	return 1;
}

/*
 * "... led by the Archbishop of Canterbury, Dr Rowan Williams,": a role
 * with "the" before the name in commas at i; the name is known by it
 * after.  The role ends in a title or is an office ("Archbishop of");
 * the name has a title or a first name.  Says whether it was one.
 */
static int
role_before(struct qctx *c, size_t i, size_t se)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 e, k, r;

	if (!is_comma(c, i - 1))
		return 0;
	for (r = i - 1; r > 0 && i - 1 - r < 8 && t[r - 1].kind == K_WORD &&
	    !word_is(c, r - 1, WIRE_W_THE); r--)
		;
	for (k = r; k + 1 < i - 1 && !(word_is(c, k + 1, WIRE_W_OF) &&
	    (t[k].f & F_CAP) && (t[k].lex & L_TITLE)); k++)
		;
	if (r == 0 || r >= i - 1 || !word_is(c, r - 1, WIRE_W_THE) ||
	    (k + 1 >= i - 1 && !(LOWER(&t[i - 2]) && (t[i - 2].lex &
	    (L_TITLE | L_SRC)))) || (!(t[i].lex & (L_TITLE | L_HON)) &&
	    !FIRSTNAME(&t[i])) || (e = role_name(c, r - 1, i - 1)) <= i ||
	    e > se)
		return 0;
	make_who(c, i, e, &w);
	if (w.kind == W_NAME && w.person) {
		remember(c, w.name, put_words(c, r, i - 1, 0, 0, 0));
		set_last(c, &w, 0);
	}
	return 1;
}

/*
 * A person brought in with a role in commas, anywhere in a sentence
 * ("... came from Brian Gammage, vice-president of research at
 * Gartner."), or with a role before and "who" after, is someone a "he"
 * or "she" after may mean, or a quotation with no speaker of its own.
 */
static void
introduced(struct qctx *c, size_t i, size_t se)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 e, k;

	if (t[i].kind != K_WORD || !(t[i].f & F_CAP) ||
	    body_in_passing(c, i, se) || role_before(c, i, se))
		return;
	/* Not inside a name, but "For Rick Dean, director of ...". */
	if ((t[i - 1].kind == K_WORD && (t[i - 1].f & F_CAP) &&
	    !(t[i - 1].lex & (L_PREP | L_CONJ | L_SUB | L_ADV))) ||
	    (e = name_run(c, i)) < i + 2 || e + 2 >= se)
		return;
	/* "... of IBM researcher Jim Levine who developed it." */
	if (LOWER(&t[i - 1]) && (t[i - 1].lex & L_TITLE) &&
	    (t[e].lex & L_REL) && LOWER(&t[e])) {
		make_who(c, i - 1, e, &w);
		if (w.kind == W_NAME && w.person)
			set_last(c, &w, 0);
		return;
	}
	/* The role starts in lower case: not "May, Lib Dem chief X said". */
	if (!is_comma(c, e) || !LOWER(&t[e + 1]))
		return;
	for (k = e + 1; k < se && k < e + 6 && t[k].kind == K_WORD &&
	    !(t[k].lex & L_CUE); k++)
		if (LOWER(&t[k]) && (t[k].lex & (L_TITLE | L_SRC))) {
			make_who(c, i, e, &w);
			if (w.kind == W_NAME && w.person)
				set_last(c, &w, 0);
			return;
		}
}

/*
 * A verb of saying outside the quotations: remember its subject.  A
 * named one is whom a quotation opening the next paragraph goes on
 * from, as after a quotation ("..., argues Ann Moe.  \n "It is over.""),
 * and, but in a title, a subject of the sentence.
 */
static void
cue_here(struct qctx *c, size_t v, size_t ss, int head)
{
	struct who	w;
	size_t		lo, t0, t1, e;
	int		app;

	for (lo = v; lo > ss && v - lo < LOOKBACK && !is_q(c, lo - 1); lo--)
		;
	if (word_is(c, v, WIRE_W_ACCORDING)) {
		if (v + 2 < c->nt && word_is(c, v + 1, WIRE_W_TO) &&
		    (e = np_fwd(c, v + 2, c->nt)) > v + 2) {
			make_who(c, v + 2, e, &w);
			set_last(c, &w, w.kind == W_NAME);
		}
		return;
	}
	/*
	 * "..., thinks Mara Quist, editor of Coast Weekly.": a verb that may
	 * stand first, after a comma or a clause, with its subject after.
	 */
	if ((c->t[v].lex & L_INV) && v > lo && LOWER(&c->t[v]) &&
	    (is_comma(c, v - 1) || LOWER(&c->t[v - 1])) &&
	    v + 1 < c->nt && (c->t[v + 1].f & F_CAP) &&
	    !(c->t[v + 1].lex & (L_PRON | L_DET)) &&
	    (e = np_fwd(c, v + 1, c->nt)) > v + 1 &&
	    (e == c->nt || c->t[e].kind == K_PUNCT)) {
		make_who(c, v + 1, e, &w);
		if (w.kind == W_NAME)
			set_last(c, &w, 1);
		return;
	}
	if (passive(c, v, lo) || !subj(c, lo, v, &t0, &t1, &app))
		return;
	make_who(c, t0, t1, &w);
	set_last(c, &w, w.kind == W_NAME);
	if (!head)
		said_subj(c, &w);
}

/*
 * Does the quotation token i follow a verb of saying and "as" ("branded
 * the deal as "a Historic Mistake"", "referring to it as the "Great
 * Satan"")?  Words in capitals there are someone's, not a title.
 */
static int
named_as(const struct qctx *c, size_t i)
{
	const struct tok *t = c->t;
	size_t	 j = i, k;

	while (j > 0 && (t[j - 1].lex & L_DET) && t[j - 1].kind == K_WORD)
		j--;
	if (j < 2 || !word_is(c, j - 1, WIRE_W_AS))
		return 0;
	/* Not "the show described as": the verb must have an object. */
	for (k = j - 2; k > 0 && j - k < 8 && t[k - 1].kind == K_WORD; k--)
		if ((t[k - 1].lex & L_CUE) && LOWER(&t[k - 1]))
			return 1;
	return 0;
}

/* Titles and empty quotations of the paragraph are no quotations. */
static void
titles(struct qctx *c)
{
	struct quo	*q;
	size_t		 i;
	int		 k;

	for (i = 0; i < c->nt; i++) {
		if (c->t[i].kind != K_QUOTE)
			continue;
		q = &c->q[c->t[i].q];
		if (q->nseg != 1 || !q->closed)
			continue;
		k = title_case(c, &c->seg[q->seg0]);
		/* "on "Meet the Press"", "for "R" or "D"": a name. */
		if (k == 1 && i > 0 && c->t[i - 1].kind == K_WORD &&
		    ((c->t[i - 1].lex & (L_PREP | L_DET | L_CONJ)) ||
		    (c->t[i - 1].f & F_POSS)))
			k = 3;
		if (k != 2 && named_as(c, i))
			continue;
		if (k >= 2 || (k == 1 && !said_next_to(c, i)))
			q->title = 1;
	}
}

void
paragraph(struct qctx *c, size_t r0, size_t r1, size_t para)
{
	const char	*s = c->text.p;
	size_t		 a = c->rec[r0].off, b = c->rec[r1 - 1].off + c->rec[r1 - 1].len;
	size_t		 q0, from = 0, qi, om, ss, se, i, k, nextend, last;
	struct seg	*g;
	int		 dbl, head = c->rec[r0].newpara == 2;	/* a title */

	if (!head && c->nbody++ == 1)
		c->leadnames = c->nnames;
	scan_marks(c, a, b);
	q0 = c->nq;
	if (c->open != NOSTR) {
		/* The quotation running on: the first mark here is its. */
		q0 = c->open;
		c->seg = wire_grow(c->seg, &c->capseg, c->nseg + 1, sizeof(*g));
		g = &c->seg[c->nseg++];
		g->ma = c->m[0].off;
		g->a = c->m[0].off + c->m[0].len;
		g->b = g->mb = b;
		c->q[c->open].nseg++;
		from = 1;
	}
	for (;;) {
		qi = pair(c, b, para, from, &om);
		c->open = NOSTR;
		if (qi == NOSTR)
			break;
		if (r1 < c->nrec && runs_on(s, c->rec[r1].off, c->rec[r1].off +
		    c->rec[r1].len, c->q[qi].dbl)) {
			c->open = qi;
			break;
		}
		/*
		 * Never closed: the mark opened nothing.  No mark of its kind
		 * after it closes anything either (one would have closed it),
		 * so they are all taken back and the rest paired again; the
		 * text is read at most three times.
		 */
		dbl = c->q[qi].dbl;
		drop_quote(c, qi);
		if (om == NOSTR) {
			om = 0;
			q0 = c->nq;
			from = 0;
		} else
			from = om + 1;
		for (k = om; k < c->nm; k++)
			if (c->m[k].dbl == dbl)
				c->m[k].off_ = 1;
	}
	tokenize(c, a, b, q0, r0);
	sentence_ends(c);
	titles(c);
	if (c->titled)
		title_names(c);
	acronyms(c);
	mentions(c);

	memset(&c->paralast, 0, sizeof(c->paralast));
	c->paralast.name = c->paralast.role = NOSTR;
	for (ss = last = 0; ss < c->nt; ss = se) {
		last = ss;
		for (se = ss; se < c->nt && !(c->t[se].f & F_SEND); se++)
			;
		if (se < c->nt)
			se++;
		nextend = 0;
		subject_here(c, ss, se, head);
		for (i = ss; i < se; i++) {
			if (is_q(c, i)) {
				c->q[c->t[i].q].head = head;
				quote_here(c, i, ss, se, &nextend);
			} else if (c->t[i].kind == K_WORD &&
			    (c->t[i].lex & L_CUE) && !(c->t[i].f & F_USED))
				cue_here(c, i, ss, head);
			else if (i > ss)
				introduced(c, i, se);
		}
		later_subject(c, ss, se);
	}
	/*
	 * A quotation that opens the next paragraph with no speaker of
	 * its own goes on with this paragraph's last speaker, if this one
	 * ended with a quotation or "X said:".
	 */
	c->prevcolon = c->nt > 0 && c->t[c->nt - 1].kind == K_PUNCT &&
	    c->t[c->nt - 1].c == ':';
	if (c->prevcolon)
		c->prevquote = 1;
	/* A block quotation follows "X wrote:", not "three reasons:". */
	for (i = last; c->prevcolon && i < c->nt && !(c->t[i].kind ==
	    K_WORD && (c->t[i].lex & L_CUE)); i++)
		;
	c->prevcolon = c->prevcolon && i < c->nt;
	if (c->paralast.kind == W_NONE)
		c->prevquote = c->prevcolon = 0;
	c->prevpara = c->paralast;
}


/*
 * Does s[a, b) hold the n bytes of w as whole words, with icase in any
 * case?
 */
int
holds(const char *s, size_t a, size_t b, const char *w, size_t n, int icase)
{
	const char	*p;
	size_t		 i;

	for (i = a; n > 0 && i + n <= b; i++) {
		if (!icase) {
			if ((p = memchr(s + i, *w, b - n + 1 - i)) == NULL)
				return 0;
			i = (size_t)(p - s);
		}
		if ((icase ? strncasecmp(s + i, w, n) : memcmp(s + i, w, n)) ==
		    0 && (i == a || !isalnum((unsigned char)s[i - 1])) &&
		    (i + n == b || !isalnum((unsigned char)s[i + n])))
			return 1;
	}
	return 0;
}

/*
 * A quotation in a title with no speaker is the speaker's of one in the
 * text that holds its words ("'Nuclear dumpsite' plan attacked" and
 * later Baker: "... we are becoming a nuclear dumpsite.").
 */
void
head_quotes(struct qctx *c)
{
	struct quo	*q, *p;
	struct seg	*g, *h;
	size_t		 k, j, i;

	for (k = 0; k < c->nq; k++) {
		q = &c->q[k];
		if (!q->head || q->title || q->who.kind != W_NONE ||
		    q->nseg != 1)
			continue;
		g = &c->seg[q->seg0];
		for (j = 0; j < c->nq && q->who.kind == W_NONE; j++) {
			p = &c->q[j];
			if (p->head || p->who.kind == W_NONE)
				continue;
			for (i = 0; i < p->nseg; i++) {
				h = &c->seg[p->seg0 + i];
				if (g->b > g->a && holds(c->text.p, h->a, h->b,
				    c->text.p + g->a, g->b - g->a, 1)) {
					q->who = p->who;
					break;
				}
			}
		}
		/*
		 * Else the person the story leads with, named with a verb of
		 * saying in its first paragraph ("'UK will stand firm' ...
		 * Britain's rebate is not up for talks, Jack Straw said.").
		 */
		if (q->who.kind == W_NONE && (!q->partial ||
		    c->lead.kind == W_NAME))
			q->who = c->lead;
	}
}
