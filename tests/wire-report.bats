#!/usr/bin/env bats
# wire-report: the checklist, how stories are made, what the report
# says of them, and the rules that make it trustworthy: named speakers
# only at the top, surnames joined to full names, articles with no body
# listed once, templates kept apart, -j that changes nothing.

load helper

STORY=$FIX/story

# records FILE...: the pipeline's records of each file, into all.rec.
records() {
	local f
	for f in "$@"; do wire-strip -m "$f" | wire-split | wire-quotes; done > all.rec
}

report() {
	records "$@"
	wire-report all.rec
}

# sentences DOC TEXT...: sentence records of one document.
sentences() {
	local doc=$1 i=0
	shift
	for t in "$@"; do i=$((i + 1)); printf '%s\t%d.1\t%s\n' "$doc" "$i" "$t"; done
}

# article FILE TITLE PARAGRAPH...: an article file of our own.
article() {
	local f=$1
	shift
	printf '%s\n' "$@" | sed 'G' > "$f"
}

S=("The harbour board met on Tuesday to discuss the cost of repairing the northern pier."
   "Engineers told the board that the old sea wall had survived the storm with minor cracks."
   "The mayor asked the government for forty million crowns in emergency funds last week."
   "Ferry services to the islands are expected to resume on Wednesday morning after inspections."
   "Shops along the waterfront reported selling out of candles and batteries during the outage."
   "The weather service warned that a second storm could reach the coast by the weekend.")
T=("A local school opened its gymnasium to families whose homes were flooded by seawater."
   "Volunteers from the sailing club helped to move boats away from the damaged moorings."
   "The fish market will stay closed until electricians have checked all of its freezers.")

# ---- the checklist ---------------------------------------------------------

@test "wire-report: usage" {
	check_usage wire-report
	run wire-report -f xml
	assert_failure 2
	run wire-report -j 0
	assert_failure 2
	run wire-report a b
	assert_failure 2
}

