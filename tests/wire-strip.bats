#!/usr/bin/env bats
# wire-strip: the checklist, the seeds' whole outputs, and each rule of
# the body finder on articles of our own.

load helper

P1="The storm that closed the port of Halden for three days moved north on Tuesday, and the first ferries left the harbour in the afternoon."
P2="Engineers said the sea wall had held, although waves broke over the northern pier and flooded two warehouses near the old fish market."
P3="The mayor told reporters that the timetable would be back to normal by Friday, and that the town would ask the state for help with the repairs."
P4="Shopkeepers along the quay said they had lost a week of trade, but most of them expected the summer season to make up for it."
P5="A festival that had been planned for the weekend was moved to next month, the organisers said in a statement on their website."

# body FILE: the five paragraphs of our story, a blank line between.
body() {
	printf '%s\n\n%s\n\n%s\n\n%s\n\n%s\n' "$P1" "$P2" "$P3" "$P4" "$P5"
}

# kept FILE: the text of the records wire-strip writes for FILE.
kept() {
	wire-strip "$@" | cut -f3
}

@test "wire-strip: usage" {
	check_usage wire-strip
}

@test "wire-strip: standard input, a file and - are the same" {
	body > a.txt
	check_inputs wire-strip a.txt
}

@test "wire-strip: a file is read from where standard input stands, and only once" {
	# A regular file of 4 MB or more is mapped, not read; it must still
	# be read as a stream is: "- -" reads standard input once, a file
	# named twice is read twice, and a file whose start was already
	# read is read on from there.
	local i
	{ body; printf '\f\n'; } > a.txt
	for i in $(seq 13); do cat a.txt a.txt > b.txt; mv b.txt a.txt; done
	[ "$(wc -c < a.txt)" -gt 4200000 ]
	wire-strip - < a.txt | cut -f2- > once
	[ "$(wc -l < once)" -eq $((5 * 8192)) ]
	wire-strip - - < a.txt | cut -f2- | diff -q once -
	wire-strip a.txt a.txt | cut -f2- > twice
	cat once once | diff -q - twice
	{ head -c 1 > /dev/null; wire-strip -p; } < a.txt > rest
	tail -c +2 a.txt | wire-strip -p | diff -q - rest
	{ wire-strip -p; wire-strip -p; } < a.txt | wc -l > n
	wire-strip -p a.txt | wc -l | diff - n
}

@test "wire-strip: a mapped file cut short while it is read is named, the next still read" {
	# wire-strip (-1: one pass, no first pass to count short lines)
	# writes into a pipe that is not read yet, so it stops at its first
	# block of output at the latest, with the file mapped; the file is
	# cut short then, and the pipe read.
	[ -d /proc/self ] || skip "needs /proc"
	local i pid st=0
	{ body; printf '\f\n'; } > a.txt
	for i in $(seq 13); do cat a.txt a.txt > b.txt; mv b.txt a.txt; done
	body > c.txt
	mkfifo out
	wire-strip -1 a.txt c.txt > out 2> err &
	pid=$!
	exec 5< out
	for i in $(seq 200); do
		grep -q "a.txt" /proc/$pid/maps 2> /dev/null && break
		sleep 0.05
	done
	truncate -s 100000 a.txt
	cat <&5 > got
	exec 5<&-
	wait $pid || st=$?
	[ "$st" -eq 1 ]
	grep -q "a.txt: cut short while it was read" err
	# The other file is read, and a.txt's records stop short of its end.
	[ "$(grep -c "^c.txt" got)" -eq 5 ]
	[ "$(grep -c "^a.txt" got)" -lt 8192 ]
}

@test "wire-strip: a missing file is named, the others still read" {
	body > a.txt
	check_missing wire-strip a.txt
}

@test "wire-strip: empty input, an empty file" {
	check_empty wire-strip
	: > e.txt
	run wire-strip e.txt
	assert_success
	assert_output ''
}

@test "wire-strip: a closed stdout ends it quietly" {
	body > a.txt
	for i in $(seq 300); do cat a.txt; printf '\f\n'; done > many.txt
	check_closed_stdout wire-strip many.txt
}

@test "wire-strip: no final newline, CRLF" {
	body | sed 's/$/\r/' | head -c -2 > a.txt
	run kept a.txt
	assert_output "$(printf '%s\n%s\n%s\n%s\n%s' "$P1" "$P2" "$P3" "$P4" "$P5")"
}

