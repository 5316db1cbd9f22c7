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
