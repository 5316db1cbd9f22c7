/*
 * quotes.c: the quotations of a story, from the tags wire-quotes left
 * on the records: each quotation once, with the documents that carry
 * it, its speaker by one name, and quote drift, where one quotation is
 * rendered with other words or punctuation by another outlet.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define SAME_QUOTE	0.6	/* word-set similarity of one quotation */

static size_t
put(struct story *st, const char *s, size_t len)
{
	return add_str(&st->strs, s, len);
}

static const char *
sstr(const struct story *st, size_t off)
{
	return st->strs.p + off;
}

/* Code points [a, b) of s as bytes [*from, *to). */
static void
span(const char *s, size_t len, size_t a, size_t b, size_t *from, size_t *to)
{
	size_t	i = 0, cp = 0, n;

	for (; i < len && cp < a; cp++, i += n)
		wire_utf8_dec(s + i, len - i, &n);
	*from = i;
	for (; i < len && cp < b; cp++, i += n)
		wire_utf8_dec(s + i, len - i, &n);
	*to = i;
}

/* A tag's value unescaped, kept in the story's strings. */
static size_t
value(struct story *st, const char *v, size_t len)
{
	struct wire_buf	b = { 0 };
	size_t		at;

	if (wire_unescape(&b, v, len) == -1)
		at = put(st, v, len);
	else
		at = put(st, b.p ? b.p : "", b.len);
	wire_buf_free(&b);
	return at;
}

void
quote_tags(struct story *st, struct rdoc *rd, const struct wire_rec *r)
{
	const char	*f, *t, *e = r->tags + r->tagslen, *c;
	struct quoted	*q = NULL;
	size_t		 from, to, k, at;
	unsigned long	 n, a, b;
	char		*end;

	for (f = r->tags; f < e; f = t + 1) {
		if ((t = memchr(f, '\t', (size_t)(e - f))) == NULL)
			t = e;
		if ((size_t)(t - f) > 6 && memcmp(f, "quote=", 6) == 0) {
			n = strtoul(f + 6, &end, 10);
			if (*end != ':' || (a = strtoul(end + 1, &end, 10),
			    *end != '-') || (b = strtoul(end + 1, &end, 10),
			    end != t) || b < a) {
				q = NULL;
				continue;
			}
			span(r->text, r->textlen, a, b, &from, &to);
			/* A quotation of several records: one more part. */
			if (rd->nq > 0 && rd->q[rd->nq - 1].n == n) {
				q = &rd->q[rd->nq - 1];
				at = st->strs.len;
				k = strlen(sstr(st, q->text));
				/* Room first: the text is in the same buffer. */
				wire_buf_grow(&st->strs, k + 2 + to - from);
				wire_buf_add(&st->strs, sstr(st, q->text), k);
				wire_buf_addc(&st->strs, ' ');
				wire_buf_add(&st->strs, r->text + from,
				    to - from);
				wire_buf_addc(&st->strs, '\0');
				q->text = at;
				q = NULL;	/* its tags are the first part's */
				continue;
			}
			rd->q = wire_grow(rd->q, &rd->capq, rd->nq + 1,
			    sizeof(*rd->q));
			q = &rd->q[rd->nq++];
			memset(q, 0, sizeof(*q));
			q->n = (uint32_t)n;
			q->pos = put(st, r->pos, r->poslen);
			q->text = put(st, r->text + from, to - from);
			q->speaker = q->role = q->cue = q->kind = put(st, "-", 1);
			continue;
		}
		if (q == NULL || (c = memchr(f, '=', (size_t)(t - f))) == NULL)
			continue;
		k = (size_t)(c - f);
		at = value(st, c + 1, (size_t)(t - c - 1));
		if (k == 7 && memcmp(f, "speaker", 7) == 0)
			q->speaker = at;
		else if (k == 4 && memcmp(f, "role", 4) == 0)
			q->role = at;
		else if (k == 3 && memcmp(f, "cue", 3) == 0)
			q->cue = at;
		else if (k == 4 && memcmp(f, "kind", 4) == 0)
			q->kind = at;
	}
}

