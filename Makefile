# tld — top-level build.
#
#   make              build build/bin/tld and build/gnu/ld (a symlink for `cc -B build/gnu/`)
#   make check        install or verify the test dependencies, build, run the lit suites
#   make demo         build tld and show it at work (examples/demo.sh)
#   make install      PREFIX=/usr/local (DESTDIR honoured): bin/tld and the man pages
#   make lint         clang-format --dry-run over every C source and header
#   make fuzz         build the fuzz targets and run each for FUZZ_TIME seconds (fuzz/README)
#   make clean        remove build/
#
# SANITIZE=1 (with any of the above: `make check SANITIZE=1`) builds tld with AddressSanitizer and
# UndefinedBehaviorSanitizer into build/san/ and runs the suites against it; rtld stays
# freestanding.
#
# Sources are found by wildcard, so a new .c file under common/elf/, ld/ or arch/<target>/ needs
# no edit here. Every object lands under build/obj/ mirroring the source tree, with a .d file
# beside it (-MMD -MP) so header edits rebuild exactly what they should.

# CC is make's default (cc); override with `make CC=clang`.

# lit runs under the system Python, where python3-psutil (per-test time limits) is installed.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3) python3)
CLANG_FORMAT ?= clang-format
PREFIX ?= /usr/local
DESTDIR ?=

.DEFAULT_GOAL := all

CFLAGS ?= -O2 -g
TLD_CFLAGS := -std=c11 -Wall -Wextra -pthread
# The default program interpreter is the runtime linker installed under PREFIX.
TLD_CPPFLAGS := -D_GNU_SOURCE -I. -Icommon -DTLD_PREFIX='"$(PREFIX)"'
TLD_LDFLAGS := -pthread
# zlib inflates compressed (SHF_COMPRESSED) input sections.
TLD_LDLIBS := -lz
LDLIBS ?=
ifeq ($(SANITIZE),1)
TLD_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
TLD_LDFLAGS += -fsanitize=address,undefined
endif

SANITIZE ?=
BUILD := $(if $(filter 1,$(SANITIZE)),build/san,build)
OBJDIR := $(BUILD)/obj
BINDIR := $(BUILD)/bin
GNUDIR := $(BUILD)/gnu

TLD := $(BINDIR)/tld
GNU_LD := $(GNUDIR)/ld

SRCS := $(sort $(wildcard common/elf/*.c ld/*.c arch/*/*.c))

