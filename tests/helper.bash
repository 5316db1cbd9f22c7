# helper.bash: loaded by every test file (load helper).
#
# Puts the programs under test first in PATH (WIRE_BIN, default ../bin),
# stops if they are not built, and holds the checklist that every tool
# passes: usage, stdin = file = "-", a missing file, empty input, no
# final newline, NUL and invalid UTF-8, a closed stdout.

load /usr/lib/bats/bats-support/load.bash
load /usr/lib/bats/bats-assert/load.bash
bats_require_minimum_version 1.5.0

WIRE_BIN=${WIRE_BIN:-$BATS_TEST_DIRNAME/../bin}
if [ ! -x "$WIRE_BIN/wire-split" ]; then
	echo "# wire is not built in $WIRE_BIN: run make" >&2
	exit 1
fi
PATH=$WIRE_BIN:$BATS_TEST_DIRNAME/../scripts:$PATH
FIX=$BATS_TEST_DIRNAME/fixtures
SEEDS=$FIX/seeds
# The shared bench data, when it sits beside the checkout.
SHARED=${WIRE_SHARED:-$BATS_TEST_DIRNAME/../../shared}
TAB=$(printf '\t')

# Every test runs in its own empty directory.  A file that needs its own
# setup() must cd there too.
setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
}

# skip_without_shared PATH: skip the test when ../shared/PATH is absent.
skip_without_shared() {
	[ -e "$SHARED/$1" ] || skip "no $SHARED/$1"
}

# check_usage TOOL: -h prints the synopsis and exits 0; a bad option
# prints it on stderr and exits 2.
check_usage() {
	run "$1" -h
	assert_success
	assert_output --regexp "^usage: $1 "
	run --separate-stderr "$1" -@
	assert_failure 2
	[ -z "$output" ]
	[[ "$stderr" == *"usage: $1 "* ]]
}

# check_inputs TOOL FILE [OPTIONS...]: standard input, the file and "-"
# give the same output (up to DOC, which names the input).
check_inputs() {
	local tool=$1 file=$2
	shift 2
	local a b c
	a=$("$tool" "$@" "$file" | cut -f2-)
	b=$("$tool" "$@" < "$file" | cut -f2-)
	c=$("$tool" "$@" - < "$file" | cut -f2-)
	[ -n "$a" ]
	[ "$a" = "$b" ]
	[ "$a" = "$c" ]
}

# check_missing TOOL GOODFILE [OPTIONS...]: a missing file is named on
# stderr, the other files are still read and the exit status is 1.
check_missing() {
	local tool=$1 file=$2
	shift 2
	run --separate-stderr "$tool" "$@" "$BATS_TEST_TMPDIR/nonexistent" "$file"
	assert_failure 1
	[[ "$stderr" == *"$BATS_TEST_TMPDIR/nonexistent: No such file"* ]]
	[ -n "$output" ]
}

# check_empty TOOL [OPTIONS...]: empty input, empty output, success.
check_empty() {
	local tool=$1
	shift
	run "$tool" "$@" < /dev/null
	assert_success
	assert_output ''
}

# check_closed_stdout TOOL FILE [OPTIONS...]: a reader that stops early
# ends the program quietly.
check_closed_stdout() {
	local tool=$1 file=$2 big=$BATS_TEST_TMPDIR/big
	shift 2
	for _ in $(seq 200); do cat "$file"; done > "$big"
	run --separate-stderr bash -c 'set -o pipefail; "$@" < "$0" | head -1 >/dev/null; s=("${PIPESTATUS[@]}"); [ "${s[0]}" = 0 ] || [ "${s[0]}" = 141 ]' "$big" "$tool" "$@"
	assert_success
	[ -z "$stderr" ]
}
