/*
 * wire-batch: run the wire pipeline over dumps of article files,
 * incrementally and in parallel, and write the story report.
 *
 * The output folder holds generations: gen/N is one finished run and
 * "current" a symbolic link to the newest.  A run builds the next
 * generation beside it and switches the link with one rename(2) at the
 * end, so a run that is stopped or killed leaves the last finished one
 * as it was; the next run throws the pieces away.  scan.c finds what
 * changed since, stage.c does the work.
 */
#define _XOPEN_SOURCE 700	/* nftw() */

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"

static const char synopsis[] =
    "wire-batch [-hq] [-f format] [-j jobs] [-o outdir] dump ...";

/* What a user reads through the links at the top of the output folder. */
static const char *const outputs[] = { "all.rec", "unique.rec",
	"manifest.tsv", "report.txt", "stories.tsv", "members.tsv", "own.tsv",
	"quotations.tsv", "drift.tsv", "speakers.tsv", "nobody.tsv",
	/* and what older runs had, to be tidied away */
	"records", "quotes.tsv" };

#define DELETEDSHOWN	10

/* ---- the processes of the run, and stopping it --------------------- */

volatile sig_atomic_t stop;
static pid_t	*kids;
static size_t	 nkids, capkids;
static pid_t	 self;
static char	*building;		/* the generation not yet finished */

void
kid_add(pid_t pid)
{
	kids = wire_grow(kids, &capkids, nkids + 1, sizeof(*kids));
	kids[nkids++] = pid;
}

void
kid_gone(pid_t pid)
{
	size_t	i;

	for (i = 0; i < nkids; i++)
		if (kids[i] == pid) {
			kids[i] = kids[--nkids];
			return;
		}
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	if (remove(path) == -1 && errno != ENOENT)
		warn("%s", path);
	return 0;
}

static void
rm_tree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* On any exit before the switch: stop the programs, drop the pieces. */
static void
cleanup(void)
{
	size_t	i;

	if (getpid() != self || building == NULL)
		return;
	for (i = 0; i < nkids; i++)
		kill(kids[i], SIGTERM);
	for (i = 0; i < nkids; i++)
		waitpid(kids[i], NULL, 0);
	rm_tree(building);
}

static void
onsignal(int sig)
{
	stop = sig;
}

void
stopped(void)
{
	int	sig = stop;

	cleanup();
	building = NULL;
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(WIRE_EXIT_BAD);
}

/* ---- the output folder -------------------------------------------- */

static void
mkdirs(const char *path)
{
	char	*p = strdup(path), *s;

	if (p == NULL)
		wire_nomem();
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			err(WIRE_EXIT_BAD, "%s", p);
		if (s[0] == '\0' && s - p == (ptrdiff_t)strlen(path))
			break;
		*s = '/';
	}
	free(p);
}

/* Where the wire programs are: beside this one, else on the PATH. */
static void
find_tools(struct run *r)
{
	char	 self[sizeof(r->tools)], *p, *t;
	ssize_t	 n;

	r->tools[0] = '\0';
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) <= 0)
		return;
	self[n] = '\0';
	if ((p = strrchr(self, '/')) == NULL)
		return;
	*p = '\0';
	t = path_join(self, "wire-strip");
	if (access(t, X_OK) == 0)
		memcpy(r->tools, self, strlen(self) + 1);
	free(t);
}

/*
 * The last finished run (r->cur) and its manifest, and the number of
 * the next; what is left of an unfinished run goes.
 */
static int
generations(struct run *r, struct manifest *prev)
{
	char		 link[64], *gen, *p, *path;
	struct dirent	*e;
	DIR		*d;
	ssize_t		 n;
	long		 k, max = 0;

	path = path_join(r->out, "current");
	if ((n = readlink(path, link, sizeof(link) - 1)) > 0) {
		link[n] = '\0';
		r->cur = path_join(r->out, link);
		p = path_join(r->cur, "manifest.tsv");
		n = manifest_read(prev, p);
		free(p);
		if (n == -1)
			errx(WIRE_EXIT_BAD, "%s: the last run is damaged; "
			    "remove %s to start afresh", r->cur, r->out);
	} else if (errno != ENOENT)
		err(WIRE_EXIT_BAD, "%s", path);
	free(path);
	gen = path_join(r->out, "gen");
	if ((d = opendir(gen)) == NULL)
		err(WIRE_EXIT_BAD, "%s", gen);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		k = strtol(e->d_name, &p, 10);
		path = path_join(gen, e->d_name);
		if (r->cur != NULL && strcmp(path, r->cur) == 0) {
			if (k > max)
				max = k;
		} else
			rm_tree(path);
		free(path);
	}
	closedir(d);
	free(gen);
	return (int)max + 1;
}