# Mapfile front end (DESIGN.md §6). When mapfile/lexer.l and mapfile/parser.y exist, uncomment:
#
BISON ?= bison
FLEX ?= flex
MAPFILE_GEN := $(OBJDIR)/mapfile/parser.c $(OBJDIR)/mapfile/lexer.c
SRCS += $(wildcard mapfile/*.c) $(MAPFILE_GEN)
TLD_CPPFLAGS += -Imapfile -I$(OBJDIR)/mapfile
$(OBJDIR)/mapfile/parser.c: mapfile/parser.y
	@mkdir -p $(@D)
	$(BISON) -d -o $@ $<
$(OBJDIR)/mapfile/lexer.c: mapfile/lexer.l $(OBJDIR)/mapfile/parser.c
	@mkdir -p $(@D)
	$(FLEX) -o $@ $<
$(patsubst %.c,$(OBJDIR)/%.o,$(wildcard mapfile/*.c)): | $(OBJDIR)/mapfile/parser.c
#
# (Generated sources already live under $(OBJDIR); the object rule below strips that prefix.)

OBJS := $(patsubst %.c,$(OBJDIR)/%.o,$(patsubst $(OBJDIR)/%,%,$(SRCS)))
DEPS := $(OBJS:.o=.d)

# LLVM 14's lit (package llvm-14-tools); a `lit` on PATH serves when that is absent.
LIT_PY := /usr/lib/llvm-14/build/utils/lit/lit.py
ifneq ($(wildcard $(LIT_PY)),)
LIT ?= $(PYTHON) $(LIT_PY)
else
LIT ?= lit
endif
LITFLAGS ?= -sv
NPROC := $(shell nproc 2>/dev/null || echo 2)

MAN1 := $(wildcard man/*.1)
MAN5 := $(wildcard man/*.5)
LINT_SRCS := $(sort $(wildcard common/*/*.[ch] common/*.[ch] ld/*.[ch] arch/*/*.[ch] \
                               mapfile/*.[ch] rtld/*.[ch] rtld/include/*.h examples/*.c \
                               fuzz/*.c fuzz/common/*.[ch]))

.PHONY: all check deps sysroot lit demo bench install lint clean

all: $(TLD) $(GNU_LD)

$(TLD): $(OBJS)
	@mkdir -p $(@D)
	$(CC) $(TLD_LDFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(TLD_LDLIBS) $(LDLIBS)

# A relative link, so the build tree can move and `cc -B build/gnu/` finds `ld` there.
$(GNU_LD): | $(TLD)
	@mkdir -p $(@D)
	ln -sfn ../bin/tld $@

$(OBJDIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(TLD_CPPFLAGS) $(CPPFLAGS) $(TLD_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# Generated sources (see the mapfile hook above) compile from their place under $(OBJDIR).
$(OBJDIR)/%.o: $(OBJDIR)/%.c
	$(CC) $(TLD_CPPFLAGS) $(CPPFLAGS) $(TLD_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPS)

# deps.sh runs before anything is compiled: as root it installs what is missing, otherwise it
# prints the apt-get line and fails. The build and the tests then run in a fresh make so that
# compilers installed a moment ago are the ones used.
check:
	bash scripts/deps.sh --check
	$(MAKE) $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC)) lit

deps:
	bash scripts/deps.sh --check

# The qemu-sparc32plus sysroot under build/ (lit and the demo pass it with -L).
sysroot:
	bash scripts/deps.sh --sysroot

# The suites find tld (and rtld beside it) under TLD_BUILD; test/lit/fuzz runs the fuzz targets.
lit: all sysroot fuzz-build
	TLD_BUILD=$(abspath $(BUILD)) $(LIT) $(LITFLAGS) test/lit

demo: all sysroot
	bash examples/demo.sh

# Link speed against GNU ld, gold, lld and mold (bench/bench.sh; needs ../shared/bench).
bench: all
	bash bench/bench.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(TLD) $(DESTDIR)$(PREFIX)/bin/tld
	install -d $(DESTDIR)$(PREFIX)/lib/tld/x64 $(DESTDIR)$(PREFIX)/include/tld
	install -m 755 $(BUILD)/lib/x64/ld.so.1 $(DESTDIR)$(PREFIX)/lib/tld/x64/ld.so.1
	install -m 644 $(BUILD)/lib/x64/crt1.o $(DESTDIR)$(PREFIX)/lib/tld/x64/crt1.o
	install -m 644 rtld/include/*.h $(DESTDIR)$(PREFIX)/include/tld/
ifneq ($(MAN1),)
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(MAN1) $(DESTDIR)$(PREFIX)/share/man/man1/
endif
ifneq ($(MAN5),)
	install -d $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 $(MAN5) $(DESTDIR)$(PREFIX)/share/man/man5/
endif

lint:
ifneq ($(LINT_SRCS),)
	$(CLANG_FORMAT) --dry-run --Werror $(LINT_SRCS)
endif

clean:
	rm -rf $(BUILD)

# ---- fuzzing: libFuzzer targets for every input reader (fuzz/README, fuzz/fuzz.mk) ----------
include fuzz/fuzz.mk

# ---- rtld: the runtime linker ld.so.1 and crt1.o for x86-64 (DESIGN.md §8) ------------------
# Built freestanding and linked by tld itself. -Bsymbolic binds rtld's own references inside it,
# so its only dynamic relocations are RELATIVE ones, which stage 1 applies. -mgeneral-regs-only
# keeps every vector register out of rtld's C code (bind.S and the TLS stubs rely on it);
# -fno-tree-loop-distribute-patterns keeps memcpy and friends from compiling into calls to
# themselves.
RTLD_X64_DIR := $(BUILD)/lib/x64
RTLD_X64 := $(RTLD_X64_DIR)/ld.so.1
CRT1_X64 := $(RTLD_X64_DIR)/crt1.o
RTLD_OBJDIR_X64 := $(OBJDIR)/rtld/x64
RTLD_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -ffreestanding -fPIC -fvisibility=hidden \
               -fno-stack-protector -nostdlib -fno-builtin -fno-tree-loop-distribute-patterns \
               -mgeneral-regs-only -fno-plt
RTLD_CPPFLAGS_X64 := -I. -Irtld -Iarch/x64
RTLD_SRCS := $(sort $(wildcard rtld/*.c))
RTLD_X64_OBJS := $(patsubst rtld/%.c,$(RTLD_OBJDIR_X64)/%.o,$(RTLD_SRCS)) \
                 $(RTLD_OBJDIR_X64)/start.o $(RTLD_OBJDIR_X64)/bind.o

all: $(RTLD_X64) $(CRT1_X64)

$(RTLD_OBJDIR_X64)/%.o: rtld/%.c
	@mkdir -p $(@D)
	$(CC) $(RTLD_CPPFLAGS_X64) $(RTLD_CFLAGS) -MMD -MP -c -o $@ $<

$(RTLD_OBJDIR_X64)/%.o: arch/x64/%.S
	@mkdir -p $(@D)
	$(CC) $(RTLD_CPPFLAGS_X64) -MMD -MP -c -o $@ $<

$(RTLD_X64): $(RTLD_X64_OBJS) $(TLD)
	@mkdir -p $(@D)
	$(TLD) -shared -Bsymbolic -z now -e _rtld_start -soname ld.so.1 -o $@ $(RTLD_X64_OBJS)

$(CRT1_X64): arch/x64/crt1.S
	@mkdir -p $(@D)
	$(CC) -c -o $@ $<

-include $(RTLD_X64_OBJS:.o=.d)
# ---- end of rtld ----------------------------------------------------------------------------
