# Seeds of fuzz/mapfile.c (fuzz/seeds.sh mapfile).
$(FUZZ_CORPUS)/mapfile.stamp: fuzz/seeds.sh
	bash fuzz/seeds.sh mapfile $(FUZZ_CORPUS)/mapfile
	@touch $@
