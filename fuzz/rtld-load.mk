# libFuzzer target for ld.so.1's object loader (fuzz/rtld-load.c): rtld's own loader sources
# built for the host with the fuzzing flags (none of tld's objects, no harness), and a seed corpus
# of real shared objects: ld.so.1 itself and the libraries scripts/rtld-mutate.py builds from
# the rtld tests' inputs (TLS of every model, versions, initialisers, lazy and immediate binding).
FUZZ_rtld-load_SRCS := rtld/load.c rtld/lookup.c rtld/reloc.c rtld/util.c
FUZZ_rtld-load_CFLAGS := -fno-builtin -I. -Irtld -Iarch/x64 -DRTLD_PREFIX='"/usr/local"'
FUZZ_rtld-load_NOLIB := 1

$(FUZZ_DIR)/rtld-load: $(wildcard rtld/*.h rtld/include/*.h arch/x64/*.h)

$(FUZZ_CORPUS)/rtld-load.stamp: scripts/rtld-mutate.py $(BUILD)/lib/x64/ld.so.1 \
                                $(BUILD)/lib/x64/crt1.o
	rm -rf $(FUZZ_CORPUS)/rtld-load $(FUZZ_DIR)/rtld-load-seeds
	$(PYTHON) scripts/rtld-mutate.py --count 0 --build $(BUILD) --out $(FUZZ_DIR)/rtld-load-seeds
	mkdir -p $(FUZZ_CORPUS)/rtld-load
	cp $(FUZZ_DIR)/rtld-load-seeds/seeds/*.so $(BUILD)/lib/x64/ld.so.1 $(FUZZ_CORPUS)/rtld-load/
	rm -rf $(FUZZ_DIR)/rtld-load-seeds
	@touch $@
