/* hash.c: one hash function for the whole project. */
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "wire.h"

uint64_t
wire_hash(const void *p, size_t len)
{
	return XXH3_64bits(p, len);
}

uint64_t
wire_hash4(uint32_t v)
{
	unsigned char	b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			    (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	/* The length is known: the compiler keeps only XXH3's 4-8 path. */
	return XXH3_64bits(b, 4);
}

uint64_t
wire_hash_word(const char *w, size_t len)
{
	uint64_t	a = 0, b = 0;
	size_t		i;

	/* Up to 16 bytes, packed into two words and mixed; longer: XXH3. */
	if (len > 16)
		return XXH3_64bits(w, len);
	for (i = 0; i < len && i < 8; i++)
		a |= (uint64_t)(unsigned char)w[i] << (8 * i);
	for (; i < len; i++)
		b |= (uint64_t)(unsigned char)w[i] << (8 * (i - 8));
	return wire_hash_word_mix(a, b, len);
}
