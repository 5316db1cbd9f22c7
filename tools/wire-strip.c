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

#include "wire.h"

static const char synopsis[] = "wire-strip [-1ahmp] [file ...]";

/*
 * The input is read in blocks rather than by lines: an article is found
 * by looking for its form-feed line alone, and it is handed on where it
 * lies in the block, without a copy.  The buffer starts at 512 KB and
 * doubles when less than ROOM is free, so that an article longer than a
 * block makes it grow to hold it.  Records go out in blocks too.
 */
#define ROOM	(1 << 17)
#define BLOCK	(1 << 18)

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

struct opts {
	int			 alone, audit, meta, plain;	/* -1 -a -m -p */
	struct wire_strip	 st;
	struct wire_xdoc	 xdoc;
	struct wire_buf		 doc, out;
	size_t			 mark;	/* out's length as an article began */
	struct input		 in;
	size_t			*posof, poscap;
};

/*
 * A regular file of MAPMIN bytes or more, read from its start, is
 * mapped rather than read: its bytes are not copied (for a smaller
 * file, that saves less than mapping costs).  It is read to the size it
 * had when opened.  The pages read are given back every MAPSTEP bytes,
 * so that memory stays flat however long the file.  A file cut short
 * while it is mapped raises SIGBUS when the lost pages are touched: the
 * handler jumps back to the reading loop (cutshort), which names the
 * file and goes on with the next.
 */
#define MAPMIN	(1 << 22)
#define MAPSTEP	(1 << 18)

static sigjmp_buf	 cutshort;
static const char	*mapbase;	/* the mapping, while there is one */
static size_t		 maplen;

