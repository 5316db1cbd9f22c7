/*
 * dedupe.h: the parts of wire-dedupe: the index of what was seen
 * (index.c), its state file (state.c) and document similarity
 * (docsim.c).
 */
#include "wire.h"

/* An exact slot: the hash of a normalised text, in halves, and its id. */
struct xslot {
	uint32_t	lo, hi;
	uint32_t	id;		/* id + 1; 0 for an empty slot */
};

/* Every distinct record seen, with its document and position. */
struct seen {
	size_t		 n, cap;	/* records */
	struct wire_lsh	*lsh;		/* near mode: signatures, else NULL */
	struct run {			/* records from id on are of doc */
		uint32_t id, doc;
	}		*runs;
	size_t		 nruns, capruns;
	uint32_t	*pos;		/* packed POS (index.c) */
	struct wire_buf	 posbuf;	/* POS texts that do not pack */
	struct wire_names docs;		/* document names, first seen first */
	struct xslot	*xslots;	/* each record's hash, by hash */
	size_t		 nxslots;
};

void	seen_init(struct seen *, int near);
void	seen_free(struct seen *);
/* The index of a document name, added on first sight. */
uint32_t seen_doc(struct seen *, const char *name, size_t len);
/*
 * Remember a record: the hash of its normalised text and, in near mode,
 * its signature.  Returns its id, or SIZE_MAX when the index is full.
 */
size_t	seen_add(struct seen *, uint64_t hash, const uint8_t *sig,
	    uint32_t doc, const char *pos, size_t poslen);
/* Append the POS of record id to out. */
void	seen_pos(const struct seen *, size_t id, struct wire_buf *out);
/* The document of record id. */
uint32_t seen_docof(const struct seen *, size_t id);
/* The id of the record whose normalised text has this hash, or SIZE_MAX. */
size_t	seen_exact(const struct seen *, uint64_t hash);
/* Call fn with the id and hash of every record, in no order. */
void	seen_hashes(const struct seen *,
	    void (*fn)(size_t id, uint64_t hash, void *), void *arg);

/*
 * Load a saved state into an empty index of the same mode.  A missing
 * file is an empty state (0).  A foreign, truncated, corrupt or
 * other-mode file is reported and refused (-1); the index is then
 * unusable.
 */
int	state_load(struct seen *, const char *path);
/* Save atomically (temporary file, fsync, rename); 0 or -1 reported. */
int	state_save(const struct seen *, const char *path);

/* Documents that share text (-d). */
struct docsim {
	struct member {			/* an evidence record: its */
		uint32_t clu, doc;	/* cluster and document */
	}		*m;
	size_t		 n, cap;
	uint32_t	*total;		/* evidence records per document */
	size_t		 ndocs;
};

/* An evidence record of document doc, in the cluster of record id. */
void	docsim_add(struct docsim *, uint32_t doc, uint32_t cluster);
/*
 * Print "DOC_A TAB DOC_B TAB share of A found in B TAB share of B found
 * in A TAB copy|partial" for every pair of documents that share a
 * cluster, A first seen before B, in document order.
 */
void	docsim_print(struct docsim *, const struct seen *, FILE *);
void	docsim_free(struct docsim *);
