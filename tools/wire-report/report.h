/*
 * report.h: the parts of wire-report.  main.c reads the options and
 * puts the report together; read.c reads the records once, in order,
 * and finds which sentences are repeated copy (clusters of the same or
 * nearly the same text); story.c builds the stories from the clusters;
 * member.c compares each member of a story with its base (with
 * wire-diff's engine) and quotes.c groups its quotations; render.c
 * writes a story as text or as table rows.
 */
#include "wire.h"
#include "../wire-diff/diff.h"

#define NONE32	UINT32_MAX

/* A document: its records are [off, end) of the input, together. */
struct doc {
	size_t		 name;		/* in names, unescaped */
	size_t		 off, end;
	size_t		 line;		/* of its first record */
	uint32_t	 sent0, nsent;	/* its body sentences in sent[] */
	uint32_t	 nevid;		/* ... that are evidence (4 words+) */
	size_t		 title, date;	/* in strs, or 0 for none */
	size_t		 why;		/* why no body (class=nobody), or 0 */
	uint64_t	 exact;		/* hash of its sentences' texts */
	uint32_t	 story;		/* its story's number - 1 */
	uint32_t	 base;		/* its story's base */
	int		 isbase;
};

/* What the report knows of the whole input. */
struct corpus {
	const char	*path;		/* the input file */
	int		 fd;
	struct doc	*doc;
	size_t		 ndoc, capdoc;
	uint32_t	*clu;		/* each body sentence's cluster */
	uint8_t		*evid;		/* ... and whether it is evidence */
	size_t		 nsent, capsent;
	uint32_t	*ndocs;		/* documents of each cluster */
	size_t		 nclu, capclu;
	uint32_t	 nstory, nmulti;	/* stories; of 2 documents or more */
	uint32_t	*byorder;	/* documents of the stories, in order */
	uint32_t	*first;		/* story s: byorder[first[s], first[s+1]) */
	struct wire_buf	 strs;		/* names, titles, dates: NUL-ended */
	struct wire_names src;		/* files of documents named by URL */
	size_t		 repeated;	/* body sentences in clusters of 2+ */
	int		 bad;		/* some input was not a record */
};

/* facts.c: what the pass needs of each body sentence */
struct fact {
	uint64_t	 h;		/* hash of the normalised text */
	uint64_t	 fig;		/* of its figures */
	uint8_t		 evid;		/* evidence: 4 words or more */
	uint8_t		 sig[WIRE_SIG_K];	/* if evidence */
};

struct facter {
	struct wire_buf	 norm;
	struct wire_keys keys;
	uint64_t	*sh;
	size_t		 shcap;
};

/* The workers' files of facts, read in order. */
struct facts {
	const char	*tmp;
	uint32_t	 n, k;		/* files; the next to open */
	FILE		*fp;
};

void	fact_hash(struct facter *, const char *, size_t, struct fact *);
void	fact_rest(struct facter *, const char *, size_t, struct fact *);
void	facter_free(struct facter *);
int	facts_start(struct facts *, const char *path, const char *tmp,
	    long long jobs);
void	fact_next(struct facts *, struct fact *);
void	facts_end(struct facts *);

/* read.c */
int	corpus_read(struct corpus *, const char *path, const char *tmp,
	    long long jobs);
void	corpus_free(struct corpus *);
static inline const char *
cstr(const struct corpus *cp, size_t off)
{
	return cp->strs.p + off;
}

/* story.c */
void	stories(struct corpus *);

/* A quotation as a story shows it: one group per quotation. */
struct qgroup {
	size_t		 speaker;	/* display name, in the story's strs */
	int		 named;		/* a person or body by name */
	size_t		 text;		/* the first rendering */
	uint32_t	 doc0;		/* its document and position */
	size_t		 pos0;
	uint32_t	*docs;		/* the documents that carry it */
	size_t		 ndocs, capdocs;
};

/* One member of a story against the base. */
struct member {
	uint32_t	 doc;
	const char	*rel;		/* "base", "identical", "copy", "partial" */
	size_t		 same, changed, added, dropped, moved;
	int		 kept;		/* % of the base */
};

/* The work on one story, and what it found. */
struct story {
	uint32_t	 n;		/* its number, from 1 */
	uint32_t	*docs;		/* its documents, the base first */
	uint32_t	 ndocs;
	struct member	*m;
	struct wire_buf	 strs;		/* what the lists point into */
	struct wire_buf	 own;		/* own reporting: doc TAB pos TAB text */
	struct qgroup	*q;
	size_t		 nq, capq;
	struct wire_buf	 drift;		/* doc TAB pos TAB doc TAB pos TAB change */
	struct wire_buf	 recs;		/* the records read */
};

/* A quotation as one document has it. */
struct quoted {
	uint32_t	 n;		/* its number in the document */
	size_t		 pos;		/* POS of its first part, in strs */
	size_t		 speaker, role, cue, kind, text;	/* in strs */
};

/* A document of a story, read again. */
struct rdoc {
	uint32_t	 doc;
	struct version	 v;		/* its body sentences */
	struct quoted	*q;
	size_t		 nq, capq;
	uint32_t	 sent;		/* body sentences read so far */
};

/* member.c */
void	story_work(struct corpus *, struct story *, struct store *,
	    struct wdiff *, int quotes_only);
void	story_free(struct story *);
void	add_text(struct wire_buf *, const char *s, size_t len);
/* add_text() as a string of a table: its offset. */
static inline size_t
add_str(struct wire_buf *b, const char *s, size_t len)
{
	size_t	at = b->len;

	add_text(b, s, len);
	return at;
}

/* quotes.c */
void	quote_tags(struct story *, struct rdoc *, const struct wire_rec *);
void	quotes_story(struct story *, struct rdoc *, uint32_t n,
	    struct store *, struct wdiff *);
int	speaker_named(const char *);

/* render.c */
extern const char *prefix;
void	render_story(struct wire_buf *, struct corpus *, struct story *,
	    int tsv);
const char *short_name(const struct corpus *, uint32_t doc);
const char *doc_date(const struct corpus *, uint32_t doc);

/* speakers.c: named speakers over the whole dump */
struct speaker {
	size_t		name;		/* in the speakers' strings */
	size_t		quotes;		/* quotations, each once */
	size_t		articles;
	uint32_t	into;		/* merged into this one, or NONE32 */
};

struct speakers {
	struct speaker	*sp;
	size_t		 n, cap;
	struct wire_buf	 strs;
	struct wire_map	 byname;	/* folded name: index + 1 */
	struct wire_map	 seen;		/* index << 32 | document */
	struct store	 store;
};

void	read_speakers(struct speakers *, const char *tmp, uint32_t n,
	    uint32_t nstory);
uint32_t *top_speakers(struct speakers *, size_t *);

/* main.c */
void	xread(FILE *, void *, size_t, const char *);
void	xskip(FILE *, uint64_t, const char *);
void	fork_workers(uint32_t n, void (*)(uint32_t, void *), void *);
const char *story_title(const struct corpus *, uint32_t s);
