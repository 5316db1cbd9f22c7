/*
 * strip.c: find the body of a scraped article.
 *
 * Each paragraph gets a score from how it looks (chrome.c): positive
 * for prose, the longer and the denser in function words the more;
 * negative for page furniture.  The body is then found as a region:
 * the strongest run of consecutive prose paragraphs is the seed, and it
 * grows to either side for as long as what it takes in pays for itself
 * (a maximum-sum segment, as in Finn, Kushmerick and Smyth's "body text
 * extraction"), never across the end of an article (a copyright line)
 * or into a comment section.  Paragraphs of the region that look like
 * prose, headings or list items are the body; what stands around it is
 * told apart as title, byline, date, credit, caption or chrome.
 *
 * The constants were set by measuring on one half of a benchmark of 161
 * pages and checked on the other half (scripts/eval-strip).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "strip.h"

/* The weights of the score: what each feature is worth, in words. */
#define W_STOPBASE	0.18	/* share of function words that scores 0 */
#define W_PERWORD	4.0	/* ... and what each word above it is worth */
#define W_END		6.0	/* ends like a sentence */
#define W_NOEND		2.0	/* a long line that does not */
#define W_TITLECASE	0.4	/* above this share of capitalised words */
#define W_GLUE		8.0	/* a-B inside a word, twice run-together text */
#define W_DATE		8.0	/* a date or a time standing alone */
#define W_CHROME	8.0	/* a phrase of page furniture */
#define W_SECTION	25.0	/* the head of related links or comments */
#define W_PIPES		5.0	/* "Home | News | Sport" */
#define W_SHORT		4.0	/* three words or fewer */
#define W_INDENT	6.0	/* indented unlike the body, plus */
#define W_INDENTWORD	0.5	/* ... this much a word */
#define W_BULLET	4.0	/* a list item */
#define W_HARD		12.0	/* a tag, newsletter or legal line */
#define W_DATELINE	10.0	/* "BERLIN (Reuters) -": a story starts */
#define W_ZONE		0.2	/* a word inside a comment section */
#define W_ISOLATED	0.4	/* prose with no prose near it: a teaser */
#define LIGHT		6.0	/* a seed run steps over lines scoring above */
#define LIGHTWORDS	12	/* ... -LIGHT and this short (headings) */
#define FIRSTWORDS	8	/* the body starts at prose this long */
#define TAILWORDS	4	/* and ends at prose or a list item this long */
#define CANDIDATES	3	/* indentations tried for the body */
#define MAXIND		32	/* indentations counted */
#define XDOC		3	/* a short line in this many documents: chrome */
#define TITLEWORDS	25	/* words in a title at most */
#define DATELINEWORDS	10	/* words in a paragraph that opens a dateline */
#define COMMENTGAP	7	/* lines from a comments heading to a comment */
#define CREDITWORDS	6	/* words in a picture credit of its own */
/* What the markup of an HTML page adds (html.c). */
#define H_LINKS		0.5	/* a block this much link text is a menu */
#define W_LINKS		2.0	/* ... and pays this much a word for it */
#define W_GOOD		4.0	/* in the article's own container */
#define W_OUTSIDE	0.5	/* out of it, a word */
#define W_INGOOD	1.0	/* the most a line in it costs */

const char *const class_names[] = {
	"body", "heading", "title", "byline", "date", "credit", "caption",
	"chrome", "url", "nobody", "source"
};


/* How the paragraph looks: the score before what follows from where. */
static double
score_base(const struct para *p)
{
	const struct feat *f = &p->f;
	double	 n = f->words, s, sd, tc;

	if (f->words == 0)
		return -1;
	sd = (double)f->stops / (double)f->sample;
	tc = f->content ? (double)f->capitals / (double)f->content : 0;
	s = (n < 60 ? n : 60) * (sd - W_STOPBASE) * W_PERWORD;
	if (f->flags & F_END)
		s += W_END;
	else if (f->words >= LONGLINE)
		s -= W_NOEND;
	if (tc > W_TITLECASE && !(f->flags & F_END) && f->words > 2)
		s -= n * tc;
	s -= W_GLUE * f->glue;
	if (f->flags & F_SGLUE)
		s -= n;
	if (p->dateline)
		s += W_DATELINE;
	if (f->flags & F_DATE)
		s -= W_DATE;
	if (f->flags & F_CHROME)
		s -= W_CHROME;
	if (f->flags & (F_COMMENTS | F_SECTION))
		s -= W_SECTION;
	if (f->pipes >= 2)
		s -= W_PIPES;
	if (f->words <= 3)
		s -= W_SHORT;
	return s;
}

