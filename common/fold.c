/*
 * fold.c: word keys, the form in which two copies of a wire story are
 * compared word by word.
 *
 * Outlets restyle wire copy: British or American spelling, another
 * transliteration of a name, "per cent", "percent" or "%", "1,000" or
 * "1000".  A word key is the normalised word (common/norm.c) with those
 * differences folded away by a few general suffix rules.  The rules may
 * merge words that are not variants of each other ("sentence" and a
 * made-up "sentense"); that is harmless, because both copies are folded
 * the same way and only equality of keys is ever asked.
 */
#include <string.h>

#include "wire.h"

struct rule {
	const char	*from;	/* suffix */
	const char	*to;
	size_t		 minlen;	/* the word must be at least this long */
	size_t		 flen, tlen;
};

#define R(from, to, minlen) { from, to, minlen, sizeof(from) - 1, sizeof(to) - 1 }

/*
 * Suffix rules, tried in order; the first that matches applies.  The
 * minimum lengths keep short common words apart ("four" is not "for").
 */
static const struct rule rules[] = {
	/* -ise / -ize and -yse / -yze */
	R("isation", "ization", 8), R("isations", "izations", 9),
	R("ising", "izing", 6), R("ised", "ized", 5), R("ises", "izes", 5),
	R("ise", "ize", 5), R("yse", "yze", 5), R("ysed", "yzed", 6),
	R("ysing", "yzing", 7),
	/* -our / -or: colour, honour, favourite */
	R("ourite", "orite", 8), R("ourable", "orable", 8),
	R("ouring", "oring", 8), R("oured", "ored", 7), R("ours", "ors", 7),
	R("our", "or", 6),
	/* -ence / -ense: defence, licence, offence */
	R("ences", "enses", 7), R("ence", "ense", 6),
	/* -tre / -ter: centre, theatre, metre */
	R("tres", "ters", 6), R("tre", "ter", 5),
	/* -ogue / -og: catalogue, dialogue */
	R("ogue", "og", 6),
	/* doubled l before a suffix: travelled, cancelling, modeller */
	R("lled", "led", 6), R("lling", "ling", 7), R("ller", "ler", 6),
	/* transliterations ending -iy, -yy, -ii: Zelenskiy, Zelenskyy */
	R("iy", "y", 4), R("yy", "y", 4), R("ii", "y", 5),
};

#define NRULES	(sizeof(rules) / sizeof(rules[0]))

/*
 * The rules by the last byte of their suffix: the first one that ends
 * in c is rules[last[c] - 1], the others follow in next[]; 0 ends.
 * Most words end in a byte no rule ends in, and try none.
 */
static unsigned char	last[256], next[NRULES];

static void
index_rules(void)
{
	size_t	i, k;

	for (i = NRULES; i-- > 0; ) {
		k = (unsigned char)rules[i].from[rules[i].flen - 1];
		next[i] = last[k];
		last[k] = (unsigned char)(i + 1);
	}
}

void
wire_wordkey(struct wire_buf *out, const char *w, size_t len)
{
	const struct rule	*r;
	size_t			 i, base, k;
	char			*p;

	/* A possessive adds nothing: Trump's is Trump. */
	if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's')
		len -= 2;
	if ((len == 1 && w[0] == '%') ||
	    (len == 3 && memcmp(w, "pct", 3) == 0)) {
		wire_buf_add(out, "percent", 7);
		return;
	}
	wire_buf_grow(out, len + 8);
	base = out->len;
	p = out->p + base;
	/* Digit group commas: 1,000 is 1000.  Most words have none. */
	if (memchr(w, ',', len) == NULL) {
		memcpy(p, w, len);
		p += len;
	} else
		for (i = 0; i < len; i++)
			if (!(w[i] == ',' && i > 0 && i + 1 < len &&
			    w[i - 1] >= '0' && w[i - 1] <= '9' &&
			    w[i + 1] >= '0' && w[i + 1] <= '9'))
				*p++ = w[i];
	len = (size_t)(p - (out->p + base));
	out->len = base + len;
	if (last['d'] == 0)
		index_rules();
	if (len < 4)
		goto done;
	for (k = last[(unsigned char)p[-1]]; k != 0; k = next[k - 1]) {
		r = &rules[k - 1];
		if (len >= r->minlen && memcmp(p - r->flen, r->from,
		    r->flen) == 0) {
			/* Every replacement is at most one byte longer. */
			memcpy(p - r->flen, r->to, r->tlen);
			out->len = base + len - r->flen + r->tlen;
			break;
		}
	}
done:
	out->p[out->len] = '\0';
}
