/*
 * quotes.h: the parts of wire-quotes.
 *
 * A document is read a paragraph at a time.  Quotation marks are classed
 * by what stands on either side of them and then paired; marks of the
 * other kind inside a quotation are nested quotes and stay in it.  A
 * quotation still open at the end of its paragraph runs on only when the
 * next paragraph opens with a mark of the same kind (the convention for
 * a quotation of several paragraphs); otherwise its opening mark is
 * taken back and the paragraph read again without it, so one stray mark
 * costs at most its own paragraph.
 *
 * The text outside the quotations is cut into words and sentences, and
 * each quotation gets its speaker from the closest pattern that fits: a
 * verb of saying right after it ("...," X said; "...," said X), before it
 * in its sentence (X told reporters: "..."), in the next sentence, the
 * last speaker of its paragraph, and, for a quotation that opens a
 * paragraph, the last speaker of the paragraph before; a paragraph after
 * one ending "X wrote:" is X's.  A pronoun stands for the most recent
 * speaker it can refer to; a name given in full once is given in full
 * every time.  Nothing here needs more than a look at
 * the neighbouring words, so the work is linear in the text.
 */
#include "wire.h"

/*
 * The finder, what main.c uses.  A document is given record by record;
 * its quotations are found in runs (doc.c).
 */

/*
 * One quotation.  Its text is in one or more parts, one for each record
 * it touches; speaker, role and cue are NUL-terminated and live until the
 * next call of finder_run() or finder_doc().
 */
struct quote {
	size_t		 n;		/* its number in the document, from 1 */
	size_t		 part0, nparts;	/* its parts in finder.part */
	const char	*speaker;	/* "-" when unknown */
	const char	*role;		/* "" when none */
	const char	*cue;		/* "-" when none */
	int		 partial;	/* a fragment, not a whole utterance */
};

/* The part of a quotation in one record: bytes [s, e) of its text. */
struct qpart {
	size_t	quote;		/* index in finder.q */
	size_t	rec;		/* index of the record since the last run */
	size_t	s, e;
};

struct finder {
	struct quote	*q;	/* what finder_run() found */
	size_t		 nq;
	struct qpart	*part;	/* in the order of their text */
	size_t		 npart;
	struct qctx	*ctx;	/* records, state and scratch */
	int		 more;	/* set by the caller: the document goes on
				   after this run */
};

void	finder_init(struct finder *);
void	finder_free(struct finder *);
/* Begin a new document: forget its speakers and start numbering at 1. */
void	finder_doc(struct finder *);
/*
 * Add the text of the next record of the document; newpara says that it
 * begins a paragraph, 2 that it is metadata (a title: its names are
 * no sentence's subject).
 */
void	finder_add(struct finder *, const char *text, size_t len, int newpara);
/* The text of record i (since the last run) as it was added. */
const char *finder_text(const struct finder *, size_t i, size_t *len);
/* Bytes and records added since the last run. */
size_t	finder_pending(const struct finder *, size_t *nrec);
/*
 * Find the quotations in the records added since the last run, which
 * then stay readable until the next finder_add().  Speakers and
 * numbering carry on from the last run in the same document; a
 * quotation still open at the end of the run is dropped.
 */
void	finder_run(struct finder *);

/* ---- the engine ------------------------------------------------- */

#define NOSTR	((size_t)-1)
#define NPMAX	12	/* words in a speaker's noun phrase */
#define NAMEMAX	160	/* bytes in a speaker's name: longer is no name */
#define HIST	32	/* recent speakers kept for pronouns */
#define NAMES	512	/* full names kept per document */
#define CUEMAX	40	/* words from a quotation to its verb of saying */
#define PHRASEMAX 40	/* words in a phrase set off by commas */
#define PHRASES	8	/* such phrases before a verb, walked back */
#define PARENMAX 10	/* words in a parenthesis inside a name */
#define SAIDGAP	6	/* words between a quotation and its "said" */
#define LOOKBACK 400	/* words looked back over at most: a bound for */
			/* sentences of pathological length */

/* The lexicon's classes (common/lexicon.txt), by shorter names. */
#define L_CUE	WIRE_L_CUE
#define L_INV	WIRE_L_INV
#define L_DET	WIRE_L_DET
#define L_QUANT	WIRE_L_QUANT
#define L_PRON	WIRE_L_PRON
#define L_PREP	WIRE_L_PREP
#define L_CONJ	WIRE_L_CONJ
#define L_SUB	WIRE_L_SUB
#define L_REL	WIRE_L_REL
#define L_ADV	WIRE_L_ADV
#define L_TITLE	WIRE_L_TITLE
#define L_HON	WIRE_L_HON
#define L_MASC	WIRE_L_MASC
#define L_FEM	WIRE_L_FEM
#define L_PLUR	WIRE_L_PLUR
#define L_POST	WIRE_L_POST
#define L_ORG	WIRE_L_ORG
#define L_ELIDE	WIRE_L_ELIDE
#define L_SRC	WIRE_L_SRC
#define L_INDEF	WIRE_L_INDEF
#define L_LOWT	WIRE_L_LOWT
#define L_BE	WIRE_L_BE
#define L_TIME	WIRE_L_TIME
#define L_TIMEN	WIRE_L_TIMEN
#define L_SPN	WIRE_L_SPN
#define L_WORK	WIRE_L_WORK
#define L_NAT	WIRE_L_NAT
/* The classes that the rules here look at. */
#define L_QUOTES (L_CUE | L_INV | L_DET | L_QUANT | L_PRON | L_PREP | \
	L_CONJ | L_SUB | L_REL | L_ADV | L_TITLE | L_HON | L_MASC | L_FEM | \
	L_PLUR | L_POST | L_ORG | L_ELIDE | L_SRC | L_INDEF | L_LOWT | L_BE | \
	L_TIME | L_TIMEN | L_SPN | L_WORK | L_NAT)