/*
 * The score from its base s; other: indented unlike the body.  Only this
 * depends on the indentation tried for the body, so each paragraph's
 * score is worked out both ways once, and scores() picks one.
 */
static double
score(const struct para *p, double s, int other)
{
	const struct feat *f = &p->f;
	double	 n = f->words;

	if (f->words == 0)
		return -1;
	if (other)
		s -= W_INDENT + n * W_INDENTWORD;
	if (f->flags & F_BULLET)
		s -= W_BULLET;
	if (p->dup || p->xdoc)
		s = -n - 5;
	if ((f->flags & F_HARD) &&
	    !(f->flags & (F_COMMENTS | F_SECTION)))
		s -= W_HARD;
	if (p->caption || (f->flags & (F_CREDIT | F_CAPTION)))
		s = s < -n - 2 ? s : -n - 2;
	if (p->zone && s > -1 - n * W_ZONE)
		s = -1 - n * W_ZONE;
	return s;
}

static void
scores(struct strip *st, long dom)
{
	struct para	*p = st->p;
	size_t			 i, n = st->n;

	for (i = 0; i < n; i++)
		p[i].score = dom >= 0 && !(p[i].f.flags & F_BULLET) &&
		    (long)p[i].f.indent != dom ? p[i].sother : p[i].sfit;
	/*
	 * Prose with no prose within two paragraphs is likely a teaser.
	 * Its score gets smaller but stays positive, so the neighbours
	 * behind are still seen as they were.
	 */
	for (i = 0; i < n; i++) {
		if (p[i].score > 0 && !(i >= 1 && p[i - 1].score > 0) &&
		    !(i >= 2 && p[i - 2].score > 0) &&
		    !(i + 1 < n && p[i + 1].score > 0) &&
		    !(i + 2 < n && p[i + 2].score > 0))
			p[i].iso = 1;
		if (p[i].iso)
			p[i].score *= W_ISOLATED;
	}
}

/*
 * The seed: the run of positive paragraphs, stepping over up to two
 * light ones (headings), with the largest sum.  Returns the sum.
 */
static double
seed(struct strip *st, size_t *s0, size_t *s1)
{
	size_t	i = 0, j, last, light;
	double	tot, best = 0;

	*s0 = 1;
	*s1 = 0;
	while (i < st->n) {
		if (st->p[i].score <= 0) {
			i++;
			continue;
		}
		for (j = i, tot = 0, last = i, light = 0; j < st->n &&
		    !st->p[j].stop; j++) {
			if (st->p[j].score > 0) {
				tot += st->p[j].score;
				last = j;
				light = 0;
			} else if (st->p[j].score > -LIGHT &&
			    st->p[j].f.words <= LIGHTWORDS && light < 2)
				light++;
			else
				break;
		}
		if (tot > best) {
			best = tot;
			*s0 = i;
			*s1 = last;
		}
		i = last + 1;
	}
	return best;
}

/* Grow [*a, *b] while what it takes in adds up to more than nothing. */
static void
grow(struct strip *st, size_t *a, size_t *b)
{
	double	acc, best;
	size_t	k;

	for (acc = best = 0, k = *a; k-- > 0 && !st->p[k].stop; ) {
		acc += st->p[k].score;
		if (acc > best) {
			best = acc;
			*a = k;
		}
	}
	for (acc = best = 0, k = *b + 1; k < st->n && !st->p[k].stop; k++) {
		acc += st->p[k].score;
		if (acc > best) {
			best = acc;
			*b = k;
		}
	}
}

static int
keep(const struct para *p, long dom)
{
	unsigned f = p->f.flags;

	if (p->f.words == 0 || p->dup || p->xdoc || p->caption || p->boiler)
		return 0;
	if (f & (F_COMMENTS | F_CHROME | F_SECTION |
	    F_HARD | F_CREDIT | F_CAPTION))
		return 0;
	if ((f & F_DATE) && !(f & F_END))
		return 0;
	if ((long)p->f.indent != dom && !(f & F_BULLET) && p->score <= 0)
		return 0;
	return 1;
}

/* What squash() keeps of each byte: letters in lower case, digits. */
static char	squashed[256];

/* ASCII letters and digits of s, the letters in lower case, for titles. */
static void
squash(struct wire_buf *b, const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;
	char			*p, c;

	if (squashed['a'] == 0)
		for (i = 0; i < 256; i++)
			squashed[i] = (char)((i >= 'a' && i <= 'z') ||
			    (i >= '0' && i <= '9') ? i : i >= 'A' && i <= 'Z' ?
			    i + 32 : 0);
	b->len = 0;
	wire_buf_grow(b, len + 1);
	/* Without a branch: each byte is stored, and kept or not. */
	for (p = b->p, i = 0; i < len; i++) {
		c = squashed[u[i]];
		*p = c;
		p += c != 0;
	}
	*p = '\0';
	b->len = (size_t)(p - b->p);
}