@test "wire-strip: NUL bytes are escaped, invalid UTF-8 passes through" {
	{ printf '%s\n\n' "$P1"; printf 'Bad \xff\xfe bytes and a \0 nul sit in this long enough sentence of the body text here.\n\n'; printf '%s\n\n%s\n' "$P2" "$P3"; } > a.txt
	wire-strip a.txt | sed -n 2p | cut -f3 > got
	printf 'Bad \xff\xfe bytes and a \\0 nul sit in this long enough sentence of the body text here.\n' | cmp - got
}

@test "wire-strip: a 50 MB line" {
	{ printf '%s\n\n' "$P1"; head -c 50000000 /dev/zero | tr '\0' 'a' | sed 's/a\{50\}/and the boats of the town were in the harbour. /g'; echo; } > big.txt
	[ "$(wire-strip big.txt | wc -l)" -ge 1 ]
}

@test "wire-strip: a form-feed line across the edge of a read block" {
	# The input is read into a buffer of 512 KB, nearly all of it at
	# each read; a form-feed line cut by the end of a read is still a
	# separator.
	# Each file has its separators before and at offset OFF, each kind
	# of form-feed line; stdin through a pipe is cut elsewhere again.
	local off sep n pad a u
	body > a.txt
	a=$(wc -c < a.txt)
	u=$((a + 2))
	for n in $(seq 1000); do cat a.txt; printf '\f\n'; done > u.txt
	for off in 262143 262144 262145 524285 524286 524287 524288 524289; do
		for sep in '\f\n' '\f\r\n' '\f'; do
			# n articles, then one line of x's up to OFF.
			n=$(((off - a) / u - 1))
			pad=$((off - n * u - 1))
			{ head -c $((n * u)) u.txt; head -c "$pad" /dev/zero |
			    tr '\0' x; echo; } > f.txt
			[ "$(wc -c < f.txt)" -eq "$off" ]
			printf "$sep" >> f.txt
			[ "$sep" = '\f' ] || cat a.txt >> f.txt
			# -a: a record for every line, the line of x's too.
			wire-strip -a f.txt > got
			if [ "$sep" = '\f' ]; then n=$((n + 1)); else n=$((n + 2)); fi
			[ "$(cut -f1 got | uniq | wc -l)" -eq "$n" ]
			[ "$(tail -n 1 got | cut -f1)" = "f.txt:$n" ]
			! grep -q "$(printf '\f')" got
			wire-strip -a < f.txt | sed 's/^-/f.txt/' | cmp - got
			cat f.txt | wire-strip -a | sed 's/^-/f.txt/' | cmp - got
		done
	done
}

@test "wire-strip: the seeds' body paragraphs" {
	cd "$SEEDS"
	for f in *.txt; do
		wire-strip "$f" | diff "$FIX/expected/${f%%_*}.body" -
	done
}

@test "wire-strip -m: the seeds' metadata" {
	cd "$SEEDS"
	for f in *.txt; do
		wire-strip -m "$f" | awk -F'\t' '$2 == "0"' |
		    diff "$FIX/expected/${f%%_*}.meta" -
	done
}

@test "wire-strip -p: the seeds as plain text" {
	cd "$SEEDS"
	for f in *.txt; do
		cut -f3 "$FIX/expected/${f%%_*}.body" | sed '1!s/^/\n/' > "$BATS_TEST_TMPDIR/want"
		wire-strip -p "$f" | diff "$BATS_TEST_TMPDIR/want" -
	done
}

@test "wire-strip -a: every line of a seed, with its class" {
	cd "$SEEDS"
	run wire-strip -a 000_d9b00379abf835a6.txt
	assert_success
	[ "${#lines[@]}" = "$(grep -c '[^[:space:]]' 000_d9b00379abf835a6.txt)" ]
	assert_line -n 0 --regexp "${TAB}0${TAB}US offers .* - RTHK${TAB}class=title${TAB}line=1$"
	assert_line --regexp "${TAB}0${TAB}2025-12-16 HKT 07:50${TAB}class=date${TAB}line=8$"
	assert_line --regexp "${TAB}0${TAB}Share this story facebook${TAB}class=chrome${TAB}line=9$"
	assert_line --regexp "${TAB}1${TAB}The United States has offered .*${TAB}class=body${TAB}line=12$"
	run wire-strip -a 003_fca5bc0ad15fcca0.txt
	assert_line --regexp "${TAB}9${TAB}Territorial concessions${TAB}class=heading${TAB}line=17$"
	assert_line --regexp "${TAB}0${TAB}\\[\\[nid:726748\\]\\]${TAB}class=chrome${TAB}line=59$"
}

