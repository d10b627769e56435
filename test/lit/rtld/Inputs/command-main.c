/* Run by ld.so.1 as a command: it must see its own argc, argv and environment. */
#include "out.h"
int greet(void);
int main(int argc, char **argv, char **envp) {
  out("argc %d:", argc);
  for (int i = 0; i < argc; i++) out(" [%s]", argv[i]);
  const char *v = "";
  for (char **e = envp; *e; e++)
    if (!memcmp(*e, "CMDTEST=", 8)) v = *e + 8;
  out(" env %s greet %d\n", v, greet());
  return argc > 2 ? 3 : 0;
}
