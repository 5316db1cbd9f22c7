/*
 * quote.c: direct quotations and who said them.
 *
 * A document is read a paragraph at a time.  Quotation marks are classed
 * by what stands on either side of them and then paired; marks of the
 * other kind inside a quotation are nested quotes and stay in it.  A
 * quotation still open at the end of its paragraph runs on only when the
 * next paragraph opens with a mark of the same kind (the convention for
 * a quotation of several paragraphs); otherwise its opening mark is
 * taken back and the paragraph read again without it, so one stray mark
 * costs at most its own paragraph.
 *
 * The text outside the quotations is cut into words and sentences, and
 * each quotation gets its speaker from the closest pattern that fits: a
 * verb of saying right after it ("...," X said; "...," said X), before it
 * in its sentence (X told reporters: "..."), in the next sentence, the
 * last speaker of its paragraph, and, for a quotation that opens a
 * paragraph, the last speaker of the paragraph before; a paragraph after
 * one ending "X wrote:" is X's.  A pronoun stands for the most recent
 * speaker it can refer to; a name given in full once is given in full
 * every time.  Nothing here needs more than a look at
 * the neighbouring words, so the work is linear in the text.
 */
#include <stdlib.h>
#include <string.h>

#include "wire.h"

#define NOSTR	((size_t)-1)
#define NPMAX	12	/* words in a speaker's noun phrase */
#define NAMEMAX	160	/* bytes in a speaker's name: longer is no name */
#define HIST	32	/* recent speakers kept for pronouns */
#define NAMES	512	/* full names kept per document */
#define CUEMAX	40	/* words from a quotation to its verb of saying */
#define LOOKBACK 400	/* words looked back over at most: a bound for */
			/* sentences of pathological length */

/* Lexical classes of words, looked up in lower case. */
#define L_CUE	0x00001	/* a verb of saying */
#define L_INV	0x00002	/* ... that may stand before its subject */
#define L_DET	0x00004	/* the, a, his */
#define L_QUANT	0x00008	/* one, another, some */
#define L_PRON	0x00010	/* a personal pronoun */
#define L_PREP	0x00020
#define L_CONJ	0x00040	/* and, but, or */
#define L_SUB	0x00080	/* that, because, while */
#define L_REL	0x00100	/* who, which */
#define L_ADV	0x00200	/* may stand between a subject and its verb */
#define L_TITLE	0x00400	/* President, Minister, Sen. */
#define L_HON	0x00800	/* Mr, Mrs, Ms */
#define L_MASC	0x01000
#define L_FEM	0x02000
#define L_PLUR	0x04000	/* they */
#define L_POST	0x08000	/* an adjective after its noun: familiar */
#define L_ORG	0x10000	/* a body, not a person */
#define L_ABBR	0x20000	/* its period ends no sentence */
#define L_ELIDE	0x40000	/* 'em, 'til: an apostrophe before it */
#define L_SRC	0x80000	/* a common noun for a source: official */
#define L_INDEF	0x100000 /* a, an, one, another */
#define L_LOWT	0x200000 /* a small word inside a title: of, the */
#define L_BE	0x400000 /* a form of "be": a passive before a participle */
#define L_TIME	0x800000 /* a day or a month */
#define L_SPN	0x1000000 /* a noun for what is said: report, headline */

static const struct lexent {
	const char	*w;
	uint32_t	 f;
} lexicon[] = {
	/* Verbs of saying; those that also come first ("said X") too. */
	{ "say", L_CUE }, { "says", L_CUE | L_INV }, { "said", L_CUE | L_INV },
	{ "saying", L_CUE }, { "tell", L_CUE }, { "tells", L_CUE },
	{ "told", L_CUE }, { "telling", L_CUE }, { "add", L_CUE },
	{ "adds", L_CUE | L_INV }, { "added", L_CUE | L_INV },
	{ "adding", L_CUE }, { "ask", L_CUE }, { "asks", L_CUE | L_INV },
	{ "asked", L_CUE | L_INV }, { "asking", L_CUE },
	{ "write", L_CUE }, { "writes", L_CUE | L_INV },
	{ "wrote", L_CUE | L_INV }, { "writing", L_CUE },
	{ "tweeted", L_CUE | L_INV }, { "tweets", L_CUE },
	{ "tweeting", L_CUE }, { "posted", L_CUE },
	{ "explained", L_CUE | L_INV }, { "explains", L_CUE | L_INV },
	{ "explaining", L_CUE }, { "noted", L_CUE | L_INV },
	{ "notes", L_CUE | L_INV }, { "noting", L_CUE },
	{ "continued", L_CUE | L_INV }, { "continues", L_CUE | L_INV },
	{ "replied", L_CUE | L_INV }, { "replies", L_CUE | L_INV },
	{ "responded", L_CUE | L_INV }, { "responds", L_CUE | L_INV },
	{ "answered", L_CUE | L_INV }, { "remarked", L_CUE | L_INV },
	{ "declared", L_CUE | L_INV }, { "declares", L_CUE | L_INV },
	{ "announced", L_CUE }, { "announces", L_CUE },
	{ "insisted", L_CUE | L_INV }, { "insists", L_CUE | L_INV },
	{ "insisting", L_CUE }, { "argued", L_CUE | L_INV },
	{ "argues", L_CUE | L_INV }, { "arguing", L_CUE },
	{ "warned", L_CUE | L_INV }, { "warns", L_CUE | L_INV },
	{ "warning", L_CUE }, { "claimed", L_CUE }, { "claims", L_CUE },
	{ "acknowledged", L_CUE | L_INV }, { "admitted", L_CUE | L_INV },
	{ "conceded", L_CUE | L_INV }, { "suggested", L_CUE | L_INV },
	{ "urged", L_CUE }, { "recalled", L_CUE | L_INV },
	{ "recalls", L_CUE | L_INV }, { "recalling", L_CUE },
	{ "observed", L_CUE | L_INV }, { "quipped", L_CUE | L_INV },
	{ "joked", L_CUE | L_INV }, { "boasted", L_CUE | L_INV },
	{ "complained", L_CUE | L_INV }, { "cautioned", L_CUE | L_INV },
	{ "emphasised", L_CUE | L_INV }, { "emphasized", L_CUE | L_INV },
	{ "stressed", L_CUE | L_INV }, { "underlined", L_CUE },
	{ "maintained", L_CUE }, { "predicted", L_CUE | L_INV },
	{ "promised", L_CUE }, { "pledged", L_CUE }, { "vowed", L_CUE },
	{ "countered", L_CUE | L_INV }, { "shouted", L_CUE | L_INV },
	{ "yelled", L_CUE | L_INV }, { "cried", L_CUE | L_INV },
	{ "concluded", L_CUE | L_INV }, { "described", L_CUE },
	{ "describes", L_CUE }, { "describing", L_CUE }, { "called", L_CUE },
	{ "calling", L_CUE }, { "dubbed", L_CUE }, { "labelled", L_CUE },
	{ "labeled", L_CUE }, { "branded", L_CUE }, { "termed", L_CUE },
	{ "labelling", L_CUE }, { "labeling", L_CUE }, { "dubbing", L_CUE },
	{ "branding", L_CUE }, { "terming", L_CUE },
	{ "reads", L_CUE | L_INV }, { "wondered", L_CUE | L_INV },
	{ "mused", L_CUE | L_INV }, { "commented", L_CUE | L_INV },
	{ "confirmed", L_CUE }, { "denied", L_CUE }, { "demanded", L_CUE },
	{ "testified", L_CUE }, { "texted", L_CUE }, { "emailed", L_CUE },
	{ "reiterated", L_CUE | L_INV }, { "repeated", L_CUE },
	{ "reported", L_CUE }, { "stated", L_CUE | L_INV },
	{ "retorted", L_CUE | L_INV }, { "exclaimed", L_CUE | L_INV },
	{ "asserted", L_CUE | L_INV }, { "mentioned", L_CUE },
	{ "according", L_CUE }, { "agreed", L_CUE | L_INV },
	{ "lamented", L_CUE | L_INV }, { "protested", L_CUE },
	{ "implored", L_CUE | L_INV }, { "pleaded", L_CUE | L_INV },
	{ "begged", L_CUE | L_INV }, { "confided", L_CUE | L_INV },
	{ "whispered", L_CUE | L_INV }, { "muttered", L_CUE | L_INV },
	{ "murmured", L_CUE | L_INV }, { "sighed", L_CUE | L_INV },
	{ "laughed", L_CUE | L_INV }, { "snapped", L_CUE | L_INV },
	{ "screamed", L_CUE | L_INV }, { "groaned", L_CUE | L_INV },
	{ "grumbled", L_CUE | L_INV }, { "confessed", L_CUE | L_INV },
	{ "bragged", L_CUE | L_INV }, { "gushed", L_CUE | L_INV },
	{ "enthused", L_CUE | L_INV }, { "elaborated", L_CUE | L_INV },
	{ "recounted", L_CUE | L_INV }, { "reflected", L_CUE | L_INV },
	{ "reasoned", L_CUE | L_INV }, { "speculated", L_CUE | L_INV },
	{ "ventured", L_CUE | L_INV }, { "volunteered", L_CUE | L_INV },
	{ "interjected", L_CUE | L_INV }, { "proclaimed", L_CUE | L_INV },
	{ "contended", L_CUE | L_INV }, { "affirmed", L_CUE | L_INV },
	{ "underscored", L_CUE }, { "expressed", L_CUE },
	{ "assured", L_CUE }, { "threatened", L_CUE }, { "advised", L_CUE },
	{ "thinks", L_CUE | L_INV }, { "believes", L_CUE | L_INV },
	{ "believed", L_CUE }, { "argue", L_CUE }, { "insist", L_CUE },
	{ "accused", L_CUE }, { "accuses", L_CUE }, { "accuse", L_CUE },
	/* The present of some above: "The papers suggest ...". */
	{ "suggest", L_CUE }, { "suggests", L_CUE }, { "warn", L_CUE },
	{ "predict", L_CUE }, { "predicts", L_CUE }, { "admit", L_CUE },
	{ "admits", L_CUE }, { "deny", L_CUE }, { "denies", L_CUE },
	{ "complain", L_CUE }, { "complains", L_CUE }, { "explain", L_CUE },
	{ "concede", L_CUE }, { "concedes", L_CUE }, { "urge", L_CUE },
	{ "urges", L_CUE }, { "acknowledge", L_CUE },
	{ "acknowledges", L_CUE },
	/* Verbs that frame a fragment: X blasted Y's "deportation force". */
	{ "signaled", L_CUE }, { "signalled", L_CUE }, { "blasted", L_CUE }, { "slammed", L_CUE }, { "criticised", L_CUE },
	{ "criticized", L_CUE }, { "praised", L_CUE }, { "hailed", L_CUE },
	{ "condemned", L_CUE }, { "dismissed", L_CUE }, { "mocked", L_CUE },
	{ "referred", L_CUE }, { "referring", L_CUE }, { "refers", L_CUE },
	/* Determiners and quantifiers. */
	{ "the", L_DET | L_LOWT }, { "a", L_DET | L_INDEF | L_LOWT },
	{ "an", L_DET | L_INDEF | L_LOWT }, { "this", L_DET },
	{ "these", L_DET }, { "those", L_DET }, { "his", L_DET | L_MASC },
	{ "her", L_DET | L_FEM }, { "their", L_DET }, { "its", L_DET },
	{ "our", L_DET }, { "my", L_DET }, { "your", L_DET },
	{ "one", L_QUANT | L_INDEF }, { "another", L_QUANT | L_INDEF },
	{ "some", L_QUANT }, { "two", L_QUANT }, { "three", L_QUANT },
	{ "several", L_QUANT }, { "many", L_QUANT }, { "most", L_QUANT },
	{ "both", L_QUANT }, { "each", L_QUANT }, { "none", L_QUANT },
	{ "other", L_QUANT }, { "others", L_QUANT },
	/* Pronouns. */
	{ "he", L_PRON | L_MASC }, { "she", L_PRON | L_FEM },
	{ "they", L_PRON | L_PLUR }, { "it", L_PRON | L_ORG },
	{ "i", L_PRON }, { "we", L_PRON }, { "you", L_PRON },
	/* Prepositions. */
	{ "in", L_PREP | L_LOWT }, { "on", L_PREP | L_LOWT },
	{ "at", L_PREP | L_LOWT }, { "to", L_PREP | L_LOWT },
	{ "for", L_PREP | L_LOWT }, { "with", L_PREP | L_LOWT },
	{ "from", L_PREP | L_LOWT }, { "by", L_PREP | L_LOWT },
	{ "about", L_PREP }, { "into", L_PREP }, { "during", L_PREP },
	{ "over", L_PREP }, { "under", L_PREP }, { "after", L_PREP | L_SUB },
	{ "before", L_PREP | L_SUB }, { "since", L_PREP | L_SUB },
	{ "through", L_PREP }, { "across", L_PREP }, { "against", L_PREP },
	{ "among", L_PREP }, { "between", L_PREP }, { "without", L_PREP },
	{ "within", L_PREP }, { "via", L_PREP }, { "of", L_PREP | L_LOWT },
	{ "like", L_PREP }, { "than", L_PREP }, { "despite", L_PREP },
	{ "amid", L_PREP }, { "following", L_PREP }, { "toward", L_PREP },
	{ "towards", L_PREP }, { "upon", L_PREP }, { "near", L_PREP },
	{ "per", L_PREP },
	/* Conjunctions, subordinators, relatives. */
	{ "and", L_CONJ | L_LOWT }, { "but", L_CONJ }, { "or", L_CONJ },
	{ "nor", L_CONJ }, { "yet", L_CONJ }, { "so", L_CONJ | L_SUB },
	{ "that", L_SUB }, { "because", L_SUB }, { "while", L_SUB },
	{ "when", L_SUB }, { "if", L_SUB }, { "although", L_SUB },
	{ "though", L_SUB }, { "whether", L_SUB }, { "where", L_SUB },
	{ "as", L_SUB }, { "unless", L_SUB }, { "until", L_SUB },
	{ "whereas", L_SUB }, { "than", L_SUB }, { "who", L_REL },
	{ "which", L_REL }, { "whom", L_REL }, { "whose", L_REL },
	/* What may stand between a subject and its verb. */
	{ "also", L_ADV }, { "later", L_ADV }, { "then", L_ADV },
	{ "earlier", L_ADV }, { "again", L_ADV }, { "once", L_ADV },
	{ "still", L_ADV }, { "further", L_ADV }, { "just", L_ADV },
	{ "first", L_ADV }, { "never", L_ADV }, { "not", L_ADV },
	{ "always", L_ADV }, { "often", L_ADV }, { "has", L_ADV },
	{ "have", L_ADV }, { "had", L_ADV }, { "was", L_ADV | L_BE },
	{ "is", L_ADV | L_BE }, { "were", L_ADV | L_BE },
	{ "are", L_ADV | L_BE }, { "been", L_BE }, { "be", L_BE },
	{ "being", L_BE },
	{ "will", L_ADV }, { "would", L_ADV }, { "could", L_ADV },
	{ "did", L_ADV }, { "does", L_ADV }, { "do", L_ADV },
	{ "may", L_ADV }, { "might", L_ADV }, { "must", L_ADV },
	{ "should", L_ADV }, { "can", L_ADV }, { "now", L_ADV },
	{ "even", L_ADV }, { "previously", L_ADV }, { "reportedly", L_ADV },
	{ "however", L_ADV }, { "meanwhile", L_ADV }, { "separately", L_ADV },
	{ "yesterday", L_ADV }, { "today", L_ADV }, { "instead", L_ADV },
	{ "indeed", L_ADV }, { "moreover", L_ADV }, { "afterwards", L_ADV },
	{ "afterward", L_ADV }, { "tonight", L_ADV }, { "too", L_ADV },
	/* Titles that stand before a name. */
	{ "president", L_TITLE }, { "chancellor", L_TITLE },
	{ "minister", L_TITLE }, { "prime", L_TITLE }, { "secretary", L_TITLE },
	{ "senator", L_TITLE }, { "sen.", L_TITLE | L_ABBR },
	{ "rep.", L_TITLE | L_ABBR }, { "representative", L_TITLE },
	{ "gov.", L_TITLE | L_ABBR }, { "governor", L_TITLE },
	{ "mayor", L_TITLE }, { "gen.", L_TITLE | L_ABBR },
	{ "general", L_TITLE }, { "dr.", L_TITLE | L_ABBR }, { "dr", L_TITLE },
	{ "prof.", L_TITLE | L_ABBR }, { "professor", L_TITLE },
	{ "judge", L_TITLE }, { "justice", L_TITLE }, { "chief", L_TITLE },
	{ "spokesman", L_TITLE | L_MASC | L_SRC },
	{ "spokeswoman", L_TITLE | L_FEM | L_SRC },
	{ "spokesperson", L_TITLE | L_SRC }, { "director", L_TITLE },
	{ "chairman", L_TITLE | L_MASC }, { "chairwoman", L_TITLE | L_FEM },
	{ "chair", L_TITLE }, { "ambassador", L_TITLE }, { "envoy", L_TITLE },
	{ "pope", L_TITLE | L_MASC }, { "king", L_TITLE | L_MASC },
	{ "queen", L_TITLE | L_FEM }, { "prince", L_TITLE | L_MASC },
	{ "princess", L_TITLE | L_FEM }, { "sheikh", L_TITLE | L_MASC },
	{ "emir", L_TITLE | L_MASC }, { "lord", L_TITLE | L_MASC },
	{ "lady", L_TITLE | L_FEM }, { "sir", L_TITLE | L_MASC },
	{ "dame", L_TITLE | L_FEM }, { "deputy", L_TITLE }, { "vice", L_TITLE },
	{ "foreign", L_TITLE }, { "defence", L_TITLE }, { "defense", L_TITLE },
	{ "finance", L_TITLE }, { "interior", L_TITLE }, { "home", L_TITLE },
	{ "health", L_TITLE }, { "commissioner", L_TITLE },
	{ "speaker", L_TITLE }, { "leader", L_TITLE }, { "premier", L_TITLE },
	{ "executive", L_TITLE }, { "ceo", L_TITLE }, { "officer", L_TITLE },
	{ "commander", L_TITLE }, { "colonel", L_TITLE },
	{ "col.", L_TITLE | L_ABBR }, { "captain", L_TITLE },
	{ "capt.", L_TITLE | L_ABBR }, { "lieutenant", L_TITLE },
	{ "lt.", L_TITLE | L_ABBR }, { "major", L_TITLE },
	{ "maj.", L_TITLE | L_ABBR }, { "sergeant", L_TITLE },
	{ "sgt.", L_TITLE | L_ABBR }, { "admiral", L_TITLE },
	{ "adm.", L_TITLE | L_ABBR }, { "rev.", L_TITLE | L_ABBR },
	{ "reverend", L_TITLE }, { "father", L_TITLE | L_MASC },
	{ "rabbi", L_TITLE }, { "imam", L_TITLE }, { "bishop", L_TITLE },
	{ "archbishop", L_TITLE }, { "cardinal", L_TITLE }, { "coach", L_TITLE },
	{ "manager", L_TITLE }, { "inspector", L_TITLE },
	{ "detective", L_TITLE }, { "attorney", L_TITLE },
	{ "solicitor", L_TITLE }, { "treasurer", L_TITLE },
	{ "councillor", L_TITLE }, { "councilman", L_TITLE | L_MASC },
	{ "councilwoman", L_TITLE | L_FEM },
	{ "congressman", L_TITLE | L_MASC },
	{ "congresswoman", L_TITLE | L_FEM }, { "delegate", L_TITLE },
	{ "adviser", L_TITLE }, { "advisor", L_TITLE }, { "head", L_TITLE },
	{ "founder", L_TITLE }, { "economist", L_TITLE },
	{ "analyst", L_TITLE }, { "president-elect", L_TITLE },
	{ "secretary-general", L_TITLE }, { "state", L_TITLE },
	{ "mr.", L_HON | L_ABBR | L_MASC }, { "mr", L_HON | L_MASC },
	{ "mrs.", L_HON | L_ABBR | L_FEM }, { "mrs", L_HON | L_FEM },
	{ "ms.", L_HON | L_ABBR | L_FEM }, { "ms", L_HON | L_FEM },
	{ "miss", L_HON | L_FEM }, { "mx.", L_HON | L_ABBR },
	/* Periods that end no sentence. */
	{ "st.", L_ABBR }, { "jr.", L_ABBR }, { "sr.", L_ABBR },
	{ "fr.", L_ABBR }, { "hon.", L_ABBR }, { "vs.", L_ABBR },
	{ "v.", L_ABBR }, { "inc.", L_ABBR | L_ORG }, { "corp.", L_ABBR | L_ORG },
	{ "co.", L_ABBR | L_ORG }, { "ltd.", L_ABBR | L_ORG },
	{ "jan.", L_ABBR }, { "feb.", L_ABBR }, { "aug.", L_ABBR },
	{ "sept.", L_ABBR }, { "sep.", L_ABBR }, { "oct.", L_ABBR },
	{ "nov.", L_ABBR }, { "dec.", L_ABBR }, { "e.g.", L_ABBR },
	{ "i.e.", L_ABBR }, { "no.", L_ABBR }, { "mt.", L_ABBR },
	{ "ft.", L_ABBR }, { "gen", L_TITLE },
	/* Words after their noun, cutting a subject short. */
	{ "familiar", L_POST }, { "close", L_POST }, { "knowledgeable", L_POST },
	{ "involved", L_POST }, { "aware", L_POST }, { "briefed", L_POST },
	{ "speaking", L_POST }, { "responsible", L_POST },
	/* Common nouns for sources. */
	{ "official", L_SRC }, { "officials", L_SRC | L_PLUR },
	{ "source", L_SRC }, { "sources", L_SRC | L_PLUR },
	{ "analysts", L_SRC | L_PLUR }, { "experts", L_SRC | L_PLUR },
	{ "expert", L_SRC }, { "witness", L_SRC },
	{ "witnesses", L_SRC | L_PLUR }, { "residents", L_SRC | L_PLUR },
	{ "resident", L_SRC }, { "police", L_SRC | L_PLUR | L_ORG },
	{ "diplomat", L_SRC }, { "diplomats", L_SRC | L_PLUR },
	{ "critics", L_SRC | L_PLUR }, { "supporters", L_SRC | L_PLUR },
	{ "aide", L_SRC }, { "aides", L_SRC | L_PLUR },
	{ "advisers", L_SRC | L_PLUR }, { "lawmakers", L_SRC | L_PLUR },
	{ "lawmaker", L_SRC }, { "leaders", L_SRC | L_PLUR },
	{ "negotiators", L_SRC | L_PLUR }, { "economists", L_SRC | L_PLUR },
	{ "investors", L_SRC | L_PLUR }, { "traders", L_SRC | L_PLUR },
	{ "researchers", L_SRC | L_PLUR }, { "scientists", L_SRC | L_PLUR },
	{ "doctors", L_SRC | L_PLUR }, { "prosecutors", L_SRC | L_PLUR },
	{ "lawyers", L_SRC | L_PLUR }, { "lawyer", L_SRC },
	{ "people", L_SRC | L_PLUR }, { "voters", L_SRC | L_PLUR },
	{ "protesters", L_SRC | L_PLUR }, { "organisers", L_SRC | L_PLUR },
	{ "organizers", L_SRC | L_PLUR }, { "authorities", L_SRC | L_PLUR },
	{ "activists", L_SRC | L_PLUR }, { "members", L_SRC | L_PLUR },
	{ "observers", L_SRC | L_PLUR }, { "employees", L_SRC | L_PLUR },
	{ "workers", L_SRC | L_PLUR }, { "students", L_SRC | L_PLUR },
	{ "person", L_SRC }, { "officers", L_SRC | L_PLUR },
	/* Bodies, for "it said". */
	{ "company", L_ORG }, { "firm", L_ORG }, { "ministry", L_ORG },
	{ "government", L_ORG }, { "agency", L_ORG }, { "department", L_ORG },
	{ "office", L_ORG }, { "group", L_ORG }, { "party", L_ORG },
	{ "committee", L_ORG }, { "council", L_ORG }, { "court", L_ORG },
	{ "bank", L_ORG }, { "union", L_ORG }, { "campaign", L_ORG },
	{ "administration", L_ORG }, { "organisation", L_ORG },
	{ "organization", L_ORG }, { "statement", L_ORG }, { "report", L_ORG },
	{ "newspaper", L_ORG }, { "kremlin", L_ORG }, { "commission", L_ORG },
	{ "institute", L_ORG }, { "university", L_ORG }, { "association", L_ORG },
	{ "network", L_ORG }, { "service", L_ORG }, { "post", L_ORG },
	{ "times", L_ORG }, { "journal", L_ORG }, { "news", L_ORG },
	{ "house", L_ORG }, { "message", L_ORG }, { "letter", L_ORG },
	{ "site", L_ORG }, { "website", L_ORG }, { "document", L_ORG },
	{ "memo", L_ORG }, { "blog", L_ORG },
	/* Nouns for what is said, whose author follows "by" or "from". */
	{ "report", L_SPN }, { "statement", L_SPN }, { "letter", L_SPN },
	{ "headline", L_SPN }, { "article", L_SPN }, { "interview", L_SPN },
	{ "editorial", L_SPN }, { "column", L_SPN }, { "op-ed", L_SPN },
	{ "tweet", L_SPN }, { "post", L_SPN }, { "memo", L_SPN },
	{ "email", L_SPN }, { "speech", L_SPN }, { "book", L_SPN },
	{ "essay", L_SPN }, { "message", L_SPN }, { "analysis", L_SPN },
	{ "story", L_SPN }, { "video", L_SPN }, { "study", L_SPN },
	/* Gendered nouns. */
	{ "man", L_MASC }, { "woman", L_FEM }, { "mother", L_FEM },
	{ "son", L_MASC }, { "daughter", L_FEM }, { "wife", L_FEM },
	{ "husband", L_MASC }, { "brother", L_MASC }, { "sister", L_FEM },
	{ "businessman", L_MASC }, { "businesswoman", L_FEM },
	/* Words an apostrophe stands before. */
	{ "em", L_ELIDE }, { "til", L_ELIDE }, { "tis", L_ELIDE },
	{ "twas", L_ELIDE }, { "cause", L_ELIDE }, { "n", L_ELIDE },
	{ "bout", L_ELIDE }, { "round", L_ELIDE }, { "cos", L_ELIDE },
	{ "vs", L_LOWT }, { "de", L_LOWT }, { "la", L_LOWT },
	/* Days and months: in no name ("on Tuesday Mr Ebbers said"). */
	{ "monday", L_TIME }, { "tuesday", L_TIME }, { "wednesday", L_TIME },
	{ "thursday", L_TIME }, { "friday", L_TIME }, { "saturday", L_TIME },
	{ "sunday", L_TIME }, { "january", L_TIME }, { "february", L_TIME },
	{ "march", L_TIME }, { "april", L_TIME }, { "june", L_TIME },
	{ "july", L_TIME }, { "august", L_TIME }, { "september", L_TIME },
	{ "october", L_TIME }, { "november", L_TIME }, { "december", L_TIME },
};