/* The links at the top to what the current generation has. */
static void
links(struct run *r)
{
	char	*top, *in, *to;
	size_t	 i;

	for (i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
		top = path_join(r->out, outputs[i]);
		to = path_join("current", outputs[i]);
		in = path_join(r->out, to);
		if (access(in, F_OK) == 0) {
			if (symlink(to, top) == -1 && errno != EEXIST)
				err(WIRE_EXIT_BAD, "%s", top);
		} else if (unlink(top) == -1 && errno != ENOENT)
			err(WIRE_EXIT_BAD, "%s", top);
		free(top);
		free(to);
		free(in);
	}
}

/* Make gen the current generation, in one rename. */
static void
switch_to(struct run *r, int n)
{
	char	 to[32], *tmp, *cur;
	int	 fd;

	snprintf(to, sizeof(to), "gen/%d", n);
	tmp = path_join(r->out, "current.new");
	cur = path_join(r->out, "current");
	unlink(tmp);
	if (symlink(to, tmp) == -1)
		err(WIRE_EXIT_BAD, "%s", tmp);
	if (rename(tmp, cur) == -1)
		err(WIRE_EXIT_BAD, "%s", cur);
	building = NULL;
	if ((fd = open(r->out, O_RDONLY | O_DIRECTORY)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(tmp);
	free(cur);
}

/* ---- a run ---------------------------------------------------------- */

/* The report in the asked format into the current generation, anew. */
static void
render_again(struct run *r)
{
	struct dirent	*e;
	DIR		*d;
	char		*tmp, *from, *to;

	tmp = path_join(r->cur, "render");
	rm_tree(tmp);
	mkdirs(tmp);
	building = tmp;
	if (reap(report_start(r, r->cur, tmp), "wire-report") == -1)
		errx(WIRE_EXIT_BAD, "the report failed");
	if ((d = opendir(tmp)) == NULL)
		err(WIRE_EXIT_BAD, "%s", tmp);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		from = path_join(tmp, e->d_name);
		to = path_join(r->cur, e->d_name);
		sync_file(from);
		if (rename(from, to) == -1)
			err(WIRE_EXIT_BAD, "%s", to);
		free(from);
		free(to);
	}
	closedir(d);
	building = NULL;
	rm_tree(tmp);
	free(tmp);
}

/* Say what changed: new and changed files that are not read, and gone. */
static void
tell(const struct manifest *m, const struct manifest *prev, size_t c[6])
{
	const struct file *f;
	size_t		 i;

	memset(c, 0, 6 * sizeof(*c));
	for (i = 0; i < m->n; i++) {
		f = &m->f[i];
		if (!KIND_READ(f->kind))
			c[4]++;
		else
			c[f->state == S_ADDED ? 0 : f->state == S_CHANGED ? 1 :
			    3]++;
		if (f->state == S_UNCHANGED)
			continue;
		if (f->kind == K_OTHER)
			warnx("%s: skipped: not a regular file", f->path);
		else if (!KIND_READ(f->kind))
			warnx("%s: skipped: %s file", f->path,
			    kind_name[f->kind]);
	}
	for (i = 0; i < prev->n; i++) {
		if (manifest_find(m, prev->f[i].key, strlen(prev->f[i].key)) !=
		    SIZE_MAX)
			continue;
		if (++c[2] <= DELETEDSHOWN)
			warnx("%s: gone since the last run", prev->f[i].key);
	}
	if (c[2] > DELETEDSHOWN)
		warnx("and %zu more files gone", c[2] - DELETEDSHOWN);
	c[5] = m->n;
}

static void
summary(const struct run *r, const size_t c[6])
{
	if (r->progress)
		fputs("\r\033[K", stderr);
	fprintf(stderr, "wire-batch: %zu files: %zu added, %zu changed, "
	    "%zu deleted, %zu unchanged, %zu skipped; %s %s/%s\n", c[5], c[0],
	    c[1], c[2], c[3], c[4], r->tsv ? "the tables are in" :
	    "the report is", r->out, r->tsv ? "" : "report.txt");
}

static void
build(struct run *r, struct manifest *m, int n)
{
	char	 name[32], *tmp, *p;
	pid_t	 dd, rp;
	size_t	 i;
	int	 bad = 0;

	snprintf(name, sizeof(name), "gen/%d", n);
	r->gen = path_join(r->out, name);
	tmp = path_join(r->gen, "tmp");
	building = r->gen;
	mkdirs(tmp);
	stage(r, m);
	dd = dedupe_start(r);		/* beside the merge and the report */
	progress(r, "putting the records together");
	merge(r, m);
	p = path_join(r->gen, "manifest.tsv");
	manifest_write(m, p);
	free(p);
	progress(r, "the report");
	rp = report_start(r, r->gen, r->gen);
	if (dd != 0 && reap(dd, "wire-dedupe") == -1)
		bad = 1;
	if (reap(rp, "wire-report") == -1)
		bad = 1;
	rm_tree(tmp);
	free(tmp);
	if (bad)
		errx(WIRE_EXIT_BAD, "the last finished run stays as it was");
	for (i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
		p = path_join(r->gen, outputs[i]);
		if (access(p, F_OK) == 0)
			sync_file(p);
		free(p);
	}
	switch_to(r, n);
}

int
main(int argc, char *argv[])
{
	struct run	 r = { 0 };
	struct manifest	 m = { 0 }, prev = { 0 };
	struct sigaction sa;
	struct stat	 sb;
	char		*p, *old;
	size_t		 c[6], len;
	int		 ch, i, n, fd;

	r.jobs = 1;
	r.out = "wire-out";
	while ((ch = getopt(argc, argv, "f:hj:o:q")) != -1) {
		switch (ch) {
		case 'f':
			r.tsv = wire_opt_tsv(optarg);
			break;
		case 'h':
			wire_usage(1, synopsis);
		case 'j':
			r.jobs = wire_opt_jobs(optarg);
			break;
		case 'o':
			r.out = optarg;
			break;
		case 'q':
			r.quiet = 1;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		wire_usage(0, synopsis);
	for (i = 0; i < argc; i++) {
		if (stat(argv[i], &sb) == -1 || !S_ISDIR(sb.st_mode))
			errx(WIRE_EXIT_BAD, "%s: not a directory", argv[i]);
		/* d/ and d name the files alike: d/x. */
		for (len = strlen(argv[i]); len > 1 && argv[i][len - 1] == '/';)
			argv[i][--len] = '\0';
	}
	r.progress = !r.quiet && isatty(STDERR_FILENO);
	self = getpid();
	atexit(cleanup);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = onsignal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	wire_lex_init();

	p = path_join(r.out, "gen");
	mkdirs(p);
	free(p);
	p = path_join(r.out, ".lock");
	if ((fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1)
		err(WIRE_EXIT_BAD, "%s", p);
	free(p);
	if (flock(fd, LOCK_EX | LOCK_NB) == -1)
		errx(WIRE_EXIT_BAD, "%s: another wire-batch is running there",
		    r.out);
	find_tools(&r);
	n = generations(&r, &prev);

	scan(&r, &m, argv, argc);
	if (m.n == 0)
		warnx("no files in %s%s", argv[0], argc > 1 ? " ..." : "");
	classify(&r, &m, &prev);
	/* What changed: files new, changed, or gone. */
	for (i = 0, len = prev.n; (size_t)i < m.n; i++) {
		len += m.f[i].state == S_ADDED;
		len -= m.f[i].state == S_UNCHANGED;
	}
	if (r.cur != NULL && len == 0) {
		/* Nothing new; new times of unchanged files are kept. */
		p = path_join(r.cur, "manifest.tsv");
		old = path_join(r.cur, "manifest.new");
		manifest_write(&m, old);
		if (rename(old, p) == -1)
			err(WIRE_EXIT_BAD, "%s", p);
		free(old);
		free(p);
		p = path_join(r.cur, r.tsv ? "stories.tsv" : "report.txt");
		if (access(p, F_OK) == 0) {
			if (r.progress)
				fputs("\r\033[K", stderr);
			fprintf(stderr, "wire-batch: nothing new in the "
			    "dumps; %s is up to date\n", r.out);
		} else {
			render_again(&r);
			links(&r);
			if (r.progress)
				fputs("\r\033[K", stderr);
			fprintf(stderr, "wire-batch: nothing new in the dumps; "
			    "the last run's report rendered as %s: %s/%s\n",
			    r.tsv ? "tables" : "text", r.out, r.tsv ?
			    "stories.tsv ..." : "report.txt");
		}
		free(p);
	} else {
		build(&r, &m, n);
		tell(&m, &prev, c);
		links(&r);
		if (r.cur != NULL)
			rm_tree(r.cur);
		summary(&r, c);
	}
	manifest_free(&m);
	manifest_free(&prev);
	free(r.cur);
	free(r.gen);
	free(kids);
	return r.bad ? WIRE_EXIT_BAD : WIRE_EXIT_OK;
}
