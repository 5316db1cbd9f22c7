/*
 * map.c: a map from 64-bit keys to 64-bit values, for the tables that
 * count or index things by a hash or a pair of numbers.  Open
 * addressing with linear probing, at most half full; key 0 marks an
 * empty slot, so the key 0 itself is kept beside the slots.
 */
#include <stdlib.h>
#include <string.h>

#include "wire.h"

static size_t
slot_of(const struct wire_map *m, uint64_t key)
{
	size_t	i;

	for (i = wire_home(key * 0x9e3779b97f4a7c15ULL, m->cap);
	    m->t[i].key != 0 && m->t[i].key != key; i = WIRE_NEXT(i, m->cap))
		;
	return i;
}

uint64_t *
wire_map_find(struct wire_map *m, uint64_t key)
{
	size_t	i;

	if (key == 0)
		return m->has0 ? &m->val0 : NULL;
	if (m->n == 0)
		return NULL;
	i = slot_of(m, key);
	return m->t[i].key != 0 ? &m->t[i].val : NULL;
}

uint64_t *
wire_map_get(struct wire_map *m, uint64_t key)
{
	struct wire_mapent	*old = m->t;
	size_t			 i, oldcap = m->cap;

	if (key == 0) {
		if (!m->has0)
			m->val0 = 0;
		m->has0 = 1;
		return &m->val0;
	}
	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		if ((m->t = calloc(m->cap, sizeof(*m->t))) == NULL)
			wire_nomem();
		for (i = 0; i < oldcap; i++)
			if (old[i].key != 0)
				m->t[slot_of(m, old[i].key)] = old[i];
		free(old);
	}
	i = slot_of(m, key);
	if (m->t[i].key == 0) {
		m->t[i].key = key;
		m->n++;
	}
	return &m->t[i].val;
}

int
wire_map_next(const struct wire_map *m, size_t *it, uint64_t *key,
    uint64_t *val)
{
	/* *it counts the key 0 first, then the slots. */
	if (*it == 0) {
		*it = 1;
		if (m->has0) {
			*key = 0;
			*val = m->val0;
			return 1;
		}
	}
	for (; *it - 1 < m->cap; (*it)++)
		if (m->t[*it - 1].key != 0) {
			*key = m->t[*it - 1].key;
			*val = m->t[(*it)++ - 1].val;
			return 1;
		}
	return 0;
}

void
wire_map_free(struct wire_map *m)
{
	free(m->t);
	memset(m, 0, sizeof(*m));
}
