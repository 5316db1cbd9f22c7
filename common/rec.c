/* rec.c: reading and writing records (wire-records(5)). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "wire.h"

/* Bytes that the format escapes, and the letter that stands for each. */
static const char esc_letter[256] = {
	['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\0'] = '0',
};

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/*
 * Does any of the eight bytes of x need an escape: a byte below 0x0e
 * (NUL, TAB, LF, CR among them) or a backslash?  A false alarm only
 * sends the bytes to the careful loop.
 */
static int
needs_escape(uint64_t x)
{
	uint64_t	bs = x ^ (0x5c * ONES);

	return ((((x - 0x0e * ONES) & ~x) | ((bs - ONES) & ~bs)) & HIGHS) != 0;
}

/* Write s escaped into out, which has room for 2 * len; returns the length. */
static size_t
escape_to(char *out, const char *s, size_t len)
{
	char		*o = out;
	size_t		 i = 0, e;
	uint64_t	 x;
	unsigned char	 c;
#ifdef __SSE2__
	const __m128i	 low = _mm_set1_epi8(0x0d), bs = _mm_set1_epi8('\\');
	__m128i		 v;
#endif

	while (i < len) {
#ifdef __SSE2__
		/* Sixteen at a time: no byte below 0x0e, no backslash. */
		while (i + 16 <= len) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(
			    _mm_min_epu8(v, low), v), _mm_cmpeq_epi8(v, bs))) != 0)
				break;
			_mm_storeu_si128((__m128i *)(void *)o, v);
			o += 16;
			i += 16;
		}
#endif
		/* Eight plain bytes at a time, copied as they are. */
		while (i + 8 <= len) {
			memcpy(&x, s + i, 8);
			if (needs_escape(x))
				break;
			memcpy(o, &x, 8);
			o += 8;
			i += 8;
		}
		/*
		 * Fewer than eight left: when the last eight bytes are plain,
		 * they go over the copies of those of them already done.
		 */
		if (i + 8 > len && len >= 8 && i < len) {
			memcpy(&x, s + len - 8, 8);
			if (!needs_escape(x)) {
				o += len - i;
				memcpy(o - 8, &x, 8);
				break;
			}
		}
		for (e = i + 8 < len ? i + 8 : len; i < e; i++) {
			c = (unsigned char)s[i];
			if (esc_letter[c] != 0) {
				*o++ = '\\';
				*o++ = esc_letter[c];
			} else
				*o++ = (char)c;
		}
	}
	return (size_t)(o - out);
}

void
wire_put_escaped(FILE *fp, const char *s, size_t len)
{
	char	buf[2 * 4096];
	size_t	n;

	/* In pieces, through the one escaping loop, escape_to(). */
	for (; len > 0; s += n, len -= n) {
		n = len < sizeof(buf) / 2 ? len : sizeof(buf) / 2;
		fwrite_unlocked(buf, 1, escape_to(buf, s, n), fp);
	}
}

void
wire_buf_escape(struct wire_buf *b, const char *s, size_t len)
{
	wire_buf_grow(b, 2 * len);
	b->len += escape_to(b->p + b->len, s, len);
	b->p[b->len] = '\0';
}

int
wire_unescape(struct wire_buf *b, const char *s, size_t len)
{
	const char	*e, *bs;

	b->len = 0;
	wire_buf_grow(b, len);
	for (e = s + len; (bs = memchr(s, '\\', e - s)) != NULL; s = bs + 2) {
		wire_buf_add(b, s, bs - s);
		if (bs + 1 == e)
			return -1;
		switch (bs[1]) {
		case '\\': wire_buf_addc(b, '\\'); break;
		case 't': wire_buf_addc(b, '\t'); break;
		case 'n': wire_buf_addc(b, '\n'); break;
		case 'r': wire_buf_addc(b, '\r'); break;
		case '0': wire_buf_addc(b, '\0'); break;
		default: return -1;
		}
	}
	wire_buf_add(b, s, e - s);
	return 0;
}

void
wire_write(FILE *fp, const char *doc, size_t doclen, const char *pos,
    size_t poslen, const char *text, size_t textlen, const char *tags,
    size_t tagslen)
{
	wire_put_escaped(fp, doc, doclen);
	putc_unlocked('\t', fp);
	fwrite_unlocked(pos, 1, poslen, fp);
	putc_unlocked('\t', fp);
	wire_put_escaped(fp, text, textlen);
	if (tagslen > 0) {
		putc_unlocked('\t', fp);
		fwrite_unlocked(tags, 1, tagslen, fp);
	}
	putc_unlocked('\n', fp);
}

