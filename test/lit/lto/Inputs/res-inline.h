// An inline function: a COMDAT group in every unit that uses it.
inline int twice(int x) { return 2 * x; }
