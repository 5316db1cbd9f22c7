/*
 * wire-report: the story report of the sentence records of a dump.
 *
 * read.c reads the records once and story.c builds the stories; each
 * story is then read again and worked on (member.c, quotes.c) by one of
 * -j worker processes, which write what they render to a file of their
 * own, story by story; the report is put together from those files in
 * the order of the stories, so it is the same whatever -j.  Memory holds
 * the clusters of the input and one story at a time.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

static const char synopsis[] =
    "wire-report [-h] [-f format] [-j jobs] [-m manifest] [-o dir] [file]";

#define TOPSPEAKERS	10

struct opts {
	int		 tsv;
	long long	 jobs;
	const char	*manifest, *dir;
	char		 tmp[64];	/* a directory of our own */
};

/* ---- the titles and dates of stories ----------------------------- */

const char *
story_title(const struct corpus *cp, uint32_t s)
{
	uint32_t	i;

	/* The base's title, or the first member's that has one. */
	for (i = cp->first[s]; i < cp->first[s + 1]; i++)
		if (cp->doc[cp->byorder[i]].title != 0)
			return cstr(cp, cp->doc[cp->byorder[i]].title);
	return short_name(cp, cp->byorder[cp->first[s]]);
}

/* A date as YYYY-MM-DD, from the usual ways of writing one; or 0. */
static int
iso_date(const char *s, char out[11])
{
	static const char *const months[] = { "jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	const char	*p;
	int		 y = 0, m = 0, d = 0, i, n[3], nn = 0;
	char		 w[4];

	for (p = s; *p != '\0' && nn < 3; p++) {
		if (*p >= '0' && *p <= '9') {
			n[nn] = (int)strtol(p, (char **)&p, 10);
			nn++;
			p--;
			continue;
		}
		if (m == 0 && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') &&
		    p[1] != '\0' && p[2] != '\0') {
			for (i = 0; i < 3; i++)
				w[i] = (char)(p[i] | 0x20);
			w[3] = '\0';
			for (i = 0; i < 12; i++)
				if (strcmp(w, months[i]) == 0 && (p == s ||
				    !((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <=
				    'z')))
					m = i + 1;
			while (((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z'))
				p++;
		}
	}
	for (i = 0; i < nn; i++)
		if (n[i] >= 1900 && n[i] <= 2100)
			y = n[i];
	if (y == 0)
		return 0;
	if (m != 0) {			/* a month by name: the day is the other */
		for (i = 0; i < nn; i++)
			if (n[i] != y && n[i] >= 1 && n[i] <= 31)
				d = n[i];
	} else if (nn == 3 && n[0] == y) {	/* 2025-12-16 */
		m = n[1];
		d = n[2];
	} else if (nn == 3 && n[2] == y) {	/* 12/16/2025, 16.12.2025 */
		m = n[0] > 12 ? n[1] : n[0];
		d = n[0] > 12 ? n[0] : n[1];
	}
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* The outlet of a document: a URL's host, or the folder it is in. */
static size_t
outlet(const struct corpus *cp, uint32_t d, const char **o)
{
	const char	*s = short_name(cp, d), *e;

	if (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0) {
		s = strchr(s, '/') + 2;
		e = strchr(s, '/');
		*o = s;
		return e != NULL ? (size_t)(e - s) : strlen(s);
	}
	if ((e = strrchr(s, '/')) == NULL)
		return 0;
	*o = s;
	return (size_t)(e - s);
}

/* ---- the workers -------------------------------------------------- */

static void
xwrite(int fd, const void *p, size_t n, const char *name)
{
	ssize_t	w;

	for (; n > 0; n -= (size_t)w, p = (const char *)p + w)
		if ((w = write(fd, p, n)) <= 0)
			err(WIRE_EXIT_BAD, "%s", name);
}

void
xread(FILE *fp, void *p, size_t n, const char *name)
{
	if (n > 0 && fread(p, 1, n, fp) != n)
		errx(WIRE_EXIT_BAD, "%s: cut short", name);
}

/* Read past n bytes: reading, as seeking in a stream costs a call. */
void
xskip(FILE *fp, uint64_t n, const char *name)
{
	static char	buf[1 << 14];
	size_t		k;

	for (; n > 0; n -= k) {
		k = n < sizeof(buf) ? (size_t)n : sizeof(buf);
		xread(fp, buf, k, name);
	}
}

static void
xput(FILE *fp, const void *p, size_t n, const char *name)
{
	if (n > 0 && fwrite(p, 1, n, fp) != n)
		err(WIRE_EXIT_BAD, "%s", name);
}

/*
 * Worker k of n: stories k, k + n, ...  For each: 'S', its number, the
 * length and bytes of what it renders; then 'P' for each quotation with
 * a named speaker, with the speaker and its documents.
 */
static void
work(struct corpus *cp, struct opts *o, uint32_t k, uint32_t n,
    const char *path)
{
	struct story	 st;
	struct store	 store = { 0 };
	struct wdiff	 wd = { 0 };
	struct wire_buf	 b = { 0 };
	uint32_t	 s, len;
	uint64_t	 blen;
	size_t		 i;
	FILE		*fp;

	if ((fp = fopen(path, "w")) == NULL)
		err(WIRE_EXIT_BAD, "%s", path);
	for (s = k; s < cp->nstory; s += n) {
		memset(&st, 0, sizeof(st));
		st.n = s + 1;
		story_work(cp, &st, &store, &wd,
		    cp->first[s + 1] - cp->first[s] < 2);
		b.len = 0;
		render_story(&b, cp, &st, o->tsv);
		blen = b.len;
		xput(fp, "S", 1, path);
		xput(fp, &s, sizeof(s), path);
		xput(fp, &blen, sizeof(blen), path);
		xput(fp, b.p, b.len, path);
		for (i = 0; i < st.nq; i++) {
			const struct qgroup *q = &st.q[i];
			uint64_t nd = q->ndocs;

			if (!q->named)
				continue;
			len = (uint32_t)strlen(st.strs.p + q->speaker);
			xput(fp, "P", 1, path);
			xput(fp, &s, sizeof(s), path);
			xput(fp, &len, sizeof(len), path);
			xput(fp, st.strs.p + q->speaker, len, path);
			xput(fp, &nd, sizeof(nd), path);
			xput(fp, q->docs, q->ndocs * sizeof(*q->docs), path);
		}
		story_free(&st);
		store_free(&store);
	}
	if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF)
		err(WIRE_EXIT_BAD, "%s", path);
	wdiff_free(&wd);
	wire_buf_free(&b);
}

/*
 * Run fn(k, arg) for k = 0 .. n-1 on n processes (here, when n is 1)
 * and wait for them all; stop if one failed.
 */
void
fork_workers(uint32_t n, void (*fn)(uint32_t, void *), void *arg)
{
	pid_t		*pid;
	uint32_t	 k;
	int		 st, bad = 0;

	if (n == 1) {
		fn(0, arg);
		return;
	}
	/* What the children write out is theirs to flush. */
	fflush(stdout);
	pid = wire_xrealloc(NULL, n, sizeof(*pid));
	for (k = 0; k < n; k++) {
		if ((pid[k] = fork()) == -1)
			err(WIRE_EXIT_BAD, "fork");
		if (pid[k] == 0) {
			fn(k, arg);
			_exit(0);
		}
	}
	for (k = 0; k < n; k++)
		if (waitpid(pid[k], &st, 0) == -1 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			bad = 1;
	free(pid);
	if (bad)
		errx(WIRE_EXIT_BAD, "a worker failed");
}

struct workers {
	struct corpus	*cp;
	struct opts	*o;
	uint32_t	 n;
};

static void
worker(uint32_t k, void *arg)
{
	struct workers	*w = arg;
	char		 path[128];

	snprintf(path, sizeof(path), "%s/w%u", w->o->tmp, k);
	work(w->cp, w->o, k, w->n, path);
}

static void
run_workers(struct corpus *cp, struct opts *o, uint32_t n)
{
	struct workers	w = { cp, o, n };

	fork_workers(n, worker, &w);
}

/* ---- the files of the dump that gave no body --------------------- */

/*
 * Each line of the manifest of wire-batch(1) is a file of the dump:
 * path, then its kind (text, html, ..., or empty, binary, unreadable).
 * A file of a kind that wire-batch does not read was skipped; a file it
 * read but that gave no record with body text had no body.
 */
struct nobody {
	struct wire_buf	 list;		/* path TAB reason LF, escaped */
	size_t		 n;
	struct wire_buf	 notutf8;	/* path LF: read as they are */
	size_t		 nnotutf8;
};

/* Why a file of a kind is not read, or NULL when it is read. */
static const char *
skipped(const char *kind)
{
	static const char *const why[][2] = {
		{ "empty", "skipped: empty file" },
		{ "binary", "skipped: binary file (NUL bytes)" },
		{ "unreadable", "skipped: could not be read" },
		{ "other", "skipped: not a regular file" },
	};
	size_t	i;

	for (i = 0; i < sizeof(why) / sizeof(why[0]); i++)
		if (strcmp(kind, why[i][0]) == 0)
			return why[i][1];
	return NULL;
}

static void
no_body(struct nobody *nb, const char *path, size_t len, const char *why)
{
	wire_buf_escape(&nb->list, path, len);
	wire_buf_addc(&nb->list, '\t');
	wire_buf_adds(&nb->list, why);
	wire_buf_addc(&nb->list, '\n');
	nb->n++;
}

static void
nobody(struct corpus *cp, const char *manifest, struct nobody *nb)
{
	struct wire_names had = { 0 };
	struct wire_buf	 path = { 0 };
	FILE		*fp;
	const char	*why;
	char		*line = NULL, *tab, *kind, *end;
	size_t		 cap = 0, i;
	ssize_t		 len;
	uint32_t	 x;

	/* Documents with records but no body sentence. */
	for (i = 0; i < cp->ndoc; i++) {
		const char *s = cstr(cp, cp->doc[i].name);

		if (cp->doc[i].nsent == 0)
			no_body(nb, s, strlen(s), cp->doc[i].why ?
			    cstr(cp, cp->doc[i].why) : "no body text found");
		wire_names_add(&had, s, strlen(s));
		/* The articles of a file split by form feeds: file:1. */
		if ((end = strrchr(s, ':')) != NULL && end[1] >= '0' &&
		    end[1] <= '9' && end[strspn(end + 1, "0123456789") + 1] ==
		    '\0')
			wire_names_add(&had, s, (size_t)(end - s));
	}
	if (manifest != NULL && (fp = fopen(manifest, "r")) == NULL)
		err(WIRE_EXIT_BAD, "%s", manifest);
	while (manifest != NULL && (len = getline(&line, &cap, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		kind = tab + 1;
		if ((end = strchr(kind, '\t')) != NULL)
			*end = '\0';
		if (wire_unescape(&path, line, (size_t)(tab - line)) == -1)
			continue;
		wire_buf_addc(&path, '\0');
		if ((why = skipped(kind)) != NULL)
			no_body(nb, path.p, path.len - 1, why);
		else if (!wire_names_find(&had, path.p, path.len - 1, &x) &&
		    !wire_names_find(&cp->src, path.p, path.len - 1, &x))
			no_body(nb, path.p, path.len - 1, "no body text found");
		else if (strcmp(kind, "not-utf8") == 0) {
			wire_buf_adds(&nb->notutf8, "   ");
			wire_buf_escape(&nb->notutf8, path.p, path.len - 1);
			wire_buf_addc(&nb->notutf8, '\n');
			nb->nnotutf8++;
		}
	}
	if (manifest != NULL) {
		if (ferror(fp))
			err(WIRE_EXIT_BAD, "%s", manifest);
		fclose(fp);
	}
	free(line);
	wire_names_free(&had);
	wire_buf_free(&path);
}

/* The folder all document names are in, shown once and left out. */
static char *
common_prefix(const struct corpus *cp)
{
	const char	*s, *t;
	size_t		 i, n = 0;

	for (i = 0; i < cp->ndoc; i++) {
		s = cstr(cp, cp->doc[i].name);
		if (i == 0) {
			t = strrchr(s, '/');
			n = t != NULL ? (size_t)(t - s) + 1 : 0;
			continue;
		}
		while (n > 0 && strncmp(s, cstr(cp, cp->doc[0].name), n) != 0) {
			for (n--; n > 0 && cstr(cp, cp->doc[0].name)[n - 1] != '/';
			    n--)
				;
		}
	}
	return strndup(cp->ndoc ? cstr(cp, cp->doc[0].name) : "", n);
}

/* ---- the report --------------------------------------------------- */

/* The date range and outlets of story s, for the index. */
static void
story_facts(const struct corpus *cp, uint32_t s, char lo[11], char hi[11],
    size_t *outlets)
{
	struct wire_map	 seen = { 0 };
	const char	*o;
	char		 d[11];
	uint32_t	 i;
	size_t		 n;

	lo[0] = hi[0] = '\0';
	*outlets = 0;
	for (i = cp->first[s]; i < cp->first[s + 1]; i++) {
		if (iso_date(doc_date(cp, cp->byorder[i]), d)) {
			if (lo[0] == '\0' || strcmp(d, lo) < 0)
				memcpy(lo, d, 11);
			if (hi[0] == '\0' || strcmp(d, hi) > 0)
				memcpy(hi, d, 11);
		}
		if ((n = outlet(cp, cp->byorder[i], &o)) == 0) {
			*outlets = 0;
			break;
		}
		if (*wire_map_get(&seen, wire_hash(o, n)) == 0) {
			*wire_map_get(&seen, wire_hash(o, n)) = 1;
			(*outlets)++;
		}
	}
	wire_map_free(&seen);
}

/* Copy the rendered stories, in order, from the workers' files. */
static void
copy_stories(struct corpus *cp, struct opts *o, uint32_t n, FILE *out,
    FILE **tables)
{
	FILE		**fp;
	char		  path[128], c, *buf = NULL, *p, *e, *nl;
	uint32_t	  k, s, want, len;
	uint64_t	  blen, nd;
	size_t		  cap = 0, t;
	static const char *const names[] = { "members", "own", "quotations",
	    "drift" };

	fp = wire_xrealloc(NULL, n, sizeof(*fp));
	for (k = 0; k < n; k++) {
		snprintf(path, sizeof(path), "%s/w%u", o->tmp, k);
		if ((fp[k] = fopen(path, "r")) == NULL)
			err(WIRE_EXIT_BAD, "%s", path);
	}
	for (want = 0; want < cp->nstory; want++) {
		k = want % n;
		for (;;) {
			if (fread(&c, 1, 1, fp[k]) != 1)
				errx(WIRE_EXIT_BAD, "%s/w%u: cut short", o->tmp, k);
			xread(fp[k], &s, sizeof(s), "a worker's file");
			if (c == 'S')
				break;
			xread(fp[k], &len, sizeof(len), "a worker's file");
			xskip(fp[k], len, "a worker's file");
			xread(fp[k], &nd, sizeof(nd), "a worker's file");
			xskip(fp[k], nd * sizeof(uint32_t), "a worker's file");
		}
		if (s != want)
			errx(WIRE_EXIT_BAD, "the workers' files disagree");
		xread(fp[k], &blen, sizeof(blen), "a worker's file");
		buf = wire_grow(buf, &cap, blen + 1, 1);
		xread(fp[k], buf, blen, "a worker's file");
		if (tables == NULL) {
			fwrite(buf, 1, blen, out);
			wire_out_check();
			continue;
		}
		/* Rows: the first field names the table. */
		for (p = buf, e = buf + blen; p < e; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(e - p));
			for (t = 0; t < 4; t++)
				if (strncmp(p, names[t], strlen(names[t])) == 0 &&
				    p[strlen(names[t])] == '\t')
					break;
			if (t < 4)
				fwrite(p + strlen(names[t]) + 1, 1,
				    (size_t)(nl - p) - strlen(names[t]), tables[t]);
		}
	}
	for (k = 0; k < n; k++)
		fclose(fp[k]);
	free(fp);
	free(buf);
}

static void
text_report(struct corpus *cp, struct opts *o, uint32_t n, struct nobody *nb,
    struct speakers *ss)
{
	uint32_t	*top, s, i;
	size_t		 ntop, k, outlets, single = 0;
	char		 lo[11], hi[11];
	const char	*p, *tab, *e;

	printf("wire story report: %zu %s, %u %s (%u of more than one "
	    "article)\n", cp->ndoc, cp->ndoc == 1 ? "article" : "articles",
	    cp->nstory, cp->nstory == 1 ? "story" : "stories", cp->nmulti);
	if (*prefix != '\0')
		printf("(documents under %s)\n", prefix);
	printf("%d%% of %zu body sentences are repeated wire copy: they "
	    "appear in another article too.\n", cp->nsent ? (int)(100.0 *
	    (double)cp->repeated / (double)cp->nsent + 0.5) : 0, cp->nsent);
	printf("\nTop speakers by name (quotations, articles)\n");
	top = top_speakers(ss, &ntop);
	for (k = 0; k < ntop && k < TOPSPEAKERS; k++)
		printf("   %3zu  %3zu  %s\n", ss->sp[top[k]].quotes,
		    ss->sp[top[k]].articles, ss->strs.p + ss->sp[top[k]].name);
	if (ntop == 0)
		printf("   (no quotation with a speaker named)\n");
	free(top);
	if (nb->n > 0) {
		printf("\nArticles with no body (%zu)\n", nb->n);
		for (p = nb->list.p, e = p + nb->list.len; p < e; p = tab) {
			tab = memchr(p, '\t', (size_t)(e - p));
			printf("   %.*s: ", (int)(tab - p), p);
			p = tab + 1;
			tab = memchr(p, '\n', (size_t)(e - p)) + 1;
			printf("%.*s", (int)(tab - p), p);
		}
	}
	if (nb->nnotutf8 > 0)
		printf("\nFiles not in UTF-8, read as they are (%zu)\n%s",
		    nb->nnotutf8, nb->notutf8.p);
	if (cp->nmulti > 0)
		printf("\nStories of more than one article\n");
	for (s = 0; s < cp->nmulti; s++) {
		story_facts(cp, s, lo, hi, &outlets);
		printf("   %3u  %u articles", s + 1, cp->first[s + 1] -
		    cp->first[s]);
		if (outlets > 0)
			printf(", %zu %s", outlets, outlets == 1 ? "outlet" :
			    "outlets");
		if (lo[0] != '\0')
			printf(", %s%s%s", lo, strcmp(lo, hi) ? " to " : "",
			    strcmp(lo, hi) ? hi : "");
		printf(": %s\n", story_title(cp, s));
	}
	copy_stories(cp, o, n, stdout, NULL);
	for (s = cp->nmulti; s < cp->nstory; s++) {
		if (single++ == 0)
			printf("\nSingle articles (%u)\n", cp->nstory -
			    cp->nmulti);
		i = cp->byorder[cp->first[s]];
		printf("   %s (%u %s%s%s)%s%s\n", short_name(cp, i),
		    cp->doc[i].nsent, cp->doc[i].nsent == 1 ? "sentence" :
		    "sentences", *doc_date(cp, i) ? ", " : "", doc_date(cp, i),
		    cp->doc[i].title ? ": " : "", cp->doc[i].title ?
		    cstr(cp, cp->doc[i].title) : "");
		wire_out_check();
	}
}

/* Open a table of -f tsv, its header line first. */
static FILE *
table(struct opts *o, const char *name, const char *head)
{
	char	 path[4096];
	FILE	*fp;

	if (mkdir(o->dir, 0777) == -1 && errno != EEXIST)	/* as -o of */
		err(WIRE_EXIT_BAD, "%s", o->dir);		/* wire-batch */
	snprintf(path, sizeof(path), "%s/%s", o->dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		err(WIRE_EXIT_BAD, "%s", path);
	fprintf(fp, "%s\n", head);
	return fp;
}

static void
table_close(FILE *fp, struct opts *o)
{
	if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF)
		err(WIRE_EXIT_BAD, "%s", o->dir);
}

/* A field of a table: escaped as records are, after a TAB. */
static void
put_field(FILE *fp, struct wire_buf *b, const char *s)
{
	b->len = 0;
	wire_buf_escape(b, s, strlen(s));
	putc('\t', fp);
	fwrite(b->p ? b->p : "", 1, b->len, fp);
}

/* The tables of -f tsv, each a file with a header line. */
static void
tsv_report(struct corpus *cp, struct opts *o, uint32_t n, struct nobody *nb,
    struct speakers *ss)
{
	FILE		*t[4], *fp;
	char		 lo[11], hi[11];
	uint32_t	*top, s;
	size_t		 ntop, k, outlets;
	struct wire_buf	 b = { 0 };

	t[0] = table(o, "members.tsv", "story\tdoc\trelation\tsentences\t"
	    "kept\tsame\tchanged\tadded\tdropped\tmoved\tdate");
	t[1] = table(o, "own.tsv", "story\tdoc\tpos\ttext");
	t[2] = table(o, "quotations.tsv", "story\tspeaker\tnamed\tarticles\t"
	    "doc\tpos\tquotation");
	t[3] = table(o, "drift.tsv", "story\tdoc_a\tpos_a\tdoc_b\tpos_b\t"
	    "change");
	copy_stories(cp, o, n, NULL, t);
	for (k = 0; k < 4; k++)
		table_close(t[k], o);
	fp = table(o, "stories.tsv", "story\tarticles\toutlets\tfirst\t"
	    "last\tbase\ttitle");
	for (s = 0; s < cp->nstory; s++) {
		story_facts(cp, s, lo, hi, &outlets);
		fprintf(fp, "%u\t%u\t%zu\t%s\t%s", s + 1, cp->first[s + 1] -
		    cp->first[s], outlets, lo[0] ? lo : "-", hi[0] ? hi : "-");
		put_field(fp, &b, cstr(cp, cp->doc[cp->byorder[cp->first[s]]].
		    name));
		put_field(fp, &b, story_title(cp, s));
		putc('\n', fp);
	}
	table_close(fp, o);
	fp = table(o, "speakers.tsv", "speaker\tquotations\tarticles");
	top = top_speakers(ss, &ntop);
	for (k = 0; k < ntop; k++) {
		b.len = 0;
		wire_buf_escape(&b, ss->strs.p + ss->sp[top[k]].name,
		    strlen(ss->strs.p + ss->sp[top[k]].name));
		fprintf(fp, "%s\t%zu\t%zu\n", b.p, ss->sp[top[k]].quotes,
		    ss->sp[top[k]].articles);
	}
	free(top);
	table_close(fp, o);
	fp = table(o, "nobody.tsv", "doc\treason");
	fwrite(nb->list.p ? nb->list.p : "", 1, nb->list.len, fp);
	table_close(fp, o);
	wire_buf_free(&b);
}

/* ---- main --------------------------------------------------------- */

static char	tmpdir[64];

static void
cleanup(void)
{
	char	path[128];
	int	k;

	if (tmpdir[0] == '\0')
		return;
	for (k = 0; k < WIRE_JOBS_MAX; k++) {
		snprintf(path, sizeof(path), "%s/w%d", tmpdir, k);
		unlink(path);
		snprintf(path, sizeof(path), "%s/f%d", tmpdir, k);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/input", tmpdir);
	unlink(path);
	rmdir(tmpdir);
}

/* The input as a file that can be read again: a copy of a stream. */
static const char *
input(const char *name, struct opts *o)
{
	static char	 path[128];
	struct stat	 sb;
	char		 buf[1 << 16];
	ssize_t		 n;
	int		 in = STDIN_FILENO, out;

	if (name != NULL && strcmp(name, "-") != 0) {
		if (stat(name, &sb) == 0 && S_ISREG(sb.st_mode))
			return name;
		if ((in = open(name, O_RDONLY)) == -1)
			err(WIRE_EXIT_BAD, "%s", name);
	}
	snprintf(path, sizeof(path), "%s/input", o->tmp);
	if ((out = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1)
		err(WIRE_EXIT_BAD, "%s", path);
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			err(WIRE_EXIT_BAD, "%s", name != NULL ? name : "stdin");
		}
		xwrite(out, buf, (size_t)n, path);
	}
	if (close(out) == -1)
		err(WIRE_EXIT_BAD, "%s", path);
	if (in != STDIN_FILENO)
		close(in);
	return path;
}

int
main(int argc, char *argv[])
{
	struct opts	 o = { 0, 1, NULL, ".", "" };
	struct corpus	 cp;
	struct nobody	 nb = { { 0 }, 0, { 0 }, 0 };
	struct speakers	 ss;
	const char	*path;
	char		*pre;
	uint32_t	 n;
	int		 c;

	wire_out_init();
	while ((c = getopt(argc, argv, "f:hj:m:o:")) != -1) {
		switch (c) {
		case 'f':
			o.tsv = wire_opt_tsv(optarg);
			break;
		case 'h':
			wire_usage(1, synopsis);
		case 'j':
			o.jobs = wire_opt_jobs(optarg);
			break;
		case 'm':
			o.manifest = optarg;
			break;
		case 'o':
			o.dir = optarg;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		wire_usage(0, synopsis);
	snprintf(o.tmp, sizeof(o.tmp), "%s/wire-report.XXXXXX",
	    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 40 ?
	    getenv("TMPDIR") : "/tmp");
	if (mkdtemp(o.tmp) == NULL)
		err(WIRE_EXIT_BAD, "%s", o.tmp);
	memcpy(tmpdir, o.tmp, sizeof(tmpdir));
	atexit(cleanup);
	wire_lex_init();
	memset(&cp, 0, sizeof(cp));
	path = input(argc > 0 ? argv[0] : NULL, &o);
	if (corpus_read(&cp, path, o.tmp, o.jobs) == -1)
		return WIRE_EXIT_BAD;
	if ((cp.fd = open(path, O_RDONLY)) == -1)
		err(WIRE_EXIT_BAD, "%s", path);
	stories(&cp);
	prefix = pre = common_prefix(&cp);
	nobody(&cp, o.manifest, &nb);
	n = cp.nstory < o.jobs ? (cp.nstory > 0 ? cp.nstory : 1) :
	    (uint32_t)o.jobs;
	run_workers(&cp, &o, n);
	memset(&ss, 0, sizeof(ss));
	read_speakers(&ss, o.tmp, n, cp.nstory);
	if (o.tsv)
		tsv_report(&cp, &o, n, &nb, &ss);
	else
		text_report(&cp, &o, n, &nb, &ss);
	close(cp.fd);
	c = cp.bad ? WIRE_EXIT_BAD : WIRE_EXIT_OK;
	corpus_free(&cp);
	free(ss.sp);
	wire_buf_free(&ss.strs);
	wire_map_free(&ss.byname);
	wire_map_free(&ss.seen);
	store_free(&ss.store);
	wire_buf_free(&nb.list);
	wire_buf_free(&nb.notutf8);
	free(pre);
	return wire_out_finish(c);
}
