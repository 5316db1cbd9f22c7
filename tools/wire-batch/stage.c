/*
 * stage.c: the work of a run, done by the wire programs.
 *
 * The new and changed articles go through
 *
 *	wire-strip -1 -m -- FILE... | wire-split | wire-quotes > CHUNK
 *
 * in batches of consecutive files, up to -j pipelines at a time; then
 * merge() puts the records of the unchanged articles (from the last
 * run's all.rec) and the chunks together, in the order of the paths,
 * into all.rec; wire-dedupe adds the chunks' new text to unique.rec and
 * wire-report writes the report from all.rec.  A batch's records do not
 * depend on the other files in it (-1), so neither does anything on -j.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"

/*
 * A pipeline takes a quarter of a job's share of the bytes, so that the
 * jobs end together, but 2 MB at least (starting its three programs
 * costs as much as some 100 kB of text) and 4096 files at most.
 */
#define BATCHMIN	2000000
#define BATCHFILES	4096

char *
path_join(const char *a, const char *b)
{
	size_t	 n = strlen(a);
	char	*p = wire_xmalloc(n + strlen(b) + 2);

	memcpy(p, a, n);
	if (n > 0 && a[n - 1] != '/')
		p[n++] = '/';
	strcpy(p + n, b);
	return p;
}

void
copy_file(const char *from, const char *to)
{
	static char	 buf[1 << 16];
	ssize_t		 n, w;
	int		 in, out;

	if ((in = open(from, O_RDONLY)) == -1)
		err(WIRE_EXIT_BAD, "%s", from);
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		err(WIRE_EXIT_BAD, "%s", to);
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			err(WIRE_EXIT_BAD, "%s", from);
		for (char *p = buf; n > 0; n -= w, p += w)
			if ((w = write(out, p, (size_t)n)) <= 0)
				err(WIRE_EXIT_BAD, "%s", to);
	}
	close(in);
	if (close(out) == -1)
		err(WIRE_EXIT_BAD, "%s", to);
}

void
sync_file(const char *path)
{
	int	fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fsync(fd) == -1)
		err(WIRE_EXIT_BAD, "%s", path);
	close(fd);
}

/* ---- running the programs ----------------------------------------- */

/* Run prog (a wire program) with standard input in and output out. */
static pid_t
spawn(struct run *r, char *const argv[], int in, int out)
{
	char	*path;
	pid_t	 pid;

	if ((pid = fork()) == -1)
		err(WIRE_EXIT_BAD, "fork");
	if (pid != 0) {
		kid_add(pid);
		return pid;
	}
	if ((in != STDIN_FILENO && dup2(in, STDIN_FILENO) == -1) ||
	    (out != STDOUT_FILENO && dup2(out, STDOUT_FILENO) == -1))
		_exit(127);
	if (r->tools[0] != '\0') {
		path = path_join(r->tools, argv[0]);
		execv(path, argv);
	} else
		execvp(argv[0], argv);
	warn("%s", argv[0]);
	_exit(127);
}