#define LEXSLOTS 2048	/* a power of two, well above the word count */
#define LEXMAX	24	/* bytes in the longest word looked up, and more */

static struct {
	const char	*w;
	size_t		 len;
	uint32_t	 f;
} lexslot[LEXSLOTS];
/*
 * Words are hashed in lower case as the tokenizer reads them, a rotate
 * and an exclusive or a byte, so that looking one up costs no second
 * pass.  A filter of one bit a listed word turns most others away.
 */
#define HSTEP(h, u)	((((h) << 5) | ((h) >> 27)) ^ ((uint32_t)(u) | 0x20))
#define LEXBITS	(1 << 14)
static uint64_t	 lexbloom[LEXBITS / 64];

static uint32_t
lexmix(uint32_t h, size_t len)
{
	h = (h ^ (uint32_t)len) * 0x9e3779b1u;
	return h ^ (h >> 16);
}

/* The hash of an ASCII word, or 0 with *ascii clear. */
static uint32_t
lexhash(const char *w, size_t len, int *ascii)
{
	uint32_t	h = 0;
	size_t		i;

	*ascii = 1;
	for (i = 0; i < len; i++) {
		if ((unsigned char)w[i] >= 0x80) {
			*ascii = 0;
			return 0;
		}
		h = HSTEP(h, (unsigned char)w[i]);
	}
	return h;
}

static void
lex_build(void)
{
	size_t		i, len;
	uint32_t	k;
	int		ascii;

	for (i = 0; i < sizeof(lexicon) / sizeof(lexicon[0]); i++) {
		len = strlen(lexicon[i].w);
		k = lexmix(lexhash(lexicon[i].w, len, &ascii), len);
		lexbloom[(k & (LEXBITS - 1)) / 64] |= (uint64_t)1 << (k % 64);
		for (k = (k >> 16) & (LEXSLOTS - 1); lexslot[k].w != NULL &&
		    strcmp(lexslot[k].w, lexicon[i].w) != 0;
		    k = (k + 1) & (LEXSLOTS - 1))
			;
		/* A word listed twice has the classes of both. */
		lexslot[k].w = lexicon[i].w;
		lexslot[k].len = len;
		lexslot[k].f |= lexicon[i].f;
	}
}

/* The classes of the ASCII word w whose hash is h. */
static uint32_t
lex_h(const char *w, size_t len, uint32_t h)
{
	uint32_t	k;
	size_t		i;

	if (len == 0 || len >= LEXMAX)
		return 0;
	k = lexmix(h, len);
	if (!(lexbloom[(k & (LEXBITS - 1)) / 64] & ((uint64_t)1 << (k % 64))))
		return 0;
	for (k = (k >> 16) & (LEXSLOTS - 1); lexslot[k].w != NULL;
	    k = (k + 1) & (LEXSLOTS - 1)) {
		if (lexslot[k].len != len)
			continue;
		for (i = 0; i < len && ((unsigned char)w[i] | 0x20) ==
		    (unsigned char)lexslot[k].w[i]; i++)
			;
		if (i == len)
			return lexslot[k].f;
	}
	return 0;
}

/* The classes of a word; only ASCII words are looked up. */
static uint32_t
lex(const char *w, size_t len)
{
	uint32_t	h;
	int		ascii;

	h = lexhash(w, len, &ascii);
	return ascii ? lex_h(w, len, h) : 0;
}

/* ---- the state of a document ---------------------------------- */

struct mark {
	size_t	off;
	uint8_t	len;
	uint8_t	dbl;		/* a double mark, else a single one */
	uint8_t	role;
	uint8_t	weak;		/* a single close after s: maybe a possessive */
	uint8_t	off_;		/* taken back */
	uint8_t	strong_after;	/* a strong single close follows */
};
#define M_OPEN	1
#define M_CLOSE	2
#define M_EITHER 3

