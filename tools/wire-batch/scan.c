/*
 * scan.c: the article files of the dumps and the manifest.
 *
 * Every regular file under a dump is an article file, at any depth and
 * with any name; a symbolic link to a regular file is one too.  Other
 * things (links to folders, fifos, sockets) are listed as "other" and
 * not read; nothing is left out without a word.  A file is read once to
 * tell what it is and hash it: a file whose size and modification time
 * are those of the last run keeps the kind and hash it had then.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "batch.h"

const char *const kind_name[K_NKINDS] = { "text", "not-utf8", "archive",
	"empty", "binary", "unreadable", "other" };

void
progress(struct run *r, const char *fmt, ...)
{
	va_list	ap;

	if (!r->progress)
		return;
	fputs("\rwire-batch: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\033[K", stderr);
	fflush(stderr);
}

/* ---- finding the files -------------------------------------------- */

static void
add(struct manifest *m, char *path, const struct stat *sb, enum kind k)
{
	struct wire_buf	 key = { 0 };
	struct file	*f;

	wire_buf_escape(&key, path, strlen(path));
	m->f = wire_grow(m->f, &m->cap, m->n + 1, sizeof(*m->f));
	f = &m->f[m->n++];
	memset(f, 0, sizeof(*f));
	f->path = path;
	f->key = key.p;
	f->size = sb->st_size;
	f->sec = (int64_t)sb->st_mtim.tv_sec;
	f->nsec = sb->st_mtim.tv_nsec;
	f->kind = k;
}

/* The files under dir, but not the output folder (out). */
static void
walk(struct run *r, struct manifest *m, const char *dir,
    const struct stat *out)
{
	struct dirent	*e;
	struct stat	 sb, to;
	DIR		*d;
	char		*p;

	if ((d = opendir(dir)) == NULL) {
		warn("%s", dir);
		r->bad = 1;
		return;
	}
	while ((errno = 0, e = readdir(d)) != NULL) {
		STOPPED();
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = path_join(dir, e->d_name);
		if (lstat(p, &sb) == -1) {
			warn("%s", p);
			r->bad = 1;
			free(p);
		} else if (S_ISDIR(sb.st_mode)) {
			if (sb.st_dev != out->st_dev || sb.st_ino != out->st_ino)
				walk(r, m, p, out);
			free(p);
		} else if (S_ISREG(sb.st_mode))
			add(m, p, &sb, K_TEXT);
		else if (S_ISLNK(sb.st_mode) && stat(p, &to) == 0 &&
		    S_ISREG(to.st_mode))
			add(m, p, &to, K_TEXT);
		else
			add(m, p, &sb, K_OTHER);
		if (m->n % 1024 == 0)
			progress(r, "%zu files found", m->n);
	}
	if (errno != 0) {
		warn("%s", dir);
		r->bad = 1;
	}
	closedir(d);
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->path,
	    ((const struct file *)b)->path);
}

/* All files of the dumps, in the order of their paths, each once. */
void
scan(struct run *r, struct manifest *m, char **dumps, int ndumps)
{
	struct stat	 out;
	size_t		 i, n;
	int		 k;

	if (stat(r->out, &out) == -1)
		err(WIRE_EXIT_BAD, "%s", r->out);
	for (k = 0; k < ndumps; k++)
		walk(r, m, dumps[k], &out);
	wire_sort(m->f, m->n, sizeof(*m->f), by_path);
	for (i = n = 0; i < m->n; i++) {
		if (n > 0 && strcmp(m->f[n - 1].path, m->f[i].path) == 0) {
			free(m->f[i].path);
			free(m->f[i].key);
			continue;
		}
		m->f[n++] = m->f[i];
	}
	m->n = n;
	for (i = 0; i < m->n; i++)
		wire_names_add(&m->names, m->f[i].key, strlen(m->f[i].key));
}

size_t
manifest_find(const struct manifest *m, const char *key, size_t len)
{
	uint32_t	i;

	return wire_names_find(&m->names, key, len, &i) ? i : SIZE_MAX;
}

/* ---- what a file is ----------------------------------------------- */

/* What reading a file found: its kind and hash, or why it failed. */
struct seen {
	uint64_t	hash;
	int		kind;
	int		error;
};

