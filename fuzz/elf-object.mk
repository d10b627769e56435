# Seeds of fuzz/elf-object.c (fuzz/seeds.sh elf-object).
$(FUZZ_CORPUS)/elf-object.stamp: fuzz/seeds.sh
	bash fuzz/seeds.sh elf-object $(FUZZ_CORPUS)/elf-object
	@touch $@
