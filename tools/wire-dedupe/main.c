/*
 * wire-dedupe: drop or tag records whose text was seen before, exactly
 * or nearly; or, with -d, tell which documents share text.
 *
 * The memory of what was seen (common/seen.c) keeps no text, only a hash
 * or a signature per distinct record, so a stream of any length passes
 * through in bounded memory, and -s carries it to the next run.
 */
#include <err.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dedupe.h"

static const char synopsis[] =
    "wire-dedupe [-dhkpt] [-n[threshold]] [-s state] [file ...]";

#define MAXHITS		64
#define DEFAULT_NEAR	0.5

struct dedupe {
	int			 plain, tag, docs, keymode;
	double			 near;	/* threshold, 0 for exact mode */
	struct seen	 seen;
	struct wire_keys	 keys;
	struct wire_buf		 norm, tags, val;
	uint64_t		*sh;
	size_t			 shcap;
	struct docsim	 ds;	/* -d */
};

/*
 * Look rec up: returns the id of the earlier record it repeats, with
 * *sim their similarity and *dup set; or, for a new record, adds it and
 * returns its id with *dup clear.
 */
static size_t
lookup(struct dedupe *dd, const struct wire_rec *r, double *sim, int *dup)
{
	uint8_t		sig[WIRE_SIG_K];
	uint64_t	h;
	size_t		id, ids[MAXHITS], i, n, best = SIZE_MAX;
	double		sims[MAXHITS];
	uint32_t	doc = seen_doc(&dd->seen, r->doc, r->doclen);

	*sim = 1;
	*dup = 1;
	/* An exact repeat costs one probe, in either mode. */
	dd->norm.len = 0;
	wire_norm(&dd->norm, r->text, r->textlen);
	h = wire_hash(dd->norm.p, dd->norm.len);
	if ((id = seen_exact(&dd->seen, h)) != SIZE_MAX)
		return id;
	if (dd->near > 0) {
		wire_keys(&dd->keys, r->text, r->textlen, 0);
		n = wire_shingles(&dd->keys, 2, &dd->sh, &dd->shcap);
		wire_sig(dd->sh, n, sig);
		n = wire_lsh_near(dd->seen.lsh, sig, dd->near, ids, sims,
		    MAXHITS);
		/* The most similar earlier record; the earliest on a tie. */
		for (i = 0; i < n; i++)
			if (best == SIZE_MAX || sims[i] > *sim ||
			    (sims[i] == *sim && ids[i] < best)) {
				best = ids[i];
				*sim = sims[i];
			}
		if (best != SIZE_MAX)
			return best;
	}
	*dup = 0;
	if ((id = seen_add(&dd->seen, h, sig, doc, r->pos, r->poslen)) ==
	    SIZE_MAX)
		errx(WIRE_EXIT_BAD, "more distinct records than the index holds");
	return id;
}

/*
 * Set key=value (value unescaped, escaped here) in the tag list in b:
 * an existing tag of that key is replaced in place, else the tag is
 * appended.  Other tags keep their order.
 */
static void
tag_set(struct wire_buf *b, const char *key, const char *val, size_t vlen)
{
	struct wire_buf	 nb = { 0 };
	const char	*f, *t, *e = b->p + b->len;
	size_t		 klen = strlen(key);
	int		 done = 0;

	for (f = b->p; b->len > 0 && f < e; f = t + 1) {
		if ((t = memchr(f, '\t', e - f)) == NULL)
			t = e;
		if (nb.len > 0)
			wire_buf_addc(&nb, '\t');
		if (!done && (size_t)(t - f) > klen &&
		    memcmp(f, key, klen) == 0 && f[klen] == '=') {
			wire_buf_add(&nb, f, klen + 1);
			wire_buf_escape(&nb, val, vlen);
			done = 1;
		} else
			wire_buf_add(&nb, f, t - f);
	}
	if (!done) {
		if (nb.len > 0)
			wire_buf_addc(&nb, '\t');
		wire_buf_adds(&nb, key);
		wire_buf_addc(&nb, '=');
		wire_buf_escape(&nb, val, vlen);
	}
	wire_buf_free(b);
	*b = nb;
}

static void
tagged(struct dedupe *dd, const struct wire_rec *r, size_t id, double sim)
{
	const char	*doc = dd->seen.docs.name[seen_docof(&dd->seen, id)];
	char		 num[16];

	dd->tags.len = 0;
	wire_buf_add(&dd->tags, r->tags, r->tagslen);
	dd->val.len = 0;
	wire_buf_adds(&dd->val, doc);
	wire_buf_addc(&dd->val, ':');
	seen_pos(&dd->seen, id, &dd->val);
	tag_set(&dd->tags, "dup", dd->val.p, dd->val.len);
	snprintf(num, sizeof(num), "%.2f", sim);
	tag_set(&dd->tags, "sim", num, strlen(num));
	wire_write(stdout, r->doc, r->doclen, r->pos, r->poslen, r->text,
	    r->textlen, dd->tags.p, dd->tags.len);
}

/*
 * Records of fewer words than this are no evidence that two documents
 * share text ("Reuters", "Advertisement", "He said.").
 */
