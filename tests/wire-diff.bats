#!/usr/bin/env bats
# wire-diff: each operation, the modes, exit status, bad input.

load helper

# version FILE SENTENCE...: a file of sentence records, POS 1.1, 1.2...
version() {
	local f=$1 i=0
	shift
	: > "$f"
	for s in "$@"; do
		i=$((i + 1))
		printf 'v\t1.%d\t%s\n' "$i" "$s" >> "$f"
	done
}

S1="The storm closed the port of Halden for three days on Monday."
S2="Engineers said the sea wall held, although waves broke over the pier."
S3="The mayor promised that the ferry timetable would be restored soon."
S4="Local shops reported brisk sales of candles and bottled water."
S5="A festival planned for the weekend was postponed until next month."

@test "wire-diff: usage" {
	check_usage wire-diff
	run wire-diff only-one
	assert_failure 2
	run wire-diff --color=sometimes a b
	assert_failure 2
}

@test "wire-diff: identical versions: all =, exit 0" {
	version a "$S1" "$S2" "$S3"
	run wire-diff a a
	assert_success
	assert_output "=${TAB}1.1${TAB}1.1${TAB}$S1
=${TAB}1.2${TAB}1.2${TAB}$S2
=${TAB}1.3${TAB}1.3${TAB}$S3"
}

@test "wire-diff: case, quotes, dashes and spacing do not count" {
	version a "He said “yes” — twice."
	version b "HE SAID \"yes\"  - twice."
	run wire-diff a b
	assert_success
	assert_output "=${TAB}1.1${TAB}1.1${TAB}HE SAID \"yes\"  - twice."
}

@test "wire-diff: spelling variants are the same text; -w shows them" {
	version a "President Volodymyr Zelenskiy praised the defence of 90 per cent of the city centre."
	version b "President Volodymyr Zelensky praised the defense of 90% of the city center."
	run wire-diff a b
	assert_success
	assert_output --regexp "^=${TAB}1.1${TAB}1.1${TAB}President Volodymyr Zelensky "
	run wire-diff -w a b
	assert_output "=${TAB}1.1${TAB}1.1${TAB}President Volodymyr [-Zelenskiy-]{+Zelensky+} praised the [-defence-]{+defense+} of 90[-per cent-]{+%+} of the city [-centre-]{+center+}."
}

@test "wire-diff: ~ shows the shortest word-level change inline" {
	version a "$S1" "Moscow is yet to agree to any of the changes discussed in Oslo." "$S3"
	version b "$S1" "However, Moscow has yet to agree to any of the changes discussed in Oslo." "$S3"
	run wire-diff a b
	assert_failure 1
	assert_line -n 1 "~${TAB}1.2${TAB}1.2${TAB}{+However,+} Moscow [-is-]{+has+} yet to agree to any of the changes discussed in Oslo."
}

@test "wire-diff: a dropped full stop is a change" {
	version a 'He said: "We see it from the (US). We see this as demands."'
	version b 'He said: "We see it from the (US) We see this as demands."'
	run wire-diff a b
	assert_output "~${TAB}1.1${TAB}1.1${TAB}He said: \"We see it from the (US)[-.-] We see this as demands.\""
}

@test "wire-diff: - and + stand where they were" {
	version a "$S1" "$S2" "$S3"
	version b "$S1" "$S3" "$S4"
	run wire-diff a b
	assert_failure 1
	assert_output "=${TAB}1.1${TAB}1.1${TAB}$S1
-${TAB}1.2${TAB}-${TAB}$S2
=${TAB}1.3${TAB}1.2${TAB}$S3
+${TAB}-${TAB}1.3${TAB}$S4"
}

@test "wire-diff: > marks a moved sentence, changed or not" {
	version a "$S1" "$S2" "$S3" "$S4" "$S5"
	version b "$S5" "$S1" "$S2" "$S3" "Local shops reported very brisk sales of candles and bottled water."
	run wire-diff a b
	assert_line -n 0 ">${TAB}1.5${TAB}1.1${TAB}$S5"
	assert_line -n 4 "~${TAB}1.4${TAB}1.5${TAB}Local shops reported {+very+} brisk sales of candles and bottled water."
	version c "$S2" "$S3" "$S4" "$S5" "The storm closed the port of Halden for four days on Monday."
	run wire-diff a c
	assert_line -n 4 ">${TAB}1.1${TAB}1.5${TAB}The storm closed the port of Halden for [-three-]{+four+} days on Monday."
}

@test "wire-diff: two sentences merged into one, and one split in two" {
	version a "$S1" "The council met on Tuesday evening." "It voted to rebuild the old harbour wall before winter." "$S5"
	version b "$S1" "The council met on Tuesday evening and voted to rebuild the old harbour wall before winter." "$S5"
	run wire-diff a b
	assert_line -n 1 --regexp "^~${TAB}1.2\\+1.3${TAB}1.2${TAB}"
	run wire-diff b a
	assert_line -n 1 --regexp "^~${TAB}1.2${TAB}1.2\\+1.3${TAB}"
}

