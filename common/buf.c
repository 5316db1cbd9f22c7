/* buf.c: growable byte buffers and allocation that cannot fail. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

void
wire_nomem(void)
{
	errx(wire_exit_trouble, "out of memory");
}

void *
wire_xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		wire_nomem();
	return p;
}

void *
wire_xrealloc(void *p, size_t nmemb, size_t size)
{
	if ((p = reallocarray(p, nmemb ? nmemb : 1, size ? size : 1)) == NULL)
		wire_nomem();
	return p;
}

void
wire_sort(void *base, size_t nmemb, size_t size,
    int (*cmp)(const void *, const void *))
{
	if (nmemb > 1)
		qsort(base, nmemb, size, cmp);
}

void
wire_buf_grow(struct wire_buf *b, size_t need)
{
	size_t	cap;

	if (b->cap - b->len > need)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap - b->len <= need) {
		if (cap > SIZE_MAX / 2)
			wire_nomem();
		cap *= 2;
	}
	b->p = wire_xrealloc(b->p, cap, 1);
	b->cap = cap;
}

void
wire_buf_add(struct wire_buf *b, const char *s, size_t len)
{
	wire_buf_grow(b, len);
	if (len > 0)
		memcpy(b->p + b->len, s, len);
	b->len += len;
	b->p[b->len] = '\0';
}

void
wire_buf_addc(struct wire_buf *b, int c)
{
	wire_buf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

void
wire_buf_adds(struct wire_buf *b, const char *s)
{
	wire_buf_add(b, s, strlen(s));
}

void
wire_buf_free(struct wire_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void *
wire_grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t	n = *cap;

	if (need <= n)
		return p;
	n += n / 2 + 4;		/* a few first: many arrays stay short */
	if (n < need)
		n = need;
	*cap = n;
	return wire_xrealloc(p, n, size);
}

void *
wire_table(size_t *n, size_t entries, double load, size_t size)
{
	void	*t;

	if (*n == 0)
		*n = 1024;
	while (entries > *n * load)
		*n += *n / 2;
	if ((t = calloc(*n, size)) == NULL)
		wire_nomem();
	return t;
}
