/*
 * lex.c: the lexicon, common/lexicon.txt, made into a table by the
 * build (common/lexicon.awk): each word's classes, and a name for each
 * word (enum wire_word_id) that code compares a token with instead of
 * its letters.
 *
 * A word is found by wire_hash_word() of its lower-case form, in an
 * open-addressed table of those hashes.  Equal 64-bit hashes of two
 * short words would be a collision that the build would have to meet
 * (lex_build() checks the listed words); a word outside the list could
 * match one only by such a collision, one chance in 2^64 per word.
 *
 * Function words have a second table of their own, in which each has a
 * slot to itself (wire_stophash()), for wire-strip's word loop.
 */
#include <err.h>
#include <string.h>

#include "wire.h"

#define NSLOT	4096		/* a power of two, above twice the words */
_Static_assert(NSLOT >= 2 * WIRE_NWORDS, "NSLOT: twice the words or more");
#define LEXMAX	24		/* bytes in the longest word looked up */

static struct {
	uint64_t	h;
	unsigned	id;		/* 0: an empty slot */
} slot[NSLOT];

uint64_t	wire_stop_hashes[1 << WIRE_STOPBITS];

#define PSLOT(h, m)	((size_t)(((h) * (m)) >> (64 - WIRE_STOPBITS)))

/* Whether multiplier m gives each function word a slot of its own. */
static int
distinct(uint64_t m)
{
	static unsigned char	taken[1 << WIRE_STOPBITS];
	size_t			i;

	memset(taken, 0, sizeof(taken));
	for (i = 1; i < WIRE_NWORDS; i++)
		if ((wire_lexicon[i].cls & WIRE_L_FUNC) && taken[PSLOT(
		    wire_hash_word(wire_lexicon[i].w, strlen(wire_lexicon[i].w)),
		    m)]++)
			return 0;
	return 1;
}

/*
 * For a changed list of function words, whose slots WIRE_STOPMUL no
 * longer keeps apart: try odd multipliers from a fixed sequence
 * (seconds, for this many words in this many slots) and name the first
 * that does.
 */
static void
search(void)
{
	uint64_t	x = 1;
	long		n;

	for (n = 0; n < 200000000; n++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		if (distinct(x | 1))
			errx(WIRE_EXIT_BAD, "internal error: function words "
			    "share a slot; set WIRE_STOPMUL in wire.h to "
			    "0x%016llxULL", (unsigned long long)(x | 1));
	}
	errx(WIRE_EXIT_BAD, "internal error: function words share a slot; "
	    "raise WIRE_STOPBITS in wire.h");
}

static void
lex_build(void)
{
	uint64_t	h;
	size_t		i, k;

	for (i = 1; i < WIRE_NWORDS; i++) {
		h = wire_hash_word(wire_lexicon[i].w, strlen(wire_lexicon[i].w));
		if (h == 0)	/* the key of every word too long to be listed */
			errx(WIRE_EXIT_BAD, "internal error: \"%s\" hashes to 0",
			    wire_lexicon[i].w);
		for (k = h & (NSLOT - 1); slot[k].id != 0; k = (k + 1) & (NSLOT - 1))
			if (slot[k].h == h)
				errx(WIRE_EXIT_BAD, "internal error: \"%s\" and "
				    "\"%s\" hash alike", wire_lexicon[i].w,
				    wire_lexicon[slot[k].id].w);
		slot[k].h = h;
		slot[k].id = (unsigned)i;
	}
	if (!distinct(WIRE_STOPMUL))
		search();
	/*
	 * An empty slot of the function words' table holds the hash of "a",
	 * which has a slot of its own elsewhere: no hash looked for in an
	 * empty slot can equal it.
	 */
	for (k = 0; k < 1 << WIRE_STOPBITS; k++)
		wire_stop_hashes[k] = wire_hash_word("a", 1);
	for (i = 1; i < WIRE_NWORDS; i++)
		if (wire_lexicon[i].cls & WIRE_L_FUNC) {
			h = wire_hash_word(wire_lexicon[i].w,
			    strlen(wire_lexicon[i].w));
			wire_stop_hashes[PSLOT(h, WIRE_STOPMUL)] = h;
		}
}

static int	built;

void
wire_lex_init(void)
{
	if (!built) {
		lex_build();
		built = 1;
	}
}

unsigned
wire_lex_id(uint64_t h)
{
	size_t	k;

	if (!built)
		wire_lex_init();
	for (k = h & (NSLOT - 1); slot[k].id != 0; k = (k + 1) & (NSLOT - 1))
		if (slot[k].h == h)
			return slot[k].id;
	return WIRE_NOWORD;
}

uint64_t
wire_lex_hash(const char *w, size_t len)
{
	char		low[LEXMAX];
	size_t		i, n = 0;
	uint64_t	x[2] = { 0, 0 };
	unsigned char	c;

	/*
	 * The usual word, of 16 ASCII bytes or fewer: packed in lower case
	 * as wire_hash_word() packs it, in one pass.
	 */
	for (i = 0; i < len && i < 16; i++) {
		if ((c = (unsigned char)w[i]) >= 0x80)
			break;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		x[i / 8] |= (uint64_t)c << (8 * (i % 8));
	}
	if (i == len)
		return wire_hash_word_mix(x[0], x[1], len);
	for (i = 0; i < len; i++) {
		c = (unsigned char)w[i];
		if (n == sizeof(low))
			return 0;	/* longer than any word listed */
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (c == 0xe2 && i + 2 < len &&
		    (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			c = '\'';	/* ’ counts as ' */
			i += 2;
		}
		low[n++] = (char)c;
	}
	return wire_hash_word(low, n);
}

unsigned
wire_lex_word(const char *w, size_t len)
{
	return len == 0 ? WIRE_NOWORD : wire_lex_id(wire_lex_hash(w, len));
}

int
wire_stopword(const char *w, size_t len)
{
	return (wire_lex_class(wire_lex_word(w, len)) & WIRE_L_FUNC) != 0;
}
