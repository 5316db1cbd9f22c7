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

#include "wire.h"

#define CAP	(1u << 20)	/* lines counted at most: 24 MB */

struct slot {
	uint64_t	h;
	uint32_t	docs;
	uint32_t	last;	/* the last document that counted it */
};

static uint64_t
key(struct wire_xdoc *x, const char *s, size_t len)
{
	x->norm.len = 0;
	wire_norm(&x->norm, s, len);
	return wire_hash(x->norm.p, x->norm.len) | 1;
}

static struct slot *
find(struct wire_xdoc *x, uint64_t h, int add)
{
	struct slot	*t = x->tab;
	size_t		 i, mask = x->cap - 1;

	if (t == NULL) {
		if (!add)
			return NULL;
		x->cap = 1024;
		x->tab = t = calloc(x->cap, sizeof(*t));
		if (t == NULL)
			wire_nomem();
		mask = x->cap - 1;
	}
	for (i = h & mask; t[i].h != 0; i = (i + 1) & mask)
		if (t[i].h == h)
			return &t[i];
	if (!add || x->n >= CAP)
		return NULL;
	if (x->n * 2 >= x->cap) {
		struct slot *old = t;
		size_t k, oc = x->cap;

		x->cap *= 2;
		x->tab = calloc(x->cap, sizeof(*t));
		if (x->tab == NULL)
			wire_nomem();
		x->n = 0;
		for (k = 0; k < oc; k++)
			if (old[k].h != 0)
				*find(x, old[k].h, 1) = old[k];
		free(old);
		return find(x, h, 1);
	}
	t[i].h = h;
	x->n++;
	return &t[i];
}

void
wire_xdoc_add(struct wire_xdoc *x, const char *s, size_t len)
{
	struct wire_feat	 f;
	struct slot		*sl;
	const char		*e, *q;

	x->doc++;
	for (; len > 0; len -= (size_t)(e - s) + (q != NULL), s = e + (q != NULL)) {
		q = memchr(s, '\n', len);
		e = q != NULL ? q : s + len;
		wire_line_features(&f, NULL, s, (size_t)(e - s));
		if (f.words == 0 || f.words > 12 || (f.flags & WIRE_F_END))
			continue;
		if ((sl = find(x, key(x, s, (size_t)(e - s)), 1)) != NULL &&
		    sl->last != x->doc) {
			sl->last = x->doc;
			sl->docs++;
		}
		if (q == NULL)
			break;
	}
}

size_t
wire_xdoc_count(struct wire_xdoc *x, const char *s, size_t len)
{
	struct slot	*sl = find(x, key(x, s, len), 0);

	return sl != NULL ? sl->docs : 0;
}

void
wire_xdoc_free(struct wire_xdoc *x)
{
	free(x->tab);
	wire_buf_free(&x->norm);
	memset(x, 0, sizeof(*x));
}
