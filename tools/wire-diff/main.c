/*
 * wire-diff: what changed between two versions of a story, sentence by
 * sentence, moves included, with the word-level changes.
 *
 * The alignment lives in common/align.c; this file reads the versions
 * and writes the result.  Exit status as diff(1): 0 same, 1 different,
 * 2 trouble.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diff.h"

static const char synopsis[] =
    "wire-diff [-hpsw] [--color=when] [-b doc | -P pairs] file [file ...]";

#define TROUBLE	2

struct doc {
	char			*name;
	struct version	 v;
};

struct diff {
	int		 plain, summary, words, color;
	const char	*base;		/* -b */
	const char	*pairs;		/* -P */
	const struct doc *pa, *pb;	/* the pair being written, with -P */
	struct doc	*docs;		/* in first-seen order */
	size_t		 ndocs, cap;
	struct wire_names names;	/* with -b or -P: their names, by index */
	struct wire_buf	 line, pos, ta, tb, w;
	struct store	 sc;
	struct wdiff	 wd;
};

static const char *const plain_marks[4] = { "[-", "-]", "{+", "+}" };
static const char *const color_marks[4] = {
	"\033[31m[-", "-]\033[m", "\033[32m{+", "+}\033[m"
};

static struct doc *
doc_new(struct diff *d, const char *name, size_t len)
{
	struct doc	*x;

	d->docs = wire_grow(d->docs, &d->cap, d->ndocs + 1, sizeof(*d->docs));
	x = &d->docs[d->ndocs++];
	memset(x, 0, sizeof(*x));
	x->name = wire_xmalloc(len + 1);
	memcpy(x->name, name, len);
	x->name[len] = '\0';
	return x;
}

/* The document of that name, or NULL. */
static struct doc *
doc_find(struct diff *d, const char *name, size_t len)
{
	uint32_t	i;

	return wire_names_find(&d->names, name, len, &i) ? &d->docs[i] : NULL;
}

/* With -b or -P: the document of that name, new if need be. */
static struct doc *
doc_named(struct diff *d, const char *name, size_t len)
{
	uint32_t	i = wire_names_add(&d->names, name, len);

	/* Index i of the table is document i: both grow together. */
	return i == d->ndocs ? doc_new(d, name, len) : &d->docs[i];
}

struct plainsent {
	struct diff		*d;
	struct version		*v;
	const struct wire_rec	*r;
	size_t			 n;
	struct wire_buf		*pos, *text;
};

static void
plain_sentence(const char *s, size_t start, size_t end, void *arg)
{
	struct plainsent	*ps = arg;

	wire_pos_sub(ps->pos, ps->r->pos, ps->r->poslen, ++ps->n);
	ps->text->len = 0;
	wire_sent_text(ps->text, s, start, end);
	version_add(&ps->d->sc, ps->v, ps->pos->p, ps->pos->len, ps->text->p,
	    ps->text->len);
}

/* One operand being read: its document, unless -b names them by DOC. */
struct reading {
	struct diff	*d;
	struct doc	*x;
	struct wire_buf	 text;
};

static void
read_record(const struct wire_rec *r, void *arg)
{
	struct reading		*rd = arg;
	struct diff		*d = rd->d;
	struct plainsent	 ps;

	if (d->base != NULL || d->pairs != NULL)
		rd->x = doc_named(d, r->doc, r->doclen);
	if (d->plain) {
		ps = (struct plainsent){ d, &rd->x->v, r, 0, &d->pos,
		    &rd->text };
		wire_sentences(r->text, r->textlen, plain_sentence, &ps);
	} else if (!wire_rec_meta(r))
		version_add(&d->sc, &rd->x->v, r->pos, r->poslen, r->text,
		    r->textlen);
}

/*
 * Read one file: with -b or -P, its records go to their documents; else
 * all of it is one version, named after the file.
 */
static int
read_file(FILE *fp, const char *name, void *arg)
{
	struct reading	rd = { arg, NULL, { 0 } };
	int		bad;

	/* Else each operand is a version, even under the same name. */
	if (rd.d->base == NULL && rd.d->pairs == NULL)
		rd.x = doc_new(rd.d, name, strlen(name));
	bad = wire_each_record(fp, name, rd.d->plain, read_record, &rd);
	wire_buf_free(&rd.text);
	return bad;
}

