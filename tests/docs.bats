#!/usr/bin/env bats
# The manual: every tool has a page, every page is clean under
# mandoc -Tlint, and each tool's usage line is its page's SYNOPSIS.

load helper

DOCS=$BATS_TEST_DIRNAME/../docs

# tools: the programs built from tools/: a file each, or a folder.
tools() {
	for src in "$BATS_TEST_DIRNAME"/../tools/*; do basename "$src" .c; done
}

# synopsis PAGE: the SYNOPSIS section as one line of single spaces.
synopsis() {
	mandoc -Tascii "$1" | col -b | awk '
		/^SYNOPSIS/ { on = 1; next }
		on && /^[A-Z]/ { exit }
		on { $1 = $1; if (NF) printf "%s%s", (n++ ? " " : ""), $0 }' | sed 's/ *$//'
}

@test "docs: every page is clean under mandoc -Tlint" {
	for page in "$DOCS"/*.[157]; do
		run mandoc -Tlint -W warning "$page"
		assert_success
		assert_output ''
	done
}

@test "docs: every tool has a page whose SYNOPSIS is its usage line" {
	for tool in $(tools) wire-batch wire-report; do
		[ -f "$DOCS/$tool.1" ]
		usage=$("$tool" -h)
		[ "usage: $(synopsis "$DOCS/$tool.1")" = "$usage" ] ||
		    { echo "$tool: '$usage' vs '$(synopsis "$DOCS/$tool.1")'"; false; }
	done
}

@test "docs: wire(7) lists every tool" {
	for tool in $(tools) wire-batch wire-report; do
		grep -q "^\.Xr $tool 1" "$DOCS/wire.7" || { echo "$tool"; false; }
	done
}

@test "docs: every page renders under groff as under mandoc, no warning" {
	command -v groff >/dev/null || skip "no groff"
	for page in "$DOCS"/*.[157]; do
		run groff -mandoc -Tutf8 -ww -z "$page"
		assert_output ''
		# The same sections, in the same order, in both.
		g=$(groff -mandoc -Tascii -P-cbou "$page" 2>/dev/null |
		    grep -E '^[A-Z][A-Z ]+$')
		m=$(mandoc -Tascii "$page" | col -b | grep -E '^[A-Z][A-Z ]+$')
		[ "$g" = "$m" ] || { echo "$page: $g vs $m"; false; }
	done
}

# examples PAGE: the EXAMPLES section as lines "$ command" (continued
# lines joined) and the output shown under it, display indent removed.
examples() {
	mandoc -Tascii -O width=200 "$1" | col -bx | awk '
		/^EXAMPLES/ { on = 1; next }
		on && /^[A-Z]/ { exit }
		!on { next }
		{ match($0, /^ */); ind = RLENGTH }
		ind < 8 { cont = 0; next }		# prose or blank
		{ line = substr($0, ind + 1) }
		cont { cmd = cmd " " line }
		!cont && line ~ /^\$ / { if (cmd != "") print cmd; cmd = line }
		!cont && line !~ /^\$ / { if (cmd != "") print cmd; cmd = ""
			print ">" line }
		{ cont = line ~ /[|\\]$/ }
		END { if (cmd != "") print cmd }'
}

# world: the files the examples name, from the fixtures.
world() {
	mkdir -p dump dumps/2025-12-16 dumps/2025-12-17 stub
	i=0
	for f in "$SEEDS"/*.txt; do
		cp "$f" "dump/00$i.txt"
		if [ $i -lt 3 ]; then cp "$f" dumps/2025-12-16/
		else cp "$f" dumps/2025-12-17/; fi
		i=$((i + 1))
	done
	cp dump/001.txt dump/003.txt .
	cp dump/003.txt article.txt
	cp "$FIX/page.html" page.html
	gzip -c "$FIX/page.wet" > CC-MAIN-20250101-00000.warc.wet.gz
	wire-strip dump/003.txt | wire-split > a.rec
	wire-strip dump/001.txt | wire-split > b.rec
	wire-strip -m dump/*.txt | wire-split | wire-quotes > all.rec
	cp all.rec sentences.rec
	printf '#!/bin/sh\nexec cat "$@"\n' > stub/less
	chmod +x stub/less
}

@test "docs: every example of every page runs, and prints what it shows" {
	for page in "$DOCS"/*.[157]; do
		mkdir "$BATS_TEST_TMPDIR/${page##*/}"
		cd "$BATS_TEST_TMPDIR/${page##*/}"
		world
		examples "$page" > examples.txt
		[ -s examples.txt ] || { echo "$page: no EXAMPLES"; false; }
		want= cmd=
		while IFS= read -r line || [ -n "$cmd" ]; do
			case $line in
			'>'*)	want="$want${line#>}
"; continue ;;
			esac
			if [ -n "$cmd" ]; then
				check_example "$page" "$cmd" "$want"
			fi
			cmd=${line#\$ } want=
		done < examples.txt
	done
}

# check_example PAGE COMMAND OUTPUT: COMMAND exits 0 or 1 with no message on
# stderr, and prints OUTPUT when the page shows one (blanks squeezed:
# the page renders tabs as spaces).
check_example() {
	o=$BATS_TEST_TMPDIR/example.out e=$BATS_TEST_TMPDIR/example.err
	st=0
	PATH=$PWD/stub:$PATH sh -c "$2" > "$o" 2> "$e" < /dev/null || st=$?
	# 1 is an answer of wire-diff and grep ("they differ", "none").
	[ $st -le 1 ] || { echo "${1##*/}: '$2' exits $st"; cat "$e"; false; }
	# wire-batch's summary of a run is all that may be there.
	! grep -Ev '^wire-batch: ([0-9]+ files?:|nothing new)' "$e" ||
	    { echo "${1##*/}: '$2' warns"; false; }
	[ -z "$3" ] && return 0
	squeeze() { tr -s ' \t' '  ' | sed 's/^ //; s/ $//'; }
	got=$(squeeze < "$o") want=$(printf '%s' "$3" | squeeze)
	[ "$got" = "$want" ] ||
	    { echo "${1##*/}: '$2' prints:"; echo "$got"; echo "not:"; echo "$want"; false; }
}
