# Seeds of fuzz/archive.c (fuzz/seeds.sh archive).
$(FUZZ_CORPUS)/archive.stamp: fuzz/seeds.sh
	bash fuzz/seeds.sh archive $(FUZZ_CORPUS)/archive
	@touch $@