@test "rule: a menu and a breadcrumb above the story are dropped" {
	{ printf '  • Home\n  • World\n  • Business\n  • Sport\nNews / World / Europe\n\n'; body; } > a.txt
	run kept a.txt
	assert_line -n 0 "$P1"
	[ "${#lines[@]}" = 5 ]
}

@test "rule: share and follow lines are dropped" {
	{ printf '%s\n\nShare this article on Facebook\n\n' "$P1"; printf '%s\n\n%s\n\nFollow us on Twitter\n\n%s\n\n%s\n' "$P2" "$P3" "$P4" "$P5"; } > a.txt
	run kept a.txt
	refute_output --partial "Share this"
	refute_output --partial "Follow us"
	[ "${#lines[@]}" = 5 ]
}

@test "rule: photo captions are dropped, also when repeated" {
	cap="Ferries wait at the harbour of Halden on Monday as the storm passes. Photo: Harbour Office"
	{ printf '%s\n%s\n\n' "$cap" "$cap"; body; printf '\nWaves break over the pier.\nGetty Images\n'; } > a.txt
	run kept a.txt
	refute_output --partial "Ferries wait"
	refute_output --partial "Waves break"
	[ "${#lines[@]}" = 5 ]
	run wire-strip -a a.txt
	assert_line --regexp "class=caption${TAB}line=1$"
}

@test "rule: a caption ends in the credit of its picture, in any of its forms" {
	local c cap="Ferries wait at the harbour of Halden on Monday as the storm passes"
	for c in "Photo: Harbour Office" "Image: Harbour Office" \
	    "image: Harbour Office" "Picture: Harbour Office" \
	    "Credit: Harbour Office" "(Photo by Harbour Office)" \
	    "(Image: Harbour Office)" "(Picture Harbour Office)" \
	    "Photo by Harbour Office" "photo by Harbour Office" \
	    "Photograph: Harbour Office" "(picture) Harbour Office"; do
		printf '%s\n\n%s\n\n%s. %s\n\n%s\n\n%s\n\n%s\n\f\n' "$P1" "$P2" \
		    "$cap" "$c" "$P3" "$P4" "$P5"
	done > a.txt
	wire-strip -a a.txt | awk -F'\t' '$3 ~ /^Ferries/ { print $(NF - 1) }' > got
	# The first ten are credits; "Photograph:" and "(picture)" are not.
	{ for c in 1 2 3 4 5 6 7 8 9 10; do echo class=caption; done
	  echo class=body; echo class=body; } | diff - got
}

@test "rule: the headline, and the headline again at the end, are the title" {
	{ printf 'Storm closes Halden port for three days\n\n'; body; printf '\nStorm closes Halden port for three days\n'; } > a.txt
	run kept a.txt
	refute_output --partial "Storm closes"
	run wire-strip -m a.txt
	assert_line -n 0 "a.txt${TAB}0${TAB}Storm closes Halden port for three days${TAB}class=title"
	run wire-strip -a a.txt
	assert_line --regexp "Storm closes Halden port for three days${TAB}class=title${TAB}line=13$"
}

