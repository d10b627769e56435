/* 1000 exported functions sym000 ... sym999 returning their number, and 100 exported variables
   var00 ... var99, for hash-lookup-x64.test: the dynamic loader must find every one of them
   through whichever hash table the library carries. */
#define FN(n) int sym##n(void) { return 1##n - 1000; }
#define FN10(n) FN(n##0) FN(n##1) FN(n##2) FN(n##3) FN(n##4) FN(n##5) FN(n##6) FN(n##7) FN(n##8) FN(n##9)
#define FN100(n) FN10(n##0) FN10(n##1) FN10(n##2) FN10(n##3) FN10(n##4) FN10(n##5) FN10(n##6) \
    FN10(n##7) FN10(n##8) FN10(n##9)
FN100(0) FN100(1) FN100(2) FN100(3) FN100(4) FN100(5) FN100(6) FN100(7) FN100(8) FN100(9)

#define VAR(n) int var##n = 1##n - 100;
#define VAR10(n) VAR(n##0) VAR(n##1) VAR(n##2) VAR(n##3) VAR(n##4) VAR(n##5) VAR(n##6) VAR(n##7) \
    VAR(n##8) VAR(n##9)
VAR10(0) VAR10(1) VAR10(2) VAR10(3) VAR10(4) VAR10(5) VAR10(6) VAR10(7) VAR10(8) VAR10(9)
