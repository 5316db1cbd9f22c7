/*
 * wire-split: paragraph records in, sentence records out.
 *
 * The rules that find sentence ends live in common/sent.c and sentend.c,
 * because wire-diff and wire-quotes split text the same way.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wire.h"

static const char synopsis[] = "wire-split [-hp] [file ...]";

struct split {
	int			 plain;
	const struct wire_rec	*rec;
	size_t			 n;	/* sentences so far in this record */
	struct wire_buf		 pos, text;
};

static void
sentence(const char *s, size_t start, size_t end, void *arg)
{
	struct split		*sp = arg;
	const struct wire_rec	*r = sp->rec;

	sp->n++;
	sp->text.len = 0;
	wire_sent_text(&sp->text, s, start, end);
	if (sp->plain) {
		fwrite_unlocked(sp->text.p, 1, sp->text.len, stdout);
		putc_unlocked('\n', stdout);
		return;
	}
	wire_pos_sub(&sp->pos, r->pos, r->poslen, sp->n);
	wire_write(stdout, r->doc, r->doclen, sp->pos.p, sp->pos.len,
	    sp->text.p, sp->text.len, r->tags, r->tagslen);
}

static void
split_record(const struct wire_rec *r, void *arg)
{
	struct split	*sp = arg;

	/* Metadata records are not paragraphs: they pass as they are. */
	if (wire_rec_meta(r)) {
		wire_write(stdout, r->doc, r->doclen, r->pos, r->poslen,
		    r->text, r->textlen, r->tags, r->tagslen);
		return;
	}
	sp->rec = r;
	sp->n = 0;
	wire_sentences(r->text, r->textlen, sentence, sp);
	/* A paragraph with no text still leaves one (empty) record. */
	if (sp->n == 0 && !sp->plain)
		sentence(r->text, 0, 0, sp);
	wire_out_check();
}

static int
split_file(FILE *fp, const char *name, void *arg)
{
	struct split	*sp = arg;

	return wire_each_record(fp, name, sp->plain, split_record, sp);
}

int
main(int argc, char *argv[])
{
	struct split	sp = { 0 };
	int		c, status;

	wire_out_init();
	while ((c = getopt(argc, argv, "hp")) != -1) {
		switch (c) {
		case 'h':
			wire_usage(1, synopsis);
		case 'p':
			sp.plain = 1;
			break;
		default:
			wire_usage(0, synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	status = wire_each_file(argc, argv, split_file, &sp);
	wire_buf_free(&sp.pos);
	wire_buf_free(&sp.text);
	return wire_out_finish(status);
}
