/*
 * wire-strip: raw article text in, body paragraph records out.
 *
 * The decisions are made in common/strip.c; this file reads articles,
 * one at a time, and writes what was decided.  A line holding only a
 * form feed ends one article and starts the next, so a dump can also
 * come as one stream.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strip.h"

static const char synopsis[] =
    "wire-strip [-1ahmpq] [-e encoding] [file ...]";

/* Records go out in blocks of this size. */
#define BLOCK	(1 << 18)
/*
 * An article of more lines than this (no news article; a dump without
 * its form feeds, a log) is stripped in parts of this many lines, so
 * that memory is bounded however long it is.  The positions and line
 * numbers of its records run on from part to part.
 */
#define PARTLINES	(1 << 16)

struct opts {
	int			 alone, audit, meta, plain;	/* -1 -a -m -p */
	int			 quiet;		/* -q */
	const char		*enc;		/* -e */
	struct wire_buf		 conv;		/* an article made UTF-8 */
	int			 said;		/* ... and the file said so */
	const char		*file;		/* the operand read */
	struct page		 pg;		/* an article not in plain text */
	const struct meta	*given;		/* its metadata, or NULL */
	struct strip	 st;
	struct xdoc	 xdoc;
	struct wire_buf		 doc, out, tags;
	size_t			 mark;	/* out's length as an article began */
	struct input		 in;
	size_t			*posof, poscap;
	size_t			 npos, nline;	/* before this part */
	size_t			 stops, sample;	/* function words in prose */
};

/*
 * The language: of the words of letters only in an article's prose (up
 * to LANGSAMPLE), English has this share of function words at least
 * (%), and at least LANGWORDS must be seen to judge.
 */
#define ENGLISH		15
#define LANGWORDS	40
#define LANGSAMPLE	400


/*
 * Records are put together in o->out and written from there when they
 * fill a block, and at the end of each file.
 */
static void
out_flush(struct opts *o)
{
	wire_out_write(o->out.p, o->out.len);
	o->out.len = o->mark = 0;
}

/* Count the function words among the words of letters of prose s. */
static void
language(struct opts *o, const char *s, size_t len)
{
	struct wire_word	w;
	size_t			pos = 0;

	while (o->sample < LANGSAMPLE && wire_word_next(s, len, &pos, &w)) {
		if (!(w.cls & WIRE_C_ALPHA) || (w.cls & WIRE_C_DIGIT))
			continue;
		o->sample++;
		o->stops += wire_stophash(wire_word_key(s, len, &w)) != 0;
	}
}

/* One record: its class unless it is body, and with -a its line too. */
static void
record(struct opts *o, const char *pos, size_t poslen, const char *text,
    size_t len, int cls, size_t line)
{
	char	num[24];

	o->tags.len = 0;
	if (cls != CL_BODY || o->audit) {
		wire_buf_adds(&o->tags, "class=");
		wire_buf_adds(&o->tags, class_names[cls]);
	}
	if (o->audit) {
		wire_buf_adds(&o->tags, "\tline=");
		wire_buf_add(&o->tags, num, wire_utoa(num, line));
	}
	wire_rec_add(&o->out, o->doc.p, o->doc.len, pos, poslen, text, len,
	    o->tags.p, o->tags.len);
	if (o->out.len >= BLOCK)
		out_flush(o);
}