void
wire_rec_add(struct wire_buf *b, const char *doc, size_t doclen,
    const char *pos, size_t poslen, const char *text, size_t textlen,
    const char *tags, size_t tagslen)
{
	char	*p;

	wire_buf_grow(b, 2 * doclen + poslen + 2 * textlen + tagslen + 4);
	p = b->p + b->len;
	p += escape_to(p, doc, doclen);
	*p++ = '\t';
	memcpy(p, pos, poslen);
	p += poslen;
	*p++ = '\t';
	p += escape_to(p, text, textlen);
	if (tagslen > 0) {
		*p++ = '\t';
		memcpy(p, tags, tagslen);
		p += tagslen;
	}
	*p++ = '\n';
	*p = '\0';
	b->len = (size_t)(p - b->p);
}

void
wire_pos_sub(struct wire_buf *out, const char *pos, size_t poslen, size_t n)
{
	out->len = 0;
	wire_buf_grow(out, poslen + 24);
	memcpy(out->p, pos, poslen);
	out->p[poslen] = '.';
	out->len = poslen + 1 + wire_utoa(out->p + poslen + 1, n);
}

size_t
wire_utoa(char *out, size_t v)
{
	char	tmp[24];
	size_t	n = 0, i;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
	return n;
}

/* A record reader: one stream, its buffer and where it stands. */
struct reader {
	FILE		*fp;
	const char	*name;	/* for messages and as DOC in plain mode */
	int		 plain;	/* one paragraph per line, no fields */
	size_t		 line;
	char		*lp;	/* input buffer: lines are [start, end) */
	size_t		 lcap, start, end;
	size_t		 base;	/* where lp[0] is in the stream */
	size_t		 off;	/* where the last line began */
	int		 eof, mem;	/* mem: lp is the caller's */
	int		 error;	/* a read error ended the input */
	struct wire_buf	 doc, text, pos;
};

static void
reader_init(struct reader *r, FILE *fp, const char *name, int plain)
{
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = name;
	r->plain = plain;
}

/*
 * The next line, without its LF, in *line and *len.  Returns 1, 0 at
 * the end, -1 on a read error.  Lines are read with read(2) into one
 * buffer that grows to the longest line; before each read that may
 * wait, standard output is flushed, so records flow through a pipeline
 * as they come instead of when a buffer fills.
 */
static int
next_line(struct reader *r, char **line, size_t *len)
{
	char	*nl;
	ssize_t	 n;

	for (;;) {
		r->off = r->base + r->start;
		if (r->end > r->start && (nl = memchr(r->lp + r->start, '\n',
		    r->end - r->start)) != NULL) {
			*line = r->lp + r->start;
			*len = (size_t)(nl - *line);
			r->start += *len + 1;
			return 1;
		}
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			/* The last line has no LF: it is a line all the same. */
			*line = r->lp + r->start;
			*len = r->end - r->start;
			r->start = r->end;
			return 1;
		}
		fflush(stdout);
		wire_out_check();
		r->base += r->start;	/* the unread bytes move to the front */
		if ((n = wire_read_more(fileno(r->fp), &r->lp, &r->lcap,
		    &r->start, &r->end, 1 << 16)) == -1)
			return -1;
		if (n == 0)
			r->eof = 1;
	}
}

static void
reader_free(struct reader *r)
{
	if (!r->mem)
		free(r->lp);
	wire_buf_free(&r->doc);
	wire_buf_free(&r->text);
	wire_buf_free(&r->pos);
	memset(r, 0, sizeof(*r));
}

/*
 * Add one to the decimal count in b (empty for 0): plain mode numbers
 * every line, and this is cheaper than writing the number anew.
 */
static void
count_up(struct wire_buf *b)
{
	size_t	i = b->len;

	while (i > 0 && b->p[i - 1] == '9')
		b->p[--i] = '0';
	if (i > 0) {
		b->p[i - 1]++;
		return;
	}
	wire_buf_grow(b, 1);	/* 99 + 1: one more digit in front */
	memmove(b->p + 1, b->p, b->len);
	b->p[0] = '1';
	b->p[++b->len] = '\0';
}

/* A field's text: the line itself when it holds no escape, else a copy. */
static int
field(struct wire_buf *b, const char *s, size_t len, const char **out)
{
	if (memchr(s, '\\', len) == NULL) {
		*out = s;
		return 0;
	}
	if (wire_unescape(b, s, len) == -1)
		return -1;
	*out = b->p;
	return 0;
}

static int
valid_pos(const char *s, size_t len)
{
	size_t	i;
	int	digits = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && digits > 0)
			digits = 0;
		else
			return 0;
	}
	return digits > 0;
}