/* What the paragraphs outside the body are. */
static void
outside(struct strip *st, size_t a, size_t b)
{
	struct para	*p;
	struct wire_buf		*t = &st->sq[0], *u = &st->sq[1];
	const char		*s;
	size_t			 i, title = SIZE_MAX;
	unsigned		 f;

	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		if (p->cls != CL_NONE)
			continue;
		s = st->base + p->off;
		f = p->f.flags;
		if (p->caption || (f & (F_CAPTION)))
			p->cls = CL_CAPTION;
		else if ((f & (F_CHROME | F_SECTION |
		    F_COMMENTS | F_HARD)) || p->xdoc)
			p->cls = CL_CHROME;
		else if ((f & F_DATE) && i < a)
			p->cls = CL_DATE;
		else if (is_credit(s, p->len, p->f.words))
			p->cls = CL_CREDIT;
		else if (is_byline(s, p->len, p->f.words, i > b))
			p->cls = CL_BYLINE;
		else if (f & F_CREDIT)
			p->cls = CL_CAPTION;
		else if (i < a && p->f.words >= 3 && p->f.words <= TITLEWORDS &&
		    !(f & (F_END | F_CHROME | F_SECTION |
		    F_HARD | F_BULLET | F_COMMENTS)) &&
		    p->f.pipes == 0)
			title = i;	/* the last such line before the body */
		if (p->cls == CL_NONE)
			p->cls = CL_CHROME;
	}
	if (title == SIZE_MAX)
		return;
	st->p[title].cls = CL_TITLE;
	st->title = title;
	/* The headline again, at the top or the end, is the title too. */
	squash(t, st->base + st->p[title].off, st->p[title].len);
	if (t->len == 0)
		return;
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		/* Too short to hold half the title, even before squashing. */
		if (p->cls != CL_CHROME || p->len < t->len / 2)
			continue;
		squash(u, st->base + p->off, p->len);
		if (u->len >= t->len / 2 && t->len > 0 &&
		    (strstr(u->p, t->p) != NULL || strstr(t->p, u->p) != NULL))
			p->cls = CL_TITLE;
	}
}

/*
 * What the markup says: page furniture is never the body, a block
 * mostly of link text is a menu, and text in the article's own
 * container is more likely the body.
 */
static void
markup(struct para *p, const struct hint *h)
{
	double	n = p->f.words, d = 0;

	if (h->boiler) {
		p->sfit = p->sother = -n - 5;
		p->boiler = 1;
		return;
	}
	if (h->links >= H_LINKS) {
		d -= n * h->links * W_LINKS;
		p->boiler = 1;		/* a menu: never body */
	}
	if (h->good)
		d += W_GOOD;
	else if (h->outside)
		d -= W_OUTSIDE * n;
	p->sfit += d;
	p->sother += d;
	/*
	 * In the article's container a line that is not prose (a caption,
	 * a credit, "Image 2 of 5") costs little to step over: the body
	 * goes on after it.  It stays out of the body on its own account.
	 */
	if (h->good) {
		p->sfit = p->sfit > -W_INGOOD ? p->sfit : -W_INGOOD;
		p->sother = p->sother > -W_INGOOD ? p->sother : -W_INGOOD;
	}
}

