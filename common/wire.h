/*
 * wire.h: the shared library of the wire tools.
 *
 * One section per source file in common/.  Every exported name starts
 * with wire_ or WIRE_.  Each comment states what the function promises;
 * where it says nothing about failure, the function cannot fail except
 * by running out of memory, which ends the program with a message.
 */
#ifndef WIRE_H
#define WIRE_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- buf.c: growable byte buffers -------------------------------- */

struct wire_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* Make room for need more bytes after len. */
void	wire_buf_grow(struct wire_buf *, size_t need);
/* Append len bytes; the buffer stays NUL-terminated after len. */
void	wire_buf_add(struct wire_buf *, const char *, size_t len);
void	wire_buf_addc(struct wire_buf *, int c);
void	wire_buf_adds(struct wire_buf *, const char *);
void	wire_buf_free(struct wire_buf *);
/* Allocation that cannot return NULL; wire_nomem() reports and exits. */
void	 wire_nomem(void) __attribute__((noreturn));
void	*wire_xmalloc(size_t);
void	*wire_xrealloc(void *, size_t nmemb, size_t size);
/*
 * The array p of *cap elements of size bytes, grown (by half, at least
 * to need) when need is more: the idiom of every growing array.
 */
void	*wire_grow(void *p, size_t *cap, size_t need, size_t size);
/* qsort(3) that accepts an empty (even NULL) array, as qsort may not. */
void	wire_sort(void *, size_t nmemb, size_t size,
	    int (*cmp)(const void *, const void *));
/*
 * Open addressing: a zeroed table of entries / load slots or more (*n
 * grows by halves, from 1024), the home slot of hash h among n (its high
 * bits: "fastrange"), and the next slot of a linear probe.
 */
void	*wire_table(size_t *n, size_t entries, double load, size_t size);
static inline size_t
wire_home(uint64_t h, size_t n)
{
	return (size_t)(((unsigned __int128)h * n) >> 64);
}
#define WIRE_NEXT(i, n)	((i) + 1 == (n) ? 0 : (i) + 1)

/* ---- err.c: messages, usage, output checks ----------------------- */

/* Exit statuses (wire(7)); wire-diff's are diff(1)'s: 1 differ, 2 trouble. */
#define WIRE_EXIT_OK	0
#define WIRE_EXIT_BAD	1	/* some input could not be read or parsed */
#define WIRE_EXIT_USAGE	2	/* bad options or operands */
/* The status of a failed output or memory: WIRE_EXIT_BAD, or 2. */
extern int	wire_exit_trouble;