/* A speaker. */
struct who {
	size_t	name, role;	/* in strs, or NOSTR */
	uint32_t hash;		/* of the name, to compare names fast */
	uint8_t	kind;		/* W_* */
	uint8_t	plural, org, indef;
	uint8_t	person;		/* a name with a first name, title or role */
	uint8_t	bare;		/* one word alone: a person or a body */
	uint8_t	gender;		/* 0, 'm' or 'f' */
};
#define W_NONE	0
#define W_NAME	1	/* a proper name */
#define W_DESC	2	/* a description: "the source" */

struct seg {
	size_t	ma, mb;		/* from its opening mark to after its closing */
	size_t	a, b;		/* the quoted text inside */
};

struct quo {
	size_t		seg0, nseg;
	size_t		para;		/* the paragraph it opens in */
	int		dbl, partial, closed, title;
	int		told;		/* its own words say who: not context */
	struct who	who;
	size_t		cue;		/* in strs, or NOSTR */
	size_t		cuetok;		/* token of its verb, or NOSTR */
};

#define K_WORD	1
#define K_PUNCT	2
#define K_QUOTE	3

#define F_CAP	0x01	/* begins with a capital letter */
#define F_SEND	0x02	/* a sentence ends after it */
#define F_NUM	0x04	/* begins with a digit */
#define F_ING	0x08	/* ends in -ing */
#define F_ED	0x10	/* ends in -ed */
#define F_POSS	0x20	/* ends in 's */
#define F_USED	0x40	/* a verb already given to a quotation */
#define F_LY	0x80	/* an adverb in -ly */

struct tok {
	size_t		off, len;
	uint32_t	lex;
	uint8_t		kind;
	uint8_t		f;
	uint16_t	c;	/* PUNCT: the mark; QUOTE: the last one inside */
	size_t		q;	/* QUOTE: the quotation */
};

struct wire_qctx {
	struct wire_buf	 text;		/* the records, a space apart */
	size_t		*roff, *rlen;
	unsigned char	*rnew;		/* the record begins a paragraph */
	size_t		 nrec, caprec;
	int		 ran;		/* the records were run */

	struct mark	*m;
	size_t		 nm, capm;
	struct tok	*t;
	size_t		 nt, capt;
	int		 titled;	/* a title among the words */
	struct quo	*q;
	size_t		 nq, capq;
	struct seg	*seg;
	size_t		 nseg, capseg;

	/* The document so far. */
	size_t		 number;	/* quotations numbered so far */
	struct wire_buf	 strs;		/* names and cues */
	struct who	 hist[HIST];	/* recent speakers, a ring */
	size_t		 nhist;
	size_t		 names[NAMES];	/* full names seen, in strs */
	size_t		 surname[NAMES];	/* ... and their last words */
	uint32_t	 surhash[NAMES];
	size_t		 nnames;
	struct who	 prevpara;	/* the last speaker of the paragraph */
	int		 prevquote;	/* before, if it quoted anyone */
	int		 prevcolon;	/* it ended "X wrote:": this one is X's */
	struct who	 paralast;	/* the last speaker so far in this one */
	size_t		 open;		/* a quotation running on, or NOSTR */
	size_t		 capoq, capop;	/* of wire_quotes.q and .part */
};

static void
grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	*cap = *cap ? *cap : 64;
	while (*cap < need)
		*cap *= 2;
	*p = wire_xrealloc(*p, *cap, size);
}

void
wire_quotes_init(struct wire_quotes *wq)
{
	memset(wq, 0, sizeof(*wq));
	wq->ctx = wire_xmalloc(sizeof(*wq->ctx));
	memset(wq->ctx, 0, sizeof(*wq->ctx));
	wq->ctx->open = NOSTR;
	if (lexbloom[0] == 0 && lexbloom[1] == 0 && lexbloom[2] == 0)
		lex_build();
}

void
wire_quotes_free(struct wire_quotes *wq)
{
	struct wire_qctx *c = wq->ctx;

	wire_buf_free(&c->text);
	wire_buf_free(&c->strs);
	free(c->roff);
	free(c->rlen);
	free(c->rnew);
	free(c->m);
	free(c->t);
	free(c->q);
	free(c->seg);
	free(c);
	free(wq->q);
	free(wq->part);
	memset(wq, 0, sizeof(*wq));
}

void
wire_quotes_doc(struct wire_quotes *wq)
{
	struct wire_qctx *c = wq->ctx;

	c->nrec = 0;
	c->text.len = 0;
	c->ran = 0;
	c->number = 0;
	c->strs.len = 0;
	c->nhist = 0;
	c->nnames = 0;
	memset(&c->prevpara, 0, sizeof(c->prevpara));
	memset(&c->paralast, 0, sizeof(c->paralast));
	c->prevquote = 0;
	c->prevcolon = 0;
	c->open = NOSTR;
	wq->nq = wq->npart = 0;
}

/*
 * Keep only the strings that the document's state still refers to, so
 * that a document read in many runs holds no more than one run's worth.
 */
static size_t
keep(struct wire_buf *nb, const struct wire_buf *ob, size_t off)
{
	size_t	at = nb->len;

	if (off == NOSTR)
		return NOSTR;
	wire_buf_add(nb, ob->p + off, strlen(ob->p + off) + 1);
	return at;
}

static void
compact(struct wire_qctx *c)
{
	struct wire_buf	nb = { 0 };
	size_t		i;

	for (i = 0; i < c->nhist && i < HIST; i++) {
		c->hist[i].name = keep(&nb, &c->strs, c->hist[i].name);
		c->hist[i].role = keep(&nb, &c->strs, c->hist[i].role);
	}
	for (i = 0; i < c->nnames; i++) {
		c->surname[i] -= c->names[i];
		c->names[i] = keep(&nb, &c->strs, c->names[i]);
		c->surname[i] += c->names[i];
	}
	c->prevpara.name = keep(&nb, &c->strs, c->prevpara.name);
	c->prevpara.role = keep(&nb, &c->strs, c->prevpara.role);
	wire_buf_free(&c->strs);
	c->strs = nb;
}

void
wire_quotes_add(struct wire_quotes *wq, const char *s, size_t len, int newpara)
{
	struct wire_qctx *c = wq->ctx;

	if (c->ran) {
		c->nrec = 0;
		c->text.len = 0;
		c->ran = 0;
		wq->nq = wq->npart = 0;
	}
	grow((void **)&c->roff, &c->caprec, c->nrec + 1, sizeof(size_t));
	c->rlen = wire_xrealloc(c->rlen, c->caprec, sizeof(size_t));
	c->rnew = wire_xrealloc(c->rnew, c->caprec, 1);
	c->roff[c->nrec] = c->text.len;
	c->rlen[c->nrec] = len;
	c->rnew[c->nrec] = c->nrec == 0 || newpara;
	c->nrec++;
	wire_buf_add(&c->text, s, len);
	wire_buf_addc(&c->text, ' ');
}

const char *
wire_quotes_text(const struct wire_quotes *wq, size_t i, size_t *len)
{
	*len = wq->ctx->rlen[i];
	return wq->ctx->text.p + wq->ctx->roff[i];
}

size_t
wire_quotes_pending(const struct wire_quotes *wq, size_t *nrec)
{
	const struct wire_qctx *c = wq->ctx;

	*nrec = c->ran ? 0 : c->nrec;
	return c->ran ? 0 : c->text.len;
}

/* ---- quotation marks ------------------------------------------- */

#define NONE	(-2)	/* no character: the edge of the paragraph */

static int32_t
cp_before(const char *s, size_t a, size_t i)
{
	size_t	n;

	return i > a ? wire_utf8_prev(s, i, &n) : NONE;
}

static int32_t
cp_at(const char *s, size_t i, size_t b)
{
	size_t	n;

	return i < b ? wire_utf8_dec(s + i, b - i, &n) : NONE;
}

/* May a mark after c open a quotation? */
static int
open_side(int32_t c)
{
	if (c == NONE)
		return 1;
	return (wire_uclass(c) & (WIRE_C_SPACE | WIRE_C_OPENB | WIRE_C_DASH |
	    WIRE_C_OPENQ | WIRE_C_CLOSEQ)) || c == '/';
}

/* May a mark before c close one? */
static int
close_side(int32_t c)
{
	unsigned k;

	if (c == NONE)
		return 1;
	k = wire_uclass(c);
	if (k & (WIRE_C_SPACE | WIRE_C_CLOSEB | WIRE_C_DASH | WIRE_C_OPENQ |
	    WIRE_C_CLOSEQ))
		return 1;
	return (k & WIRE_C_PUNCT) && !(k & WIRE_C_OPENB);
}

static int
alnum(int32_t c)
{
	return c != NONE && (wire_uclass(c) & (WIRE_C_ALPHA | WIRE_C_DIGIT));
}

/*
 * Is the word after an opening single mark one that an apostrophe stands
 * before ('em, 'til, '90s)?
 */
static int
elided(const char *s, size_t i, size_t b)
{
	size_t	j;

	if (i < b && s[i] >= '0' && s[i] <= '9')
		return 1;
	for (j = i; j < b && j - i < 8 && ((s[j] >= 'a' && s[j] <= 'z') ||
	    (s[j] >= 'A' && s[j] <= 'Z')); j++)
		;
	return j > i && (j == b || !((unsigned char)s[j] >= 0x80)) &&
	    (lex(s + i, j - i) & L_ELIDE);
}

/*
 * Class the quotation mark at s + i, if it is one, into *m; the
 * paragraph is [a, b).  Returns the mark's length, 0 for no mark.
 */
static size_t
mark_at(const char *s, size_t i, size_t a, size_t b, struct mark *m)
{
	const unsigned char *u = (const unsigned char *)s + i;
	int32_t		 l, r, cp = -1;
	size_t		 len = 1;
	int		 lo, rc, dbl;

	switch (u[0]) {
	case '"':
		dbl = 1;
		break;
	case '\'':
		dbl = i + 1 < b && u[1] == '\'';
		len += dbl;
		break;
	case '`':
		if (i + 1 < b && u[1] == '`') {
			dbl = 1;
			len = 2;
			cp = 0x201c;
		} else {
			dbl = 0;
			cp = 0x2018;
		}
		break;
	case 0xe2:
		if (i + 2 >= b || u[1] != 0x80 || u[2] < 0x98 || u[2] > 0x9f)
			return 0;
		cp = 0x2000 + 0x18 + (u[2] - 0x98);
		dbl = cp >= 0x201c;
		len = 3;
		break;
	case 0xc2:
		if (i + 1 >= b || (u[1] != 0xab && u[1] != 0xbb))
			return 0;
		cp = u[1] == 0xab ? 0x201c : 0x201d;
		dbl = 1;
		len = 2;
		break;
	default:
		return 0;
	}
	l = cp_before(s, a, i);
	r = cp_at(s, i + len, b);
	lo = open_side(l);
	rc = close_side(r);
	memset(m, 0, sizeof(*m));
	m->off = i;
	m->len = (uint8_t)len;
	m->dbl = (uint8_t)dbl;
	if (!dbl) {
		/* Between two letters it is an apostrophe: Kyiv's, we've. */
		if (alnum(l) && alnum(r))
			return len;
		if (lo && !rc && !elided(s, i + len, b))
			m->role = M_OPEN;
		else if (!lo && rc) {
			m->role = M_CLOSE;
			m->weak = (l == 's' || l == 'S') && r != NONE &&
			    (wire_uclass(r) & WIRE_C_SPACE) &&
			    alnum(cp_at(s, i + len + 1, b));
		}
		return len;
	}
	switch (cp) {
	case 0x201e: case 0x201f: case 0x201c + 0x100:
		m->role = M_OPEN;
		break;
	case 0x201c:
		m->role = !lo && rc ? M_CLOSE : lo && rc ? M_EITHER : M_OPEN;
		if (len == 2 && u[0] == '`')
			m->role = M_OPEN;
		break;
	case 0x201d:
		m->role = lo && !rc ? M_OPEN : lo && rc ? M_EITHER : M_CLOSE;
		break;
	default:	/* straight */
		m->role = lo && !rc ? M_OPEN : !lo && rc ? M_CLOSE : M_EITHER;
		break;
	}
	return len;
}

/* Bytes that may begin a quotation mark. */
static const unsigned char markbyte[256] = {
	['"'] = 1, ['\''] = 1, ['`'] = 1, [0xe2] = 1, [0xc2] = 1,
};

static void
scan_marks(struct wire_qctx *c, size_t a, size_t b)
{
	const char	*s = c->text.p;
	struct mark	 m;
	size_t		 i, n;
	int		 strong;

	c->nm = 0;
	for (i = a; i < b; i++) {
		/* Eight bytes at a time through the text between marks. */
		while (i + 8 <= b && (markbyte[(unsigned char)s[i]] |
		    markbyte[(unsigned char)s[i + 1]] |
		    markbyte[(unsigned char)s[i + 2]] |
		    markbyte[(unsigned char)s[i + 3]] |
		    markbyte[(unsigned char)s[i + 4]] |
		    markbyte[(unsigned char)s[i + 5]] |
		    markbyte[(unsigned char)s[i + 6]] |
		    markbyte[(unsigned char)s[i + 7]]) == 0)
			i += 8;
		if (i >= b)
			break;
		if (!markbyte[(unsigned char)s[i]])
			continue;
		if ((n = mark_at(s, i, a, b, &m)) == 0)
			continue;
		if (m.role != 0) {
			grow((void **)&c->m, &c->capm, c->nm + 1, sizeof(m));
			c->m[c->nm++] = m;
		}
		i += n - 1;
	}
	/*
	 * A single close after an s ("the officials' meeting") may be a
	 * possessive: it closes only when no other close follows before
	 * the next opening.
	 */
	strong = 0;
	for (i = c->nm; i-- > 0;) {
		if (c->m[i].dbl)
			continue;
		c->m[i].strong_after = (uint8_t)strong;
		if (c->m[i].role == M_OPEN)
			strong = 0;
		else if (c->m[i].role == M_CLOSE && !c->m[i].weak)
			strong = 1;
	}
}

static size_t
new_quote(struct wire_qctx *c, const struct mark *m, size_t para)
{
	struct quo	*q;

	grow((void **)&c->q, &c->capq, c->nq + 1, sizeof(*q));
	grow((void **)&c->seg, &c->capseg, c->nseg + 1, sizeof(struct seg));
	q = &c->q[c->nq];
	memset(q, 0, sizeof(*q));
	q->seg0 = c->nseg;
	q->nseg = 1;
	q->para = para;
	q->dbl = m->dbl;
	q->cue = NOSTR;
	q->cuetok = NOSTR;
	q->who.name = q->who.role = NOSTR;
	c->seg[c->nseg].ma = m->off;
	c->seg[c->nseg].a = c->seg[c->nseg].b = c->seg[c->nseg].mb =
	    m->off + m->len;
	c->nseg++;
	return c->nq++;
}

/* Forget the last quotation, which was never closed. */
static void
drop_quote(struct wire_qctx *c, size_t qi)
{
	c->nseg = c->q[qi].seg0;
	c->nq = qi;
}

