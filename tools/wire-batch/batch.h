/*
 * batch.h: the parts of wire-batch.  main.c reads the options, keeps
 * the generations of the output folder and says what a run did; scan.c
 * finds the article files of the dumps, tells what each is and keeps
 * the manifest; stage.c runs the per-article pipelines, puts their
 * records together and runs wire-dedupe and wire-report over them.
 */
#include <sys/types.h>

#include <signal.h>

#include "wire.h"

/* What a file of a dump is; the first kinds are read, the others not. */
enum kind { K_TEXT, K_NOTUTF8, K_ARCHIVE, K_EMPTY, K_BINARY, K_UNREADABLE,
	K_OTHER, K_NKINDS };
#define KIND_READ(k)	((k) <= K_ARCHIVE)
extern const char *const kind_name[K_NKINDS];

/* How a file stands against the last run. */
enum state { S_ADDED, S_CHANGED, S_UNCHANGED };

struct file {
	char		*path;		/* as found: dump operand / ... */
	char		*key;		/* escaped, as DOC and the manifest */
	off_t		 size;
	int64_t		 sec;		/* modification time */
	long		 nsec;
	uint64_t	 hash;		/* XXH3 of the content */
	enum kind	 kind;
	enum state	 state;
	int		 known;		/* hash and kind taken from the last run */
	int		 pending;	/* new, not read yet */
};

struct manifest {
	struct file	*f;
	size_t		 n, cap;
	struct wire_names names;	/* keys: index */
};

/* The options and the state of the run. */
struct run {
	int		 tsv, quiet, progress;
	long long	 jobs;
	const char	*out;		/* the output folder */
	char		*gen;		/* the generation this run builds */
	char		*cur;		/* the last finished one, or NULL */
	char		 tools[4096];	/* where the wire programs are, or "" */
	size_t		 nchunk;	/* chunks of new records */
	int		 bad;		/* a file could not be read */
};

/* main.c: the processes running, to be stopped with the run */
void	kid_add(pid_t);
void	kid_gone(pid_t);
extern volatile sig_atomic_t stop;
#define STOPPED()	do { if (stop) stopped(); } while (0)
void	stopped(void) __attribute__((noreturn));

/* scan.c */
void	scan(struct run *, struct manifest *, char **dumps, int ndumps);
void	classify(struct run *, struct manifest *, const struct manifest *);
void	look_file(struct run *, struct file *);
int	manifest_read(struct manifest *, const char *path);
void	manifest_write(const struct manifest *, const char *path);
void	manifest_free(struct manifest *);
size_t	manifest_find(const struct manifest *, const char *key, size_t len);
void	progress(struct run *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* stage.c */
void	stage(struct run *, struct manifest *);
void	merge(struct run *, const struct manifest *);
pid_t	dedupe_start(struct run *);
pid_t	report_start(struct run *, const char *gen, const char *dir);
int	reap(pid_t, const char *what);
char	*path_join(const char *, const char *);
void	copy_file(const char *from, const char *to);
void	sync_file(const char *);
