/*
 * wire-strip: raw article text in, body paragraph records out.
 *
 * The decisions are made in common/strip.c; this file reads articles,
 * one at a time, and writes what was decided.  A line holding only a
 * form feed ends one article and starts the next, so a dump can also
 * come as one stream.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wire.h"

static const char synopsis[] = "wire-strip [-1ahmp] [file ...]";

struct opts {
	int			 alone, audit, meta, plain;	/* -1 -a -m -p */
	struct wire_strip	 st;
	struct wire_xdoc	 xdoc;
	struct wire_buf		 art, doc, tags, pos;
	char			*line;
	size_t			 linecap;
};

/*
 * Read the next article of fp into o->art: up to a form-feed line or
 * the end.  Returns 0 at the end of the input, -1 on a read error.
 */
static int
article(struct opts *o, FILE *fp, size_t *lines)
{
	ssize_t	n;

	o->art.len = 0;
	*lines = 0;
	while ((n = getline(&o->line, &o->linecap, fp)) != -1) {
		if ((n == 2 && o->line[0] == '\f' && o->line[1] == '\n') ||
		    (n == 1 && o->line[0] == '\f') || (n == 3 &&
		    memcmp(o->line, "\f\r\n", 3) == 0))
			return 1;
		wire_buf_add(&o->art, o->line, (size_t)n);
		(*lines)++;
	}
	if (ferror(fp))
		return -1;
	return o->art.len > 0 || *lines > 0 ? 1 : 0;
}

static void
record(struct opts *o, const char *pos, size_t poslen, const char *text,
    size_t len, int cls, size_t line)
{
	char	num[24];

	o->tags.len = 0;
	if (cls != WIRE_CL_BODY || o->audit) {
		wire_buf_adds(&o->tags, "class=");
		wire_buf_adds(&o->tags, wire_class_names[cls]);
	}
	if (o->audit) {
		wire_buf_adds(&o->tags, "\tline=");
		wire_buf_add(&o->tags, num, wire_utoa(num, line));
	}
	wire_write(stdout, o->doc.p, o->doc.len, pos, poslen, text, len,
	    o->tags.p ? o->tags.p : "", o->tags.len);
}

static void
metadata(struct opts *o)
{
	struct wire_strip	*st = &o->st;
	size_t			 i;
	int			 dated = 0;

	for (i = 0; i < st->n; i++) {
		struct wire_para *p = &st->p[i];

		if ((p->cls == WIRE_CL_TITLE && i == st->title) ||
		    p->cls == WIRE_CL_BYLINE || p->cls == WIRE_CL_CREDIT ||
		    (p->cls == WIRE_CL_DATE && !dated)) {
			dated |= p->cls == WIRE_CL_DATE;
			record(o, "0", 1, st->text.p + p->off, p->len, p->cls, 0);
		}
	}
	if (st->meta_date != SIZE_MAX && !dated)
		record(o, "0", 1, st->text.p + st->meta_date, st->meta_datelen,
		    WIRE_CL_DATE, 0);
	if (st->meta_credit != SIZE_MAX)
		record(o, "0", 1, st->text.p + st->meta_credit,
		    st->meta_creditlen, WIRE_CL_CREDIT, 0);
}

/* -a: every input line, with the class of its paragraph. */
static void
audit(struct opts *o, const char *s, size_t len, size_t *posof)
{
	struct wire_strip	*st = &o->st;
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
			record(o, num, plen, s, l, st->p[k].cls, ln);
		}
		if (q == NULL)
			break;
	}
}

static void
output(struct opts *o, const char *s, size_t len)
{
	struct wire_strip	*st = &o->st;
	struct wire_para	*p;
	size_t			 i, npos = 0, *posof;
	char			 num[24];

	wire_strip(st, s, len);
	posof = wire_xrealloc(NULL, st->n + 1, sizeof(*posof));
	for (i = 0; i < st->n; i++)
		posof[i] = st->p[i].cls <= WIRE_CL_HEADING ? ++npos : 0;
	if (o->audit)
		audit(o, s, len, posof);
	else if (o->meta && !o->plain)
		metadata(o);
	for (i = 0; i < st->n && !o->audit; i++) {
		p = &st->p[i];
		if (posof[i] == 0)
			continue;
		if (o->plain) {
			if (posof[i] > 1)
				putc_unlocked('\n', stdout);
			fwrite_unlocked(st->text.p + p->off, 1, p->len, stdout);
			putc_unlocked('\n', stdout);
			continue;
		}
		record(o, num, wire_utoa(num, posof[i]), st->text.p + p->off,
		    p->len, p->cls, p->line0);
	}
	free(posof);
	wire_out_check();
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

static int
strip_file(FILE *fp, const char *name, void *arg)
{
	struct opts	*o = arg;
	size_t		 n = 0, lines;
	int		 k, more;

	while ((k = article(o, fp, &lines)) == 1) {
		n++;
		/* A file that holds several articles names each by number. */
		more = !feof(fp) || n > 1;
		docname(o, name, n, more);
		output(o, o->art.p ? o->art.p : "", o->art.len);
		if (feof(fp))
			break;
	}
	if (k == -1) {
		wire_warnat(name, 0, "%s", strerror(errno));
		return 1;
	}
	return 0;
}

/* The first pass: count short lines across the operands' articles. */
static void
count_lines(struct opts *o, int argc, char **argv)
{
	FILE	*fp;
	size_t	 lines;
	int	 i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0 || (fp = fopen(argv[i], "r")) == NULL)
			continue;
		while (article(o, fp, &lines) == 1) {
			wire_xdoc_add(&o->xdoc, o->art.p ? o->art.p : "",
			    o->art.len);
			if (feof(fp))
				break;
		}
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
	wire_strip_free(&o.st);
	wire_xdoc_free(&o.xdoc);
	wire_buf_free(&o.art);
	wire_buf_free(&o.doc);
	wire_buf_free(&o.tags);
	wire_buf_free(&o.pos);
	free(o.line);
	return wire_out_finish(status);
}
