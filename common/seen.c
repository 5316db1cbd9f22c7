/*
 * seen.c: the memory of wire-dedupe: every distinct record seen so far,
 * with the document and position it came from.
 *
 * Both modes keep a 64-bit hash of each normalised text, so an exact
 * repeat is found at the cost of one probe.  Near mode also keeps a
 * MinHash signature of each text's word-bigram shingles,
 * WIRE_SIG_K values of one byte each ("b-bit minwise hashing", Li and
 * König), and finds candidates by LSH banding: WIRE_BANDS bands of
 * WIRE_ROWS values.  A candidate counts when its estimated similarity
 * reaches the threshold.  SimHash was the alternative; it needs a
 * Hamming radius of 10 or more bits to find sentences that differ in a
 * word or two, which no permuted-table index serves cheaply, so MinHash
 * it is (wire-dedupe(1) has the figures).
 *
 * Memory per distinct record: a 12-byte exact slot (the whole hash
 * beside the record id, so a probe needs no other memory) at load
 * 0.53-0.8 and 4 bytes of position; near mode adds WIRE_SIG_K bytes and
 * WIRE_BANDS 4-byte band slots at load 0.53-0.8.  Documents are kept as
 * runs of records.
 */
#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wire.h"

#define BMAXLOAD	0.8	/* band table; probes are cheap tag checks */
#define XMAXLOAD	0.8	/* exact table; slots hold a hash check */
#define TAGBITS		5	/* band slots: tag | id + 1 */
#define IDBITS		(32 - TAGBITS)
#define IDMASK		((1u << IDBITS) - 1)

_Static_assert(1 + WIRE_ROWS == 4, "band keys are hashed by wire_hash4()");

/* The hash of the key of band b of signature s. */
static uint64_t
band_key(const uint8_t *s, size_t b)
{
	const uint8_t	*r = s + b * WIRE_ROWS;

	/* The bytes b, r[0], r[1], r[2], as wire_hash4() takes them. */
	return wire_hash4((uint32_t)b | (uint32_t)r[0] << 8 |
	    (uint32_t)r[1] << 16 | (uint32_t)r[2] << 24);
}

