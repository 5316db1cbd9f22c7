/*
 * read.c: the one pass over the records, in input order.
 *
 * Each body sentence joins a cluster: the cluster of the same text
 * (after wire_norm()), else of a sentence nearly the same (MinHash
 * signatures, as wire-dedupe -n finds them) with the same figures, else
 * a new one.  A sentence that differs from another only in its numbers
 * is a template filled in again (results, prices, tables), not a copy,
 * so it makes a cluster of its own.  Only one sentence of each cluster
 * is indexed, so the work is linear however many outlets ran a story,
 * and memory goes with the distinct sentences, not with all of them.
 * What each sentence's cluster takes finding (facts.c) is found here,
 * or before, by -j workers.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define NEAR		0.5	/* estimated similarity of a near copy */
#define HITS		16	/* near candidates looked at */

struct reading {
	struct corpus	*cp;
	struct wire_map	 exact;		/* normalised text: cluster + 1 */
	struct wire_lsh	*lsh;		/* evidence clusters' signatures */
	uint32_t	*lshclu;	/* the cluster of each signature */
	size_t		 nlsh, caplsh;
	uint64_t	*numsig;	/* each cluster's figures */
	uint32_t	*lastdoc;	/* the last document of each cluster */
	uint8_t		*cluevid;	/* whether it is evidence */
	struct wire_names names;	/* documents seen */
	struct wire_buf	 cur;		/* DOC of the document read */
	struct facter	 fx;		/* facts found here, */
	struct facts	 fs;		/* or by workers (fs.n > 0) */
	int		 indoc, skipping;
};

static uint32_t
new_cluster(struct reading *rd, const struct fact *f)
{
	struct corpus	*cp = rd->cp;
	size_t		 cap = cp->capclu;
	uint32_t	 c = (uint32_t)cp->nclu++;

	cp->ndocs = wire_grow(cp->ndocs, &cp->capclu, cp->nclu,
	    sizeof(*cp->ndocs));
	if (cp->capclu != cap) {
		rd->numsig = wire_xrealloc(rd->numsig, cp->capclu,
		    sizeof(*rd->numsig));
		rd->lastdoc = wire_xrealloc(rd->lastdoc, cp->capclu,
		    sizeof(*rd->lastdoc));
		rd->cluevid = wire_xrealloc(rd->cluevid, cp->capclu, 1);
	}
	cp->ndocs[c] = 0;
	rd->numsig[c] = f->fig;
	rd->lastdoc[c] = NONE32;
	rd->cluevid[c] = f->evid;
	return c;
}

/*
 * The cluster of a body sentence, new if need be; *evid: is it
 * evidence.  A copy of a sentence seen is its cluster's, and is
 * evidence as the cluster's first sentence is: here nothing more of it
 * needs finding.
 */
static uint32_t
cluster(struct reading *rd, const struct wire_rec *r, uint64_t *h, int *evid)
{
	struct fact	 f;
	size_t		 ids[HITS], i, n, best = SIZE_MAX;
	double		 sims[HITS], bsim = 0;
	uint64_t	*v;
	uint32_t	 c;

	if (rd->fs.n > 0)
		fact_next(&rd->fs, &f);
	else
		fact_hash(&rd->fx, r->text, r->textlen, &f);
	*h = f.h;
	if ((v = wire_map_find(&rd->exact, f.h)) != NULL) {
		c = (uint32_t)(*v - 1);
		*evid = rd->cluevid[c];
		return c;
	}
	if (rd->fs.n == 0)
		fact_rest(&rd->fx, r->text, r->textlen, &f);
	*evid = f.evid;
	if (f.evid) {
		n = wire_lsh_near(rd->lsh, f.sig, NEAR, ids, sims, HITS);
		/* The most similar with the same figures; earliest on a tie. */
		for (i = 0; i < n; i++)
			if (rd->numsig[rd->lshclu[ids[i]]] == f.fig &&
			    (best == SIZE_MAX || sims[i] > bsim ||
			    (sims[i] == bsim && ids[i] < best))) {
				best = ids[i];
				bsim = sims[i];
			}
	}
	if (best != SIZE_MAX)
		c = rd->lshclu[best];
	else {
		c = new_cluster(rd, &f);
		if (f.evid && wire_lsh_add(rd->lsh, f.sig) != SIZE_MAX) {
			rd->lshclu = wire_grow(rd->lshclu, &rd->caplsh,
			    rd->nlsh + 1, sizeof(*rd->lshclu));
			rd->lshclu[rd->nlsh++] = c;
		}
	}
	*wire_map_get(&rd->exact, f.h) = (uint64_t)c + 1;
	return c;
}

/* A tag's value, unescaped, into out; 0 when the record has none. */
static int
tag(const struct wire_rec *r, const char *key, struct wire_buf *out)
{
	const char	*f, *t, *e = r->tags + r->tagslen;
	size_t		 k = strlen(key);

	for (f = r->tags; f < e; f = t + 1) {
		if ((t = memchr(f, '\t', (size_t)(e - f))) == NULL)
			t = e;
		if ((size_t)(t - f) > k && memcmp(f, key, k) == 0 && f[k] == '=')
			return wire_unescape(out, f + k + 1,
			    (size_t)(t - f) - k - 1) == 0;
	}
	return 0;
}