static void
metadata(struct opts *o)
{
	struct strip	*st = &o->st;
	const struct meta *m = o->given;
	size_t			 i;
	int			 dated = 0, titled = 0, signed_ = 0;

	/* What the page or the record says of itself comes first. */
	if (m != NULL && m->title.len > 0) {
		record(o, "0", 1, m->title.p, m->title.len, CL_TITLE, 0);
		titled = 1;
	}
	if (m != NULL && m->author.len > 0) {
		record(o, "0", 1, m->author.p, m->author.len, CL_BYLINE, 0);
		signed_ = 1;
	}
	if (m != NULL && m->date.len > 0) {
		record(o, "0", 1, m->date.p, m->date.len, CL_DATE, 0);
		dated = 1;
	}
	if (m != NULL && m->url.len > 0)
		record(o, "0", 1, m->url.p, m->url.len, CL_URL, 0);
	for (i = 0; i < st->n; i++) {
		struct para *p = &st->p[i];

		if ((p->cls == CL_TITLE && i == st->title && !titled) ||
		    (p->cls == CL_BYLINE && !signed_) || p->cls == CL_CREDIT ||
		    (p->cls == CL_DATE && !dated)) {
			dated |= p->cls == CL_DATE;
			record(o, "0", 1, st->base + p->off, p->len, p->cls, 0);
		}
	}
	if (st->meta_date != SIZE_MAX && !dated)
		record(o, "0", 1, st->base + st->meta_date, st->meta_datelen,
		    CL_DATE, 0);
	if (st->meta_credit != SIZE_MAX)
		record(o, "0", 1, st->base + st->meta_credit,
		    st->meta_creditlen, CL_CREDIT, 0);
}

/* -a: every input line, with the class of its paragraph. */
static void
audit(struct opts *o, const char *s, size_t len, size_t *posof)
{
	struct strip	*st = &o->st;
	const char		*e, *q;
	size_t			 ln = 0, k = 0, l, plen;
	char			 num[24];

	for (; len > 0; len -= (size_t)(e - s) + (q != NULL), s = e + (q != NULL)) {
		q = memchr(s, '\n', len);
		e = q != NULL ? q : s + len;
		ln++;
		l = (size_t)(e - s);
		if (l > 0 && s[l - 1] == '\r')
			l--;
		while (k < st->n && st->p[k].line1 < ln)
			k++;
		if (k < st->n && st->p[k].line0 <= ln) {
			plen = posof[k] ? wire_utoa(num, posof[k]) : 1;
			if (!posof[k])
				num[0] = '0';
			record(o, num, plen, s, l, st->p[k].cls, o->nline + ln);
		}
		if (q == NULL)
			break;
	}
}

static void
output(struct opts *o, const char *s, size_t len)
{
	struct strip	*st = &o->st;
	struct para	*p;
	size_t			 i, npos = o->npos, *posof, fs, fw;
	char			 num[24];

	strip(st, s, len);
	/*
	 * Prose, for the language: long lines that end as sentences do.
	 * Their features count function words among all words, figures
	 * too; only when that share is low are the words of letters
	 * counted (a table of figures is English too).
	 */
	for (i = 0, fs = fw = 0; i < st->n; i++)
		if (st->p[i].f.words >= LONGLINE &&
		    (st->p[i].f.flags & F_END)) {
			fs += st->p[i].f.stops;
			fw += st->p[i].f.sample;
		}
	for (i = 0; i < st->n && fs * 100 < fw * ENGLISH &&
	    o->sample < LANGSAMPLE; i++)
		if (st->p[i].f.words >= LONGLINE &&
		    (st->p[i].f.flags & F_END))
			language(o, st->base + st->p[i].off, st->p[i].len);
	posof = o->posof = wire_grow(o->posof, &o->poscap, st->n + 1,
	    sizeof(*o->posof));
	for (i = 0; i < st->n; i++)
		posof[i] = st->p[i].cls <= CL_HEADING ? ++npos : 0;
	if (o->audit)
		audit(o, s, len, posof);
	else if (o->meta && !o->plain && o->nline == 0)
		metadata(o);
	for (i = 0; i < st->n && !o->audit; i++) {
		p = &st->p[i];
		if (posof[i] == 0)
			continue;
		if (o->plain) {
			/* Paragraphs a blank line apart. */
			if (posof[i] > 1)
				wire_buf_addc(&o->out, '\n');
			wire_buf_add(&o->out, st->base + p->off, p->len);
			wire_buf_addc(&o->out, '\n');
			if (o->out.len >= BLOCK)
				out_flush(o);
			continue;
		}
		record(o, num, wire_utoa(num, posof[i]), st->base + p->off,
		    p->len, p->cls, o->nline + p->line0);
	}
	o->npos = npos;
	o->nline += st->nlines;
}

