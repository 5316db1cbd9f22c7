/*
 * input.c: the articles of an input, one after the other.
 *
 * The input is read in blocks rather than by lines: an article is found
 * by looking for its form-feed line alone, and it is handed on where it
 * lies in the block, without a copy.  The buffer starts at 512 KB and
 * doubles when less than ROOM is free, so that an article longer than a
 * block makes it grow to hold it.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "strip.h"

#define ROOM	(1 << 17)

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

sigjmp_buf		 cutshort;
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

void
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
void
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
 * the bytes read so far cannot tell.  A form feed that ends a line of
 * text ends the article too: a file without its last line feed, then
 * "\f\n", is packed so.
 */
static int
ff_line(const struct input *in, size_t k)
{
	const char	*q = in_bytes(in) + k;
	size_t		 rest = in->end - k - 1;

	if (k > in->start && q[-1] != '\n' && !(rest >= 1 && q[1] == '\n') &&
	    !(rest >= 2 && q[1] == '\r' && q[2] == '\n'))
		return rest == 0 && !in->eof ? -1 : 0;
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
int
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

/*
 * At least n bytes of what is left of the input in *s and *len, fewer
 * only at its end, without taking them.  0, or -1 on a read error.
 */
int
input_peek(struct input *in, size_t n, const char **s, size_t *len)
{
	while (!in->eof && in->end - in->start < n)
		if (fill(in) == -1)
			return -1;
	*s = in_bytes(in) + in->start;
	*len = in->end - in->start;
	return 0;
}

/* All that is left of the input, taken.  1, 0 when none, -1 on error. */
int
input_all(struct input *in, const char **s, size_t *len)
{
	while (!in->eof)
		if (fill(in) == -1)
			return -1;
	*s = in_bytes(in) + in->start;
	*len = in->end - in->start;
	in->start = in->scan = in->end;
	return *len > 0;
}

/*
 * The next line in *s and *len, without its LF: 1, 0 at the end, -1 on
 * a read error.  Memory holds the longest line.
 */
int
input_line(struct input *in, const char **s, size_t *len)
{
	const char	*q, *p = in_bytes(in);

	input_drop(in);
	for (;;) {
		q = in->end > in->scan ? memchr(p + in->scan, '\n',
		    in->end - in->scan) : NULL;
		if (q != NULL || (in->eof && in->end > in->start)) {
			*s = p + in->start;
			*len = q != NULL ? (size_t)(q - *s) : in->end - in->start;
			in->start = in->scan = q != NULL ? (size_t)(q - p) + 1 :
			    in->end;
			return 1;
		}
		if (in->eof)
			return 0;
		in->scan = in->end;
		if (fill(in) == -1)
			return -1;
		p = in_bytes(in);
	}
}

/* The next bytes of the input, taken: 1, 0 at the end, -1 on error. */
int
input_chunk(struct input *in, const char **s, size_t *len)
{
	input_drop(in);
	if (in->start == in->end && !in->eof && fill(in) == -1)
		return -1;
	if (in->start == in->end)
		return 0;
	*s = in_bytes(in) + in->start;
	*len = in->end - in->start;
	in->start = in->scan = in->end;
	return 1;
}

/* Does name end with suffix (case aside)? */
static int
ends(const char *name, const char *suffix)
{
	size_t	n = strlen(name), k = strlen(suffix);

	return n >= k && strcasecmp(name + n - k, suffix) == 0;
}

/* Is word (lower case) in the first len bytes of s, case aside? */
static int
has(const char *s, size_t len, const char *word)
{
	size_t	i, k = strlen(word);

	for (i = 0; i + k <= len; i++)
		if ((s[i] | 0x20) == word[0] && strncasecmp(s + i, word, k) == 0)
			return 1;
	return 0;
}

/*
 * What the input is, from its first 4 KB: gzip or "WARC/" is an archive;
 * markup starting with "<" and holding an HTML tag is a page; a first
 * line that is a JSON object is JSON Lines (.jsonl, .ndjson or .json,
 * or any name); else text.  The name decides only for a page that does
 * not say it is one (.html, .htm).
 */
int
input_format(struct input *in, const char *name)
{
	const char	*s, *nl;
	size_t		 len, i;

	if (input_peek(in, 4096, &s, &len) == -1)
		return FMT_TEXT;	/* article() will say what went wrong */
	if (len > 4096)
		len = 4096;
	if ((len >= 2 && (unsigned char)s[0] == 0x1f &&
	    (unsigned char)s[1] == 0x8b) || (len >= 5 &&
	    memcmp(s, "WARC/", 5) == 0))
		return FMT_WARC;
	i = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	if (i < len && s[i] == '<' && (has(s + i, len - i, "<!doctype html") ||
	    has(s + i, len - i, "<html") || has(s + i, len - i, "<head") ||
	    has(s + i, len - i, "<body") || has(s + i, len - i, "<meta") ||
	    has(s + i, len - i, "<title") || has(s + i, len - i, "<div") ||
	    has(s + i, len - i, "<p>")))
		return FMT_HTML;
	if (i < len && s[i] == '{') {
		nl = memchr(s + i, '\n', len - i);
		if (ends(name, ".jsonl") || ends(name, ".ndjson") ||
		    ends(name, ".json") || (nl != NULL && nl > s + i &&
		    (nl[-1] == '}' || (nl[-1] == '\r' && nl - 1 > s + i &&
		    nl[-2] == '}'))))
			return FMT_JSONL;
	}
	if (ends(name, ".html") || ends(name, ".htm") || ends(name, ".xhtml"))
		return FMT_HTML;
	return FMT_TEXT;
}