static void
new_doc(struct reading *rd, const struct wire_rec *r)
{
	struct corpus	*cp = rd->cp;
	struct doc	*d;
	uint32_t	 had;

	if (rd->indoc && !rd->skipping)
		cp->doc[cp->ndoc - 1].end = r->off;
	rd->indoc = 1;
	rd->cur.len = 0;
	wire_buf_add(&rd->cur, r->doc, r->doclen);
	/* A document's records must be together, as the tools write them. */
	if (wire_names_find(&rd->names, r->doc, r->doclen, &had)) {
		wire_warnat(cp->path, r->line, "%s: records of a document "
		    "must be together; these are left out", rd->cur.p);
		cp->bad = rd->skipping = 1;
		return;
	}
	rd->skipping = 0;
	wire_names_add(&rd->names, r->doc, r->doclen);
	cp->doc = wire_grow(cp->doc, &cp->capdoc, cp->ndoc + 1,
	    sizeof(*cp->doc));
	d = &cp->doc[cp->ndoc++];
	memset(d, 0, sizeof(*d));
	d->name = add_str(&cp->strs, r->doc, r->doclen);
	d->off = r->off;
	d->line = r->line;
	d->sent0 = (uint32_t)cp->nsent;
	d->story = d->base = NONE32;
}

static void
one(const struct wire_rec *r, void *arg)
{
	struct reading	*rd = arg;
	struct corpus	*cp = rd->cp;
	struct doc	*d;
	struct wire_buf	 v = { 0 };
	uint64_t	 h;
	uint32_t	 c, di;
	int		 evid;

	if (!rd->indoc || r->doclen != rd->cur.len ||
	    memcmp(r->doc, rd->cur.p, r->doclen) != 0)
		new_doc(rd, r);
	if (rd->skipping) {
		/* The workers found facts of its sentences too. */
		if (rd->fs.n > 0 && !wire_rec_meta(r)) {
			struct fact f;

			fact_next(&rd->fs, &f);
		}
		return;
	}
	di = (uint32_t)cp->ndoc - 1;
	d = &cp->doc[di];
	if (wire_rec_meta(r)) {
		if (tag(r, "class", &v) && strcmp(v.p, "source") == 0)
			/* A document named by its URL: the file it is of. */
			wire_names_add(&cp->src, r->text, r->textlen);
		else if (v.len > 0 && strcmp(v.p, "nobody") == 0 &&
		    d->why == 0)
			d->why = add_str(&cp->strs, r->text, r->textlen);
		else if (v.len > 0 && strcmp(v.p, "title") == 0 &&
		    d->title == 0)
			d->title = add_str(&cp->strs, r->text, r->textlen);
		else if (v.len > 0 && strcmp(v.p, "date") == 0 && d->date == 0)
			d->date = add_str(&cp->strs, r->text, r->textlen);
		wire_buf_free(&v);
		return;
	}
	c = cluster(rd, r, &h, &evid);
	cp->clu = wire_grow(cp->clu, &cp->capsent, cp->nsent + 1,
	    sizeof(*cp->clu));
	cp->evid = wire_xrealloc(cp->evid, cp->capsent, 1);
	cp->clu[cp->nsent] = c;
	cp->evid[cp->nsent++] = (uint8_t)evid;
	d->nsent++;
	d->nevid += (uint32_t)evid;
	d->exact = wire_hash(&(uint64_t[2]){ d->exact, h }, 16);
	if (rd->lastdoc[c] != di) {
		rd->lastdoc[c] = di;
		cp->ndocs[c]++;
	}
}

int
corpus_read(struct corpus *cp, const char *path, const char *tmp,
    long long jobs)
{
	struct reading	 rd;
	struct stat	 sb;
	FILE		*fp;
	size_t		 i;

	memset(&rd, 0, sizeof(rd));
	rd.cp = cp;
	rd.lsh = wire_lsh_new();
	cp->path = path;
	if ((fp = fopen(path, "r")) == NULL) {
		wire_warnat(path, 0, "%s", strerror(errno));
		return -1;
	}
	facts_start(&rd.fs, path, tmp, jobs);
	if (wire_each_record(fp, path, 0, one, &rd))
		cp->bad = 1;
	facts_end(&rd.fs);
	/* The last document's records go on to the end. */
	if (rd.indoc && !rd.skipping && fstat(fileno(fp), &sb) == 0)
		cp->doc[cp->ndoc - 1].end = (size_t)sb.st_size;
	fclose(fp);
	for (i = 0; i < cp->nsent; i++)
		cp->repeated += cp->ndocs[cp->clu[i]] >= 2;
	wire_map_free(&rd.exact);
	wire_lsh_free(rd.lsh);
	wire_names_free(&rd.names);
	wire_buf_free(&rd.cur);
	facter_free(&rd.fx);
	free(rd.lshclu);
	free(rd.numsig);
	free(rd.lastdoc);
	free(rd.cluevid);
	return 0;
}

void
corpus_free(struct corpus *cp)
{
	free(cp->doc);
	free(cp->clu);
	free(cp->evid);
	free(cp->ndocs);
	free(cp->byorder);
	free(cp->first);
	wire_names_free(&cp->src);
	wire_buf_free(&cp->strs);
	memset(cp, 0, sizeof(*cp));
}
