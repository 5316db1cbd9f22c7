/*
 * speakers.c: the speakers of the whole dump, from what the workers
 * wrote: each named speaker once, a bare surname merged into the one
 * full name of the dump that ends with it, most quoted first.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static uint32_t
speaker_of(struct speakers *ss, const char *name)
{
	uint64_t	*v, h = 0;
	size_t		 i;

	wire_keys(&ss->store.ks, name, strlen(name), 0);
	for (i = 0; i < ss->store.ks.n; i++)
		h = wire_hash(&(uint64_t[2]){ h, ss->store.ks.k[i].h }, 16);
	v = wire_map_get(&ss->byname, h);
	if (*v == 0) {
		ss->sp = wire_grow(ss->sp, &ss->cap, ss->n + 1, sizeof(*ss->sp));
		ss->sp[ss->n] = (struct speaker){ ss->strs.len, 0, 0, NONE32 };
		wire_buf_add(&ss->strs, name, strlen(name) + 1);
		*v = ++ss->n;
	}
	return (uint32_t)(*v - 1);
}

static void
count_docs(struct speakers *ss, uint32_t k, const uint32_t *docs, size_t n)
{
	uint64_t	*v;
	size_t		 i;

	for (i = 0; i < n; i++) {
		v = wire_map_get(&ss->seen, (uint64_t)k << 32 | docs[i]);
		if (*v == 0) {
			*v = 1;
			ss->sp[k].articles++;
		}
	}
}

/*
 * A surname alone is the full name that ends with it, when only one
 * does in the whole dump ("Reagan" and "Ronald Reagan").
 */
static void
merge_surnames(struct speakers *ss)
{
	struct wire_map	 last = { 0 };
	const char	*s, *sp;
	uint64_t	*v, h, key, val, *moved = NULL;
	size_t		 i, it = 0, n = 0, cap = 0;
	uint32_t	 into;

	for (i = 0; i < ss->n; i++) {
		s = ss->strs.p + ss->sp[i].name;
		if ((sp = strrchr(s, ' ')) == NULL)
			continue;
		h = wire_hash(sp + 1, strlen(sp + 1));
		v = wire_map_get(&last, h);
		*v = *v == 0 ? i + 1 : UINT64_MAX;	/* two: neither */
	}
	for (i = 0; i < ss->n; i++) {
		s = ss->strs.p + ss->sp[i].name;
		if (strchr(s, ' ') != NULL ||
		    (v = wire_map_find(&last, wire_hash(s, strlen(s)))) == NULL ||
		    *v == UINT64_MAX)
			continue;
		ss->sp[i].into = (uint32_t)(*v - 1);
		ss->sp[*v - 1].quotes += ss->sp[i].quotes;
	}
	/* The articles of a merged name count for the full one, once. */
	while (wire_map_next(&ss->seen, &it, &key, &val))
		if ((into = ss->sp[key >> 32].into) != NONE32) {
			moved = wire_grow(moved, &cap, n + 1, sizeof(*moved));
			moved[n++] = (uint64_t)into << 32 | (key & 0xffffffff);
		}
	for (i = 0; i < n; i++) {
		v = wire_map_get(&ss->seen, moved[i]);
		if (*v == 0) {
			*v = 1;
			ss->sp[moved[i] >> 32].articles++;
		}
	}
	free(moved);
	wire_map_free(&last);
}

/* Read the speakers of every worker's file. */
void
read_speakers(struct speakers *ss, const char *tmp, uint32_t n,
    uint32_t nstory)
{
	char		 path[128], name[4096];
	FILE		**fp, *f;
	uint32_t	 k, s, want, len, *docs = NULL;
	uint64_t	 blen, nd;
	size_t		 cap = 0;
	int		 c;

	/* In the order of the stories: the first spelling of a name wins. */
	fp = wire_xrealloc(NULL, n, sizeof(*fp));
	for (k = 0; k < n; k++) {
		snprintf(path, sizeof(path), "%s/w%u", tmp, k);
		if ((fp[k] = fopen(path, "r")) == NULL)
			err(WIRE_EXIT_BAD, "%s", path);
	}
	for (want = 0; want < nstory; want++) {
		f = fp[want % n];
		if (getc(f) != 'S')
			errx(WIRE_EXIT_BAD, "a worker's file is cut short");
		xread(f, &s, sizeof(s), "a worker's file");
		xread(f, &blen, sizeof(blen), "a worker's file");
		if (s != want)
			errx(WIRE_EXIT_BAD, "the workers' files disagree");
		xskip(f, blen, "a worker's file");
		while ((c = getc(f)) == 'P') {
			xread(f, &s, sizeof(s), "a worker's file");
			xread(f, &len, sizeof(len), "a worker's file");
			if (len >= sizeof(name))
				errx(WIRE_EXIT_BAD, "a name too long");
			xread(f, name, len, "a worker's file");
			name[len] = '\0';
			xread(f, &nd, sizeof(nd), "a worker's file");
			docs = wire_grow(docs, &cap, nd + 1, sizeof(*docs));
			xread(f, docs, nd * sizeof(*docs), "a worker's file");
			s = speaker_of(ss, name);
			ss->sp[s].quotes++;
			count_docs(ss, s, docs, nd);
		}
		if (c != EOF)
			ungetc(c, f);
	}
	for (k = 0; k < n; k++)
		fclose(fp[k]);
	free(fp);
	free(docs);
	merge_surnames(ss);
}

static struct speakers *sortss;

static int
by_quotes(const void *x, const void *y)
{
	const struct speaker *a = &sortss->sp[*(const uint32_t *)x];
	const struct speaker *b = &sortss->sp[*(const uint32_t *)y];

	if (a->quotes != b->quotes)
		return a->quotes > b->quotes ? -1 : 1;
	return strcmp(sortss->strs.p + a->name, sortss->strs.p + b->name);
}

/* The speakers not merged into another, most quoted first. */
uint32_t *
top_speakers(struct speakers *ss, size_t *n)
{
	uint32_t	*t = wire_xrealloc(NULL, ss->n + 1, sizeof(*t));
	size_t		 i;

	for (i = *n = 0; i < ss->n; i++)
		if (ss->sp[i].into == NONE32)
			t[(*n)++] = (uint32_t)i;
	sortss = ss;
	wire_sort(t, *n, sizeof(*t), by_quotes);
	return t;
}

