/*
 * lex.c: the word classes that wire-quotes looks up.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

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
uint32_t
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
uint32_t
lex(const char *w, size_t len)
{
	uint32_t	h;
	int		ascii;

	h = lexhash(w, len, &ascii);
	return ascii ? lex_h(w, len, h) : 0;
}

void
lex_init(void)
{
	if (lexbloom[0] == 0 && lexbloom[1] == 0 && lexbloom[2] == 0)
		lex_build();
}
