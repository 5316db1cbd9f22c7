/*
 * xdoc.c: short lines seen across the documents of one run.
 *
 * A site's menu, its footer and its share buttons come back in every
 * article of the site; wire-strip counts, in a first pass over its
 * operands, in how many documents each short line that is not a
 * sentence appears.  The table is capped, so memory stays bounded
 * however many documents there are: once full, new lines are not
 * counted (they count as seen once).
 */
#include <stdlib.h>
#include <string.h>

#include "strip.h"

#define CAP		(1u << 20)	/* lines counted at most: 32 MB */

/* A map value: the documents that had the line, and the last of them. */
#define DOCS(v)		((v) >> 32)
#define LAST(v)		((v) & 0xffffffff)

static uint64_t
key(struct xdoc *x, const char *s, size_t len)
{
	x->norm.len = 0;
	wire_norm(&x->norm, s, len);
	return wire_hash(x->norm.p, x->norm.len);
}

void
xdoc_add(struct xdoc *x, const char *s, size_t len)
{
	struct feat	 f;
	uint64_t	*v, h;
	const char	*e, *q;

	x->doc++;
	for (; len > 0; len -= (size_t)(e - s) + (q != NULL), s = e + (q != NULL)) {
		q = memchr(s, '\n', len);
		e = q != NULL ? q : s + len;
		line_features(&f, NULL, s, (size_t)(e - s));
		if (f.words == 0 || f.words > SHORTLINE || (f.flags & F_END))
			continue;
		h = key(x, s, (size_t)(e - s));
		if ((v = wire_map_find(&x->tab, h)) == NULL && x->tab.n < CAP)
			v = wire_map_get(&x->tab, h);
		if (v != NULL && LAST(*v) != x->doc)
			*v = (DOCS(*v) + 1) << 32 | x->doc;
		if (q == NULL)
			break;
	}
}

size_t
xdoc_count(struct xdoc *x, const char *s, size_t len)
{
	uint64_t	*v = wire_map_find(&x->tab, key(x, s, len));

	return v != NULL ? DOCS(*v) : 0;
}

void
xdoc_free(struct xdoc *x)
{
	wire_map_free(&x->tab);
	wire_buf_free(&x->norm);
	memset(x, 0, sizeof(*x));
}
