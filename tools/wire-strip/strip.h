/*
 * strip.h: the parts of wire-strip.  main.c reads articles (input.c)
 * and writes records; para.c cuts an article into paragraphs; each
 * paragraph is measured (features.c, with words.c and head.c), scored
 * and classed (score.c); xdoc.c counts the short lines that come back in
 * many articles of one run.
 */
#include <setjmp.h>
#include <string.h>

#include "wire.h"

/* What a line looks like: flags of struct feat. */
#define F_END		0x0001	/* ends like a sentence: . ! ? … */
#define F_BULLET	0x0002	/* a list item: starts with a bullet */
#define F_LOWSTART	0x0004	/* starts with a lower-case letter */
#define F_CHROME	0x0008	/* a phrase of page furniture */
#define F_SECTION	0x0010	/* heads related links ("More in") */
#define F_COMMENTS	0x0020	/* heads comments */
#define F_HARD		0x0040	/* tags, newsletters, legal lines, rules */
#define F_STOP		0x0080	/* the end of an article: copyright */
#define F_CREDIT	0x0100	/* a picture credit of its own */
#define F_CAPTION	0x0200	/* a caption with its credit inline */
#define F_DATE		0x0400	/* a date or a time, not much else */
#define F_CSTRUCT	0x0800	/* comment furniture: "X says:" */
#define F_SGLUE		0x1000	/* two texts run together: "DetroitYou" */

#define SAMPLE		64	/* words of a line looked at closely */
#define SHORTLINE	12	/* words in a short line: a heading, a menu */
#define LONGLINE	8	/* words in a line long enough to be prose */
#define HEADWORDS	25	/* words in a line whose head is read */
#define CAPTIONWORDS	45	/* words in a caption at most */

struct feat {
	size_t		indent;		/* leading columns */
	size_t		words;		/* words */
	size_t		sample;		/* the first words, looked at closely: */
	size_t		stops;		/* ... how many are function words */
	size_t		content;	/* ... or not (the first not counted) */
	size_t		capitals;	/* ... and of those, capitalised */
	size_t		pipes;		/* | characters */
	size_t		glue;		/* a lower case letter, then upper */
	unsigned	flags;		/* F_* */
};

/* The first words of a line, hashed in lower case, into h. */
struct wordhashes {
	size_t		n;
	uint64_t	*h;	/* room for SAMPLE */
};

/*
 * Measure one line (no LF in it); when wh is not NULL, also hash its
 * first words into it.
 */
void	line_features(struct feat *, struct wordhashes *wh, const char *s,
	    size_t len);
/* An agency credit: "Reuters", "with AP", "(Reporting by ...)". */
int	is_credit(const char *s, size_t len, size_t words);
/*
 * A byline: "By Jane Doe", "A, B and C |"; after the body (after set)
 * also a name alone.
 */
int	is_byline(const char *s, size_t len, size_t words, int after);

/* ---- words.c ----------------------------------------------------- */

#define HEAD	64	/* bytes of a line's start that head.c reads */
#define CLOSE	64	/* blocks of 64 bytes of a line held as masks */

/*
 * The bytes of a line as bit masks, 64 bytes to a block: bit i of block
 * k stands for byte 64k + i.
 */
struct bits {
	uint64_t	a;	/* ASCII letters and digits */
	uint64_t	up;	/* A-Z */
	uint64_t	lw;	/* a-z */
	uint64_t	hi;	/* bytes of longer characters */
	uint64_t	jn;	/* joiners: ' - . */
	uint64_t	pipe;	/* | */
	uint64_t	qe;	/* ? ! */
};

/* The line's first CLOSE blocks as masks. */
struct lbits {
	size_t		nb;			/* blocks of the line */
	uint64_t	rare;			/* a pipe, ? or ! in them */
	unsigned char	copy[CLOSE * 64 + 64];	/* a copy, A-Z in lower case,
						   zero after */
	struct bits	b[CLOSE + 1];		/* of each block */
	uint64_t	in[CLOSE + 2];		/* in a word */
	uint64_t	bad[CLOSE + 2];		/* a word with it is careful */
	uint64_t	first[CLOSE + 2];	/* a word starts: where a run
						   of in does, or after the
						   joiner that opens it */
};

