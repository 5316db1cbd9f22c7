/*
 * warc.c: web archives, WARC and WET (Common Crawl), plain or gzipped a
 * record at a time (zlib: members one after the other).  A WET
 * "conversion" record is an article's text; a "response" or "resource"
 * record of HTML is a page for html.c, its HTTP body unchunked and
 * inflated when it says so.  An article is named by WARC-Target-URI.
 * The other records (warcinfo, request, metadata, revisit, ...) are
 * skipped and counted.  A record whose Content-Length does not end where
 * the next record starts, or a gzip stream cut short, is an error: what
 * came before it stands.
 */
#define _GNU_SOURCE		/* memmem(), strcasestr() */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "strip.h"

#define CHUNK	(1 << 16)

/* The bytes of the archive, inflated when it is gzipped. */
struct src {
	struct input	*in;
	int		 gz, zdone, zinit, eof;
	z_stream	 z;
	const char	*raw;		/* input not yet inflated */
	size_t		 rawlen;
	struct wire_buf	 b;		/* bytes [start, b.len) not taken */
	size_t		 start;
	const char	*err;
};

/* Some more bytes into s->b: 1, 0 at the end, -1 on an error. */
static int
more(struct src *s)
{
	int	r;

	if (s->start > 0) {
		memmove(s->b.p, s->b.p + s->start, s->b.len - s->start);
		s->b.len -= s->start;
		s->start = 0;
	}
	for (;;) {
		if (s->rawlen == 0) {
			r = input_chunk(s->in, &s->raw, &s->rawlen);
			if (r == -1) {
				s->err = "read error";
				return -1;
			}
			if (r == 0) {
				if (s->gz && !s->zdone) {
					s->err = "gzip stream cut short";
					return -1;
				}
				return 0;
			}
		}
		if (!s->gz) {
			wire_buf_add(&s->b, s->raw, s->rawlen);
			s->rawlen = 0;
			return 1;
		}
		if (s->zdone) {
			/* Another member follows the last. */
			if (inflateReset(&s->z) != Z_OK) {
				s->err = "gzip error";
				return -1;
			}
			s->zdone = 0;
		}
		wire_buf_grow(&s->b, CHUNK);
		s->z.next_in = (Bytef *)(uintptr_t)s->raw;
		s->z.avail_in = (uInt)(s->rawlen < UINT32_MAX ? s->rawlen :
		    UINT32_MAX);
		s->z.next_out = (Bytef *)s->b.p + s->b.len;
		s->z.avail_out = CHUNK;
		r = inflate(&s->z, Z_NO_FLUSH);
		s->rawlen -= (size_t)((const char *)s->z.next_in - s->raw);
		s->raw = (const char *)s->z.next_in;
		s->b.len += CHUNK - s->z.avail_out;
		if (r == Z_STREAM_END)
			s->zdone = 1;
		else if (r != Z_OK && r != Z_BUF_ERROR) {
			s->err = "not a gzip stream that can be read";
			return -1;
		}
		if (CHUNK - s->z.avail_out > 0)
			return 1;
	}
}

/* At least n bytes, or all there are: how many there are, -1 on error. */
static ssize_t
need(struct src *s, size_t n)
{
	int	r;

	while (s->b.len - s->start < n)
		if ((r = more(s)) <= 0) {
			if (r == -1)
				return -1;
			break;
		}
	return (ssize_t)(s->b.len - s->start);
}

/* The header block: up to and with the blank line; its length, 0, -1. */
static ssize_t
header(struct src *s)
{
	const char	*p, *e;
	size_t		 from = 0;

	for (;;) {
		p = s->b.p + s->start;
		e = s->b.len - s->start >= 4 ? memmem(p + from, s->b.len -
		    s->start - from, "\r\n\r\n", 4) : NULL;
		if (e != NULL)
			return e + 4 - p;
		from = s->b.len - s->start > 3 ? s->b.len - s->start - 3 : 0;
		if (s->b.len - s->start > (1 << 20)) {
			s->err = "a header longer than 1 MB";
			return -1;
		}
		switch (more(s)) {
		case -1:
			return -1;
		case 0:
			if (s->b.len == s->start)
				return 0;
			s->err = "cut short in a header";
			return -1;
		}
	}
}

