/* Writable tables placed by path (FILE_PATH = sub/c.o), each in a section of its own. */
__attribute__((section(".tab1"))) int tab1[4] = {4, 5, 6, 7};
__attribute__((section(".tab2"))) int tab2[4] = {1, 2, 3, 6};