@test "wire-report: standard input, a file and - give one report" {
	records "$STORY"/*.txt
	a=$(wire-report all.rec)
	b=$(wire-report < all.rec)
	c=$(wire-report - < all.rec)
	[ -n "$a" ]
	[ "$a" = "$b" ]
	[ "$a" = "$c" ]
}

@test "wire-report: a missing file is named, with status 1" {
	run --separate-stderr wire-report nosuchfile
	assert_failure 1
	[ "$stderr" = "wire-report: nosuchfile: No such file or directory" ]
}

@test "wire-report: empty input" {
	run wire-report < /dev/null
	assert_success
	assert_line "wire story report: 0 articles, 0 stories (0 of more than one article)"
}

@test "wire-report: a closed stdout ends it quietly" {
	records "$SEEDS"/*.txt
	run --separate-stderr bash -c 'wire-report all.rec | head -1'
	assert_success
	[ -z "$stderr" ]
}

@test "wire-report: lines that are not records are named; NUL and bad UTF-8 pass" {
	{
		sentences a "${S[@]}"
		printf 'not a record\n'
		sentences b "${S[0]}" "$(printf 'Caf\xe9 owners \x01counted the cost of the storm on the pier.')"
	} > all.rec
	run --separate-stderr wire-report all.rec
	assert_failure 1
	[[ "$stderr" == *"all.rec:7: "* ]]
	assert_line --partial "wire story report: 2 articles"
}

@test "wire-report: the records of a document must be together" {
	{ sentences a "${S[0]}"; sentences b "${T[0]}"; sentences a "${S[1]}"; } > all.rec
	run --separate-stderr wire-report all.rec
	assert_failure 1
	[[ "$stderr" == *"all.rec:3: a: records of a document must be together"* ]]
}

# ---- stories -----------------------------------------------------------------

@test "report rule: articles sharing wire copy are one story; a rewrite is another" {
	run report "$STORY"/wire.txt "$STORY"/local.txt "$STORY"/other.txt
	assert_success
	assert_line "wire story report: 3 articles, 2 stories (1 of more than one article)"
	assert_line "== Story 1: Harbour town counts the cost of the great storm"
	assert_line "   2 articles; the fullest is the base"
	assert_line --regexp "^   base  .*wire.txt \(9 sentences\)$"
	assert_line --regexp "^   .*other.txt \(5 sentences\): Chess club in Moss wins the national title$"
}

@test "report rule: each version is summed up against the base" {
	run report "$STORY"/wire.txt "$STORY"/local.txt
	assert_line --regexp '^   .*local.txt keeps [0-9]+% of the base, changes [0-9]+ sentences?, adds 1, drops 3, moves 0$'
}

@test "report rule: an exact copy is identical, not a copy that keeps 100%" {
	cp "$STORY"/wire.txt copy.txt
	run report "$STORY"/wire.txt copy.txt
	assert_line --regexp '^   copy.txt is identical to the base$'
	refute_output --partial "keeps 100%"
}

@test "report rule: sentences only one outlet has are its own reporting" {
	run report "$STORY"/wire.txt "$STORY"/local.txt
	assert_line --regexp '^     [0-9.]+  The school on Fjord Street, used as a shelter'
	assert_line --regexp '^     [0-9.]+  Fishermen, who lost two days of catch'
	refute_line --regexp '^     [0-9.]+  Engineers said the old sea wall had held'
}

@test "report rule: quote drift shows the word-level change, not quote style" {
	run report "$STORY"/wire.txt "$STORY"/local.txt
	assert_line "   Quote drift (one quotation, rendered differently)"
	assert_line --partial 'this time[-,-] but the wall will not survive another winter like this [-one-]'
	sed 's/"The ferries/\xe2\x80\x9cThe ferries/; s/berth,"/berth,\xe2\x80\x9d/' \
	    "$STORY"/local.txt > curly.txt
	run report "$STORY"/wire.txt curly.txt
	refute_output --partial 'ferries will run again on Wednesday.{'
	refute_output --partial '[-"-]'
}

@test "report rule: a quotation over two sentences is shown whole" {
	article a.txt "Harbour repairs will start in spring" \
	    "The harbour board agreed on Tuesday to repair the northern pier before the summer season." \
	    "\"The pier is older than any of us. We cannot let it fall into the sea,\" said board chairman Lars Vik, who called the vote a relief." \
	    "Work is expected to take four months and to cost about twelve million crowns in all."
	cp a.txt b.txt
	run report a.txt b.txt
	assert_line --partial '"The pier is older than any of us. We cannot let it fall into the sea,"'
}

@test "report rule: stories are stars around the fullest text, not chains" {
	{
		sentences big "${S[@]}"
		sentences mid "${S[0]}" "${S[1]}" "${S[2]}" "${T[@]}"
		# small shares three sentences with mid and none with big.
		sentences small "${T[@]}" "A bakery on the main square gave away bread to anyone who asked for it."
	} > all.rec
	wire-report -f tsv all.rec
	grep -q "^1${TAB}2${TAB}" stories.tsv
	grep -q "^1${TAB}big${TAB}base${TAB}" members.tsv
	grep -q "^1${TAB}mid${TAB}" members.tsv
	grep -q "^2${TAB}small${TAB}" members.tsv
}

@test "report rule: a sentence or two in common makes no story" {
	{
		sentences results "${S[@]:0:5}"
		sentences other "${S[0]}" "${T[@]}" "A bakery on the main square gave away bread to anyone who asked for it."
	} > all.rec
	run wire-report all.rec
	assert_line "wire story report: 2 articles, 2 stories (0 of more than one article)"
}

@test "report rule: a template filled with other figures is another story" {
	fed() {
		sentences "$1" \
		    "The Federal Reserve entered the government securities market to arrange $2 billion dlrs of customer repurchase agreements." \
		    "Federal funds were trading at $3 pct when the Fed began its temporary and indirect supply of reserves." \
		    "Economists said the Fed was expected to add about $4 billion dlrs of reserves this week."
	}
	{ fed mon 1.5 6-1/4 2.5; fed tue 2.0 6-3/8 3.0; fed copy 1.5 6-1/4 2.5; } > all.rec
	run wire-report all.rec
	assert_line "wire story report: 3 articles, 2 stories (1 of more than one article)"
	assert_line --regexp '^   copy is identical to the base$'
	assert_line --regexp '^   tue \(3 sentences\)'
}

@test "report rule: a quotation of 10 KB, and one in 300 articles, are reported whole" {
	long=$(for i in $(seq 400); do printf 'the harbour wall %d will hold ' "$i"; done)
	article a.txt "A very long statement from the harbour board" \
	    "The harbour board published its statement on the storm and the repairs on Tuesday." \
	    "\"$long\" said board chairman Lars Vik in the statement released on Tuesday."
	[ "${#long}" -gt 10000 ]
	cp a.txt b.txt
	mkdir -p many
	for i in $(seq 300); do cp "$STORY"/wire.txt "many/w$i.txt"; done
	records a.txt b.txt many/*.txt
	run --separate-stderr wire-report all.rec
	assert_success
	assert_line --regexp "^     \"${long:0:200}.* will hold ?\"  \(a.txt, b.txt\)$"
	assert_line "   300 articles; the fullest is the base"
	assert_line --regexp '^     "We were lucky this time, .*"  \(.*and 297 more\)$'
}

# ---- the head of the report --------------------------------------------------

@test "report rule: top speakers are named; a spokesman is not summed across stories" {
	article a.txt "Council approves new budget for the harbour district" \
	    "The town council approved a new budget for the harbour district on Tuesday after a long debate." \
	    "\"The plan is sound and the money is there,\" a spokesman for the council said after the vote." \
	    "\"We will start work in the spring,\" said councillor Anna Berg, who chairs the harbour committee."
	article b.txt "Rail operator orders twenty new trains for northern lines" \
	    "The national rail operator has ordered twenty new trains for its northern lines, the company said." \
	    "\"These trains will cut journey times by a quarter,\" a spokesman for the operator said." \
	    "\"Passengers will notice the difference at once,\" said Erik Lund, the operator's chief executive."
	report a.txt b.txt | sed -n '/^Top speakers/,/^$/p' > top
	grep -q '  Anna Berg$' top
	grep -q '  Erik Lund$' top
	! grep -qi 'spokesman' top
	# The spokesmen still show in their own stories.
	wire-report -f tsv all.rec
	[ "$(grep -c "${TAB}a spokesman${TAB}no${TAB}" quotations.tsv)" -eq 2 ]
	! grep -qi spokesman speakers.tsv
}

@test "report rule: a bare surname joins the one full name the dump has" {
	article a.txt "Council approves new budget for the harbour district" \
	    "The town council approved a new budget for the harbour district on Tuesday after a long debate." \
	    "\"We will start work in the spring,\" said councillor Anna Berg, who chairs the harbour committee."
	article b.txt "Harbour contracts to be signed in March" \
	    "The first contracts for the repair of the harbour will be signed in March, the council said." \
	    "\"The builders are ready and so are we,\" Berg told reporters on Thursday afternoon."
	report a.txt b.txt | sed -n '/^Top speakers/,/^$/p' > top
	grep -q '^ *2 *2  Anna Berg$' top
	! grep -q '  Berg$' top
	# Two full names that end with it: the surname stays as it is.
	article c.txt "Ferry company names a new captain for the winter" \
	    "The ferry company has named a new captain for its winter crossings to the islands." \
	    "\"The sea is rougher in winter and we are ready for it,\" said captain Nils Berg, aged 52."
	report a.txt b.txt c.txt | sed -n '/^Top speakers/,/^$/p' > top
	grep -q '  Berg$' top
	grep -q '  Anna Berg$' top
	grep -q '  Nils Berg$' top
}

@test "report rule: speakers spelt two ways are one speaker; two names are drift" {
	sed 's/Solberg/Kovalsky/g' "$STORY"/wire.txt > wire.txt
	sed 's/Solberg/Kovalskiy/g' "$STORY"/local.txt > local.txt
	report wire.txt local.txt | sed -n '/^Top speakers/,/^$/p' > top
	grep -c 'Ingrid Kovals' top | grep -qx 1
	grep -q '  2  Ingrid Kovalsk' top
	# Names that are not spellings of one another stay apart, and the
	# quotation put in someone else's mouth is drift.
	sed 's/Solberg/Solheim/g' "$STORY"/local.txt > other.txt
	report "$STORY"/wire.txt other.txt > out
	sed -n '/^Top speakers/,/^$/p' out > top
	grep -c 'Ingrid Sol' top | grep -qx 2
	grep -qx '     speaker: Ingrid \[-Solberg-\]{+Solheim+}' out
	# A description is not someone else: no drift for it.
	sed 's/Mayor Ingrid Solberg/the mayor/' "$STORY"/local.txt > desc.txt
	! report "$STORY"/wire.txt desc.txt | grep -q 'speaker:'
}

@test "report rule: an article with no body is listed once, with why, and is no story" {
	{
		sentences a "${S[@]}"
		printf 'table\t0\tAvg shrs 5,153,000 vs five mln\tclass=title\n'
		sentences b "${T[@]}"
	} > all.rec
	printf 'a\ttext\nb\ttext\ntable\ttext\nempty.txt\tempty\nzip.txt\tbinary\nlost.txt\ttext\n' > man.tsv
	run wire-report -m man.tsv all.rec
	assert_success
	assert_line "wire story report: 3 articles, 2 stories (0 of more than one article)"
	assert_line "Articles with no body (4)"
	assert_line "   table: no body text found"
	assert_line "   empty.txt: skipped: empty file"
	assert_line "   zip.txt: skipped: binary file (NUL bytes)"
	assert_line "   lost.txt: no body text found"
	[ "$(grep -c 'table' <<< "$output")" -eq 1 ]
}

@test "report rule: the index lists the stories of several articles, with outlets and dates" {
	mkdir -p one two
	{ printf 'Harbour town counts the cost\n\nMonday, 3 March 2025\n\n'; tail -n +3 "$STORY"/wire.txt; } > one/wire.txt
	{ printf 'Harbour town counts the cost\n\nMarch 5, 2025\n\n'; tail -n +3 "$STORY"/wire.txt; } > two/wire.txt
	run report one/wire.txt two/wire.txt "$STORY"/other.txt
	assert_line "Stories of more than one article"
	assert_line --regexp "^     1  2 articles, 2 outlets, 2025-03-03 to 2025-03-05: Harbour town counts the cost$"
	assert_line "Single articles (1)"
}

@test "report rule: a quotation many articles carry names three of them" {
	for i in 1 2 3 4 5; do cp "$STORY"/wire.txt "w$i.txt"; done
	run report w?.txt
	assert_line --regexp '^     ".*"  \(w2.txt, w1.txt, w3.txt and 2 more\)$|^     ".*"  \(w[0-9].txt, w[0-9].txt, w[0-9].txt and 2 more\)$'
}

@test "wire-report: a NUL in a sentence of own reporting or drift is shown as U+FFFD" {
	sentences a.txt "${S[@]:0:4}" > all.rec
	{ sentences b.txt "${S[@]:0:4}"; printf 'b.txt\t9.1\tOwn words with a\\0 NUL in them, and more words here.\n'; } >> all.rec
	run wire-report all.rec
	assert_success
	assert_output --partial $'Own words with a\xef\xbf\xbd NUL'
	run wire-report -f tsv -o t all.rec
	assert_success
	grep -q $'Own words with a\xef\xbf\xbd NUL' t/own.tsv
}

# ---- -f tsv and -j ---------------------------------------------------------------

@test "wire-report -f tsv: tables with header lines, in -o" {
	records "$STORY"/*.txt
	mkdir t
	run wire-report -f tsv -o t all.rec
	assert_success
	assert_output ''
	for f in stories members own quotations drift speakers nobody; do
		[ -s "t/$f.tsv" ]
	done
	head -1 t/stories.tsv | grep -qx "story${TAB}articles${TAB}outlets${TAB}first${TAB}last${TAB}base${TAB}title"
	head -1 t/members.tsv | grep -q "^story${TAB}doc${TAB}relation${TAB}"
	head -1 t/quotations.tsv | grep -q "^story${TAB}speaker${TAB}"
	head -1 t/drift.tsv | grep -q "^story${TAB}doc_a${TAB}"
	[ "$(sed 1d t/stories.tsv | wc -l)" -eq 2 ]
	grep -q "^1${TAB}.*local.txt${TAB}copy${TAB}7${TAB}" t/members.tsv
	# Each table has as many fields on each line as in its header.
	for f in t/*.tsv; do
		awk -F '\t' 'NR == 1 { n = NF } NF != n { exit 1 }' "$f"
	done
}

@test "wire-report -j: the same report from any number of workers" {
	# Enough text for the workers to take parts of it.
	for i in $(seq 8); do
		for f in "$SEEDS"/*.txt "$STORY"/*.txt; do
			wire-strip -m "$f" | wire-split | wire-quotes | sed "s,^[^\t]*,c$i/&,"
		done
	done > all.rec
	[ "$(wc -c < all.rec)" -gt 200000 ]
	wire-report -j 1 all.rec > one.txt
	wire-report -j 3 all.rec > three.txt
	cmp one.txt three.txt
	grep -q "^wire story report: 64 articles" one.txt
	mkdir t1 t3
	wire-report -f tsv -j 1 -o t1 all.rec
	wire-report -f tsv -j 3 -o t3 all.rec
	diff -r t1 t3
}