@test "wire-diff: a rewritten sentence in place is aligned, an unrelated one is not" {
	version a "$S1" "The ferry company said its boats would sail again once the storm had passed the coast." "$S3"
	version b "$S1" "Boats of the ferry company will sail again when the storm has passed, it said." "$S3"
	run wire-diff a b
	assert_line -n 1 --regexp "^~${TAB}1.2${TAB}1.2${TAB}"
	version c "$S1" "Tickets for the summer concerts went on sale at the town hall." "$S3"
	run wire-diff a c
	assert_line -n 1 --regexp "^-${TAB}1.2${TAB}-${TAB}"
	assert_line -n 2 --regexp "^\\+${TAB}-${TAB}1.2${TAB}"
}

@test "wire-diff -s: the summary line" {
	version a "$S1" "$S2" "$S3" "$S4"
	version b "$S4" "$S1" "The mayor promised that the ferry timetable would be restored by Friday." "A new sentence about the museum that opened."
	run wire-diff -s a b
	assert_failure 1
	assert_output "a${TAB}b${TAB}kept=75%${TAB}same=1${TAB}changed=1${TAB}added=1${TAB}dropped=1${TAB}moved=1"
}

@test "wire-diff -b: every document against the base" {
	{
		printf 'base\t1\t%s\nbase\t2\t%s\nbase\t3\t%s\n' "$S1" "$S2" "$S3"
		printf 'copy\t1\t%s\ncopy\t2\t%s\n' "$S1" "$S2"
		printf 'other\t1\t%s\n' "$S5"
	} > all.rec
	run wire-diff -b base all.rec
	assert_failure 1
	assert_output "base${TAB}copy${TAB}kept=67%${TAB}same=2${TAB}changed=0${TAB}added=0${TAB}dropped=1${TAB}moved=0
base${TAB}other${TAB}kept=0%${TAB}same=0${TAB}changed=0${TAB}added=1${TAB}dropped=3${TAB}moved=0"
	run wire-diff -b nosuch all.rec
	assert_failure 2
	run wire-diff -b base < all.rec
	assert_failure 1
}

@test "wire-diff -P: the pairs a file lists, in one process" {
	{
		printf 'base\t1\t%s\nbase\t2\t%s\n' "$S1" "$S2"
		printf 'copy\t1\t%s\ncopy\t2\t%s\n' "$S1" "$S2"
		printf 'edit\t1\t%s\n' "${S1/three/four}"
	} > all.rec
	printf 'base\tcopy\nedit\tbase\n' > pairs
	run wire-diff -s -P pairs all.rec
	assert_failure 1
	assert_output "base${TAB}copy${TAB}kept=100%${TAB}same=2${TAB}changed=0${TAB}added=0${TAB}dropped=0${TAB}moved=0
edit${TAB}base${TAB}kept=100%${TAB}same=0${TAB}changed=1${TAB}added=1${TAB}dropped=0${TAB}moved=0"
	# Without -s, every line of each diff, after the pair's names.
	run wire-diff -P pairs all.rec
	assert_line -n 0 "base${TAB}copy${TAB}=${TAB}1${TAB}1${TAB}$S1"
	assert_line "edit${TAB}base${TAB}~${TAB}1${TAB}1${TAB}${S1/three/[-four-]{+three+\}}"
	# Only identical pairs: exit 0.
	printf 'base\tcopy\n' > same
	run wire-diff -P same all.rec
	assert_success
	# A name that is not in the input is trouble, with the line.
	printf 'base\tnosuch\n' > bad
	run --separate-stderr wire-diff -P bad all.rec
	assert_failure 2
	[[ "$stderr" == *"bad:1: nosuch: no such document"* ]]
	printf 'no tab here\n' > bad
	run wire-diff -P bad all.rec
	assert_failure 2
	run wire-diff -b base -P pairs all.rec
	assert_failure 2
}

@test "wire-diff -p: plain text, split into sentences" {
	printf '%s %s\n\n%s\n' "$S1" "$S2" "$S3" > a.txt
	printf '%s\n%s %s\n' "$S1" "$S2" "$S4" > b.txt
	run wire-diff -p a.txt b.txt
	assert_output "=${TAB}1.1${TAB}1.1${TAB}$S1
=${TAB}1.2${TAB}2.1${TAB}$S2
-${TAB}2.1${TAB}-${TAB}$S3
+${TAB}-${TAB}2.2${TAB}$S4"
}

@test "wire-diff: colour only when asked or on a terminal" {
	version a "$S1"
	version b "The storm closed the port of Halden for four days on Monday."
	run wire-diff a b
	refute_output --partial $'\033'
	run wire-diff --color=always a b
	assert_output --partial $'\033[31m[-three-]\033[m'
	NO_COLOR=1 run wire-diff --color=auto a b
	refute_output --partial $'\033'
}

@test "wire-diff: empty versions are the same" {
	: > a
	: > b
	run wire-diff a b
	assert_success
	assert_output ''
	version c "$S1"
	run wire-diff a c
	assert_failure 1
	assert_output "+${TAB}-${TAB}1.1${TAB}$S1"
}

