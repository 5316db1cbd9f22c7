/*
 * state.c: wire-dedupe's memory across runs, saved to a file.
 *
 * The file is little-endian whatever the machine:
 *
 *	"WIREDDUP" u32 version u32 mode u32 K u32 bands u32 rows u32 shingle
 *	u64 ndocs u64 nrecords u64 posbytes
 *	ndocs x (u32 length, name bytes)
 *	nrecords x (u64 hash of the normalised text [, K signature bytes])
 *	nrecords x u32 doc, then each record's POS text, NUL-terminated
 *	u64 XXH3 of every byte before it
 *
 * It is written to a temporary file beside the target, synced and then
 * renamed over it, so a crash or a full disk leaves the old state.  A
 * file that is foreign, truncated, of another version or mode, or whose
 * checksum fails, is refused whole: a half-used state would silently
 * let duplicates through.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dedupe.h"

#define MAGIC		"WIREDDUP"
#define VERSION		1
#define SHINGLE		2	/* words per shingle: part of the format */

static void
put32(struct wire_buf *b, uint32_t v)
{
	char	c[4] = { (char)v, (char)(v >> 8), (char)(v >> 16), (char)(v >> 24) };

	wire_buf_add(b, c, 4);
}

static void
put64(struct wire_buf *b, uint64_t v)
{
	put32(b, (uint32_t)v);
	put32(b, (uint32_t)(v >> 32));
}

static uint64_t
get(const unsigned char *p, int n)
{
	uint64_t	v = 0;

	while (n-- > 0)
		v = (v << 8) | p[n];
	return v;
}

/* Where the records' hashes go in the file being made. */
struct hash_at {
	struct wire_buf	*b;
	size_t		 off, size;	/* of the first record; per record */
};

static void
put_hash(size_t id, uint64_t h, void *arg)
{
	struct hash_at	*at = arg;
	size_t		 i;

	for (i = 0; i < 8; i++)
		at->b->p[at->off + id * at->size + i] = (char)(h >> (8 * i));
}

int
state_save(const struct seen *sn, const char *path)
{
	struct wire_buf	 b = { 0 };
	char		*tmp, *dir, *dcopy;
	struct hash_at	 at;
	size_t		 i, len, pos0, rec0;
	int		 fd, saved, near = sn->lsh != NULL;

	wire_buf_add(&b, MAGIC, 8);
	put32(&b, VERSION);
	put32(&b, near);
	put32(&b, WIRE_SIG_K);
	put32(&b, WIRE_BANDS);
	put32(&b, WIRE_ROWS);
	put32(&b, SHINGLE);
	put64(&b, sn->docs.n);
	put64(&b, sn->n);
	put64(&b, 0);		/* filled in below: the bytes of POS text */
	for (i = 0; i < sn->docs.n; i++) {
		len = sn->docs.len[i];
		put32(&b, (uint32_t)len);
		wire_buf_add(&b, sn->docs.name[i], len);
	}
	/* The index keeps the hashes by hash: each is put in place below. */
	rec0 = b.len;
	for (i = 0; i < sn->n; i++) {
		put64(&b, 0);
		if (near)
			wire_buf_add(&b, (const char *)wire_lsh_sig(sn->lsh, i),
			    WIRE_SIG_K);
	}
	at.b = &b;
	at.off = rec0;
	at.size = 8 + (near ? WIRE_SIG_K : 0);
	seen_hashes(sn, put_hash, &at);
	for (i = 0; i < sn->n; i++)
		put32(&b, seen_docof(sn, i));
	pos0 = b.len;
	for (i = 0; i < sn->n; i++) {
		seen_pos(sn, i, &b);
		wire_buf_addc(&b, '\0');
	}
	for (i = 0; i < 8; i++)		/* the u64 after ndocs and nrecords */
		b.p[48 + i] = (char)((uint64_t)(b.len - pos0) >> (8 * i));
	put64(&b, wire_hash(b.p, b.len));

	/* The temporary file must be on the same file system to rename. */
	if ((dcopy = strdup(path)) == NULL)
		wire_nomem();
	dir = dirname(dcopy);
	len = strlen(dir) + sizeof("/.wire-dedupe.XXXXXX");
	tmp = wire_xmalloc(len);
	snprintf(tmp, len, "%s/.wire-dedupe.XXXXXX", dir);
	free(dcopy);
	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		goto fail;
	}
	for (i = 0; i < b.len; i += (size_t)len) {
		ssize_t w = write(fd, b.p + i, b.len - i);
		if (w <= 0) {
			saved = w == 0 ? EIO : errno;
			close(fd);
			unlink(tmp);
			goto fail;
		}
		len = (size_t)w;
	}
	if (fsync(fd) == -1 || close(fd) == -1 || rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		goto fail;
	}
	free(tmp);
	wire_buf_free(&b);
	return 0;
