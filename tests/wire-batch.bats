#!/usr/bin/env bats
# wire-batch and wire-report: the outputs, incremental and interrupted
# runs, -j, bad files, the report's rules, and the map-reduce dedupe of
# docs/scaling.md.

load helper

STORY=$FIX/story

# dump DIR FILE...: a dump directory holding copies of the files.
dump() {
	local d=$1
	shift
	mkdir -p "$d"
	cp "$@" "$d"/
}

# outputs OUTDIR [unique.rec]: everything a run leaves that a user
# reads, as one stream; the second operand empty leaves unique.rec out.
outputs() {
	local f
	for f in "$1"/records/*.rec "$1"/${2-unique.rec} "$1"/quotes.tsv \
	    "$1"/report.txt "$1"/manifest.tsv; do
		printf '==> %s\n' "${f#"$1"/}"
		cat "$f"
	done
}

@test "wire-batch: usage" {
	check_usage wire-batch
	run wire-batch
	assert_failure 2
	run wire-batch -j x d
	assert_failure 2
	run wire-batch -f xml d
	assert_failure 2
	check_usage wire-report
}

@test "wire-batch: a dump directory that does not exist" {
	run --separate-stderr wire-batch -o out no-such-dump
	assert_failure 1
	[[ "$stderr" == *"no-such-dump: not a directory"* ]]
	[ ! -e out/current ]
}

@test "wire-batch: records, unique.rec, quotes.tsv and report.txt" {
	dump d "$SEEDS"/*.txt
	run wire-batch -o out d
	assert_success
	# One record file per article, each what the pipeline writes.
	[ "$(ls out/records | wc -l)" -eq 5 ]
	for f in d/*.txt; do
		r=out/records/$(printf '%s' "$f" | sed 's,/,%2F,g').rec
		wire-strip -m "$f" | wire-split | wire-quotes | cmp - "$r"
	done
	# unique.rec is the near-deduplicated corpus.
	cat out/records/*.rec | wire-dedupe -n | cmp - out/unique.rec
	# quotes.tsv: a header, then one line per quotation.
	head -1 out/quotes.tsv | grep -q "^doc${TAB}pos${TAB}speaker"
	[ "$(sed 1d out/quotes.tsv | wc -l)" -eq \
	    "$(cat out/records/*.rec | wire-quotes -l | wc -l)" ]
	grep -q "^== Story 1: " out/report.txt
	grep -q "^wire story report: 5 articles, 2 stories" out/report.txt
}

@test "wire-batch: an unchanged rerun does nothing and says so" {
	dump d "$SEEDS"/*.txt
	wire-batch -o out d
	before=$(outputs out; readlink out/current)
	run --separate-stderr wire-batch -o out d
	assert_success
	[[ "$stderr" == *"up to date"* ]]
	[ "$(outputs out; readlink out/current)" = "$before" ]
}

@test "wire-batch: a second run processes only new and changed files" {
	dump d "$SEEDS"/00[012]_*.txt
	wire-batch -o out d
	cp out/unique.rec first.rec
	ino=$(stat -c %i out/records/d%2F000_*.rec)
	cp "$SEEDS"/003_*.txt d/
	sed 's/Berlin/Bonn/' "$SEEDS"/001_*.txt > d/001_*.txt
	run --separate-stderr wire-batch -o out d
	assert_success
	[[ "$stderr" == *"4 files: 2 processed, 2 unchanged"* ]]
	# The unchanged article's records were reused, not made again.
	[ "$(stat -c %i out/records/d%2F000_*.rec)" = "$ino" ]
	grep -q Bonn out/records/d%2F001_*.rec
	# The outputs are those of a clean run, but for unique.rec, which
	# keeps what earlier runs wrote and adds what the new articles add.
	wire-batch -o clean d
	diff <(outputs out '') <(outputs clean '')
	# unique.rec: what the first run kept, then what 001 and 003 add
	# that no earlier run had.
	n0=$(wc -l < first.rec)
	head -n "$n0" out/unique.rec | cmp - first.rec
	cat first.rec out/records/d%2F00[13]_*.rec | wire-dedupe -n |
	    tail -n +"$((n0 + 1))" | cmp - <(tail -n +"$((n0 + 1))" out/unique.rec)
}

@test "wire-batch: a run killed midway leaves the last run; the next completes it" {
	dump d "$SEEDS"/00[01]_*.txt
	wire-batch -o out d
	for i in $(seq 30); do
		for f in "$SEEDS"/*.txt; do cp "$f" "d/$i-${f##*/}"; done
	done
	before=$(outputs out)
	for delay in 0.2 0.6 1.2; do
		setsid wire-batch -o out d 2> /dev/null &
		pid=$!
		sleep "$delay"
		kill -KILL -- "-$pid" 2> /dev/null || true
		wait "$pid" || true
		# Either the old run or a finished new one; never a mixture.
		now=$(outputs out)
		[ "$now" = "$before" ] || grep -q "^wire story report: 152 articles" out/report.txt
	done
	wire-batch -o out d 2> /dev/null
	# A clean run with the same history: the first dump, then the rest.
	mv d d.all; mkdir d; cp d.all/00[01]_*.txt d/
	wire-batch -o clean d 2> /dev/null
	rm -r d; mv d.all d
	wire-batch -o clean d 2> /dev/null
	diff <(outputs out) <(outputs clean)
	[ "$(ls out/gen)" = "$(ls out/gen | head -1)" ]	# one generation left
}

