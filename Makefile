# lector: build, test and run.
#
#   make run     install what is missing (Debian), build, run the main analysis on corpus/
#   make test    the same set-up, then every test suite (C, busted, CLI); last line "N passed, N failed"
#   make check   the test suite again under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench   benchmark corpora and peers side by side (slow; never part of make test)
#   make accuracy   the tagger against held-out treebanks, positions against the hand-labelled seed
#                   statements (bench/accuracy/; never part of make test), then make accuracy-resolutions:
#                   the resolution finder against hand-labelled real sentences
#   make train-tagger   the tagger's model host/core/tag/en.model.gz again, from UD English EWT
#   make tag-speed   the tagger's tokens/s on one thread, median of 5 runs (bench/tag_speed.c)
#
# Objects go to $(B) (build/), products to $(P) (the top: ./lector, ./liblector.a, ./lector.so).

CC      ?= cc
B       ?= build
P       ?= .
OPT     ?= -O2 -g
SAN     ?=
LUA_PC  := lua5.4
LPEG_PC := lua5.4-lpeg

WARN    := -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wpointer-arith \
           -Wno-unused-parameter
# The core is compiled without Lua's headers on its include path: it cannot include them.
CFLAGS_CORE = -std=c11 $(WARN) $(OPT) $(SAN) -fPIC -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 \
           -Ihost/core $(ICU_CFLAGS) $(XML_CFLAGS) $(CFLAGS)
