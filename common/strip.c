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

#include "wire.h"

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

const char *const wire_class_names[] = {
	"body", "heading", "title", "byline", "date", "credit", "caption",
	"chrome"
};

/*
 * The shingles of a paragraph, for repetition: of each four words in a
 * row, the XOR of their hashes, turned by 48, 32, 16 and 0 bits, so
 * that the next one is this one turned by 16, less the word that
 * leaves, plus the word that comes.
 */
static inline uint64_t
rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/*
 * The shingles of the article so far: a hash set whose slots carry the
 * stamp of the paragraph that added them.  Stamps only grow, and those
 * below the article's first (gen) are free slots, so that a new article
 * needs no clearing of the table.  An article uses only the first
 * st->acap slots, eight to sixteen for each of its shingles: a small
 * article finds its slots in the cache, where the last one left them,
 * and the table never fills.
 */
struct wire_shingle {
	uint32_t	h;	/* the high half of the hash (the low bits */
	uint32_t	stamp;	/* pick the slot) */
};

/*
 * How many of the nsh shingles of a paragraph, from its word hashes w,
 * an earlier paragraph of the article had.  One that no paragraph had is
 * added as the paragraph's: a shingle said twice in one paragraph is
 * not text said before.  The table's numbers are taken out of st first,
 * as a store into a slot could otherwise change them.
 */
static size_t
repeated(struct wire_strip *st, const uint64_t *w, size_t nsh)
{
	struct wire_shingle	*t = st->seen;
	size_t			 i, k, dup = 0, mask = st->acap - 1;
	uint32_t		 gen = st->gen, stamp = st->stamp, hi;
	uint64_t		 h;

	if (nsh == 0)
		return 0;
	/* The last turn reads past the paragraph's hashes: st->h has room. */
	for (k = 0, h = rotl(w[0], 48) ^ rotl(w[1], 32) ^ rotl(w[2], 16) ^
	    w[3]; k < nsh; k++, h = rotl(h, 16) ^ w[k - 1] ^ w[k + 3]) {
		hi = (uint32_t)(h >> 32);
		for (i = h & mask; ; i = (i + 1) & mask) {
			if (t[i].stamp < gen) {		/* a free slot */
				t[i].h = hi;
				t[i].stamp = stamp;
				break;
			}
			if (t[i].h == hi) {
				dup += t[i].stamp != stamp;
				break;
			}
		}
	}
	return dup;
}

/*
 * A new article of n shingles: stamps for its paragraphs, and slots.
 * When the stamps would run out, the table is cleared and they start
 * again.
 */
static void
seen_article(struct wire_strip *st, size_t n)
{
	size_t	cap;

	if (UINT32_MAX - st->stamp <= st->n + 1) {
		if (st->seen != NULL)
			memset(st->seen, 0, st->seencap * sizeof(*st->seen));
		st->stamp = 0;
	}
	st->gen = st->stamp + 1;
	for (cap = 256; cap <= 8 * n; cap *= 2)
		;
	if (cap > st->seencap) {
		free(st->seen);
		if ((st->seen = calloc(cap, sizeof(*st->seen))) == NULL)
			wire_nomem();
		st->seencap = cap;
	}
	st->acap = cap;
}

static struct wire_para *
new_para(struct wire_strip *st, size_t off, size_t len, size_t line0,
    size_t line1)
{
	struct wire_para *p;

	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 64;
		st->p = wire_xrealloc(st->p, st->cap, sizeof(*st->p));
	}
	p = &st->p[st->n++];
	/*
	 * Each field but the features (wire_line_features() sets them all),
	 * one by one: a memset() or a compound literal of the whole is a
	 * string instruction, slow to start and paid for every line.  A new
	 * field of struct wire_para needs its line here.
	 */
	p->off = off;
	p->len = len;
	p->line0 = line0;
	p->line1 = line1;
	p->h0 = p->nh = 0;
	p->sfit = p->sother = p->score = 0;
	p->cls = 0;
	p->dup = p->xdoc = p->caption = p->stop = p->zone = p->dateline =
	    p->iso = 0;
	return p;
}