static void
look(const char *path, struct seen *s)
{
	static char	 buf[1 << 16];
	XXH3_state_t	 h;
	struct wire_utf8check u = { 0, 0x80, 0xbf, 0 };
	ssize_t		 n;
	size_t		 total = 0;
	int		 fd, nul = 0, archive = 0;

	s->error = 0;
	if ((fd = open(path, O_RDONLY)) == -1) {
		s->kind = K_UNREADABLE;
		s->error = errno;
		return;
	}
	XXH3_64bits_reset(&h);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			s->kind = K_UNREADABLE;
			s->error = errno;
			close(fd);
			return;
		}
		/* A web archive, gzipped or not, holds what it holds. */
		if (total == 0)
			archive = (n >= 2 && (unsigned char)buf[0] == 0x1f &&
			    (unsigned char)buf[1] == 0x8b) || (n >= 5 &&
			    memcmp(buf, "WARC/", 5) == 0);
		XXH3_64bits_update(&h, buf, (size_t)n);
		if (!nul && memchr(buf, '\0', (size_t)n) != NULL)
			nul = 1;
		wire_utf8_check(&u, buf, (size_t)n);
		total += (size_t)n;
		/* A short read of a regular file is its end: no call more. */
		if ((size_t)n < sizeof(buf))
			break;
	}
	close(fd);
	s->hash = XXH3_64bits_digest(&h);
	s->kind = total == 0 ? K_EMPTY : archive ? K_ARCHIVE : nul ? K_BINARY :
	    u.bad || u.need > 0 ? K_NOTUTF8 : K_TEXT;
}

static void
seen(struct run *r, struct file *f, const struct seen *s)
{
	f->kind = s->kind;
	f->hash = s->hash;
	f->pending = 0;
	if (f->kind == K_UNREADABLE) {
		warnx("%s: %s", f->path, strerror(s->error));
		r->bad = 1;
	}
}

/*
 * Read the files in want[] (indices into m) on r->jobs processes, which
 * write what they find into memory they share with this one.
 */