/* Positions of sentences [i0, i1) joined by "+", or "-" for none. */
static void
positions(struct wire_buf *out, const struct version *v, size_t i0,
    size_t i1)
{
	size_t	i;

	if (i0 == i1) {
		wire_buf_addc(out, '-');
		return;
	}
	for (i = i0; i < i1; i++) {
		if (i > i0)
			wire_buf_addc(out, '+');
		wire_buf_adds(out, v->s[i].pos);
	}
}

/* The text of sentences [i0, i1), joined by a space. */
static void
joined(struct wire_buf *out, const struct version *v, size_t i0,
    size_t i1)
{
	size_t	i;

	for (i = i0; i < i1; i++) {
		if (i > i0)
			wire_buf_addc(out, ' ');
		wire_buf_add(out, v->s[i].text, v->s[i].len);
	}
}

static void
print_unit(struct diff *d, struct version *a, struct version *b,
    const struct unit *u)
{
	static const char	*col[128];
	struct wire_buf		*l = &d->line, *ta = &d->ta, *tb = &d->tb;
	struct wire_buf		*w = &d->w;
	const struct sent	*one = NULL;
	int			 show;

	if (col['-'] == NULL) {
		col['-'] = "\033[31m"; col['+'] = "\033[32m";
		col['~'] = "\033[33m"; col['>'] = "\033[36m"; col['='] = "";
	}
	if (d->pairs != NULL && !d->summary) {
		wire_put_escaped(stdout, d->pa->name, strlen(d->pa->name));
		putc_unlocked('\t', stdout);
		wire_put_escaped(stdout, d->pb->name, strlen(d->pb->name));
		putc_unlocked('\t', stdout);
	}
	if (d->color)
		printf("%s%c\033[m\t", col[u->op], u->op);
	else {
		putc_unlocked(u->op, stdout);
		putc_unlocked('\t', stdout);
	}
	l->len = 0;
	positions(l, a, u->a0, u->a1);
	wire_buf_addc(l, '\t');
	positions(l, b, u->b0, u->b1);
	wire_buf_addc(l, '\t');
	fwrite_unlocked(l->p, 1, l->len, stdout);
	/* The common lines: one sentence, written as it is. */
	if (u->op == '-')
		one = &a->s[u->a0];
	else if (u->op == '+' || (u->op == '=' && !d->words))
		one = &b->s[u->b0];
	if (one != NULL && (u->op != '=' || u->b1 - u->b0 == 1)) {
		wire_put_escaped(stdout, one->text, one->len);
		putc_unlocked('\n', stdout);
		return;
	}
	ta->len = tb->len = w->len = 0;
	joined(ta, a, u->a0, u->a1);
	joined(tb, b, u->b0, u->b1);
	show = u->op == '~' || (u->op == '>' && (ta->len != tb->len ||
	    (ta->len > 0 && memcmp(ta->p, tb->p, ta->len) != 0))) ||
	    (u->op == '=' && d->words);
	if (show) {
		wdiff(&d->wd, w, ta->p, ta->len, tb->p, tb->len,
		    d->color ? color_marks : plain_marks);
		wire_put_escaped(stdout, w->p, w->len);
	} else
		wire_put_escaped(stdout, tb->p, tb->len);
	putc_unlocked('\n', stdout);
}

/* Compare two versions; returns 1 when they differ. */
static int
compare(struct diff *d, struct doc *a, struct doc *b)
{
	struct unit	*u;
	size_t			 n, k, kept = 0, c[128] = { 0 };

	d->pa = a;
	d->pb = b;
	n = align(&d->sc, &a->v, &b->v, &u);
	for (k = 0; k < n; k++) {
		c[u[k].op]++;
		if (u[k].op != '+' && u[k].op != '-')
			kept += u[k].a1 - u[k].a0;
		if (!d->summary)
			print_unit(d, &a->v, &b->v, &u[k]);
	}
	if (d->summary) {
		wire_put_escaped(stdout, a->name, strlen(a->name));
		putchar('\t');
		wire_put_escaped(stdout, b->name, strlen(b->name));
		printf("\tkept=%.0f%%\tsame=%zu\tchanged=%zu\tadded=%zu"
		    "\tdropped=%zu\tmoved=%zu\n", a->v.n ? 100.0 * (double)kept /
		    (double)a->v.n : 100.0, c['='], c['~'], c['+'], c['-'],
		    c['>']);
	}
	free(u);
	wire_out_check();
	return c['='] != n;
}


