/*
 * para.c: an article cut into lines and paragraphs, with the metadata
 * that a paragraph may carry inline.
 */
#include <stdlib.h>
#include <string.h>

#include "strip.h"

static struct para *
new_para(struct strip *st, size_t off, size_t len, size_t line0,
    size_t line1)
{
	struct para *p;

	st->p = wire_grow(st->p, &st->cap, st->n + 1, sizeof(*st->p));
	p = &st->p[st->n++];
	*p = (struct para){ .off = off, .len = len, .line0 = line0,
	    .line1 = line1 };
	return p;
}

/* Code points in s: the bytes that are not UTF-8 continuation bytes. */
static size_t
width(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * Split the text into lines and the lines into paragraphs.  A block of
 * lines without blank lines between them is one paragraph when it is
 * text hard-wrapped at a fixed width: short lines, broken in mid
 * sentence; otherwise each of its lines is a paragraph.
 */
void
paragraphs(struct strip *st, const char *s, size_t len)
{
	const char	*q;
	size_t		 i, j, e, b0, nl, ln, k, maxw, minw, mid, nlines = 0;
	size_t		*off, *end;

	/*
	 * The text: the article itself, where a paragraph of one line
	 * stays, and only when it has wrapped text a copy of it with their
	 * lines joined after it.
	 */
	st->text.len = 0;
	for (i = 0; i < len; i = e + 1) {
		q = memchr(s + i, '\n', len - i);
		e = q ? (size_t)(q - s) : len;
		if (nlines == st->lcap) {
			st->lcap = st->lcap ? st->lcap * 2 : 256;
			st->loff = wire_xrealloc(st->loff, st->lcap,
			    sizeof(*st->loff));
			st->lend = wire_xrealloc(st->lend, st->lcap,
			    sizeof(*st->lend));
		}
		st->loff[nlines] = i;
		st->lend[nlines] = e > i && s[e - 1] == '\r' ? e - 1 : e;
		nlines++;
	}
	off = st->loff;
	end = st->lend;
	st->nlines = nlines;
	for (ln = 0; ln < nlines; ln = b0 + nl) {
		for (b0 = ln; b0 < nlines; b0++) {
			for (j = off[b0]; j < end[b0] && (s[j] == ' ' ||
			    s[j] == '\t' || s[j] == '\f'); j++)
				;
			if (j < end[b0])
				break;
		}
		for (nl = 0; b0 + nl < nlines; nl++) {
			for (j = off[b0 + nl]; j < end[b0 + nl] &&
			    (s[j] == ' ' || s[j] == '\t' || s[j] == '\f'); j++)
				;
			if (j == end[b0 + nl])
				break;
		}
		if (nl == 0)
			break;
		for (k = maxw = mid = 0, minw = SIZE_MAX; nl >= 2 && k < nl; k++) {
			size_t w = width(s + off[b0 + k], end[b0 + k] -
			    off[b0 + k]), a = end[b0 + k];

			maxw = w > maxw ? w : maxw;
			if (k + 1 < nl && w < minw)
				minw = w;
			if (k + 1 < nl && a > off[b0 + k] && s[a - 1] != '.' &&
			    s[a - 1] != '!' && s[a - 1] != '?' && s[a - 1] != ':' &&
			    s[a - 1] != '"' && s[a - 1] != '\'')
				mid++;
		}
		/*
		 * Wrapped text: lines of about one width (all but the last),
		 * most of them broken in mid sentence.
		 */
		if (nl >= 2 && maxw >= 40 && maxw <= 100 && minw * 5 >= maxw * 3 &&
		    mid * 2 >= nl - 1) {
			/* Hard-wrapped: one paragraph, lines joined by spaces. */
			size_t o;

			if (st->text.len == 0)
				wire_buf_add(&st->text, s, len);
			o = st->text.len;

			for (k = 0; k < nl; k++) {
				const char *a = s + off[b0 + k];
				size_t l = end[b0 + k] - off[b0 + k];

				if (k > 0) {
					while (l > 0 && (*a == ' ' || *a == '\t')) {
						a++;
						l--;
					}
					wire_buf_addc(&st->text, ' ');
				}
				wire_buf_add(&st->text, a, l);
			}
			new_para(st, o, st->text.len - o, b0 + 1, b0 + nl);
			continue;
		}
		for (k = 0; k < nl; k++)
			new_para(st, off[b0 + k], end[b0 + k] - off[b0 + k],
			    b0 + k + 1, b0 + k + 1);
	}
	st->base = st->text.len > 0 ? st->text.p : s;
}

/*
 * Metadata inside a paragraph: a "date 2025-12-16" token that opens it
 * and a "(Reuters)" credit that closes it come off the text.
 */
void
inline_metadata(struct strip *st, struct para *p)
{
	static const char *const agencies[] = { "(Reuters)", "(AP)", "(AFP)",
	    "(UPI)", "(dpa)", "(Bloomberg)", "(PA)", "(ANI)", "(IANS)", NULL };
	const char *t = st->base + p->off;
	size_t	 i, n, l = p->len;

	for (i = 0; i < l && (t[i] == ' ' || t[i] == '\t'); i++)
		;
	if (l - i > 16 && memcmp(t + i, "date ", 5) == 0 &&
	    t[i + 9] == '-' && t[i + 12] == '-' && t[i + 15] == ' ') {
		st->meta_date = p->off + i + 5;
		st->meta_datelen = 10;
		p->off += i + 16;
		p->len -= i + 16;
		t = st->base + p->off;
		l = p->len;
	}
	while (l > 0 && (t[l - 1] == ' ' || t[l - 1] == '\t'))
		l--;
	if (l == 0 || t[l - 1] != ')')
		return;
	for (i = 0; agencies[i] != NULL; i++) {
		n = strlen(agencies[i]);
		if (l > n + 1 && memcmp(t + l - n, agencies[i], n) == 0 &&
		    (t[l - n - 1] == ' ' || t[l - n - 1] == '\t')) {
			st->meta_credit = p->off + l - n + 1;
			st->meta_creditlen = n - 2;
			for (l -= n; l > 0 && (t[l - 1] == ' ' || t[l - 1] == '\t');
			    l--)
				;
			p->len = l;
			return;
		}
	}
}

/* A wire dateline: "ST. JOSEPH, Mich. (AP) — ...", "BERLIN - ...". */
int
dateline(const char *s, size_t len)
{
	size_t	i, caps = 0;

	/* A dateline opens with a place in capitals: "BERLIN", "ST. PAUL". */
	if (len < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
		return 0;
	for (i = 0; i < len && i < 60; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		if ((s[i] == '-' && i + 1 < len && s[i + 1] == ' ') ||
		    ((unsigned char)s[i] == 0xe2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x94 ||
		    (unsigned char)s[i + 2] == 0x93)))
			return caps >= 3 && i > 2 && s[i - 1] == ' ';
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' &&
		    s[i] <= 'z') || s[i] == ' ' || s[i] == '.' || s[i] == ',' ||
		    s[i] == '/' || s[i] == '(' || s[i] == ')' || s[i] == '\''))
			return 0;
	}
	return 0;
}