CFLAGS_ALL = $(CFLAGS_CORE) -Ihost -I$(B) $(shell pkg-config --cflags $(LUA_PC) 2>/dev/null)
LIBDIR  := $(shell dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
LUA_A   := /usr/lib/$(LIBDIR)/liblua5.4.a
LPEG_A  := /usr/lib/$(LIBDIR)/liblua5.4-lpeg.a
# ICU (icu-uc: the word break iterator that cuts Chinese, Japanese, Thai... into words, text/dict.c)
ICU_LIBS := $(shell pkg-config --libs icu-uc 2>/dev/null || echo -licuuc -licudata)
ICU_CFLAGS := $(shell pkg-config --cflags icu-uc 2>/dev/null)
# libxml2 (its HTML parser reads .html pages, source/format_html.c); poppler, for PDFs, is opened
# with dlopen at the first PDF (source/format_pdf.c), so it is no link flag
XML_LIBS := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
SYSLIBS := -lutf8proc -lpcre2-8 $(ICU_LIBS) $(XML_LIBS) -lpthread -lm -ldl

# The layers, one folder each (see README, "The house"): the C core (host/core/, liblector.a) knows
# nothing of Lua or the terminal; the bindings (host/bindings/) know nothing of the terminal; the
# command line and the REPL (host/cli/) sit on top. A new .c file in a folder is built without a
# word here.
CORE_SRC := $(sort $(wildcard host/core/*/*.c))
BIND_SRC := $(sort $(wildcard host/bindings/*.c))
CLI_SRC  := $(sort $(wildcard host/cli/*.c))
HEADERS  := $(shell find host -name '*.h')

CORE_O  := $(CORE_SRC:host/%.c=$(B)/%.o)
BIND_O  := $(BIND_SRC:host/%.c=$(B)/%.o) $(B)/embedded.o
HOST_O  := $(CLI_SRC:host/%.c=$(B)/%.o)
LUAMODS := $(sort $(shell find host/lua -name '*.lua'))
CTESTS  := $(patsubst spec/c/%.c,$(B)/%,$(filter-out spec/c/ctest.c,$(wildcard spec/c/test_*.c)))

.PHONY: all deps run test check bench peers doc clean accuracy accuracy-resolutions train-tagger tag-speed
all: $(P)/lector $(P)/liblector.a $(P)/lector.so $(CTESTS) $(B)/ptydrive

deps:
	@host/tools/deps.sh

$(P)/lector: $(HOST_O) $(BIND_O) $(P)/liblector.a
	$(CC) $(OPT) $(SAN) -Wl,-E -o $@ $(HOST_O) $(BIND_O) $(P)/liblector.a $(LPEG_A) $(LUA_A) -ledit $(SYSLIBS)

$(P)/liblector.a: $(CORE_O)
	rm -f $@ && ar rcs $@ $^

# A Lua C module for stock lua5.4: the interpreter provides the Lua API, so no Lua library is linked.
$(P)/lector.so: $(BIND_O) $(P)/liblector.a
	$(CC) $(OPT) $(SAN) -shared -o $@ $(BIND_O) $(P)/liblector.a $(SYSLIBS)

$(B)/core/%.o: host/core/%.c $(HEADERS) | $(B)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_CORE) -c -o $@ $<

$(B)/%.o: host/%.c $(HEADERS) | $(B)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

# A stored index is only read by a lector whose loader, tokenizer, tagger (with its model) and index
# code made it: store.c is told a checksum of that code.
INDEX_SRC := $(sort $(wildcard host/core/source/* host/core/text/* host/core/tag/* host/core/index/*) \
               host/core/corpus/annotate.c)
$(B)/core/store/store.o: host/core/store/store.c $(HEADERS) $(INDEX_SRC) | $(B)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_CORE) -DLECTOR_INDEX_CODE=0x$$(cat $(INDEX_SRC) | sha256sum | cut -c1-16)ull -c -o $@ $<

$(B)/embedded.c: host/tools/embed.lua $(LUAMODS) | $(B)
	lua5.4 host/tools/embed.lua $@ $(LUAMODS)

$(B)/embedded.o: $(B)/embedded.c
	$(CC) $(CFLAGS_ALL) -Wno-overlength-strings -c -o $@ $<

# The tagger's model is compiled into the library (builtin.c, .incbin); the trainer is linked with
# the tagger's own objects but that one, so that it can run with no model or a broken one.
# The model lives in the repository compressed (en.model.gz: a tracked file stays under 2 MB); the
# build unpacks it into $(B)/en.model, which builtin.c and test_tag read.
TAG_O := $(filter-out $(B)/core/tag/builtin.o,$(filter $(B)/core/tag/%,$(CORE_O)))
$(B)/en.model: host/core/tag/en.model.gz | $(B)
	gzip -dc $< > $@
$(B)/core/tag/builtin.o: host/core/tag/builtin.c $(B)/en.model $(HEADERS) | $(B)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_CORE) -DTG_MODEL_PATH='"$(B)/en.model"' -c -o $@ $<

$(B)/tagtrain: host/tools/tagtrain.c host/tools/conllu.c host/tools/conllu.h $(TAG_O)
	$(CC) $(CFLAGS_CORE) -Ihost/tools -o $@ host/tools/tagtrain.c host/tools/conllu.c $(TAG_O) -lpthread -lm

$(B)/tagacc: host/tools/tagacc.c host/tools/conllu.c host/tools/conllu.h $(P)/liblector.a
	$(CC) $(CFLAGS_CORE) -Ihost/tools -o $@ host/tools/tagacc.c host/tools/conllu.c $(P)/liblector.a $(SYSLIBS)

$(B)/tag_speed: bench/tag_speed.c host/tools/conllu.c host/tools/conllu.h $(P)/liblector.a
	$(CC) $(CFLAGS_CORE) -Ihost/tools -o $@ bench/tag_speed.c host/tools/conllu.c $(P)/liblector.a $(SYSLIBS)

# EWT_REPO: a clone of github.com/UniversalDependencies/UD_English-EWT (see host/tools/tagdata.sh)
train-tagger: deps $(B)/tagtrain
	host/tools/tagdata.sh $(B)/tagger
	$(B)/tagtrain -e 15 -d 10 -s 0.99 -w /usr/share/wordnet $(B)/en.model $(B)/tagger/train.conllu $(B)/tagger/dev.conllu
	gzip -9n -c $(B)/en.model > host/core/tag/en.model.gz

accuracy: deps $(B)/tagacc $(P)/lector
	@for t in bench/accuracy/*.conllu.gz; do $(B)/tagacc "$$t" || exit 1; done
	@$(P)/lector annotate corpus > /dev/null
	@$(P)/lector run bench/accuracy/positions.lua --corpus corpus
	@$(MAKE) -s accuracy-resolutions

# the resolution finder against spec/fixtures/resolutions/gold.tsv (bench/accuracy/resolutions.lua)
accuracy-resolutions: deps all
	@./lector bench/accuracy/resolutions.lua

tag-speed: deps $(B)/tag_speed
	$(B)/tag_speed

# drives the REPL through a pseudo-terminal in spec/cli/repl_spec.lua
$(B)/ptydrive: spec/support/ptydrive.c | $(B)
	$(CC) $(CFLAGS_ALL) -o $@ $< -lutil

$(B)/test_%: spec/c/test_%.c $(wildcard spec/c/*.h) $(HEADERS) $(P)/liblector.a $(B)/en.model
	$(CC) $(CFLAGS_CORE) -DTG_MODEL_PATH='"$(B)/en.model"' -Ispec/c -o $@ $< $(P)/liblector.a $(SYSLIBS)

$(B):
	mkdir -p $(B)

run: deps all
	./lector annotate corpus
	./lector run scripts/report.lua

test: deps all
	@spec/run-all.sh

# The whole suite under the sanitizers, built apart so that the normal build stays untouched.
check: deps
	$(MAKE) B=build-san P=build-san OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" all
	LECTOR_BUILD=build-san spec/run-all.sh

bench: deps all
	@bench/run.sh

# doc/api.md comes from the same source as help() in the REPL (host/lua/lector/apidoc.lua)
doc: $(P)/lector
	./lector -e 'io.write(require("lector.help").markdown())' > doc/api.md

peers: all
	../shared/peers/run-peer-suites.sh "$(CURDIR)/lector"

clean:
	rm -rf build build-san lector liblector.a lector.so
