# Seeds of fuzz/linker-script.c (fuzz/seeds.sh linker-script).
$(FUZZ_CORPUS)/linker-script.stamp: fuzz/seeds.sh
	bash fuzz/seeds.sh linker-script $(FUZZ_CORPUS)/linker-script
	@touch $@
