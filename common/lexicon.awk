# lexicon.awk: common/lexicon.txt into C.  With -v out=h, the header:
# the classes (%class lines, a bit each), the kinds of abbreviation
# (%kind lines) and a name for each word (WIRE_W_SAID is "said"); else
# the table that common/lex.c looks words up in.  A class it was not
# told of, or a word listed twice, stops the build.
BEGIN {
	FS = "\t+"
	n = nclass = nkind = 0
}
/^#/ || /^[ \t]*$/ { next }
$1 == "%class" {
	if (nclass == 29)
		fail("more classes than the 29 bits for them")
	classbit[$2] = nclass
	classname[nclass] = $2
	classdoc[nclass++] = $3
	next
}
$1 == "%kind" {
	kind["." $2] = ++nkind
	kindname[nkind] = $2
	kinddoc[nkind] = $3
	next
}
{
	w = $1
	if (w in seen)
		fail("\"" w "\" is listed twice")
	seen[w] = 1
	cls = ""
	nf = split($2, c, " ")
	for (i = 1; i <= nf; i++) {
		if (c[i] in kind)
			x = "WIRE_L_ABBR(WIRE_A_" toupper(substr(c[i], 2)) ")"
		else if (c[i] in classbit)
			x = "WIRE_L_" toupper(c[i])
		else
			fail("unknown class \"" c[i] "\"")
		cls = cls (cls == "" ? "" : " | ") x
	}
	word[++n] = w
	class[n] = cls == "" ? "0" : cls
	id = toupper(w)
	gsub(/[^A-Z0-9]/, "_", id)
	if (id in ids)
		fail("\"" w "\" and \"" ids[id] "\" have one name")
	ids[id] = w
	name[n] = "WIRE_W_" id
}
END {
	if (failed)
		exit 1
	print "/* Made from common/lexicon.txt by common/lexicon.awk. */"
	if (out == "h") {
		for (i = 0; i < nclass; i++)
			printf "#define WIRE_L_%s\t(1u << %d)\t/* %s */\n",
			    toupper(classname[i]), i, classdoc[i]
		for (i = 1; i <= nkind; i++)
			printf "#define WIRE_A_%s\t%d\t/* %s */\n",
			    toupper(kindname[i]), i, kinddoc[i]
		print "/* An abbreviation's kind, in the top three bits. */"
		print "#define WIRE_L_ABBR(k)\t((uint32_t)(k) << 29)"
		print "#define WIRE_L_KIND(c)\t((c) >> 29)"
		print "enum wire_word_id {"
		print "\tWIRE_NOWORD,"
		for (i = 1; i <= n; i++)
			print "\t" name[i] ",\t/* " word[i] " */"
		print "\tWIRE_NWORDS"
		print "};"
		exit 0
	}
	print "#include \"wire.h\""
	print ""
	print "const struct wire_lexent wire_lexicon[] = {"
	print "\t{ \"\", 0 },"
	for (i = 1; i <= n; i++)
		printf "\t{ \"%s\", %s },\n", word[i], class[i]
	print "};"
}
function fail(msg) {
	printf "common/lexicon.txt:%d: %s\n", NR, msg > "/dev/stderr"
	failed = 1
	exit 1
}
