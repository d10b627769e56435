#include "res-inline.h"
int f1(int x) { return twice(x) + 1; }