static int
same_band(const uint8_t *a, const uint8_t *b, size_t band)
{
	size_t	i;

	for (i = band * WIRE_ROWS; i < (band + 1) * WIRE_ROWS; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/*
 * The tag: bits of the key that home() does not use (it takes the high
 * ones), so that keys that share a probe run rarely share a tag too, and
 * a probe rarely reads a signature in vain.  Only keys that are equal
 * (the same band) ever match, whatever the tag, so results do not
 * depend on it.
 */
static uint32_t
tag_of(uint64_t h)
{
	return (uint32_t)(h & ((1u << TAGBITS) - 1)) << IDBITS;
}

/*
 * The home slot of hash h in a table of n slots: "fastrange" maps h onto
 * any size, so tables grow by half instead of doubling and memory stays
 * nearer the load.  Probing is linear.
 */
static size_t
home(uint64_t h, size_t n)
{
	return (size_t)(((unsigned __int128)h * n) >> 64);
}

#define NEXT(i, n)	((i) + 1 == (n) ? 0 : (i) + 1)

/* A table of at least entries / load slots, grown by halves from n. */
static void *
new_table(size_t *n, size_t entries, double load, size_t size)
{
	void	*t;

	if (*n == 0)
		*n = 1024;
	while (entries > *n * load)
		*n += *n / 2;
	if ((t = calloc(*n, size)) == NULL)
		wire_nomem();
	return t;
}

static uint64_t
xhash(const struct wire_xslot *x)
{
	return (uint64_t)x->hi << 32 | x->lo;
}

static void
index_exact(struct wire_seen *sn, uint64_t h, size_t id)
{
	size_t	i;

	for (i = home(h, sn->nxslots); sn->xslots[i].id != 0;
	    i = NEXT(i, sn->nxslots))
		;
	sn->xslots[i].lo = (uint32_t)h;
	sn->xslots[i].hi = (uint32_t)(h >> 32);
	sn->xslots[i].id = (uint32_t)id + 1;
}

/* Give back the whole pages of [from, to) of p: read, and not needed. */
static void
release(void *p, size_t from, size_t to)
{
#ifdef MADV_DONTNEED
	static size_t	pg;
	uintptr_t	a = (uintptr_t)p + from, b = (uintptr_t)p + to;

	if (pg == 0)
		pg = (size_t)sysconf(_SC_PAGESIZE);
	a = (a + pg - 1) / pg * pg;
	b = b / pg * pg;
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
#else
	(void)p; (void)from; (void)to;
#endif
}

#define RELEASE	16384	/* old slots given back at a time */

/* Move the old slots [from, to) over, giving their pages back behind. */
static void
move_slots(struct wire_seen *sn, struct wire_xslot *old, size_t from,
    size_t to)
{
	size_t	i, done = from;

	for (i = from; i < to; i++) {
		if (old[i].id != 0)
			index_exact(sn, xhash(&old[i]), old[i].id - 1);
		if (i + 1 - done == RELEASE || i + 1 == to) {
			release(old, done * sizeof(*old), (i + 1) * sizeof(*old));
			done = i + 1;
		}
	}
}

/*
 * Move the exact slots into a larger table.  The home slot rises with
 * the hash, so old slots taken in order fill the new table from front
 * to back: the old table is given back behind the scan as the new one
 * is touched ahead of it, and the two are never both resident.  The
 * scan starts after an empty slot, so that a run that wraps around the
 * end moves in probe order (equal hashes, which only a state file can
 * bring, stay in the order they came).
 */
static void
grow_exact(struct wire_seen *sn)
{
	struct wire_xslot	*old = sn->xslots;
	size_t			 nold = sn->nxslots, start;

	sn->xslots = new_table(&sn->nxslots, sn->n, XMAXLOAD,
	    sizeof(*sn->xslots));
	if (old == NULL)
		return;
	for (start = 0; old[start].id != 0; start++)
		;
	move_slots(sn, old, start + 1, nold);
	move_slots(sn, old, 0, start + 1);
	free(old);
}

/* Slot for band b's key h of record id. */
static void
put_band(struct wire_seen *sn, uint64_t h, size_t id)
{
	size_t	i;

	for (i = home(h, sn->nslots); sn->slots[i] != 0;
	    i = NEXT(i, sn->nslots))
		;
	sn->slots[i] = tag_of(h) | ((uint32_t)id + 1);
}

static void
index_bands(struct wire_seen *sn, size_t id)
{
	uint64_t	h[WIRE_BANDS];
	size_t		b;

	for (b = 0; b < WIRE_BANDS; b++) {
		h[b] = band_key(sn->sig + id * WIRE_SIG_K, b);
		__builtin_prefetch(sn->slots + home(h[b], sn->nslots), 1);
	}
	for (b = 0; b < WIRE_BANDS; b++)
		put_band(sn, h[b], id);
}

/*
 * After growth the band table is built again from the signatures, in id
 * order as the records came, so that it is the table that adding them
 * one by one gives (which of two candidates is met first depends on it).
 * Each record's slots are fetched AHEAD records before they are filled,
 * so that the cache misses overlap instead of coming one at a time.
 */
#define AHEAD	16

static void
reindex_bands(struct wire_seen *sn)
{
	uint64_t	h[AHEAD][WIRE_BANDS];
	size_t		b, id, ahead;

	for (id = 0; id < sn->n + AHEAD; id++) {
		/* Record id - AHEAD indexed with the keys found before... */
		if (id >= AHEAD) {
			ahead = id - AHEAD;
			for (b = 0; b < WIRE_BANDS; b++)
				put_band(sn, h[ahead % AHEAD][b], ahead);
		}
		/* ...and in its place the keys of record id. */
		if (id >= sn->n)
			continue;
		for (b = 0; b < WIRE_BANDS; b++) {
			h[id % AHEAD][b] = band_key(sn->sig + id * WIRE_SIG_K, b);
			__builtin_prefetch(sn->slots + home(h[id % AHEAD][b],
			    sn->nslots), 1);
		}
	}
}

void
wire_seen_init(struct wire_seen *sn, int near)
{
	memset(sn, 0, sizeof(*sn));
	sn->near = near;
}

void
wire_seen_free(struct wire_seen *sn)
{
	wire_names_free(&sn->docs);
	free(sn->sig);
	free(sn->runid);
	free(sn->rundoc);
	free(sn->pos);
	free(sn->slots);
	free(sn->xslots);
	wire_buf_free(&sn->posbuf);
	memset(sn, 0, sizeof(*sn));
}

/* The index of document name, added if new. */
uint32_t
wire_seen_doc(struct wire_seen *sn, const char *name, size_t len)
{
	return wire_names_add(&sn->docs, name, len);
}

/*
 * Positions are kept in 4 bytes: "P" or "P.S" (P below 2^20 and S below
 * 2^11, no leading zeros) inline as P << 11 | S, with S = 0 for "P";
 * anything else as the offset of its text in posbuf, with the top bit
 * set.
 */
#define POS_TEXT	0x80000000u

static uint32_t
pack_pos(struct wire_seen *sn, const char *pos, size_t len)
{
	uint32_t	part[2] = { 0, 0 }, off;
	size_t		i, k = 0, digits = 0;

	for (i = 0; i < len; i++) {
		if (pos[i] == '.') {
			if (++k == 2)
				break;
			digits = 0;
			continue;
		}
		if ((pos[i] == '0' && digits == 0 && i + 1 < len &&
		    pos[i + 1] != '.') || ++digits > 7)
			break;		/* a leading zero, or too long */
		part[k] = part[k] * 10 + (uint32_t)(pos[i] - '0');
	}
	if (i == len && part[0] < (1u << 20) && part[1] < (1u << 11) &&
	    (k == 0 || part[1] > 0))
		return part[0] << 11 | part[1];
	off = (uint32_t)sn->posbuf.len;
	wire_buf_add(&sn->posbuf, pos, len);
	wire_buf_addc(&sn->posbuf, '\0');
	return POS_TEXT | off;
}

void
wire_seen_pos(const struct wire_seen *sn, size_t id, struct wire_buf *out)
{
	uint32_t	v = sn->pos[id];
	char		num[24];

	if (v & POS_TEXT) {
		wire_buf_adds(out, sn->posbuf.p + (v & ~POS_TEXT));
		return;
	}
	wire_buf_add(out, num, wire_utoa(num, v >> 11));
	if ((v & 0x7ff) != 0) {
		wire_buf_addc(out, '.');
		wire_buf_add(out, num, wire_utoa(num, v & 0x7ff));
	}
}

size_t
wire_seen_add(struct wire_seen *sn, uint64_t hash, const uint8_t *sig,
    uint32_t doc, const char *pos, size_t poslen)
{
	size_t	id = sn->n;

	if (id >= IDMASK - 1)
		return SIZE_MAX;
	if (sn->n == sn->cap) {
		sn->cap = sn->cap ? sn->cap + sn->cap / 2 : 1024;
		if (sn->near)
			sn->sig = wire_xrealloc(sn->sig, sn->cap, WIRE_SIG_K);
		sn->pos = wire_xrealloc(sn->pos, sn->cap, sizeof(*sn->pos));
	}
	if (sn->near)
		memcpy(sn->sig + id * WIRE_SIG_K, sig, WIRE_SIG_K);
	if (sn->nruns == 0 || sn->rundoc[sn->nruns - 1] != doc) {
		if (sn->nruns == sn->capruns) {
			sn->capruns = sn->capruns ? sn->capruns * 2 : 64;
			sn->runid = wire_xrealloc(sn->runid, sn->capruns,
			    sizeof(*sn->runid));
			sn->rundoc = wire_xrealloc(sn->rundoc, sn->capruns,
			    sizeof(*sn->rundoc));
		}
		sn->runid[sn->nruns] = (uint32_t)id;
		sn->rundoc[sn->nruns++] = doc;
	}
	sn->pos[id] = pack_pos(sn, pos, poslen);
	sn->n++;
	/* The new record is indexed after the others have moved. */
	if (sn->n > sn->nxslots * XMAXLOAD)
		grow_exact(sn);
	index_exact(sn, hash, id);
	if (!sn->near)
		return id;
	if (sn->n * WIRE_BANDS > sn->nslots * BMAXLOAD) {
		free(sn->slots);
		sn->slots = new_table(&sn->nslots, sn->n * WIRE_BANDS,
		    BMAXLOAD, sizeof(*sn->slots));
		reindex_bands(sn);
		id = sn->n - 1;
	} else
		index_bands(sn, id);
	return id;
}

uint32_t
wire_seen_docof(const struct wire_seen *sn, size_t id)
{
	size_t	lo = 0, hi = sn->nruns, mid;

	/* The last run that starts at or before id. */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (sn->runid[mid] <= id)
			lo = mid;
		else
			hi = mid;
	}
	return sn->rundoc[lo];
}

size_t
wire_seen_exact(const struct wire_seen *sn, uint64_t hash)
{
	const struct wire_xslot	*x;
	size_t			 i;

	if (sn->nxslots == 0)
		return SIZE_MAX;
	for (i = home(hash, sn->nxslots); (x = &sn->xslots[i])->id != 0;
	    i = NEXT(i, sn->nxslots))
		if (x->lo == (uint32_t)hash && x->hi == (uint32_t)(hash >> 32))
			return x->id - 1;
	return SIZE_MAX;
}

void
wire_seen_hashes(const struct wire_seen *sn,
    void (*fn)(size_t id, uint64_t hash, void *), void *arg)
{
	size_t	i;

	for (i = 0; i < sn->nxslots; i++)
		if (sn->xslots[i].id != 0)
			fn(sn->xslots[i].id - 1, xhash(&sn->xslots[i]), arg);
}

double
wire_sig_sim(const uint8_t *a, const uint8_t *b)
{
	size_t	i, same = 0;
	double	f;

	for (i = 0; i < WIRE_SIG_K; i++)
		same += a[i] == b[i];
	/* Unrelated values agree one time in 256: take that out. */
	f = ((double)same / WIRE_SIG_K - 1.0 / 256) / (1 - 1.0 / 256);
	return f < 0 ? 0 : f;
}

size_t
wire_seen_near(const struct wire_seen *sn, const uint8_t *sig, double min,
    size_t *ids, double *sims, size_t max)
{
	size_t		b, i, j, k, found = 0, start[WIRE_BANDS];
	uint64_t	h[WIRE_BANDS];
	uint32_t	v, tag;
	double		sim;

	if (sn->nslots == 0)
		return 0;
	/* Start the bands' cache misses together, not one after another. */
	for (b = 0; b < WIRE_BANDS; b++) {
		h[b] = band_key(sig, b);
		start[b] = home(h[b], sn->nslots);
		__builtin_prefetch(sn->slots + start[b]);
	}
	/*
	 * Each slot on a band's probe path that passes the tag check then
	 * reads a signature: fetch them all first, so that those misses
	 * overlap too.  The walk below is unchanged.
	 */
	for (b = 0; b < WIRE_BANDS; b++) {
		tag = tag_of(h[b]);
		for (i = start[b]; (v = sn->slots[i]) != 0;
		    i = NEXT(i, sn->nslots))
			if ((v & ~IDMASK) == tag)
				__builtin_prefetch(sn->sig +
				    ((v & IDMASK) - 1) * WIRE_SIG_K);
	}
	for (b = 0; b < WIRE_BANDS; b++) {
		tag = tag_of(h[b]);
		for (i = start[b]; (v = sn->slots[i]) != 0;
		    i = NEXT(i, sn->nslots)) {
			if ((v & ~IDMASK) != tag)
				continue;
			j = (v & IDMASK) - 1;
			if (!same_band(sn->sig + j * WIRE_SIG_K, sig, b))
				continue;
			for (k = 0; k < found && ids[k] != j; k++)
				;
			if (k < found)
				continue;
			if ((sim = wire_sig_sim(sn->sig + j * WIRE_SIG_K, sig)) < min)
				continue;
			if (found < max) {
				ids[found] = j;
				sims[found] = sim;
				found++;
			}
			/* Nothing can beat the same signature: stop looking. */
			if (sim >= 1.0)
				return found;
		}
	}
	return found;
}

void
wire_sig(const uint64_t *sh, size_t n, uint8_t *sig)
{
	uint32_t	full[WIRE_SIG_K];
	size_t		i;

	wire_minhash(sh, n, full, WIRE_SIG_K);
	for (i = 0; i < WIRE_SIG_K; i++)
		sig[i] = (uint8_t)full[i];
}