/* The value of header field name in h (len bytes), into v; 0 if none. */
static int
hfield(const char *h, size_t len, const char *name, struct wire_buf *v)
{
	const char	*p = h, *e = h + len, *nl, *c;
	size_t		 n = strlen(name);

	v->len = 0;
	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if ((size_t)(nl - p) <= n || strncasecmp(p, name, n) != 0 ||
		    p[n] != ':')
			continue;
		for (c = p + n + 1; c < nl && (*c == ' ' || *c == '\t'); c++)
			;
		while (nl > c && (nl[-1] == '\r' || nl[-1] == ' '))
			nl--;
		wire_buf_add(v, c, (size_t)(nl - c));
		wire_buf_addc(v, '\0');
		v->len--;
		return 1;
	}
	return 0;
}

/* Undo chunked transfer coding in place; the new length, or -1. */
static ssize_t
unchunk(char *p, size_t len)
{
	size_t	 in = 0, out = 0, n;
	char	*e;

	for (;;) {
		n = strtoul(p + in, &e, 16);
		if (e == p + in || (e = memchr(e, '\n', len - (size_t)(e - p))) ==
		    NULL)
			return -1;
		in = (size_t)(e - p) + 1;
		if (n == 0)
			return (ssize_t)out;
		if (n > len - in)
			return -1;
		memmove(p + out, p + in, n);
		out += n;
		in += n;
		while (in < len && (p[in] == '\r' || p[in] == '\n'))
			in++;
	}
}

/* Inflate a gzip or deflate body into out; 0, or -1. */
static int
inflated(const char *p, size_t len, struct wire_buf *out)
{
	z_stream	z;
	int		r;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 32) != Z_OK)	/* gzip or zlib */
		return -1;
	z.next_in = (Bytef *)(uintptr_t)p;
	z.avail_in = (uInt)len;
	out->len = 0;
	do {
		wire_buf_grow(out, CHUNK);
		z.next_out = (Bytef *)out->p + out->len;
		z.avail_out = CHUNK;
		r = inflate(&z, Z_NO_FLUSH);
		out->len += CHUNK - z.avail_out;
	} while (r == Z_OK);
	inflateEnd(&z);
	return r == Z_STREAM_END ? 0 : -1;
}

struct counts {
	size_t	records, articles, skipped;
};

/* An HTTP response: its HTML body to html.c; 0, 1 skipped, -1 bad. */
static int
http(char *p, size_t len, struct page *pg, struct wire_buf *v,
    struct wire_buf *tmp)
{
	const char	*e = memmem(p, len, "\r\n\r\n", 4), *cs;
	char		*body;
	size_t		 hl, bl;
	ssize_t		 n;

	if (e == NULL)
		return -1;
	hl = (size_t)(e - p) + 4;
	body = p + hl;
	bl = len - hl;
	if (!hfield(p, hl, "Content-Type", v) || strstr(v->p, "html") == NULL)
		return 1;
	cs = strcasestr(v->p, "charset=");
	if (cs != NULL)
		cs += 8;
	if (hfield(p, hl, "Transfer-Encoding", v) &&
	    strcasestr(v->p, "chunked") != NULL) {
		if ((n = unchunk(body, bl)) == -1)
			return -1;
		bl = (size_t)n;
	}
	if (hfield(p, hl, "Content-Encoding", v) && (strcasestr(v->p, "gzip") !=
	    NULL || strcasestr(v->p, "deflate") != NULL)) {
		if (inflated(body, bl, tmp) == -1)
			return -1;
		body = tmp->p;
		bl = tmp->len;
	}
	return html_page(pg, body, bl, cs != NULL && *cs != '\0' ? cs : NULL) ==
	    -1 ? -1 : 0;
}

