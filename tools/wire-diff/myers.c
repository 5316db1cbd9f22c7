/*
 * myers.c: the shortest edit script between two sequences of hashes
 * (Myers 1986, "An O(ND) difference algorithm"), with the linear-space
 * refinement: split at the middle snake and recurse, so memory stays
 * linear however long the sequences.
 *
 * The search for the middle snake costs D^2 steps for D edits, so two
 * long texts that differ all along (a word in ten changed) would take
 * quadratic time.  As GNU diff does, the search gives up after COSTMAX
 * edits and splits where it got furthest, from the front or from the
 * back: the script is then short but not always the shortest, and the
 * time linear in the texts.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

#define COSTMAX	1024	/* edits the search for a middle snake tries */

struct ctx {
	const uint64_t	*a, *b;
	unsigned char	*da, *db;	/* 1: deleted from a / inserted in b */
	long		*vf, *vb;	/* forward and backward V arrays */
};

/*
 * Find the middle snake of a[a0, a1) and b[b0, b1): on return
 * [*x, *u) in a matches [*y, *v) in b (possibly empty), and the edit
 * distance is in *d.
 */
static void
middle(struct ctx *c, long a0, long a1, long b0, long b1, long *x, long *y,
    long *u, long *v)
{
	long	n = a1 - a0, m = b1 - b0, delta = n - m, max = (n + m + 1) / 2;
	long	off = max + 1, d, k, xx, yy, fbest = -1, fx = 0, fy = 0;
	long	bbest = -1, bx = 0, by = 0;
	int	odd = delta & 1;

	c->vf[off + 1] = 0;
	c->vb[off + 1] = 0;
	for (d = 0; d <= max; d++) {
		if (d > COSTMAX) {
			/* Too costly: split where one search got furthest. */
			if (fbest >= bbest) {
				*x = *u = a0 + fx;
				*y = *v = b0 + fy;
			} else {
				*x = *u = a0 + bx;
				*y = *v = b0 + by;
			}
			return;
		}
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && c->vf[off + k - 1] <
			    c->vf[off + k + 1]))
				xx = c->vf[off + k + 1];
			else
				xx = c->vf[off + k - 1] + 1;
			yy = xx - k;
			*x = xx;
			*y = yy;
			while (xx < n && yy < m && c->a[a0 + xx] == c->b[b0 + yy]) {
				xx++;
				yy++;
			}
			c->vf[off + k] = xx;
			if (xx <= n && yy <= m && xx + yy > fbest) {
				fbest = xx + yy;
				fx = xx;
				fy = yy;
			}
			if (odd && k - delta >= -(d - 1) && k - delta <= d - 1 &&
			    xx + c->vb[off + delta - k] >= n) {
				*x += a0; *y += b0;
				*u = a0 + xx; *v = b0 + yy;
				return;
			}
		}
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && c->vb[off + k - 1] <
			    c->vb[off + k + 1]))
				xx = c->vb[off + k + 1];
			else
				xx = c->vb[off + k - 1] + 1;
			yy = xx - k;
			*u = n - xx;
			*v = m - yy;
			while (xx < n && yy < m &&
			    c->a[a0 + n - xx - 1] == c->b[b0 + m - yy - 1]) {
				xx++;
				yy++;
			}
			c->vb[off + k] = xx;
			if (xx <= n && yy <= m && xx + yy > bbest) {
				bbest = xx + yy;
				bx = n - xx;
				by = m - yy;
			}
			if (!odd && delta - k >= -d && delta - k <= d &&
			    xx + c->vf[off + delta - k] >= n) {
				*x = a0 + n - xx; *y = b0 + m - yy;
				*u += a0; *v += b0;
				return;
			}
		}
	}
	/* Not reached: d = max always meets. */
	*x = *u = a0;
	*y = *v = b0;
}

static void
diff(struct ctx *c, long a0, long a1, long b0, long b1)
{
	long	x, y, u, v;

	/* Common ends first: cheap, and most pairs differ in little. */
	while (a0 < a1 && b0 < b1 && c->a[a0] == c->b[b0]) {
		a0++;
		b0++;
	}
	while (a0 < a1 && b0 < b1 && c->a[a1 - 1] == c->b[b1 - 1]) {
		a1--;
		b1--;
	}
	if (a0 == a1) {
		for (; b0 < b1; b0++)
			c->db[b0] = 1;
		return;
	}
	if (b0 == b1) {
		for (; a0 < a1; a0++)
			c->da[a0] = 1;
		return;
	}
	middle(c, a0, a1, b0, b1, &x, &y, &u, &v);
	if (x == a0 && y == b0 && u == a1 && v == b1) {
		/* Cannot split further: all replaced. */
		for (; a0 < a1; a0++)
			c->da[a0] = 1;
		for (; b0 < b1; b0++)
			c->db[b0] = 1;
		return;
	}
	diff(c, a0, x, b0, y);
	diff(c, u, a1, v, b1);
}

void
myers(const uint64_t *a, size_t n, const uint64_t *b, size_t m,
    unsigned char *da, unsigned char *db)
{
	struct ctx	c = { a, b, da, db, NULL, NULL };
	size_t		vlen = n + m + 4;

	memset(da, 0, n);
	memset(db, 0, m);
	c.vf = wire_xrealloc(NULL, vlen, sizeof(long));
	c.vb = wire_xrealloc(NULL, vlen, sizeof(long));
	diff(&c, 0, (long)n, 0, (long)m);
	free(c.vf);
	free(c.vb);
}
