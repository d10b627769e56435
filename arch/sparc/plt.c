/* SPARC PLT templates: not written yet.
 *
 * SPARC lazy binding differs from x86: the PLT lives in a writable, executable section that the
 * dynamic linker patches at run time (.plt is both the code and the "GOT" of the calls), and the
 * 32-bit and 64-bit layouts differ (sparcv9 switches to a far form after 32768 entries). Until
 * dynamic linking on SPARC is done both targets report no PLT (sizes 0, writers NULL), so the core
 * must not ask for PLT entries there; static links need none, and IFUNC is not supported on SPARC
 * yet. This file exists so that arch/sparc has the same files as its siblings. */
#include "ld/target.h"
