#!/usr/bin/env bats
# The fuzz corpora (scripts/fuzz, make fuzz): every input AFL++ kept, and
# every crash it found, runs again through its tool, which must end with
# one of its own statuses (no signal) and no sanitizer report.

load helper

FUZZ=$BATS_TEST_DIRNAME/fuzz

@test "fuzz: every input of every target's corpus runs clean" {
	local name cmd f n=0 status err
	cd "$FUZZ"
	while IFS='|' read -r name cmd; do
		for f in "$name"/*; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			# A copy: wire-dedupe -s writes its state file.
			cp "$f" "$BATS_TEST_TMPDIR/in"
			if [[ "$cmd" == *@@* ]]; then
				# shellcheck disable=SC2086
				${cmd//@@/$BATS_TEST_TMPDIR/in} > /dev/null \
				    2> "$BATS_TEST_TMPDIR/err" &&
				    status=0 || status=$?
			else
				# shellcheck disable=SC2086
				$cmd < "$f" > /dev/null 2> "$BATS_TEST_TMPDIR/err" &&
				    status=0 || status=$?
			fi
			err=$(cat "$BATS_TEST_TMPDIR/err")
			if [ "$status" -gt 2 ] || [[ "$err" == *"runtime error"* ]] ||
			    [[ "$err" == *Sanitizer* ]]; then
				echo "$name: $cmd on $f: status $status"
				echo "$err" | head -20
				false
			fi
		done
	done < <(grep -v '^#' targets)
	[ "$n" -gt 0 ]
}