/* Code points in s, without counting more than max. */
static size_t
width(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * Split the text into lines and the lines into paragraphs.  A block of
 * lines without blank lines between them is one paragraph when it is
 * text hard-wrapped at a fixed width: short lines, broken in mid
 * sentence; otherwise each of its lines is a paragraph.
 */
static void
paragraphs(struct wire_strip *st, const char *s, size_t len)
{
	const char	*q;
	size_t		 i, j, e, b0, nl, ln, k, maxw, minw, mid, nlines = 0;
	size_t		*off, *end;

	/*
	 * The text: the article itself, where a paragraph of one line
	 * stays, and only when it has wrapped text a copy of it with their
	 * lines joined after it.
	 */
	st->text.len = 0;
	for (i = 0; i < len; i = e + 1) {
		q = memchr(s + i, '\n', len - i);
		e = q ? (size_t)(q - s) : len;
		if (nlines == st->lcap) {
			st->lcap = st->lcap ? st->lcap * 2 : 256;
			st->loff = wire_xrealloc(st->loff, st->lcap,
			    sizeof(*st->loff));
			st->lend = wire_xrealloc(st->lend, st->lcap,
			    sizeof(*st->lend));
		}
		st->loff[nlines] = i;
		st->lend[nlines] = e > i && s[e - 1] == '\r' ? e - 1 : e;
		nlines++;
	}
	off = st->loff;
	end = st->lend;
	st->nlines = nlines;
	for (ln = 0; ln < nlines; ln = b0 + nl) {
		for (b0 = ln; b0 < nlines; b0++) {
			for (j = off[b0]; j < end[b0] && (s[j] == ' ' ||
			    s[j] == '\t' || s[j] == '\f'); j++)
				;
			if (j < end[b0])
				break;
		}
		for (nl = 0; b0 + nl < nlines; nl++) {
			for (j = off[b0 + nl]; j < end[b0 + nl] &&
			    (s[j] == ' ' || s[j] == '\t' || s[j] == '\f'); j++)
				;
			if (j == end[b0 + nl])
				break;
		}
		if (nl == 0)
			break;
		for (k = maxw = mid = 0, minw = SIZE_MAX; nl >= 2 && k < nl; k++) {
			size_t w = width(s + off[b0 + k], end[b0 + k] -
			    off[b0 + k]), a = end[b0 + k];

			maxw = w > maxw ? w : maxw;
			if (k + 1 < nl && w < minw)
				minw = w;
			if (k + 1 < nl && a > off[b0 + k] && s[a - 1] != '.' &&
			    s[a - 1] != '!' && s[a - 1] != '?' && s[a - 1] != ':' &&
			    s[a - 1] != '"' && s[a - 1] != '\'')
				mid++;
		}
		/*
		 * Wrapped text: lines of about one width (all but the last),
		 * most of them broken in mid sentence.
		 */
		if (nl >= 2 && maxw >= 40 && maxw <= 100 && minw * 5 >= maxw * 3 &&
		    mid * 2 >= nl - 1) {
			/* Hard-wrapped: one paragraph, lines joined by spaces. */
			size_t o;

			if (st->text.len == 0)
				wire_buf_add(&st->text, s, len);
			o = st->text.len;

			for (k = 0; k < nl; k++) {
				const char *a = s + off[b0 + k];
				size_t l = end[b0 + k] - off[b0 + k];

				if (k > 0) {
					while (l > 0 && (*a == ' ' || *a == '\t')) {
						a++;
						l--;
					}
					wire_buf_addc(&st->text, ' ');
				}
				wire_buf_add(&st->text, a, l);
			}
			new_para(st, o, st->text.len - o, b0 + 1, b0 + nl);
			continue;
		}
		for (k = 0; k < nl; k++)
			new_para(st, off[b0 + k], end[b0 + k] - off[b0 + k],
			    b0 + k + 1, b0 + k + 1);
	}
	st->base = st->text.len > 0 ? st->text.p : s;
}

/*
 * Metadata inside a paragraph: a "date 2025-12-16" token that opens it
 * and a "(Reuters)" credit that closes it come off the text.
 */
static void
inline_metadata(struct wire_strip *st, struct wire_para *p)
{
	static const char *const agencies[] = { "(Reuters)", "(AP)", "(AFP)",
	    "(UPI)", "(dpa)", "(Bloomberg)", "(PA)", "(ANI)", "(IANS)", NULL };
	const char *t = st->base + p->off;
	size_t	 i, n, l = p->len;

	for (i = 0; i < l && (t[i] == ' ' || t[i] == '\t'); i++)
		;
	if (l - i > 16 && memcmp(t + i, "date ", 5) == 0 &&
	    t[i + 9] == '-' && t[i + 12] == '-' && t[i + 15] == ' ') {
		st->meta_date = p->off + i + 5;
		st->meta_datelen = 10;
		p->off += i + 16;
		p->len -= i + 16;
		t = st->base + p->off;
		l = p->len;
	}
	while (l > 0 && (t[l - 1] == ' ' || t[l - 1] == '\t'))
		l--;
	if (l == 0 || t[l - 1] != ')')
		return;
	for (i = 0; agencies[i] != NULL; i++) {
		n = strlen(agencies[i]);
		if (l > n + 1 && memcmp(t + l - n, agencies[i], n) == 0 &&
		    (t[l - n - 1] == ' ' || t[l - n - 1] == '\t')) {
			st->meta_credit = p->off + l - n + 1;
			st->meta_creditlen = n - 2;
			for (l -= n; l > 0 && (t[l - 1] == ' ' || t[l - 1] == '\t');
			    l--)
				;
			p->len = l;
			return;
		}
	}
}

/* A wire dateline: "ST. JOSEPH, Mich. (AP) — ...", "BERLIN - ...". */
static int
dateline(const char *s, size_t len)
{
	size_t	i, caps = 0;

	/* A dateline opens with a place in capitals: "BERLIN", "ST. PAUL". */
	if (len < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
		return 0;
	for (i = 0; i < len && i < 60; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		if ((s[i] == '-' && i + 1 < len && s[i + 1] == ' ') ||
		    ((unsigned char)s[i] == 0xe2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x94 ||
		    (unsigned char)s[i + 2] == 0x93)))
			return caps >= 3 && i > 2 && s[i - 1] == ' ';
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' &&
		    s[i] <= 'z') || s[i] == ' ' || s[i] == '.' || s[i] == ',' ||
		    s[i] == '/' || s[i] == '(' || s[i] == ')' || s[i] == '\''))
			return 0;
	}
	return 0;
}

