/*
 * facts.c: what the pass over the records needs to know of each body
 * sentence (struct fact), and the workers that find it.
 *
 * Finding the facts of a sentence (its words, their shingles, its
 * MinHash signature) is most of the pass, and each sentence's are its
 * own: with -j, workers find them for a part of the input each, in
 * order, and write them to a file; read.c then takes them one by one as
 * it reads the records again.  The clustering itself stays in one
 * process, in input order, so the clusters are the same for any -j.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

#define EVIDENCE	4	/* words in a sentence that is evidence */
#define WORKMIN		(64 << 10)	/* input worth one worker more */

/* The figures of a text: a hash of its runs of digits, 0 for none. */
static uint64_t
figures(const char *s, size_t len)
{
	uint64_t	h = 0;
	size_t		i, j;

	for (i = 0; i < len; i = j) {
		if (s[i] < '0' || s[i] > '9') {
			j = i + 1;
			continue;
		}
		for (j = i; j < len && s[j] >= '0' && s[j] <= '9'; j++)
			;
		h = wire_hash(&(uint64_t[2]){ h, wire_hash(s + i, j - i) }, 16);
	}
	return h;
}

/* The hash of the sentence's normalised text, which is all a copy needs. */
void
fact_hash(struct facter *fx, const char *s, size_t len, struct fact *f)
{
	fx->norm.len = 0;
	wire_norm(&fx->norm, s, len);
	f->h = wire_hash(fx->norm.p, fx->norm.len);
}

/* The rest: is it evidence, its figures and its signature. */
void
fact_rest(struct facter *fx, const char *s, size_t len, struct fact *f)
{
	size_t	n;

	wire_keys(&fx->keys, s, len, 0);
	f->evid = fx->keys.n >= EVIDENCE;
	f->fig = figures(s, len);
	if (f->evid) {
		n = wire_shingles(&fx->keys, 2, &fx->sh, &fx->shcap);
		wire_sig(fx->sh, n, f->sig);
	} else
		memset(f->sig, 0, sizeof(f->sig));
}

void
facter_free(struct facter *fx)
{
	wire_buf_free(&fx->norm);
	wire_keys_free(&fx->keys);
	free(fx->sh);
}

/* ---- the workers ---------------------------------------------------- */

struct work {
	struct facter	 fx;
	FILE		*out;
	const char	*path;
};

static void
work_one(const struct wire_rec *r, void *arg)
{
	struct work	*w = arg;
	struct fact	 f;

	if (wire_rec_meta(r))
		return;
	memset(&f, 0, sizeof(f));
	fact_hash(&w->fx, r->text, r->textlen, &f);
	fact_rest(&w->fx, r->text, r->textlen, &f);
	if (fwrite(&f, sizeof(f), 1, w->out) != 1)
		err(WIRE_EXIT_BAD, "%s", w->path);
}

/* The facts of the lines in [from, to) of fd, into out. */
static void
work(int fd, off_t from, off_t to, const char *out)
{
	struct work	 w = { { { 0 }, { 0 }, NULL, 0 }, NULL, out };
	char		*p = NULL, *nl, keep;
	size_t		 cap = 0, len = 0, n, want;
	off_t		 at = from;
	ssize_t		 got;
	int		 done;

	if ((w.out = fopen(out, "w")) == NULL)
		err(WIRE_EXIT_BAD, "%s", out);
	do {
		want = to - at < (1 << 20) ? (size_t)(to - at) : 1 << 20;
		p = wire_grow(p, &cap, len + want + 1, 1);
		if ((got = pread(fd, p + len, want, at)) == -1)
			err(WIRE_EXIT_BAD, "pread");
		len += (size_t)got;
		at += got;
		done = at >= to || got == 0;
		/* Whole lines; at the end, all that is left. */
		for (nl = p + len; nl > p && !done && nl[-1] != '\n'; nl--)
			;
		if (nl == p)
			continue;
		n = (size_t)(nl - p);
		keep = p[n];	/* wire_each_record_mem() writes there */
		wire_each_record_mem(p, n, work_one, &w);
		p[n] = keep;
		memmove(p, p + n, len - n);
		len -= n;
	} while (!done);
	if (fflush(w.out) == EOF || ferror(w.out) || fclose(w.out) == EOF)
		err(WIRE_EXIT_BAD, "%s", out);
	facter_free(&w.fx);
	free(p);
}