/*
 * -P: compare the pairs of documents that the file lists, one
 * "DOC_A<TAB>DOC_B" a line, names escaped as in records.  Returns 1
 * when a pair differs.
 */
static int
compare_pairs(struct diff *d)
{
	struct wire_buf	 na = { 0 }, nb = { 0 };
	struct doc	*a, *b;
	FILE		*fp;
	char		*line = NULL, *tab;
	size_t		 cap = 0, no = 0;
	ssize_t		 len;
	int		 differ = 0;

	if ((fp = fopen(d->pairs, "r")) == NULL)
		err(TROUBLE, "%s", d->pairs);
	while ((len = getline(&line, &cap, fp)) != -1) {
		no++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		na.len = nb.len = 0;
		if ((tab = memchr(line, '\t', len)) == NULL ||
		    wire_unescape(&na, line, tab - line) == -1 ||
		    wire_unescape(&nb, tab + 1, line + len - tab - 1) == -1)
			errx(TROUBLE, "%s:%zu: not DOC_A<TAB>DOC_B", d->pairs, no);
		wire_buf_addc(&na, '\0');
		wire_buf_addc(&nb, '\0');
		if ((a = doc_find(d, na.p, na.len - 1)) == NULL ||
		    (b = doc_find(d, nb.p, nb.len - 1)) == NULL)
			errx(TROUBLE, "%s:%zu: %s: no such document in the input",
			    d->pairs, no, a == NULL ? na.p : nb.p);
		if (compare(d, a, b))
			differ = 1;
	}
	if (ferror(fp))
		err(TROUBLE, "%s", d->pairs);
	fclose(fp);
	free(line);
	wire_buf_free(&na);
	wire_buf_free(&nb);
	return differ;
}

static void
diff_free(struct diff *d)
{
	size_t	i;

	for (i = 0; i < d->ndocs; i++) {
		free(d->docs[i].name);
		version_free(&d->docs[i].v);
	}
	free(d->docs);
	wire_names_free(&d->names);
	wire_buf_free(&d->line);
	wire_buf_free(&d->pos);
	wire_buf_free(&d->ta);
	wire_buf_free(&d->tb);
	wire_buf_free(&d->w);
	store_free(&d->sc);
	wdiff_free(&d->wd);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "color", required_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 }
	};
	struct diff	 d = { 0 };
	struct doc	*base = NULL;
	const char	*when = "auto", *nc;
	size_t		 i;
	int		 c, differ = 0;

	wire_out_init();
	wire_exit_trouble = TROUBLE;
	while ((c = getopt_long(argc, argv, "b:hP:psw", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			d.base = optarg;
			d.summary = 1;
			break;
		case 'C':
			when = optarg;
			break;
		case 'h':
			wire_usage(1, synopsis);
		case 'P':
			d.pairs = optarg;
			break;
		case 'p':
			d.plain = 1;
			break;
		case 's':
			d.summary = 1;
			break;
		case 'w':
			d.words = 1;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(when, "always") == 0)
		d.color = 1;
	else if (strcmp(when, "auto") == 0)
		d.color = isatty(STDOUT_FILENO) &&
		    ((nc = getenv("NO_COLOR")) == NULL || *nc == '\0');
	else if (strcmp(when, "never") != 0)
		errx(TROUBLE, "--color=%s: use auto, always or never", when);
	if (d.base != NULL && d.pairs != NULL)
		wire_usage(0, synopsis);
	if (d.base == NULL && d.pairs == NULL && argc != 2)
		wire_usage(0, synopsis);
	if (wire_each_file(argc, argv, read_file, &d) != 0) {
		diff_free(&d);
		return wire_out_finish(TROUBLE);
	}
	if (d.pairs != NULL)
		differ = compare_pairs(&d);
	else if (d.base == NULL)
		differ = compare(&d, &d.docs[0], &d.docs[d.ndocs > 1 ? 1 : 0]);
	else {
		for (i = 0; i < d.ndocs; i++)
			if (strcmp(d.docs[i].name, d.base) == 0)
				base = &d.docs[i];
		if (base == NULL)
			errx(TROUBLE, "%s: no such document in the input", d.base);
		for (i = 0; i < d.ndocs; i++)
			if (&d.docs[i] != base && compare(&d, base, &d.docs[i]))
				differ = 1;
	}
	diff_free(&d);
	return wire_out_finish(differ);
}