fail:
	wire_warnat(path, 0, "cannot save state: %s; the old state is kept",
	    strerror(saved));
	free(tmp);
	wire_buf_free(&b);
	return -1;
}

static int
refuse(const char *path, const char *why)
{
	wire_warnat(path, 0, "%s", why);
	return -1;
}

/* Read a whole stream into b; 0, or -1 with errno set. */
static int
slurp(FILE *fp, struct wire_buf *b)
{
	size_t	n;

	b->len = 0;
	for (;;) {
		wire_buf_grow(b, 1 << 16);
		n = fread(b->p + b->len, 1, b->cap - b->len - 1, fp);
		b->len += n;
		b->p[b->len] = '\0';
		if (n == 0)
			break;
	}
	return ferror(fp) ? -1 : 0;
}

int
state_load(struct seen *sn, const char *path)
{
	struct wire_buf		 b = { 0 };
	const unsigned char	*p, *end, *text, *nul;
	FILE			*fp;
	uint64_t		 ndocs, nrec, posbytes, i, len, recsize;
	int			 r = -1, near = sn->lsh != NULL;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;	/* the first run starts empty */
		return refuse(path, strerror(errno));
	}
	if (slurp(fp, &b) == -1) {
		fclose(fp);
		wire_buf_free(&b);
		return refuse(path, strerror(errno));
	}
	fclose(fp);
	p = (const unsigned char *)b.p;
	end = p + b.len;
	if (b.len < 8 || memcmp(p, MAGIC, 8) != 0) {
		refuse(path, "not a wire-dedupe state file");
		goto out;
	}
	if (b.len < 8 + 6 * 4 + 3 * 8 + 8) {
		refuse(path, "state file is truncated");
		goto out;
	}
	if (get(p + 8, 4) != VERSION) {
		refuse(path, "state file is of another version");
		goto out;
	}
	if (wire_hash(b.p, b.len - 8) != get(end - 8, 8)) {
		refuse(path, "state file is corrupt or truncated (checksum)");
		goto out;
	}
	if ((int)get(p + 12, 4) != near) {
		refuse(path, near ? "state file was made without -n" :
		    "state file was made with -n");
		goto out;
	}
	if (get(p + 16, 4) != WIRE_SIG_K || get(p + 20, 4) != WIRE_BANDS ||
	    get(p + 24, 4) != WIRE_ROWS || get(p + 28, 4) != SHINGLE) {
		refuse(path, "state file has other signature parameters");
		goto out;
	}
	ndocs = get(p + 32, 8);
	nrec = get(p + 40, 8);
	posbytes = get(p + 48, 8);
	p += 56;
	end -= 8;
	for (i = 0; i < ndocs; i++) {
		if (end - p < 4 || (uint64_t)(end - p - 4) < (len = get(p, 4)))
			goto bad;
		seen_doc(sn, (const char *)p + 4, (size_t)len);
		p += 4 + len;
	}
	recsize = 8 + (near ? WIRE_SIG_K : 0);
	if (sn->docs.n != ndocs || nrec > (uint64_t)(end - p) / (recsize + 4) ||
	    (uint64_t)(end - p) != nrec * (recsize + 4) + posbytes)
		goto bad;
	text = p + nrec * (recsize + 4);
	for (i = 0; i < nrec; i++) {
		uint64_t d = get(p + nrec * recsize + 4 * i, 4);

		if (d >= ndocs || text >= end ||
		    (nul = memchr(text, '\0', (size_t)(end - text))) == NULL)
			goto bad;
		if (seen_add(sn, get(p + i * recsize, 8),
		    p + i * recsize + 8, (uint32_t)d, (const char *)text,
		    (size_t)(nul - text)) == SIZE_MAX)
			goto bad;
		text = nul + 1;
	}
	if (text != end)
		goto bad;
	r = 0;
	goto out;
bad:
	refuse(path, "state file is inconsistent");
out:
	wire_buf_free(&b);
	return r;
}
