# libFuzzer target for ld.so.1's object loader (fuzz/rtld-load.c): rtld's own loader sources built
# for the host with clang -fsanitize=fuzzer,address,undefined, and a seed corpus of real shared
# objects (ld.so.1 itself and libraries built from the rtld tests' inputs).
#
# Standalone, before the tree's `make fuzz` framework includes this fragment (after `make`):
#   make -f Makefile -f fuzz/rtld-load.mk rtld-load-fuzz              # build and run FUZZ_TIME s
#   build/fuzz/rtld-load -max_total_time=600 build/fuzz/rtld-load-corpus   # a longer campaign
# Crashes are written to build/fuzz/rtld-load-crashes/.

FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_SANITIZE ?= -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
RTLD_LOAD_FUZZ := build/fuzz/rtld-load
RTLD_LOAD_CORPUS := build/fuzz/rtld-load-corpus
RTLD_LOAD_SRCS := fuzz/rtld-load.c rtld/load.c rtld/lookup.c rtld/reloc.c rtld/util.c

$(RTLD_LOAD_FUZZ): $(RTLD_LOAD_SRCS) $(wildcard rtld/*.h rtld/include/*.h arch/x64/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) -g -O1 $(FUZZ_SANITIZE) -std=c11 -Wall -Wextra -fno-builtin -I. -Irtld -Iarch/x64 \
	  -DRTLD_PREFIX='"/usr/local"' -o $@ $(RTLD_LOAD_SRCS)

# Seeds: real objects of every kind the loader meets (TLS models, versions, initialisers).
$(RTLD_LOAD_CORPUS)/.stamp: scripts/rtld-mutate.py $(RTLD_X64)
	@mkdir -p $(@D)
	python3 scripts/rtld-mutate.py --count 0 --out build/fuzz/rtld-load-seeds
	cp build/fuzz/rtld-load-seeds/seeds/*.so $(RTLD_X64) $(@D)/
	touch $@

.PHONY: rtld-load-fuzz
rtld-load-fuzz: $(RTLD_LOAD_FUZZ) $(RTLD_LOAD_CORPUS)/.stamp
	@mkdir -p build/fuzz/rtld-load-crashes
	$(RTLD_LOAD_FUZZ) -max_total_time=$(FUZZ_TIME) -artifact_prefix=build/fuzz/rtld-load-crashes/ \
	  $(RTLD_LOAD_CORPUS)
