#!/usr/bin/env bats
# wire-batch: the outputs, which files are articles, incremental and
# interrupted runs, -j, -f, bad files, and the map-reduce dedupe of
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
	for f in all.rec ${2-unique.rec} report.txt manifest.tsv; do
		printf '==> %s\n' "$f"
		cat "$1/$f"
	done
}

# pipeline FILE...: the records the per-article stage makes of each.
pipeline() {
	local f
	for f in "$@"; do wire-strip -1 -m -- "$f" | wire-split | wire-quotes; done
}

@test "wire-batch: usage" {
	check_usage wire-batch
	run wire-batch
	assert_failure 2
	run wire-batch -j x d
	assert_failure 2
	run wire-batch -j 0 d
	assert_failure 2
	run wire-batch -f xml d
	assert_failure 2
}

@test "wire-batch: a dump that is not a directory" {
	run --separate-stderr wire-batch -o out no-such-dump
	assert_failure 1
	[ "$stderr" = "wire-batch: no-such-dump: not a directory" ]
	[ ! -e out ]
	touch file
	run --separate-stderr wire-batch -o out file
	assert_failure 1
}

@test "wire-batch: all.rec, unique.rec, manifest.tsv and report.txt" {
	dump d "$SEEDS"/*.txt
	run --separate-stderr wire-batch -o out d
	assert_success
	[ "$stderr" = "wire-batch: 5 files: 5 added, 0 changed, 0 deleted, 0 unchanged, 0 skipped; the report is out/report.txt" ]
	# The records of every article, in the order of the paths.
	pipeline d/*.txt | cmp - out/all.rec
	# unique.rec is the near-deduplicated corpus.
	wire-dedupe -n out/all.rec | cmp - out/unique.rec
	grep -q "^== Story 1: " out/report.txt
	grep -q "^wire story report: 5 articles, 2 stories" out/report.txt
	# The manifest: path, kind, size, time, hash.
	[ "$(wc -l < out/manifest.tsv)" -eq 5 ]
	awk -F '\t' 'NF != 5 || $2 != "text" || $3 !~ /^[0-9]+$/ ||
	    split($4, t, ".") != 2 || t[1] !~ /^[0-9]+$/ || t[2] !~ /^[0-9]+$/ ||
	    length(t[2]) != 9 ||
	    $5 !~ /^[0-9a-f]+$/ || length($5) != 16 { exit 1 }' out/manifest.tsv
	cut -f1 out/manifest.tsv | cmp - <(ls d/*.txt)
	# The outputs are links through current to the finished run.
	[ "$(readlink out/current)" = gen/1 ]
	[ "$(readlink out/report.txt)" = current/report.txt ]
}

@test "wire-batch: every regular file is an article, whatever its name" {
	mkdir -p d/sub/deeper
	cp "$STORY"/wire.txt d/wire
	cp "$STORY"/local.txt d/sub/LOCAL.TXT
	cp "$STORY"/other.txt d/sub/deeper/other.text
	ln -s ../wire d/sub/link.txt
	mkfifo d/fifo
	run --separate-stderr wire-batch -o out d
	assert_success
	[[ "$stderr" == *"wire-batch: d/fifo: skipped: not a regular file"* ]]
	[[ "$stderr" == *"5 files: 4 added, 0 changed, 0 deleted, 0 unchanged, 1 skipped"* ]]
	grep -q "^wire story report: 4 articles" out/report.txt
	grep -q "^   d/fifo: skipped: not a regular file" out/report.txt
	for f in d/wire d/sub/LOCAL.TXT d/sub/deeper/other.text d/sub/link.txt; do
		grep -q "^$f${TAB}" out/all.rec
	done
}

@test "wire-batch: pages, JSON Lines and web archives in a dump" {
	mkdir d
	cp "$STORY"/other.txt d/
	{ printf '<html><head><title>Harbour town counts the cost</title></head><body><article>'
	  sed -n '3,$p' "$STORY"/wire.txt | awk 'NF { print "<p>" $0 "</p>" }'
	  printf '</article><footer>Copyright</footer></body></html>\n'; } > d/page.html
	python3 -c 'import json, sys; print(json.dumps({"url": "https://b.example/local", "title": "Storm damage", "text": open(sys.argv[1]).read()}))' "$STORY"/local.txt > d/feed.jsonl
	printf 'not JSON\n' >> d/feed.jsonl
	len=$(wc -c < "$STORY"/other.txt)
	{ printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://c.example/chess\r\nContent-Length: %d\r\n\r\n' "$len"
	  cat "$STORY"/other.txt; printf '\r\n\r\n'; } | gzip -c > d/crawl.wet.gz
	run --separate-stderr wire-batch -o out d
	assert_failure 1
	[[ "$stderr" == *"d/feed.jsonl:2: not JSON"* ]]
	[[ "$stderr" == *"4 files: 4 added"* ]]
	grep -q "^d/crawl.wet.gz${TAB}archive${TAB}" out/manifest.tsv
	grep -q "^https://b.example/local${TAB}0${TAB}d/feed.jsonl${TAB}class=source$" out/all.rec
	grep -q "^wire story report: 4 articles, 2 stories (2 of more than one article)" out/report.txt
	grep -q "https://c.example/chess" out/report.txt
	! grep -q "no body" out/report.txt
	# A changed feed gives new records; the others stay as they were.
	grep -v '^https://b.example' out/all.rec > others
	sed 's/Storm damage/Storm damage in Halden/' d/feed.jsonl > f && mv f d/feed.jsonl
	wire-batch -o out d 2> /dev/null || true
	grep -q "^https://b.example/local${TAB}0${TAB}Storm damage in Halden${TAB}class=title" out/all.rec
	grep -v '^https://b.example' out/all.rec | cmp - others
}

@test "wire-batch: a dump with no files says so" {
	mkdir d
	run --separate-stderr wire-batch -o out d
	assert_success
	[[ "$stderr" == *"wire-batch: no files in d"* ]]
	[[ "$stderr" != *"No such file"* ]]
	grep -q "^wire story report: 0 articles" out/report.txt
}

@test "wire-batch: the output folder inside the dump is not read" {
	dump d "$SEEDS"/00[01]_*.txt
	wire-batch -o d/out d 2> /dev/null
	run --separate-stderr wire-batch -o d/out d
	assert_success
	[[ "$stderr" == *"up to date"* ]]
	! grep -q "^d/out" d/out/manifest.tsv
}

@test "wire-batch: an unchanged rerun does nothing and says so" {
	dump d "$SEEDS"/*.txt
	wire-batch -o out d 2> /dev/null
	before=$(outputs out; readlink out/current)
	run --separate-stderr wire-batch -o out d
	assert_success
	[ "$stderr" = "wire-batch: nothing new in the dumps; out is up to date" ]
	[ "$(outputs out; readlink out/current)" = "$before" ]
	# A file touched but not changed is not read again next time.
	touch -d '2001-02-03' d/000_*.txt
	run --separate-stderr wire-batch -o out d
	[[ "$stderr" == *"up to date"* ]]
	grep -q "^d/000_.*${TAB}981158400\.000000000${TAB}" out/manifest.tsv
}

@test "wire-batch: a second run processes only new and changed files" {
	dump d "$SEEDS"/00[0123]_*.txt
	rm d/003_*.txt
	wire-batch -o out d 2> /dev/null
	cp out/unique.rec first.rec
	cp "$SEEDS"/003_*.txt d/
	sed 's/Berlin/Bonn/' "$SEEDS"/001_*.txt > d/001_*.txt
	rm d/002_*.txt
	run --separate-stderr wire-batch -o out d
	assert_success
	[[ "$stderr" == *"wire-batch: d/002_"*": gone since the last run"* ]]
	[[ "$stderr" == *"3 files: 1 added, 1 changed, 1 deleted, 1 unchanged, 0 skipped"* ]]
	grep -q Bonn out/all.rec
	! grep -q "^d/002_" out/all.rec
	[ "$(readlink out/current)" = gen/2 ]
	[ "$(ls out/gen)" = 2 ]
	# The outputs are those of a clean run, but for unique.rec, which
	# keeps what earlier runs wrote and adds what the new articles add.
	wire-batch -o clean d 2> /dev/null
	diff <(outputs out '') <(outputs clean '')
	n0=$(wc -l < first.rec)
	head -n "$n0" out/unique.rec | cmp - first.rec
	{ cat first.rec; pipeline d/00[13]_*.txt; } | wire-dedupe -n |
	    tail -n +"$((n0 + 1))" | cmp - <(tail -n +"$((n0 + 1))" out/unique.rec)
}

@test "wire-batch: more than ten files gone are counted, not all named" {
	mkdir d
	for i in $(seq 12); do cp "$STORY"/other.txt "d/$i.txt"; done
	wire-batch -o out d 2> /dev/null
	rm d/*.txt
	cp "$STORY"/wire.txt d/
	run --separate-stderr wire-batch -o out d
	assert_success
	[ "$(grep -c 'gone since the last run' <<< "$stderr")" -eq 10 ]
	[[ "$stderr" == *"and 2 more files gone"* ]]
	[[ "$stderr" == *"12 deleted"* ]]
}

@test "wire-batch: a run killed midway leaves the last run; the next completes it" {
	dump d "$SEEDS"/00[01]_*.txt
	wire-batch -o out d 2> /dev/null
	for i in $(seq 30); do
		for f in "$SEEDS"/*.txt; do cp "$f" "d/$i-${f##*/}"; done
	done
	before=$(outputs out)
	for delay in 0.1 0.3 0.6; do
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
	mv d d.all; mkdir d; cp d.all/00[01]_*.txt d/
	wire-batch -o clean d 2> /dev/null
	rm -r d; mv d.all d
	wire-batch -o clean d 2> /dev/null
	diff <(outputs out) <(outputs clean)
	[ "$(ls out/gen | wc -l)" -eq 1 ]
}

