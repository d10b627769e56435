# Fuzz targets (fuzz/README): each fuzz/<name>.c is a libFuzzer target, built as
# $(FUZZ_DIR)/<name>; an optional fuzz/<name>.mk may set FUZZ_<name>_SRCS, FUZZ_<name>_CFLAGS,
# FUZZ_<name>_LDFLAGS and FUZZ_<name>_NOLIB, and give $(FUZZ_CORPUS)/<name>.stamp a rule that
# fills $(FUZZ_CORPUS)/<name>/ with seeds. Included by the top-level Makefile after the tld
# sources (SRCS, OBJDIR, TLD_CPPFLAGS) are known.

FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_CHECK_TIME ?= 3
# The same targets whatever SANITIZE says: they are always sanitized.
FUZZ_DIR := build/fuzz
FUZZ_OBJDIR := $(FUZZ_DIR)/obj
FUZZ_CORPUS := $(FUZZ_DIR)/corpus
FUZZ_CFLAGS := -std=c11 -g -O1 -fno-omit-frame-pointer -pthread \
               -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LINK_FLAGS := -fsanitize=fuzzer,address,undefined -pthread -ldl $(TLD_LIBS)
# The harness (fuzz/common/harness.c) takes the link-editor's exits, arena and file mappings.
FUZZ_WRAP := -Wl,--wrap=exit,--wrap=ld_zalloc,--wrap=ld_map_file,--wrap=ld_map_input \
             -Wl,--wrap=free,--wrap=ld_xmalloc,--wrap=ld_xcalloc,--wrap=ld_xrealloc \
             -Wl,--wrap=ld_xstrdup,--wrap=ld_sprintf

FUZZ_ALL_TARGETS := $(sort $(patsubst fuzz/%.c,%,$(wildcard fuzz/*.c)))
FUZZ_TARGETS ?= $(FUZZ_ALL_TARGETS)

# tld without its main(), and the harness. The mapfile parser and lexer are generated here too,
# so that the targets do not depend on which build (SANITIZE or not) generated them last.
FUZZ_GEN := $(FUZZ_OBJDIR)/gen/mapfile/parser.c $(FUZZ_OBJDIR)/gen/mapfile/lexer.c
FUZZ_CPPFLAGS := -I$(FUZZ_OBJDIR)/gen/mapfile $(TLD_CPPFLAGS) -Ifuzz
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_OBJDIR)/%.o,$(filter-out ld/main.c $(MAPFILE_GEN),$(SRCS))) \
                 $(FUZZ_GEN:.c=.o)
FUZZ_COMMON_OBJS := $(patsubst %.c,$(FUZZ_OBJDIR)/%.o,$(wildcard fuzz/common/*.c))

$(FUZZ_OBJDIR)/gen/mapfile/parser.c: mapfile/parser.y
	@mkdir -p $(@D)
	$(BISON) -d -o $@ $<
$(FUZZ_OBJDIR)/gen/mapfile/lexer.c: mapfile/lexer.l $(FUZZ_OBJDIR)/gen/mapfile/parser.c
	@mkdir -p $(@D)
	$(FLEX) -o $@ $<

$(FUZZ_OBJDIR)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ_GEN:.c=.o): %.o: %.c
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(patsubst %.c,$(FUZZ_OBJDIR)/%.o,$(wildcard mapfile/*.c)): | $(FUZZ_OBJDIR)/gen/mapfile/parser.c

-include $(FUZZ_LIB_OBJS:.o=.d) $(FUZZ_COMMON_OBJS:.o=.d)

# Seed corpora: a target's fragment gives its own rule; otherwise it starts empty.
$(FUZZ_CORPUS)/%.stamp:
	@mkdir -p $(FUZZ_CORPUS)/$*
	@touch $@

-include $(filter-out fuzz/fuzz.mk,$(wildcard fuzz/*.mk))

# One target: its sources (with its flags), then the link.
define FUZZ_TARGET_RULES
FUZZ_$(1)_OBJS := $$(patsubst %.c,$$(FUZZ_OBJDIR)/$(1)/%.o,$$(FUZZ_$(1)_SRCS))
$$(FUZZ_$(1)_OBJS): $$(FUZZ_OBJDIR)/$(1)/%.o: %.c
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(FUZZ_CPPFLAGS) $$(FUZZ_CFLAGS) $$(FUZZ_$(1)_CFLAGS) -MMD -MP -c -o $$@ $$<
-include $$(FUZZ_$(1)_OBJS:.o=.d)
$$(FUZZ_DIR)/$(1): fuzz/$(1).c $$(FUZZ_$(1)_OBJS) \
                   $$(if $$(FUZZ_$(1)_NOLIB),,$$(FUZZ_LIB_OBJS) $$(FUZZ_COMMON_OBJS)) \
                   $$(wildcard fuzz/common/*.h)
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(FUZZ_CPPFLAGS) $$(FUZZ_CFLAGS) $$(FUZZ_$(1)_CFLAGS) -o $$@ fuzz/$(1).c \
	    $$(FUZZ_$(1)_OBJS) $$(if $$(FUZZ_$(1)_NOLIB),,$$(FUZZ_LIB_OBJS) $$(FUZZ_COMMON_OBJS) \
	    $$(FUZZ_WRAP)) $$(FUZZ_LINK_FLAGS) $$(FUZZ_$(1)_LDFLAGS)
endef
$(foreach t,$(FUZZ_ALL_TARGETS),$(eval $(call FUZZ_TARGET_RULES,$(t))))

.PHONY: fuzz fuzz-build fuzz-ready

# What `make check` builds: the targets when FUZZ_CC can link a libFuzzer target. Without clang's
# libFuzzer (packages clang and libclang-rt-14-dev, which scripts/deps.sh installs) that is a
# failure under CI=true or TLD_REQUIRE_ALL=1, and elsewhere a warning (test/lit/fuzz's tests are
# then unsupported). After `all`: the sub-make must not build tld or ld.so.1 (the rtld-load seeds
# need them) while this make does.
fuzz-ready: all
	@t=$$(mktemp -d "$${TMPDIR:-/tmp}/tld-fuzz-probe.XXXXXX") && \
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' >$$t/p.c && \
	if $(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $$t/p $$t/p.c >$$t/log 2>&1; then \
	  rm -rf $$t; $(MAKE) --no-print-directory fuzz-build; \
	elif [ "$$CI" = true ] || [ "$$TLD_REQUIRE_ALL" = 1 ]; then \
	  echo "fuzz: error: $(FUZZ_CC) cannot link a libFuzzer target (packages clang and" \
	       "libclang-rt-14-dev; run scripts/deps.sh --check as root):" >&2; \
	  sed 's/^/fuzz:   /' $$t/log >&2; rm -rf $$t; exit 1; \
	else \
	  echo "fuzz: warning: $(FUZZ_CC) cannot link a libFuzzer target (packages clang and" \
	       "libclang-rt-14-dev): the fuzz targets are not built, test/lit/fuzz is unsupported" >&2; \
	  rm -rf $$t; \
	fi

fuzz-build: $(addprefix $(FUZZ_DIR)/,$(FUZZ_ALL_TARGETS)) \
            $(addprefix $(FUZZ_CORPUS)/,$(addsuffix .stamp,$(FUZZ_ALL_TARGETS)))

# One target after the other (the machine is shared): fuzz/run.sh prints executions and findings.
fuzz: fuzz-build
	bash fuzz/run.sh -k -t $(FUZZ_TIME) $(FUZZ_DIR) $(FUZZ_TARGETS)
