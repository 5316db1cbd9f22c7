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
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strip.h"

static const char synopsis[] = "wire-strip [-1ahmp] [file ...]";

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
	struct strip	 st;
	struct xdoc	 xdoc;
	struct wire_buf		 doc, out, tags;
	size_t			 mark;	/* out's length as an article began */
	struct input		 in;
	size_t			*posof, poscap;
	size_t			 npos, nline;	/* before this part */
};


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
	size_t			 i;
	int			 dated = 0;

	for (i = 0; i < st->n; i++) {
		struct para *p = &st->p[i];

		if ((p->cls == CL_TITLE && i == st->title) ||
		    p->cls == CL_BYLINE || p->cls == CL_CREDIT ||
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
	size_t			 i, npos = o->npos, *posof;
	char			 num[24];

	strip(st, s, len);
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

/* An article, in parts of PARTLINES lines when it is longer. */
static void
parts(struct opts *o, const char *s, size_t len)
{
	const char	*q;
	size_t		 n, at;

	o->npos = o->nline = 0;
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
		parts(o, s, len);
	}
	return k;
}

static int
strip_file(FILE *fp, const char *name, void *arg)
{
	struct opts	*o = arg;
	int		 k;

	input_open(&o->in, fileno(fp));
	if (sigsetjmp(cutshort, 1) != 0) {
		/* The article being read was cut short: not a record of it. */
		o->out.len = o->mark;
		input_close(&o->in);
		out_flush(o);
		wire_warnat(name, 0, "cut short while it was read");
		return 1;
	}
	k = articles(o, name);
	input_close(&o->in);
	out_flush(o);
	if (k == -1) {
		wire_warnat(name, 0, "%s", strerror(errno));
		return 1;
	}
	return 0;
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
count_file(struct opts *o, FILE *fp)
{
	input_open(&o->in, fileno(fp));
	if (sigsetjmp(cutshort, 1) == 0)
		count_articles(o);
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
		count_file(o, fp);
		fclose(fp);
	}
	o->st.xdoc = o->xdoc.doc >= 3 ? &o->xdoc : NULL;
}

int
main(int argc, char *argv[])
{
	struct opts	o = { 0 };
	int		c, status;

	wire_out_init();
	while ((c = getopt(argc, argv, "1ahmp")) != -1) {
		switch (c) {
		case '1':
			o.alone = 1;
			break;
		case 'a':
			o.audit = 1;
			break;
		case 'h':
			wire_usage(1, synopsis);
		case 'm':
			o.meta = 1;
			break;
		case 'p':
			o.plain = 1;
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
	free(o.in.p);
	free(o.posof);
	return wire_out_finish(status);
}

