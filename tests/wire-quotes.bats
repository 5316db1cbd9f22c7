#!/usr/bin/env bats
# wire-quotes: quotations, their speakers, cues and kinds.

load helper

# rec DOC POS TEXT: one record line.
rec() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3"
}

# paras TEXT...: one document, each argument a paragraph record.
paras() {
	local i=0 p
	for p in "$@"; do
		i=$((i + 1))
		rec d "$i" "$p"
	done
}

# quotes TEXT...: the quotation list of one document of paragraphs,
# without DOC and POS.
quotes() {
	paras "$@" | wire-quotes -l | cut -f3-
}

# titled TITLE TEXT...: a document of a title record and a paragraph
# record for each TEXT, as "quotation<TAB>speaker=NAME" lines.
titled() {
	{ rec d 0 "$1"; shift; paras "$@"; } | wire-quotes -l | cut -f3,4
}

# who TEXT...: the same, each argument a plain line, as "speaker<TAB>
# quotation" lines (-p).
who() {
	printf '%s\n' "$@" | wire-quotes -p
}

@test "wire-quotes: usage" {
	check_usage wire-quotes
	run wire-quotes extra-operand-is-a-file
	assert_failure 1
}

@test "wire-quotes: standard input, a file and - are the same" {
	paras '"We will rebuild the bridge," Mayor Ana Ortiz said.' \
	    'Nothing else.' > in.rec
	check_inputs wire-quotes in.rec
	check_inputs wire-quotes in.rec -l
}

@test "wire-quotes: a missing file is named, the others still read" {
	rec d 1 '"Yes," she said.' > in.rec
	check_missing wire-quotes in.rec
}

@test "wire-quotes: empty input" {
	check_empty wire-quotes
	check_empty wire-quotes -l
	check_empty wire-quotes -p
}

@test "wire-quotes: a closed stdout ends it quietly" {
	for i in $(seq 2000); do
		rec "d$i" 1 '"We will rebuild the bridge," Mayor Ana Ortiz said.'
	done > in.rec
	check_closed_stdout wire-quotes in.rec
	check_closed_stdout wire-quotes in.rec -l
}

@test "wire-quotes: no final newline, and CRLF" {
	printf 'd\t1\t"Yes," said Ana Ortiz.\r\nd\t2\t"No," said Tom Reeve.' > in.rec
	run wire-quotes -p in.rec
	assert_success
	assert_output "Ana Ortiz${TAB}Yes,
Tom Reeve${TAB}No,"
}

@test "wire-quotes: invalid UTF-8 and NUL pass through byte-exact" {
	printf 'd\t1\tbad \xff\xfe bytes\\0 and "a nul\\0 in \xc3 here," said Ana Ortiz.\tx=1\n' > in.rec
	printf 'd\t2\tno quotes \xe2\x80 at all\\0\n' >> in.rec
	wire-quotes in.rec > out.rec
	# Every record is the input record, with our tags after its own.
	cut -f1-4 out.rec | cmp - <(cut -f1-4 in.rec)
	sed -n 2p out.rec | cmp - <(sed -n 2p in.rec)
	# The quoted text counts each bad byte as one code point.
	grep -q "quote=1:19-36${TAB}speaker=Ana Ortiz" out.rec
	wire-quotes -l in.rec | cut -f3 | cmp - <(printf 'a nul\\0 in \xc3 here,\n')
}

@test "wire-quotes: a malformed record is named with its line, the rest go on" {
	{ rec d 1 '"Yes," said Ana Ortiz.'; echo 'no tabs here'; rec d 2 '"No," said Tom Reeve.'; } > in.rec
	run --separate-stderr wire-quotes in.rec
	assert_failure 1
	[[ "$stderr" == *"in.rec:2: not a record"* ]]
	[ "${#lines[@]}" = 2 ]
	[[ "${lines[1]}" == *"speaker=Tom Reeve"* ]]
}

@test "wire-quotes: a 50 MB record" {
	head -c 50000000 /dev/zero | tr '\0' 'x' > x
	{ printf 'a\t1\t"'; cat x; printf '," said Ana Ortiz.\n'; } > big.rec
	run wire-quotes -p big.rec
	assert_success
	[ "${#output}" -eq 50000011 ]
	[[ "$output" == "Ana Ortiz${TAB}xxx"* ]]
}

@test "wire-quotes: 100 000 quotation marks end in time, and the next document is right" {
	python3 -c '
import sys
sys.stdout.write("d\t1\t" + " ".join(["\""] * 100000) + "\n")
sys.stdout.write("d\t2\t" + "\"a, he said. " * 50000 + "\n")
sys.stdout.write("d\t3\t" + "\"a\" " * 50000 + "\n")
sys.stdout.write("d\t4\t" + "\u2018a " * 50000 + "\n")
sys.stdout.write("e\t1\t\"It works,\" said Dora Vale.\n")' > marks.rec
	run timeout 20 wire-quotes -l marks.rec
	assert_success
	assert_line -n -1 "e${TAB}1${TAB}It works,${TAB}speaker=Dora Vale${TAB}cue=said${TAB}kind=full"
}

# ---- the tag mode

