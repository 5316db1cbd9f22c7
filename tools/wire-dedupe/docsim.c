/*
 * docsim.c: which documents share text (wire-dedupe -d).
 *
 * Every record long enough to be evidence joins the cluster of the
 * earlier record it repeats (or starts one).  At the end each cluster
 * that spans from 2 to MAXDOCS documents counts, for every pair of its
 * documents, the records of each found in the other.  A cluster in more
 * documents than that is boilerplate (a trailer, a standard sentence),
 * not shared wire copy, and would bring a quadratic number of pairs.
 * Exact copies are counted once, as a class (classes()): the work goes
 * with the pairs written, not with the clusters times the pairs.
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

static int
by_doc(const void *x, const void *y)
{
	const struct member *a = x, *b = y;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return (a->clu > b->clu) - (a->clu < b->clu);
}

static int
same_clusters(const struct member *a, const struct member *b, size_t na,
    size_t nb)
{
	size_t	i;

	for (i = 0; na == nb && i < na; i++)
		if (a[i].clu != b[i].clu)
			return 0;
	return na == nb;
}

/*
 * Documents with the same clusters, each as many times, are a class:
 * copies of one text.  Their pairs with any other document count the
 * same, so pairs are counted between classes, and a story run by a
 * thousand outlets costs what one copy does.  cls[doc] is its class;
 * docs[first[c], first[c + 1]) are the documents of class c.
 */
static uint32_t
classes(struct docsim *ds, uint32_t *cls, uint32_t **docs, uint32_t **first)
{
	struct member	*m = wire_xrealloc(NULL, ds->n + 1, sizeof(*m));
	struct wire_map	 byhash = { 0 };
	size_t		*start, *len, i, j, d;
	uint32_t	 nc = 0, *count, c;
	uint64_t	*v, h;

	if (ds->n > 0)
		memcpy(m, ds->m, ds->n * sizeof(*m));
	wire_sort(m, ds->n, sizeof(*m), by_doc);
	start = wire_xrealloc(NULL, ds->ndocs + 1, sizeof(*start));
	len = wire_xrealloc(NULL, ds->ndocs + 1, sizeof(*len));
	memset(start, 0, (ds->ndocs + 1) * sizeof(*start));	/* no members */
	memset(len, 0, (ds->ndocs + 1) * sizeof(*len));
	for (i = 0; i < ds->n; i = j) {
		for (j = i; j < ds->n && m[j].doc == m[i].doc; j++)
			;
		start[m[i].doc] = i;
		len[m[i].doc] = j - i;
	}
	for (d = 0; d < ds->ndocs; d++) {
		h = wire_hash(&(uint64_t){ len[d] }, sizeof(uint64_t));
		for (i = 0; i < len[d]; i++)
			h = wire_hash(&(uint64_t[2]){ h, m[start[d] + i].clu },
			    16);
		v = wire_map_get(&byhash, h);
		c = (uint32_t)*v;
		/* The same hash and the same clusters; else a class alone. */
		if (*v != 0 && same_clusters(m + start[c - 1], m + start[d],
		    len[c - 1], len[d]))
			cls[d] = cls[c - 1];
		else {
			if (*v == 0)
				*v = d + 1;
			cls[d] = nc++;
		}
	}
	count = wire_xrealloc(NULL, nc + 2, sizeof(*count));
	memset(count, 0, (nc + 2) * sizeof(*count));
	for (d = 0; d < ds->ndocs; d++)
		count[cls[d] + 2]++;
	for (c = 0; c < nc; c++)
		count[c + 2] += count[c + 1];
	*docs = wire_xrealloc(NULL, ds->ndocs + 1, sizeof(**docs));
	for (d = 0; d < ds->ndocs; d++)
		(*docs)[count[cls[d] + 1]++] = (uint32_t)d;
	*first = count;		/* count[c] is now where class c starts */
	free(m);
	free(start);
	free(len);
	wire_map_free(&byhash);
	return nc;
}

/* Add the counts of class pair (c, d) to the pairs of their documents. */
static void
expand(struct wire_map *pairs, const uint32_t *docs, const uint32_t *first,
    uint32_t c, uint32_t d, uint64_t val)
{
	uint32_t	i, j, x, y;
	uint64_t	swapped = B_IN_A(val) << 32 | A_IN_B(val);

	for (i = first[c]; i < first[c + 1]; i++)
		for (j = c == d ? i + 1 : first[d]; j < first[d + 1]; j++) {
			x = docs[i];
			y = docs[j];
			*wire_map_get(pairs, x < y ? (uint64_t)x << 32 | y :
			    (uint64_t)y << 32 | x) += x < y ? val : swapped;
		}
}

void
docsim_print(struct docsim *ds, const struct seen *sn, FILE *fp)
{
	struct member	*m = ds->m;
	struct wire_map	 cpairs = { 0 }, pairs = { 0 };
	uint64_t	(*tab)[2], key, val;
	uint32_t	*cls, *docs, *first, *cnt, c, d;
	size_t		 i, j, k, a, b, ndoc, it = 0, nc, *inc, ninc, *stamp;
	double		 sa, sb;

	cls = wire_xrealloc(NULL, ds->ndocs + 1, sizeof(*cls));
	nc = classes(ds, cls, &docs, &first);
	stamp = wire_xrealloc(NULL, nc + 1, sizeof(*stamp));
	cnt = wire_xrealloc(NULL, nc + 1, sizeof(*cnt));
	inc = wire_xrealloc(NULL, nc + 1, sizeof(*inc));
	for (c = 0; c <= nc; c++)
		stamp[c] = SIZE_MAX;
	wire_sort(m, ds->n, sizeof(*m), by_cluster);
	for (a = 0; a < ds->n; a = i) {
		for (i = a, ndoc = 0; i < ds->n && m[i].clu == m[a].clu; i++)
			if (i == a || m[i].doc != m[i - 1].doc)
				ndoc++;
		if (ndoc < 2 || ndoc > MAXDOCS)
			continue;
		/* The classes in the cluster, each with its records. */
		for (j = a, ninc = 0; j < i; j = k) {
			for (k = j; k < i && m[k].doc == m[j].doc; k++)
				;
			c = cls[m[j].doc];
			if (stamp[c] != a) {
				stamp[c] = a;
				cnt[c] = (uint32_t)(k - j);
				inc[ninc++] = c;
			}
		}
		for (j = 0; j < ninc; j++)
			for (k = j; k < ninc; k++) {
				c = (uint32_t)(inc[j] < inc[k] ? inc[j] : inc[k]);
				d = (uint32_t)(inc[j] < inc[k] ? inc[k] : inc[j]);
				if (c == d && first[c + 1] - first[c] < 2)
					continue;
				*wire_map_get(&cpairs, (uint64_t)c << 32 | d) +=
				    (uint64_t)cnt[c] << 32 | cnt[d];
			}
	}
	while (wire_map_next(&cpairs, &it, &key, &val))
		expand(&pairs, docs, first, (uint32_t)(key >> 32),
		    (uint32_t)key, val);
	/* The pairs in document order. */
	tab = wire_xrealloc(NULL, pairs.n + 1, sizeof(*tab));
	for (it = 0, j = 0; wire_map_next(&pairs, &it, &key, &val); j++) {
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
	free(cls);
	free(docs);
	free(first);
	free(stamp);
	free(cnt);
	free(inc);
	wire_map_free(&cpairs);
	wire_map_free(&pairs);
}

void
docsim_free(struct docsim *ds)
{
	free(ds->m);
	free(ds->total);
	memset(ds, 0, sizeof(*ds));
}
