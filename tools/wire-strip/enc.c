/*
 * enc.c: text in other encodings, made UTF-8 with iconv(3).
 *
 * With -e the input is in the encoding named.  Without it, an article
 * that is not valid UTF-8 but is valid Windows-1252 (every byte of
 * 0x80-0x9f but the five it leaves undefined), which is what old tools
 * and Windows editors save, is taken as Windows-1252; one word says so
 * for each file.  Anything else passes as it is, its invalid bytes too.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "strip.h"

/* Bytes Windows-1252 does not define. */
static int
cp1252(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 i;

	for (i = 0; i < len; i++)
		if (u[i] == 0x81 || u[i] == 0x8d || u[i] == 0x8f ||
		    u[i] == 0x90 || u[i] == 0x9d || u[i] == 0)
			return 0;
	return 1;
}

/* s in encoding from, into out as UTF-8; 0, or -1 (errno set). */
int
to_utf8(struct wire_buf *out, const char *from, const char *s, size_t len)
{
	iconv_t		 cd;
	char		*in = (char *)(uintptr_t)s, *o;
	size_t		 inleft = len, outleft;
	int		 r = 0;

	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return -1;
	out->len = 0;
	while (inleft > 0) {
		wire_buf_grow(out, inleft * 3 + 16);
		o = out->p + out->len;
		outleft = out->cap - out->len - 1;
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			r = -1;
			break;
		}
		out->len = (size_t)(o - out->p);
	}
	iconv_close(cd);
	if (out->p != NULL)
		out->p[out->len] = '\0';
	return r;
}

/*
 * The article s in UTF-8: s itself, or a copy in out.  enc: -e, or
 * NULL; *said: a word was said for this file already.
 */
int
utf8_article(struct wire_buf *out, const char *enc, const char *name,
    int *said, const char **s, size_t *len)
{
	if (enc == NULL && wire_utf8_valid(*s, *len))
		return 0;
	if (enc == NULL && !cp1252(*s, *len))
		return 0;	/* as it is, invalid bytes too */
	if (to_utf8(out, enc != NULL ? enc : "WINDOWS-1252", *s, *len) == -1) {
		wire_warnat(name, 0, "not in %s: %s", enc != NULL ? enc :
		    "Windows-1252", strerror(errno));
		return -1;
	}
	if (enc == NULL && !*said) {
		wire_warnat(name, 0, "not UTF-8; read as Windows-1252");
		*said = 1;
	}
	*s = out->p != NULL ? out->p : "";
	*len = out->len;
	return 0;
}
