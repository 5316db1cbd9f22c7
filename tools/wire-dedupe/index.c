/*
 * index.c: the memory of wire-dedupe: every distinct record seen so far,
 * with the document and position it came from.
 *
 * Both modes keep a 64-bit hash of each normalised text, so an exact
 * repeat is found at the cost of one probe; near mode also keeps each
 * text's MinHash signature in an LSH index (common/lsh.c).
 *
 * Memory per distinct record: a 12-byte exact slot (the whole hash
 * beside the record id, so a probe needs no other memory) at load
 * 0.53-0.8 and 4 bytes of position; near mode adds WIRE_SIG_K bytes and
 * WIRE_BANDS 4-byte band slots.  Documents are kept as runs of records.
 */
#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dedupe.h"

#define XMAXLOAD	0.8	/* exact table; slots hold a hash check */
#define RELEASE		16384	/* old slots given back at a time */

static uint64_t
xhash(const struct xslot *x)
{
	return (uint64_t)x->hi << 32 | x->lo;
}

static void
index_exact(struct seen *sn, uint64_t h, size_t id)
{
	size_t	i;

	for (i = wire_home(h, sn->nxslots); sn->xslots[i].id != 0;
	    i = WIRE_NEXT(i, sn->nxslots))
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

/* Move the old slots [from, to) over, giving their pages back behind. */
static void
move_slots(struct seen *sn, struct xslot *old, size_t from, size_t to)
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
grow_exact(struct seen *sn)
{
	struct xslot	*old = sn->xslots;
	size_t		 nold = sn->nxslots, start;

	sn->xslots = wire_table(&sn->nxslots, sn->n, XMAXLOAD,
	    sizeof(*sn->xslots));
	if (old == NULL)
		return;
	for (start = 0; old[start].id != 0; start++)
		;
	move_slots(sn, old, start + 1, nold);
	move_slots(sn, old, 0, start + 1);
	free(old);
}

void
seen_init(struct seen *sn, int near)
{
	memset(sn, 0, sizeof(*sn));
	if (near)
		sn->lsh = wire_lsh_new();
}

void
seen_free(struct seen *sn)
{
	wire_names_free(&sn->docs);
	wire_lsh_free(sn->lsh);
	free(sn->runs);
	free(sn->pos);
	free(sn->xslots);
	wire_buf_free(&sn->posbuf);
	memset(sn, 0, sizeof(*sn));
}

uint32_t
seen_doc(struct seen *sn, const char *name, size_t len)
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
pack_pos(struct seen *sn, const char *pos, size_t len)
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
seen_pos(const struct seen *sn, size_t id, struct wire_buf *out)
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
seen_add(struct seen *sn, uint64_t hash, const uint8_t *sig, uint32_t doc,
    const char *pos, size_t poslen)
{
	size_t	id = sn->n;

	if (id >= WIRE_LSH_MAX)
		return SIZE_MAX;
	if (sn->lsh != NULL && wire_lsh_add(sn->lsh, sig) != id)
		return SIZE_MAX;
	sn->pos = wire_grow(sn->pos, &sn->cap, id + 1, sizeof(*sn->pos));
	if (sn->nruns == 0 || sn->runs[sn->nruns - 1].doc != doc) {
		sn->runs = wire_grow(sn->runs, &sn->capruns, sn->nruns + 1,
		    sizeof(*sn->runs));
		sn->runs[sn->nruns].id = (uint32_t)id;
		sn->runs[sn->nruns++].doc = doc;
	}
	sn->pos[id] = pack_pos(sn, pos, poslen);
	sn->n++;
	/* The new record is indexed after the others have moved. */
	if (sn->n > sn->nxslots * XMAXLOAD)
		grow_exact(sn);
	index_exact(sn, hash, id);
	return id;
}

uint32_t
seen_docof(const struct seen *sn, size_t id)
{
	size_t	lo = 0, hi = sn->nruns, mid;

	/* The last run that starts at or before id. */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (sn->runs[mid].id <= id)
			lo = mid;
		else
			hi = mid;
	}
	return sn->runs[lo].doc;
}

size_t
seen_exact(const struct seen *sn, uint64_t hash)
{
	const struct xslot	*x;
	size_t			 i;

	if (sn->nxslots == 0)
		return SIZE_MAX;
	for (i = wire_home(hash, sn->nxslots); (x = &sn->xslots[i])->id != 0;
	    i = WIRE_NEXT(i, sn->nxslots))
		if (x->lo == (uint32_t)hash && x->hi == (uint32_t)(hash >> 32))
			return x->id - 1;
	return SIZE_MAX;
}

void
seen_hashes(const struct seen *sn,
    void (*fn)(size_t id, uint64_t hash, void *), void *arg)
{
	size_t	i;

	for (i = 0; i < sn->nxslots; i++)
		if (sn->xslots[i].id != 0)
			fn(sn->xslots[i].id - 1, xhash(&sn->xslots[i]), arg);
}
