/*
 * diff.h: the parts of wire-diff: versions of a story (version.c), their
 * alignment sentence by sentence (align.c), word-level changes
 * (wdiff.c) and the shortest edit script under both (myers.c).
 */
#include "wire.h"

/* One sentence of a version. */
struct sent {
	char		*pos, *text;	/* POS and unescaped TEXT */
	size_t		 len;
	uint64_t	 norm;		/* hash of the normalised text */
	int		 ready;		/* the fields below are computed */
	uint64_t	 eq;		/* hash of the folded token sequence */
	uint64_t	*sh, *uni;	/* word bigrams, content words: sets */
	size_t		 nsh, nuni;
};

struct version {
	struct sent	*s;
	size_t		 n, cap;
};

/*
 * Where the versions of a run keep their texts and sets (blocks that
 * never move), and what the set computations reuse from call to call.
 */
struct store {
	struct block	*blocks;
	struct wire_keys ks;
	struct wire_buf	 norm;
	uint64_t	*tmp;
	size_t		 tmpcap;
};

void	version_add(struct store *, struct version *, const char *pos,
	    size_t poslen, const char *text, size_t len);
void	version_free(struct version *);
/* Compute the key hash and the sets of sentence s, once. */
void	sent_prepare(struct store *, struct sent *s);
/* Bigram Jaccard similarity of two prepared sentences. */
double	sent_sim(const struct sent *, const struct sent *);
/* The share of x's bigrams found in y. */
double	sent_part(const struct sent *x, const struct sent *y);
/* The similarity of x and y run together to z. */
double	sent_sim2(struct store *, const struct sent *x,
	    const struct sent *y, const struct sent *z);
void	store_free(struct store *);

/* One line of a diff: sentences [a0, a1) of A and [b0, b1) of B. */
struct unit {
	int	op;	/* '=' same, '~' changed, '-' only in A, '+' only in
			   B, '>' moved */
	size_t	a0, a1, b0, b1;
};

/*
 * Align A and B (align.c says how); *out gets the units in B's order,
 * with A's lost sentences where they stood in A.  Returns the count; the
 * caller frees *out.
 */
size_t	align(struct store *, struct version *a, struct version *b,
	    struct unit **out);

/* What wdiff() reuses from one call to the next. */
struct wdiff {
	struct wire_keys ka, kb;
	uint64_t	*ha, *hb;
	unsigned char	*da, *db;
	size_t		 cap;
};

/*
 * Append b with its word-level changes from a inline: deleted text
 * between mark[0] and mark[1], inserted text between mark[2] and mark[3]
 * ("[-", "-]", "{+", "+}" in the wdiff convention).  Words compare as
 * written after normalisation, so spelling variants show.
 */
void	wdiff(struct wdiff *, struct wire_buf *out, const char *a,
	    size_t alen, const char *b, size_t blen, const char *const mark[4]);
void	wdiff_free(struct wdiff *);

/*
 * Mark the elements of a (n) deleted and of b (m) inserted by a
 * shortest edit script from a to b (Myers, linear space): da[i] = 1 for
 * a deleted a[i], db[j] = 1 for an inserted b[j], 0 for the common
 * subsequence.  da and db hold n and m bytes.
 */
void	myers(const uint64_t *a, size_t n, const uint64_t *b, size_t m,
	    unsigned char *da, unsigned char *db);
