/* err.c: messages that name file and line, usage, output checks. */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wire.h"

void
wire_warnat(const char *file, size_t line, const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", getprogname());
	if (file != NULL && line > 0)
		fprintf(stderr, "%s:%zu: ", file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
wire_usage(int help, const char *synopsis)
{
	FILE	*fp = help ? stdout : stderr;

	fprintf(fp, "usage: %s\n", synopsis);
	if (help)
		exit(wire_out_finish(WIRE_EXIT_OK));
	exit(WIRE_EXIT_USAGE);
}

int
wire_opt_tsv(const char *arg)
{
	if (strcmp(arg, "tsv") != 0 && strcmp(arg, "text") != 0)
		errx(WIRE_EXIT_USAGE, "-f %s: use text or tsv", arg);
	return strcmp(arg, "tsv") == 0;
}

int
wire_opt_jobs(const char *arg)
{
	const char	*errstr;
	long long	 n;

	n = strtonum(arg, 1, WIRE_JOBS_MAX, &errstr);
	if (errstr != NULL)
		errx(WIRE_EXIT_USAGE, "-j %s: %s", arg, errstr);
	return (int)n;
}

void
wire_out_init(void)
{
	static char	buf[1 << 18];

	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
}

int	wire_exit_trouble = WIRE_EXIT_BAD;

static void
out_fail(void)
{
	/* A reader that went away is not an error: we just stop. */
	if (errno == EPIPE)
		_exit(WIRE_EXIT_OK);
	err(wire_exit_trouble, "stdout");
}

void
wire_out_check(void)
{
	if (ferror(stdout))
		out_fail();
}

/*
 * Write n bytes straight to standard output, after what stdio holds: for
 * a tool that puts its output together in blocks of its own, which stdio
 * would copy into its buffer first.
 */
void
wire_out_write(const char *p, size_t n)
{
	ssize_t	w;

	if (fflush(stdout) == EOF)
		out_fail();
	while (n > 0) {
		if ((w = write(STDOUT_FILENO, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			out_fail();
		}
		p += w;
		n -= (size_t)w;
	}
}

void
wire_out_sync(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		out_fail();
	/* On a file, to the disk; a pipe or a terminal cannot be synced. */
	if (fsync(STDOUT_FILENO) == -1 && errno != EINVAL && errno != EROFS &&
	    errno != ENOTSUP)
		out_fail();
}

int
wire_out_finish(int status)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		out_fail();
	if (fclose(stdout) == EOF)
		out_fail();
	return status;
}