/* Check one tag field "key=value"; returns an error message or NULL. */
static const char *
valid_tag(const char *s, size_t len, struct wire_buf *scratch)
{
	size_t	i;

	if (len == 0 || s[0] < 'a' || s[0] > 'z')
		return "tag key must start with a-z";
	for (i = 1; i < len && s[i] != '='; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return "tag key may hold only a-z, 0-9 and _";
	if (i == len)
		return "tag field has no '='";
	if (memchr(s + i, '\\', len - i) != NULL &&
	    wire_unescape(scratch, s + i + 1, len - i - 1) == -1)
		return "bad escape in tag value";
	return NULL;
}

static int
bad(struct reader *r, const char *what)
{
	if (r->name != NULL)	/* else a second reading, told already */
		wire_warnat(r->name, r->line, "not a record: %s", what);
	return -1;
}

/*
 * Read the next record.  Returns 1 with *r filled, 0 at end of input,
 * or -1 for a line that is not a record (already reported as
 * "file:line: ..."; the caller goes on and exits non-zero).  A read
 * error is reported, sets error and ends the input with -1.  Standard
 * output is flushed whenever reading would wait.  In plain mode every
 * non-blank line is a record with DOC = the reader's name and POS = the
 * count of non-blank lines so far; blank lines are skipped.
 */
static int
read_rec(struct reader *r, struct wire_rec *rec)
{
	size_t		 len, i;
	char		*s, *t1, *t2, *t3, *e, *f;
	const char	*msg;
	int		 k;

	for (;;) {
		if ((k = next_line(r, &s, &len)) != 1) {
			if (k == -1) {
				wire_warnat(r->name, 0, "%s", strerror(errno));
				r->error = 1;
			}
			return k;
		}
		r->line++;
		if (len > 0 && s[len - 1] == '\r')
			len--;
		s[len] = '\0';
		rec->line = r->line;
		rec->off = r->off;
		if (!r->plain)
			break;
		for (i = 0; i < len; i++)
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' &&
			    s[i] != '\v' && s[i] != '\r')
				break;
		if (i == len)
			continue;
		count_up(&r->pos);
		rec->doc = r->name;
		rec->doclen = strlen(r->name);
		rec->pos = r->pos.p;
		rec->poslen = r->pos.len;
		rec->text = s;
		rec->textlen = len;
		rec->tags = "";
		rec->tagslen = 0;
		return 1;
	}

	e = s + len;
	if ((t1 = memchr(s, '\t', len)) == NULL ||
	    (t2 = memchr(t1 + 1, '\t', e - t1 - 1)) == NULL)
		return bad(r, "fewer than 3 TAB-separated fields");
	if ((t3 = memchr(t2 + 1, '\t', e - t2 - 1)) == NULL)
		t3 = e;
	if (t1 == s)
		return bad(r, "empty DOC field");
	if (!valid_pos(t1 + 1, t2 - t1 - 1))
		return bad(r, "POS must be numbers joined by dots");
	for (f = t3; f < e; f = t1) {
		f++;
		if ((t1 = memchr(f, '\t', e - f)) == NULL)
			t1 = e;
		/* r->text is free until TEXT is read below. */
		if ((msg = valid_tag(f, t1 - f, &r->text)) != NULL)
			return bad(r, msg);
	}
	t1 = memchr(s, '\t', len);
	if (field(&r->doc, s, t1 - s, &rec->doc) == -1)
		return bad(r, "bad escape in DOC");
	rec->doclen = rec->doc == s ? (size_t)(t1 - s) : r->doc.len;
	rec->pos = t1 + 1;
	rec->poslen = t2 - t1 - 1;
	if (field(&r->text, t2 + 1, t3 - t2 - 1, &rec->text) == -1)
		return bad(r, "bad escape in TEXT");
	rec->textlen = rec->text == t2 + 1 ? (size_t)(t3 - t2 - 1) :
	    r->text.len;
	rec->tags = t3 < e ? t3 + 1 : "";
	rec->tagslen = t3 < e ? (size_t)(e - t3 - 1) : 0;
	return 1;
}

/* Read each record of rd and call fn on it (wire_each_record()). */
static int
each(struct reader *rd, wire_rec_fn fn, void *arg)
{
	struct wire_rec	r;
	int		k, bad = 0;

	while ((k = read_rec(rd, &r)) != 0) {
		if (k == -1) {
			bad = 1;
			if (rd->error)
				break;
			continue;
		}
		fn(&r, arg);
	}
	reader_free(rd);
	return bad;
}

int
wire_each_record(FILE *fp, const char *name, int plain, wire_rec_fn fn,
    void *arg)
{
	struct reader	rd;

	reader_init(&rd, fp, name, plain);
	return each(&rd, fn, arg);
}

int
wire_each_record_mem(char *p, size_t len, wire_rec_fn fn, void *arg)
{
	struct reader	rd;

	reader_init(&rd, NULL, NULL, 0);
	rd.lp = p;
	rd.lcap = len + 1;
	rd.end = len;
	rd.eof = rd.mem = 1;
	return each(&rd, fn, arg);
}