@test "rule: bylines are metadata, not body" {
	{ printf 'Storm closes Halden port\nAnna Berg, Tom Lund and Kari Moe |\n'; body; } > a.txt
	run wire-strip -m a.txt
	assert_line "a.txt${TAB}0${TAB}Anna Berg, Tom Lund and Kari Moe |${TAB}class=byline"
	refute_line --partial "${TAB}1${TAB}Anna"
	{ printf 'By Anna Berg\n\n'; body; printf '\nKari Moe\n'; } > b.txt
	run wire-strip -m b.txt
	assert_line "b.txt${TAB}0${TAB}By Anna Berg${TAB}class=byline"
	assert_line "b.txt${TAB}0${TAB}Kari Moe${TAB}class=byline"
	# A writer not named is a byline too, and the headline stays the title.
	for by in "By staff and agencies" "By our correspondent" "BY A STAFF REPORTER"; do
		{ printf 'Storm closes Halden port

%s

' "$by"; body; } > c.txt
		run wire-strip -m c.txt
		assert_line "c.txt${TAB}0${TAB}$by${TAB}class=byline"
		assert_line "c.txt${TAB}0${TAB}Storm closes Halden port${TAB}class=title"
	done
	# But not a headline that starts with "By".
	{ printf 'By the numbers: the cost of the storm

'; body; } > d.txt
	run wire-strip -m d.txt
	assert_line "d.txt${TAB}0${TAB}By the numbers: the cost of the storm${TAB}class=title"
}

@test "rule: agency trailers are credits" {
	{ body; printf '\n(Reporting by Anna Berg; Editing by Tom Lund)\n\nwith AP\nReuters\n'; } > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
	run wire-strip -m a.txt
	assert_line "a.txt${TAB}0${TAB}(Reporting by Anna Berg; Editing by Tom Lund)${TAB}class=credit"
	assert_line "a.txt${TAB}0${TAB}with AP${TAB}class=credit"
	assert_line "a.txt${TAB}0${TAB}Reuters${TAB}class=credit"
}

@test "rule: a trailing (Reuters) and a leading date token come off the text" {
	{ printf ' date 2026-03-01 HALDEN, Norway (Reuters) - %s\n\n' "$P1"; printf '%s\n\n%s\n\n%s (Reuters)\n' "$P2" "$P3" "$P4"; } > a.txt
	run wire-strip -m a.txt
	assert_line "a.txt${TAB}0${TAB}2026-03-01${TAB}class=date"
	assert_line "a.txt${TAB}0${TAB}Reuters${TAB}class=credit"
	assert_line "a.txt${TAB}1${TAB}HALDEN, Norway (Reuters) - $P1"
	assert_line "a.txt${TAB}4${TAB}$P4"
}

@test "rule: a subheading between paragraphs is kept as a heading" {
	{ printf '%s\n\n%s\n\nRepairs and money\n\n%s\n\n%s\n' "$P1" "$P2" "$P3" "$P4"; } > a.txt
	run wire-strip a.txt
	assert_line -n 2 "a.txt${TAB}3${TAB}Repairs and money${TAB}class=heading"
	assert_line -n 3 "a.txt${TAB}4${TAB}$P3"
}

@test "rule: copyright, cookie and newsletter lines are dropped, and end the body" {
	{ body; printf '\n© 2026 Halden Herald. All rights reserved.\n\nThe ferry company has sold its old boats to a museum in the south, where they will be shown to visitors from May.\n\nWe use cookies to improve your experience.\n\nSign up for our newsletter\n'; } > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
	refute_output --partial "museum"
}

@test "rule: Advertisement and Read more lines inside the body are dropped" {
	{ printf '%s\n\n%s\n\nAdvertisement\n\n%s\n\nRead more: Harbour fees to rise\n\n%s\n\n%s\n' "$P1" "$P2" "$P3" "$P4" "$P5"; } > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
	refute_output --partial "Advertisement"
	refute_output --partial "Read more"
}

@test "rule: a list of other stories after the body is dropped" {
	{ body; printf '\nMost read\n\n  • Harbour fees to rise in spring\n  • New bridge opens in the north\n  • Fishing quota talks stall again\n\nMore from Halden\n\nThe ferry company has sold its old boats to a museum, which will show them from May.\n'; } > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
	refute_output --partial "quota"
}

@test "rule: a comment section after the body is dropped, prose and all" {
	{ body; printf '\n12 Comments\n\nolefisk says:\nMarch 2, 2026 at 4:47 pm\nThis is what happens when the council never listens to the people who actually live down by the water.\n\nkari_m says:\nMarch 2, 2026 at 5:02 pm\nI remember the storm of 1998 and it was worse than this one, but the town was better prepared for it then.\n'; } > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
	refute_output --partial "council"
}

@test "rule: ids and footers are dropped" {
	{ body; printf '\n[[nid:123456]]\n\nThe Herald can also be read at these addresses:\n\nwww.halden.example\n'; } > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
}

@test "rule: an indented body is found, and written without its indentation" {
	# The body indented, as a text browser shows a column; a menu and a
	# list of stories at the margin.
	{
		printf 'Home\nNews\nSport\n\n'
		body | sed 's/^\(.\)/    \1/'
		printf '\nMost read\n\nConcert in the capital sold out\nLibrary to open late on Sundays\n'
	} > a.txt
	run kept a.txt
	assert_output "$(printf '%s\n%s\n%s\n%s\n%s' "$P1" "$P2" "$P3" "$P4" "$P5")"
}

@test "rule: hard-wrapped text is joined into paragraphs" {
	body | fold -s -w 72 | sed 's/ $//' > a.txt
	[ "$(wc -l < a.txt)" -gt 12 ]
	run kept a.txt
	assert_output "$(printf '%s\n%s\n%s\n%s\n%s' "$P1" "$P2" "$P3" "$P4" "$P5")"
}

@test "rule: one paragraph per line, no blank lines between" {
	printf '%s\n%s\n%s\n%s\n%s\n' "$P1" "$P2" "$P3" "$P4" "$P5" > a.txt
	run kept a.txt
	[ "${#lines[@]}" = 5 ]
	assert_line -n 4 "$P5"
}

@test "rule: menus repeated across documents are chrome, repeated body text is not" {
	for i in 1 2 3; do
		{ printf 'Halden Herald Home\n\nLocal News Weather Sport\n\n'; body; } > "d$i.txt"
	done
	run wire-strip -a d1.txt d2.txt d3.txt
	assert_line --regexp "^d2.txt${TAB}0${TAB}Local News Weather Sport${TAB}class=chrome"
	# The same story in three papers is still three bodies.
	[ "$(wire-strip d1.txt d2.txt d3.txt | wc -l)" = 15 ]
	# -1: each article on its own, as if it were read alone.
	diff <(wire-strip -1 -a d1.txt d2.txt d3.txt) \
	    <(for i in 1 2 3; do wire-strip -a "d$i.txt"; done)
	run wire-strip -1 -a d1.txt d2.txt d3.txt
	refute_line --regexp "^d2.txt${TAB}0${TAB}Local News Weather Sport${TAB}class=chrome"
}

@test "rule: a form feed line separates articles in one stream" {
	{ body; printf '\f\n'; printf '%s\n\n%s\n' "$P3" "$P4"; } > s.txt
	run wire-strip s.txt
	assert_line -n 0 "s.txt:1${TAB}1${TAB}$P1"
	assert_line -n 5 "s.txt:2${TAB}1${TAB}$P3"
	[ "${#lines[@]}" = 7 ]
}

@test "wire-strip: accuracy on the article-extraction benchmark, F1 >= 0.92" {
	skip_without_shared bench/boilerplate/ids_en.txt
	run "$BATS_TEST_DIRNAME/../scripts/eval-strip" "$SHARED/bench/boilerplate"
	assert_success
	f1=$(sed -n 's/.*all 161: shingle-4 P [0-9.]* R [0-9.]* F1 \([0-9.]*\).*/\1/p' <<< "$output")
	[ -n "$f1" ]
	awk -v f="$f1" 'BEGIN { exit !(f >= 0.92) }'
}

@test "wire-strip: a word hashes the same on the fast and the careful way" {
	# A word of ASCII letters and digits is hashed the fast way, from
	# bit masks of the first 4 KB of its line; a word with a longer
	# character or a capital inside, or one past those 4 KB, the careful
	# way, byte by byte.  "the mayor of W" is the same text said again (a
	# dup, so chrome) only when W hashed the same both times: once with
	# a tail of dots and once at the end of a line, then once after 4100
	# dots (the careful way) and once alone.
	local al=abcdefghijklmnopqrstuvwxyz n w q
	for n in $(seq 1 18); do
		printf '%s\nQ%s\n%s9\n' "${al:0:n}" "${al:0:n-1}" "${al:0:n-1}"
	done > words
	printf '%s\n' Halden McDonald iPhone "don't" U.S. state-run 3.5 2026 \
	    1,000 Zürich café "Kyiv’s" naïve internationalisation \
	    counterrevolutionaries x86 B2B e.g. end- "it's." "rock'n'roll" \
	    São Ελλάδα "a-B" "o'Neil" "x.Y" >> words
	while read -r w; do
		q="the mayor of $w"
		printf '%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\f\n' "$P1" "$P2" \
		    "$q ...................." "$P3" "$q" "$P4" "$P5"
	done < words > s.txt
	wire-strip -a s.txt | awk -F'\t' '$3 ~ /^the mayor of / {
		print $(NF - 1) }' | paste - - | sort | uniq -c > got
	printf '%7d class=body\tclass=chrome\n' "$(wc -l < words)" | diff - got
}

@test "wire-strip: a word across the edge of a 64-byte block hashes as it does alone" {
	# Words are found in blocks of 64 bytes; "the mayor of W" after 40
	# to 90 dots puts W across the edge of the first block at every
	# offset, then it is said again alone: a dup only when W hashed the
	# same both times.
	local n w dots
	for w in Halden abcdefghijklmnop abcdefghijklmnopq McDonald "Kyiv’s" \
	    state-run; do
		for n in $(seq 40 90); do
			dots=$(printf "%${n}s" '' | tr ' ' .)
			printf '%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\f\n' \
			    "$P1" "$P2" "$dots the mayor of $w" "$P3" \
			    "the mayor of $w" "$P4" "$P5"
		done
	done > s.txt
	wire-strip -a s.txt | awk -F'\t' '$3 ~ /^the mayor of / {
		print $(NF - 1) }' | sort | uniq -c > got
	printf '%7d class=chrome\n' $((6 * 51)) | diff - got
}