#define EVIDENCE_WORDS	4

static void
record(struct dedupe *dd, const struct wire_rec *r)
{
	size_t	id;
	double	sim;
	int	dup;

	id = lookup(dd, r, &sim, &dup);
	if (dd->docs) {
		/* lookup() may have stopped at an exact repeat before keys. */
		wire_keys(&dd->keys, r->text, r->textlen, 0);
		if (dd->keys.n >= EVIDENCE_WORDS)
			docsim_add(&dd->ds, seen_doc(&dd->seen,
			    r->doc, r->doclen), (uint32_t)id);
		return;
	}
	if (dup && dd->tag)
		tagged(dd, r, id, sim);
	else if (dup)
		return;
	else if (dd->plain) {
		fwrite_unlocked(r->text, 1, r->textlen, stdout);
		putc_unlocked('\n', stdout);
	} else
		wire_write(stdout, r->doc, r->doclen, r->pos, r->poslen,
		    r->text, r->textlen, r->tags, r->tagslen);
}

/*
 * -k: the map side of a map-reduce dedupe: each record with the key of
 * its text in front (16 hex digits; "-" for metadata, which is never
 * dropped).  docs/scaling.md has the reduce side.
 */
static void
key(struct dedupe *dd, const struct wire_rec *r)
{
	if (!dd->plain && wire_rec_meta(r))
		fputs("-\t", stdout);
	else {
		dd->norm.len = 0;
		wire_norm(&dd->norm, r->text, r->textlen);
		printf("%016llx\t", (unsigned long long)wire_hash(dd->norm.p,
		    dd->norm.len));
	}
	if (dd->plain) {
		fwrite_unlocked(r->text, 1, r->textlen, stdout);
		putc_unlocked('\n', stdout);
	} else
		wire_write(stdout, r->doc, r->doclen, r->pos, r->poslen,
		    r->text, r->textlen, r->tags, r->tagslen);
	wire_out_check();
}

static void
dedupe_record(const struct wire_rec *r, void *arg)
{
	struct dedupe	*dd = arg;

	if (dd->keymode) {
		key(dd, r);
		return;
	}
	/* Metadata is not text to deduplicate: it passes. */
	if (!dd->plain && wire_rec_meta(r)) {
		if (!dd->docs)
			wire_write(stdout, r->doc, r->doclen, r->pos,
			    r->poslen, r->text, r->textlen, r->tags,
			    r->tagslen);
		return;
	}
	record(dd, r);
	wire_out_check();
}

static int
dedupe_file(FILE *fp, const char *name, void *arg)
{
	struct dedupe	*dd = arg;

	return wire_each_record(fp, name, dd->plain, dedupe_record, dd);
}

int
main(int argc, char *argv[])
{
	struct dedupe	 dd = { 0 };
	const char	*state = NULL;
	char		*end;
	int		 c, status;

	wire_out_init();
	/*
	 * Big tables straight from mmap, always: glibc would otherwise raise
	 * its threshold after the first table is freed and then copy and
	 * fragment the heap as the index grows, which costs a third more
	 * memory than the index itself.
	 */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	while ((c = getopt(argc, argv, "dhkn::ps:t")) != -1) {
		switch (c) {
		case 'd':
			dd.docs = 1;
			break;
		case 'h':
			wire_usage(1, synopsis);
		case 'k':
			dd.keymode = 1;
			break;
		case 'n':
			dd.near = DEFAULT_NEAR;
			if (optarg == NULL)
				break;
			dd.near = strtod(optarg, &end);
			if (*end != '\0' || end == optarg || !(dd.near > 0) ||
			    dd.near > 1)
				errx(WIRE_EXIT_USAGE, "threshold %s: not a "
				    "number above 0 and at most 1", optarg);
			break;
		case 'p':
			dd.plain = 1;
			break;
		case 's':
			state = optarg;
			break;
		case 't':
			dd.tag = 1;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (dd.docs && (dd.tag || state != NULL))
		errx(WIRE_EXIT_USAGE, "-d cannot be used with -t or -s");
	if (dd.keymode && (dd.docs || dd.tag || dd.near > 0 || state != NULL))
		errx(WIRE_EXIT_USAGE, "-k is a mode of its own, for exact keys");
	seen_init(&dd.seen, dd.near > 0);
	if (state != NULL && state_load(&dd.seen, state) == -1) {
		seen_free(&dd.seen);
		return wire_out_finish(WIRE_EXIT_BAD);
	}
	status = wire_each_file(argc, argv, dedupe_file, &dd);
	if (dd.docs)
		docsim_print(&dd.ds, &dd.seen, stdout);
	/*
	 * The records go out before the state that says they went: a write
	 * that fails ends the run here, and the old state is kept.
	 */
	if (state != NULL) {
		wire_out_sync();
		if (state_save(&dd.seen, state) == -1)
			status = WIRE_EXIT_BAD;
	}
	docsim_free(&dd.ds);
	seen_free(&dd.seen);
	wire_keys_free(&dd.keys);
	wire_buf_free(&dd.norm);
	wire_buf_free(&dd.tags);
	wire_buf_free(&dd.val);
	free(dd.sh);
	return wire_out_finish(status);
}