/* Does a sentence end just before i (white space between)? */
static int
after_stop(const char *s, size_t a, size_t i)
{
	size_t	n;
	int32_t	ch;

	if (i == a || !(wire_uclass(cp_before(s, a, i)) & WIRE_C_SPACE))
		return 0;
	while (i > a && (wire_uclass(ch = wire_utf8_prev(s, i, &n)) &
	    WIRE_C_SPACE))
		i -= n;
	if (i == a)
		return 0;
	ch = wire_utf8_prev(s, i, &n);
	return ch == '.' || ch == '?' || ch == '!' || ch == 0x2026;
}

/*
 * Pair the marks of a paragraph from mark number from on into
 * quotations; a quotation open from the paragraph before (c->open)
 * goes on.  Returns the quotation still open at the end, or NOSTR, and
 * in *om the mark that opened it here (NOSTR when it came from before).
 */
static size_t
pair(struct wire_qctx *c, size_t b, size_t para, size_t from, size_t *om)
{
	struct mark	*m;
	size_t		 k, qi = c->open;
	int		 dbl = qi != NOSTR ? c->q[qi].dbl : 0;

	*om = NOSTR;
	for (k = from; k < c->nm; k++) {
		m = &c->m[k];
		if (m->off_)
			continue;
		if (qi == NOSTR) {
			if (m->role == M_OPEN || (m->dbl && m->role == M_EITHER)) {
				qi = new_quote(c, m, para);
				dbl = m->dbl;
				*om = k;
			}
			continue;
		}
		/* A mark of the other kind is a quote inside: it stays. */
		if (m->dbl != dbl)
			continue;
		if (m->role == M_CLOSE || m->role == M_EITHER) {
			if (m->weak && m->strong_after)
				continue;
			c->seg[c->nseg - 1].b = m->off;
			c->seg[c->nseg - 1].mb = m->off + m->len;
			c->q[qi].closed = 1;
			qi = NOSTR;
			continue;
		}
		/*
		 * An opening mark while open.  After the end of a sentence it
		 * goes on with the quotation, as at the head of a paragraph
		 * (text whose paragraphs were run together keeps the marks);
		 * elsewhere the quotation before was never closed.
		 */
		if (*om == NOSTR || after_stop(c->text.p, c->seg[c->nseg - 1].a,
		    m->off))
			continue;
		drop_quote(c, qi);
		qi = new_quote(c, m, para);
		*om = k;
	}
	if (qi != NOSTR)
		c->seg[c->nseg - 1].b = c->seg[c->nseg - 1].mb = b;
	return qi;
}

/*
 * Does the paragraph at [a, b) open with a mark of the kind dbl, so
 * that a quotation left open before it runs on?  Returns the length of
 * the mark, or 0.
 */
static size_t
runs_on(const char *s, size_t a, size_t b, int dbl)
{
	struct mark	m;
	size_t		n;

	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	if (a >= b || (n = mark_at(s, a, a, b, &m)) == 0)
		return 0;
	if (m.dbl != dbl || !(m.role == M_OPEN || (dbl && m.role == M_EITHER)))
		return 0;
	return n;
}

/* ---- words and sentences --------------------------------------- */

static struct seg *
lastseg(struct wire_qctx *c, size_t qi)
{
	return &c->seg[c->q[qi].seg0 + c->q[qi].nseg - 1];
}

static void
add_tok(struct wire_qctx *c, size_t off, size_t len, int kind)
{
	struct tok	*t;

	if (c->nt == c->capt)
		grow((void **)&c->t, &c->capt, c->nt + 1, sizeof(*t));
	t = &c->t[c->nt++];
	t->off = off;
	t->len = len;
	t->lex = 0;
	t->kind = (uint8_t)kind;
	t->f = 0;
	t->c = 0;
	t->q = NOSTR;
}

/* A word's flags and classes. */
static void
word_info(struct tok *t, const char *s, int ascii, uint32_t h)
{
	const unsigned char *w = (const unsigned char *)s + t->off;
	size_t		 n, len = t->len;
	unsigned	 k, l1, l2, l3;

	k = w[0] < 0x80 ? wire_ascii_class[w[0]] :
	    wire_uclass(wire_utf8_dec((const char *)w, len, &n));
	if (k & WIRE_C_UPPER)
		t->f |= F_CAP;
	else if (k & WIRE_C_DIGIT)
		t->f |= F_NUM;
	l1 = w[len - 1];
	l2 = len > 1 ? w[len - 2] : 0;
	l3 = len > 2 ? w[len - 3] : 0;
	/* Kyiv's, Kyiv’s */
	if (len > 2 && (l1 == 's' || l1 == 'S') && (l2 == '\'' ||
	    (len > 4 && l2 == 0x99 && l3 == 0x80 && w[len - 4] == 0xe2)))
		t->f |= F_POSS;
	if (len > 4 && l1 == 'g' && l2 == 'n' && l3 == 'i')
		t->f |= F_ING;
	if (len > 3 && l1 == 'd' && l2 == 'e')
		t->f |= F_ED;
	t->lex = ascii ? lex_h((const char *)w, len, h) : 0;
	/* Under-secretary, Vice-President: a title after a hyphen. */
	if (t->lex == 0 && ascii && len > 2) {
		for (n = len - 1; n > 0 && w[n - 1] != '-'; n--)
			;
		if (n > 1 && n < len &&
		    (lex((const char *)w + n, len - n) & L_TITLE))
			t->lex = L_TITLE;
	}
	/* Adverbs in -ly, not nouns in -ily (family). */
	if (!(t->f & F_CAP) && len > 5 && l1 == 'y' && l2 == 'l' &&
	    l3 != 'i' && t->lex == 0)
		t->f |= F_LY;
}

/* May c join the characters of classes pa and nx into one word? */
static int
is_joiner(int32_t c, unsigned pa, unsigned nx)
{
	switch (c) {
	case '\'': case 0x2019: case '-': case 0x2010: case 0x2011:
		return (pa & (WIRE_C_ALPHA | WIRE_C_DIGIT)) &&
		    (nx & (WIRE_C_ALPHA | WIRE_C_DIGIT));
	case '.':
		return ((pa & WIRE_C_ALPHA) && (nx & WIRE_C_ALPHA)) ||
		    ((pa & WIRE_C_DIGIT) && (nx & WIRE_C_DIGIT));
	case ',':
		return (pa & WIRE_C_DIGIT) && (nx & WIRE_C_DIGIT);
	}
	return 0;
}

/*
 * Does the period after the word s[w, w + len) belong to it (Sen.,
 * U.S., an initial), so that it ends no sentence?
 */
static int
takes_period(const char *s, size_t w, size_t len)
{
	char	buf[24];
	size_t	n;

	if (memchr(s + w, '.', len) != NULL)
		return 1;
	wire_utf8_dec(s + w, len, &n);
	if (n == len && (unsigned char)s[w] >= 'A' && (unsigned char)s[w] <= 'Z')
		return 1;	/* an initial */
	if (len + 1 >= sizeof(buf))
		return 0;
	memcpy(buf, s + w, len);
	buf[len] = '.';
	return (lex(buf, len + 1) & L_ABBR) != 0;
}

/* The last punctuation inside a quotation's text: ',', '.', ... or 0. */
static int
inner_end(const char *s, const struct seg *g)
{
	size_t		i = g->b, n;
	int32_t		ch = 0;
	unsigned	k;

	while (i > g->a) {
		ch = wire_utf8_prev(s, i, &n);
		k = wire_uclass(ch);
		if (!(k & (WIRE_C_SPACE | WIRE_C_OPENQ | WIRE_C_CLOSEQ)))
			break;
		i -= n;
	}
	if (i == g->a)
		return 0;
	switch (ch) {
	case ',': case '!': case '?': case ':': case ';':
		return ch;
	case '.': case 0x2026:
		return '.';
	}
	return (wire_uclass(ch) & WIRE_C_DASH) ? '-' : 0;
}

/*
 * Cut the paragraph [a, b) into tokens; each quotation from q0 on, all
 * of which have their last part in this paragraph, is one token.  A
 * record boundary outside a quotation ends a sentence.
 */
/* ASCII letters and digits: the bytes of most words. */
static unsigned char wordbyte[256];

static void
tokenize(struct wire_qctx *c, size_t a, size_t b, size_t q0, size_t r0)
{
	const char	*s = c->text.p;
	size_t		 i = a, n, m, qi = q0, w, ri = r0 + 1, nextrec, nextq;
	size_t		 ev;
	int32_t		 ch, d;
	unsigned	 k, pk;
	int		 pc, ascii;
	uint32_t	 h;
	unsigned char	 u;

	if (wordbyte['a'] == 0)
		for (k = 0; k < 128; k++)
			wordbyte[k] = (wire_ascii_class[k] & (WIRE_C_ALPHA |
			    WIRE_C_DIGIT)) != 0;
	c->nt = 0;
	c->titled = 0;
	nextrec = ri < c->nrec ? c->roff[ri] : SIZE_MAX;
	nextq = qi < c->nq ? lastseg(c, qi)->ma : SIZE_MAX;
	/* The next record or quotation, or the end: no word runs past. */
	ev = nextrec < nextq ? nextrec : nextq;
	ev = ev < b ? ev : b;
	while (i < b) {
		if (i >= ev) {
			if (i >= nextrec) {
				if (c->nt > 0)
					c->t[c->nt - 1].f |= F_SEND;
				ri++;
				nextrec = ri < c->nrec ? c->roff[ri] : SIZE_MAX;
			} else if (i >= nextq) {
				struct seg *g = lastseg(c, qi);

				add_tok(c, g->ma, g->mb - g->ma, K_QUOTE);
				c->t[c->nt - 1].q = qi;
				c->t[c->nt - 1].c = (uint16_t)inner_end(s, g);
				i = g->mb;
				qi++;
				nextq = qi < c->nq ? lastseg(c, qi)->ma :
				    SIZE_MAX;
				/* Record boundaries inside end no sentence. */
				while (nextrec <= i) {
					ri++;
					nextrec = ri < c->nrec ? c->roff[ri] :
					    SIZE_MAX;
				}
			}
			ev = nextrec < nextq ? nextrec : nextq;
			ev = ev < b ? ev : b;
			continue;
		}
		u = (unsigned char)s[i];
		if (u == ' ') {
			i++;
			continue;
		}
		if (wordbyte[u]) {
			ch = u;
			n = 1;
			k = wire_ascii_class[u];
		} else {
			if (u < 0x80) {
				ch = u;
				n = 1;
			} else
				ch = wire_utf8_dec(s + i, b - i, &n);
			k = wire_uclass(ch);
		}
		if (k & (WIRE_C_ALPHA | WIRE_C_DIGIT)) {
			w = i;
			ascii = ch < 0x80;
			h = ascii ? HSTEP(0, ch) : 0;
			for (;;) {
				pk = k;
				i += n;
				/* Plain ASCII letters and digits first, fast. */
				while (i < ev && wordbyte[u = (unsigned char)s[i]]) {
					pk = wire_ascii_class[u];
					h = HSTEP(h, u);
					i++;
				}
				if (i >= ev)
					break;
				if ((unsigned char)s[i] < 0x80) {
					ch = (unsigned char)s[i];
					n = 1;
				} else
					ch = wire_utf8_dec(s + i, b - i, &n);
				k = wire_uclass(ch);
				if (k & (WIRE_C_ALPHA | WIRE_C_DIGIT)) {
					ascii = 0;
					continue;
				}
				if ((ch == '\'' || ch == '-' || ch == '.' ||
				    ch == ',' || ch == 0x2019 || ch == 0x2010 ||
				    ch == 0x2011) && i + n < ev) {
					d = (unsigned char)s[i + n] < 0x80 ?
					    (unsigned char)s[i + n] :
					    wire_utf8_dec(s + i + n, b - i - n, &m);
					if ((unsigned char)s[i + n] < 0x80)
						m = 1;
					if (is_joiner(ch, pk, wire_uclass(d))) {
						if (ch < 0x80 && d < 0x80)
							h = HSTEP(HSTEP(h, ch),
							    d);
						else
							ascii = 0;
						i += n;
						n = m;
						k = wire_uclass(d);
						continue;
					}
				}
				break;
			}
			/* "Sen.", "U.S.", and "(D-Mo.)": no sentence ends. */
			if (i < ev && s[i] == '.' &&
			    (takes_period(s, w, i - w) ||
			    (i + 1 < b && s[i + 1] == ')'))) {
				h = HSTEP(h, '.');
				i++;
			}
			add_tok(c, w, i - w, K_WORD);
			word_info(&c->t[c->nt - 1], s, ascii, h);
			if ((c->t[c->nt - 1].lex & L_TITLE) ||
			    (c->t[c->nt - 1].f & (F_CAP | F_POSS)) ==
			    (F_CAP | F_POSS))
				c->titled = 1;
			continue;
		}
		pc = 0;
		if (ch == ',' || ch == ';' || ch == ':' || ch == '.' ||
		    ch == '!' || ch == '?' || ch == '(' || ch == ')')
			pc = ch;
		else if (ch == 0x2026)
			pc = '.';
		else if (k & WIRE_C_DASH)
			pc = '-';
		else if (k & WIRE_C_OPENB)
			pc = '(';
		else if (k & WIRE_C_CLOSEB)
			pc = ')';
		if (pc != 0) {
			add_tok(c, i, n, K_PUNCT);
			c->t[c->nt - 1].c = (uint16_t)pc;
		}
		i += n;
	}
	if (c->nt > 0)
		c->t[c->nt - 1].f |= F_SEND;
}

/*
 * A full stop, question or exclamation mark, in the text or at the end
 * of a quotation, ends a sentence when what follows begins like one.
 */
static void
sentence_ends(struct wire_qctx *c)
{
	struct tok	*t, *nx;
	size_t		 i;

	for (i = 0; i + 1 < c->nt; i++) {
		t = &c->t[i];
		if (t->kind == K_WORD || !(t->c == '.' || t->c == '!' ||
		    t->c == '?'))
			continue;
		nx = t + 1;
		if (nx->kind == K_QUOTE || (nx->kind == K_WORD &&
		    (nx->f & (F_CAP | F_NUM))) || (nx->kind == K_PUNCT &&
		    nx->c == '('))
			t->f |= F_SEND;
	}
}

/* ---- titles ----------------------------------------------------- */

static int
word_is(const struct wire_qctx *c, size_t i, const char *w)
{
	const struct tok *t = &c->t[i];
	size_t	 k;

	if (t->kind != K_WORD || t->len != strlen(w))
		return 0;
	for (k = 0; k < t->len; k++) {
		unsigned char u = (unsigned char)c->text.p[t->off + k];

		if ((u >= 'A' && u <= 'Z' ? u + 32 : u) != (unsigned char)w[k])
			return 0;
	}
	return 1;
}

/*
 * Is the quoted text a few words in title case ("Meet the Press",
 * "Gifted Hands")?  Returns 2 for text with no word at all.
 */
static int
title_case(const struct wire_qctx *c, const struct seg *g)
{
	struct wire_word w;
	size_t		 pos = g->a, words = 0, n;
	int		 low = 0, shout = 1;
	int32_t		 c0;

	while (wire_word_next(c->text.p, g->b, &pos, &w)) {
		if (++words > 10)
			return 0;
		if (w.nupper < w.nalpha || w.nalpha < 2)
			shout = 0;
		c0 = wire_utf8_dec(c->text.p + w.off, w.len, &n);
		low = 0;
		if (wire_isupper(c0) || (wire_uclass(c0) & WIRE_C_DIGIT))
			continue;
		if (words > 1 && (lex(c->text.p + w.off, w.len) & L_LOWT)) {
			low = 1;
			continue;
		}
		return 0;
	}
	if (words == 0)
		return 2;
	/* Capitals throughout are a headline's, not a title's. */
	return !low && !shout;
}

