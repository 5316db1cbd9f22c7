# wire: small tools for dumps of news articles.  See README.md.

VERSION   = 0.1.0
PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man

CC      = cc
CFLAGS  = -O3 -g
LDFLAGS =
PKGS    = libbsd-overlay libutf8proc libxxhash libxml-2.0 jansson zlib

# The language level and the warnings are always added to the user's CFLAGS.
WIRE_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Icommon \
	-I$(O)/gen -DWIRE_VERSION='"$(VERSION)"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))

# A small tool is tools/NAME.c; a tool with an engine of its own is a
# folder tools/NAME/ of files by stage with a private header.
TOOLS   = wire-strip wire-split wire-quotes wire-dedupe wire-diff \
	wire-report wire-batch
SRC_wire-split  = tools/wire-split.c
SRC_wire-strip  = $(addprefix tools/wire-strip/, main.c input.c para.c \
	features.c words.c head.c repeat.c score.c xdoc.c html.c json.c \
	warc.c enc.c)
SRC_wire-quotes = $(addprefix tools/wire-quotes/, main.c doc.c marks.c \
	tokens.c np.c speaker.c names.c attrib.c para.c)
SRC_wire-dedupe = $(addprefix tools/wire-dedupe/, main.c index.c state.c \
	docsim.c)
# wire-diff's engine (the alignment of two versions) serves the story
# report too.
DIFF_ENGINE     = $(addprefix tools/wire-diff/, version.c align.c wdiff.c \
	myers.c)
SRC_wire-diff   = tools/wire-diff/main.c $(DIFF_ENGINE)
SRC_wire-report = $(addprefix tools/wire-report/, main.c read.c story.c \
	member.c quotes.c render.c speakers.c facts.c) $(DIFF_ENGINE)
SRC_wire-batch  = $(addprefix tools/wire-batch/, main.c scan.c stage.c)
LIBSRC  = common/buf.c common/err.c common/file.c common/fold.c \
	common/hash.c common/lsh.c common/map.c common/names.c common/norm.c \
	common/lex.c common/rec.c common/sent.c common/sentend.c \
	common/shingle.c common/tok.c \
	common/utf8.c
MAN1    = docs/wire-strip.1 docs/wire-split.1 docs/wire-quotes.1 \
	docs/wire-dedupe.1 docs/wire-diff.1 docs/wire-batch.1 \
	docs/wire-report.1
MAN5    = docs/wire-records.5
MAN7    = docs/wire.7

# Objects go to $(O), programs to $(BIN); the sanitizer build uses others.
O   = build
BIN = bin
LIBOBJ = $(LIBSRC:%.c=$(O)/%.o) $(O)/gen/lexicon.o
LIBA   = $(O)/libwire.a
objs   = $(patsubst %.c,$(O)/%.o,$(SRC_$(1)))
OBJS   = $(LIBOBJ) $(foreach t,$(TOOLS),$(call objs,$(t)))

# The sanitizer build: ASan and UBSan with clang where there is one (its
# UBSan has checks gcc's lacks, pointer overflow among them); it also
# has wire-strip classify each block of text both ways, with SSE2 and
# byte by byte, and stop if the two disagree.
SANCC = $(shell command -v clang > /dev/null 2>&1 && echo clang || echo $(CC))
SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all -DWIRE_CHECK_SIMD

.PHONY: all deps programs check test asan demo bench install uninstall \
	clean lint fuzz stress

all: deps
	@$(MAKE) --no-print-directory programs

deps:
	@scripts/install-deps

programs: $(TOOLS:%=$(BIN)/%)

# Each object also depends on the headers it includes (-MMD).
$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WIRE_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# The lexicon is a table in common/lexicon.txt, made into C here.
$(O)/gen/lexicon.h: common/lexicon.txt common/lexicon.awk
	@mkdir -p $(@D)
	awk -v out=h -f common/lexicon.awk common/lexicon.txt > $@.tmp
	mv $@.tmp $@

$(O)/gen/lexicon.c: common/lexicon.txt common/lexicon.awk
	@mkdir -p $(@D)
	awk -f common/lexicon.awk common/lexicon.txt > $@.tmp
	mv $@.tmp $@

$(O)/gen/lexicon.o: $(O)/gen/lexicon.c
	$(CC) $(CFLAGS) $(WIRE_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(OBJS): $(O)/gen/lexicon.h

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

.SECONDEXPANSION:
$(TOOLS:%=$(BIN)/%): $$(call objs,$$(@F)) $(LIBA)
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(call objs,$(@F)) $(LIBA) $(PKG_LIBS)

# The test suite runs twice: on the normal build in a UTF-8 locale, then
# on an ASan+UBSan build in the C locale.
check: all
	@$(MAKE) --no-print-directory asan
	LC_ALL=C.UTF-8 WIRE_BIN=$(CURDIR)/bin bats tests
	LC_ALL=C WIRE_BIN=$(CURDIR)/build/asan/bin \
	    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 bats tests

test: all
	WIRE_BIN=$(CURDIR)/bin bats tests

asan:
	@$(MAKE) --no-print-directory O=build/asan BIN=build/asan/bin \
	    CC=$(SANCC) CFLAGS="$(SAN)" LDFLAGS="-fsanitize=address,undefined" \
	    programs

demo: all
	@scripts/demo

bench: all
	@scripts/bench

# AFL++ over every tool's input, FUZZ_SECONDS a target; what it keeps
# and every crash go to tests/fuzz, which make check replays.
fuzz: all
	@scripts/fuzz

# Inputs made to be hard, at two sizes: the time ratio shows the growth.
stress: all
	@scripts/stress

lint:
	mandoc -Tlint -W warning $(MAN1) $(MAN5) $(MAN7)
	@for p in $(MAN1) $(MAN5) $(MAN7); do \
	    groff -mandoc -Tutf8 -ww -z $$p 2>&1 | grep . && exit 1; \
	done; echo "groff: every page clean"
	@# Under groff a quotation macro runs to the end of its line, so a
	@# second one on the line nests inside the first.
	@awk '/^\./ { n = 0; for (i = 1; i <= NF; i++) \
	    n += $$i ~ /^\.?(Dq|Ql|Sq)$$/; if (n > 1) { print FILENAME ":" \
	    FNR ": two quotation macros on one line nest under groff"; \
	    bad = 1 } } END { exit bad }' $(MAN1) $(MAN5) $(MAN7)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
	    $(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	install -m 755 $(TOOLS:%=bin/%) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANPREFIX)/man1
	install -m 644 $(MAN5) $(DESTDIR)$(MANPREFIX)/man5
	install -m 644 $(MAN7) $(DESTDIR)$(MANPREFIX)/man7

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) \
	    $(MAN1:docs/%=$(DESTDIR)$(MANPREFIX)/man1/%) \
	    $(MAN5:docs/%=$(DESTDIR)$(MANPREFIX)/man5/%) \
	    $(MAN7:docs/%=$(DESTDIR)$(MANPREFIX)/man7/%)

clean:
	rm -rf build bin
