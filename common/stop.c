/*
 * stop.c: English function words.
 *
 * Prose is dense in them and page furniture is not ("Share this story",
 * "Most Read", "Sign up"), which makes their share of a line's words
 * the strongest single sign of body text; wire-split also uses them as
 * likely sentence starters after an abbreviation.
 */
#include <err.h>
#include <string.h>

#include "wire.h"

static const char *const words[] = {
	"a", "about", "above", "after", "again", "against", "all", "also",
	"although", "am", "among", "an", "and", "another", "any", "are",
	"around", "as", "at", "be", "because", "been", "before", "being",
	"below", "between", "both", "but", "by", "can", "could", "did", "do",
	"does", "doing", "down", "during", "each", "either", "even", "ever",
	"every", "few", "for", "from", "further", "had", "has", "have",
	"having", "he", "her", "here", "hers", "herself", "him", "himself",
	"his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
	"itself", "just", "last", "less", "many", "may", "me", "might",
	"more", "most", "much", "must", "my", "myself", "neither", "never",
	"no", "nor", "not", "now", "of", "off", "often", "on", "once", "one",
	"only", "or", "other", "others", "our", "ours", "ourselves", "out",
	"over", "own", "per", "rather", "same", "says", "said", "she",
	"should", "since", "so", "some", "still", "such", "than", "that",
	"the", "their", "theirs", "them", "themselves", "then", "there",
	"therefore", "these", "they", "this", "those", "though", "through",
	"thus", "to", "too", "under", "until", "up", "upon", "us", "very",
	"was", "we", "were", "what", "whatever", "when", "where", "whether",
	"which", "while", "who", "whom", "whose", "why", "will", "with",
	"within", "without", "would", "yet", "you", "your", "yours",
	"yourself", "yourselves",
	/* contractions */
	"can't", "didn't", "doesn't", "don't", "he's", "i'm", "isn't",
	"it's", "i've", "let's", "she's", "that's", "there's", "they're",
	"we're", "we've", "won't", "wouldn't", "you're",
};

#define NSLOT	512	/* a power of two, well above the count */
static const char	*slot[NSLOT];
static unsigned char	 slotlen[NSLOT];
static uint64_t		 slothash[NSLOT];
/*
 * The hashes alone, for wire_stophash() in wire.h.  An empty slot holds
 * the hash of "a", which has a slot of its own elsewhere: no hash looked
 * for in an empty slot can equal it.
 */
uint64_t		 wire_stop_hashes[1 << WIRE_STOPBITS];

#define fnv	wire_hash_word
#define PSLOT(h, m)	((size_t)(((h) * (m)) >> (64 - WIRE_STOPBITS)))

/* Whether multiplier m gives each function word a slot of its own. */
static int
distinct(uint64_t m)
{
	static unsigned char	taken[1 << WIRE_STOPBITS];
	size_t			k;

	memset(taken, 0, sizeof(taken));
	for (k = 0; k < NSLOT; k++)
		if (slot[k] != NULL && taken[PSLOT(slothash[k], m)]++)
			return 0;
	return 1;
}

/*
 * For a changed list of words, whose slots WIRE_STOPMUL no longer keeps
 * apart: try odd multipliers from a fixed sequence (seconds, for this
 * many words in this many slots) and name the first that does.
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
build(void)
{
	size_t	i, len;
	unsigned k;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		len = strlen(words[i]);
		for (k = fnv(words[i], len) & (NSLOT - 1); slot[k] != NULL;
		    k = (k + 1) & (NSLOT - 1))
			;
		slot[k] = words[i];
		slotlen[k] = (unsigned char)len;
		slothash[k] = fnv(words[i], len);
	}
	if (!distinct(WIRE_STOPMUL))
		search();
	for (k = 0; k < 1 << WIRE_STOPBITS; k++)
		wire_stop_hashes[k] = fnv("a", 1);
	for (k = 0; k < NSLOT; k++)
		if (slot[k] != NULL)
			wire_stop_hashes[PSLOT(slothash[k], WIRE_STOPMUL)] =
			    slothash[k];
	/* Each word where the inline lookup looks for it: checked once. */
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!wire_stophash(fnv(words[i], strlen(words[i]))))
			errx(WIRE_EXIT_BAD, "internal error: \"%s\" lost", words[i]);
}

void
wire_stop_init(void)
{
	if (slot[fnv("a", 1) & (NSLOT - 1)] == NULL)
		build();
}

int
wire_stopword_hashed(const char *low, size_t len, uint64_t h)
{
	unsigned	k;

	if (slot[fnv("a", 1) & (NSLOT - 1)] == NULL)
		build();
	/* Equal 64-bit hashes of words this short are equal words. */
	for (k = h & (NSLOT - 1); slot[k] != NULL; k = (k + 1) & (NSLOT - 1))
		if (slothash[k] == h && slotlen[k] == len)
			return 1;
	(void)low;
	return 0;
}

int
wire_stopword(const char *w, size_t len)
{
	char		low[16];
	size_t		i, j;

	if (len == 0 || len >= sizeof(low))
		return 0;
	for (i = j = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (c == 0xe2 && i + 2 < len &&
		    (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			c = '\'';	/* ’ counts as ' */
			i += 2;
		} else if (!((c >= 'a' && c <= 'z') || c == '\''))
			return 0;
		low[j++] = (char)c;
	}
	return wire_stopword_hashed(low, j, fnv(low, j));
}