/* How the paragraph looks: the score before what follows from where. */
static double
score_base(const struct wire_para *p)
{
	const struct wire_feat *f = &p->f;
	double	 n = f->words, s, sd, tc;

	if (f->words == 0)
		return -1;
	sd = (double)f->stops / (double)f->sample;
	tc = f->content ? (double)f->capitals / (double)f->content : 0;
	s = (n < 60 ? n : 60) * (sd - W_STOPBASE) * W_PERWORD;
	if (f->flags & WIRE_F_END)
		s += W_END;
	else if (f->words >= 8)
		s -= W_NOEND;
	if (tc > W_TITLECASE && !(f->flags & WIRE_F_END) && f->words > 2)
		s -= n * tc;
	s -= W_GLUE * f->glue;
	if (f->flags & WIRE_F_SGLUE)
		s -= n;
	if (p->dateline)
		s += W_DATELINE;
	if (f->flags & WIRE_F_DATE)
		s -= W_DATE;
	if (f->flags & WIRE_F_CHROME)
		s -= W_CHROME;
	if (f->flags & (WIRE_F_COMMENTS | WIRE_F_SECTION))
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
score(const struct wire_para *p, double s, int other)
{
	const struct wire_feat *f = &p->f;
	double	 n = f->words;

	if (f->words == 0)
		return -1;
	if (other)
		s -= W_INDENT + n * W_INDENTWORD;
	if (f->flags & WIRE_F_BULLET)
		s -= W_BULLET;
	if (p->dup || p->xdoc)
		s = -n - 5;
	if ((f->flags & WIRE_F_HARD) &&
	    !(f->flags & (WIRE_F_COMMENTS | WIRE_F_SECTION)))
		s -= W_HARD;
	if (p->caption || (f->flags & (WIRE_F_CREDIT | WIRE_F_CAPTION)))
		s = s < -n - 2 ? s : -n - 2;
	if (p->zone && s > -1 - n * W_ZONE)
		s = -1 - n * W_ZONE;
	return s;
}

static void
scores(struct wire_strip *st, long dom)
{
	struct wire_para	*p = st->p;
	size_t			 i, n = st->n;

	for (i = 0; i < n; i++)
		p[i].score = dom >= 0 && !(p[i].f.flags & WIRE_F_BULLET) &&
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
seed(struct wire_strip *st, size_t *s0, size_t *s1)
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
grow(struct wire_strip *st, size_t *a, size_t *b)
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
keep(const struct wire_para *p, long dom)
{
	unsigned f = p->f.flags;

	if (p->f.words == 0 || p->dup || p->xdoc || p->caption)
		return 0;
	if (f & (WIRE_F_COMMENTS | WIRE_F_CHROME | WIRE_F_SECTION |
	    WIRE_F_HARD | WIRE_F_CREDIT | WIRE_F_CAPTION))
		return 0;
	if ((f & WIRE_F_DATE) && !(f & WIRE_F_END))
		return 0;
	if ((long)p->f.indent != dom && !(f & WIRE_F_BULLET) && p->score <= 0)
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
outside(struct wire_strip *st, size_t a, size_t b)
{
	struct wire_para	*p;
	struct wire_buf		*t = &st->sq[0], *u = &st->sq[1];
	const char		*s;
	size_t			 i, title = SIZE_MAX;
	unsigned		 f;

	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		if (p->cls != WIRE_CL_NONE)
			continue;
		s = st->base + p->off;
		f = p->f.flags;
		if (p->caption || (f & (WIRE_F_CAPTION)))
			p->cls = WIRE_CL_CAPTION;
		else if ((f & (WIRE_F_CHROME | WIRE_F_SECTION |
		    WIRE_F_COMMENTS | WIRE_F_HARD)) || p->xdoc)
			p->cls = WIRE_CL_CHROME;
		else if ((f & WIRE_F_DATE) && i < a)
			p->cls = WIRE_CL_DATE;
		else if (wire_is_credit(s, p->len, p->f.words))
			p->cls = WIRE_CL_CREDIT;
		else if (wire_is_byline(s, p->len, p->f.words, i > b))
			p->cls = WIRE_CL_BYLINE;
		else if (f & WIRE_F_CREDIT)
			p->cls = WIRE_CL_CAPTION;
		else if (i < a && p->f.words >= 3 && p->f.words <= 25 &&
		    !(f & (WIRE_F_END | WIRE_F_CHROME | WIRE_F_SECTION |
		    WIRE_F_HARD | WIRE_F_BULLET | WIRE_F_COMMENTS)) &&
		    p->f.pipes == 0)
			title = i;	/* the last such line before the body */
		if (p->cls == WIRE_CL_NONE)
			p->cls = WIRE_CL_CHROME;
	}
	if (title == SIZE_MAX)
		return;
	st->p[title].cls = WIRE_CL_TITLE;
	st->title = title;
	/* The headline again, at the top or the end, is the title too. */
	squash(t, st->base + st->p[title].off, st->p[title].len);
	if (t->len == 0)
		return;
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		/* Too short to hold half the title, even before squashing. */
		if (p->cls != WIRE_CL_CHROME || p->len < t->len / 2)
			continue;
		squash(u, st->base + p->off, p->len);
		if (u->len >= t->len / 2 && t->len > 0 &&
		    (strstr(u->p, t->p) != NULL || strstr(t->p, u->p) != NULL))
			p->cls = WIRE_CL_TITLE;
	}
}

void
wire_strip(struct wire_strip *st, const char *s, size_t len)
{
	struct wire_para	*p;
	struct wire_wordhashes	 wh;
	size_t			 i, j, k, nsh, all = 0, a = 1, b = 0, s0, s1;
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
	if (st->hcap < st->n * WIRE_FEAT_HASHES + 4) {
		free(st->h);
		st->hcap = st->n * WIRE_FEAT_HASHES + 4;
		st->h = wire_xrealloc(NULL, st->hcap, sizeof(*st->h));
	}
	for (i = 0, wh.h = st->h; i < st->n; i++) {
		p = &st->p[i];
		inline_metadata(st, p);
		wire_line_features(&p->f, &wh, st->base + p->off, p->len);
		p->h0 = (size_t)(wh.h - st->h);
		p->nh = wh.n;
		wh.h += wh.n;
		all += wh.n < 4 ? 0 : wh.n - 3;
		/* Measured with its indentation; kept without. */
		while (p->len > 0 && (st->base[p->off] == ' ' ||
		    st->base[p->off] == '\t')) {
			p->off++;
			p->len--;
		}
		while (p->len > 0 && (st->base[p->off + p->len - 1] == ' ' ||
		    st->base[p->off + p->len - 1] == '\t'))
			p->len--;
		p->dateline = p->f.words >= 10 &&
		    dateline(st->base + p->off, p->len);
		if (st->xdoc != NULL && p->f.words > 0 && p->f.words <= 12 &&
		    !(p->f.flags & WIRE_F_END))
			p->xdoc = wire_xdoc_count(st->xdoc, st->base + p->off,
			    p->len) >= XDOC;
	}
	/* Text said before: a caption twice, an article copied. */
	seen_article(st, all);
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		nsh = p->nh < 4 ? 0 : p->nh - 3;
		st->stamp++;
		p->dup = nsh > 0 && repeated(st, st->h + p->h0, nsh) * 2 >= nsh;
	}
	/*
	 * A comment section starts at its heading when comments follow it;
	 * a caption is the line before a credit of its own.
	 */
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		p->stop = (p->f.flags & WIRE_F_STOP) != 0;
		if (p->f.flags & WIRE_F_COMMENTS)
			for (k = i + 1; k < st->n && k <= i + 7; k++)
				if (st->p[k].f.flags & WIRE_F_CSTRUCT)
					p->stop = zone = 1;
		p->zone = zone;
		if ((p->f.flags & WIRE_F_CREDIT) && p->f.words <= 6 && i > 0 &&
		    st->p[i - 1].f.words <= 45 &&
		    !(st->p[i - 1].f.flags & WIRE_F_CREDIT))
			st->p[i - 1].caption = 1;
	}
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		base = score_base(p);
		p->sfit = score(p, base, 0);
		p->sother = score(p, base, 1);
	}
	/*
	 * The body's indentation: of the CANDIDATES indentations most long
	 * lines have, the one whose best run, with the others penalised, is
	 * the strongest.
	 */
	for (i = 0; i < st->n; i++) {
		if (st->p[i].f.words < 8 || (st->p[i].f.flags & WIRE_F_BULLET))
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
	while (a <= b && !(st->p[a].score > 0 &&
	    (st->p[a].f.flags & WIRE_F_END) && st->p[a].f.words >= FIRSTWORDS))
		a++;
	while (b >= a && b < st->n && !(st->p[b].score > 0 &&
	    (st->p[b].f.flags & (WIRE_F_END | WIRE_F_BULLET)) &&
	    st->p[b].f.words >= TAILWORDS)) {
		if (b == 0) {
			a = 1;
			break;
		}
		b--;
	}
	for (i = 0; i < st->n; i++) {
		p = &st->p[i];
		p->cls = WIRE_CL_NONE;
		if (i >= a && i <= b && keep(p, dom))
			p->cls = p->f.words <= 12 && !(p->f.flags &
			    (WIRE_F_END | WIRE_F_BULLET)) ? WIRE_CL_HEADING :
			    WIRE_CL_BODY;
	}
	outside(st, a <= b ? a : st->n, a <= b ? b : st->n);
}

void
wire_strip_free(struct wire_strip *st)
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