int
speaker_named(const char *s)
{
	const char	*w, *e;
	size_t		 n;
	int		 caps = 0;
	int32_t		 c;

	/* A name: words in capitals, but for small joining words. */
	if (strncmp(s, "the ", 4) == 0)
		s += 4;
	for (w = s; *w != '\0'; w = *e != '\0' ? e + 1 : e) {
		if ((e = strchr(w, ' ')) == NULL)
			e = w + strlen(w);
		c = wire_utf8_dec(w, (size_t)(e - w), &n);
		if (wire_isupper(c) || (wire_uclass(c) & WIRE_C_DIGIT)) {
			caps++;
			continue;
		}
		if (!(wire_lex_class(wire_lex_word(w, (size_t)(e - w))) &
		    (WIRE_L_PREP | WIRE_L_LOWT)))
			return 0;
	}
	return caps > 0;
}

/* The key of a speaker's name: its words folded (Zelensky, Zelenskiy). */
static uint64_t
name_key(struct store *sc, const char *s)
{
	uint64_t	h = 0;
	size_t		i;

	wire_keys(&sc->ks, s, strlen(s), 0);
	for (i = 0; i < sc->ks.n; i++)
		h = wire_hash(&(uint64_t[2]){ h, sc->ks.k[i].h }, 16);
	return h;
}

/*
 * Speakers of the story by one name: spelling variants as the first
 * one written, and a surname alone as the full name that ends with it,
 * when only one does.
 */
static size_t
one_name(struct story *st, struct store *sc, struct wire_map *names,
    size_t sp)
{
	const char	*s = sstr(st, sp), *full, *last;
	uint64_t	*v, it = 0, key, val;
	size_t		 found = SIZE_MAX, len = strlen(s);

	if (strcmp(s, "-") == 0)
		return sp;
	if (strchr(s, ' ') == NULL && speaker_named(s)) {
		while (wire_map_next(names, &it, &key, &val)) {
			full = sstr(st, (size_t)val);
			if ((last = strrchr(full, ' ')) == NULL ||
			    strcmp(last + 1, s) != 0)
				continue;
			if (found != SIZE_MAX && strcmp(sstr(st, found),
			    full) != 0)
				return sp;	/* two fit: neither */
			found = (size_t)val;
		}
		if (found != SIZE_MAX)
			return found;
		(void)len;
	}
	v = wire_map_get(names, name_key(sc, s));
	if (*v == 0)
		*v = sp;
	return (size_t)*v;
}

/* The text a rendering keeps once quotation style and spaces are gone. */
static uint64_t
plain(struct wire_buf *b, const char *s)
{
	b->len = 0;
	wire_norm(b, s, strlen(s));
	while (b->len > 0 && strchr(" ,.;:'\"", b->p[b->len - 1]) != NULL)
		b->len--;
	return wire_hash(b->p ? b->p : "", b->len);
}

/* The sorted set of word keys of s into *set. */
static size_t
keyset(struct store *sc, const char *s, uint64_t **set, size_t *cap)
{
	size_t	i;

	wire_keys(&sc->ks, s, strlen(s), 0);
	*set = wire_grow(*set, cap, sc->ks.n + 1, sizeof(**set));
	for (i = 0; i < sc->ks.n; i++)
		(*set)[i] = sc->ks.k[i].h;
	return wire_sortu(*set, sc->ks.n);
}

/*
 * May a quotation of speaker sp join group g?  Unless both name
 * someone, and not the same one: a description ("the official") may
 * be anyone.
 */
static int
same_speaker(struct story *st, size_t g, size_t sp)
{
	const char	*a = sstr(st, st->q[g].speaker), *b = sstr(st, sp);

	return !st->q[g].named || !speaker_named(b) || strcmp(a, b) == 0;
}

/* Drift between the first rendering of q and one in document d at pos. */
static void
drift(struct story *st, const struct qgroup *q, uint32_t d, const char *pos,
    const struct wire_buf *change)
{
	wire_buf_add(&st->drift, (const char *)&q->doc0, sizeof(q->doc0));
	wire_buf_adds(&st->drift, sstr(st, q->pos0));
	wire_buf_addc(&st->drift, '\0');
	wire_buf_add(&st->drift, (const char *)&d, sizeof(d));
	wire_buf_adds(&st->drift, pos);
	wire_buf_addc(&st->drift, '\0');
	add_text(&st->drift, change->p ? change->p : "", change->len);
}

void
quotes_story(struct story *st, struct rdoc *rd, uint32_t n, struct store *sc,
    struct wdiff *wd)
{
	struct wire_map	 names = { 0 }, exact = { 0 };
	struct wire_buf	 pb = { 0 }, w = { 0 };
	uint64_t	*v, **sets = NULL, *set = NULL, h;
	size_t		*nsets = NULL, gcap = 0, i, g, k, ns = 0;
	size_t		 scap = 0;
	uint32_t	 d;
	struct qgroup	*qg;
	const char	*marks[4] = { "[-", "-]", "{+", "+}" };

