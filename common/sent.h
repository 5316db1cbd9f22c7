/*
 * sent.h: what the two halves of the sentence model share (sent.c, the
 * scan; sentend.c, the decision at each candidate): reading the class
 * of a character.  Private to them.
 */
#include "wire.h"

/* The full-width and ideographic stops: 。 ． ｡ ！ ？ */
#define WIDE_END(c)	((c) == 0x3002 || (c) == 0xff0e || (c) == 0xff61 || \
			    (c) == 0xff01 || (c) == 0xff1f)

/* Does a lettered list item open at i: "b) more", "(c) then"? */
int	wire_sent_item(const char *, size_t, size_t);

/* A roman numeral at i, "iv" or "XIV": its value (or 0), its length. */
int	wire_sent_roman(const char *, size_t, size_t, size_t *);

/* ---- characters -------------------------------------------------- */

static inline int
ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The class of the character at i and its length in *n. */
static inline unsigned
cls(const char *s, size_t len, size_t i, size_t *n)
{
	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return wire_ascii_class[(unsigned char)s[i]];
	}
	return wire_uclass(wire_utf8_dec(s + i, len - i, n));
}

static inline int
space_at(const char *s, size_t len, size_t i)
{
	size_t	n;

	return i < len && (cls(s, len, i, &n) & WIRE_C_SPACE);
}

static inline size_t
skip_space(const char *s, size_t len, size_t i)
{
	size_t	n;

	while (i < len && (cls(s, len, i, &n) & WIRE_C_SPACE))
		i += n;
	return i;
}

/* Skip the characters of classes mask from i. */
static inline size_t
skip_class(const char *s, size_t len, size_t i, unsigned mask)
{
	size_t	n;

	while (i < len && (cls(s, len, i, &n) & mask))
		i += n;
	return i;
}