# killer TOOL: a copy of the programs in kbin/ in which TOOL kills the
# whole process group it runs in, at a fixed point of the run.
killer() {
	mkdir -p kbin
	cp "$WIRE_BIN"/* kbin/
	printf '#!/bin/sh\nkill -KILL -- -"$(ps -o pgid= $$ | tr -d " ")"\n' > "kbin/$1"
	chmod +x "kbin/$1"
}

@test "wire-batch: killed in the per-article stage or in the report, nothing is lost" {
	dump d "$SEEDS"/00[01]_*.txt
	wire-batch -o out d
	before=$(outputs out; readlink out/current)
	cp "$SEEDS"/00[234]_*.txt d/
	for tool in wire-quotes wire-report; do
		rm -rf kbin
		killer "$tool"
		run setsid kbin/wire-batch -o out d
		[ "$status" -ne 0 ]
		# The last finished run, whole.
		[ "$(outputs out; readlink out/current)" = "$before" ]
	done
	wire-batch -o out d 2> /dev/null
	mkdir c; cp "$SEEDS"/00[01]_*.txt c/
	mv d d.all; mv c d
	wire-batch -o clean d 2> /dev/null
	rm -r d; mv d.all d
	wire-batch -o clean d 2> /dev/null
	diff <(outputs out) <(outputs clean)
	[ "$(ls out/gen | wc -l)" -eq 1 ]
}

@test "wire-batch: file names with spaces, %, a backslash, a long path; a file of several articles" {
	long=d/$(printf 'x%.0s' $(seq 120))/$(printf 'y%.0s' $(seq 120))
	mkdir -p "d/sub dir" "$long"
	cp "$STORY"/wire.txt "d/sub dir/50%.txt"
	cp "$STORY"/other.txt 'd/back\slash.txt'
	cp "$STORY"/local.txt "$long/long.txt"
	{ cat "$SEEDS"/000_*.txt; printf '\n\f\n'; cat "$SEEDS"/003_*.txt; } > d/two.txt
	run --separate-stderr wire-batch -o 'out\tdir' d
	assert_success
	# Every file has its records, and the report found a body in each.
	[ "$(ls 'out\tdir'/records | wc -l)" -eq 4 ]
	for r in 'out\tdir'/records/*; do [ -s "$r" ]; done
	! grep -q "no body text found" 'out\tdir'/report.txt
	grep -q "^wire story report: 5 articles" 'out\tdir'/report.txt
	grep -q "d/two.txt:2${TAB}" 'out\tdir'/records/d%2Ftwo.txt.rec
	# An unchanged rerun finds every record file again.
	run --separate-stderr wire-batch -o 'out\tdir' d
	[[ "$stderr" == *"up to date"* ]]
}

@test "wire-batch: -j 1 and -j 2 give the same bytes" {
	dump d "$SEEDS"/*.txt "$STORY"/*.txt
	for i in 1 2 3; do cp "$SEEDS"/003_*.txt "d/copy$i.txt"; done
	wire-batch -j 1 -o one d
	wire-batch -j 2 -o two d
	diff <(outputs one) <(outputs two)
	wire-batch -j 2 -f tsv -o tsv1 d
	wire-batch -j 1 -f tsv -o tsv2 d
	cmp tsv1/report.txt tsv2/report.txt
}

@test "wire-batch: empty, binary and non-UTF-8 files are reported, nothing else lost" {
	dump d "$STORY"/*.txt
	: > d/empty.txt
	printf 'PK\003\004\000\000binary' > d/zip.txt
	{ printf 'A headline\n\n'; sed -n 3p "$STORY"/other.txt | sed 's/Bergen/B\xe9rgen/';
	  sed -n '5,$p' "$STORY"/other.txt; } > d/latin1.txt
	run --separate-stderr wire-batch -o out d
	assert_success
	[[ "$stderr" == *"d/empty.txt: skipped: empty file"* ]]
	[[ "$stderr" == *"d/zip.txt: skipped: binary file"* ]]
	[[ "$stderr" == *"d/latin1.txt: not UTF-8"* ]]
	grep -q "^skipped: d/empty.txt (empty file)" out/report.txt
	grep -q "^skipped: d/zip.txt (binary file)" out/report.txt
	grep -q "^not UTF-8, taken as it is: d/latin1.txt" out/report.txt
	# The invalid byte is in the records as it was.
	grep -q "$(printf 'B\xe9rgen')" out/records/d%2Flatin1.txt.rec
	[ "$(ls out/records | wc -l)" -eq 4 ]
	grep -c . out/manifest.tsv | grep -qx 6
}

@test "wire-batch: a second wire-batch on the same outdir is refused" {
	dump d "$SEEDS"/000_*.txt
	mkdir out
	exec 8> out/.lock
	flock 8
	run --separate-stderr wire-batch -o out d
	assert_failure 1
	[[ "$stderr" == *"another wire-batch is running"* ]]
}

# ---- the report, on articles of our own ----------------------------------

report() {
	local f
	for f in "$@"; do wire-strip -m "$f" | wire-split | wire-quotes; done > all.rec
	wire-report all.rec
}

@test "report rule: articles sharing wire copy are one story; a rewrite is another" {
	run report "$STORY"/wire.txt "$STORY"/local.txt "$STORY"/other.txt
	assert_success
	assert_line "wire story report: 3 articles, 2 stories"
	assert_line "== Story 1: Harbour town counts the cost of the great storm"
	assert_line "   2 articles; the fullest is the base"
	assert_line "   base  wire.txt (9 sentences)"
	assert_line "== Story 2: Chess club in Moss wins the national title"
	assert_line "   other.txt, 5 sentences, no other article shares its text"
}

@test "report rule: each version is summed up against the base" {
	run report "$STORY"/wire.txt "$STORY"/local.txt
	assert_line --regexp '^   local.txt keeps [0-9]+% of the base, changes [0-9]+ sentences?, adds 1, drops 3, moves 0$'
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
	# The same quotation with only other quotation marks is not drift.
	sed 's/"The ferries/\xe2\x80\x9cThe ferries/; s/berth,"/berth,\xe2\x80\x9d/' \
	    "$STORY"/local.txt > curly.txt
	run report "$STORY"/wire.txt curly.txt
	refute_output --partial 'ferries will run again on Wednesday.{'
	refute_output --partial '[-"-]'
}

@test "report rule: speakers spelt two ways are one speaker" {
	sed 's/Solberg/Kovalsky/g' "$STORY"/wire.txt > wire.txt
	sed 's/Solberg/Kovalskiy/g' "$STORY"/local.txt > local.txt
	report wire.txt local.txt | sed -n '/^Top speakers/,/^$/p' > top
	# One line for the mayor, with both articles.
	grep -c 'Ingrid Kovals' top | grep -qx 1
	grep -q '  2  Ingrid Kovalsk' top
	# Names that are not spellings of one another stay apart.
	sed 's/Solberg/Solheim/g' "$STORY"/local.txt > other.txt
	report "$STORY"/wire.txt other.txt | sed -n '/^Top speakers/,/^$/p' > top
	grep -c 'Ingrid Sol' top | grep -qx 2
}

# sentences DOC TEXT...: sentence records of one document.
sentences() {
	local doc=$1 i=0
	shift
	for t in "$@"; do i=$((i + 1)); printf '%s\t%d.1\t%s\n' "$doc" "$i" "$t"; done
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

@test "report rule: stories are stars around the fullest text, not chains" {
	{
		sentences big "${S[@]}"
		sentences mid "${S[0]}" "${S[1]}" "${S[2]}" "${T[@]}"
		# small shares three sentences with mid and none with big.
		sentences small "${T[@]}" "A bakery on the main square gave away bread to anyone who asked for it."
	} > all.rec
	run wire-report -f tsv all.rec
	assert_line "story${TAB}1${TAB}2${TAB}big${TAB}-"
	assert_line --regexp "^member${TAB}1${TAB}mid${TAB}"
	assert_line --regexp "^member${TAB}2${TAB}small${TAB}"
}

@test "report rule: a sentence or two in common (a template) makes no story" {
	{
		sentences results "${S[@]:0:5}"
		sentences other "${S[0]}" "${T[@]}" "A bakery on the main square gave away bread to anyone who asked for it."
	} > all.rec
	wire-dedupe -n -d all.rec | grep -q partial	# the pair is there...
	run wire-report -f tsv all.rec
	assert_line "stories${TAB}2"			# ...but joins nothing
}

@test "wire-report -f tsv: one fact per line, first field its kind" {
	report "$STORY"/*.txt > /dev/null
	run wire-report -f tsv all.rec
	assert_success
	assert_line "articles${TAB}3"
	assert_line "stories${TAB}2"
	assert_line --regexp "^member${TAB}1${TAB}.*local.txt${TAB}7${TAB}[0-9]+${TAB}"
	assert_line --regexp "^drift${TAB}1${TAB}"
	run awk -F '\t' '$1 !~ /^(articles|stories|repeated|skipped|nobody|notutf8|speaker|story|member|own|drift|quote)$/' <<< "$output"
	assert_output ''
}

@test "wire-report: empty input" {
	run wire-report < /dev/null
	assert_success
	assert_line "wire story report: 0 articles, 0 stories"
}

# ---- docs/scaling.md ----------------------------------------------------

@test "scaling.md: dedupe as map, sort and reduce equals wire-dedupe" {
	for f in "$SEEDS"/*.txt "$STORY"/*.txt; do
		wire-strip -m "$f" | wire-split
	done > all.rec
	cat all.rec all.rec > twice.rec
	# The commands of docs/scaling.md, as written there.
	sed -n '/^    tab=/,/unique.rec$/p' "$BATS_TEST_DIRNAME/../docs/scaling.md" |
	    sed 's/^    //; s/all\.rec/twice.rec/' > reduce.sh
	[ "$(wc -l < reduce.sh)" -ge 5 ]
	bash reduce.sh
	wire-dedupe twice.rec > one.rec
	[ -s one.rec ]
	cmp unique.rec one.rec
}
