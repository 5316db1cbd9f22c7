#!/usr/bin/env bats
# wire-dedupe: exact and near repeats, tags, documents, state.

load helper

# rec DOC POS TEXT...: one record line.
rec() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3"
}

@test "wire-dedupe: usage" {
	check_usage wire-dedupe
	run wire-dedupe -n0
	assert_failure 2
	run wire-dedupe -n1.5
	assert_failure 2
	run wire-dedupe -nx
	assert_failure 2
	run wire-dedupe -d -t
	assert_failure 2
}

@test "wire-dedupe: standard input, a file and - are the same" {
	{ rec a 1 "One."; rec a 2 "One."; rec b 1 "Two."; } > in.rec
	check_inputs wire-dedupe in.rec
}

@test "wire-dedupe: a missing file is named, the others still read" {
	rec a 1 "One." > in.rec
	check_missing wire-dedupe in.rec
}

@test "wire-dedupe: empty input" {
	check_empty wire-dedupe
	check_empty wire-dedupe -n
	check_empty wire-dedupe -d
}

@test "wire-dedupe: a closed stdout ends it quietly" {
	seq 1 20000 | sed 's/^/d\t1\tline /' > in.rec
	check_closed_stdout wire-dedupe in.rec
}

@test "wire-dedupe: exact mode drops repeats after normalisation, keeps the first" {
	{
		rec a 1 "Kyiv’s “strong” offer — 90 percent."
		rec a 2 "Something else entirely."
		rec b 1 "KYIV'S \"STRONG\"   OFFER - 90 PERCENT."
		rec b 2 "Ｋｙｉｖ’s “strong” offer – 90 percent."
		rec b 3 "Kyiv's strong offer - 90 percent."
	} > in.rec
	run wire-dedupe in.rec
	assert_success
	assert_output "$(sed -n '1,2p;5p' in.rec)"
}

@test "wire-dedupe: exact mode does not fold spelling variants" {
	{ rec a 1 "He said 90 per cent."; rec b 1 "He said 90 percent."; } > in.rec
	run wire-dedupe in.rec
	assert_output "$(cat in.rec)"
}

@test "wire-dedupe: the block-wise ASCII path folds as the byte path does, at every offset" {
	# The normaliser takes plain ASCII 16 and 8 bytes at a time and falls
	# back to a byte loop: put each difference it must fold (case, a
	# doubled space, TAB, spaces at either end) and each it must keep
	# (a control byte, a space taken out) at every offset of a block.
	base="the quick brown fox jumps over the lazy dog near the river bank today"
	: > in.txt
	for k in $(seq 1 40); do
		pre=$(printf '%*s' "$k" "" | tr ' ' 'x')
		l="$pre $base"
		upper=$(printf '%s' "$l" | tr 'a-z' 'A-Z')
		printf '%s\n%s\n' "$l" "$upper" >> in.txt
		printf '%s\n' "$l" | sed 's/ /  /'"$((k % 9 + 1))" >> in.txt
		printf '%s\n' "$l" | sed "s/ /\t/$((k % 7 + 1))" >> in.txt
		printf '%*s%s%*s\n' "$((k % 5))" "" "$l" "$((k % 3))" "" >> in.txt
		printf '%s\n' "$l" | sed "s/ /\x01 /$((k % 9 + 1))" >> kept.txt
		printf '%s\n' "$l" | sed "s/ //$((k % 9 + 1))" >> kept.txt
	done
	cat kept.txt >> in.txt
	run wire-dedupe -p in.txt
	assert_success
	assert_output "$(awk 'NR % 5 == 1' in.txt | head -n 40; cat kept.txt)"
}

@test "wire-dedupe: a combining mark after a block of ASCII composes with its letter" {
	# "e" + U+0301 is "é": the mark takes back the letter that the ASCII
	# path wrote, wherever in a block that letter fell.
	: > in.txt
	for k in $(seq 0 20); do
		pre=$(printf '%*s' "$k" "" | tr ' ' 'x')
		printf '%s the new cafe\xcc\x81 opened its doors on main street\n' "$pre" >> in.txt
		printf '%s THE NEW CAF\xc3\x89 OPENED ITS DOORS ON MAIN STREET\n' "$pre" >> in.txt
	done
	run wire-dedupe -p in.txt
	assert_output "$(awk 'NR % 2 == 1' in.txt)"
}

