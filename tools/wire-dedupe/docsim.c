/*
 * docsim.c: which documents share text (wire-dedupe -d).
 *
 * Every record long enough to be evidence joins the cluster of the
 * earlier record it repeats (or starts one).  At the end each cluster
 * that spans from 2 to MAXDOCS documents counts, for every pair of its
 * documents, the records of each found in the other.  A cluster in more
 * documents than that is boilerplate (a trailer, a standard sentence),
 * not shared wire copy, and would bring a quadratic number of pairs.
 */
#include <stdlib.h>
#include <string.h>

#include "dedupe.h"

#define MAXDOCS		1000
#define COPY_SHARE	0.6	/* the larger share that makes a copy */

void
docsim_add(struct docsim *ds, uint32_t doc, uint32_t cluster)
{
	size_t	cap = ds->ndocs;

	ds->m = wire_grow(ds->m, &ds->cap, ds->n + 1, sizeof(*ds->m));
	ds->m[ds->n].clu = cluster;
	ds->m[ds->n++].doc = doc;
	if (doc >= ds->ndocs) {
		ds->total = wire_grow(ds->total, &cap, doc + 1,
		    sizeof(*ds->total));
		memset(ds->total + ds->ndocs, 0, (cap - ds->ndocs) *
		    sizeof(*ds->total));
		ds->ndocs = cap;
	}
	ds->total[doc]++;
}

static int
by_cluster(const void *x, const void *y)
{
	const struct member *a = x, *b = y;

	if (a->clu != b->clu)
		return a->clu < b->clu ? -1 : 1;
	return (a->doc > b->doc) - (a->doc < b->doc);
}

/* A pair's counts in one map value: A's records in B, then B's in A. */
#define A_IN_B(v)	((v) >> 32)
#define B_IN_A(v)	((v) & 0xffffffff)

/*
 * A copy: most of one document is found in the other (a trimmed or
 * restyled copy has a high share on its side only).  One shared record
 * makes a copy only of a one-record document: two market reports or
 * dividend notices that share a template line are not copies.
 */
static int
is_copy(size_t a_in_b, size_t a_total, size_t b_in_a, size_t b_total)
{
	double	sa = (double)a_in_b / a_total, sb = (double)b_in_a / b_total;

	if (sa >= sb)
		return sa >= COPY_SHARE && (a_in_b >= 2 || a_total == 1);
	return sb >= COPY_SHARE && (b_in_a >= 2 || b_total == 1);
}

static int
by_key(const void *x, const void *y)
{
	const uint64_t *a = x, *b = y;

	return (a[0] > b[0]) - (a[0] < b[0]);
}

void
docsim_print(struct docsim *ds, const struct seen *sn, FILE *fp)
{
	struct member	*m = ds->m;
	struct wire_map	 pairs = { 0 };
	uint64_t	*v, (*tab)[2], key, val;
	size_t		 i, j, k, a, b, first, ndoc, it = 0;
	double		 sa, sb;

	wire_sort(m, ds->n, sizeof(*m), by_cluster);
	for (first = 0; first < ds->n; first = i) {
		for (i = first, ndoc = 0; i < ds->n && m[i].clu == m[first].clu;
		    i++)
			if (i == first || m[i].doc != m[i - 1].doc)
				ndoc++;
		if (ndoc < 2 || ndoc > MAXDOCS)
			continue;
		/* Runs of one document: [a, a_end) and [b, b_end). */
		for (a = first; a < i; a = j) {
			for (j = a; j < i && m[j].doc == m[a].doc; j++)
				;
			for (b = j; b < i; b = k) {
				for (k = b; k < i && m[k].doc == m[b].doc; k++)
					;
				v = wire_map_get(&pairs,
				    (uint64_t)m[a].doc << 32 | m[b].doc);
				*v += (uint64_t)(j - a) << 32 | (k - b);
			}
		}
	}
	/* The pairs in document order. */
	tab = wire_xrealloc(NULL, pairs.n + 1, sizeof(*tab));
	for (j = 0; wire_map_next(&pairs, &it, &key, &val); j++) {
		tab[j][0] = key;
		tab[j][1] = val;
	}
	wire_sort(tab, j, sizeof(*tab), by_key);
	for (i = 0; i < j; i++) {
		a = (size_t)(tab[i][0] >> 32);
		b = (size_t)(tab[i][0] & 0xffffffff);
		sa = (double)A_IN_B(tab[i][1]) / ds->total[a];
		sb = (double)B_IN_A(tab[i][1]) / ds->total[b];
		wire_put_escaped(fp, sn->docs.name[a], sn->docs.len[a]);
		putc('\t', fp);
		wire_put_escaped(fp, sn->docs.name[b], sn->docs.len[b]);
		fprintf(fp, "\t%.2f\t%.2f\t%s\n", sa, sb,
		    is_copy(A_IN_B(tab[i][1]), ds->total[a], B_IN_A(tab[i][1]),
		    ds->total[b]) ? "copy" : "partial");
	}
	free(tab);
	wire_map_free(&pairs);
}

void
docsim_free(struct docsim *ds)
{
	free(ds->m);
	free(ds->total);
	memset(ds, 0, sizeof(*ds));
}