/*
 * After an article (where: the file, or file:line): a word when it gave
 * no body, or does not read as English, and with -m a record of why.
 */
static void
article_done(struct opts *o, const char *where)
{
	const char	*why = NULL;
	char		 msg[96];

	if (o->sample >= LANGWORDS && o->stops * 100 < o->sample * ENGLISH) {
		snprintf(msg, sizeof(msg), "does not read as English (%zu%% "
		    "function words)", o->stops * 100 / o->sample);
		why = msg;
	} else if (o->npos == 0)
		why = "no body text found";
	if (why == NULL)
		return;
	if (o->quiet)
		;
	else if (strncmp(o->doc.p, where, strlen(where)) == 0)
		wire_warnat(o->doc.p, 0, "%s", why);
	else
		wire_warnat(where, 0, "%s: %s", o->doc.p, why);
	if (o->meta && !o->plain && !o->audit)
		record(o, "0", 1, why, strlen(why), CL_NOBODY, 0);
}

/* An article, in parts of PARTLINES lines when it is longer. */
static void
parts(struct opts *o, const char *s, size_t len)
{
	const char	*q;
	size_t		 n, at;

	o->npos = o->nline = o->stops = o->sample = 0;
	for (;;) {
		for (n = 0, at = 0; n < PARTLINES && (q = memchr(s + at, '\n',
		    len - at)) != NULL; n++)
			at = (size_t)(q - s) + 1;
		if (n < PARTLINES || at == len) {
			output(o, s, len);
			return;
		}
		output(o, s, at);
		s += at;
		len -= at;
	}
}

/* The name of the n-th article of a file that holds several. */
static void
docname(struct opts *o, const char *name, size_t n, int several)
{
	char	num[24];

	o->doc.len = 0;
	wire_buf_adds(&o->doc, name);
	if (several) {
		wire_buf_addc(&o->doc, ':');
		wire_buf_add(&o->doc, num, wire_utoa(num, n));
	}
}

/* The articles of one input; returns what article() last did. */
static int
articles(struct opts *o, const char *name)
{
	const char	*s;
	size_t		 n = 0, len;
	int		 k, last;

	while ((k = article(&o->in, &s, &len, &last)) == 1) {
		n++;
		/* A file that holds several articles names each by number. */
		docname(o, name, n, !last || n > 1);
		o->mark = o->out.len;
		(void)utf8_article(&o->conv, o->enc, name, &o->said, &s, &len);
		parts(o, s, len);
		article_done(o, name);
	}
	return k;
}

/*
 * An article that is not plain text (html.c, json.c, warc.c), named
 * doc, from where (the file, or file:line).
 */
static void
page_article(struct opts *o, const char *doc, size_t doclen,
    const struct page *pg, const char *where)
{
	o->doc.len = 0;
	wire_buf_add(&o->doc, doc, doclen);
	o->mark = o->out.len;
	o->st.hint = pg->nhint > 0 ? pg->hint : NULL;
	o->st.nhint = pg->nhint;
	o->given = &pg->m;
	/* An article named by its URL says first which file it is of. */
	if (o->meta && !o->plain && !o->audit && (doclen != strlen(o->file) ||
	    memcmp(doc, o->file, doclen) != 0))
		record(o, "0", 1, o->file, strlen(o->file), CL_SOURCE, 0);
	o->npos = o->nline = o->stops = o->sample = 0;
	output(o, pg->text.p ? pg->text.p : "", pg->text.len);
	article_done(o, where);
	o->st.hint = NULL;
	o->given = NULL;
}

static void
page_fn_opts(void *arg, const char *doc, size_t doclen, const struct page *pg,
    const char *where)
{
	page_article(arg, doc, doclen, pg, where);
}

/* A saved web page: one article, named by its file. */
static int
html_file(struct opts *o, const char *name)
{
	const char	*s;
	size_t		 len;
	int		 k;

	if ((k = input_all(&o->in, &s, &len)) <= 0)
		return k;
	if (html_page(&o->pg, s, len, o->enc) == -1) {
		wire_warnat(name, 0, "HTML that cannot be read");
		return -2;
	}
	page_article(o, name, strlen(name), &o->pg, name);
	return 1;
}

