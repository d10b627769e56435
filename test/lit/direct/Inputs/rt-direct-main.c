/* Direct bindings on ld.so.1: two libraries define who(), each calls its own; the program's own
 * who() reference is bound to the library it was found in at link time. libdla.so's a_read()
 * reads a_data, which a program built without -fPIE copies: a copied definition is reached
 * through the copy even by a direct binding. nxuser() reaches nx() directly unless libnx.so
 * refuses it (then the scope search finds the program's own nx()). parent_child() reaches, through libchild.so,
 * libparent.so's pfn() through its PARENT binding although libother.so's comes first. */
#include "../../rtld/Inputs/out.h"

const char *a_call(void);
const char *b_call(void);
const char *who(void);
extern int a_data;
int a_read(void);
const char *nxuser(void);
const char *parent_child(void);

const char *nx(void) { return "program"; }

int main(int argc, char **argv) {
  (void)argc;
  out("%s: a_call %s b_call %s who %s\n", argv[1], a_call(), b_call(), who());
  a_data = 9;
  out("%s: a_data %d a_read %d\n", argv[1], a_data, a_read());
  out("%s: nxuser %s child %s\n", argv[1], nxuser(), parent_child());
  return 0;
}
