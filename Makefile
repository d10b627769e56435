# tld — top-level build.
#
#   make              build build/bin/tld and build/gnu/ld (a symlink for `cc -B build/gnu/`)
#   make check        install or verify the test dependencies, build, run the lit suites
#   make demo         build tld and show it at work (examples/demo.sh)
#   make stress       the stress tests, a hundred times longer than make check runs them
#   make bench        link speed against the other linkers (bench/bench.sh)
#   make bench-startup  start-up with 100 dependencies, lazy loading and direct bindings against
#                     glibc's loader (bench/startup.sh)
#   make compat       build Debian source packages with GNU ld and with tld, run their tests
#                     both ways, print a table (scripts/compat.sh; not part of make check)
#   make install      PREFIX=/usr/local (DESTDIR honoured): bin/tld, every target's ld.so.1 and
#                     crt1.o (lib/tld/<target>/), rtld.h (include/tld/) and the man pages
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
# Every function another file calls is declared in a header (-Wmissing-prototypes), with its
# parameters (-Wstrict-prototypes); nothing is declared twice (-Wredundant-decls).
WARNINGS := -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes -Wredundant-decls
TLD_CFLAGS := -std=c11 $(WARNINGS) -pthread
# The default program interpreter is the runtime linker installed under PREFIX.
TLD_CPPFLAGS := -D_GNU_SOURCE -I. -Icommon -DTLD_PREFIX='"$(PREFIX)"'
TLD_LDFLAGS := -pthread
# Compressed debug sections, read and written (zlib1g-dev, libzstd-dev).
TLD_LIBS := -lzstd -lz
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

.PHONY: all check deps sysroot lit demo bench bench-startup compat install lint clean stress

all: $(TLD) $(GNU_LD)