void
strip(struct strip *st, const char *s, size_t len)
{
	struct para	*p;
	struct wordhashes	 wh;
	size_t			 i, j, k, a = 1, b = 0, s0, s1, used;
	size_t			 nc = 0, tried;
	size_t			 count[MAXIND];
	long			 dom = 0, cand[MAXIND], ind, last = LONG_MIN;
	double			 best = -1, tot, base;
	int			 zone = 0;

	st->n = 0;
	st->title = SIZE_MAX;
	st->meta_date = st->meta_credit = SIZE_MAX;
	st->meta_datelen = st->meta_creditlen = 0;
	paragraphs(st, s, len);
	/* One hint a paragraph, or none: a block is a paragraph. */
	if (st->hint != NULL && st->nhint != st->n)
		st->hint = NULL;
	for (i = 0, used = 0; i < st->n; i++) {
		p = &st->p[i];
		/* Room for its words, and for repeated() to read 3 past. */
		st->h = wire_grow(st->h, &st->hcap, used + SAMPLE + 4,
		    sizeof(*st->h));
		wh.h = st->h + used;
		inline_metadata(st, p);
		line_features(&p->f, &wh, st->base + p->off, p->len);
		if (st->hint != NULL && st->hint[i].li)
			p->f.flags |= F_BULLET;
		if (st->hint != NULL && st->hint[i].caption)
			p->caption = 1;
		/* A "©" in a caption, or in the article's container, is a
		 * picture's credit, not the end of the article. */
		if (st->hint != NULL && (st->hint[i].caption || st->hint[i].good))
			p->f.flags &= ~F_STOP;
		p->h0 = used;
		p->nh = wh.n;
		used += wh.n;
		/* Measured with its indentation; kept without. */
		while (p->len > 0 && (st->base[p->off] == ' ' ||
		    st->base[p->off] == '\t')) {
			p->off++;
			p->len--;
		}
		while (p->len > 0 && (st->base[p->off + p->len - 1] == ' ' ||
		    st->base[p->off + p->len - 1] == '\t'))
			p->len--;
		p->dateline = p->f.words >= DATELINEWORDS &&
		    dateline(st->base + p->off, p->len);
		if (st->xdoc != NULL && p->f.words > 0 && p->f.words <= SHORTLINE &&
		    !(p->f.flags & F_END))
			p->xdoc = xdoc_count(st->xdoc, st->base + p->off,
			    p->len) >= XDOC;
	}
	/* Text said before: a caption twice, an article copied. */
	mark_repeats(st);
	/*
	 * A comment section starts at its heading when comments follow it;
	 * a caption is the line before a credit of its own.
	 */
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		p->stop = (p->f.flags & F_STOP) != 0;
		if (p->f.flags & F_COMMENTS)
			for (k = i + 1; k < st->n && k <= i + COMMENTGAP; k++)
				if (st->p[k].f.flags & F_CSTRUCT)
					p->stop = zone = 1;
		p->zone = zone;
		if ((p->f.flags & F_CREDIT) && p->f.words <= CREDITWORDS && i > 0 &&
		    st->p[i - 1].f.words <= CAPTIONWORDS &&
		    !(st->p[i - 1].f.flags & F_CREDIT))
			st->p[i - 1].caption = 1;
	}
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		base = score_base(p);
		p->sfit = score(p, base, 0);
		p->sother = score(p, base, 1);
		if (st->hint != NULL)
			markup(p, &st->hint[i]);
	}
	/*
	 * The body's indentation: of the CANDIDATES indentations most long
	 * lines have, the one whose best run, with the others penalised, is
	 * the strongest.
	 */
	for (i = 0; i < st->n; i++) {
		if (st->p[i].f.words < LONGLINE || (st->p[i].f.flags & F_BULLET))
			continue;
		ind = (long)st->p[i].f.indent;
		for (k = 0; k < nc && cand[k] != ind; k++)
			;
		if (k == nc) {
			if (nc == MAXIND)
				continue;
			cand[nc] = ind;
			count[nc++] = 0;
		}
		count[k]++;
	}
	for (tried = 0; tried < CANDIDATES && tried < nc; tried++) {
		for (k = 0, j = 0; k < nc; k++)
			if (count[k] > count[j])
				j = k;
		count[j] = 0;
		scores(st, cand[j]);
		last = cand[j];
		if ((tot = seed(st, &s0, &s1)) > best) {
			best = tot;
			dom = cand[j];
			a = s0;
			b = s1;
		}
	}
	/* The scores for dom, unless they are the last ones tried. */
	if (last != dom) {
		scores(st, dom);
		seed(st, &a, &b);
	}
	if (a <= b)
		grow(st, &a, &b);
	/* The body starts at prose, and ends at prose or a list item. */
	while (a <= b && !(st->p[a].score > 0 && st->p[a].f.words >=
	    FIRSTWORDS && ((st->p[a].f.flags & F_END) || (st->hint != NULL &&
	    st->hint[a].good && st->p[a].f.words >= LONGLINE))))
		a++;
	while (b >= a && b < st->n && !(st->p[b].score > 0 &&
	    (st->p[b].f.flags & (F_END | F_BULLET)) &&
	    st->p[b].f.words >= TAILWORDS)) {
		if (b == 0) {
			a = 1;
			break;
		}
		b--;
	}
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		p->cls = CL_NONE;
		if (i >= a && i <= b && keep(p, dom))
			p->cls = p->f.words <= SHORTLINE && !(p->f.flags &
			    (F_END | F_BULLET)) ? CL_HEADING :
			    CL_BODY;
	}
	outside(st, a <= b ? a : st->n, a <= b ? b : st->n);
}

void
strip_free(struct strip *st)
{
	free(st->p);
	free(st->seen);
	free(st->h);
	free(st->loff);
	free(st->lend);
	wire_buf_free(&st->text);
	wire_buf_free(&st->sq[0]);
	wire_buf_free(&st->sq[1]);
	memset(st, 0, sizeof(*st));
}