@test "wire-batch: stopped by a signal, it stops its programs and cleans up" {
	dump d "$SEEDS"/*.txt
	# A wire-quotes that waits, so the run is stopped in its stage.
	mkdir -p kbin
	cp "$WIRE_BIN"/* kbin/
	printf '#!/bin/sh\necho $$ > "%s/slow.pid"\nexec sleep 60\n' "$PWD" > kbin/wire-quotes
	chmod +x kbin/wire-quotes
	kbin/wire-batch -o out d 2> err &
	pid=$!
	for _ in $(seq 100); do [ -s slow.pid ] && break; sleep 0.05; done
	[ -s slow.pid ]
	kill -TERM "$pid"
	status=0
	wait "$pid" || status=$?
	[ "$status" -eq 143 ]
	# Its programs are gone, and so is what it had begun.
	! kill -0 "$(cat slow.pid)" 2> /dev/null
	[ ! -e out/current ]
	[ -z "$(ls out/gen)" ]
}

# killer TOOL: a copy of the programs in kbin/ in which TOOL kills the
# whole process group it runs in.
killer() {
	mkdir -p kbin
	cp "$WIRE_BIN"/* kbin/
	printf '#!/bin/sh\nkill -KILL -- -"$(ps -o pgid= $$ | tr -d " ")"\n' > "kbin/$1"
	chmod +x "kbin/$1"
}

# failer TOOL: the same, but TOOL fails with status 2 (wire-strip's 1
# says a part of a file could not be read, and the run goes on).
failer() {
	mkdir -p kbin
	cp "$WIRE_BIN"/* kbin/
	printf '#!/bin/sh\necho "%s: broken" >&2\nexit 2\n' "$1" > "kbin/$1"
	chmod +x "kbin/$1"
}

@test "wire-batch: a program killed or failing at any step loses nothing" {
	dump d "$SEEDS"/00[01]_*.txt
	wire-batch -o out d 2> /dev/null
	before=$(outputs out; readlink out/current)
	cp "$SEEDS"/00[234]_*.txt d/
	for tool in wire-strip wire-quotes wire-dedupe wire-report; do
		for make in killer failer; do
			rm -rf kbin
			"$make" "$tool"
			run setsid kbin/wire-batch -o out d
			[ "$status" -ne 0 ]
			[ "$(outputs out; readlink out/current)" = "$before" ]
		done
		[[ "$output" == *"$tool"* ]]
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

@test "wire-batch: file names with spaces, %, a backslash, a TAB, byte 0x01, a long path; a file of several articles" {
	long=d/$(printf 'x%.0s' $(seq 120))/$(printf 'y%.0s' $(seq 120))
	mkdir -p "d/sub dir" "$long"
	cp "$STORY"/wire.txt "d/sub dir/50%.txt"
	cp "$STORY"/other.txt 'd/back\slash.txt'
	cp "$STORY"/local.txt "$long/long.txt"
	cp "$STORY"/local.txt "d/tab${TAB}name.txt"
	cp "$STORY"/local.txt "d/$(printf '\001')ctrl.txt"
	{ cat "$SEEDS"/000_*.txt; printf '\n\f\n'; cat "$SEEDS"/003_*.txt; } > d/two.txt
	run --separate-stderr wire-batch -o 'out\tdir' d
	assert_success
	grep -q "^wire story report: 7 articles" 'out\tdir'/report.txt
	! grep -q "no body text found" 'out\tdir'/report.txt
	grep -q "^d/two.txt:2${TAB}" 'out\tdir'/all.rec
	grep -q '^d/tab\\tname.txt	' 'out\tdir'/all.rec
	# The name with byte 0x01 has its records, under its own name.
	grep -q "^d/$(printf '\001')ctrl.txt${TAB}" 'out\tdir'/all.rec
	grep -q '^d/tab\\tname.txt	text	' 'out\tdir'/manifest.tsv
	run --separate-stderr wire-batch -o 'out\tdir' d
	[[ "$stderr" == *"up to date"* ]]
	# Changed, a file of several articles loses its old records.
	cat "$SEEDS"/000_*.txt > d/two.txt
	wire-batch -o 'out\tdir' d 2> /dev/null
	! grep -q "^d/two.txt:2${TAB}" 'out\tdir'/all.rec
	grep -q "^d/two.txt${TAB}" 'out\tdir'/all.rec
}

@test "wire-batch: -j 1 and -j 3 give the same bytes" {
	dump d "$SEEDS"/*.txt "$STORY"/*.txt
	for i in 1 2 3; do cp "$SEEDS"/003_*.txt "d/copy$i.txt"; done
	for i in $(seq 30); do cp "$STORY"/other.txt "d/o$i.txt"; done
	wire-batch -j 1 -o one d 2> /dev/null
	wire-batch -j 3 -o three d 2> /dev/null
	diff <(outputs one) <(outputs three)
	wire-batch -j 3 -f tsv -o tsv1 d 2> /dev/null
	wire-batch -j 1 -f tsv -o tsv2 d 2> /dev/null
	for f in stories members own quotations drift speakers nobody; do
		cmp "tsv1/$f.tsv" "tsv2/$f.tsv"
	done
}

@test "wire-batch -f: another format on an up-to-date folder renders it again" {
	dump d "$SEEDS"/*.txt
	wire-batch -o out d 2> /dev/null
	cp out/report.txt text.txt
	run --separate-stderr wire-batch -f tsv -o out d
	assert_success
	[[ "$stderr" == *"nothing new"*"rendered as tables"* ]]
	[ "$(readlink out/current)" = gen/1 ]
	for f in stories members own quotations drift speakers nobody; do
		head -1 "out/$f.tsv" | grep -q "${TAB}"
	done
	cmp out/report.txt text.txt
	run --separate-stderr wire-batch -f tsv -o out d
	[[ "$stderr" == *"up to date"* ]]
	# A new run in one format drops the other's stale tables.
	cp "$STORY"/wire.txt d/
	wire-batch -o out d 2> /dev/null
	[ ! -e out/stories.tsv ]
	[ ! -L out/stories.tsv ]
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
	[[ "$stderr" == *"d/latin1.txt: not UTF-8; read as Windows-1252"* ]]
	[[ "$stderr" == *"6 files: 4 added, 0 changed, 0 deleted, 0 unchanged, 2 skipped"* ]]
	grep -q "^   d/empty.txt: skipped: empty file" out/report.txt
	grep -q "^   d/zip.txt: skipped: binary file" out/report.txt
	grep -A1 "^Files not in UTF-8" out/report.txt | grep -q "^   d/latin1.txt"
	grep -q "Bérgen" out/all.rec
	[ "$(wc -l < out/manifest.tsv)" -eq 6 ]
	grep -q "^d/zip.txt${TAB}binary${TAB}" out/manifest.tsv
	# Skipped files are said once, when they come, not on every run.
	cp "$STORY"/wire.txt d/new.txt
	run --separate-stderr wire-batch -o out d
	[[ "$stderr" != *"empty.txt"* ]]
}

@test "wire-batch: a file that cannot be read is named, with status 1" {
	[ "$(id -u)" -ne 0 ] || skip "root reads every file"
	dump d "$STORY"/*.txt
	chmod 000 d/other.txt
	run --separate-stderr wire-batch -o out d
	assert_failure 1
	[[ "$stderr" == *"d/other.txt: Permission denied"* ]]
	grep -q "^   d/other.txt: skipped: could not be read" out/report.txt
}

@test "wire-batch: a damaged last run is named, and nothing is changed" {
	dump d "$SEEDS"/000_*.txt
	wire-batch -o out d 2> /dev/null
	echo garbage >> out/current/manifest.tsv
	run --separate-stderr wire-batch -o out d
	assert_failure 1
	[[ "$stderr" == *"out/gen/1/manifest.tsv:2: not a line of a manifest"* ]]
	[[ "$stderr" == *"the last run is damaged; remove out to start afresh"* ]]
	[ "$(readlink out/current)" = gen/1 ]
}

@test "wire-batch: a second wire-batch on the same outdir is refused" {
	dump d "$SEEDS"/000_*.txt
	mkdir out
	exec 8> out/.lock
	flock 8
	run --separate-stderr wire-batch -o out d
	assert_failure 1
	[ "$stderr" = "wire-batch: out: another wire-batch is running there" ]
}

@test "wire-batch: progress on a terminal only, and -q silences it" {
	command -v script > /dev/null || skip "no script(1)"
	dump d "$SEEDS"/*.txt
	wire-batch -o out d 2> err
	! grep -q $'\r' err
	script -qec "wire-batch -o tty d" /dev/null > tty.txt
	grep -q $'\r'"wire-batch: .*articles" tty.txt
	script -qec "wire-batch -q -o quiet d" /dev/null > quiet.txt
	! grep -q $'\r' quiet.txt
	grep -q "5 files: 5 added" quiet.txt
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