@test "wire-strip: a word past the first 4 KB of a line hashes as the fast way does" {
	local al=abcdefghijklmnopqrstuvwxyz n w dots
	dots=$(printf '%4100s' '' | tr ' ' .)
	for n in $(seq 1 18); do
		printf '%s\n%s9\n' "${al:0:n}" "${al:0:n-1}"
	done > words
	printf '%s\n' Halden iPhone "don't" U.S. state-run 2026 x86 e.g. >> words
	while read -r w; do
		printf '%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\f\n' "$P1" "$P2" \
		    "$dots the mayor of $w" "$P3" "the mayor of $w" "$P4" "$P5"
	done < words > s.txt
	wire-strip -a s.txt | awk -F'\t' '$3 ~ /^the mayor of / {
		print $(NF - 1) }' | sort | uniq -c > got
	printf '%7d class=chrome\n' "$(wc -l < words)" | diff - got
}

@test "wire-strip: a date after marks is seen at every offset near the end of the first 4 KB" {
	# The head of a line (after leading marks, in lower case) is read
	# from the copy of the line's first 4 KB that the word masks were
	# made from, or copied again when it runs past them.  A date after
	# 4000 to 4100 stars puts the head across that edge at each offset.
	local n stars
	for n in $(seq 4000 4100); do
		stars=$(printf "%${n}s" '' | tr ' ' '*')
		printf 'Some title here now\n\n%s19 November 2019\n\n%s\n\f\n' \
		    "$stars" "$P1"
	done > s.txt
	wire-strip -a s.txt | awk -F'\t' '$3 ~ /November 2019$/ {
		print $(NF - 1) }' | sort | uniq -c > got
	printf '%7d class=date\n' 101 | diff - got
}

