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

#include "wire.h"

#define MAXDOCS		1000
#define COPY_SHARE	0.6	/* the larger share that makes a copy */

struct pair {
	uint64_t	key;	/* doc a << 32 | doc b, a < b; 0 is empty */
	uint32_t	a_in_b, b_in_a;
};

struct member {
	uint32_t	clu, doc;
};

void
wire_docsim_add(struct wire_docsim *ds, uint32_t doc, uint32_t cluster)
{
	size_t	i;

	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 1024;
		ds->clu = wire_xrealloc(ds->clu, ds->cap, sizeof(*ds->clu));
		ds->doc = wire_xrealloc(ds->doc, ds->cap, sizeof(*ds->doc));
	}
	ds->clu[ds->n] = cluster;
	ds->doc[ds->n] = doc;
	ds->n++;
	if (doc >= ds->ndocs) {
		ds->total = wire_xrealloc(ds->total, doc + 1,
		    sizeof(*ds->total));
		for (i = ds->ndocs; i <= doc; i++)
			ds->total[i] = 0;
		ds->ndocs = doc + 1;
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

static int
by_key(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;

	return (a->key > b->key) - (a->key < b->key);
}

static struct pair *
pair_get(struct pair **tab, size_t *cap, size_t *n, uint64_t key)
{
	struct pair	*old = *tab;
	size_t		 i, oldcap = *cap;

	if (*n * 2 >= *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		*tab = calloc(*cap, sizeof(**tab));
		if (*tab == NULL)
			wire_nomem();
		*n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].key != 0)
				*pair_get(tab, cap, n, old[i].key) = old[i];
		free(old);
	}
	for (i = wire_hash(&key, sizeof(key)) & (*cap - 1); (*tab)[i].key != 0;
	    i = (i + 1) & (*cap - 1))
		if ((*tab)[i].key == key)
			return &(*tab)[i];
	(*tab)[i].key = key;
	(*n)++;
	return &(*tab)[i];
}

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

void
wire_docsim_print(struct wire_docsim *ds, const struct wire_seen *sn,
    FILE *fp)
{
	struct member	*m;
	struct pair	*tab = NULL, *p;
	size_t		 cap = 0, npairs = 0, i, j, k, a, b, first, ndoc;
	double		 sa, sb;

	m = wire_xrealloc(NULL, ds->n, sizeof(*m));
	for (i = 0; i < ds->n; i++) {
		m[i].clu = ds->clu[i];
		m[i].doc = ds->doc[i];
	}
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
				p = pair_get(&tab, &cap, &npairs,
				    (uint64_t)m[a].doc << 32 | m[b].doc);
				p->a_in_b += (uint32_t)(j - a);
				p->b_in_a += (uint32_t)(k - b);
			}
		}
	}
	free(m);
	/* Pack the pairs and print them in document order. */
	for (i = j = 0; i < cap; i++)
		if (tab[i].key != 0)
			tab[j++] = tab[i];
	wire_sort(tab, j, sizeof(*tab), by_key);
	for (i = 0; i < j; i++) {
		a = (size_t)(tab[i].key >> 32);
		b = (size_t)(tab[i].key & 0xffffffff);
		sa = (double)tab[i].a_in_b / ds->total[a];
		sb = (double)tab[i].b_in_a / ds->total[b];
		wire_put_escaped(fp, sn->docs.name[a], sn->docs.len[a]);
		putc('\t', fp);
		wire_put_escaped(fp, sn->docs.name[b], sn->docs.len[b]);
		fprintf(fp, "\t%.2f\t%.2f\t%s\n", sa, sb,
		    is_copy(tab[i].a_in_b, ds->total[a], tab[i].b_in_a,
		    ds->total[b]) ? "copy" : "partial");
	}
	free(tab);
}

void
wire_docsim_free(struct wire_docsim *ds)
{
	free(ds->clu);
	free(ds->doc);
	free(ds->total);
	memset(ds, 0, sizeof(*ds));
}
