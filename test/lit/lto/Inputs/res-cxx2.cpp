#include "res-inline.h"
int f1(int);
int main() { return twice(f1(3)) - 14; }