static int
strip_file(FILE *fp, const char *name, void *arg)
{
	struct opts	*o = arg;
	int		 k;

	input_open(&o->in, fileno(fp));
	o->said = 0;
	o->file = name;
	if (sigsetjmp(cutshort, 1) != 0) {
		/* The article being read was cut short: not a record of it. */
		o->out.len = o->mark;
		input_close(&o->in);
		out_flush(o);
		wire_warnat(name, 0, "cut short while it was read");
		return 1;
	}
	switch (input_format(&o->in, name)) {
	case FMT_HTML:
		k = html_file(o, name);
		break;
	case FMT_JSONL:
		k = json_file(&o->in, name, &o->pg, page_fn_opts, o);
		break;
	case FMT_WARC:
		k = warc_file(&o->in, name, &o->pg, page_fn_opts, o);
		break;
	default:
		k = articles(o, name);
		break;
	}
	input_close(&o->in);
	out_flush(o);
	if (k == -1) {
		wire_warnat(name, 0, "%s", strerror(errno));
		return 1;
	}
	return k == -2;
}

static void
count_articles(struct opts *o)
{
	const char	*s;
	size_t		 len;
	int		 last;

	while (article(&o->in, &s, &len, &last) == 1)
		xdoc_add(&o->xdoc, s, len);
}

/*
 * The short lines of one file.  A file cut short here is read again as
 * it then is by the second pass, which names it if it is cut again.
 */
static void
count_file(struct opts *o, FILE *fp, const char *name)
{
	const char	*s;
	size_t		 len;

	input_open(&o->in, fileno(fp));
	if (sigsetjmp(cutshort, 1) == 0) {
		/* A page's lines are those of its text; archives: none. */
		switch (input_format(&o->in, name)) {
		case FMT_HTML:
			if (input_all(&o->in, &s, &len) == 1 &&
			    html_page(&o->pg, s, len, o->enc) == 0)
				xdoc_add(&o->xdoc, o->pg.text.p ? o->pg.text.p :
				    "", o->pg.text.len);
			break;
		case FMT_TEXT:
			count_articles(o);
			break;
		}
	}
	input_close(&o->in);
}

/* The first pass: count short lines across the operands' articles. */
static void
count_lines(struct opts *o, int argc, char **argv)
{
	FILE	*fp;
	int	 i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0 || (fp = fopen(argv[i], "r")) == NULL)
			continue;
		count_file(o, fp, argv[i]);
		fclose(fp);
	}
	o->st.xdoc = o->xdoc.doc >= 3 ? &o->xdoc : NULL;
}

int
main(int argc, char *argv[])
{
	struct opts	o = { 0 };
	iconv_t		cd;
	int		c, status;

	wire_out_init();
	while ((c = getopt(argc, argv, "1ae:hmpq")) != -1) {
		switch (c) {
		case '1':
			o.alone = 1;
			break;
		case 'a':
			o.audit = 1;
			break;
		case 'e':
			if ((cd = iconv_open("UTF-8", optarg)) == (iconv_t)-1)
				errx(WIRE_EXIT_USAGE, "-e %s: an encoding iconv "
				    "does not know", optarg);
			iconv_close(cd);
			o.enc = optarg;
			break;
		case 'h':
			wire_usage(1, synopsis);
		case 'm':
			o.meta = 1;
			break;
		case 'p':
			o.plain = 1;
			break;
		case 'q':
			o.quiet = 1;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc >= 2 && !o.alone)
		count_lines(&o, argc, argv);
	status = wire_each_file(argc, argv, strip_file, &o);
	strip_free(&o.st);
	xdoc_free(&o.xdoc);
	wire_buf_free(&o.doc);
	wire_buf_free(&o.out);
	wire_buf_free(&o.tags);
	page_free(&o.pg);
	wire_buf_free(&o.conv);
	free(o.in.p);
	free(o.posof);
	return wire_out_finish(status);
}