static int
is_q(const struct wire_qctx *c, size_t i)
{
	return c->t[i].kind == K_QUOTE && !c->q[c->t[i].q].title;
}

/*
 * Is the quotation token i tied to a verb of saying right next to it
 * ("...," X said; X said: "...")?  A title is not.
 */
static int
said_next_to(const struct wire_qctx *c, size_t i)
{
	const struct tok *t = c->t;
	size_t	 j, end;

	if (i > 0 && t[i - 1].kind == K_PUNCT && t[i - 1].c == ':')
		return 1;
	if (i > 1 && t[i - 1].kind == K_PUNCT && t[i - 1].c == ',' &&
	    (t[i - 2].lex & L_CUE))
		return 1;
	j = i + 1;
	if (!(t[i].c == ',' || t[i].c == '?' || t[i].c == '!')) {
		if (j < c->nt && t[j].kind == K_PUNCT && t[j].c == ',')
			j++;
		else
			return 0;
	}
	for (end = j + 6; j < c->nt && j < end && t[j].kind == K_WORD; j++)
		if (t[j].lex & L_CUE)
			return !(j + 1 < c->nt && word_is(c, j + 1, "that"));
	return 0;
}

/* ---- noun phrases ----------------------------------------------- */

#define PRONOUN(t)	(((t)->lex & L_PRON) && !((t)->lex & L_DET))
#define LOWER(t)	((t)->kind == K_WORD && !((t)->f & F_CAP))
#define ADVERB(t)	(LOWER(t) && (((t)->lex & L_ADV) || ((t)->f & F_LY)))

/* Skip a parenthesis that closes at i back to its opening; or i. */
static size_t
paren_back(const struct wire_qctx *c, size_t lo, size_t i)
{
	size_t	j;

	for (j = i; j > lo && i - j < 10; j--)
		if (c->t[j - 1].kind == K_PUNCT && c->t[j - 1].c == '(')
			return j - 1;
	return i;
}

/*
 * The end of the noun phrase that begins at token i, before lim.  A
 * parenthesis inside it is passed over and one at its end left out.
 */
static size_t
np_fwd(const struct wire_qctx *c, size_t i, size_t lim)
{
	const struct tok *t = c->t, *k;
	size_t	 j = i, n, e, end = i;

	if (j < lim && t[j].kind == K_WORD && PRONOUN(&t[j]))
		return j + 1;
	for (n = 0; j < lim && n < NPMAX; n++) {
		k = &t[j];
		if (k->kind == K_PUNCT) {
			/* Sen. Jane Doe (D-Mo.) */
			if (k->c != '(' || j == i)
				break;
			for (e = j + 1; e < lim && e < j + 10 &&
			    !(t[e].kind == K_PUNCT && t[e].c == ')'); e++)
				;
			if (e >= lim || e >= j + 10)
				break;
			j = e + 1;
			continue;
		}
		if (k->kind == K_QUOTE) {
			if (!c->q[k->q].title)
				break;
			end = ++j;
			continue;
		}
		/* A name that looks like a preposition: Per Aas, Van Dyke. */
		if ((k->lex & L_PREP) && (k->f & F_CAP) && j + 1 < lim &&
		    t[j + 1].kind == K_WORD && (t[j + 1].f & F_CAP) &&
		    !(t[j + 1].lex & L_PREP)) {
			end = ++j;
			continue;
		}
		if (k->lex & L_PREP) {
			/* One of the officials; Secretary of State. */
			if (word_is(c, j, "of") && j > i && ((t[j - 1].lex &
			    L_QUANT) || ((t[j - 1].lex & L_TITLE) &&
			    (t[j - 1].f & F_CAP) && j + 1 < lim &&
			    (t[j + 1].f & F_CAP)))) {
				j++;
				continue;
			}
			break;
		}
		if (k->lex & (L_REL | L_SUB | L_CUE | L_POST | L_TIME))
			break;
		if (k->lex & L_CONJ) {
			/* A pair of names: Obama and Netanyahu said. */
			if (word_is(c, j, "and") && j > i &&
			    (t[j - 1].f & F_CAP) && j + 1 < lim &&
			    (t[j + 1].f & F_CAP)) {
				j++;
				continue;
			}
			break;
		}
		if (PRONOUN(k) || ADVERB(k))
			break;
		/* A participle with a phrase after it: briefed on the talks. */
		if (LOWER(k) && (k->f & (F_ING | F_ED)) && j > i && j + 1 < lim &&
		    t[j + 1].kind == K_WORD && (t[j + 1].lex & L_PREP))
			break;
		end = ++j;
	}
	return end;
}

/* Does token i end a clause for a subject walking back? */
static int
is_comma(const struct wire_qctx *c, size_t i)
{
	const struct tok *t = &c->t[i];

	if (t->kind == K_PUNCT)
		return t->c == ',' || t->c == '-';
	return t->kind == K_QUOTE && t->c == ',';
}

static int
is_hard(const struct wire_qctx *c, size_t i)
{
	const struct tok *t = &c->t[i];

	if (t->kind == K_PUNCT)
		return t->c != ',' && t->c != '-' && t->c != '(' && t->c != ')';
	return is_q(c, i) && t->c != ',';
}

/* Does a phrase beginning at token i set the scene rather than name? */
static int
adverbial(const struct tok *t)
{
	if (t->kind != K_WORD)
		return 1;
	return (t->lex & (L_PREP | L_SUB | L_CONJ | L_REL | L_ADV)) ||
	    (t->f & (F_ING | F_LY | F_NUM)) || !(t->f & F_CAP);
}

/*
 * The subject of a verb after a comma at k: "X, who ..., said", "X, 52,
 * a spokesman for Y, said".  The phrases in commas are walked back to
 * the start of the clause; the subject is the first of them that does
 * not set the scene ("Speaking later, Sen. Jane Doe, who ..., said").
 */
static int	roles_and(const struct wire_qctx *, size_t, size_t);

/* Are the words [s, e) all in lower case, a description's? */
static int
descr(const struct wire_qctx *c, size_t s, size_t e)
{
	for (; s < e; s++)
		if (!LOWER(&c->t[s]))
			return 0;
	return 1;
}

/* The end of a run of words in capitals from i, no title among them. */
static size_t
name_run(const struct wire_qctx *c, size_t i)
{
	const struct tok *t = c->t;

	while (i < c->nt && t[i].kind == K_WORD && (t[i].f & F_CAP) &&
	    !(t[i].lex & (L_TITLE | L_DET | L_PREP | L_CONJ | L_TIME)))
		i++;
	return i;
}

static int
subj_commas(const struct wire_qctx *c, size_t lo, size_t k, size_t *t0,
    size_t *t1, int *app)
{
	const struct tok *t = c->t;
	size_t	 starts[8], n = 0, b, s, e, i;
	int	 colon[8];

	/*
	 * A colon inside the phrases ("whose films include Star Wars: The
	 * Phantom Menace, said") parts them like a comma, but what follows
	 * it is no subject.
	 */
	while (n < 8) {
		for (b = k; b > lo && k - b < 40; b--)
			if (is_comma(c, b - 1) || is_hard(c, b - 1))
				break;
		if (b == k || k - b >= 40)
			return 0;
		colon[n] = b > lo && t[b - 1].kind == K_PUNCT &&
		    t[b - 1].c == ':';
		starts[n++] = b;
		if (b == lo || !(is_comma(c, b - 1) || colon[n - 1]))
			break;
		k = b - 1;
	}
	/* From the clause's first phrase on; each ends at a comma. */
	for (i = n; i-- > 0;) {
		s = starts[i];
		if (colon[i] && i + 1 < n)
			continue;
		/* "And Moya, nicknamed Charly, admitted": */
		if ((t[s].lex & L_CONJ) && s + 1 < c->nt && t[s + 1].kind ==
		    K_WORD)
			s++;
		if (adverbial(&t[s]) && !((t[s].lex & L_DET) && i == n - 1))
			continue;
		for (e = s; e < c->nt && !is_comma(c, e); e++)
			;
		k = e;
		if ((e = np_fwd(c, s, e)) == s)
			return 0;
		/* "Soil chemist and author Petra Lund,": all. */
		if (e + 1 < k && word_is(c, e, "and") && roles_and(c, e, k) &&
		    np_fwd(c, e + 1, k) == k)
			e = k;
		*t0 = s;
		*t1 = e;
		*app = 1;
		/*
		 * "The union's treasurer, Ada Moss, told", "Harbour
		 * Trust chairwoman, Ines Vale, said": a name in
		 * commas after a description or a role is the speaker, the
		 * description its role.
		 */
		if (i > 0 && is_comma(c, e) && starts[i - 1] == e + 1 &&
		    (((t[s].lex & L_DET) && descr(c, s + 1, e)) ||
		    (LOWER(&t[e - 1]) && (t[e - 1].lex & L_TITLE))) &&
		    (b = name_run(c, e + 1)) > e + 2 && is_comma(c, b))
			*t1 = b;
		return 1;
	}
	return 0;
}

/* Is token i the head of a time phrase: Tuesday, week, night? */
static int
time_word(const struct wire_qctx *c, size_t i)
{
	return (c->t[i].lex & L_TIME) || word_is(c, i, "week") ||
	    word_is(c, i, "month") || word_is(c, i, "year") ||
	    word_is(c, i, "weekend") || word_is(c, i, "morning") ||
	    word_is(c, i, "afternoon") || word_is(c, i, "evening") ||
	    word_is(c, i, "night");
}

/*
 * The start of a time phrase that ends before token j ("Mayor Tom Hale
 * on Tuesday said", "the group last week published"), or j.  A subject
 * and its verb are often parted by one in news copy.
 */
static size_t
time_back(const struct wire_qctx *c, size_t lo, size_t j)
{
	size_t	k = j;

	while (k > lo && j - k < 2 && time_word(c, k - 1))
		k--;
	if (k == j)
		return j;
	if (k > lo && (word_is(c, k - 1, "on") || word_is(c, k - 1, "last") ||
	    word_is(c, k - 1, "this") || word_is(c, k - 1, "next") ||
	    word_is(c, k - 1, "late") || word_is(c, k - 1, "early")))
		return k - 1;
	/* A day alone, as American copy has it: "Hale Tuesday said". */
	return (c->t[k].lex & L_TIME) ? k : j;
}

/* The first word in -ed in (s, e), a verb after its subject, or e. */
static size_t
ed_word(const struct wire_qctx *c, size_t s, size_t e)
{
	size_t	i;

	for (i = s + 1; i < e; i++)
		if (LOWER(&c->t[i]) && !(c->t[i - 1].lex & L_DET) &&
		    (c->t[i].f & F_ED) && !(c->t[i].lex & L_TITLE))
			return i;
	return e;
}

/*
 * The subject of a clause that begins at lo and whose verb is joined
 * by "and" at k to another: "A group of artists published a letter
 * and called ...".  The subject is a noun phrase at lo with a
 * lower-case word after it.  Without a tagger, the first verb is
 * guessed where a name gives way to lower case ("Trump cut taxes") or
 * at a word in -ed ("The police arrested him").
 */
static int
clause_subj(const struct wire_qctx *c, size_t lo, size_t k, size_t *t0,
    size_t *t1)
{
	const struct tok *t = c->t;
	size_t	 s = lo, e, i, last;

	if (s < k && (t[s].lex & L_CONJ))
		s++;
	if (s >= k || (adverbial(&t[s]) && !(t[s].lex & L_DET)) ||
	    (e = np_fwd(c, s, k)) == s)
		return 0;
	for (last = s, i = s; i < e; i++)
		if (t[i].f & F_CAP)
			last = i;
	/* Where the phrase stopped at a verb already, it is the subject. */
	if (e < k && LOWER(&t[e]) && (t[e].f & (F_ED | F_LY) ||
	    (t[e].lex & (L_ADV | L_CUE))))
		;
	else if ((i = ed_word(c, s, e)) < e)
		e = i;
	/* Else a name ends where lower case begins. */
	else if (!(t[s].lex & L_DET) && last + 1 < e &&
	    !(t[last].f & F_POSS))
		e = last + 1;
	/* "The leader supports a cut in": no telling; "A group of": one. */
	else if (e >= k || !word_is(c, e, "of"))
		return 0;
	if (e >= k || !LOWER(&t[e]) || (t[e].lex & (L_SUB | L_CONJ | L_REL)))
		return 0;
	*t0 = s;
	*t1 = e;
	return 1;
}

/*
 * Is the verb at v a participle hung on a clause, with no subject of
 * its own ("X issued a statement saying", "Critics keep asking")?  Not
 * after an auxiliary ("are saying") or a pronoun, nor after a noun
 * that follows a preposition ("with one official saying", "after a
 * government warning") or a comma: that noun is its subject.  j is
 * where the words before v end, past adverbs and a time phrase.
 */
static int
participle(const struct wire_qctx *c, size_t lo, size_t v, size_t j)
{
	const struct tok *t = c->t, *p;
	size_t	 k;

	if (!(t[v].f & F_ING) || !LOWER(&t[v]) || j == lo)
		return 0;
	p = &t[j - 1];
	if (!LOWER(p) || (p->lex & (L_ADV | L_BE | L_PRON | L_SUB | L_CONJ |
	    L_REL | L_PREP | L_CUE | L_QUANT)))
		return 0;
	for (k = j - 1; k > lo && j - k < 5 && t[k - 1].kind == K_WORD; k--)
		if (t[k - 1].lex & L_PREP)
			return 0;
	/* ", the manager describing it as": its own subject after a comma. */
	return !(k > lo && j - k < 5 && is_comma(c, k - 1));
}

/* Is the verb at v joined by "and" to one before, after lo? */
static int
joined(const struct wire_qctx *c, size_t lo, size_t v)
{
	while (v > lo && ADVERB(&c->t[v - 1]))
		v--;
	return v > lo && word_is(c, v - 1, "and");
}

/*
 * The subject of the verb at v, no further back than lo, into
 * [*t0, *t1).  *app is set when it stands before a phrase in commas
 * ("X, who ..., said").  Returns 0 when there is none.
 */
