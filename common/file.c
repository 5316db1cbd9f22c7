/* file.c: the operand loop shared by every tool, and reading. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wire.h"

static int
one(const char *name, wire_file_fn fn, void *arg)
{
	FILE	*fp;
	int	 r;

	if (strcmp(name, "-") == 0)
		return fn(stdin, "-", arg);
	if ((fp = fopen(name, "r")) == NULL) {
		wire_warnat(name, 0, "%s", strerror(errno));
		return 1;
	}
	r = fn(fp, name, arg);
	fclose(fp);
	return r;
}

int
wire_each_file(int argc, char **argv, wire_file_fn fn, void *arg)
{
	int	i, bad = 0;

	if (argc == 0)
		return one("-", fn, arg) ? WIRE_EXIT_BAD : 0;
	for (i = 0; i < argc; i++) {
		if (one(argv[i], fn, arg))
			bad = 1;
		wire_out_check();
	}
	return bad ? WIRE_EXIT_BAD : 0;
}

ssize_t
wire_read_more(int fd, char **p, size_t *cap, size_t *start, size_t *end,
    size_t room)
{
	ssize_t	n;

	if (*start > 0) {
		memmove(*p, *p + *start, *end - *start);
		*end -= *start;
		*start = 0;
	}
	if (*cap - *end < room + 1) {
		*cap = *cap ? *cap * 2 : 4 * room;
		*p = wire_xrealloc(*p, *cap, 1);
	}
	do
		n = read(fd, *p + *end, *cap - *end - 1);
	while (n == -1 && errno == EINTR);
	if (n > 0)
		*end += (size_t)n;
	return n;
}