	/* Full names first: a surname alone is read by them. */
	for (d = 0; d < n; d++)
		for (i = 0; i < rd[d].nq; i++)
			if (strchr(sstr(st, rd[d].q[i].speaker), ' ') != NULL &&
			    speaker_named(sstr(st, rd[d].q[i].speaker)))
				one_name(st, sc, &names, rd[d].q[i].speaker);
	for (d = 0; d < n; d++)
		for (i = 0; i < rd[d].nq; i++) {
			struct quoted *q = &rd[d].q[i];
			size_t	sp, first = SIZE_MAX;
			int	seen = 0;

			/*
			 * Its group: the same quotation by the same speaker
			 * (or by one not found).  The same words put in the
			 * mouth of someone else make a group of their own.
			 */
			sp = one_name(st, sc, &names, q->speaker);
			h = plain(&pb, sstr(st, q->text));
			g = SIZE_MAX;
			if ((v = wire_map_find(&exact, h)) != NULL) {
				first = (size_t)*v - 1;
				if (same_speaker(st, first, sp)) {
					g = first;
					seen = 1;
				}
			}
			if (g == SIZE_MAX) {
				ns = keyset(sc, sstr(st, q->text), &set, &scap);
				for (k = 0; k < st->nq; k++) {
					if (wire_jaccard(set, ns, sets[k],
					    nsets[k]) < SAME_QUOTE)
						continue;
					if (first == SIZE_MAX)
						first = k;
					if (same_speaker(st, k, sp)) {
						g = k;
						break;
					}
				}
				if (v == NULL)
					*wire_map_get(&exact, h) = (g !=
					    SIZE_MAX ? g : st->nq) + 1;
			}
			if (g == SIZE_MAX) {
				g = st->nq;
				st->q = wire_grow(st->q, &st->capq, g + 1,
				    sizeof(*st->q));
				if (st->capq > gcap) {
					sets = wire_xrealloc(sets, st->capq,
					    sizeof(*sets));
					nsets = wire_xrealloc(nsets, st->capq,
					    sizeof(*nsets));
					gcap = st->capq;
				}
				sets[g] = wire_xrealloc(NULL, ns + 1,
				    sizeof(**sets));
				memcpy(sets[g], set, ns * sizeof(*set));
				nsets[g] = ns;
				qg = &st->q[st->nq++];
				memset(qg, 0, sizeof(*qg));
				qg->speaker = sp;
				qg->named = speaker_named(sstr(st, sp));
				qg->text = q->text;
				qg->doc0 = rd[d].doc;
				qg->pos0 = q->pos;
				/* Another speaker for words quoted before. */
				if (first != SIZE_MAX) {
					w.len = 0;
					wire_buf_adds(&w, "speaker: ");
					wdiff(wd, &w, sstr(st,
					    st->q[first].speaker), strlen(sstr(st,
					    st->q[first].speaker)), sstr(st, sp),
					    strlen(sstr(st, sp)), marks);
					drift(st, &st->q[first], rd[d].doc,
					    sstr(st, q->pos), &w);
				}
			}
			qg = &st->q[g];
			/* Another outlet may name the speaker the first did not. */
			if (strcmp(sstr(st, qg->speaker), "-") == 0 ||
			    (!qg->named && speaker_named(sstr(st, sp)))) {
				qg->speaker = sp;
				qg->named = speaker_named(sstr(st, sp));
			}
			/* A rendering of its own: drift, once for each. */
			if (!seen && qg->ndocs > 0) {
				w.len = 0;
				wdiff(wd, &w, sstr(st, qg->text),
				    strlen(sstr(st, qg->text)), sstr(st, q->text),
				    strlen(sstr(st, q->text)), marks);
				drift(st, qg, rd[d].doc, sstr(st, q->pos), &w);
			}
			/* The documents that carry it, each once (in order). */
			if (qg->ndocs == 0 || qg->docs[qg->ndocs - 1] !=
			    rd[d].doc) {
				qg->docs = wire_grow(qg->docs, &qg->capdocs,
				    qg->ndocs + 1, sizeof(*qg->docs));
				qg->docs[qg->ndocs++] = rd[d].doc;
			}
		}
	for (g = 0; g < st->nq; g++)
		free(sets[g]);
	free(sets);
	free(nsets);
	free(set);
	wire_map_free(&names);
	wire_map_free(&exact);
	wire_buf_free(&pb);
	wire_buf_free(&w);
}