int
warc_file(struct input *in, const char *name, struct page *pg, page_fn fn,
    void *arg)
{
	struct src	 s;
	struct counts	 c = { 0, 0, 0 };
	struct wire_buf	 type = { 0 }, uri = { 0 }, v = { 0 }, tmp = { 0 };
	const char	*peek;
	size_t		 plen, len;
	ssize_t		 hl;
	char		*body, where[64];
	int		 r, bad = 0;

	memset(&s, 0, sizeof(s));
	s.in = in;
	if (input_peek(in, 2, &peek, &plen) == -1)
		return -1;
	s.gz = plen >= 2 && (unsigned char)peek[0] == 0x1f &&
	    (unsigned char)peek[1] == 0x8b;
	if (s.gz && inflateInit2(&s.z, 16 + MAX_WBITS) != Z_OK)
		return -1;
	s.zinit = s.gz;
	for (;;) {
		if (need(&s, 5) < 5) {
			bad |= s.err != NULL || s.b.len > s.start;
			if (s.err == NULL && s.b.len > s.start)
				s.err = "bytes after the last record";
			break;
		}
		if (strncmp(s.b.p + s.start, "WARC/", 5) != 0) {
			s.err = c.records == 0 ? "not a WARC file" :
			    "does not start where the last ended (a wrong "
			    "Content-Length?)";
			c.records++;
			bad = 1;
			break;
		}
		if ((hl = header(&s)) <= 0) {
			bad = 1;
			break;
		}
		c.records++;
		snprintf(where, sizeof(where), "record %zu", c.records);
		if (!hfield(s.b.p + s.start, (size_t)hl, "Content-Length",
		    &v)) {
			s.err = "a record without Content-Length";
			bad = 1;
			break;
		}
		len = strtoul(v.p, NULL, 10);
		hfield(s.b.p + s.start, (size_t)hl, "WARC-Type", &type);
		hfield(s.b.p + s.start, (size_t)hl, "WARC-Target-URI", &uri);
		if (type.p == NULL)
			wire_buf_adds(&type, "");
		if (need(&s, (size_t)hl + len + 4) < (ssize_t)((size_t)hl + len)) {
			s.err = s.err != NULL ? s.err :
			    "cut short in a record";
			bad = 1;
			break;
		}
		body = s.b.p + s.start + hl;
		page_clear(pg);
		r = 1;
		if (strcmp(type.p, "conversion") == 0) {
			wire_buf_add(&pg->text, body, len);
			pg->nhint = 0;
			r = 0;
		} else if (strcmp(type.p, "response") == 0 ||
		    strcmp(type.p, "resource") == 0) {
			if (strcmp(type.p, "resource") == 0) {
				hfield(s.b.p + s.start, (size_t)hl,
				    "Content-Type", &v);
				r = v.p != NULL && strstr(v.p, "html") != NULL ?
				    html_page(pg, body, len, NULL) : 1;
			} else
				r = http(body, len, pg, &v, &tmp);
			if (r == -1)
				wire_warnat(name, 0, "%s: %s: not HTTP or HTML "
				    "that can be read", where, uri.p ? uri.p :
				    "-");
		}
		if (r == 0) {
			if (uri.len > 0 && pg->m.url.len == 0)
				wire_buf_add(&pg->m.url, uri.p, uri.len);
			fn(arg, uri.len > 0 ? uri.p : name, uri.len > 0 ?
			    uri.len : strlen(name), pg, name);
			c.articles++;
		} else
			c.skipped++;
		s.start += (size_t)hl + len;
		/* Two line ends end a record. */
		(void)need(&s, 4);
		while (s.start < s.b.len && (s.b.p[s.start] == '\r' ||
		    s.b.p[s.start] == '\n'))
			s.start++;
	}
	if (bad && c.records > 1)
		wire_warnat(name, 0, "record %zu: %s", c.records,
		    s.err != NULL ? s.err : "cannot be read");
	else if (bad)
		wire_warnat(name, 0, "%s", s.err != NULL ? s.err :
		    "cannot be read");
	if (c.skipped > 0)
		wire_warnat(name, 0, "%zu WARC %s skipped: not text or HTML",
		    c.skipped, c.skipped == 1 ? "record" : "records");
	if (s.zinit)
		inflateEnd(&s.z);
	wire_buf_free(&s.b);
	wire_buf_free(&type);
	wire_buf_free(&uri);
	wire_buf_free(&v);
	wire_buf_free(&tmp);
	return bad ? -2 : 1;
}