@test "wire-dedupe -p -t: line numbers count up past 9, 99 and 999" {
	seq 1 1200 | sed 's/^/line /' > in.txt
	printf 'line 9\nline 99\nline 999\nline 1000\n' >> in.txt
	run wire-dedupe -p -t in.txt
	assert_success
	assert_line --index 1199 "line 1200"
	assert_line --index 1200 "in.txt${TAB}1201${TAB}line 9${TAB}dup=in.txt:9${TAB}sim=1.00"
	assert_line --index 1201 "in.txt${TAB}1202${TAB}line 99${TAB}dup=in.txt:99${TAB}sim=1.00"
	assert_line --index 1202 "in.txt${TAB}1203${TAB}line 999${TAB}dup=in.txt:999${TAB}sim=1.00"
	assert_line --index 1203 "in.txt${TAB}1204${TAB}line 1000${TAB}dup=in.txt:1000${TAB}sim=1.00"
}

@test "wire-dedupe -s: a state of thousands of records, grown several times, is whole" {
	# The index grows as records come and the state is written from it:
	# every record must come back with its own position.
	seq 1 5000 | awk '{ printf "d%d\t%d\tone%d two%d three%d four%d\n", \
	    $1 % 7, $1, $1, $1, $1, $1 }' > in.rec
	run wire-dedupe -s st in.rec
	assert_success
	assert_output "$(cat in.rec)"
	run wire-dedupe -t -s st in.rec
	assert_success
	assert_output "$(awk -F '\t' -v OFS='\t' '{ print $0, "dup=" $1 ":" $2, "sim=1.00" }' in.rec)"
	run wire-dedupe -n -s stn in.rec
	assert_output "$(cat in.rec)"
	run wire-dedupe -n -t -s stn in.rec
	assert_output "$(awk -F '\t' -v OFS='\t' '{ print $0, "dup=" $1 ":" $2, "sim=1.00" }' in.rec)"
}

@test "wire-dedupe: the first occurrence is written before the input ends" {
	mkfifo in
	wire-dedupe -p < in > out &
	exec 5> in
	echo "first line" >&5
	for _ in $(seq 50); do [ -s out ] && break; sleep 0.1; done
	run cat out
	assert_output "first line"
	exec 5>&-
	wait
}

@test "wire-dedupe: metadata records pass and are not remembered" {
	{ rec a 0 "Reuters"; rec b 0 "Reuters"; rec b 1 "Reuters"; } > in.rec
	run wire-dedupe in.rec
	assert_output "$(cat in.rec)"
}

@test "wire-dedupe: tags of other tools are kept" {
	printf 'a\t1\tSame.\tclass=heading\nb\t1\tSame.\tq=1\n' > in.rec
	run wire-dedupe -t in.rec
	assert_line -n 0 "a${TAB}1${TAB}Same.${TAB}class=heading"
	assert_line -n 1 "b${TAB}1${TAB}Same.${TAB}q=1${TAB}dup=a:1${TAB}sim=1.00"
}

@test "wire-dedupe: -t keeps every record and names the first occurrence" {
	{ rec a 3.2 "Alpha beta."; rec b 1.1 "alpha  BETA."; } > in.rec
	run wire-dedupe -t in.rec
	assert_line -n 1 "b${TAB}1.1${TAB}alpha  BETA.${TAB}dup=a:3.2${TAB}sim=1.00"
	[ "${#lines[@]}" = 2 ]
}

# Near mode, rule by rule, on sentences of our own.
near_pair() {
	{ rec a 1 "$1"; rec b 1 "$2"; } > pair.rec
	run wire-dedupe -n -t pair.rec
	assert_success
}

@test "wire-dedupe -n: a transliteration and a spelling variant are repeats" {
	near_pair "The minister met President Volodymyr Zelenskiy and praised the defence of the organised city centre." \
	    "The minister met President Volodymyr Zelensky and praised the defense of the organized city center."
	assert_line -n 1 --regexp "dup=a:1${TAB}sim=1.00$"
}

