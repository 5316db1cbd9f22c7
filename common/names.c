/* names.c: a table of names (document ids), each with its index. */
#include <stdlib.h>
#include <string.h>

#include "wire.h"

/* The slot of name: where it is, or the empty slot where it would go. */
static size_t
slot(const struct wire_names *t, const char *name, size_t len)
{
	size_t	 mask = t->nslots - 1, i;
	uint32_t k;

	for (i = wire_hash(name, len) & mask; (k = t->slots[i]) != 0;
	    i = (i + 1) & mask)
		if (t->len[k - 1] == len && memcmp(t->name[k - 1], name, len) == 0)
			break;
	return i;
}

int
wire_names_find(const struct wire_names *t, const char *name, size_t len,
    uint32_t *index)
{
	size_t	i;

	if (t->n == 0)
		return 0;
	i = slot(t, name, len);
	if (t->slots[i] == 0)
		return 0;
	*index = t->slots[i] - 1;
	return 1;
}

uint32_t
wire_names_add(struct wire_names *t, const char *name, size_t len)
{
	uint32_t k;
	size_t	 i;

	/* Names usually come in runs: the last one is the likely one. */
	if (t->n > 0 && t->len[t->n - 1] == len &&
	    memcmp(t->name[t->n - 1], name, len) == 0)
		return (uint32_t)t->n - 1;
	if (wire_names_find(t, name, len, &k))
		return k;
	if (2 * (t->n + 1) > t->nslots) {	/* at most half full */
		free(t->slots);
		t->nslots = t->nslots ? 2 * t->nslots : 256;
		if ((t->slots = calloc(t->nslots, sizeof(*t->slots))) == NULL)
			wire_nomem();
		for (k = 0; k < t->n; k++)
			t->slots[slot(t, t->name[k], t->len[k])] = k + 1;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->name = wire_xrealloc(t->name, t->cap, sizeof(*t->name));
		t->len = wire_xrealloc(t->len, t->cap, sizeof(*t->len));
	}
	i = slot(t, name, len);
	t->name[t->n] = wire_xmalloc(len + 1);
	memcpy(t->name[t->n], name, len);
	t->name[t->n][len] = '\0';
	t->len[t->n] = len;
	t->slots[i] = (uint32_t)t->n + 1;
	return (uint32_t)t->n++;
}

void
wire_names_free(struct wire_names *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		free(t->name[i]);
	free(t->name);
	free(t->len);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