/* Warn as "prog: file:line: message"; line 0 leaves the line out. */
void	wire_warnat(const char *file, size_t line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/*
 * Print "usage: SYNOPSIS" and exit: to stdout with status 0 when help
 * was asked for (-h), else to stderr with WIRE_EXIT_USAGE.
 */
void	wire_usage(int help, const char *synopsis) __attribute__((noreturn));
/* -f text or tsv: 1 for tsv; anything else is a usage error. */
int	wire_opt_tsv(const char *arg);
/* -j: a number of processes, 1 to WIRE_JOBS_MAX, or a usage error. */
#define WIRE_JOBS_MAX	256
int	wire_opt_jobs(const char *arg);
/* Give stdout a large buffer; call once at start. */
void	wire_out_init(void);
/* Stop quietly when stdout is a closed pipe, with an error if it failed. */
void	wire_out_check(void);
/* Write n bytes straight to stdout, after what stdio holds. */
void	wire_out_write(const char *p, size_t n);
/* Flush stdout and sync it to the disk when it is a file, or stop. */
void	wire_out_sync(void);
/* Flush and close stdout, checking for errors; returns status. */
int	wire_out_finish(int status);

/* ---- file.c: operands ------------------------------------------- */

/*
 * Call fn for each operand (none or "-" is standard input) with the
 * open stream and its name.  A file that cannot be opened is reported
 * by name and skipped.  Returns WIRE_EXIT_BAD if any file failed or fn
 * returned non-zero, else 0.
 */
typedef int (*wire_file_fn)(FILE *, const char *name, void *arg);
int	wire_each_file(int argc, char **argv, wire_file_fn fn, void *arg);
/*
 * One read(2) from fd after the unread bytes [*start, *end) of *p (*cap
 * bytes), which move to the front; the buffer doubles (to 4 * room at
 * first) when fewer than room bytes are free.  Returns what read() did.
 */
ssize_t	wire_read_more(int fd, char **p, size_t *cap, size_t *start,
	    size_t *end, size_t room);

/* ---- rec.c: the record format (wire-records(5)) ------------------ */

/* One record; the pointers live in the reader until the next read. */
struct wire_rec {
	const char	*doc;	/* unescaped */
	size_t		 doclen;
	const char	*pos;	/* digits and dots */
	size_t		 poslen;
	const char	*text;	/* unescaped */
	size_t		 textlen;
	const char	*tags;	/* escaped tag fields joined by TAB, no leading TAB */
	size_t		 tagslen;
	size_t		 line;	/* input line number */
	size_t		 off;	/* where its line begins in the input */
};

/*
 * The loop every record-reading tool has: read each record of one
 * stream and call fn on it.  Lines that are not records are reported
 * and skipped; returns 1 if there was one or reading failed, else 0.
 */
typedef void (*wire_rec_fn)(const struct wire_rec *, void *arg);
int	wire_each_record(FILE *, const char *name, int plain, wire_rec_fn,
	    void *arg);
/*
 * The same on the len bytes at p, which has one byte more to write in;
 * lines that are not records are left out without a word.
 */
int	wire_each_record_mem(char *p, size_t len, wire_rec_fn, void *arg);

/* Is the record metadata (POS 0)? */
#define wire_rec_meta(r)	((r)->poslen == 1 && (r)->pos[0] == '0')
/* Set out to the POS of part n of pos: "pos.n". */
void	wire_pos_sub(struct wire_buf *out, const char *pos, size_t poslen,
	    size_t n);
/* Write v in decimal into out (24 bytes will do), NUL-terminated. */
size_t	wire_utoa(char *out, size_t v);
/* Write s escaped (\\ \t \n \r \0), or append it to buf. */
void	wire_put_escaped(FILE *, const char *s, size_t len);
void	wire_buf_escape(struct wire_buf *, const char *s, size_t len);
/* Unescape s onto buf; returns -1 (buf undefined) on a bad escape. */
int	wire_unescape(struct wire_buf *, const char *s, size_t len);
/*
 * Write one record: DOC and TEXT are escaped here, POS is written as
 * is, tags (already escaped, TAB-joined, may be empty) follow.
 */
void	wire_write(FILE *, const char *doc, size_t doclen, const char *pos,
	    size_t poslen, const char *text, size_t textlen, const char *tags,
	    size_t tagslen);
/* Append the same record to a buffer. */
void	wire_rec_add(struct wire_buf *, const char *doc, size_t doclen,
	    const char *pos, size_t poslen, const char *text, size_t textlen,
	    const char *tags, size_t tagslen);

/* ---- utf8.c: decoding and character classes ---------------------- */

/*
 * Decode the code point at s (len > 0) and its length in *n.  An invalid
 * or truncated sequence decodes as -1 with *n = 1: a bad byte is stepped
 * over alone and can be copied through unchanged.
 */
int32_t	wire_utf8_dec(const char *s, size_t len, size_t *n);
/* Decode the code point that ends just before s + i; *n its length. */
int32_t	wire_utf8_prev(const char *s, size_t i, size_t *n);
/* Encode c (a valid scalar value) into out; returns the length 1-4. */
size_t	wire_utf8_enc(int32_t c, char *out);
/*
 * Is it UTF-8, as RFC 3629 has it?  wire_utf8_check() takes the bytes
 * in pieces: start from { 0, 0x80, 0xbf, 0 }; valid when, after the
 * last, bad and need are 0.
 */
struct wire_utf8check {
	int		need;		/* continuation bytes to come */
	unsigned char	lo, hi;		/* ... the next in lo-hi */
	int		bad;
};
void	wire_utf8_check(struct wire_utf8check *, const void *, size_t);
int	wire_utf8_valid(const char *s, size_t len);

/* Character classes from the Unicode database (via utf8proc). */
#define WIRE_C_UPPER	0x01	/* Lu, Lt */
#define WIRE_C_LOWER	0x02	/* Ll */
#define WIRE_C_ALPHA	0x04	/* any letter L*, and marks M* */
#define WIRE_C_DIGIT	0x08	/* N* */
#define WIRE_C_SPACE	0x10	/* Z*, and TAB LF VT FF CR */
#define WIRE_C_PUNCT	0x20	/* P* */
#define WIRE_C_SYMBOL	0x40	/* S* */
#define WIRE_C_OPENQ	0x80	/* opening quotation marks: Pi, and " ' */
#define WIRE_C_CLOSEQ	0x100	/* closing quotation marks: Pf, and " ' */
#define WIRE_C_DASH	0x200	/* Pd */
#define WIRE_C_OPENB	0x400	/* Ps: ( [ { ... */
#define WIRE_C_CLOSEB	0x800	/* Pe: ) ] } ... */
#define WIRE_C_CTRL	0x1000	/* Cc, Cf; also invalid bytes (-1) */
#define WIRE_C_WIDE	0x2000	/* a word's: it has a byte above ASCII */

/* The classes of c (-1 for an invalid byte gives WIRE_C_CTRL). */
extern const unsigned short wire_ascii_class[128];
unsigned	wire_uclass_slow(int32_t c);
static inline unsigned
wire_uclass(int32_t c)
{
	return c >= 0 && c < 128 ? wire_ascii_class[c] : wire_uclass_slow(c);
}
#define wire_isupper(c)	(wire_uclass(c) & WIRE_C_UPPER)

/* ---- norm.c: the text normaliser for matching -------------------- */

/*
 * Append to out the matching form of s: NFKC, case folded, curly and
 * angle quotes to ' and ", dashes to -, the ellipsis to "...", format
 * characters removed, every run of white space to one space, no space
 * at either end.  Invalid bytes are copied unchanged.  Text that is
 * equal after this is "the same text" to every wire tool.
 */
void	wire_norm(struct wire_buf *out, const char *s, size_t len);

/* ---- tok.c: words ------------------------------------------------ */

/*
 * A word is a run of letters and digits.  Inside it stay an apostrophe
 * or a hyphen between two letters, or a letter and a digit ("Kyiv's",
 * "G-7", "58-year-old", but "3-2" is two words), and a period or a
 * comma between two letters or two digits ("U.S", "3.5", "1,000").
 */
struct wire_word {
	size_t		off;	/* byte offset in the text */
	size_t		len;	/* bytes */
	unsigned	cls;	/* the classes of its characters, or'ed */
};

/* Find the next word at or after *pos; returns 0 at the end. */
int	wire_word_next(const char *s, size_t len, size_t *pos,
	    struct wire_word *);
/* The lexicon's key of word w of s (len bytes): wire_lex_hash(), fast. */
uint64_t wire_word_key(const char *s, size_t len, const struct wire_word *);

/* ---- lex.c: the lexicon (common/lexicon.txt) ---------------------- */

/*
 * Made from lexicon.txt: the classes, a bit each (WIRE_L_FUNC, ...), the
 * kinds of abbreviation (WIRE_A_TITLE, ...), and a name for each word
 * (enum wire_word_id: WIRE_W_SAID for "said").
 */
#include "lexicon.h"

struct wire_lexent {
	const char	*w;	/* in lower case */
	uint32_t	 cls;
};
/* The words by id; wire_lexicon[0] is no word, of no class. */
extern const struct wire_lexent wire_lexicon[];
static inline uint32_t
wire_lex_class(unsigned id)
{
	return wire_lexicon[id].cls;
}
/*
 * The id of a word, WIRE_NOWORD for one not listed: from its key (the
 * wire_hash_word() of it in lower case, ' for ’: wire_lex_hash()), or
 * from the word itself.  The table is built on first use, or by
 * wire_lex_init() (call it before starting threads).
 */
unsigned wire_lex_id(uint64_t key);
unsigned wire_lex_word(const char *w, size_t len);
uint64_t wire_lex_hash(const char *w, size_t len);
void	wire_lex_init(void);
/* Is w a function word? */
int	wire_stopword(const char *w, size_t len);
/*
 * The same from its wire_lex_hash() alone, with no branch (lex.c says
 * how), once the lexicon is built.
 */
#define WIRE_STOPBITS	10
#define WIRE_STOPMUL	0x669514bd0a6da5ffULL
extern uint64_t	wire_stop_hashes[1 << WIRE_STOPBITS];
static inline int
wire_stophash(uint64_t h)
{
	return wire_stop_hashes[(h * WIRE_STOPMUL) >> (64 - WIRE_STOPBITS)] ==
	    h;
}

/* ---- sent.c, sentend.c: sentence boundaries ---------------------- */

/*
 * Split text into sentences (wire-split(1) has the rules): fn gets each
 * one's start and end, white space trimmed.  Returns the count.
 */
typedef void (*wire_sent_fn)(const char *s, size_t start, size_t end,
	    void *arg);
size_t	wire_sentences(const char *s, size_t len, wire_sent_fn fn, void *arg);
/* What wire_sent_end() keeps between calls on one text: zero it first. */
struct wire_sentscan {
	size_t	tok0, tok1;	/* the last token looked at for a link */
	int	link;
};
/*
 * The decision wire_sentences() makes at each candidate: does a
 * sentence that began at start end at the . ! ? or … at s[i]?  Returns
 * 1 with *cut where it ends (past the closing marks that belong to
 * it), else 0; *next is where the next candidate may be.
 */
int	wire_sent_end(struct wire_sentscan *, const char *s, size_t len,
	    size_t start, size_t i, size_t *cut, size_t *next);
/*
 * The abbreviation kind of w (without its period): its WIRE_A_* in the
 * lexicon, WIRE_A_OTHER for single letters joined by dots ("U.S"), or 0.
 */
int	wire_abbrev(const char *w, size_t len);
/* Two or more letters, all capitals, perhaps an apostrophe: "SEC", "IT'S". */
int	wire_shouting(const char *w, size_t len);
/* Append s[start, end) to out, a run of space with a line break as one. */
void	wire_sent_text(struct wire_buf *out, const char *s, size_t start,
	    size_t end);

/* Eight bytes loaded with memcpy(), as little-endian whatever the machine. */
static inline uint64_t
wire_le64(uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap64(x);
#else
	return x;
#endif
}

/* ---- hash.c ------------------------------------------------------ */

/* A 64-bit hash (XXH3), stable across runs and machines. */
uint64_t wire_hash(const void *, size_t);
/* wire_hash() of four bytes, held in v from its low byte up. */
uint64_t wire_hash4(uint32_t v);
/*
 * A faster hash for words: up to 16 bytes are packed little-end first
 * into a and b and mixed by wire_hash_word_mix(); longer words: XXH3.
 */
uint64_t wire_hash_word(const char *, size_t);
static inline uint64_t
wire_hash_word_mix(uint64_t a, uint64_t b, size_t len)
{
	a = (a ^ (b * 0x9e3779b97f4a7c15ULL) ^ len) * 0xbf58476d1ce4e5b9ULL;
	return a ^ (a >> 31);
}

/* ---- fold.c: word keys ------------------------------------------ */

/*
 * Append to out the key of a normalised word: without a possessive 's
 * or digit-group commas, "%" and "pct" as "percent", and spellings
 * folded by suffix rules (colour/color, organise/organize,
 * travelled/traveled, Zelenskiy/Zelensky).  Equal keys: variants.
 */
void	wire_wordkey(struct wire_buf *out, const char *w, size_t len);

/* ---- shingle.c: keys, shingles, similarity, MinHash -------------- */

struct wire_key {
	size_t		off;	/* the word in the source text */
	size_t		len;
	uint64_t	h;	/* hash of its key */
	uint64_t	surf;	/* WIRE_KEYS_SURF: hash of its normalised form */
	int		punct;	/* a mark, not a word */
	int		stop;	/* a function word (without WIRE_KEYS_SURF) */
};

struct wire_keys {
	struct wire_key	*k;
	size_t		 n, cap;
	struct wire_buf	 scratch, key;
};

/*
 * The word keys of s in order ("%" and "per cent" are a word each).
 * With WIRE_KEYS_PUNCT every other mark but white space is a token too.
 * With WIRE_KEYS_SURF a word is not folded: its surf (and h) is the
 * hash of its normalised form (spelling variants differ).
 */
#define WIRE_KEYS_PUNCT	1
#define WIRE_KEYS_SURF	2
void	wire_keys(struct wire_keys *ks, const char *s, size_t len, int flags);
void	wire_keys_free(struct wire_keys *);
/*
 * The hashes of the k-word shingles of ks, marks skipped, into *out
 * (*cap slots, grown), in text order; fewer than k words make one.
 */
size_t	wire_shingles(const struct wire_keys *ks, size_t k, uint64_t **out,
	    size_t *cap);
/* Sort v and drop repeats; returns the new count. */
size_t	wire_sortu(uint64_t *v, size_t n);
/* Jaccard similarity of two sorted unique sets; two empty sets give 1. */
double	wire_jaccard(const uint64_t *a, size_t na, const uint64_t *b,
	    size_t nb);
/* k MinHash values of a set of shingles, stable: saved state uses them. */
void	wire_minhash(const uint64_t *sh, size_t n, uint32_t *sig, size_t k);

/* ---- names.c: a table of names ----------------------------------- */

/* Names (document ids) in the order first added, found by hash. */
struct wire_names {
	char		**name;		/* NUL-terminated copies */
	size_t		 *len;
	size_t		  n, cap;
	uint32_t	 *slots;	/* open addressing: index + 1, 0 empty */
	size_t		  nslots;
};

/* The index of name, added on first sight. */
uint32_t wire_names_add(struct wire_names *, const char *name, size_t len);
/* Is name there?  Then 1, with its index in *index. */
int	wire_names_find(const struct wire_names *, const char *name,
	    size_t len, uint32_t *index);
void	wire_names_free(struct wire_names *);

/* ---- lsh.c: signatures and the index of near ones ------------------ */

#define WIRE_BANDS	8	/* LSH bands */
#define WIRE_ROWS	3	/* signature values per band */
#define WIRE_SIG_K	32	/* signature values (bytes); the first */
				/* WIRE_BANDS * WIRE_ROWS make the bands */
#define WIRE_LSH_MAX	((1u << 27) - 2)	/* signatures an index holds */

/* The signature of a set of shingle hashes (wire_minhash(), a byte each). */
void	wire_sig(const uint64_t *sh, size_t n, uint8_t *sig);
struct wire_lsh *wire_lsh_new(void);
void	wire_lsh_free(struct wire_lsh *);
/* Add a signature; returns its id (0, 1, ...), or SIZE_MAX when full. */
size_t	wire_lsh_add(struct wire_lsh *, const uint8_t *sig);
const uint8_t *wire_lsh_sig(const struct wire_lsh *, size_t id);
/* Up to max ids of signatures at least min similar to sig; the count. */
size_t	wire_lsh_near(const struct wire_lsh *, const uint8_t *sig,
	    double min, size_t *ids, double *sims, size_t max);

/* ---- map.c: 64-bit keys to 64-bit values ------------------------- */

struct wire_map {
	struct wire_mapent {
		uint64_t key, val;
	}		*t;
	size_t		 cap, n;	/* slots; keys in them (not 0) */
	int		 has0;		/* the key 0 and its value */
	uint64_t	 val0;
};

/* The value of key, added as 0 when new. */
uint64_t *wire_map_get(struct wire_map *, uint64_t key);
/* The value of key, or NULL. */
uint64_t *wire_map_find(struct wire_map *, uint64_t key);
/* Each key and value, in no order: *it starts at 0; returns 0 at the end. */
int	wire_map_next(const struct wire_map *, size_t *it, uint64_t *key,
	    uint64_t *val);
void	wire_map_free(struct wire_map *);

#endif /* WIRE_H */