@test "wire-quotes: tag mode passes every record and adds a group per quotation" {
	paras 'The bridge fell in May.' \
	    '“We will rebuild the bridge,” Mayor Ana Ortiz said.' > in.rec
	run wire-quotes in.rec
	assert_success
	assert_line -n 0 "d${TAB}1${TAB}The bridge fell in May."
	assert_line -n 1 "d${TAB}2${TAB}“We will rebuild the bridge,” Mayor Ana Ortiz said.${TAB}quote=1:1-28${TAB}speaker=Ana Ortiz${TAB}role=Mayor${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: offsets count code points, not bytes" {
	rec d 1 'Café owner Zoë Brandt said: “Prices rise.”' > in.rec
	run wire-quotes in.rec
	assert_output --partial "quote=1:29-41${TAB}speaker=Zoë Brandt${TAB}role=Café owner"
}

@test "wire-quotes: several quotations in one record stay apart, in order" {
	rec d 1 '"We will appeal," Carla Mendes said. "The vote was unfair."' > in.rec
	run wire-quotes in.rec
	assert_output --partial "${TAB}quote=1:1-16${TAB}speaker=Carla Mendes${TAB}cue=said${TAB}kind=full${TAB}quote=2:38-58${TAB}speaker=Carla Mendes${TAB}cue=-${TAB}kind=full"
}

@test "wire-quotes: a quotation over several sentence records has one number in each" {
	{
		rec d 3.1 '"The river rose overnight.'
		rec d 3.2 'We had to leave at once," said Lena Park.'
		rec d 3.3 'She is safe.'
	} > in.rec
	run wire-quotes in.rec
	assert_line -n 0 --partial "${TAB}quote=1:1-26${TAB}speaker=Lena Park"
	assert_line -n 1 --partial "${TAB}quote=1:0-24${TAB}speaker=Lena Park"
	assert_line -n 2 "d${TAB}3.3${TAB}She is safe."
	run wire-quotes -l in.rec
	assert_output "d${TAB}3.1${TAB}The river rose overnight. We had to leave at once,${TAB}speaker=Lena Park${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: sentence records and paragraph records give the same quotations" {
	{
		rec d 1.1 'Lena Park said: "The river rose overnight.'
		rec d 1.2 'We had to leave."'
		rec d 2.1 '"Nobody warned us," she added.'
		rec d 2.2 'Officials were not available.'
	} > sent.rec
	{
		rec d 1 'Lena Park said: "The river rose overnight. We had to leave."'
		rec d 2 '"Nobody warned us," she added. Officials were not available.'
	} > para.rec
	[ "$(wire-quotes -l sent.rec | cut -f3-)" = "$(wire-quotes -l para.rec | cut -f3-)" ]
	[ "$(wire-quotes -l sent.rec | wc -l)" = 2 ]
}

@test "wire-quotes: running twice adds nothing; other tags are kept in order" {
	printf 'd\t1\t"Yes," said Ana Ortiz.\tz=1\tspeaker=old\tquote=9:0-1\ta=2\n' > in.rec
	wire-quotes in.rec > once
	wire-quotes once > twice
	cmp once twice
	grep -q "${TAB}z=1${TAB}a=2${TAB}quote=1:1-5${TAB}speaker=Ana Ortiz${TAB}cue=said${TAB}kind=full\$" once
}

@test "wire-quotes: numbers start again in each document" {
	{ rec a 1 '"One," said Ana Ortiz.'; rec b 1 '"Two," said Tom Reeve.'; } > in.rec
	run wire-quotes in.rec
	assert_line -n 0 --partial "quote=1:"
	assert_line -n 1 --partial "quote=1:"
}

# ---- quotation marks

@test "wire-quotes: straight and curly double quotes" {
	run who '"We need more buses," said Carla Mendes.' '“We need trams,” said Ivo Marsh.'
	assert_output "Carla Mendes${TAB}We need more buses,
Ivo Marsh${TAB}We need trams,"
}

@test "wire-quotes: British single quotes are told from apostrophes" {
	run who '‘We’ve waited long enough for the council’s answer,’ said Tom Reeve.' \
	    "The council's plan and Reeve’s idea were the drivers' choice."
	assert_output "Tom Reeve${TAB}We’ve waited long enough for the council’s answer,"
}

@test "wire-quotes: a single-quoted word in a headline is a quotation" {
	run quotes "Farmers 'angry' over water plan"
	assert_output "angry${TAB}speaker=-${TAB}cue=-${TAB}kind=partial"
}

@test "wire-quotes: a plural possessive inside single quotes does not close them" {
	run who '‘The farmers’ union will not back down,’ said Ivo Marsh.'
	assert_output "Ivo Marsh${TAB}The farmers’ union will not back down,"
}

@test "wire-quotes: elisions are no quotations" {
	run quotes "Fans of rock 'n' roll in the '80s and 'em too."
	assert_output ''
}

@test "wire-quotes: two apostrophes and guillemets are marks too" {
	run who "''We are ready,'' said Ana Ortiz." '«We are not,» said Tom Reeve.'
	assert_output "Ana Ortiz${TAB}We are ready,
Tom Reeve${TAB}We are not,"
}

@test "wire-quotes: a quote inside a quotation stays inside" {
	run who '"He told me '"'"'never again'"'"' and left," said Ana Ortiz.'
	assert_output "Ana Ortiz${TAB}He told me 'never again' and left,"
}

@test "wire-quotes: a quotation of several paragraphs is one" {
	paras 'Lena Park said: "The river rose overnight.' \
	    '"We had to leave at once."' > in.rec
	run wire-quotes in.rec
	assert_line -n 0 --partial "quote=1:17-42${TAB}speaker=Lena Park"
	assert_line -n 1 --partial "quote=1:1-25${TAB}speaker=Lena Park"
	run wire-quotes -l in.rec
	assert_output "d${TAB}1${TAB}The river rose overnight. We had to leave at once.${TAB}speaker=Lena Park${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: paragraphs run together keep their marks: one quotation" {
	run who '"We lost the first game. "Then we won three in a row," said coach Dan Roy.'
	assert_output "Dan Roy${TAB}We lost the first game. \"Then we won three in a row,"
}

@test "wire-quotes: an unclosed mark is dropped at the paragraph's end" {
	run quotes '"The plan was bad, he said and left.' \
	    'Dora Vale said: "It works."'
	assert_output "It works.${TAB}speaker=Dora Vale${TAB}cue=said${TAB}kind=full"
	# Nor does an unclosed mark swallow the quotations after it.
	run who 'He said "the plan. Then: “It works,” said Dora Vale.'
	assert_output "Dora Vale${TAB}It works,"
}

@test "wire-quotes: a title in quotes is no quotation" {
	run quotes 'She spoke on "Morning Talk" and in the book "Salt And Sea," which sold well.'
	assert_output ''
}

# ---- speakers and cues

@test "wire-quotes: \"...,\" said X, who ..." {
	run quotes '"We need more buses," said Carla Mendes, who runs the depot.'
	assert_output "We need more buses,${TAB}speaker=Carla Mendes${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: X said: \"...\" and X told reporters: \"...\"" {
	run who 'Carla Mendes said: "We need more buses."' \
	    'Ivo Marsh told reporters on Monday: "We need trams."'
	assert_output "Carla Mendes${TAB}We need more buses.
Ivo Marsh${TAB}We need trams."
}

@test "wire-quotes: X, who ..., said, and X, the ..., said" {
	run who 'Ana Ortiz, who was re-elected in May, said: "We will rebuild."' \
	    '"We will not," Tom Reeve, 52, a farmer from Halden, said.'
	assert_output "Ana Ortiz${TAB}We will rebuild.
Tom Reeve${TAB}We will not,"
}

@test "wire-quotes: according to X" {
	run quotes '"The depot will close in May," according to a council memo.'
	assert_output "The depot will close in May,${TAB}speaker=a council memo${TAB}cue=according to${TAB}kind=full"
}

@test "wire-quotes: X described it as \"...\": a fragment" {
	run quotes 'Carla Mendes described the decision as "short-sighted".'
	assert_output "short-sighted${TAB}speaker=Carla Mendes${TAB}cue=described${TAB}kind=partial"
}

@test "wire-quotes: a fragment takes the verb of its sentence, before or after" {
	run who 'Ivo Marsh said the plan was "clearer and more credible" than before.' \
	    'The "green corridor" plan is dead, Tom Reeve said.' \
	    'Calling the delay "painful", Ana Ortiz told reporters: "We will wait."'
	assert_output "Ivo Marsh${TAB}clearer and more credible
Tom Reeve${TAB}green corridor
Ana Ortiz${TAB}painful
Ana Ortiz${TAB}We will wait."
}

@test "wire-quotes: the verb in the next sentence" {
	run quotes '"Is the depot safe?" Carla Mendes asked.'
	assert_output "Is the depot safe?${TAB}speaker=Carla Mendes${TAB}cue=asked${TAB}kind=full"
}

@test "wire-quotes: a speaker named in the sentence before" {
	run who 'Carla Mendes said the depot was old. "It needs a new roof."'
	assert_output "Carla Mendes${TAB}It needs a new roof."
}

@test "wire-quotes: a quotation split by its attribution is two, by one speaker" {
	run who '"We will appeal," Carla Mendes said. "The vote was unfair."'
	assert_output "Carla Mendes${TAB}We will appeal,
Carla Mendes${TAB}The vote was unfair."
}

@test "wire-quotes: titles and roles are split from the name" {
	run quotes '"Taxes will fall," said Finance Minister Rosa Lind.' \
	    '"Rates will rise," campaign spokeswoman Jo Bell said.' \
	    '"Not yet," Sen. Paul Grant (D-Ore.) said.'
	assert_output "Taxes will fall,${TAB}speaker=Rosa Lind${TAB}role=Finance Minister${TAB}cue=said${TAB}kind=full
Rates will rise,${TAB}speaker=Jo Bell${TAB}role=campaign spokeswoman${TAB}cue=said${TAB}kind=full
Not yet,${TAB}speaker=Paul Grant${TAB}role=Sen.${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: a surname alone stands for the full name given before" {
	run who 'Union leader Paul Grant spoke first.' '"We will strike," Grant said.'
	assert_output "Paul Grant${TAB}We will strike,"
}

@test "wire-quotes: he and she stand for the last speaker they can" {
	run who 'Finance Minister Rosa Lind said: "Taxes will fall."' \
	    '"Rates will rise," said Mr Hart, her adviser.' \
	    '"We agree on most things," she said.' \
	    '"We do," he added.'
	assert_output "Rosa Lind${TAB}Taxes will fall.
Hart${TAB}Rates will rise,
Rosa Lind${TAB}We agree on most things,
Hart${TAB}We do,"
}

@test "wire-quotes: a pronoun with nobody before it is unknown" {
	run who '"It was late," he said.'
	assert_output "-${TAB}It was late,"
}

@test "wire-quotes: they stands for the last group" {
	run who 'Local farmers said the plan was unfair.' '"We want water," they added.'
	assert_output "Local farmers${TAB}We want water,"
}

@test "wire-quotes: anonymous sources keep their phrase" {
	run who '"The talks are stuck," a senior diplomat said.' \
	    '"Nothing moved," one official said.' \
	    '"It is over," the source said.'
	assert_output "a senior diplomat${TAB}The talks are stuck,
one official${TAB}Nothing moved,
the source${TAB}It is over,"
}

@test "wire-quotes: \"one said\" stands for the group named before" {
	run who 'Union officials told reporters the talks had failed.' \
	    '"We will strike," one said.'
	assert_output "Union officials${TAB}We will strike,"
}

@test "wire-quotes: a quotation opening the next paragraph goes on with its speaker" {
	run who '"We will appeal," said Carla Mendes.' '"The vote was unfair."'
	assert_output "Carla Mendes${TAB}We will appeal,
Carla Mendes${TAB}The vote was unfair."
}

@test "wire-quotes: no speaker is guessed" {
	run quotes 'The depot closed.' '"Nobody told us."' \
	    'The so-called "green corridor" opened on Monday.'
	assert_output "Nobody told us.${TAB}speaker=-${TAB}cue=-${TAB}kind=full
green corridor${TAB}speaker=-${TAB}cue=-${TAB}kind=partial"
}

@test "wire-quotes: a passive takes its speaker from by" {
	run who 'The plan has been called "a disaster" by Ivo Marsh.' \
	    'Carla Mendes was told "no" by the council.'
	assert_output "Ivo Marsh${TAB}a disaster
the council${TAB}no"
}

@test "wire-quotes: metadata records stand alone" {
	# As one paragraph they would make a quotation; apart, none.
	{ rec d 0 '"Water for all'; rec d 0 'now," by Ana Ortiz'; rec d 1 'Text.'; } > in.rec
	run wire-quotes -l in.rec
	assert_output ''
	{ rec d 0 'Farmers say "enough"'; rec d 1 'Text.'; } > in.rec
	run wire-quotes -l in.rec
	assert_output "d${TAB}0${TAB}enough${TAB}speaker=Farmers${TAB}cue=say${TAB}kind=partial"
}

@test "wire-quotes: rule: a first name that is also a preposition (Per, Van)" {
	run who '"We waited twenty years," said club chairman Per Aas, who founded it.' \
	    '"Not yet," Per Aas told the board.'
	assert_output "Per Aas${TAB}We waited twenty years,
Per Aas${TAB}Not yet,"
	# A preposition in lower case still ends the name.
	run who '"Not now," said the chairman of the club.'
	assert_output "the chairman${TAB}Not now,"
}

@test "wire-quotes: rule: a time phrase between subject and verb" {
	run who 'Mayor Ines Calvo on Friday said "the pool reopens soon."' \
	    'Ruth Adler last week told the board: "Costs are up."'
	assert_output "Ines Calvo${TAB}the pool reopens soon.
Ruth Adler${TAB}Costs are up."
}

@test "wire-quotes: rule: a passive before a participle keeps its subject" {
	run who 'Omar Haddad was quoted as saying "the cranes are idle."' \
	    'Lena Fischer is heard asking "who signed this?"'
	assert_output "Omar Haddad${TAB}the cranes are idle.
Lena Fischer${TAB}who signed this?"
}

@test "wire-quotes: rule: a verb after \"and\" takes the clause's subject" {
	run who 'Lena Fischer closed the cafe and told reporters: "Rent is too high."' \
	    'A coalition of 40 farmers published a petition against the "water grab" and urged residents to "speak up now."'
	assert_output "Lena Fischer${TAB}Rent is too high.
a coalition${TAB}water grab
a coalition${TAB}speak up now."
}

@test "wire-quotes: rule: a participle after an object; one after a comma has its own subject" {
	run who 'The union issued a statement on Monday saying the deal was "a betrayal."' \
	    'The vote failed, the chairwoman calling it "a farce."'
	assert_output "the union${TAB}a betrayal.
the chairwoman${TAB}a farce."
}

@test "wire-quotes: rule: a report by X, a headline from X" {
	run who 'It follows a report by the Harbour Gazette that the mayor "misled" voters.' \
	    'Consider this headline from the Valley Courier: "Council loses its own budget."' \
	    'This recalls a report from 2019 that the dam was "unsafe."'
	assert_output "Harbour Gazette${TAB}misled
Valley Courier${TAB}Council loses its own budget.
-${TAB}unsafe."
}

@test "wire-quotes: rule: a paragraph after \"X wrote:\" is X's, and so is its I" {
	run who 'Ines Calvo wrote on her blog:' \
	    'The pool is old. What the town needs is "a fresh start." As I told the council, "we cannot wait."' \
	    'Ruth Adler said the pool was old. The council gave three reasons:' \
	    'Costs, safety and a "lack of staff".'
	assert_output "Ines Calvo${TAB}a fresh start.
Ines Calvo${TAB}we cannot wait.
-${TAB}lack of staff"
}

@test "wire-quotes: rule: capitals after a verb of saying and \"as\" are no title" {
	run who 'Residents keep referring to the tower as the "Glass Monster."' \
	    'The tower was described as the "Glass Monster."' \
	    'The band closed with "Blue Harbour Nights."'
	assert_output "residents${TAB}Glass Monster."
}

@test "wire-quotes: rule: a next sentence whose verb has an object of its own says nothing of the quotation" {
	run who '"Rents doubled in a year," said Tomas Ferro. "I cannot stay." Neighbours praised his bakery for its rye.' \
	    '"The roof leaks." Vera Lind confirmed.'
	assert_output "Tomas Ferro${TAB}Rents doubled in a year,
Tomas Ferro${TAB}I cannot stay.
Vera Lind${TAB}The roof leaks."
}

@test "wire-quotes: rule: a participle opening a sentence is no part of a name" {
	run who 'Marta Ruiz Olmo chairs the port board.' \
	    'Addressing Lisbon traders and shipping agents, Olmo listed three problems.' \
	    '"The cranes are too old," she said.'
	assert_output "Marta Ruiz Olmo${TAB}The cranes are too old,"
}

@test "wire-quotes: rule: verbs that name something in -ing (labelling, dubbing, branding)" {
	run who 'Critics panned the show, with the Harbour Gazette labelling it "a tired rerun."' \
	    'Fans mocked the mascot, one columnist dubbing it "the soggy gull."'
	assert_output "Harbour Gazette${TAB}a tired rerun.
one columnist${TAB}the soggy gull."
}

@test "wire-quotes: rule: the object of \"with\" is the subject of a participle after it" {
	run who 'Fans left early, with the Valley Courier calling it "a tired rerun."'
	assert_output "Valley Courier${TAB}a tired rerun."
}

@test "wire-quotes: rule: \"one\" with no group before it is \"one\"" {
	run who 'Drivers at the depot were angry. One told the radio that the shift had been "a nightmare."'
	assert_output "one${TAB}a nightmare."
}

@test "wire-quotes: rule: a day alone after an inverted verb ends the sentence: a name" {
	run who '"We kept the ball," said Friday. "The rain helped."' \
	    '"It is done," the firm said Friday.'
	assert_output "Friday${TAB}We kept the ball,
Friday${TAB}The rain helped.
the firm${TAB}It is done,"
}

@test "wire-quotes: rule: a name in commas after a description is the speaker" {
	run quotes 'The union'"'"'s treasurer, Ada Moss, told members: "The fund is empty."'
	assert_output "The fund is empty.${TAB}speaker=Ada Moss${TAB}role=union's treasurer${TAB}cue=told${TAB}kind=full"
	# With a title of its own, or a place after it.
	run who 'But the chairman of Harbour Watch UK, Sir Ada Moss, said the plan was "a step back".' \
	    'The chair of the talks, Ambassador Ola Lind of Iceland, warned of "a lot of work".' \
	    'A spokesman for Norsal, Dr Ivo Berg, told us it means "better ships".'
	assert_output "Ada Moss${TAB}a step back
Ola Lind${TAB}a lot of work
Ivo Berg${TAB}better ships"
	# After an inverted verb, where the sentence ends.
	run who '"The ship is sound," said the yard'"'"'s chief engineer, Ivo Berg.' \
	    '"It was the story", said Halden Post'"'"'s picture editor, Ada Lind, on Monday.'
	assert_output "Ivo Berg${TAB}The ship is sound,
Ada Lind${TAB}It was the story"
}

@test "wire-quotes: rule: a subject ends before a verb and its object" {
	run quotes 'Ferry captain Ivo Marsh spoke at noon.' \
	    'Marsh sailed the North Cape route for a decade.' '"The sea was kind," he said.'
	assert_output "The sea was kind,${TAB}speaker=Ivo Marsh${TAB}role=Ferry captain${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: rule: a title after a hyphen (Under-secretary, Vice-President)" {
	run quotes 'Treasury Under-secretary Ilse Varga said: "Rates will hold."'
	assert_output "Rates will hold.${TAB}speaker=Ilse Varga${TAB}role=Treasury Under-secretary${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: rule: a name given first stands for the one full name it begins" {
	run who 'The port will expand, Mayor Lin Haoran said.' \
	    'Lin told visitors the new quay would open in spring.' \
	    '"It is a complex issue," he said.'
	assert_output "Lin Haoran${TAB}It is a complex issue,"
}

@test "wire-quotes: rule: a phrase in front of the subject goes whole" {
	run quotes 'In a long interview Oduya said: "The budget is tight."'
	assert_output "The budget is tight.${TAB}speaker=Oduya${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: rule: a name after a title in lower case is a full name" {
	run who 'The fund was opened by harbour chief Nela Brandt and two aides.' \
	    '"We start today," Brandt said.'
	assert_output "Nela Brandt${TAB}We start today,"
}

@test "wire-quotes: rule: a determiner alone names no one" {
	run who 'The first sight of the fair is his golden head speaking from a giant poster, calling them "rascals" and bragging.'
	assert_output "-${TAB}rascals"
}

@test "wire-quotes: rule: a person's name and a colon, with no verb, before a quotation" {
	run who '- Harbour boss Tilda Maren: "We will fight on."' \
	    'The verdict: "Not proven."'
	assert_output "Tilda Maren${TAB}We will fight on.
-${TAB}Not proven."
}

@test "wire-quotes: rule: the present of verbs of saying (suggest, warn, deny)" {
	run who 'The leaflets suggest the council faces a "cash cliff" next year.' \
	    'Both unions deny any "secret deal" with the board.'
	assert_output "the leaflets${TAB}cash cliff
both unions${TAB}secret deal"
}

@test "wire-quotes: rule: a body \"of\" a place before a role and a name" {
	run quotes 'Institute of Marine Science ecologist Rhea Tamm said: "The reef is recovering."' \
	    'Deputy editor Ola Berg of Nordic Weekly said: "We print on Friday."'
	assert_output "The reef is recovering.${TAB}speaker=Rhea Tamm${TAB}role=Institute of Marine Science ecologist${TAB}cue=said${TAB}kind=full
We print on Friday.${TAB}speaker=Ola Berg${TAB}role=Deputy editor${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: rule: a form of \"be\" or a modal ends a sentence's subject" {
	run who 'Rowing coach Ines Kalda will skip Sunday'"'"'s Lake Bled Regatta this year.' \
	    'The 29-year-old was second behind Mara Olsen at the trials.' \
	    '"My back needs rest," she said.'
	assert_output "Ines Kalda${TAB}My back needs rest,"
}

@test "wire-quotes: rule: two roles joined by \"and\" before a name are one person's" {
	run who 'Soil chemist and author Petra Lund, 52, said the fields were dry.' \
	    '"It will be a poor harvest," she said.'
	assert_output "Petra Lund${TAB}It will be a poor harvest,"
}

@test "wire-quotes: rule: a name in commas after a role in lower case is the speaker" {
	run quotes 'Harbour Trust chairwoman, Ines Vale, said the plan was "fair and final."'
	assert_output "fair and final.${TAB}speaker=Ines Vale${TAB}role=Harbour Trust chairwoman${TAB}cue=said${TAB}kind=partial"
}

@test "wire-quotes: rule: a next sentence with a quotation of its own keeps its cue" {
	run who '"The dam held," said engineer Oskar Lind. "We were lucky." Mayor Rita Ohm said the town was "grateful."'
	assert_output "Oskar Lind${TAB}The dam held,
Oskar Lind${TAB}We were lucky.
Rita Ohm${TAB}grateful."
}

@test "wire-quotes: rule: a verb first with its subject after, outside quotations, names someone" {
	run who 'The ferry fares will rise again, says Mara Quist, editor of Coast Weekly.' \
	    '"Fuel costs keep climbing," she said.'
	assert_output "Mara Quist${TAB}Fuel costs keep climbing,"
}

# ---- the seeds, whole, against lists written after reading them

@test "wire-quotes: seeds, paragraph by paragraph" {
	for f in "$SEEDS"/*.txt; do
		n=$(basename "$f" | cut -c1-3)
		awk 'NF { printf "s\t%d\t%s\n", ++n, $0 }' "$f" | wire-quotes -l |
		    cut -f3- | diff - "$FIX/quotes-seed-$n.list"
	done
}

@test "wire-quotes: seeds through wire-strip and wire-split give the same quotations" {
	# A body paragraph of 000 has a quotation over two sentences.
	for n in 000 003; do
		wire-strip "$SEEDS/$n"_*.txt | wire-split | wire-quotes -l | cut -f3- |
		    diff - "$FIX/quotes-seed-$n.list"
	done
}

# The lexicon and the sentence model are common/'s, shared with
# wire-split: these cases were read otherwise when wire-quotes kept
# word lists and sentence rules of its own.

@test "one lexicon: a title that wire-split knows is a title here too" {
	run who '"We are ready," said Supt. Karin Holm.' \
	    '"The road is open," Insp Pavel Duda told reporters.' \
	    '"It was a hard week," Sen Mara Quist said.'
	assert_success
	assert_output "$(printf '%s\t%s\n' 'Karin Holm' 'We are ready,' \
	    'Pavel Duda' 'The road is open,' 'Mara Quist' 'It was a hard week,')"
	paras '"We are ready," said Supt. Karin Holm.' | wire-quotes -l |
	    grep -q "role=Supt\."
}

@test "one lexicon: a company written without a period is a body, which he is not" {
	run who 'Halden Ferries Co carried more cars than ever.' \
	    '"We made money," he said.'
	assert_output "$(printf '%s\t%s' - 'We made money,')"
	run who 'Halden Ferries Co carried more cars than ever, Ola Berg said.' \
	    '"We made money," he said.'
	assert_output "$(printf '%s\t%s' 'Ola Berg' 'We made money,')"
}

@test "one sentence model: an abbreviation ends a sentence where wire-split ends it" {
	local t='Talks went on at Halden Ferries Inc. "We will not sell," Nora Lind said.'
	[ "$(rec d 1 "$t" | wire-split | wc -l)" -eq 2 ]
	# A sentence of its own, so a whole utterance, not a fragment.
	run quotes "$t"
	assert_output "$(printf '%s\t%s\t%s\t%s' 'We will not sell,' \
	    'speaker=Nora Lind' cue=said kind=full)"
	# The same from the sentence records.
	rec d 1 "$t" | wire-split | wire-quotes -l | cut -f3- > got
	[ "$(cat got)" = "$output" ]
}

@test "regression: records with no quotation are tagged without undefined behaviour" {
	# With no quotation found, the list of parts was a null pointer and
	# the end of it null + 0: undefined, which clang's sanitizer stops.
	paras 'No quotation here.' 'None here either.' > in.rec
	run wire-quotes in.rec
	assert_success
	assert_output "$(cat in.rec)"
}

@test "wire-quotes: rule: two roles joined by \"and\" after an inverted verb are one person's" {
	run who '"The yard is sold," said chairman and chief executive Tove Rask.'
	assert_output "Tove Rask${TAB}The yard is sold,"
}

@test "wire-quotes: rule: a name in commas after a role with a phrase of its own is the speaker" {
	run quotes 'The Minister for Fisheries, Karen Holt, said: "The quotas stay."'
	assert_output "The quotas stay.${TAB}speaker=Karen Holt${TAB}role=Minister for Fisheries${TAB}cue=said${TAB}kind=full"
}

@test "wire-quotes: rule: a description stands for the one person named with that role" {
	run quotes 'Fisheries Minister Jens Holm closed the port on Monday.' \
	    'Fishermen were angry. The fisheries minister said the storm was "too strong to risk".'
	assert_output "too strong to risk${TAB}speaker=Jens Holm${TAB}role=fisheries minister${TAB}cue=said${TAB}kind=partial"
	# Two with that role: no telling which.
	run who 'Coach Ida Berg and coach Tom Dal met.' 'The coach said it was "a fair result".'
	assert_output "the coach${TAB}a fair result"
}

@test "wire-quotes: rule: a description after a sentence about a named person is that person" {
	run who 'Vera Lund says one farm in ten is in debt. The party'"'"'s farming spokeswoman is unveiling a plan. She wants "proper checks" on loans.'
	assert_output "Vera Lund${TAB}proper checks"
	# Not when another sentence came between.
	run who 'Vera Lund spoke first. Rain fell all day. The spokeswoman said it was "a good day".'
	assert_output "the spokeswoman${TAB}a good day"
}

@test "wire-quotes: rule: \"the company\" stands for the body named last" {
	run who 'Norsal said profits would "recover soon". The company said the plant was "safe".'
	assert_output "Norsal${TAB}recover soon
Norsal${TAB}safe"
	# A name of two words may be a person's: no telling.
	run who 'Norsk Salt said profits would "recover soon". The company said the plant was "safe".'
	assert_output "Norsk Salt${TAB}recover soon
the company${TAB}safe"
}

@test "wire-quotes: rule: a fragment with no verb of saying is its sentence's subject's" {
	run who 'Kari Holm blamed the weather and "poor planning" for the losses.'
	assert_output "Kari Holm${TAB}poor planning"
	run who 'Kari Holm spoke. He wants "a new start" for the club.'
	assert_output "Kari Holm${TAB}a new start"
	run who 'Kari Holm spoke. Now she wants "a new start" for the club.'
	assert_output "Kari Holm${TAB}a new start"
	# Not a subject in another clause, nor a thing.
	run who 'The mayor spoke first, but the "big plan" was not mentioned.'
	assert_output "-${TAB}big plan"
	run who 'The film won "best picture" in May.'
	assert_output "-${TAB}best picture"
}

@test "wire-quotes: rule: X quoted Y as saying" {
	run who 'Fish prices are "far too low", the paper quoted Mr Dahl as saying.'
	assert_output "Dahl${TAB}far too low"
}

@test "wire-quotes: rule: a next sentence that reports words of its own is no attribution" {
	run who '"Tell that to the nurses," he said. "They know." The union said the plan would fail.' 
	assert_output "-${TAB}Tell that to the nurses,
-${TAB}They know."
	run who '"Is it over?" Lind asked in the hall.'
	assert_output "Lind${TAB}Is it over?"
}

@test "wire-quotes: rule: a verb or an adverb is never a speaker" {
	run who 'Ola Berg, 50, says he has been misled by the board, which promised he would be paid "a fair wage".'
	assert_output "Ola Berg${TAB}a fair wage"
	run who 'The union has already accused the board of "bad faith".'
	assert_output "-${TAB}bad faith"
}

@test "wire-quotes: rule: a verb of saying after a determiner is a noun (the claims, a say)" {
	run who 'Ola Dahl said the claims were "pure fiction".'
	assert_output "Ola Dahl${TAB}pure fiction"
	run who 'The yard can press claims over an "unlawful" tax.'
	assert_output "-${TAB}unlawful"
}

@test "wire-quotes: rule: a verb of saying inside a name is none (United States)" {
	run who 'The United States called the deal "painful" on Monday.'
	assert_output "United States${TAB}painful"
	run who '"The claim is baseless," the lawsuit states.'
	assert_output "the lawsuit${TAB}The claim is baseless,"
}

@test "wire-quotes: rule: a name before a role whose second comma is missing" {
	run who 'Ada Lind, union leader and local activist said: "The yard stays."'
	assert_output "Ada Lind${TAB}The yard stays."
	run who '"It is a sweetener," Ada Lind, an analyst at Nordbank told reporters.'
	assert_output "Ada Lind${TAB}It is a sweetener,"
	run who '"Seize the moment," Mr Prettejohn, the yard'"'"'s chief executive said.'
	assert_output "Prettejohn${TAB}Seize the moment,"
	# A place before the comma is no name of a speaker.
	run who 'In New Bergen, a spokesman said: "The yard stays."'
	assert_output "a spokesman${TAB}The yard stays."
}

@test "wire-quotes: rule: a name in commas after a possessive description" {
	run who 'The council'"'"'s head of planning, Ola Dahl, said the yard was sold. "It is done."'
	assert_output "Ola Dahl${TAB}It is done."
}

@test "wire-quotes: rule: letters in brackets after a name stand for it" {
	run who 'The Norwegian Fishing Vessel Owners Association (NFVOA) met.' \
	    '"The quota is too low," the NFVOA said.'
	assert_output "Norwegian Fishing Vessel Owners Association${TAB}The quota is too low,"
	# Letters that are not the initials stand for nothing.
	run who 'The Fishing Board (NFVOA) met.' '"The quota is too low," NFVOA said.'
	assert_output "NFVOA${TAB}The quota is too low,"
}

@test "wire-quotes: rule: the title of a work is no speaker" {
	run who 'French film A Long Winter won, despite a ruling it was "not French enough".'
	assert_output "-${TAB}not French enough"
	run who 'Evening Post film critic Ada Moe said: "It is the film of the year."'
	assert_output "Ada Moe${TAB}It is the film of the year."
}

@test "wire-quotes: rule: a person brought in with a role in commas is whom he or she may mean" {
	run who '"It is cheap," said Ian Fogg.' \
	    'One dissent came from Brian Moss, vice-president of research at Gartner. He said: "It changes nothing."'
	assert_output "Ian Fogg${TAB}It is cheap,
Brian Moss${TAB}It changes nothing."
}

@test "wire-quotes: rule: a person's trade before a name is a role (singer, actress, critic)" {
	run quotes 'Singer Ida Moe said: "The tour is over."'
	assert_output "The tour is over.${TAB}speaker=Ida Moe${TAB}role=Singer${TAB}cue=said${TAB}kind=full"
	run who 'Actress Vera Lind won.' 'The actress said it was "a dream".'
	assert_output "Vera Lind${TAB}a dream"
}

@test "wire-quotes: rule: a quotation that runs into its sentence takes a verb of saying after a comma" {
	run who '"The slump is over. But the upturn is weak" to lift jobs, Mr Weise added.'
	assert_output "Weise${TAB}The slump is over. But the upturn is weak"
}

@test "eval-quotes-tsv: scores quotations and speakers against a gold of one's own" {
	mkdir a
	printf 'Harbour reopens\n\n"The port is open again," said harbour master Ola Berg.\n\nShe called the storm "the worst in years".\n' > a/one.txt
	printf 'one.txt\tThe port is open again,\tOla Berg\tfull\none.txt\tthe worst in years\tOla Berg\tpartial\n' > gold.tsv
	run eval-quotes-tsv gold.tsv a
	assert_success
	assert_line 'quotations: gold 2, found 2; precision 1.000 recall 1.000 F1 1.000'
	assert_line 'speaker accuracy 1.000 (2 of 2 found)'
	printf 'one.txt\tThe port is open again,\tKari Lund\tfull\n' > gold.tsv
	run eval-quotes-tsv gold.tsv a
	assert_line --partial 'speaker accuracy 0.000'
	run eval-quotes-tsv gold.tsv nowhere
	assert_failure 2
}

@test "wire-quotes: rule: \"the record holder\" is a role, the subject of the sentence before" {
	run who 'Ada Moe has called for bans on cheats.' \
	    'The world record holder believes more must be done to end the "easy doping" culture.'
	assert_output "Ada Moe${TAB}easy doping"
}

@test "wire-quotes: rule: \"the 23-year-old\" stands for the person named last" {
	run who 'Sara Lind won the final in Oslo.' '"It was my best game," said the 23-year-old.'
	assert_output "Sara Lind${TAB}It was my best game,"
	run who '"It was my best game," said the 23-year-old.'
	assert_output "the 23-year-old${TAB}It was my best game,"
}

@test "wire-quotes: rule: \"the Australian\" stands for the person named last" {
	run who 'Mia Kerr won the title in Perth on Sunday.' '"I never gave up," said the Australian.'
	assert_output "Mia Kerr${TAB}I never gave up,"
	run who 'Mia Kerr won the title in Perth on Sunday.' 'The 24-year-old Australian added: "I never gave up."'
	assert_output "Mia Kerr${TAB}I never gave up."
	# A name with a nation's word in it is a name: "Swiss Re".
	run who '"Claims rose," Swiss Re said.'
	assert_output "Swiss Re${TAB}Claims rose,"
	# "The airline" for a body whose name ends in a body's word.
	run who 'Brekke Airways said costs rose.' '"Fares will go up," the airline said.'
	assert_output "Brekke Airways${TAB}Fares will go up,"
	run who 'UK Salt said profits would "recover soon". The company said the plant was "safe".'
	assert_output "UK Salt${TAB}recover soon
UK Salt${TAB}safe"
}

@test "wire-quotes: rule: a name in capitals is a body's: he and she never stand for it" {
	run who 'Ola Berg spoke first. NVE said the dam was safe.' '"We are ready," he said.'
	assert_output "Ola Berg${TAB}We are ready,"
	# A body's word in a name makes it a body's too.
	run who 'Otto Lie spoke. Brekke Airways said costs rose.' '"The fleet is old," he said.'
	assert_output "Otto Lie${TAB}The fleet is old,"
	run who 'Ole Lind spoke in Oslo. The Halden Gazette reported that jobs would go.' '"It is sad," he said.'
	assert_output "Ole Lind${TAB}It is sad,"
}

@test "wire-quotes: rule: a verb of saying between commas names its subject after it" {
	run who 'But, says Ida Moen, head of sales at Norsal, it was not "the price" that hurt.'
	assert_output "Ida Moen${TAB}the price"
	run who 'Soon, says Mr Dahl, the town will be "a ghost town".'
	assert_output "Dahl${TAB}a ghost town"
	run who 'Given the drought, "lower yields" are certain, said Pia Vik at Agri Bank on Monday.'
	assert_output "Pia Vik${TAB}lower yields"
	run who 'Given the drought, "lower yields" are certain, said Pia Vik.'
	assert_output "Pia Vik${TAB}lower yields"
	# Not when the subject stands before the verb, nor a clause after it.
	run who 'Ivar Ness, who ran the mill until May, said farm staff wanted "more time".'
	assert_output "Ivar Ness${TAB}more time"
	run who 'The union, in a letter on Monday, said the new rules "lacked teeth".'
	assert_output "the union${TAB}lacked teeth"
}

@test "wire-quotes: rule: a quotation right after one ending in a comma is whole, with its own speaker" {
	run who '"Rates are low," Ada Moe said.' '"Demand is weak," "Overall it will improve," Halden Bank economist Ola Berg added.'
	assert_output "Ada Moe${TAB}Rates are low,
Ada Moe${TAB}Demand is weak,
Ola Berg${TAB}Overall it will improve,"
}

@test "wire-quotes: rule: a quotation after a comma that opens in lower case is a fragment" {
	paras 'Given the drought, "lower yields" are certain, said Pia Vik.' \
	    'Kari Holm said, "We will plant again."' | wire-quotes -l | cut -f3,6 > out
	run cat out
	assert_output "lower yields${TAB}kind=partial
We will plant again.${TAB}kind=full"
}

@test "wire-quotes: rule: a surname opening a sentence stands for a name seen in passing" {
	run who 'Eva Lund won the first set against Nora Vik.' \
	    'Vik was far from content. "I was tired," she said.'
	assert_output "Nora Vik${TAB}I was tired,"
	# Not inside a noun phrase, nor a name before a role.
	run who 'Eva Lund won the first set against Nora Vik.' \
	    'The tired Vik team went home. "I was tired," she said.'
	assert_output "Eva Lund${TAB}I was tired,"
	run who 'Eva Lund met Nordic Sailing coach Ole Dahl.' \
	    'Sailing was tough. "It was hard," she said.'
	refute_output --partial "Nordic Sailing"
}

@test "wire-quotes: rule: a quotation opening a paragraph goes on from a speaker named with a verb of saying" {
	run quotes 'Sales are in a new phase, argues Ida Moen, head of sales. Prices will fall.' \
	    '"The boom is over. Nobody doubts it."'
	assert_output --partial "speaker=Ida Moen"
	# Not from a speaker left unnamed.
	run quotes 'Sales are in a new phase, an analyst argues. Prices will fall.' \
	    '"The boom is over. Nobody doubts it."'
	assert_output --partial "speaker=-"
}

@test "wire-quotes: rule: \"his son\" stands for the person named with that word in the role" {
	run who '"We kept the tapes," Lind'"'"'s son Erik, 50, said. "He loved them," his son said.'
	assert_output "Erik${TAB}We kept the tapes,
Erik${TAB}He loved them,"
	# With no such role named, the words as written.
	run who '"He loved them," his son said.'
	assert_output "his son${TAB}He loved them,"
}

@test "wire-quotes: rule: a source keeps the body it speaks for" {
	run who '"It will pass," said a spokesman for Norsal. "Delays happen," wrote analysts at Brekke Bank in a note.'
	assert_output "a spokesman for Norsal${TAB}It will pass,
analysts at Brekke Bank${TAB}Delays happen,"
	# Not a time, a place in lower case, nor a name's title.
	run who '"It will pass," a spokesman said on Monday. "No," said Norsal spokesman Ola Berg.'
	assert_output "a spokesman${TAB}It will pass,
Ola Berg${TAB}No,"
}

@test "wire-quotes: rule: a subject ends at its verb in -ed before an object" {
	run who 'Harbour critics welcomed the plan, calling it "overdue".' \
	    'Mayor Ola Berg greeted the crowd, calling the day "historic".'
	assert_output "Harbour critics${TAB}overdue
Ola Berg${TAB}historic"
	# "seed" is no verb; a number word is no noun before one.
	run who '"I am ready," said eighth seed Ola Berg.'
	assert_output "Ola Berg${TAB}I am ready,"
}

@test "wire-quotes: rule: a function word or an adverb is never a speaker" {
	run who 'There are "no big gaps" in the data.' 'How the deal was "rushed" is unclear.' \
	    'Sadly comments like these "hurt" people.' "I'd call it \"a mess\" now."
	assert_output "-${TAB}no big gaps
-${TAB}rushed
-${TAB}hurt
-${TAB}a mess"
	# A name with one in it is still a name.
	run who 'Rita May blamed "poor planning".'
	assert_output "Rita May${TAB}poor planning"
}

@test "wire-quotes: rule: MP, DJ and other titles are roles; letters after a name go" {
	run who '"I won," said Teenager Ida Vik.'
	assert_output "Ida Vik${TAB}I won,"
	run who '"We will vote no," said Tory MP Ada Moe.' '"Play it loud," said DJ Ola Berg.' \
	    '"It is settled," said Ola Lind QC.' \
	    'The Director of Harbours, Ida Lund MSP, said: "The port stays open."'
	assert_output "Ada Moe${TAB}We will vote no,
Ola Berg${TAB}Play it loud,
Ola Lind${TAB}It is settled,
Ida Lund${TAB}The port stays open."
	# Not a place before them: "the Salford MP".
	run who '"No," said the Salford MP.'
	assert_output "the Salford MP${TAB}No,"
}

@test "wire-quotes: rule: a name in a title is its last word" {
	{ rec d 0 'Defiant Berg sails on'; rec d 1 '"I will sail again," he said.'; } |
	    wire-quotes -l | cut -f4 > out
	run cat out
	assert_output "speaker=Berg"
	# One word in a title may be a body's: no one.
	{ rec d 0 'Norsal sails on'; rec d 1 '"We will sail again," he said.'; } |
	    wire-quotes -l | cut -f4 > out
	run cat out
	assert_output "speaker=-"
}

@test "wire-quotes: rule: a quotation in a title is the speaker's of the text's quotation that holds it" {
	run titled "'Ghost town' fears for port" 'Mayor Ada Moe said: "Without ferries we become a ghost town."'
	assert_output "Ghost town${TAB}speaker=Ada Moe
Without ferries we become a ghost town.${TAB}speaker=Ada Moe"
	# A title's subject is not its fragment's speaker.
	run titled "Ferry cable 'fire risk'"
	assert_output "fire risk${TAB}speaker=-"
	# Not a word inside another ("town" in "townhall"), nor words not
	# quoted (past the first paragraph, whose speaker leads the story).
	run titled "Port 'town' row" 'The port is quiet.' 'Mayor Ada Moe said: "The townhall stays."'
	assert_output "town${TAB}speaker=-
The townhall stays.${TAB}speaker=Ada Moe"
}

@test "wire-quotes: rule: a person brought in with a role before and \"who\" after is whom he or she may mean" {
	run who '"Sales are flat," said Ada Moe.' \
	    'The device is the work of Norsal researcher Ivo Berg who built it in May.' \
	    '"I wanted it small," he said.'
	assert_output "Ada Moe${TAB}Sales are flat,
Ivo Berg${TAB}I wanted it small,"
}

@test "wire-quotes: rule: a fragment with no speaker of its own is the paragraph's named person's" {
	run who 'Ada Moe toured the port on Monday. The plan was "a disgrace" and the quay "a ruin".'
	assert_output "Ada Moe${TAB}a disgrace
Ada Moe${TAB}a ruin"
	# Not one merely described, nor in a title.
	run who 'The mayor toured the port. The plan was "a disgrace".'
	assert_output "-${TAB}a disgrace"
}

@test "wire-quotes: rule: a subject after a sentence adverb and its comma" {
	run who 'Meanwhile, harbour pilot Nils Ekberg is delighted. "It is a surprise," the veteran said.'
	assert_output "Nils Ekberg${TAB}It is a surprise,"
}

@test "wire-quotes: rule: a description with no role to match is the person named last, known by sex or role" {
	run who 'Coach Ola Brandt named his team on Monday. The squad trains in Oslo. "We are ready," said the Norwegian coach.'
	assert_output "Ola Brandt${TAB}We are ready,"
	run who 'Tom Brandt spoke on Monday. The squad trains in Oslo. "We are ready," said the Norwegian coach.'
	assert_output "Tom Brandt${TAB}We are ready,"
	# Two words in capitals may be no one ("The Final Verdict followed").
	run who 'Ola Brandt spoke on Monday. The squad trains in Oslo. "We are ready," said the Norwegian coach.'
	assert_output "the Norwegian coach${TAB}We are ready,"
	# A source is not resolved so.
	run who 'Coach Ola Brandt named his team. The squad trains in Oslo. "We are ready," said the spokesman.'
	assert_output "the spokesman${TAB}We are ready,"
	# An office (titles alone) only for one named in the sentence before.
	run who 'Tom Brandt spoke on Monday. The squad trains in Oslo. "We are ready," said the prime minister.'
	assert_output "the prime minister${TAB}We are ready,"
	run who 'The squad trains in Oslo, Tom Brandt said. "We are ready," said the prime minister.'
	assert_output "Tom Brandt${TAB}We are ready,"
}

@test "wire-quotes: rule: a first name tells a person's sex, a surname does not" {
	run who 'Ann Lunde said the talks went well. Tom Vik said they did not. "It was a good day," she said.'
	assert_output "Ann Lunde${TAB}It was a good day,"
	run who 'Ola Russell said the talks went well. Tom Vik said they did not. "It was a good day," she said.'
	assert_output "Ola Russell${TAB}It was a good day,"
}

@test "wire-quotes: rule: a name after a role that is a body is a body's" {
	run who 'Ola Vik joined the club in May. Danish outfit Red Sharks Bergen said on Monday they want him. "It was a thought," he said.'
	assert_output "Ola Vik${TAB}It was a thought,"
	# Unless a first name says it is a person's ("chip maker Intel").
	run who 'Games maker Tom Moe won an award. "It is a surprise," he said.'
	assert_output "Tom Moe${TAB}It is a surprise,"
}

@test "wire-quotes: rule: a person with a role in commas after an opening preposition" {
	run who 'For Pia Lund, director of the museum, the move is welcome. "It is a fine day," she said.'
	assert_output "Pia Lund${TAB}It is a fine day,"
}

@test "wire-quotes: rule: a verb in -ing and its object, or a preposition, is no speaker" {
	run who 'The award went to the band, sending a message of thanks saying the prize "means a lot".'
	assert_output "-${TAB}means a lot"
	# The clause's subject, when it has one, says it.
	run who 'Lund was named best singer, sending a message of thanks saying the prize "means a lot".'
	assert_output "Lund${TAB}means a lot"
	run who 'Unlike other browsers, Vela does not need to be "trained" to hear a voice.'
	assert_output "-${TAB}trained"
}

@test "wire-quotes: rule: a body's initials or the start of its first word stand for its name" {
	run who 'The Harbour Safety Board said on Monday that the quay was unsafe. The HSB said it was "a grave risk".'
	assert_output "Harbour Safety Board${TAB}a grave risk"
	run who 'The Federal Harbour Board raised its fees on Monday. Ola Vik spoke. In a statement, the Fed said the rise was "measured".'
	assert_output "Federal Harbour Board${TAB}measured"
	run who 'The US Harbour Reserve raised its fees on Monday. Ola Vik spoke. In a statement, the Har said the rise was "measured".'
	assert_output "US Harbour Reserve${TAB}measured"
	# Not when two names fit.
	run who 'The Harbour Safety Board said the quay was unsafe. The Hull Shipping Bureau said it was not. The HSB said it was "a grave risk".'
	assert_output "HSB${TAB}a grave risk"
}

@test "wire-quotes: rule: a role with a phrase in lower case before the name" {
	run who 'Party spokeswoman for health Ann Vik said: "It is misdirected."'
	assert_output "Ann Vik${TAB}It is misdirected."
	# A body's name after a determiner is the source's body.
	run who 'A spokesman for the Tern Shipping Alliance said: "It is misdirected."'
	refute_output --partial "Tern Shipping Alliance${TAB}"
}

@test "wire-quotes: rule: a verb of saying that opens its sentence has its subject after it" {
	run who 'Hooker Ola Berg is doubtful. Said assistant coach Per Lund: "The reports are good."'
	assert_output "Per Lund${TAB}The reports are good."
	run who 'Ola Berg is doubtful. Added Per Lund: "The reports are good."'
	assert_output "Per Lund${TAB}The reports are good."
	run who 'Most users cannot tell. Said the Pew report: "This is ironic."'
	assert_output "Pew${TAB}This is ironic."
}

@test "wire-quotes: rule: a subject after a phrase of time and its comma, or before a dash" {
	run who 'Per Lund spoke first. On Wednesday, Ola Berg provoked fury at the quay. "It is a farce," he said.'
	assert_output "Ola Berg${TAB}It is a farce,"
	run who 'Per Lund spoke first. Ola Berg - who has resigned as mayor - built his name on trust. "I tried," he said.'
	assert_output "Ola Berg${TAB}I tried,"
}

@test "wire-quotes: rule: initials stand for a body named in passing" {
	run who 'He wrote to the Nordic Shipping Council last month. The NSC said it was "a grave risk".'
	assert_output "Nordic Shipping Council${TAB}a grave risk"
}

@test "wire-quotes: rule: the person named with a verb of saying is a subject a description after may mean" {
	run who 'Tom Vik has failed the port, Ann Moe has said. How was it right, the harbour chief asked. The fee was an "unfair tax", she added.'
	assert_output "Ann Moe${TAB}unfair tax"
	# Not a spokesman, who speaks for someone else.
	run who "Tom Vik has failed the port, Ann Moe has said. The minister's spokesman called it \"an unfair tax\"."
	assert_output "the minister's spokesman${TAB}an unfair tax"
}

@test "wire-quotes: rule: a surname spelt another way by one letter is the one name that fits" {
	run who 'Agent Brian Hassell spoke on Monday. "He wants to stay," said Hassel.'
	assert_output "Brian Hassell${TAB}He wants to stay,"
	run who 'President Volodymyr Zelensky spoke on Monday. "We will hold," said Zelenskiy.'
	assert_output "Volodymyr Zelensky${TAB}We will hold,"
	run who 'Dr David Monteith spoke on Monday. "It is fun," said Montieth.'
	assert_output "David Monteith${TAB}It is fun,"
	# Not when two fit, nor for a short name.
	run who 'Captain Lena Bergen spoke. Coach Ola Bergan spoke. "We will hold," said Bergin.'
	assert_output "Bergin${TAB}We will hold,"
	run who 'Agent Tom Vik spoke on Monday. "He wants to stay," said Vix.'
	assert_output "Vix${TAB}He wants to stay,"
}

@test "wire-quotes: rule: a role, a form of 'be' and a name bring the name in" {
	run who 'Producer Kevin Moe spoke. The director is Matthew Lund, best known for Art. "It will be a hybrid," he said.'
	assert_output "Matthew Lund${TAB}It will be a hybrid,"
	run who "Producer Kevin Moe spoke. The director is Matthew Lund's friend. \"It will be a hybrid,\" he said."
	assert_output "Kevin Moe${TAB}It will be a hybrid,"
}

@test "wire-quotes: rule: a quotation in a title with none to hold it is the story's lead's" {
	run titled "'Port will stay open' say owners" 'The harbour is safe for now, Mayor Ada Moe has said.' 'She called the plan "fair".'
	assert_output "Port will stay open${TAB}speaker=Ada Moe
fair${TAB}speaker=Ada Moe"
	# Only one named in the first paragraph.
	run titled "'Port will stay open' say owners" 'The harbour is safe for now.' 'Mayor Ada Moe called the plan "fair".'
	assert_output "Port will stay open${TAB}speaker=-
fair${TAB}speaker=Ada Moe"
}

@test "wire-quotes: rule: a capitalised word that the text has in lower case is no name" {
	run who 'Drones are learning "dronequette" so they can mix with people. Most drones are small.'
	assert_output "-${TAB}dronequette"
	run who 'Part of this is the rise of "generation X". It is a large part of the market.'
	assert_output "-${TAB}generation X"
	# A name never written in lower case, and a source, stay.
	run who 'Zephyrs are learning "dronequette" so they can mix with people.'
	assert_output "Zephyrs${TAB}dronequette"
	run who 'Critics are calling it "a mess". Most critics agree.'
	assert_output "critics${TAB}a mess"
}

@test "wire-quotes: rule: he or she as a subject names the person again" {
	run who 'Tom Vik won his match. Ann Moe lost hers. He will now meet Lars Berg. "Bring it on," said the 23-year-old.'
	assert_output "Tom Vik${TAB}Bring it on,"
}

@test "wire-quotes: rule: the body a source speaks for is one a description may mean after" {
	run who 'A spokesman for Nordhavn said the fine was "harsh". "It is a warning," the company said.'
	assert_output "a spokesman for Nordhavn${TAB}harsh
Nordhavn${TAB}It is a warning,"
}

@test "wire-quotes: rule: a name in commas after a role may open with 'the' and titles" {
	run who 'The Bishop of Lund, the Rt Rev Dr Ivo Moe, called the book "lousy history". The book sold well. The Bishop said: "It is fun."'
	assert_output "Ivo Moe${TAB}lousy history
Ivo Moe${TAB}It is fun."
}

@test "wire-quotes: rule: a shadow, former or deputy office is not the office" {
	run who 'Shadow harbour secretary Ola Vik spoke. Later, the storm came. The harbour secretary said: "It is fun."'
	assert_output "the harbour secretary${TAB}It is fun."
	run who 'Shadow harbour secretary Ola Vik spoke. Later, the storm came. The shadow harbour secretary said: "It is fun."'
	assert_output "Ola Vik${TAB}It is fun."
}

@test "wire-quotes: rule: after a long phrase in front, the last noun phrase before the verb is the subject" {
	run who 'In a statement announcing the desire to seek protection the company said it "could not go on".'
	assert_output "the company${TAB}could not go on"
}

@test "wire-quotes: rule: 'the', a place and a title is a description, not a name" {
	run who 'Mr Lund said it was sad. "It was a horrible thing," said the Ealing North MP.'
	assert_output "Lund${TAB}It was a horrible thing,"
	run who '"It was a horrible thing," said Ann Moe MP.'
	assert_output "Ann Moe${TAB}It was a horrible thing,"
}

@test "wire-quotes: rule: champions and athletes are roles; a surname that is one stays a name" {
	run who 'Kelly Moe has pulled out of the indoor games. The double Olympic champion said: "I am very disappointed."'
	assert_output "Kelly Moe${TAB}I am very disappointed."
	run who 'Her uncle, Lewis Champion, told reporters: "Nothing is worth it."'
	assert_output "Lewis Champion${TAB}Nothing is worth it."
	run who '"Carnival has a strong record," said Simon Champion.'
	assert_output "Simon Champion${TAB}Carnival has a strong record,"
}

@test "regression: a sentence that ends at its comma, and a paragraph that ends in one, are read in bounds" {
	run who 'Ok. But,' '"It is," he said.'
	assert_success
	assert_output "-${TAB}It is,"
	run who '"We are firm," said the party'"'"'s old tired deputy chief leader,'
	assert_success
	assert_output "the party's old tired deputy chief leader${TAB}We are firm,"
}

@test "wire-quotes: rule: the story's lead is read for a title's quotation, a name before a description" {
	run titled "'Port will stay open' say owners" 'The harbour is safe for now, Mayor Ada Moe has said.'
	assert_output "Port will stay open${TAB}speaker=Ada Moe"
	run titled "'Port will stay open' say owners" 'A spokesman said the talks went on. The harbour is safe, Mayor Ada Moe has said.'
	assert_output "Port will stay open${TAB}speaker=Ada Moe"
	# A name in a title is no subject for a description in the text.
	run titled "Ada Moe says port is safe" 'The ferries are back. "We are ready," the minister told MPs.'
	assert_output "We are ready,${TAB}speaker=the minister"
}

@test "wire-quotes: rule: a participle after a clause in commas shares the clause's subject" {
	run who 'Mr Tamm backed that plan on Friday, saying: "The quay must close."'
	assert_output "Tamm${TAB}The quay must close."
	run who 'Ada Moe hit him, saying: "It is over."'
	assert_output "Ada Moe${TAB}It is over."
}

@test "wire-quotes: rule: a determiner after a word in lower case opens another noun phrase" {
	run who 'However, the Harbour Board found the whole port still faced "grave risks" and warned of delays.'
	assert_output "Harbour Board${TAB}grave risks"
	run who 'In his Easter message the Green Party leader said all sides used "cheap scares".'
	assert_output "the Green Party leader${TAB}cheap scares"
}

@test "wire-quotes: rule: verbs of saying in -ing, after 'with' and after a phrase" {
	run who 'Moe missed the cup tie despite recovering from a knee injury, with Harbour boss Ola Vik claiming it had been a "hard time" for him.'
	assert_output "Ola Vik${TAB}hard time"
	run who 'Ada Moe will make a plea for the rural vote urging farmers who feel "left behind" to vote Green.'
	assert_output "Ada Moe${TAB}left behind"
	run who 'It was a reply to the inquiry following a news story claiming the port had "hidden the risks".'
	assert_output "a news story${TAB}hidden the risks"
	run who '"The quay must close," said Ada Moe, harbour chief announcing the plan. "It is unsafe."'
	assert_output "Ada Moe${TAB}The quay must close,
Ada Moe${TAB}It is unsafe."
	run who 'Tern Ltd said on Monday it had no cash. In a statement announcing the wish to seek protection the firm said it "could not go on".'
	assert_output "Tern Ltd${TAB}could not go on"
}

@test "wire-quotes: rule: names with an ampersand keep it, and their letters stand for them" {
	run who 'Harbour & Fjord sold its ferries on Monday. "We are sorry," H&F said.'
	assert_output "Harbour & Fjord${TAB}We are sorry,"
	run who '"We are sorry," said Moe &  Lund.'
	assert_output "Moe & Lund${TAB}We are sorry,"
}

@test "wire-quotes: rule: he or she with no one quoted before is the first person named of that sex" {
	run who "Tom Vik's big speech opened the campaign." 'In a key passage, he declared: "We can win."'
	assert_output "Tom Vik${TAB}We can win."
	# Not one of the other sex.
	run who "Tom Vik's big speech opened the campaign." 'In a key passage, she declared: "We can win."'
	assert_output "-${TAB}We can win."
}

@test "wire-quotes: rule: no one calls himself by his first name in his own words" {
	run who 'Coach Tom Vik praised his striker. Ivar Lund had spoken out before the derby. "I have had a quiet word with Ivar," he told reporters.'
	assert_output "Tom Vik${TAB}I have had a quiet word with Ivar,"
}

@test "wire-quotes: rule: a role with a phrase, then the name in commas, after an inverted cue" {
	run who '"It would be a tragedy," said the chairman of the harbour select committee, Labour MP Ada Moss.'
	assert_output "Ada Moss${TAB}It would be a tragedy,"
	# A name and its letters after it stay the name.
	run who 'Harbour Minister, Tom Moe MSP, said: "We are ready."'
	assert_output "Tom Moe${TAB}We are ready."
}

@test "wire-quotes: rule: a document's words are its author's" {
	run who 'A Harbour Audit Office report called the ferries "legacy projects". The report said: "Many problems remain."'
	assert_output "Harbour Audit Office${TAB}legacy projects
Harbour Audit Office${TAB}Many problems remain."
	run who 'The Fjord Sailing Association (FSA) met on Monday. "The referee is satisfied," said an FSA statement.'
	assert_output "Fjord Sailing Association${TAB}The referee is satisfied,"
}

@test "wire-quotes: rule: the subject of a clause after 'but' is the one a 'he' after means" {
	run who 'Ola Moe said the quay was "too slow" but harbour chief Geoff Tamm rejected his words. "We made it faster," he said.'
	assert_output "Ola Moe${TAB}too slow
Geoff Tamm${TAB}We made it faster,"
	run who 'Ola Moe said the quay was "too slow" but Port Trust'"'"'s Ivo Tamm rejected his words. "We made it faster," he said.'
	assert_output "Ola Moe${TAB}too slow
Ivo Tamm${TAB}We made it faster,"
	# Not a body, nor a name with no verb of its own.
	run who 'Ola Moe said the quay was "too slow" but Tata is running it. "We made it faster," he said.'
	assert_output "Ola Moe${TAB}too slow
Ola Moe${TAB}We made it faster,"
}

@test "wire-quotes: rule: a clause after 'but' has its own subject, also for a verb joined by 'and'" {
	run who 'The agency claimed he led it but his lawyer, Ola Vik, told the court it was laughable and added: "He had an old computer."'
	assert_output "Ola Vik${TAB}He had an old computer."
	run who 'The island is a member, but Norway, which holds the north, has insisted it will not bow, calling the issue a "red line".'
	assert_output "Norway${TAB}red line"
}

@test "wire-quotes: rule: 'the Bishop of Lund' is an office, held by the one named with it" {
	run who 'The service will be led by the Bishop of Lund, Dr Ivo Moe. The Bishop of Lund said: "I am pleased."'
	assert_output "Ivo Moe${TAB}I am pleased."
	# With no one named so, the office is the description; not "Lund".
	run who 'The Bishop of Lund said: "I am pleased."'
	assert_output "the Bishop of Lund${TAB}I am pleased."
	run who '"It is over," said Secretary of State Ada Moss.'
	assert_output "Ada Moss${TAB}It is over,"
}

@test "wire-quotes: rule: a noun in lower case before Mr or Ms is no role of the name" {
	run who 'That was a rate of progress Ms Lund described as "painful".'
	assert_output "Lund${TAB}painful"
	run who '"It is sold out," festival organiser Ola Vik said.'
	assert_output "Ola Vik${TAB}It is sold out,"
}

@test "wire-quotes: rule: a body's role in the possessive, then a name in commas" {
	run who "The United Nations' emergency relief coordinator, Ivo Moe, said that \"this may be the worst\"."
	assert_output "Ivo Moe${TAB}this may be the worst"
}

@test "wire-quotes: rule: a fragment in a title is the lead's when the lead is named" {
	run titled "Port ban 'to be lifted'" 'The ban on ferries is likely to be lifted in May, Harbour Minister Ada Moe has said.'
	assert_output "to be lifted${TAB}speaker=Ada Moe"
	# A lead that is only described gives it no speaker.
	run titled "Port ban 'in decline'" 'Support for the ban has fallen, a poll suggests.'
	assert_output "in decline${TAB}speaker=-"
}

@test "wire-quotes: rule: a body named after a noun for one is what that noun means after" {
	run who 'The Lumo 100 was chosen by US magazine Mobile Desk on Monday. "We included only mobile items," the magazine said.'
	assert_output "Mobile Desk${TAB}We included only mobile items,"
	# "It" is a body that spoke, not one named in passing.
	run who 'Harbour firm Tern Ltd has released a tool. It links to car firm Carvo. In a statement Tern Ltd said the tool was new. It said: "The user can choose."'
	assert_output "Tern Ltd${TAB}The user can choose."
	# "The company" too, before one named in passing.
	run who 'Acme Corp said sales fell. Sales rose at oil company Petra. "We are hopeful," the company said.'
	assert_output "Acme Corp${TAB}We are hopeful,"
	# Letters before a person's name are the body.
	run who 'The co-head of aerospace group EADS Ivo Camus is to leave. Mr Camus said he was going home. "I will go," he said.'
	assert_output "Camus${TAB}I will go,"
}

@test "wire-quotes: rule: he or she with no speaker before is the person named last of that sex, in the last few sentences" {
	run who 'The council has yet to reply. Ms Ada Moe said the harbour must close. Her words did not impress shadow harbour secretary Tim Vik. "She has no plan," he said.'
	assert_output "Tim Vik${TAB}She has no plan,"
	# A chairman may be a woman.
	run who 'Harbour Trust chairman Jan Berry said the guards should watch. "They should not detain anyone," she said.'
	assert_output "Jan Berry${TAB}They should not detain anyone,"
}

@test "regression: the review of this stop's rules: bounds, later names, a role after a name in passing" {
	# "but" as a paragraph's last word is read in bounds.
	run who 'Ann Moe left but' '"Yes," she said.'
	assert_success
	assert_output "Ann Moe${TAB}Yes,"
	# A name after the quotation is no "he" before it.
	run who '"I will go," he said. Later, chairman Tim Vik left the room.'
	assert_output "-${TAB}I will go,"
	# A name in passing late in a long paragraph is recent.
	run who 'Singer Ann Smith won.' 'The sky was grey. The sky was grey. The sky was grey. The sky was grey. The market fell after chairman Tim Vik left. "I will go," he said.'
	assert_output "Tim Vik${TAB}I will go,"
	# A role in commas after a name that follows a noun for a body.
	run who 'The idea came from games maker Tom Moe, head of Lionhead, last year. "It is good."'
	assert_output "Tom Moe${TAB}It is good."
	# A document with no determiner keeps all its author's words.
	run who '"Costs rose," National Audit Office report said.'
	assert_output "National Audit Office${TAB}Costs rose,"
	# Not one the quotation calls by the first name, even leading.
	run who 'Tim Vik spoke to the party.' '"I had a quiet word with Tim," he said.'
	assert_output "-${TAB}I had a quiet word with Tim,"
}
