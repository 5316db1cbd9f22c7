/*
 * wdiff.c: the word-level changes between two texts, written inline in
 * the wdiff convention.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

/* Append s[from, to) to out. */
static void
put(struct wire_buf *out, const char *s, size_t from, size_t to)
{
	if (to > from)
		wire_buf_add(out, s + from, to - from);
}

void
wdiff(struct wdiff *w, struct wire_buf *out, const char *a, size_t alen,
    const char *b, size_t blen, const char *const mark[4])
{
	const struct wire_keys	*ka = &w->ka, *kb = &w->kb;
	const unsigned char	*da, *db;
	size_t			 i = 0, j = 0, i0, j0, n, m, end;

	wire_keys(&w->ka, a, alen, WIRE_KEYS_PUNCT | WIRE_KEYS_SURF);
	wire_keys(&w->kb, b, blen, WIRE_KEYS_PUNCT | WIRE_KEYS_SURF);
	n = ka->n;
	m = kb->n;
	if (n + m + 1 > w->cap) {
		w->cap = n + m + 64;
		w->ha = wire_xrealloc(w->ha, w->cap, sizeof(*w->ha));
		w->hb = wire_xrealloc(w->hb, w->cap, sizeof(*w->hb));
		w->da = wire_xrealloc(w->da, w->cap, 1);
		w->db = wire_xrealloc(w->db, w->cap, 1);
	}
	/* The words as written (after normalising), not their folded keys. */
	for (i = 0; i < n; i++)
		w->ha[i] = ka->k[i].surf;
	for (j = 0; j < m; j++)
		w->hb[j] = kb->k[j].surf;
	myers(w->ha, n, w->hb, m, w->da, w->db);
	da = w->da;
	db = w->db;
	/*
	 * A token is written with the white space before it; a change shows
	 * the space before its first token, then the old and the new text.
	 */
	end = 0;
	for (i = j = 0; i < n || j < m; ) {
		if (i < n && j < m && !da[i] && !db[j]) {
			put(out, b, end, kb->k[j].off + kb->k[j].len);
			end = kb->k[j].off + kb->k[j].len;
			i++;
			j++;
			continue;
		}
		for (i0 = i; i < n && da[i]; i++)
			;
		for (j0 = j; j < m && db[j]; j++)
			;
		if (j > j0)
			put(out, b, end, kb->k[j0].off);
		else
			put(out, a, i0 > 0 ? ka->k[i0 - 1].off + ka->k[i0 - 1].len :
			    0, ka->k[i0].off);
		if (i > i0) {
			wire_buf_adds(out, mark[0]);
			put(out, a, ka->k[i0].off, ka->k[i - 1].off + ka->k[i - 1].len);
			wire_buf_adds(out, mark[1]);
		}
		if (j > j0) {
			wire_buf_adds(out, mark[2]);
			put(out, b, kb->k[j0].off, kb->k[j - 1].off + kb->k[j - 1].len);
			wire_buf_adds(out, mark[3]);
			end = kb->k[j - 1].off + kb->k[j - 1].len;
		} else if (j < m && end == kb->k[j].off && i < n &&
		    ka->k[i].off > ka->k[i - 1].off + ka->k[i - 1].len)
			/* A deletion at the start: A's space after it. */
			put(out, a, ka->k[i - 1].off + ka->k[i - 1].len, ka->k[i].off);
	}
	put(out, b, end, blen);
}

void
wdiff_free(struct wdiff *w)
{
	wire_keys_free(&w->ka);
	wire_keys_free(&w->kb);
	free(w->ha);
	free(w->hb);
	free(w->da);
	free(w->db);
	memset(w, 0, sizeof(*w));
}