struct mark {
	size_t	off;
	uint8_t	len;
	uint8_t	dbl;		/* a double mark, else a single one */
	uint8_t	role;
	uint8_t	weak;		/* a single close after s: maybe a possessive */
	uint8_t	off_;		/* taken back */
	uint8_t	strong_after;	/* a strong single close follows */
};
#define M_OPEN	1
#define M_CLOSE	2
#define M_EITHER 3

/* A speaker. */
struct who {
	size_t	name, role;	/* in strs, or NOSTR */
	uint32_t hash;		/* of the name, to compare names fast */
	uint8_t	kind;		/* W_* */
	uint8_t	plural, org, indef;
	uint8_t	person;		/* a name with a first name, title or role */
	uint8_t	bare;		/* one word alone: a person or a body */
	uint8_t	gender;		/* 0, 'm' or 'f' */
	uint8_t	passing;	/* a body only named in passing: no "it" */
};
#define W_NONE	0
#define W_NAME	1	/* a proper name */
#define W_DESC	2	/* a description: "the source" */

struct seg {
	size_t	ma, mb;		/* from its opening mark to after its closing */
	size_t	a, b;		/* the quoted text inside */
};

struct quo {
	size_t		seg0, nseg;
	size_t		para;		/* the paragraph it opens in */
	int		dbl, partial, closed, title;
	int		head;		/* in a title (metadata) */
	int		told;		/* its own words say who: not context */
	struct who	who;
	size_t		cue;		/* in strs, or NOSTR */
	size_t		cuetok;		/* token of its verb, or NOSTR */
};

#define K_WORD	1
#define K_PUNCT	2
#define K_QUOTE	3

#define F_CAP	0x01	/* begins with a capital letter */
#define F_SEND	0x02	/* a sentence ends after it */
#define F_NUM	0x04	/* begins with a digit */
#define F_ING	0x08	/* ends in -ing */
#define F_ED	0x10	/* ends in -ed */
#define F_POSS	0x20	/* ends in 's */
#define F_USED	0x40	/* a verb already given to a quotation */
#define F_LY	0x80	/* an adverb in -ly */

struct tok {
	size_t		off, len;
	uint32_t	lex;	/* WORD: its classes */
	uint16_t	id;	/* WORD: its name in the lexicon, or 0 */
	uint8_t		kind;
	uint8_t		f;
	uint16_t	c;	/* PUNCT: the mark; QUOTE: the last one inside */
	size_t		q;	/* QUOTE: the quotation */
};

struct qctx {
	struct wire_buf	 text;		/* the records, a space apart */
	struct qrec {			/* a record in text: */
		size_t	off, len;
		int	newpara;	/* it begins a paragraph; 2: metadata */
	}		*rec;
	size_t		 nrec, caprec;
	int		 ran;		/* the records were run */

	struct mark	*m;
	size_t		 nm, capm;
	struct tok	*t;
	size_t		 nt, capt;
	int		 titled;	/* a title among the words */
	struct quo	*q;
	size_t		 nq, capq;
	struct seg	*seg;
	size_t		 nseg, capseg;

	/* The document so far. */
	size_t		 number;	/* quotations numbered so far */
	struct wire_buf	 strs;		/* names and cues */
	struct who	 hist[HIST];	/* recent speakers, a ring */
	size_t		 nhist;
	size_t		 names[NAMES];	/* full names seen, in strs */
	size_t		 surname[NAMES];	/* ... and their last words, or
					   letters that stand for them */
	size_t		 roles[NAMES];	/* ... and a role each, or NOSTR */
	uint32_t	 surhash[NAMES];
	uint8_t		 mention[NAMES];	/* ... only seen in passing */
	uint32_t	 initial[NAMES];	/* ... its words' first letters */
	size_t		 seen[NAMES];	/* ... the sentence it was last in */
	size_t		 seenoff;	/* sentences into the paragraph, for
					   names read ahead of the sentences */
	size_t		 nnames;
	size_t		 leadnames;	/* ... of them in the title and the
					   first paragraph */
	struct who	 subj;		/* the last person named as a subject */
	size_t		 subjsent;	/* ... in this sentence of the document */
	struct who	 lead;		/* the first named with a verb of saying */
	size_t		 nbody;		/* paragraphs of the text so far */
	size_t		 nsent;		/* sentences so far */
	size_t		 lastsent;	/* ... at the last speaker or subject */
	struct who	 prevpara;	/* the last speaker of the paragraph */
	int		 prevquote;	/* before, if it quoted anyone */
	int		 prevcolon;	/* it ended "X wrote:": this one is X's */
	struct who	 paralast;	/* the last speaker so far in this one */
	size_t		 open;		/* a quotation running on, or NOSTR */
	size_t		 qa, qb;	/* the text of the quotation whose
					   speaker is sought, or 0, 0 */
	size_t		 capoq, capop;	/* of finder.q and .part */
};