# ---- inputs that are not plain text ------------------------------------

# page FILE: an HTML page of our own: menus, a related box inside the
# article, a footer, metadata in the head.
page() {
	cat > "$1" <<HTML
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Storm closes Halden port | The Coast News</title>
<meta property="og:title" content="Storm closes Halden port">
<meta property="article:published_time" content="2025-03-03T10:00:00Z">
<meta name="author" content="Kari Nilsen">
<link rel="canonical" href="https://coast.example/storm">
<script>var ads = "Buy now, this is not text";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Storm closes Halden port</h1>
<p>$P1</p><p>$P2</p>
<aside class="related"><h3>Read more</h3><ul><li><a href="/x">Ferry company orders two new boats for the winter</a></li></ul></aside>
<p>$P3</p><p>$P4</p><p>$P5</p>
<figure><img src="a.jpg"><figcaption>The harbour after the storm. (Photo: Tom Berg)</figcaption></figure>
</article>
<div class="comments"><p>Great article, thanks for writing it, I really enjoyed reading every word.</p></div>
<footer><p>Copyright 2025 The Coast News. All rights reserved.</p></footer>
<div style="display:none">A hidden paragraph that no reader ever sees on the page at all.</div>
</body></html>
HTML
}

@test "wire-strip: an HTML page is read with its markup: the body, no furniture" {
	page a.html
	run --separate-stderr wire-strip a.html
	assert_success
	[ "$(kept a.html | grep -c .)" -eq 5 ]
	kept a.html | grep -qF "$P1"
	kept a.html | grep -qF "$P5"
	! kept a.html | grep -q 'Ferry company orders\|Great article\|Copyright\|hidden paragraph\|Buy now\|Home'
	# The same page under another name: found by its content.
	cp a.html page.dat
	diff <(kept a.html) <(kept page.dat)
}

