# Seeds of fuzz/version-script.c (fuzz/seeds.sh version-script).
$(FUZZ_CORPUS)/version-script.stamp: fuzz/seeds.sh
	bash fuzz/seeds.sh version-script $(FUZZ_CORPUS)/version-script
	@touch $@