/* Wait for pid; 0 if it did its work, else -1, said with what it was. */
int
reap(pid_t pid, const char *what)
{
	int	st;

	while (waitpid(pid, &st, 0) == -1) {
		if (errno != EINTR)
			err(WIRE_EXIT_BAD, "wait");
		STOPPED();
	}
	kid_gone(pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		warnx("%s exited with status %d", what, WEXITSTATUS(st));
	else
		warnx("%s was killed by signal %d", what, WTERMSIG(st));
	return -1;
}

/* A pipe that the other programs of the run do not inherit. */
static void
xpipe(int fd[2])
{
	if (pipe(fd) == -1 || fcntl(fd[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(fd[1], F_SETFD, FD_CLOEXEC) == -1)
		err(WIRE_EXIT_BAD, "pipe");
}

/* ---- the per-article stage ---------------------------------------- */

struct batch {
	pid_t		 pid[3];
	int		 alive;
	size_t		 first, n;	/* in todo[] */
};

static const char *const stagename[3] = { "wire-strip", "wire-split",
	"wire-quotes" };

static char *
chunk_path(const struct run *r, size_t k)
{
	char	name[32];

	snprintf(name, sizeof(name), "tmp/c%06zu.rec", k);
	return path_join(r->gen, name);
}

/* Read the new files of the batch of todo[from, to): what they are. */
static void
ready(struct run *r, struct manifest *m, const size_t *todo, size_t from,
    size_t to)
{
	size_t	i;

	for (i = from; i < to; i++) {
		STOPPED();
		if (m->f[todo[i]].pending)
			look_file(r, &m->f[todo[i]]);
	}
}

/* Start the pipeline of batch k; 0 when it has no file to read. */
static int
batch_start(struct run *r, const struct manifest *m, const size_t *todo,
    struct batch *b, size_t k)
{
	static char	*split[] = { "wire-split", NULL };
	static char	*quotes[] = { "wire-quotes", NULL };
	char		**argv, *path;
	int		  p1[2], p2[2], out;
	size_t		  i, n = 3;

	argv = wire_xrealloc(NULL, b->n + 4, sizeof(*argv));
	argv[0] = "wire-strip";
	argv[1] = "-1mq";	/* the report says which articles had no body */
	argv[2] = "--";
	for (i = 0; i < b->n; i++)
		if (KIND_READ(m->f[todo[b->first + i]].kind))
			argv[n++] = m->f[todo[b->first + i]].path;
	argv[n] = NULL;
	path = chunk_path(r, k);
	if ((out = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1)
		err(WIRE_EXIT_BAD, "%s", path);
	if (n == 3) {		/* an empty chunk */
		close(out);
		free(argv);
		free(path);
		return 0;
	}
	xpipe(p1);
	xpipe(p2);
	b->pid[0] = spawn(r, argv, STDIN_FILENO, p1[1]);
	b->pid[1] = spawn(r, split, p1[0], p2[1]);
	b->pid[2] = spawn(r, quotes, p2[0], out);
	b->alive = 3;
	close(p1[0]);
	close(p1[1]);
	close(p2[0]);
	close(p2[1]);
	close(out);
	free(argv);
	free(path);
	return 1;
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Run the new and changed articles through the pipeline into chunks
 * tmp/c000000.rec, ...: r->nchunk of them.  The new files of a batch are
 * read (to tell what they are) before it starts, and while others run.
 */
void
stage(struct run *r, struct manifest *m)
{
	struct batch	*run;
	size_t		*todo, *cut, ntodo = 0, next = 0, done = 0, i, k;
	size_t		 readied = 0;
	off_t		 total = 0, want, sum = 0;
	double		 t0 = now(), mb = 0, s;
	long long	 running = 0;
	pid_t		 pid;
	int		 st, failed = 0;

	todo = wire_xrealloc(NULL, m->n + 1, sizeof(*todo));
	for (i = 0; i < m->n; i++)
		if (m->f[i].state != S_UNCHANGED && (m->f[i].pending ||
		    KIND_READ(m->f[i].kind))) {
			todo[ntodo++] = i;
			total += m->f[i].size;
		}
	want = total / (4 * r->jobs);
	want = want < BATCHMIN ? BATCHMIN : want;
	cut = wire_xrealloc(NULL, ntodo + 1, sizeof(*cut));
	cut[0] = 0;
	r->nchunk = 0;
	for (i = 0; i < ntodo; i++) {
		sum += m->f[todo[i]].size;
		if (sum >= want || i + 1 - cut[r->nchunk] == BATCHFILES ||
		    i + 1 == ntodo) {
			cut[++r->nchunk] = i + 1;
			sum = 0;
		}
	}
	run = wire_xrealloc(NULL, (size_t)r->jobs, sizeof(*run));
	for (k = 0; k < (size_t)r->jobs; k++)
		run[k].alive = 0;
	while (!failed && (next < r->nchunk || running > 0)) {
		if (next < r->nchunk && running < r->jobs) {
			if (readied == next) {
				ready(r, m, todo, cut[next], cut[next + 1]);
				readied++;
			}
			for (k = 0; run[k].alive > 0; k++)
				;
			run[k].first = cut[next];
			run[k].n = cut[next + 1] - cut[next];
			if (batch_start(r, m, todo, &run[k], next++))
				running++;
			continue;
		}
		/* While the pipelines run, the next batch's files are read. */
		if (readied == next && next < r->nchunk) {
			ready(r, m, todo, cut[next], cut[readied + 1]);
			readied++;
			continue;
		}
		if ((pid = waitpid(-1, &st, 0)) == -1) {
			if (errno != EINTR)
				err(WIRE_EXIT_BAD, "wait");
			STOPPED();
			continue;
		}
		kid_gone(pid);
		for (k = 0; k < (size_t)r->jobs; k++)
			for (i = 0; i < 3; i++)
				if (run[k].alive > 0 && run[k].pid[i] == pid)
					goto found;
		continue;
found:
		/*
		 * wire-strip's 1: a part of a file could not be read, and
		 * it said so; the rest stands, and the run ends with 1.
		 */
		if (i == 0 && WIFEXITED(st) && WEXITSTATUS(st) == WIRE_EXIT_BAD)
			r->bad = 1;
		else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			warnx("%s %s on %s%s", stagename[i], WIFEXITED(st) ?
			    "failed" : "was killed",
			    m->f[todo[run[k].first]].path, run[k].n > 1 ?
			    " and the files after it" : "");
			failed = 1;
		}
		if (--run[k].alive > 0)
			continue;
		running--;
		for (i = 0; i < run[k].n; i++)
			mb += (double)m->f[todo[run[k].first + i]].size / 1e6;
		done += run[k].n;
		s = now() - t0;
		progress(r, "%zu of %zu articles, %.1f MB, %.1f MB/s", done,
		    ntodo, mb, s > 0 ? mb / s : 0);
	}
	free(run);
	free(todo);
	free(cut);
	if (failed)
		errx(WIRE_EXIT_BAD, "the per-article stage failed; the last "
		    "finished run stays as it was");
}

/* ---- all.rec ------------------------------------------------------- */

/* A stream of record lines, each with the index of the file it is of. */
struct recs {
	int		 fd;
	char		*name;
	char		*p;		/* read buffer: [start, end) unread */
	size_t		 cap, start, end;
	int		 eof;
	const char	*line;		/* the current line, its newline too */
	size_t		 len;
	struct wire_buf	 doc;		/* the DOC last looked up */
	size_t		 file;
};

#define ROOM	(1 << 20)

static int
recs_open(struct recs *s, char *path)
{
	s->name = path;
	s->start = s->end = 0;
	s->eof = 0;
	if ((s->fd = open(path, O_RDONLY)) == -1)
		err(WIRE_EXIT_BAD, "%s", path);
	return 0;
}

static void
recs_close(struct recs *s)
{
	close(s->fd);
	free(s->name);
	s->name = NULL;
	s->fd = -1;
}

/* The next line, or 0 at the end. */
static int
recs_line(struct recs *s)
{
	char	*nl;
	ssize_t	 n;

	for (;;) {
		nl = s->end > s->start ? memchr(s->p + s->start, '\n',
		    s->end - s->start) : NULL;
		if (nl != NULL || (s->eof && s->end > s->start)) {
			s->line = s->p + s->start;
			s->len = nl != NULL ? (size_t)(nl + 1 - s->line) :
			    s->end - s->start;
			s->start += s->len;
			return 1;
		}
		if (s->eof)
			return 0;
		if ((n = wire_read_more(s->fd, &s->p, &s->cap, &s->start,
		    &s->end, ROOM)) == -1)
			err(WIRE_EXIT_BAD, "%s", s->name);
		s->eof = n == 0;
	}
}

/*
 * The file of the current line: of its DOC, or of DOC less ":N" (an
 * article of a file of several); a line that is not a record stays
 * with the line before.  Looked up when DOC changes.
 */
static void
recs_file(struct recs *s, const struct manifest *m)
{
	const char	*tab = memchr(s->line, '\t', s->len), *p, *t, *e;
	size_t		 len, i;

	if (tab == NULL)
		return;
	len = (size_t)(tab - s->line);
	if (len == s->doc.len && memcmp(s->line, s->doc.p, len) == 0)
		return;
	s->doc.len = 0;
	wire_buf_add(&s->doc, s->line, len);
	if ((i = manifest_find(m, s->line, len)) != SIZE_MAX) {
		s->file = i;
		return;
	}
	for (p = tab; p > s->line && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	if (p < tab && p - 1 > s->line && p[-1] == ':' && (i = manifest_find(m,
	    s->line, (size_t)(p - 1 - s->line))) != SIZE_MAX) {
		s->file = i;
		return;
	}
	/*
	 * A document named by its URL (JSON Lines, WARC): its first
	 * record, "DOC 0 FILE class=source", says which file it is of.
	 */
	e = s->line + s->len;
	if (e - tab > 3 && memcmp(tab, "\t0\t", 3) == 0 &&
	    (t = memchr(tab + 3, '\t', (size_t)(e - tab - 3))) != NULL &&
	    e - t >= 14 && memcmp(t, "\tclass=source", 13) == 0 &&
	    (t[13] == '\n' || t[13] == '\t' || t + 13 == e))
		s->file = manifest_find(m, tab + 3, (size_t)(t - tab - 3));
}

/* The next line of the last run's all.rec that an unchanged file owns. */
static int
next_old(struct recs *s, const struct manifest *m)
{
	while (s->fd != -1 && recs_line(s)) {
		recs_file(s, m);
		if (s->file != SIZE_MAX && m->f[s->file].state == S_UNCHANGED)
			return 1;
	}
	return 0;
}

/* The next line of the chunks, which come one after the other. */
static int
next_new(struct recs *s, const struct run *r, const struct manifest *m,
    size_t *k)
{
	for (;;) {
		if (s->fd != -1 && recs_line(s)) {
			recs_file(s, m);
			return 1;
		}
		if (s->fd != -1)
			recs_close(s);
		if (*k == r->nchunk)
			return 0;
		recs_open(s, chunk_path(r, (*k)++));
	}
}

/* all.rec: the records of every file, in the order of the paths. */
void
merge(struct run *r, const struct manifest *m)
{
	struct recs	 a = { .fd = -1, .file = SIZE_MAX };
	struct recs	 b = { .fd = -1, .file = SIZE_MAX };
	char		*path;
	size_t		 k = 0;
	FILE		*out;
	int		 ha, hb;

	path = path_join(r->gen, "all.rec");
	if ((out = fopen(path, "w")) == NULL)
		err(WIRE_EXIT_BAD, "%s", path);
	if (r->cur != NULL)
		recs_open(&a, path_join(r->cur, "all.rec"));
	ha = next_old(&a, m);
	hb = next_new(&b, r, m, &k);
	while (ha || hb) {
		STOPPED();
		if (ha && (!hb || a.file <= b.file)) {
			fwrite(a.line, 1, a.len, out);
			ha = next_old(&a, m);
		} else {
			fwrite(b.line, 1, b.len, out);
			hb = next_new(&b, r, m, &k);
		}
	}
	if (fflush(out) == EOF || fsync(fileno(out)) == -1 || ferror(out) ||
	    fclose(out) == EOF)
		err(WIRE_EXIT_BAD, "%s", path);
	if (a.fd != -1)
		recs_close(&a);
	free(a.p);
	free(b.p);
	wire_buf_free(&a.doc);
	wire_buf_free(&b.doc);
	free(path);
}

/* ---- wire-dedupe and wire-report ----------------------------------- */

/*
 * unique.rec grows by what the new records add: the last run's, then
 * wire-dedupe -n over the chunks with the state of all runs.  Returns
 * its process, or 0 when there is nothing new.
 */
pid_t
dedupe_start(struct run *r)
{
	char	**argv, *state, *uniq, *old;
	size_t	  k;
	pid_t	  pid;
	int	  out;

	state = path_join(r->gen, "dedupe.state");
	uniq = path_join(r->gen, "unique.rec");
	if (r->cur != NULL) {
		old = path_join(r->cur, "unique.rec");
		copy_file(old, uniq);
		free(old);
		/* wire-dedupe renames a new state over it: a link will do. */
		old = path_join(r->cur, "dedupe.state");
		if (link(old, state) == -1 && errno != ENOENT)
			err(WIRE_EXIT_BAD, "%s", state);
		free(old);
	}
	if ((out = open(uniq, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0644)) == -1)
		err(WIRE_EXIT_BAD, "%s", uniq);
	pid = 0;
	if (r->nchunk > 0) {
		argv = wire_xrealloc(NULL, r->nchunk + 5, sizeof(*argv));
		argv[0] = "wire-dedupe";
		argv[1] = "-n";
		argv[2] = "-s";
		argv[3] = state;
		for (k = 0; k < r->nchunk; k++)
			argv[4 + k] = chunk_path(r, k);
		argv[4 + k] = NULL;
		pid = spawn(r, argv, STDIN_FILENO, out);
		for (k = 0; k < r->nchunk; k++)
			free(argv[4 + k]);
		free(argv);
	}
	close(out);
	free(state);
	free(uniq);
	return pid;
}

/*
 * wire-report on gen's all.rec and manifest, its outputs into dir:
 * report.txt, or the tables of -f tsv.
 */
pid_t
report_start(struct run *r, const char *gen, const char *dir)
{
	char	*argv[12], jobs[32], *man, *all, *txt;
	pid_t	 pid;
	int	 out;

	snprintf(jobs, sizeof(jobs), "%lld", r->jobs);
	man = path_join(gen, "manifest.tsv");
	all = path_join(gen, "all.rec");
	txt = path_join(dir, "report.txt");
	argv[0] = "wire-report";
	argv[1] = "-f";
	argv[2] = r->tsv ? "tsv" : "text";
	argv[3] = "-j";
	argv[4] = jobs;
	argv[5] = "-m";
	argv[6] = man;
	argv[7] = "-o";
	argv[8] = (char *)dir;
	argv[9] = all;
	argv[10] = NULL;
	if ((out = open(r->tsv ? "/dev/null" : txt, O_WRONLY | O_CREAT |
	    O_TRUNC | O_CLOEXEC, 0644)) == -1)
		err(WIRE_EXIT_BAD, "%s", txt);
	pid = spawn(r, argv, STDIN_FILENO, out);
	close(out);
	free(man);
	free(all);
	free(txt);
	return pid;
}