/* Count and hash the words of a line; lb gets its masks and copy. */
void	words(struct feat *, struct wordhashes *wh, const char *s,
	    size_t len, struct lbits *lb);
/*
 * What the start of a short line says; low: its first bytes with A-Z
 * in lower case, zero after them (lb->copy).
 */
void	head_features(struct feat *, const char *s, size_t len,
	    const unsigned char *low);
/* A caption's credit in the last bytes t of a line: "(Photo: ...)". */
int	credit_in(const char *t, size_t tl);

/* Eight ASCII bytes at a time: the masks of bytes and of their high bits. */
#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* The high bit of each byte of x (ASCII) that lies in [lo, hi]. */
static inline uint64_t
in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + (0x80 - lo) * ONES) & ~(x + (0x7f - hi) * ONES) & HIGHS;
}

static inline int
is_alpha_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ---- input.c: the articles of an input --------------------------- */

struct input {
	int		 fd;
	char		*p;		/* the buffer, or */
	char		*map;		/* a regular file mapped whole */
	size_t		 mapped;	/* its size */
	size_t		 dropped;	/* pages given back up to here */
	size_t		 cap;
	size_t		 start;		/* the next article begins here */
	size_t		 scan;		/* no form-feed line before here */
	size_t		 end;		/* the bytes read end here */
	int		 eof;
};

/*
 * Where a file that is cut short while it is mapped jumps back to: the
 * caller of input_open() sets it with sigsetjmp().
 */
extern sigjmp_buf	cutshort;

void	input_open(struct input *, int fd);
/* Done with the input: a mapped file is left as if read to its end. */
void	input_close(struct input *);
/*
 * The next article of the input in *s and *len: up to a form-feed line
 * or the end.  *last is set when the input ended with it, so that no
 * article can follow.  Returns 1, 0 at the end of the input, -1 on a
 * read error.
 */
int	article(struct input *, const char **s, size_t *len, int *last);
/* At least n bytes of the input, fewer at its end, not taken. */
int	input_peek(struct input *, size_t n, const char **s, size_t *len);
/* All that is left, taken: 1, 0 when none, -1 on a read error. */
int	input_all(struct input *, const char **s, size_t *len);
/* The next line without its LF, taken: 1, 0 at the end, -1 on error. */
int	input_line(struct input *, const char **s, size_t *len);
/* The next bytes, as they come, taken: 1, 0 at the end, -1 on error. */
int	input_chunk(struct input *, const char **s, size_t *len);

/* ---- html.c, json.c, warc.c: articles that are not plain text ------ */

/* What the markup says of a block of an HTML page. */
struct hint {
	float		links;		/* share of its text inside links */
	unsigned	boiler : 1;	/* in page furniture */
	unsigned	good : 1;	/* in the article's own container */
	unsigned	outside : 1;	/* not in it, when there is one */
	unsigned	li : 1, heading : 1, caption : 1;
};

/* What a page or a record says of itself; empty buffers: nothing. */
struct meta {
	struct wire_buf	 title, date, author, url;
};

/*
 * An article as text for strip(): for HTML, one block a line with blank
 * lines between, and a hint for each block (hint is NULL for text).
 */
struct page {
	struct wire_buf	 text;
	struct hint	*hint;
	size_t		 nhint, caphint;
	struct meta	 m;
};

/* What an input is: found by input_format() from its name and bytes. */
enum format { FMT_TEXT, FMT_HTML, FMT_JSONL, FMT_WARC };
int	input_format(struct input *, const char *name);

/*
 * Each article of a JSON Lines or WARC file goes to fn, named doc; where
 * says which file and line or record it came from.  The files return 1,
 * -1 on a read error, -2 when a part could not be read (said).
 */
typedef void (*page_fn)(void *arg, const char *doc, size_t doclen,
	    const struct page *, const char *where);
int	json_file(struct input *, const char *name, struct page *, page_fn,
	    void *);