static int
subj_depth(const struct wire_qctx *c, size_t lo, size_t v, size_t *t0,
    size_t *t1, int *app, int depth)
{
	const struct tok *t = c->t;
	size_t	 j = v, i, k, e, n;

	*app = 0;
	while (j > lo && ADVERB(&t[j - 1]))
		j--;
	j = time_back(c, lo, j);
	while (j > lo && ADVERB(&t[j - 1]))
		j--;
	if (j == lo)
		return 0;
	if (is_comma(c, j - 1))
		return subj_commas(c, lo, j - 1, t0, t1, app);
	/* "He went on to say": the subject of the verb before. */
	if (word_is(c, j - 1, "to")) {
		for (i = j - 1; i > lo && j - i < 6 && LOWER(&t[i - 1]) &&
		    !(t[i - 1].lex & (L_SUB | L_CONJ | L_REL)) &&
		    !PRONOUN(&t[i - 1]); i--)
			;
		if (i > lo && i < j - 1 && t[i - 1].kind == K_WORD &&
		    (PRONOUN(&t[i - 1]) || (t[i - 1].f & F_CAP)) && depth < 2)
			return subj_depth(c, lo, i, t0, t1, app, depth + 1);
		return 0;
	}
	/*
	 * "She was quoted as saying", "he is heard asking": the subject of
	 * the passive before.
	 */
	if (word_is(c, j - 1, "as") && j - 1 > lo && word_is(c, j - 2,
	    "quoted") && depth < 2)
		return subj_depth(c, lo, j - 2, t0, t1, app, depth + 1);
	if ((t[v].f & F_ING) && j - 1 > lo && LOWER(&t[j - 1]) &&
	    (t[j - 2].lex & L_BE) && LOWER(&t[j - 2]) && depth < 2) {
		for (i = j - 1; i > lo && LOWER(&t[i - 1]) && (t[i - 1].lex &
		    (L_BE | L_ADV)); i--)
			;
		return subj_depth(c, lo, i, t0, t1, app, depth + 1);
	}
	/* "X published a letter and called ...": X. */
	if (word_is(c, j - 1, "and"))
		return clause_subj(c, lo, j - 1, t0, t1);
	if (participle(c, lo, v, j))
		return clause_subj(c, lo, v, t0, t1);
	if (t[j - 1].kind == K_WORD && PRONOUN(&t[j - 1])) {
		*t0 = j - 1;
		*t1 = j;
		return 1;
	}
	/* "X, who earlier called it ...": the subject of "who" is X. */
	if ((word_is(c, j - 1, "who") || word_is(c, j - 1, "which")) &&
	    j - 1 > lo && is_comma(c, j - 2) && depth < 2)
		return subj_depth(c, lo, j - 2, t0, t1, app, depth + 1) &&
		    !*app;
	for (i = j, n = 0; i > lo && n < NPMAX + 4; n++) {
		const struct tok *p = &t[i - 1];

		if (p->kind == K_PUNCT && p->c == ')') {
			if ((k = paren_back(c, lo, i - 1)) == i - 1)
				break;
			i = k;
			continue;
		}
		/* A title inside: "the "Meet the Press" host". */
		if (p->kind == K_QUOTE && c->q[p->q].title && p->c != ',') {
			i--;
			continue;
		}
		if (p->kind != K_WORD || PRONOUN(p) || ADVERB(p) ||
		    (p->lex & (L_SUB | L_REL | L_CUE | L_TIME)) ||
		    ((p->lex & L_ADV) && !(p->lex & (L_TITLE | L_HON))))
			break;
		if ((p->lex & L_CONJ) && !(word_is(c, i - 1, "and") &&
		    i - 1 > lo && (t[i - 2].f & F_CAP) && (t[i].f & F_CAP)))
			break;
		i--;
	}
	if (i == j)
		return 0;
	/*
	 * "With the Harbour Gazette labelling it": the object of "with"
	 * is the subject of the participle after it.
	 */
	if (word_is(c, i, "with") && (t[v].f & F_ING) && i + 1 < j)
		i++;
	/* A phrase in front: "On Sunday Zelensky said". */
	else if ((t[i].lex & L_PREP) && !word_is(c, i, "of")) {
		i++;
		while (i < j && (t[i].lex & L_DET))
			i++;
		if (++i >= j)
			return 0;
		/* "In a long interview Oduya said": all of its words. */
		while (i + 1 < j && LOWER(&t[i]) && !(t[i].lex & (L_TITLE |
		    L_SRC | L_DET | L_QUANT)) && (t[i + 1].kind == K_WORD))
			i++;
	}
	if ((e = np_fwd(c, i, j)) == i)
		return 0;
	/*
	 * "Institute of Marine Science ecologist Rhea Tamm said": all, a
	 * role in lower case before the name ("Jon Eske of Radio Nord
	 * said" stays a person of a body).
	 */
	if (e + 1 < j && word_is(c, e, "of") && (t[i].f & F_CAP) &&
	    (t[e + 1].f & F_CAP) && np_fwd(c, e + 1, j) == j) {
		for (k = e + 1; k < j && !LOWER(&t[k]); k++)
			;
		if (k < j)
			e = j;
	}
	*t0 = i;
	*t1 = e;
	return 1;
}

static int
subj(const struct wire_qctx *c, size_t lo, size_t v, size_t *t0, size_t *t1,
    int *app)
{
	return subj_depth(c, lo, v, t0, t1, app, 0);
}

/* ---- speakers --------------------------------------------------- */

/*
 * Append the words [t0, t1) to strs, one space apart, and a NUL;
 * words of the classes skip are left out, and with poss the 's of the
 * last ("Donald Trump's son").  Returns their offset, or NOSTR when there are none or too many bytes
 * for a name.
 */
static size_t
put_words(struct wire_qctx *c, size_t t0, size_t t1, int lowfirst,
    uint32_t skip, int poss)
{
	const char	*w;
	size_t		 at = c->strs.len, i, len;

	for (i = t0; i < t1; i++) {
		const struct tok *t = &c->t[i];

		if (t->kind != K_WORD || (t->lex & skip))
			continue;
		w = c->text.p + t->off;
		len = t->len;
		/* The name of a possessor: Trump's. */
		if (i + 1 == t1 && (t->f & F_POSS) && poss)
			len -= w[len - 2] == '\'' ? 2 : 4;
		if (c->strs.len > at)
			wire_buf_addc(&c->strs, ' ');
		if (i == t0 && lowfirst && w[0] >= 'A' && w[0] <= 'Z') {
			wire_buf_addc(&c->strs, w[0] + 32);
			wire_buf_add(&c->strs, w + 1, len - 1);
		} else
			wire_buf_add(&c->strs, w, len);
		if (c->strs.len - at > NAMEMAX) {
			c->strs.len = at;
			return NOSTR;
		}
	}
	if (c->strs.len == at)
		return NOSTR;
	wire_buf_addc(&c->strs, '\0');
	return at;
}

static uint32_t
fnv(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *
str(const struct wire_qctx *c, size_t off)
{
	return c->strs.p + off;
}

static int
same_name(const struct wire_qctx *c, const struct who *a, const struct who *b)
{
	return a->name != NOSTR && b->name != NOSTR && a->hash == b->hash &&
	    strcmp(str(c, a->name), str(c, b->name)) == 0;
}

/* The full name that the one word w stands for, if only one fits. */
static size_t
expand(const struct wire_qctx *c, const char *w, size_t len)
{
	const char	*sn;
	size_t		 i, found = NOSTR;
	uint32_t	 h = 2166136261u;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	for (i = 0; i < c->nnames; i++) {
		if (c->surhash[i] != h)
			continue;
		sn = str(c, c->surname[i]);
		if (memcmp(sn, w, len) != 0 || sn[len] != '\0')
			continue;
		if (found != NOSTR && strcmp(str(c, c->names[i]),
		    str(c, found)) != 0)
			return NOSTR;
		found = c->names[i];
	}
	if (found != NOSTR)
		return found;
	/*
	 * A name given first is the family name in Chinese and other
	 * orders ("Lin Haoran" ... "Lin"), and a first name alone is
	 * the same person too: the one full name that begins with w.
	 */
	for (i = 0; i < c->nnames; i++) {
		sn = str(c, c->names[i]);
		if (memcmp(sn, w, len) != 0 || sn[len] != ' ')
			continue;
		if (found != NOSTR && strcmp(sn, str(c, found)) != 0)
			return NOSTR;
		found = c->names[i];
	}
	return found;
}

static void
remember(struct wire_qctx *c, size_t name)
{
	const char	*sp;
	size_t		 i;
	uint32_t	 h;

	if (name == NOSTR || (sp = strrchr(str(c, name), ' ')) == NULL)
		return;
	h = fnv(sp + 1);
	for (i = 0; i < c->nnames; i++)
		if (c->surhash[i] == h && strcmp(str(c, c->names[i]),
		    str(c, name)) == 0)
			return;
	if (c->nnames < NAMES) {
		c->surname[c->nnames] = (size_t)(sp + 1 - c->strs.p);
		c->surhash[c->nnames] = fnv(sp + 1);
		c->names[c->nnames++] = name;
	}
}

/* The most recent speaker that a pronoun or "one" may stand for. */
static int
recall(struct wire_qctx *c, uint32_t f, struct who *w)
{
	struct who	*h;
	size_t		 i, k;
	int		 g = (f & L_MASC) ? 'm' : (f & L_FEM) ? 'f' : 0;

	/* I, we and you are the writer and the reader: no one quoted. */
	if (!(f & (L_MASC | L_FEM | L_PLUR | L_ORG)))
		return 0;
	for (i = 0; i < c->nhist && i < HIST; i++) {
		h = &c->hist[(c->nhist - 1 - i) % HIST];
		if (f & L_PLUR) {
			if (!h->plural)
				continue;
		} else if (f & L_ORG) {
			if (!h->org && !(h->bare && h->gender == 0))
				continue;
		} else {
			/* He or she: a person, named or "a source". */
			if (h->plural || h->org || (h->kind == W_DESC &&
			    !h->indef) || (h->kind == W_NAME && !h->person &&
			    !h->bare) || (h->gender != 0 && h->gender != g))
				continue;
			if (h->gender == 0)
				for (k = 0; k < c->nhist && k < HIST; k++)
					if (same_name(c, &c->hist[k], h)) {
						c->hist[k].gender = (uint8_t)g;
						c->hist[k].bare = 0;
						c->hist[k].person = 1;
					}
		}
		*w = *h;
		return 1;
	}
	return 0;
}

/*
 * Does the "and" at i join two roles before a name ("chemist and
 * author Petra Lund"), not two people?
 */
static int
roles_and(const struct wire_qctx *c, size_t i, size_t t1)
{
	const struct tok *t = c->t;
	size_t	 k;

	if (i == 0 || !LOWER(&t[i - 1]) || (t[i - 1].lex & (L_PREP | L_DET |
	    L_QUANT)))
		return 0;
	for (k = i + 1; k < t1 && LOWER(&t[k]); k++)
		if (t[k].lex & (L_PREP | L_DET | L_QUANT | L_CONJ))
			return 0;
	return k > i + 1 && k < t1 && t[k].kind == K_WORD &&
	    (t[k].f & F_CAP);
}

/*
 * The speaker named by the words [t0, t1): a pronoun resolved, a name
 * split from its title ("German Chancellor Friedrich Merz"), or a
 * description kept as written ("a European source").
 */
static void
make_who(struct wire_qctx *c, size_t t0, size_t t1, struct who *w)
{
	const struct tok *t = c->t, *k;
	size_t	 n0, i, r0;
	int	 and = 0, quant = 1;

	memset(w, 0, sizeof(*w));
	w->name = w->role = NOSTR;
	if (t1 - t0 == 1 && PRONOUN(&t[t0])) {
		/* In a block quotation (see block_who) I and we are its author. */
		if ((word_is(c, t0, "i") || word_is(c, t0, "we")) &&
		    c->prevcolon && c->prevpara.kind != W_NONE)
			*w = c->prevpara;
		else
			recall(c, t[t0].lex, w);
		return;
	}
	for (i = t0; i < t1; i++) {
		if (word_is(c, i, "and") && !roles_and(c, i, t1))
			and = 1;
		if (!(t[i].lex & (L_QUANT | L_DET)) && !word_is(c, i, "of") &&
		    !word_is(c, i, "them"))
			quant = 0;
	}
	/* "One said": one of the group named last. */
	if (quant) {
		if (t1 == t0 || recall(c, L_PLUR, w))
			return;
		/* With no group before it, "one" is all that is known. */
		for (i = t0; i < t1 && !(t[i].lex & L_QUANT); i++)
			;
		/* "the" alone is no one. */
		if (i == t1)
			return;
	}
	for (n0 = t1; n0 > t0; n0--) {
		k = &t[n0 - 1];
		/* A first name that is also a preposition: Per Aas. */
		if (k->kind == K_WORD && (k->f & F_CAP) && (k->lex & L_PREP) &&
		    n0 < t1 && !(k->lex & ~L_PREP))
			continue;
		if (k->kind != K_WORD || !(k->f & F_CAP) || (k->lex & (L_TITLE |
		    L_HON | L_DET | L_QUANT | L_SRC | L_PRON | L_PREP | L_CONJ |
		    L_SUB | L_CUE | L_TIME)) || ((k->f & F_POSS) && n0 < t1))
			break;
	}
	if (and || n0 == t1) {
		w->kind = W_DESC;
		w->name = put_words(c, t0, t1, (t[t0].lex & (L_DET | L_QUANT |
		    L_SRC)) != 0, 0, 0);
		k = &t[t1 - 1];
		w->plural = and || (k->lex & L_PLUR) || (LOWER(k) &&
		    k->len > 3 && c->text.p[k->off + k->len - 1] == 's' &&
		    c->text.p[k->off + k->len - 2] != 's' && !(k->lex & L_ORG));
		w->org = !w->plural && (k->lex & L_ORG) != 0;
		w->indef = (t[t0].lex & L_INDEF) != 0;
	} else {
		w->kind = W_NAME;
		w->name = put_words(c, n0, t1, 0, L_HON, 0);
		w->person = n0 + 1 < t1;
		if (w->name != NOSTR && n0 + 1 == t1) {
			size_t	full = expand(c, str(c, w->name),
			    strlen(str(c, w->name)));

			if (full != NOSTR) {
				w->name = full;
				w->person = 1;
			}
		} else
			remember(c, w->name);
		for (r0 = t0; r0 < n0 && (t[r0].lex & (L_DET | L_HON)); r0++)
			;
		w->role = put_words(c, r0, n0, 0, L_HON, 0);
		for (i = t0; i < n0; i++)
			if (t[i].lex & (L_HON | L_TITLE))
				w->person = 1;
		for (i = n0; i < t1; i++)
			if (t[i].lex & L_ORG)
				w->org = 1;
		if (w->org)
			w->person = 0;
		w->bare = !w->person && !w->org && w->role == NOSTR;
	}
	for (i = t0; i < t1; i++)
		if (t[i].lex & (L_MASC | L_FEM) && !(t[i].lex & L_DET))
			w->gender = (t[i].lex & L_MASC) ? 'm' : 'f';
	if (w->gender != 0 && w->kind == W_NAME) {
		w->person = 1;
		w->bare = 0;
	}
	if (w->name == NOSTR)
		w->kind = W_NONE;
	else
		w->hash = fnv(str(c, w->name));
}

/* Remember a speaker as the most recent one. */
static void
push(struct wire_qctx *c, const struct who *w)
{
	struct who	*h;
	size_t		 i;
	uint8_t		 g = w->gender, person = w->person, bare = w->bare;

	if (w->kind == W_NONE)
		return;
	for (i = 0; i < c->nhist && i < HIST; i++)
		if (same_name(c, &c->hist[i], w)) {
			if (g == 0)
				g = c->hist[i].gender;
			person |= c->hist[i].person;
			bare &= c->hist[i].bare;
		}
	if (c->nhist > 0) {
		h = &c->hist[(c->nhist - 1) % HIST];
		if (same_name(c, h, w)) {
			h->gender = g;
			h->person = person;
			h->bare = bare && !person;
			return;
		}
	}
	h = &c->hist[c->nhist++ % HIST];
	*h = *w;
	h->gender = g;
	h->person = person;
	h->bare = bare && !person;
}

/* Names after a title anywhere in the paragraph, for the full name. */
static void
title_names(struct wire_qctx *c)
{
	const struct tok *t = c->t;
	size_t	 i, j, k, name;

	for (i = 0; i < c->nt; i++) {
		/* "Andre Agassi's": a name, whose owner it is. */
		if ((t[i].f & (F_CAP | F_POSS)) == (F_CAP | F_POSS)) {
			for (j = i; j > 0 && i - j < 3 && t[j - 1].kind ==
			    K_WORD && (t[j - 1].f & F_CAP) && !(t[j - 1].lex &
			    (L_DET | L_TITLE | L_HON | L_TIME | L_PREP |
			    L_CONJ | L_ADV)) && !(t[j - 1].f & F_POSS); j--)
				;
			if (j < i && (name = put_words(c, j, i + 1, 0, L_HON,
			    1)) != NOSTR)
				remember(c, name);
			continue;
		}
		/* "harbour chief Nela Brandt": a title in lower case too. */
		if (!(t[i].lex & L_TITLE) || t[i].kind != K_WORD)
			continue;
		for (j = i + 1; j < c->nt && (t[j].f & F_CAP) &&
		    (t[j].lex & L_TITLE); j++)
			;
		for (k = j; k < c->nt && k < j + 4 && t[k].kind == K_WORD &&
		    (t[k].f & F_CAP) && !(t[k].lex & (L_TITLE | L_HON |
		    L_DET | L_PRON | L_CUE)); k++)
			if (t[k].f & F_POSS) {
				k++;
				break;
			}
		if (k - j >= 2 && (name = put_words(c, j, k, 0, L_HON, 1)) !=
		    NOSTR)
			remember(c, name);
		i = k > i ? k - 1 : i;
	}
}

/* ---- attribution ------------------------------------------------ */

static size_t
put_cue(struct wire_qctx *c, size_t v)
{
	size_t	at;

	if (word_is(c, v, "according")) {
		at = c->strs.len;
		wire_buf_add(&c->strs, "according to", 13);
		return at;
	}
	return put_words(c, v, v + 1, 1, 0, 0);
}

static int
set_who(struct wire_qctx *c, struct quo *q, size_t t0, size_t t1, size_t v)
{
	make_who(c, t0, t1, &q->who);
	q->cue = put_cue(c, v);
	c->t[v].f |= F_USED;
	return 1;
}

/*
 * Is the verb at v a passive ("has been called", "was quoted")?  Its
 * speaker is then the one after "by", if any, and never its subject.
 */
static int
passive(const struct wire_qctx *c, size_t v, size_t lo)
{
	const struct tok *t = c->t;

	if (!(t[v].f & F_ED) && !word_is(c, v, "told") &&
	    !word_is(c, v, "said"))
		return 0;
	while (v > lo && ADVERB(&t[v - 1]) && !(t[v - 1].lex & L_BE))
		v--;
	return v > lo && (t[v - 1].lex & L_BE) && LOWER(&t[v - 1]);
}

/* "... by X": the agent of a passive, after the verb at v. */
static int
agent(struct wire_qctx *c, struct quo *q, size_t v, size_t se)
{
	size_t	i, e;

	for (i = v + 1; i + 1 < se && i < v + 12; i++) {
		if (c->t[i].kind == K_PUNCT && c->t[i].c != ',')
			break;
		if (word_is(c, i, "by") && (e = np_fwd(c, i + 1, se)) > i + 1)
			return set_who(c, q, i + 1, e, v);
	}
	return 0;
}

/* Only adverbs between tokens i and j. */
static int
adverbs(const struct wire_qctx *c, size_t i, size_t j)
{
	for (; i < j; i++)
		if (!ADVERB(&c->t[i]))
			return 0;
	return 1;
}

/*
 * A verb of saying and its subject at the start of the tokens [i, hi):
 * "X said", "X, who ..., said", "said X", "according to X".  With loose
 * clear, the subject may have a phrase after it ("an official familiar
 * with the matter said").
 */
static int
cue_first(struct wire_qctx *c, struct quo *q, size_t i, size_t hi, int loose)
{
	const struct tok *t = c->t;
	size_t	 v, e, j, t0, t1;
	int	 app;

	if (i >= hi || t[i].kind != K_WORD)
		return 0;
	if (t[i].lex & L_CUE) {
		if (word_is(c, i, "according")) {
			if (i + 2 < hi && word_is(c, i + 1, "to") &&
			    (e = np_fwd(c, i + 2, hi)) > i + 2)
				return set_who(c, q, i + 2, e, i);
			return 0;
		}
		if (!(t[i].lex & L_INV))
			return 0;
		for (j = i + 1; j < hi && ADVERB(&t[j]); j++)
			;
		if ((e = np_fwd(c, j, hi)) > j)
			return set_who(c, q, j, e, i);
		/*
		 * ""...," said Friday.": a day or month alone after the verb,
		 * with the sentence ending there, is no time but the subject.
		 */
		if (j < hi && j == i + 1 && t[j].kind == K_WORD &&
		    (t[j].f & F_CAP) && (t[j].lex & L_TIME) && (j + 1 == hi ||
		    (t[j + 1].kind == K_PUNCT && (t[j + 1].f & F_SEND)) ||
		    (j + 2 == hi && t[j + 1].kind == K_PUNCT &&
		    t[j + 1].c == '.')))
			return set_who(c, q, j, j + 1, i);
		return 0;
	}
	for (v = i; v < hi && v < i + CUEMAX; v++) {
		if (t[v].kind == K_PUNCT && t[v].c != ',' && t[v].c != '(' &&
		    t[v].c != ')' && t[v].c != '-')
			return 0;
		if (t[v].kind == K_QUOTE && !c->q[t[v].q].title)
			return 0;
		if (t[v].kind == K_WORD && (t[v].lex & L_CUE) &&
		    !word_is(c, v, "according"))
			break;
	}
	if (v >= hi || v >= i + CUEMAX)
		return 0;
	if (!subj(c, i, v, &t0, &t1, &app) || t0 != i || passive(c, v, i))
		return 0;
	if (!loose && !app && !adverbs(c, t1, time_back(c, t1, v)))
		return 0;
	return set_who(c, q, t0, t1, v);
}

/* After the quotation: "...," X said. */
static int
after(struct wire_qctx *c, struct quo *q, size_t qt, size_t hi)
{
	const struct tok *t = c->t;
	size_t	 i = qt + 1;
	int	 comma;

	comma = t[qt].c == ',' || t[qt].c == '?' || t[qt].c == '!' ||
	    t[qt].c == '-';
	if (i < hi && t[i].kind == K_PUNCT && (t[i].c == ',' || t[i].c == '-')) {
		i++;
		comma = 1;
	}
	/*
	 * ""...." Mayor Rita Ohm said the town was "grateful."": a
	 * sentence after a full stop with a quotation of its own: its cue
	 * is that one's.
	 */
	if (!comma && t[qt].c == '.' && hi < c->nt && is_q(c, hi))
		return 0;
	if (cue_first(c, q, i, hi, comma))
		return 1;
	if (!comma)
		return 0;
	/* "...," like the markets, said X: a phrase put in between. */
	for (; i + 1 < hi && i < qt + CUEMAX; i++) {
		if (is_hard(c, i))
			return 0;
		if (is_comma(c, i) && (t[i + 1].lex & L_INV))
			return cue_first(c, q, i + 1, hi, 1);
	}
	return 0;
}

/*
 * A noun for what is said and its author, before the quotation at qt
 * with no verb of saying: "a report by Politico that he "fabricated"
 * it", "this headline from the Washington Post: "..."".  The author
 * must be a name ("from last year" is none).
 */
static int
spoken_by(struct wire_qctx *c, struct quo *q, size_t qt, size_t lo)
{
	const struct tok *t = c->t;
	size_t	 k, a, e;

	for (k = qt; k-- > lo && qt - k < CUEMAX;) {
		if (!(t[k].lex & L_SPN) || k + 2 >= qt ||
		    !(word_is(c, k + 1, "by") || word_is(c, k + 1, "from")))
			continue;
		for (a = k + 2; a < qt && (t[a].lex & L_DET); a++)
			;
		if (a >= qt || t[a].kind != K_WORD || !(t[a].f & F_CAP) ||
		    (e = np_fwd(c, k + 2, qt)) <= a)
			continue;
		return set_who(c, q, k + 2, e, k);
	}
	return 0;
}

/*
 * "- Harbour boss Tilda Maren: "..."": a person's name and a colon
 * with no verb, as in lists of what each side said.  The name opens
 * its sentence, after a dash if any.
 */
static int
colon_name(struct wire_qctx *c, struct quo *q, size_t qt, size_t ss)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 s = ss, k;

	if (qt < ss + 2 || t[qt - 1].kind != K_PUNCT || t[qt - 1].c != ':')
		return 0;
	while (s < qt - 1 && t[s].kind == K_PUNCT && t[s].c == '-')
		s++;
	for (k = s; k < qt - 1; k++)
		if (t[k].kind != K_WORD || (t[k].lex & (L_CUE | L_PREP |
		    L_SUB | L_REL | L_CONJ)) || PRONOUN(&t[k]))
			return 0;
	if (k == s || k - s > NPMAX)
		return 0;
	make_who(c, s, k, &w);
	if (w.kind != W_NAME || !w.person)
		return 0;
	q->who = w;
	return 1;
}