@test "wire-dedupe -n: per cent, percent and % are one word" {
	near_pair "Officials said they had agreed on 90 per cent of the issues on the table." \
	    "Officials said they had agreed on 90% of the issues on the table."
	assert_line -n 1 --regexp "dup=a:1${TAB}sim=1.00$"
}

@test "wire-dedupe -n: a changed number is a near repeat" {
	near_pair "The company said it would cut 4,000 jobs across its offices in Europe and Asia by the end of next year." \
	    "The company said it would cut 5,500 jobs across its offices in Europe and Asia by the end of next year."
	assert_line -n 1 --partial "dup=a:1"
}

@test "wire-dedupe -n: a dropped clause is a near repeat" {
	near_pair "The harbour authority, which runs the port, said ferries would resume on Tuesday after the storm had passed the coast." \
	    "The harbour authority said ferries would resume on Tuesday after the storm had passed the coast."
	assert_line -n 1 --partial "dup=a:1"
}

@test "wire-dedupe -n: a paraphrase is not a repeat" {
	near_pair "Ferries will sail again on Tuesday once the storm has passed, the port said." \
	    "The harbour authority expects boat services to restart early next week when the weather improves."
	refute_output --partial "dup="
}

@test "wire-dedupe -n: a different sentence that shares a phrase is not a repeat" {
	near_pair "The central bank raised interest rates by a quarter point on Thursday, citing stubborn inflation." \
	    "Shares in the bank rose on Thursday after it reported record profits, citing strong lending."
	refute_output --partial "dup="
}

@test "wire-dedupe -n: the threshold is respected" {
	near_pair "The company said it would cut 4,000 jobs across its offices in Europe and Asia by the end of next year." \
	    "The company said it would cut 5,500 jobs across its offices in Europe and Asia by the end of next year."
	run wire-dedupe -n0.99 -t pair.rec
	refute_output --partial "dup="
}

@test "wire-dedupe -n: on the seeds, sentences repeated across outlets are dropped" {
	cd "$SEEDS"
	{ wire-strip 003*.txt; wire-strip 000*.txt; } | wire-split > "$BATS_TEST_TMPDIR/all.rec"
	cd "$BATS_TEST_TMPDIR"
	wire-dedupe -n all.rec > unique.rec
	# 000 is a trimmed copy of 003, read after it: of its 24 sentences,
	# the 18 that the hand-made alignment finds in 003 go.
	[ "$(grep -c '^000' all.rec)" = 24 ]
	[ "$(grep -c '^000' unique.rec)" = 6 ]
	grep -q "But he said he believed US mediators" unique.rec
	# The fullest copy keeps all of its own.
	[ "$(grep -c '^003' unique.rec)" = "$(grep -c '^003' all.rec)" ]
}

@test "wire-dedupe -p: a global near-uniq of plain lines" {
	printf 'Hello  World\nhello world\n\nBye\nHELLO WORLD\n' > in.txt
	run wire-dedupe -p in.txt
	assert_output "Hello  World
Bye"
}

@test "wire-dedupe -d: a trimmed copy, a partial copy and an unrelated text" {
	s1="The storm closed the port of Halden for three days, stranding hundreds of passengers."
	s2="Engineers said the sea wall held, although waves broke over the northern pier."
	s3="The mayor promised that the ferry timetable would be restored by Friday morning."
	s4="Local shops reported brisk sales of candles and bottled water before the storm."
	s5="A festival planned for the weekend was postponed until next month, organisers said."
	{
		rec full 1 "$s1"; rec full 2 "$s2"; rec full 3 "$s3"; rec full 4 "$s4"; rec full 5 "$s5"
		rec trim 1 "$s1"; rec trim 2 "$s2"; rec trim 3 "The mayor promised the ferry timetable would be restored by Friday morning."
		rec part 1 "$s4"; rec part 2 "Prices of building timber rose sharply across the region this winter."; rec part 3 "Builders expect a busy spring as repairs begin on damaged roofs."; rec part 4 "Insurers have opened a special line for claims from the coast."
		rec other 1 "A new museum of maritime history opened its doors to visitors on Saturday."
		rec other 2 "Short."
	} > docs.rec
	run wire-dedupe -n -d docs.rec
	assert_success
	assert_output "full${TAB}trim${TAB}0.60${TAB}1.00${TAB}copy
full${TAB}part${TAB}0.20${TAB}0.25${TAB}partial"
}

