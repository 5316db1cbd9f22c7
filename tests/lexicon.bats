#!/usr/bin/env bats
# The lexicon: common/lexicon.txt, made into C by common/lexicon.awk.

load helper

LEX=$BATS_TEST_DIRNAME/../common/lexicon.txt
AWK=$BATS_TEST_DIRNAME/../common/lexicon.awk

@test "lexicon: every word is in lower case and listed once" {
	run awk -F '\t+' '!/^[#%]/ && NF && ($1 != tolower($1) || seen[$1]++) { print }' "$LEX"
	assert_output ''
	run awk -f "$AWK" "$LEX"
	assert_success
}

@test "lexicon: a class it was not told of stops the build, naming the line" {
	printf '%%class\tfunc\ta function word\nthe\tfunc\nof\tfunc prep\n' > l.txt
	run --separate-stderr awk -f "$AWK" l.txt
	assert_failure
	[ "$stderr" = 'common/lexicon.txt:3: unknown class "prep"' ]
}

@test "lexicon: a word listed twice stops the build" {
	printf '%%class\tfunc\ta function word\nthe\tfunc\nthe\tfunc\n' > l.txt
	run --separate-stderr awk -f "$AWK" l.txt
	assert_failure
	[[ "$stderr" == *'"the" is listed twice' ]]
}

@test "lexicon: each word has a name, each class a bit" {
	run awk -v out=h -f "$AWK" "$LEX"
	assert_success
	assert_line --partial 'WIRE_W_SAID,'
	assert_line --partial '#define WIRE_L_FUNC	(1u << 0)'
	assert_line --partial '#define WIRE_A_TITLE	1'
}
