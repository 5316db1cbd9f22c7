/*
 * features.c: what a line of a scraped page looks like.
 *
 * wire-strip decides body from chrome by how lines look, not by what
 * they say; the features measure the look: length, the share of
 * function words, sentence punctuation, title case, indentation, text
 * run together from two links (words.c), dates, times and phrases of
 * page furniture at its start (head.c).
 */
#include <stdlib.h>
#include <string.h>

#include "strip.h"

void
line_features(struct feat *f, struct wordhashes *wh,
    const char *s, size_t len)
{
	struct lbits		 lb;
	size_t			 i, e;
	int32_t			 c;

	memset(f, 0, sizeof(*f));
	if (wh != NULL)
		wh->n = 0;
	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		f->indent += s[i] == '\t' ? 8 : 1;
	s += i;
	len -= i;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	c = wire_utf8_dec(s, len, &i);
	/* w3m's list bullets, and the usual others */
	if (c == 0x2022 || c == 0x25a1 || c == 0x2606 || c == 0x25e6 ||
	    c == 0x25aa || c == 0x2023 || c == 0x2043 || c == 0x00b7)
		f->flags |= F_BULLET;
	if (wire_uclass(c) & WIRE_C_LOWER)
		f->flags |= F_LOWSTART;
	words(f, wh, s, len, &lb);
	/*
	 * Sentence punctuation at the end, before closing marks; most lines
	 * end in an ASCII byte that is none.
	 */
	for (e = len; e > 0; e -= i) {
		if ((unsigned char)s[e - 1] < 0x80 && !(wire_ascii_class[
		    (unsigned char)s[e - 1]] & (WIRE_C_CLOSEQ | WIRE_C_CLOSEB)))
			break;
		c = wire_utf8_prev(s, e, &i);
		if (!(wire_uclass(c) & (WIRE_C_CLOSEQ | WIRE_C_CLOSEB)))
			break;
	}
	if (e > 0 && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' ||
	    (e >= 3 && (unsigned char)s[e - 3] == 0xe2 &&
	    (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] == 0xa6)))
		f->flags |= F_END;
	if (f->words <= HEADWORDS)
		head_features(f, s, len, lb.copy);
	/*
	 * A caption with its credit at the end: "... (Image: Getty)",
	 * "... Photo: Reuters", "... (Photo by Reuters)".
	 */
	if (f->words <= CAPTIONWORDS && len > 12) {
		const char *t = s + (len > 48 ? len - 48 : 0);
		size_t tl = len > 48 ? 48 : len;

		if (credit_in(t, tl))
			f->flags |= F_CAPTION;
	}
	/* "Jane says:" heads a comment, however long the name. */
	if (len > 5 && (memcmp(s + len - 5, "says:", 5) == 0 ||
	    memcmp(s + len - 5, "said:", 5) == 0))
		f->flags |= F_COMMENTS | F_HARD;
	/* A line of rule characters: a separator. */
	if (f->words == 0 && len >= 5) {
		for (i = 0; i < len; i += e) {
			c = wire_utf8_dec(s + i, len - i, &e);
			if (!(c == '-' || c == '=' || c == '_' || c == '*' ||
			    c == '~' || c == 0x2501 || c == 0x2500 || c == 0x2014))
				break;
		}
		if (i >= len)
			f->flags |= F_HARD;
	}
}

/* After "By ": a writer not named ("staff", "our correspondent"). */
static int
by_staff(const char *s, size_t len)
{
	static const char *const lead[] = { "staff", "our ", "a staff ",
	    "a correspondent", "a special correspondent", "agencies" };
	size_t	i, n;

	for (i = 0; i < sizeof(lead) / sizeof(lead[0]); i++) {
		n = strlen(lead[i]);
		if (len >= n && memcmp(s, lead[i], n) == 0)
			return 1;
	}
	return 0;
}

int
is_byline(const char *s, size_t len, size_t words, int after)
{
	struct wire_word	w;
	size_t			pos = 0, i;
	int			names = 1;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (words == 0 || words > SHORTLINE)
		return 0;
	/* "By Jane Doe", "By staff and agencies", "A, B and C |" */
	if ((len > 4 && (memcmp(s, "By ", 3) == 0 || memcmp(s, "BY ", 3) == 0) &&
	    ((s[3] >= 'A' && s[3] <= 'Z') || by_staff(s + 3, len - 3))) ||
	    s[len - 1] == '|')
		return 1;
	if (!after || words < 2 || words > 3)
		return 0;
	/* After the body, a name alone: capitalised words, nothing else. */
	for (i = 0; i < len; i++)
		if (!(is_alpha_ascii(s[i]) || s[i] == ' ' || s[i] == '.' ||
		    s[i] == '-' || s[i] == '\'' || (unsigned char)s[i] >= 0x80))
			names = 0;
	while (names && wire_word_next(s, len, &pos, &w))
		if (!(wire_uclass(wire_utf8_dec(s + w.off, w.len, &i)) &
		    WIRE_C_UPPER))
			names = 0;
	return names;
}