@test "wire-dedupe -d: exact copies count as one, each pair still written" {
	s=("The storm closed the port of Halden for three days, stranding hundreds of passengers."
	   "Engineers said the sea wall held, although waves broke over the northern pier."
	   "The mayor promised that the ferry timetable would be restored by Friday morning."
	   "Local shops reported brisk sales of candles and bottled water before the storm.")
	t="A festival planned for the weekend was postponed until next month, organisers said."
	{
		for d in a b; do for i in 0 1 2 3; do rec "$d" $((i + 1)) "${s[$i]}"; done; done
		for i in 0 1 2 3; do rec c $((i + 1)) "${s[$i]}"; done; rec c 5 "$t"
		rec d 1 "${s[0]}"; rec d 2 "${s[1]}"
		for i in 0 1 2 3; do rec e $((i + 1)) "${s[$i]}"; done
	} > docs.rec
	run wire-dedupe -d docs.rec
	assert_success
	assert_output "a${TAB}b${TAB}1.00${TAB}1.00${TAB}copy
a${TAB}c${TAB}1.00${TAB}0.80${TAB}copy
a${TAB}d${TAB}0.50${TAB}1.00${TAB}copy
a${TAB}e${TAB}1.00${TAB}1.00${TAB}copy
b${TAB}c${TAB}1.00${TAB}0.80${TAB}copy
b${TAB}d${TAB}0.50${TAB}1.00${TAB}copy
b${TAB}e${TAB}1.00${TAB}1.00${TAB}copy
c${TAB}d${TAB}0.40${TAB}1.00${TAB}copy
c${TAB}e${TAB}0.80${TAB}1.00${TAB}copy
d${TAB}e${TAB}1.00${TAB}0.50${TAB}copy"
	# A thousand copies: every pair, at the cost of the pairs written.
	awk 'BEGIN { for (d = 1; d <= 1000; d++) for (i = 1; i <= 30; i++)
		printf "doc%d\t%d\tShared sentence number %d of the wire story about the harbour.\n", d, i, i }' > k.rec
	wire-dedupe -d k.rec > pairs
	[ "$(wc -l < pairs)" -eq 499500 ]
	[ "$(grep -vc "${TAB}1.00${TAB}1.00${TAB}copy$" pairs)" -eq 0 ]
}

@test "wire-dedupe -d: text in very many documents is boilerplate, not a link" {
	for i in $(seq 1 1001); do rec "d$i" 1 "Subscribe to our newsletter for the latest news every morning."; done > many.rec
	run wire-dedupe -d many.rec
	assert_success
	assert_output ''
}