static void
look_all(struct run *r, struct manifest *m, const size_t *want, size_t n)
{
	struct seen	*s;
	pid_t		*pid;
	long long	 k, nk;
	size_t		 i;
	int		 st, bad = 0;

	if (n == 0)
		return;
	nk = r->jobs;
	if ((long long)n < 64 * nk)
		nk = 1;
	s = mmap(NULL, n * sizeof(*s), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (s == MAP_FAILED)
		err(WIRE_EXIT_BAD, "mmap");
	if (nk == 1)
		for (i = 0; i < n; i++) {
			STOPPED();
			look(m->f[want[i]].path, &s[i]);
			if (i % 256 == 255)
				progress(r, "%zu of %zu new files read", i + 1,
				    n);
		}
	else {
		pid = wire_xrealloc(NULL, (size_t)nk, sizeof(*pid));
		for (k = 0; k < nk; k++) {
			if ((pid[k] = fork()) == -1)
				err(WIRE_EXIT_BAD, "fork");
			if (pid[k] != 0) {
				kid_add(pid[k]);
				continue;
			}
			for (i = (size_t)k; i < n; i += (size_t)nk)
				look(m->f[want[i]].path, &s[i]);
			_exit(0);
		}
		for (k = 0; k < nk; k++) {
			while (waitpid(pid[k], &st, 0) == -1) {
				if (errno != EINTR || stop)
					kill(pid[k], SIGTERM);
				STOPPED();
			}
			kid_gone(pid[k]);
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
				bad = 1;
		}
		free(pid);
		if (bad)
			errx(WIRE_EXIT_BAD, "a process reading the files failed");
	}
	for (i = 0; i < n; i++)
		seen(r, &m->f[want[i]], &s[i]);
	munmap(s, n * sizeof(*s));
}

/* A new file, read now: in the stage, just before its batch. */
void
look_file(struct run *r, struct file *f)
{
	struct seen	s;

	look(f->path, &s);
	seen(r, f, &s);
}

/*
 * The kind and hash of each file, and how it stands against the last
 * run's manifest (prev, empty for none).  A new file is read later, in
 * the stage, beside the pipelines (it is new whatever it holds); a file
 * of the last run whose size or time changed is read now, to know if
 * it changed.
 */
void
classify(struct run *r, struct manifest *m, const struct manifest *prev)
{
	const struct file *p;
	struct file	*f;
	size_t		*want, nwant = 0, i, j;

	want = wire_xrealloc(NULL, m->n + 1, sizeof(*want));
	for (i = 0; i < m->n; i++) {
		f = &m->f[i];
		j = manifest_find(prev, f->key, strlen(f->key));
		p = j != SIZE_MAX ? &prev->f[j] : NULL;
		if (p != NULL && p->size == f->size && p->sec == f->sec &&
		    p->nsec == f->nsec && p->kind != K_UNREADABLE &&
		    (p->kind == K_OTHER) == (f->kind == K_OTHER)) {
			f->kind = p->kind;
			f->hash = p->hash;
			f->known = 1;
		} else if (f->kind != K_OTHER && p == NULL)
			f->pending = 1;
		else if (f->kind != K_OTHER)
			want[nwant++] = i;
	}
	look_all(r, m, want, nwant);
	free(want);
	for (i = 0; i < m->n; i++) {
		f = &m->f[i];
		j = manifest_find(prev, f->key, strlen(f->key));
		if (j == SIZE_MAX)
			f->state = S_ADDED;
		else if (prev->f[j].hash == f->hash &&
		    prev->f[j].kind == f->kind)
			f->state = S_UNCHANGED;
		else
			f->state = S_CHANGED;
	}
}

/* ---- the manifest ------------------------------------------------- */

/*
 * One line a file, in the order of the paths: the path (escaped as
 * DOC is in records), its kind, size, modification time and hash.
 */
void
manifest_write(const struct manifest *m, const char *path)
{
	FILE		*fp;
	size_t		 i;

	if ((fp = fopen(path, "w")) == NULL)
		err(WIRE_EXIT_BAD, "%s", path);
	for (i = 0; i < m->n; i++)
		fprintf(fp, "%s\t%s\t%jd\t%" PRId64 ".%09ld\t%016" PRIx64 "\n",
		    m->f[i].key, kind_name[m->f[i].kind],
		    (intmax_t)m->f[i].size, m->f[i].sec, m->f[i].nsec,
		    m->f[i].hash);
	if (fflush(fp) == EOF || fsync(fileno(fp)) == -1 || ferror(fp) ||
	    fclose(fp) == EOF)
		err(WIRE_EXIT_BAD, "%s", path);
}

/* Read a manifest; -1 (said) if a line is not one. */
int
manifest_read(struct manifest *m, const char *path)
{
	FILE		*fp;
	char		*line = NULL, *f[5], *e;
	size_t		 cap = 0, ln = 0;
	ssize_t		 len;
	struct file	*x;
	int		 k, nf;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		ln++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		for (nf = 0, e = line; nf < 5 && e != NULL; nf++) {
			f[nf] = e;
			if ((e = strchr(e, '\t')) != NULL)
				*e++ = '\0';
		}
		for (k = 0; nf == 5 && e == NULL && k < K_NKINDS; k++)
			if (strcmp(f[1], kind_name[k]) == 0)
				break;
		if (nf != 5 || e != NULL || k == K_NKINDS ||
		    strlen(f[4]) != 16) {
			wire_warnat(path, ln, "not a line of a manifest");
			free(line);
			fclose(fp);
			return -1;
		}
		m->f = wire_grow(m->f, &m->cap, m->n + 1, sizeof(*m->f));
		x = &m->f[m->n++];
		memset(x, 0, sizeof(*x));
		x->key = strdup(f[0]);
		if (x->key == NULL)
			wire_nomem();
		x->kind = (enum kind)k;
		x->size = (off_t)strtoll(f[2], NULL, 10);
		x->sec = strtoll(f[3], &e, 10);
		x->nsec = *e == '.' ? strtol(e + 1, NULL, 10) : 0;
		x->hash = strtoull(f[4], NULL, 16);
		wire_names_add(&m->names, x->key, strlen(x->key));
	}
	free(line);
	if (ferror(fp)) {
		warn("%s", path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

void
manifest_free(struct manifest *m)
{
	size_t	i;

	for (i = 0; i < m->n; i++) {
		free(m->f[i].path);
		free(m->f[i].key);
	}
	free(m->f);
	wire_names_free(&m->names);
	memset(m, 0, sizeof(*m));
}
