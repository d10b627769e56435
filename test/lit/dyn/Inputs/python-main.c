/* The interpreter of python-x64.test. */
#include <Python.h>

int main(int c, char **v) { return Py_BytesMain(c, v); }