@test "wire-strip -m: an HTML page's metadata, from its head" {
	page a.html
	run wire-strip -m a.html
	assert_line "a.html${TAB}0${TAB}Storm closes Halden port${TAB}class=title"
	assert_line "a.html${TAB}0${TAB}2025-03-03T10:00:00Z${TAB}class=date"
	assert_line "a.html${TAB}0${TAB}Kari Nilsen${TAB}class=byline"
	assert_line "a.html${TAB}0${TAB}https://coast.example/storm${TAB}class=url"
	# JSON-LD too, when the head has no meta tags.
	printf '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline from JSON-LD","datePublished":"2025-04-01","author":[{"@type":"Person","name":"Ann Lie"}]}</script></head><body><p>%s</p><p>%s</p></body></html>' "$P1" "$P2" > b.html
	run wire-strip -m b.html
	assert_line "b.html${TAB}0${TAB}A headline from JSON-LD${TAB}class=title"
	assert_line "b.html${TAB}0${TAB}2025-04-01${TAB}class=date"
	assert_line "b.html${TAB}0${TAB}Ann Lie${TAB}class=byline"
}

@test "wire-strip: an HTML page in Windows-1252 says so in its head, or not" {
	printf '<html><head><meta charset="windows-1252"><title>T</title></head><body><p>The mayor said \x93we will rebuild the harbour wall\x94 before the winter, and the council agreed.</p><p>%s</p></body></html>' "$P2" > a.html
	kept a.html | grep -q '“we will rebuild the harbour wall”'
	sed 's/<meta charset="windows-1252">//' a.html > b.html
	kept b.html | grep -q '“we will rebuild the harbour wall”'
}

@test "wire-strip: JSON Lines, one article a line, named by URL or FILE:LINE" {
	{
		printf '{"url": "https://a.example/1", "title": "Storm closes port", "date_publish": "2025-03-03", "authors": ["Kari Nilsen"], "maintext": "%s\\n\\n%s"}\n' "$P1" "$P2"
		printf 'this line is not JSON\n\n'
		printf '{"title": "No URL", "text": "%s"}\n' "$P3"
		printf '{"url": "https://a.example/3", "html": "<html><body><p>%s</p></body></html>"}\n' "$P4"
	} > a.jsonl
	run --separate-stderr wire-strip -m a.jsonl
	assert_failure 1
	[[ "$stderr" == *"a.jsonl:2: not JSON"* ]]
	assert_line "https://a.example/1${TAB}0${TAB}a.jsonl${TAB}class=source"
	assert_line "https://a.example/1${TAB}0${TAB}Storm closes port${TAB}class=title"
	assert_line "https://a.example/1${TAB}0${TAB}Kari Nilsen${TAB}class=byline"
	assert_line "https://a.example/1${TAB}1${TAB}$P1"
	assert_line "https://a.example/1${TAB}2${TAB}$P2"
	assert_line "a.jsonl:4${TAB}1${TAB}$P3"
	assert_line "https://a.example/3${TAB}1${TAB}$P4"
}

# rec TYPE URI CONTENT-TYPE FILE: a WARC record with FILE as its body.
warc_rec() {
	printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' \
	    "$1" "$2" "$3" "$(wc -c < "$4")"
	cat "$4"
	printf '\r\n\r\n'
}

