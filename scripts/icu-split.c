/*
 * icu-split: the peer that make bench measures wire-split against.
 * Reads one paragraph per line and writes one sentence per line, using
 * ICU's sentence BreakIterator (the rule-based splitter most libraries
 * and browsers use).  Built by scripts/bench; not installed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int
main(void)
{
	UErrorCode	 e = U_ZERO_ERROR;
	UBreakIterator	*bi;
	UChar		*u = NULL;
	char		*line = NULL, *out = NULL;
	size_t		 cap = 0, ucap = 0, ocap = 0;
	ssize_t		 n;
	int32_t		 ulen, a, b, olen;

	bi = ubrk_open(UBRK_SENTENCE, "en_US", NULL, 0, &e);
	if (U_FAILURE(e)) {
		fprintf(stderr, "icu-split: %s\n", u_errorName(e));
		return 1;
	}
	while ((n = getline(&line, &cap, stdin)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if ((size_t)n + 1 > ucap) {
			ucap = (size_t)n + 1;
			u = realloc(u, ucap * sizeof(*u));
			out = realloc(out, ucap * 4);
			ocap = ucap * 4;
		}
		e = U_ZERO_ERROR;
		u_strFromUTF8Lenient(u, (int32_t)ucap, &ulen, line, (int32_t)n, &e);
		ubrk_setText(bi, u, ulen, &e);
		if (U_FAILURE(e))
			continue;
		for (a = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE; a = b) {
			e = U_ZERO_ERROR;
			u_strToUTF8(out, (int32_t)ocap, &olen, u + a, b - a, &e);
			if (U_SUCCESS(e)) {
				fwrite(out, 1, (size_t)olen, stdout);
				putchar('\n');
			}
		}
	}
	ubrk_close(bi);
	free(line);
	free(u);
	free(out);
	return ferror(stdout) || fclose(stdout) ? 1 : 0;
}