/*
 * Before the quotation in its sentence: the nearest verb of saying and
 * its subject (X told reporters: "..."; X called it "...").  A verb with
 * no subject of its own ("Calling it "painful", X said"; "X said,
 * adding: "..."") takes that of another in the sentence.
 */
static int
before(struct wire_qctx *c, struct quo *q, size_t qt, size_t lo, size_t ss,
    size_t se)
{
	const struct tok *t = c->t;
	size_t	 v, u, t0, t1, e;
	int	 app;

	for (v = qt; v > lo; v--)
		if (t[v - 1].kind == K_WORD && (t[v - 1].lex & L_CUE))
			break;
	if (v == lo)
		return spoken_by(c, q, qt, lo) || colon_name(c, q, qt, ss);
	v--;
	if (word_is(c, v, "according")) {
		if (v + 2 < qt && word_is(c, v + 1, "to") &&
		    (e = np_fwd(c, v + 2, qt)) > v + 2)
			return set_who(c, q, v + 2, e, v);
		return 0;
	}
	/* "X was asked: "..."": someone unnamed asked. */
	if (passive(c, v, lo)) {
		if (!agent(c, q, v, se))
			q->cue = put_cue(c, v);
		return 1;
	}
	if (subj(c, ss, v, &t0, &t1, &app))
		return set_who(c, q, t0, t1, v);
	for (u = v; u > ss && v - u < LOOKBACK; u--)
		if ((t[u - 1].lex & L_CUE) && subj(c, ss, u - 1, &t0, &t1, &app))
			goto found;
	for (u = qt + 1; u < se && u < qt + CUEMAX; u++)
		if ((t[u].lex & L_CUE) && t[u].kind == K_WORD &&
		    subj(c, ss, u, &t0, &t1, &app))
			goto found;
	return 0;
found:
	make_who(c, t0, t1, &q->who);
	q->cue = put_cue(c, v);
	return 1;
}

/* Is the quotation at token qt a fragment inside a sentence? */
static int
fragment(const struct wire_qctx *c, size_t qt, size_t ss)
{
	const struct tok *p;
	const struct seg *g;
	size_t		 i, n;
	int32_t		 ch;

	if (qt == ss)
		return 0;
	p = &c->t[qt - 1];
	if (p->kind == K_PUNCT)
		return 0;
	if (p->kind == K_QUOTE)
		return 1;
	/* A verb of saying may bring in a whole sentence. */
	if (!(p->lex & L_CUE))
		return 1;
	g = lastseg((struct wire_qctx *)c, c->t[qt].q);
	for (i = g->a; i < g->b; i += n) {
		ch = wire_utf8_dec(c->text.p + i, g->b - i, &n);
		if (wire_uclass(ch) & (WIRE_C_ALPHA | WIRE_C_DIGIT))
			return !wire_isupper(ch);
	}
	return 1;
}

static void
set_last(struct wire_qctx *c, const struct who *w, int quote)
{
	if (w->kind == W_NONE)
		return;
	push(c, w);
	/*
	 * prevquote says, for now, whether this paragraph's last speaker
	 * was quoted: what a quotation opening the next one goes on from.
	 */
	if (quote || !same_name(c, &c->paralast, w))
		c->prevquote = quote;
	c->paralast = *w;
}

/*
 * A paragraph after one that ends "X wrote:" is X's words, set off
 * without marks (a block quotation); a quotation inside it with no
 * speaker of its own is X's too.
 */
static int
block_who(struct wire_qctx *c, struct quo *q)
{
	if (!c->prevcolon || c->prevpara.kind == W_NONE)
		return 0;
	q->who = c->prevpara;
	return 1;
}

/*
 * Does the verb of saying of the sentence [s, e) take an object of its
 * own ("Critics accused the mayor of ...", "Norway confirmed their
 * progress")?  Then the sentence is about that, not the quotation
 * before it.  "Said", "asked" and the like, which stand before their
 * subjects, and "told" with whom, are not read so.
 */
static int
own_object(const struct wire_qctx *c, size_t s, size_t e)
{
	const struct tok *t = c->t;
	size_t	 v;

	for (v = s; v < e && v < s + CUEMAX; v++)
		if (t[v].kind == K_WORD && (t[v].lex & L_CUE))
			break;
	if (v + 1 >= e || v >= s + CUEMAX || (t[v].lex & L_INV) ||
	    word_is(c, v, "told") || word_is(c, v, "tells") ||
	    word_is(c, v, "tell") || word_is(c, v, "telling") ||
	    word_is(c, v, "say") || word_is(c, v, "saying") ||
	    word_is(c, v, "according"))
		return 0;
	return t[v + 1].kind == K_WORD && !(t[v + 1].lex & (L_PREP | L_SUB |
	    L_TIME | L_ADV)) && !(t[v + 1].f & F_LY);
}

