# Seeds of fuzz/shared-object.c (fuzz/seeds.sh shared-object).
$(FUZZ_CORPUS)/shared-object.stamp: fuzz/seeds.sh
	bash fuzz/seeds.sh shared-object $(FUZZ_CORPUS)/shared-object
	@touch $@