@test "wire-dedupe -d: on the seeds, the wire copies pair up and the rewrite stands apart" {
	for f in "$SEEDS"/*.txt; do wire-strip "$f"; done | wire-split | wire-dedupe -n -d > pairs
	grep -q "000_d9b00379abf835a6.txt${TAB}.*003_fca5bc0ad15fcca0.txt${TAB}.*${TAB}copy$" pairs
	grep -q "000_d9b00379abf835a6.txt${TAB}.*002_cda9cea381808da0.txt${TAB}.*${TAB}copy$" pairs
	! grep -q "004_57ef9c7a497d1225.txt.*copy$" pairs
}

@test "wire-dedupe -s: a second run remembers the first" {
	{ rec a 1 "First run sentence."; rec a 2 "Shared sentence here."; } > one.rec
	{ rec b 1 "shared   sentence HERE."; rec b 2 "Second run sentence."; } > two.rec
	wire-dedupe -s st one.rec > /dev/null
	[ -s st ]
	cp st st2
	run wire-dedupe -s st two.rec
	assert_output "b${TAB}2${TAB}Second run sentence."
	run wire-dedupe -s st two.rec
	assert_output ''
	run wire-dedupe -s st2 -t two.rec
	assert_line -n 0 "b${TAB}1${TAB}shared   sentence HERE.${TAB}dup=a:2${TAB}sim=1.00"
}

@test "wire-dedupe -s: near mode keeps signatures across runs" {
	rec a 1 "The company said it would cut 4,000 jobs across its offices in Europe and Asia by the end of next year." > one.rec
	rec b 1 "The company said it would cut 5,500 jobs across its offices in Europe and Asia by the end of next year." > two.rec
	wire-dedupe -n -s st one.rec > /dev/null
	run wire-dedupe -n -s st two.rec
	assert_success
	assert_output ''
	run --separate-stderr wire-dedupe -s st two.rec
	assert_failure 1
	[[ "$stderr" == *"st: state file was made with -n"* ]]
}

@test "wire-dedupe -s: a truncated, corrupt or foreign state is refused whole" {
	rec a 1 "Some sentence." > one.rec
	wire-dedupe -s st one.rec > /dev/null
	head -c 40 st > truncated
	cp st corrupt
	printf 'X' | dd of=corrupt bs=1 seek=60 conv=notrunc 2>/dev/null
	printf 'not a state file at all\n' > foreign
	for f in truncated corrupt foreign; do
		cp "$f" before
		run --separate-stderr wire-dedupe -s "$f" one.rec
		assert_failure 1
		[ -z "$output" ]
		[[ "$stderr" == *"$f: "*"state file"* ]]
		cmp "$f" before
	done
}

@test "wire-dedupe -s: a state that cannot be saved (a full disk) keeps the old one" {
	seq 1 100 | sed 's/^/a\t1\tsentence number /' > one.rec
	wire-dedupe -s st one.rec > /dev/null
	cp st before
	seq 101 300 | sed 's/^/a\t1\tsentence number /' > two.rec
	# A file size limit makes the write fail as a full disk would.
	run --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 1; wire-dedupe -s st two.rec > /dev/null'
	assert_failure 1
	[[ "$stderr" == *"st: cannot save state: "*"the old state is kept"* ]]
	cmp st before
	[ -z "$(ls -A | grep wire-dedupe)" ]
}

@test "wire-dedupe: invalid UTF-8 and NUL pass through byte-exact" {
	printf 'a\t1\tbad \xff\xfe bytes\\0 and a nul\na\t2\tbad \xff\xfe BYTES\\0 and a NUL\n' > in.rec
	run wire-dedupe in.rec
	assert_success
	head -1 in.rec | cmp - <(wire-dedupe in.rec)
}

@test "wire-dedupe: a malformed record is reported with its line" {
	printf 'a\t1\tgood\nbad line\na\t2\tother\n' > in.rec
	run --separate-stderr wire-dedupe in.rec
	assert_failure 1
	[[ "$stderr" == *"in.rec:2: not a record"* ]]
	[ "${#lines[@]}" = 2 ]
}

@test "wire-dedupe: CRLF input and no final newline" {
	printf 'a\t1\tone\r\na\t2\tONE\r\na\t3\ttwo' > in.rec
	run wire-dedupe in.rec
	assert_output "a${TAB}1${TAB}one
a${TAB}3${TAB}two"
}

@test "wire-dedupe: a 50 MB record" {
	head -c 50000000 /dev/zero | tr '\0' 'x' > x
	{ printf 'a\t1\t'; cat x; printf '\nb\t1\t'; cat x; echo; } > big.rec
	[ "$(wire-dedupe -n big.rec | wc -l)" = 1 ]
}

@test "regression: a last record without a newline is not in the state when the final write fails" {
	# The state was saved before stdout's last flush: a last record
	# without a final newline went into the state, the write of it
	# failed (/dev/full), and the next run dropped it as seen.
	[ -w /dev/full ] || skip "no /dev/full"
	printf 'a\t1\tthe first sentence of the story\na\t2\tthe last one, no newline' > in.rec
	run --separate-stderr bash -c 'wire-dedupe -s st in.rec > /dev/full'
	assert_failure 1
	[ ! -e st ]
	run wire-dedupe -s st in.rec
	assert_success
	[ "${#lines[@]}" = 2 ]
}