#define PRONOUN(t)	(((t)->lex & L_PRON) && !((t)->lex & L_DET))
#define LOWER(t)	((t)->kind == K_WORD && !((t)->f & F_CAP))
#define ADVERB(t)	(LOWER(t) && (((t)->lex & L_ADV) || ((t)->f & F_LY)))
/* A first name of the lexicon's: Ann, Tom. */
#define FIRSTNAME(t)	((t)->kind == K_WORD && ((t)->f & F_CAP) && \
	((t)->lex & (L_MASC | L_FEM)) && !((t)->lex & ~(L_MASC | L_FEM)))
/* A title after a first name, a surname (Simon Champion); t[-1] is read. */
#define TITLE_SURNAME(t) ((t)->kind == K_WORD && ((t)->f & F_CAP) && \
	!((t)->lex & ~L_TITLE) && FIRSTNAME((t) - 1))

/* The last part of quotation qi. */
static inline struct seg *
lastseg(struct qctx *c, size_t qi)
{
	return &c->seg[c->q[qi].seg0 + c->q[qi].nseg - 1];
}

/* Is token i the word id (WIRE_W_THAT: "that", in any case)? */
static inline int
word_is(const struct qctx *c, size_t i, unsigned id)
{
	return c->t[i].kind == K_WORD && c->t[i].id == id;
}

/* Is token i a quotation, not a title in marks? */
static inline int
is_q(const struct qctx *c, size_t i)
{
	return c->t[i].kind == K_QUOTE && !c->q[c->t[i].q].title;
}

/* marks.c */
void	scan_marks(struct qctx *c, size_t a, size_t b);
void	drop_quote(struct qctx *c, size_t qi);
size_t	pair(struct qctx *c, size_t b, size_t para, size_t from, size_t *om);
size_t	runs_on(const char *s, size_t a, size_t b, int dbl);
/* tokens.c */
void	tokenize(struct qctx *c, size_t a, size_t b, size_t q0, size_t r0);
void	sentence_ends(struct qctx *c);
int	title_case(const struct qctx *c, const struct seg *g);
int	said_next_to(const struct qctx *c, size_t i);
/* np.c */
size_t	np_fwd(const struct qctx *c, size_t i, size_t lim);
int	src_of(const struct qctx *c, size_t j, size_t i, size_t lim);
size_t	role_name(const struct qctx *c, size_t s, size_t e);
int	descr(const struct qctx *c, size_t s, size_t e);
int	is_comma(const struct qctx *c, size_t i);
int	is_hard(const struct qctx *c, size_t i);
size_t	time_back(const struct qctx *c, size_t lo, size_t j);
size_t	name_run(const struct qctx *, size_t i);
int	clause_subj(const struct qctx *c, size_t lo, size_t k, size_t *t0, size_t *t1);
int	joined(const struct qctx *c, size_t lo, size_t v);
int	subj(const struct qctx *c, size_t lo, size_t v, size_t *t0, size_t *t1, int *app);
/* speaker.c */
size_t	put_words(struct qctx *c, size_t t0, size_t t1, int lowfirst, uint32_t skip, int poss);
uint32_t	name_hash(const char *s, size_t len);
const char *	str(const struct qctx *c, size_t off);
int	same_name(const struct qctx *c, const struct who *a, const struct who *b);
int	roles_and(const struct qctx *c, size_t i, size_t t1);
void	make_who(struct qctx *c, size_t t0, size_t t1, struct who *w);
void	push(struct qctx *c, const struct who *w);
/* names.c */
size_t	expand(const struct qctx *c, const char *w, size_t len);
void	remember(struct qctx *c, size_t name, size_t role);
void	title_names(struct qctx *c);
void	acronyms(struct qctx *c);
void	mentions(struct qctx *c);
size_t	mentioned(struct qctx *c, const char *w, size_t len);
int	first_named(struct qctx *c, int g, struct who *w);
int	seen_named(struct qctx *c, int g, struct who *w);
/* attrib.c */
int	passive(const struct qctx *c, size_t v, size_t lo);
void	set_last(struct qctx *c, const struct who *w, int quote);
void	said_subj(struct qctx *c, const struct who *w);
void	quote_here(struct qctx *c, size_t qt, size_t ss, size_t se, size_t *nextend);
/* para.c */
void	paragraph(struct qctx *c, size_t r0, size_t r1, size_t para);
int	holds(const char *s, size_t a, size_t b, const char *w, size_t n, int icase);
void	head_quotes(struct qctx *c);