int	warc_file(struct input *, const char *name, struct page *, page_fn,
	    void *);

/* enc.c: s in encoding from into out as UTF-8: 0, or -1 (errno). */
int	to_utf8(struct wire_buf *out, const char *from, const char *s,
	    size_t len);
/*
 * The article *s in UTF-8 (-e enc, or Windows-1252 when it is not UTF-8
 * but is that), *s and *len set to a copy in out; said once a file.
 */
int	utf8_article(struct wire_buf *out, const char *enc, const char *name,
	    int *said, const char **s, size_t *len);

/* Render the HTML page s; charset NULL: as the page says.  0, or -1. */
int	html_page(struct page *, const char *s, size_t len, const char *charset);
void	page_clear(struct page *);
void	page_free(struct page *);

/* ---- xdoc.c: short lines across the documents of a run ----------- */

struct xdoc {
	struct wire_map	 tab;	/* line hash: documents << 32 | the last */
	uint32_t	 doc;
	struct wire_buf	 norm;
};

/* Count the short lines of one more document. */
void	xdoc_add(struct xdoc *, const char *s, size_t len);
/* In how many documents the line s appeared. */
size_t	xdoc_count(struct xdoc *, const char *s, size_t len);
void	xdoc_free(struct xdoc *);

/* ---- para.c and score.c: the body of an article ------------------ */

enum class {
	CL_BODY, CL_HEADING, CL_TITLE, CL_BYLINE, CL_DATE, CL_CREDIT,
	CL_CAPTION, CL_CHROME, CL_URL, CL_NOBODY, CL_SOURCE, CL_NONE
};
/* "body", "heading", ... by class. */
extern const char *const class_names[];

struct para {
	size_t		 off, len;	/* its text at strip.base */
	size_t		 line0, line1;	/* its input lines, 1-based */
	size_t		 h0, nh;	/* its word hashes in strip.h */
	struct feat	 f;
	double		 sfit, sother;	/* its score indented as the body or not */
	double		 score;
	int		 cls;		/* enum class */
	int		 dup, xdoc, caption, stop, zone, dateline, iso;
	int		 boiler;	/* in page furniture, says the markup */
};

struct strip {
	struct para	*p;		/* the paragraphs, in order */
	size_t		 n, cap;
	size_t		 nlines;
	const char	*base;		/* their text: the article, or */
	struct wire_buf	 text;		/* a copy with wrapped lines joined */
	size_t		 title;		/* index of the title, or SIZE_MAX */
	size_t		 meta_date, meta_datelen;	/* at base, or */
	size_t		 meta_credit, meta_creditlen;	/* SIZE_MAX */
	struct xdoc	*xdoc;		/* counts of a first pass, or NULL */
	const struct hint *hint;	/* the markup's, one a paragraph, or NULL */
	size_t		 nhint;
	uint64_t	*h;		/* the paragraphs' word hashes */
	size_t		 hcap;
	size_t		*loff, *lend, lcap;	/* the lines */
	struct wire_buf	 sq[2];		/* titles, squashed */
	struct shingle	*seen;		/* the shingles said so far */
	uint32_t	 gen, stamp;	/* (repeat.c) */
	size_t		 seencap, acap;
};

/* Mark the paragraphs that repeat an earlier one (repeat.c). */
void	mark_repeats(struct strip *st);
/* Cut s into lines and paragraphs (st->p, st->base). */
void	paragraphs(struct strip *st, const char *s, size_t len);
/* Take a "date ..." token and an agency credit off a paragraph. */
void	inline_metadata(struct strip *st, struct para *p);
/* A wire dateline opens the paragraph: "BERLIN (Reuters) -". */
int	dateline(const char *s, size_t len);
/*
 * Split an article into paragraphs and class each one (score.c says
 * how).  The paragraphs stay in st until the next call; their text is s
 * itself (st->base), or a copy when wrapped lines were joined, so s must
 * stay as it is while st is used.
 */
void	strip(struct strip *st, const char *s, size_t len);
void	strip_free(struct strip *);