/* Give the quotation at token qt, in the sentence [ss, se), a speaker. */
static void
quote_here(struct wire_qctx *c, size_t qt, size_t ss, size_t se,
    size_t *nextend)
{
	struct tok	*t = c->t;
	struct quo	*q = &c->q[t[qt].q];
	size_t		 lo, hi, v, se2, t0, t1;
	int		 ok = 0, app, afterfirst;

	if (lastseg(c, t[qt].q) != &c->seg[q->seg0]) {
		/* The end of a quotation of several paragraphs. */
		if (q->closed && q->who.kind == W_NONE && q->cue == NOSTR)
			after(c, q, qt, se);
		set_last(c, &q->who, 1);
		return;
	}
	for (lo = qt; lo > ss && qt - lo < LOOKBACK && !is_q(c, lo - 1); lo--)
		;
	for (hi = qt + 1; hi < se && hi - qt < LOOKBACK && !is_q(c, hi); hi++)
		;
	q->partial = fragment(c, qt, ss);
	if (q->partial) {
		ok = before(c, q, qt, lo, ss, se);
		if (!ok && lo > ss) {
			/* Fragments in one sentence share a speaker. */
			struct quo *p = &c->q[t[lo - 1].q];

			if (p->who.kind != W_NONE || p->cue != NOSTR) {
				q->who = p->who;
				q->cue = p->cue;
				ok = 1;
			}
		}
		if (!ok)
			ok = after(c, q, qt, hi);
		/* Later in the sentence: "..., Zelensky said", "according to X". */
		for (v = qt + 1; !ok && v < se && v < qt + CUEMAX; v++) {
			if (t[v].kind != K_WORD || !(t[v].lex & L_CUE))
				continue;
			if (word_is(c, v, "according")) {
				if (v + 2 < se && word_is(c, v + 1, "to") &&
				    (t1 = np_fwd(c, v + 2, se)) > v + 2)
					ok = set_who(c, q, v + 2, t1, v);
			} else if (subj(c, qt + 1, v, &t0, &t1, &app) &&
			    is_comma(c, t0 - 1) && !passive(c, v, qt + 1))
				ok = set_who(c, q, t0, t1, v);
			/* "X published a letter on the "..." and called": X. */
			else if (joined(c, qt + 1, v) &&
			    clause_subj(c, ss, qt, &t0, &t1))
				ok = set_who(c, q, t0, t1, v);
		}
		if (!ok)
			block_who(c, q);
		set_last(c, &q->who, 1);
		return;
	}
	q->told = 1;
	afterfirst = t[qt].c == ',' || t[qt].c == '?' || t[qt].c == '!' ||
	    t[qt].c == '-' || (qt + 1 < se && t[qt + 1].kind == K_PUNCT &&
	    (t[qt + 1].c == ',' || t[qt + 1].c == '-'));
	if (afterfirst)
		ok = after(c, q, qt, hi) || before(c, q, qt, lo, ss, se);
	else
		ok = before(c, q, qt, lo, ss, se) || after(c, q, qt, hi);
	/* The next sentence: "...?" Borger asked. */
	if (!ok && qt + 1 == se && se < c->nt) {
		for (se2 = se; se2 < c->nt && !(t[se2].f & F_SEND); se2++)
			;
		*nextend = se2;
		/* Not one that has a quotation of its own. */
		for (v = se; v <= se2 && v < c->nt && !is_q(c, v); v++)
			;
		ok = (v > se2 || v == c->nt) && !own_object(c, se, se2) &&
		    cue_first(c, q, se, se2 + 1, 0);
	}
	if (!ok) {
		q->told = 0;
		ok = block_who(c, q);
	}
	/* The speaker so far in the paragraph, or of the one before. */
	if (!ok && c->paralast.kind != W_NONE) {
		q->who = c->paralast;
		ok = 1;
	}
	if (!ok && qt == 0 && c->prevquote)
		q->who = c->prevpara;
	set_last(c, &q->who, 1);
}

/*
 * A person named as the subject of a sentence ("Ben Carson took ...")
 * is someone a later "he" or "she" may mean, and the likely speaker of
 * a quotation that follows with no words of its own on who.
 */
static void
subject_here(struct wire_qctx *c, size_t ss, size_t se)
{
	const struct tok *t = c->t;
	struct who	 w;
	size_t		 i, r, e = ss, rs = ss;
	int		 titled = 0;

	/*
	 * Without a tagger, the verb is taken to follow the last run of
	 * capitalised words before anything that ends a noun phrase.
	 */
	/* "But Mr. Netanyahu did not see it that way." */
	if (ss < se && (t[ss].lex & (L_CONJ | L_ADV)) && !(t[ss].lex & L_SUB))
		ss++;
	/*
	 * "Addressing Lisbon traders, Olmo listed ...": a participle opens
	 * the sentence and has no subject; the subject follows its comma.
	 */
	if (ss + 1 < se && t[ss].kind == K_WORD && (t[ss].f & F_CAP) &&
	    (t[ss].f & F_ING) && t[ss].len > 5 && t[ss + 1].kind == K_WORD) {
		for (i = ss + 2; i < se && !is_comma(c, i) && !is_hard(c, i); i++)
			;
		if (i < se && is_comma(c, i))
			ss = i + 1;
	}
	e = rs = ss;
	/* "The 31-year-old was third behind Anna Brink": a verb ends it. */
	for (i = ss; i < se && i < ss + NPMAX && t[i].kind == K_WORD &&
	    (!(t[i].lex & (L_PREP | L_SUB | L_CONJ | L_REL | L_CUE | L_TIME)) ||
	    (word_is(c, i, "and") && roles_and(c, i, se))) &&
	    !((t[i].lex & L_BE) && LOWER(&t[i])) && !PRONOUN(&t[i]); i++) {
		if (t[i].lex & (L_TITLE | L_HON))
			titled = 1;
		/*
		 * "Kallas helped launch the new ferry line": a determiner
		 * after lower-case words that follow a name begins an
		 * object, past the verb.
		 */
		if (e != ss && (t[i].lex & L_DET) && LOWER(&t[i - 1]) &&
		    !(t[i - 1].lex & L_DET))
			break;
		/* "Kalda will skip Sunday's regatta": so does a modal. */
		if (e != ss && i == e && (t[i].lex & L_ADV) && LOWER(&t[i]))
			break;
		if (!(t[i].f & F_CAP) || (t[i].lex & (L_DET | L_TITLE |
		    L_HON)))
			continue;
		for (r = i; r < se && (t[r].f & F_CAP) && !(t[r].lex &
		    (L_DET | L_TITLE | L_HON | L_CUE | L_TIME)) &&
		    !(t[r].f & F_POSS); r++)
			;
		if (r < se && (LOWER(&t[r]) || (t[r].kind == K_PUNCT &&
		    t[r].c == ','))) {
			e = r;
			rs = i;
		}
		i = r > i ? r - 1 : i;
	}
	if (e == ss || (t[e].lex & (L_CUE | L_PREP)))
		return;
	/* One word alone is a person's only if named in full before. */
	if (e - rs == 1 && !titled && expand(c, c->text.p + t[rs].off,
	    t[rs].len) == NOSTR)
		return;
	make_who(c, ss, e, &w);
	if (w.kind == W_NAME && w.person)
		set_last(c, &w, 0);
}

/* A verb of saying outside the quotations: remember its subject. */
static void
cue_here(struct wire_qctx *c, size_t v, size_t ss)
{
	struct who	w;
	size_t		lo, t0, t1, e;
	int		app;

	for (lo = v; lo > ss && v - lo < LOOKBACK && !is_q(c, lo - 1); lo--)
		;
	if (word_is(c, v, "according")) {
		if (v + 2 < c->nt && word_is(c, v + 1, "to") &&
		    (e = np_fwd(c, v + 2, c->nt)) > v + 2) {
			make_who(c, v + 2, e, &w);
			set_last(c, &w, 0);
		}
		return;
	}
	/*
	 * "..., thinks Mara Quist, editor of Coast Weekly.": a verb that may
	 * stand first, after a comma or a clause, with its subject after.
	 */
	if ((c->t[v].lex & L_INV) && v > lo && LOWER(&c->t[v]) &&
	    (is_comma(c, v - 1) || LOWER(&c->t[v - 1])) &&
	    v + 1 < c->nt && (c->t[v + 1].f & F_CAP) &&
	    !(c->t[v + 1].lex & (L_PRON | L_DET)) &&
	    (e = np_fwd(c, v + 1, c->nt)) > v + 1 &&
	    (e == c->nt || c->t[e].kind == K_PUNCT)) {
		make_who(c, v + 1, e, &w);
		if (w.kind == W_NAME)
			set_last(c, &w, 0);
		return;
	}
	if (passive(c, v, lo) || !subj(c, lo, v, &t0, &t1, &app))
		return;
	make_who(c, t0, t1, &w);
	set_last(c, &w, 0);
}

/*
 * Does the quotation token i follow a verb of saying and "as" ("branded
 * the deal as "a Historic Mistake"", "referring to it as the "Great
 * Satan"")?  Words in capitals there are someone's, not a title.
 */
static int
named_as(const struct wire_qctx *c, size_t i)
{
	const struct tok *t = c->t;
	size_t	 j = i, k;

	while (j > 0 && (t[j - 1].lex & L_DET) && t[j - 1].kind == K_WORD)
		j--;
	if (j < 2 || !word_is(c, j - 1, "as"))
		return 0;
	/* Not "the show described as": the verb must have an object. */
	for (k = j - 2; k > 0 && j - k < 8 && t[k - 1].kind == K_WORD; k--)
		if ((t[k - 1].lex & L_CUE) && LOWER(&t[k - 1]))
			return 1;
	return 0;
}

/* Titles and empty quotations of the paragraph are no quotations. */
static void
titles(struct wire_qctx *c)
{
	struct quo	*q;
	size_t		 i;
	int		 k;

	for (i = 0; i < c->nt; i++) {
		if (c->t[i].kind != K_QUOTE)
			continue;
		q = &c->q[c->t[i].q];
		if (q->nseg != 1 || !q->closed)
			continue;
		k = title_case(c, &c->seg[q->seg0]);
		/* "on "Meet the Press"", "for "R" or "D"": a name. */
		if (k == 1 && i > 0 && c->t[i - 1].kind == K_WORD &&
		    ((c->t[i - 1].lex & (L_PREP | L_DET | L_CONJ)) ||
		    (c->t[i - 1].f & F_POSS)))
			k = 3;
		if (k != 2 && named_as(c, i))
			continue;
		if (k >= 2 || (k == 1 && !said_next_to(c, i)))
			q->title = 1;
	}
}

static void
paragraph(struct wire_qctx *c, size_t r0, size_t r1, size_t para)
{
	const char	*s = c->text.p;
	size_t		 a = c->roff[r0], b = c->roff[r1 - 1] + c->rlen[r1 - 1];
	size_t		 q0, from = 0, qi, om, ss, se, i, k, nextend, last;
	struct seg	*g;
	int		 dbl;

	scan_marks(c, a, b);
	q0 = c->nq;
	if (c->open != NOSTR) {
		/* The quotation running on: the first mark here is its. */
		q0 = c->open;
		grow((void **)&c->seg, &c->capseg, c->nseg + 1, sizeof(*g));
		g = &c->seg[c->nseg++];
		g->ma = c->m[0].off;
		g->a = c->m[0].off + c->m[0].len;
		g->b = g->mb = b;
		c->q[c->open].nseg++;
		from = 1;
	}
	for (;;) {
		qi = pair(c, b, para, from, &om);
		c->open = NOSTR;
		if (qi == NOSTR)
			break;
		if (r1 < c->nrec && runs_on(s, c->roff[r1], c->roff[r1] +
		    c->rlen[r1], c->q[qi].dbl)) {
			c->open = qi;
			break;
		}
		/*
		 * Never closed: the mark opened nothing.  No mark of its kind
		 * after it closes anything either (one would have closed it),
		 * so they are all taken back and the rest paired again; the
		 * text is read at most three times.
		 */
		dbl = c->q[qi].dbl;
		drop_quote(c, qi);
		if (om == NOSTR) {
			om = 0;
			q0 = c->nq;
			from = 0;
		} else
			from = om + 1;
		for (k = om; k < c->nm; k++)
			if (c->m[k].dbl == dbl)
				c->m[k].off_ = 1;
	}
	tokenize(c, a, b, q0, r0);
	sentence_ends(c);
	titles(c);
	if (c->titled)
		title_names(c);

	memset(&c->paralast, 0, sizeof(c->paralast));
	c->paralast.name = c->paralast.role = NOSTR;
	for (ss = last = 0; ss < c->nt; ss = se) {
		last = ss;
		for (se = ss; se < c->nt && !(c->t[se].f & F_SEND); se++)
			;
		if (se < c->nt)
			se++;
		nextend = 0;
		subject_here(c, ss, se);
		for (i = ss; i < se; i++) {
			if (is_q(c, i))
				quote_here(c, i, ss, se, &nextend);
			else if (c->t[i].kind == K_WORD &&
			    (c->t[i].lex & L_CUE) && !(c->t[i].f & F_USED))
				cue_here(c, i, ss);
		}
	}
	/*
	 * A quotation that opens the next paragraph with no speaker of
	 * its own goes on with this paragraph's last speaker, if this one
	 * ended with a quotation or "X said:".
	 */
	c->prevcolon = c->nt > 0 && c->t[c->nt - 1].kind == K_PUNCT &&
	    c->t[c->nt - 1].c == ':';
	if (c->prevcolon)
		c->prevquote = 1;
	/* A block quotation follows "X wrote:", not "three reasons:". */
	for (i = last; c->prevcolon && i < c->nt && !(c->t[i].kind ==
	    K_WORD && (c->t[i].lex & L_CUE)); i++)
		;
	c->prevcolon = c->prevcolon && i < c->nt;
	if (c->paralast.kind == W_NONE)
		c->prevquote = c->prevcolon = 0;
	c->prevpara = c->paralast;
}

/* ---- the run ----------------------------------------------------- */

static void
results(struct wire_quotes *wq)
{
	struct wire_qctx *c = wq->ctx;
	struct quo	*q;
	struct seg	*g;
	size_t		 k, i, r, lo, hi, s, e, first;

	wq->nq = wq->npart = 0;
	grow((void **)&wq->q, &c->capoq, c->nq + 1, sizeof(*wq->q));
	for (k = 0; k < c->nq; k++) {
		q = &c->q[k];
		if (q->title || !q->closed)
			continue;
		first = wq->npart;
		for (i = 0; i < q->nseg; i++) {
			g = &c->seg[q->seg0 + i];
			/* The record that holds its start. */
			lo = 0;
			hi = c->nrec;
			while (hi - lo > 1) {
				r = lo + (hi - lo) / 2;
				if (c->roff[r] <= g->a)
					lo = r;
				else
					hi = r;
			}
			for (r = lo; r < c->nrec && c->roff[r] < g->b; r++) {
				s = g->a > c->roff[r] ? g->a : c->roff[r];
				e = g->b < c->roff[r] + c->rlen[r] ? g->b :
				    c->roff[r] + c->rlen[r];
				if (e <= s)
					continue;
				grow((void **)&wq->part, &c->capop,
				    wq->npart + 1, sizeof(*wq->part));
				wq->part[wq->npart].quote = wq->nq;
				wq->part[wq->npart].rec = r;
				wq->part[wq->npart].s = s - c->roff[r];
				wq->part[wq->npart].e = e - c->roff[r];
				wq->npart++;
			}
		}
		if (wq->npart == first)
			continue;
		wq->q[wq->nq].n = ++c->number;
		wq->q[wq->nq].part0 = first;
		wq->q[wq->nq].nparts = wq->npart - first;
		wq->q[wq->nq].partial = q->partial;
		wq->q[wq->nq].speaker = q->who.kind != W_NONE &&
		    q->who.name != NOSTR ? str(c, q->who.name) : "-";
		wq->q[wq->nq].role = q->who.kind == W_NAME &&
		    q->who.role != NOSTR ? str(c, q->who.role) : "";
		wq->q[wq->nq].cue = q->cue != NOSTR ? str(c, q->cue) : "-";
		wq->nq++;
	}
}

void
wire_quotes_run(struct wire_quotes *wq)
{
	struct wire_qctx *c = wq->ctx;
	size_t		 r, r1, end, para = 0;

	if (c->strs.len > (1 << 20))
		compact(c);
	c->nq = c->nseg = 0;
	c->open = NOSTR;
	c->ran = 1;
	/*
	 * What a paragraph teaches (names, the last speaker) only serves
	 * quotations after it, so the paragraphs after the last one with a
	 * quotation mark are not read at all: a document without quotations
	 * costs one scan for marks.  Not when the document goes on: what
	 * they teach then serves its next part.
	 */
	for (end = c->nrec; !wq->more && end > 0; end = r) {
		for (r = end - 1; r > 0 && !c->rnew[r]; r--)
			;
		scan_marks(c, c->roff[r], c->roff[end - 1] + c->rlen[end - 1]);
		if (c->nm > 0)
			break;
	}
	for (r = 0; r < end; r = r1) {
		for (r1 = r + 1; r1 < end && !c->rnew[r1]; r1++)
			;
		paragraph(c, r, r1, para++);
	}
	if (c->open != NOSTR)
		drop_quote(c, c->open);
	c->open = NOSTR;
	results(wq);
}