$(TLD): $(OBJS)
	@mkdir -p $(@D)
	$(CC) $(TLD_LDFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(TLD_LIBS) $(LDLIBS)

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

# The suites find tld (and rtld beside it) under TLD_BUILD; test/lit/fuzz runs the fuzz targets
# (fuzz-ready: fuzz/fuzz.mk).
lit: all sysroot fuzz-ready
	TLD_BUILD=$(abspath $(BUILD)) $(LIT) $(LITFLAGS) test/lit

# rtld's stress tests at full counts (lit.cfg.py: TLD_STRESS): 100,000 detached threads,
# 100,000 dlopen/dlclose cycles of TLS modules with threads alive, 9,000 rounds of first TLS
# accesses from signal handlers, and on every target a hundred times the rounds of signal storms
# during dlopen/dlclose (tls-signal). Each test's time is printed.
stress: all sysroot
	TLD_STRESS=1 $(LIT) -sv --time-tests test/lit/rtld/thread-detach.test \
	  test/lit/rtld/tls-reuse.test test/lit/rtld/tls-dlopen-x64.test \
	  $(wildcard test/lit/rtld/tls-signal-*.test)

demo: all sysroot
	bash examples/demo.sh

# Link speed against GNU ld, gold, lld and mold (bench/bench.sh; needs ../shared/bench).
bench: all
	bash bench/bench.sh

# Start-up of a program with 100 dependencies, 5 used at start-up: normal and -z lazyload
# -B direct builds under tld's ld.so.1 and glibc's loader (bench/startup.sh; not in make check).
bench-startup: all
	bash bench/startup.sh

# Real builds: zlib, Lua, libuv, tinyxml2, expat and SQLite from their Debian sources, once with
# GNU ld and once with tld (scripts/compat.sh; PACKAGES= picks some, fmtlib included, JOBS= the
# parallelism).
compat: all
	bash scripts/deps.sh --compat
	bash scripts/compat.sh $(PACKAGES)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(TLD) $(DESTDIR)$(PREFIX)/bin/tld
	install -d $(DESTDIR)$(PREFIX)/include/tld
	for t in $(RTLD_TARGETS); do \
	  install -d $(DESTDIR)$(PREFIX)/lib/tld/$$t && \
	  install -m 755 $(BUILD)/lib/$$t/ld.so.1 $(DESTDIR)$(PREFIX)/lib/tld/$$t/ld.so.1 && \
	  install -m 644 $(BUILD)/lib/$$t/crt1.o $(DESTDIR)$(PREFIX)/lib/tld/$$t/crt1.o || exit 1; \
	done
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

# ---- rtld: the runtime linker ld.so.1 and crt1.o for every target (DESIGN.md §8) ------------
# One set of sources (rtld/*.c) built per target with that target's compiler, plus the target's
# arch/<dir>/{start,bind,crt1}.S and rtld_arch.h; linked by tld itself into
# build/lib/<target>/ld.so.1. Built freestanding; -Bsymbolic binds rtld's own references inside
# it, so its only dynamic relocations are RELATIVE ones, which stage 1 applies. The C code never
# touches a floating-point or vector register (-mgeneral-regs-only on x86, -mno-fpu on SPARC), so
# the lazy-binding trampolines and the TLS stubs only have general registers to keep; on SPARC it
# also leaves the application registers %g2-%g4 alone (-mno-app-regs), as the ABI asks of system
# code. -fno-tree-loop-distribute-patterns keeps memcpy and friends from compiling into calls to
# themselves. A target whose compiler is missing is left out with a warning (scripts/deps.sh
# installs them; `make check` needs every target).
SPARC_CC ?= sparc64-linux-gnu-gcc
RTLD_CC_x64 = $(CC)
RTLD_CC_x86 = $(CC) -m32
RTLD_CC_sparcv9 = $(SPARC_CC) -m64
RTLD_CC_sparc = $(SPARC_CC) -m32
RTLD_ARCH_x64 := x64
RTLD_ARCH_x86 := x86
RTLD_ARCH_sparcv9 := sparc
RTLD_ARCH_sparc := sparc
RTLD_MFLAGS_x64 := -mgeneral-regs-only
RTLD_MFLAGS_x86 := -mgeneral-regs-only
RTLD_MFLAGS_sparcv9 := -mno-fpu -mno-app-regs
RTLD_MFLAGS_sparc := -mno-fpu -mno-app-regs
RTLD_TARGETS := x64 x86
ifneq ($(shell command -v $(SPARC_CC) 2>/dev/null),)
RTLD_TARGETS += sparcv9 sparc
else
$(warning $(SPARC_CC) not found: ld.so.1 for sparc and sparcv9 is not built (scripts/deps.sh --check))
endif
RTLD_CFLAGS := -std=c11 -O2 -g $(WARNINGS) -ffreestanding -fPIC -fvisibility=hidden \
               -fno-stack-protector -nostdlib -fno-builtin -fno-tree-loop-distribute-patterns \
               -fno-plt
RTLD_SRCS := $(sort $(wildcard rtld/*.c))

# rtld_target TARGET: the objects, ld.so.1 and crt1.o of one target.
define rtld_target
RTLD_OBJDIR_$(1) := $$(OBJDIR)/rtld/$(1)
RTLD_OBJS_$(1) := $$(patsubst rtld/%.c,$$(RTLD_OBJDIR_$(1))/%.o,$$(RTLD_SRCS)) \
                  $$(RTLD_OBJDIR_$(1))/start.o $$(RTLD_OBJDIR_$(1))/bind.o
RTLD_CPPFLAGS_$(1) := -I. -Irtld -Iarch/$$(RTLD_ARCH_$(1)) -DRTLD_PREFIX='"$$(PREFIX)"'

all: $$(BUILD)/lib/$(1)/ld.so.1 $$(BUILD)/lib/$(1)/crt1.o

$$(RTLD_OBJDIR_$(1))/%.o: rtld/%.c
	@mkdir -p $$(@D)
	$$(RTLD_CC_$(1)) $$(RTLD_CPPFLAGS_$(1)) $$(RTLD_CFLAGS) $$(RTLD_MFLAGS_$(1)) -MMD -MP -c -o $$@ $$<

$$(RTLD_OBJDIR_$(1))/%.o: arch/$$(RTLD_ARCH_$(1))/%.S
	@mkdir -p $$(@D)
	$$(RTLD_CC_$(1)) $$(RTLD_CPPFLAGS_$(1)) -MMD -MP -c -o $$@ $$<

$$(BUILD)/lib/$(1)/ld.so.1: $$(RTLD_OBJS_$(1)) $$(TLD)
	@mkdir -p $$(@D)
	$$(TLD) -shared -Bsymbolic -z now -e _rtld_start -soname ld.so.1 -o $$@ $$(RTLD_OBJS_$(1))

$$(BUILD)/lib/$(1)/crt1.o: arch/$$(RTLD_ARCH_$(1))/crt1.S arch/$$(RTLD_ARCH_$(1))/rtld_arch.h
	@mkdir -p $$(@D)
	$$(RTLD_CC_$(1)) $$(RTLD_CPPFLAGS_$(1)) -c -o $$@ $$<

-include $$(RTLD_OBJS_$(1):.o=.d)
endef
$(foreach t,$(RTLD_TARGETS),$(eval $(call rtld_target,$(t))))
# ---- end of rtld ----------------------------------------------------------------------------