@test "wire-diff: metadata records are not sentences" {
	printf 'v\t0\tA title\tclass=title\nv\t1.1\t%s\n' "$S1" > a
	printf 'v\t0\tAnother title\tclass=title\nv\t1.1\t%s\n' "$S1" > b
	run wire-diff a b
	assert_success
}

@test "wire-diff: a missing file or a bad record is trouble (2)" {
	version a "$S1"
	run --separate-stderr wire-diff a "$BATS_TEST_TMPDIR/nonexistent"
	assert_failure 2
	[[ "$stderr" == *"nonexistent: No such file"* ]]
	printf 'v\t1.1\tfine\nnot a record\n' > bad
	run --separate-stderr wire-diff a bad
	assert_failure 2
	[[ "$stderr" == *"bad:2: not a record"* ]]
}

@test "wire-diff: invalid UTF-8, NUL and TAB in text stay intact" {
	printf 'v\t1.1\tBad \xff byte\\0 and\\ttab here.\n' > a
	printf 'v\t1.1\tBad \xfe byte\\0 and\\ttab here.\n' > b
	run wire-diff a b
	assert_failure 1
	wire-diff a b | cut -f4 > out
	printf 'Bad [-\xff-]{+\xfe+} byte\\0 and\\ttab here.\n' | cmp - out
	run wire-diff a a
	assert_success
}

@test "wire-diff: CRLF and no final newline" {
	printf 'v\t1.1\t%s\r\nv\t1.2\t%s' "$S1" "$S2" > a
	printf 'v\t1.1\t%s\nv\t1.2\t%s\n' "$S1" "$S2" > b
	run wire-diff a b
	assert_success
}

@test "wire-diff: a 5 MB single sentence" {
	{ printf 'v\t1.1\t'; head -c 5000000 /dev/zero | tr '\0' 'a' | sed 's/a\{10\}/word word /g'; echo; } > a
	{ printf 'v\t1.1\tchanged '; head -c 5000000 /dev/zero | tr '\0' 'a' | sed 's/a\{10\}/word word /g'; echo; } > b
	run wire-diff -s a b
	assert_failure 1
	assert_output "a${TAB}b${TAB}kept=100%${TAB}same=0${TAB}changed=1${TAB}added=0${TAB}dropped=0${TAB}moved=0"
	[ "$(wire-diff a b | head -c 23)" = "~${TAB}1.1${TAB}1.1${TAB}{+changed+} w" ]
}

@test "wire-diff: a closed stdout ends it quietly" {
	for i in $(seq 3000); do printf 'v\t%d\tSentence number %d is here.\n' "$i" "$i"; done > a
	run --separate-stderr bash -c 'wire-diff a /dev/null | head -1 > /dev/null; s=${PIPESTATUS[0]}; [ "$s" = 1 ] || [ "$s" = 141 ] || [ "$s" = 0 ]'
	assert_success
	[ -z "$stderr" ]
}

@test "one tokenizer: a word with letters and digits is one word, a score two" {
	# Words as wire-quotes reads them: "58-year-old" and "G-7" are one
	# word each, so a change shows whole; "3-2" is two numbers.
	local s='The 58-year-old skipper won the final 3-2 at the G-7 regatta in Halden on a windy Tuesday evening.'
	printf 'a\t1\t%s\n' "$s" > a.rec
	printf 'b\t1\t%s\n' "${s/3-2/3-1}" > b.rec
	run wire-diff a.rec b.rec
	assert_output --partial 'final 3-[-2-]{+1+} at'
	printf 'b\t1\t%s\n' "${s/G-7/G-8}" > b.rec
	run wire-diff a.rec b.rec
	assert_output --partial 'the [-G-7-]{+G-8+} regatta'
	printf 'b\t1\t%s\n' "${s/58-year/59-year}" > b.rec
	run wire-diff a.rec b.rec
	assert_output --partial 'The [-58-year-old-]{+59-year-old+} skipper'
}

@test "regression: two versions whose sentences have no words align without undefined behaviour" {
	# A sentence of marks only has no shingles; copying its empty set
	# passed a null pointer to memcpy() (the sanitizer build stopped).
	printf 'a\t1\t;\n' > a.rec
	printf 'b\t1\tx\n' > b.rec
	run wire-diff a.rec b.rec
	assert_failure 1
	assert_output "$(printf -- '-\t1\t-\t;\n+\t-\t1\tx')"
}

@test "regression: out of memory is trouble (2), not a difference (1)" {
	# A sanitizer build reserves more address space than the limit.
	grep -q __asan_init "$(command -v wire-diff)" && skip "sanitizer build"
	seq 1 200000 | sed 's/^/a\t1\tsentence number /' > a.rec
	run --separate-stderr bash -c 'ulimit -v 60000; wire-diff a.rec a.rec'
	assert_failure 2
	[[ "$stderr" == *"out of memory"* ]]
}