/* Where the line after offset at begins (or the end). */
static off_t
line_start(int fd, off_t at, off_t size)
{
	char	buf[4096], *nl;
	ssize_t	n;

	if (at == 0)
		return 0;
	for (at--; at < size; at += n) {
		if ((n = pread(fd, buf, sizeof(buf), at)) <= 0)
			return size;
		if ((nl = memchr(buf, '\n', (size_t)n)) != NULL)
			return at + (nl - buf) + 1;
	}
	return size;
}

/*
 * Find the facts of the input at path on up to jobs workers, into
 * tmp/f0, tmp/f1, ...: 0 when the input is worth it and it was done.
 */
struct parts {
	int		 fd;
	off_t		 cut[WIRE_JOBS_MAX + 1];	/* part k is [cut[k], cut[k + 1]) */
	const char	*tmp;
};

static void
part(uint32_t k, void *arg)
{
	struct parts	*ps = arg;
	char		 out[128];

	snprintf(out, sizeof(out), "%s/f%u", ps->tmp, k);
	work(ps->fd, ps->cut[k], ps->cut[k + 1], out);
}

int
facts_start(struct facts *fs, const char *path, const char *tmp, long long jobs)
{
	struct parts	 ps;
	struct stat	 sb;
	uint32_t	 k, n;

	memset(fs, 0, sizeof(*fs));
	fs->tmp = ps.tmp = tmp;
	if (jobs < 2 || (ps.fd = open(path, O_RDONLY)) == -1)
		return -1;
	if (fstat(ps.fd, &sb) == -1 || sb.st_size < 2 * WORKMIN) {
		close(ps.fd);
		return -1;
	}
	n = (uint32_t)(sb.st_size / WORKMIN < jobs ? sb.st_size / WORKMIN :
	    jobs);
	for (k = 0; k <= n; k++)
		ps.cut[k] = line_start(ps.fd, sb.st_size * k / n, sb.st_size);
	fork_workers(n, part, &ps);
	close(ps.fd);
	fs->n = n;
	return 0;
}

/* The next worker's file, or 0 when there is none. */
static int
next_file(struct facts *fs)
{
	char	path[128];

	if (fs->fp != NULL) {
		if (ferror(fs->fp))
			err(WIRE_EXIT_BAD, "a worker's file");
		fclose(fs->fp);
		fs->fp = NULL;
	}
	if (fs->k == fs->n)
		return 0;
	snprintf(path, sizeof(path), "%s/f%u", fs->tmp, fs->k++);
	if ((fs->fp = fopen(path, "r")) == NULL)
		err(WIRE_EXIT_BAD, "%s", path);
	unlink(path);
	return 1;
}

/* The facts of the next body sentence, from the workers' files. */
void
fact_next(struct facts *fs, struct fact *f)
{
	while (fs->fp == NULL || fread(f, sizeof(*f), 1, fs->fp) != 1)
		if (!next_file(fs))
			errx(WIRE_EXIT_BAD, "the workers found fewer "
			    "sentences than there are");
}

/* All facts were taken: none is left over. */
void
facts_end(struct facts *fs)
{
	struct fact	f;

	while (fs->fp != NULL || next_file(fs))
		if (fread(&f, sizeof(f), 1, fs->fp) == 1)
			errx(WIRE_EXIT_BAD, "the workers found more "
			    "sentences than there are");
		else
			next_file(fs);
}