@test "wire-strip: WARC and WET, plain or gzipped a record at a time" {
	printf 'software: wire tests\r\n' > info
	{ printf 'Storm closes Halden port\n\n'; body; } > text
	page p.html
	{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; cat p.html; } > resp
	{
		warc_rec warcinfo '' application/warc-fields info
		warc_rec conversion https://a.example/wet text/plain text
		warc_rec response https://a.example/page 'application/http; msgtype=response' resp
	} > a.warc
	{
		warc_rec warcinfo '' application/warc-fields info | gzip -c
		warc_rec conversion https://a.example/wet text/plain text | gzip -c
		warc_rec response https://a.example/page 'application/http; msgtype=response' resp | gzip -c
	} > a.warc.gz
	run --separate-stderr wire-strip a.warc
	assert_success
	[[ "$stderr" == *"a.warc: 1 WARC record skipped"* ]]
	[ "$(cut -f1 <<< "$output" | uniq)" = "https://a.example/wet
https://a.example/page" ]
	assert_line "https://a.example/page${TAB}1${TAB}$P1"
	diff <(wire-strip a.warc 2> /dev/null) <(wire-strip a.warc.gz 2> /dev/null)
}

@test "wire-strip: a WARC cut short, or with a wrong Content-Length, is an error; what came before stands" {
	{ printf 'Storm closes Halden port\n\n'; body; } > text
	{ warc_rec conversion https://a.example/1 text/plain text | gzip -c
	  warc_rec conversion https://a.example/2 text/plain text | gzip -c; } > a.warc.gz
	head -c "$(( $(wc -c < a.warc.gz) - 40 ))" a.warc.gz > cut.warc.gz
	run --separate-stderr wire-strip cut.warc.gz
	assert_failure 1
	[[ "$stderr" == *"cut.warc.gz: record 2: gzip stream cut short"* ]]
	assert_line "https://a.example/1${TAB}1${TAB}$P1"
	{ warc_rec conversion https://a.example/1 text/plain text | sed 's/^Content-Length: [0-9]*/Content-Length: 50/'
	  warc_rec conversion https://a.example/2 text/plain text; } > bad.warc
	run --separate-stderr wire-strip bad.warc
	assert_failure 1
	[[ "$stderr" == *"bad.warc: record 2: does not start where the last ended"* ]]
	printf 'WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 900\r\n\r\nshort' > short.warc
	run --separate-stderr wire-strip short.warc
	assert_failure 1
}

@test "wire-strip: text in Windows-1252 is converted and said; -e names an encoding" {
	printf 'A headline about the harbour\n\nThe mayor said \x93we will rebuild\x94 after the storm, and the council agreed to pay for all of it.\n' > a.txt
	run --separate-stderr wire-strip a.txt
	assert_success
	[[ "$stderr" == *"a.txt: not UTF-8; read as Windows-1252"* ]]
	assert_output --partial '“we will rebuild”'
	printf 'A headline\n\nThe mayor of K\xf8ge said the harbour will be rebuilt before the winter comes to the town.\n' > b.txt
	run --separate-stderr wire-strip -e ISO-8859-1 b.txt
	assert_output --partial 'Køge'
	[ -z "$stderr" ]
	run wire-strip -e NO-SUCH-ENCODING b.txt
	assert_failure 2
	# Bytes that are neither pass as they are.
	printf 'A headline\n\nThe mayor said the \x81 harbour will be rebuilt before the winter comes to the town.\n' > c.txt
	wire-strip c.txt | grep -q "$(printf '\x81')"
}

@test "wire-strip: an article with no body, or not in English, is said; -m says why; -q is quiet" {
	printf 'Home | News | Sport\n\nSubscribe\n' > nobody.txt
	run --separate-stderr wire-strip -m nobody.txt
	assert_success
	[ "$stderr" = "wire-strip: nobody.txt: no body text found" ]
	assert_line "nobody.txt${TAB}0${TAB}no body text found${TAB}class=nobody"
	{ printf 'Der Hafen von Halden bleibt geschlossen\n\n'
	  printf 'Der Sturm hat den Hafen von Halden für drei Tage geschlossen und einen Schaden von mindestens vierzig Millionen Kronen hinterlassen, sagten die Behörden am Montag.\n\n'
	  printf 'Die Ingenieure sagten, die alte Mauer habe gehalten, obwohl die Wellen über den nördlichen Pier schlugen und den Fischmarkt am Samstagabend überfluteten.\n\n'
	  printf 'Die Fischer, die zwei Tage ihres Fangs verloren haben, hoffen, dass die Stadt ihnen auch bei der Reparatur ihrer Boote und Netze helfen wird.\n'; } > de.txt
	run --separate-stderr wire-strip de.txt
	[[ "$stderr" == *"de.txt: does not read as English"* ]]
	run --separate-stderr wire-strip -q de.txt nobody.txt
	[ -z "$stderr" ]
}

@test "wire-strip: a form feed that ends a line ends the article" {
	{ printf '%s\n\n%s' "$P1" "$P2"; printf '\f\n'; printf '%s\n\n%s' "$P3" "$P4"; printf '\f\n'; } > packed.txt
	[ "$(wire-strip packed.txt | cut -f1 | uniq | wc -l)" -eq 2 ]
}