static void
shrank(int sig, siginfo_t *si, void *ctx)
{
	struct sigaction	sa;
	const char		*a = si->si_addr;

	(void)ctx;
	if (mapbase != NULL && a >= mapbase && a < mapbase + maplen)
		siglongjmp(cutshort, 1);
	/* Not the mapping: the signal comes again, and does what it does. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigaction(sig, &sa, NULL);
}

static void
input_open(struct input *in, int fd)
{
	struct stat		sb;
	struct sigaction	sa;
	void			*m;

	in->fd = fd;
	in->start = in->scan = in->end = 0;
	in->eof = 0;
	in->map = NULL;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    sb.st_size < MAPMIN || (uintmax_t)sb.st_size >= SIZE_MAX ||
	    lseek(fd, 0, SEEK_CUR) != 0 ||
	    (m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = shrank;
	sa.sa_flags = SA_SIGINFO;
	(void)sigaction(SIGBUS, &sa, NULL);
	(void)madvise(m, (size_t)sb.st_size, MADV_SEQUENTIAL);
	in->map = m;
	in->mapped = in->end = (size_t)sb.st_size;
	in->dropped = 0;
	in->eof = 1;
	mapbase = m;
	maplen = in->mapped;
}

/* Done with the input: a mapped file is left as if read to its end. */
static void
input_close(struct input *in)
{
	struct sigaction	sa;

	if (in->map == NULL)
		return;
	mapbase = NULL;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigaction(SIGBUS, &sa, NULL);
	(void)munmap(in->map, in->mapped);
	(void)lseek(in->fd, (off_t)in->mapped, SEEK_SET);
	in->map = NULL;
}

/* The pages before the next article, back to the system. */
static void
input_drop(struct input *in)
{
	static size_t	page;
	size_t		to;

	if (page == 0)
		page = (size_t)sysconf(_SC_PAGESIZE);
	to = in->start / page * page;
	if (in->map != NULL && to - in->dropped >= MAPSTEP) {
		(void)madvise(in->map + in->dropped, to - in->dropped,
		    MADV_DONTNEED);
		in->dropped = to;
	}
}

/* The input's bytes: the mapping, or the buffer read into. */
static const char *
in_bytes(const struct input *in)
{
	return in->map != NULL ? in->map : in->p;
}

/* Read one more block; returns -1 on an error. */
static int
fill(struct input *in)
{
	ssize_t	n;

	in->scan -= in->start;		/* the unread bytes move to the front */
	if ((n = wire_read_more(in->fd, &in->p, &in->cap, &in->start,
	    &in->end, ROOM)) == -1)
		return -1;
	if (n == 0)
		in->eof = 1;
	return 0;
}

/*
 * How long the form-feed line at k is: "\f\n", "\f\r\n", or "\f" at
 * the very end; 0 when the form feed is not a line of its own, -1 when
 * the bytes read so far cannot tell.
 */
static int
ff_line(const struct input *in, size_t k)
{
	const char	*q = in_bytes(in) + k;
	size_t		 rest = in->end - k - 1;

	if (k > in->start && q[-1] != '\n')
		return 0;
	if (rest >= 1 && q[1] == '\n')
		return 2;
	if (rest >= 2 && q[1] == '\r' && q[2] == '\n')
		return 3;
	if (rest == 0 || (rest == 1 && q[1] == '\r'))
		return !in->eof ? -1 : rest == 0 ? 1 : 0;
	return 0;
}

/*
 * The next article of the input in *s and *len: up to a form-feed line
 * or the end.  *last is set when the input ended with it, so that no
 * article can follow.  Returns 0 at the end of the input, -1 on a read
 * error.
 */
static int
article(struct input *in, const char **s, size_t *len, int *last)
{
	const char	*q, *p = in_bytes(in);
	size_t		 k;
	int		 n;

	input_drop(in);
	for (;;) {
		while (in->scan < in->end) {
			q = memchr(p + in->scan, '\f', in->end - in->scan);
			if (q == NULL) {
				in->scan = in->end;
				break;
			}
			k = (size_t)(q - p);
			if ((n = ff_line(in, k)) == -1) {
				in->scan = k;	/* to be looked at again */
				break;
			}
			in->scan = k + 1;
			if (n == 0)
				continue;
			*s = p + in->start;
			*len = k - in->start;
			*last = n == 1;
			in->start = in->scan = k + (size_t)n;
			return 1;
		}
		if (in->eof) {
			if (in->start == in->end)
				return 0;
			*s = p + in->start;
			*len = in->end - in->start;
			*last = 1;
			in->start = in->scan = in->end;
			return 1;
		}
		if (fill(in) == -1)
			return -1;
		p = in_bytes(in);
	}
}

/* Make room for n more bytes of output. */
static char *
out_room(struct opts *o, size_t n)
{
	wire_buf_grow(&o->out, n);
	return o->out.p + o->out.len;
}

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

static void
out_done(struct opts *o, char *p)
{
	o->out.len = (size_t)(p - o->out.p);
	if (o->out.len >= BLOCK)
		out_flush(o);
}

/* One record; the article's name in o->doc is escaped already. */
static void
record(struct opts *o, const char *pos, size_t poslen, const char *text,
    size_t len, int cls, size_t line)
{
	const char	*name = wire_class_names[cls];
	size_t		 nl = strlen(name);
	char		*p;

	p = out_room(o, o->doc.len + poslen + 2 * len + nl + 48);
	memcpy(p, o->doc.p, o->doc.len);
	p += o->doc.len;
	*p++ = '\t';
	memcpy(p, pos, poslen);
	p += poslen;
	*p++ = '\t';
	p += wire_escape_to(p, text, len);
	if (cls != WIRE_CL_BODY || o->audit) {
		memcpy(p, "\tclass=", 7);
		memcpy(p + 7, name, nl);
		p += 7 + nl;
	}
	if (o->audit) {
		memcpy(p, "\tline=", 6);
		p += 6;
		p += wire_utoa(p, line);
	}
	*p++ = '\n';
	out_done(o, p);
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
			record(o, "0", 1, st->base + p->off, p->len, p->cls, 0);
		}
	}
	if (st->meta_date != SIZE_MAX && !dated)
		record(o, "0", 1, st->base + st->meta_date, st->meta_datelen,
		    WIRE_CL_DATE, 0);
	if (st->meta_credit != SIZE_MAX)
		record(o, "0", 1, st->base + st->meta_credit,
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
	char			 num[24], *q;

	wire_strip(st, s, len);
	if (o->poscap < st->n + 1) {
		o->poscap = st->n + 1 > 2 * o->poscap ? st->n + 1 : 2 * o->poscap;
		o->posof = wire_xrealloc(o->posof, o->poscap, sizeof(*o->posof));
	}
	posof = o->posof;
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
			q = out_room(o, p->len + 2);
			if (posof[i] > 1)
				*q++ = '\n';
			memcpy(q, st->base + p->off, p->len);
			q += p->len;
			*q++ = '\n';
			out_done(o, q);
			continue;
		}
		record(o, num, wire_utoa(num, posof[i]), st->base + p->off,
		    p->len, p->cls, p->line0);
	}
}

/* The name of the n-th article of a file that holds several. */
static void
docname(struct opts *o, const char *name, size_t n, int several)
{
	char	num[24];

	o->doc.len = 0;
	wire_buf_escape(&o->doc, name, strlen(name));
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
		output(o, s, len);
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
		wire_xdoc_add(&o->xdoc, s, len);
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
	wire_strip_free(&o.st);
	wire_xdoc_free(&o.xdoc);
	wire_buf_free(&o.doc);
	wire_buf_free(&o.out);
	free(o.in.p);
	free(o.posof);
	return wire_out_finish(status);
}
