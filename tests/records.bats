#!/usr/bin/env bats
# The record format (wire-records(5)), checked through wire-split and
# wire-dedupe, which pass records through unchanged.

load helper

@test "records: escaped bytes in TEXT and DOC survive a round trip" {
	printf 'a\\tb\t1\tone\\ttab, one\\\\back, one\\nnew, one\\rcr, one\\0nul\tk=v\\\\\\t\n' > in.rec
	wire-dedupe in.rec | cmp - in.rec
	# wire-split too: the escapes that come in are the ones that go out.
	printf 'a\\tb\t1\tOne\\ttab, one\\\\back, one\\0nul.\n' > in2.rec
	wire-split in2.rec | sed 's/\t1\.1\t/\t1\t/' | cmp - in2.rec
}

@test "records: tags a tool does not know are kept, in order" {
	printf 'd\t4\tOne. Two.\tzeta=1\talpha=x\\ty\tmid=\n' > in.rec
	run wire-split in.rec
	assert_success
	assert_line -n 0 "d${TAB}4.1${TAB}One.${TAB}zeta=1${TAB}alpha=x\\ty${TAB}mid="
	assert_line -n 1 "d${TAB}4.2${TAB}Two.${TAB}zeta=1${TAB}alpha=x\\ty${TAB}mid="
}

@test "records: CRLF line ends are accepted and not written" {
	printf 'd\t1\tOne.\r\nd\t2\tTwo.\r\n' > in.rec
	run wire-split in.rec
	assert_success
	assert_output "d${TAB}1.1${TAB}One.
d${TAB}2.1${TAB}Two."
}

@test "records: a missing final newline loses nothing" {
	printf 'd\t1\tOne.\nd\t2\tTwo.' > in.rec
	run wire-split in.rec
	assert_success
	assert_line -n 1 "d${TAB}2.1${TAB}Two."
}

# Each malformed line: reported as file:line, the rest still processed,
# exit status 1.
malformed() {
	printf 'd\t1\tGood one.\n%s\nd\t3\tGood two.\n' "$1" > bad.rec
	run --separate-stderr wire-split bad.rec
	assert_failure 1
	assert_line -n 0 "d${TAB}1.1${TAB}Good one."
	assert_line -n 1 "d${TAB}3.1${TAB}Good two."
	[ "${#lines[@]}" = 2 ]
	[[ "$stderr" == "wire-split: bad.rec:2: not a record: $2"* ]]
}

@test "records: fewer than three fields is an error naming file:line" {
	malformed "just some text" "fewer than 3"
	malformed "d${TAB}1" "fewer than 3"
}

@test "records: a bad escape is an error" {
	malformed "d${TAB}2${TAB}a \\x b" "bad escape in TEXT"
	malformed "d${TAB}2${TAB}ends in \\" "bad escape in TEXT"
	malformed "d${TAB}2${TAB}ok${TAB}k=v\\q" "bad escape in tag value"
}

@test "records: POS must be numbers joined by dots" {
	malformed "d${TAB}x${TAB}text" "POS"
	malformed "d${TAB}1..2${TAB}text" "POS"
	malformed "d${TAB}1.${TAB}text" "POS"
	malformed "d${TAB}${TAB}text" "POS"
}

@test "records: a tag must be key=value with a lowercase key" {
	malformed "d${TAB}2${TAB}text${TAB}Key=v" "tag key must start"
	malformed "d${TAB}2${TAB}text${TAB}ke-y=v" "tag key may hold"
	malformed "d${TAB}2${TAB}text${TAB}novalue" "tag field has no"
	malformed "d${TAB}2${TAB}text${TAB}" "tag key must start"
}

@test "records: an empty DOC is an error" {
	malformed "${TAB}2${TAB}text" "empty DOC"
}

@test "records: invalid UTF-8 passes through byte-exact" {
	printf 'd\t1\tBad \xff\xfe bytes \xc3 here.\n' > in.rec
	wire-split in.rec | cut -f3 > out.txt
	printf 'Bad \xff\xfe bytes \xc3 here.\n' | cmp - out.txt
}

@test "records: sort -k2,2V restores document order" {
	printf 'd\t%s\tFirst. Second. Third.\n' 1 2 3 4 5 6 7 8 9 10 11 > in.rec
	wire-split in.rec > ordered
	shuf ordered | sort -t "$TAB" -k1,1 -k2,2V > resorted
	cmp ordered resorted
}

@test "records: plain mode numbers non-blank lines as paragraphs" {
	printf 'First one. Still.\n\n  \nSecond one.\n' > in.txt
	run wire-split -p in.txt
	assert_success
	assert_output "First one.
Still.
Second one."
}

@test "records: metadata records (POS 0) pass wire-split unchanged" {
	printf 'd\t0\tA title. With two parts.\tclass=title\n' > in.rec
	run wire-split in.rec
	assert_success
	assert_output "$(cat in.rec)"
}
