/* A plugin that dlopen-host.c loads: thread-local state in the plugin (general and local dynamic
   models, as -fPIC compiles it), a constructor, and a call back into the host's exported API. */
#include <stdio.h>

static __thread int calls;
__thread char plugin_buf[32] = "plugin-tls";
static int constructed;

extern int host_api(int);

__attribute__((constructor)) static void plugin_init(void) { constructed = 1; }

int plugin_run(int x) {
    calls++;
    plugin_buf[0] = (char)('A' + calls);
    return host_api(x) + calls * 100 + constructed * 1000;
}

const char *plugin_text(void) { return plugin_buf; }

int plugin_calls(void) { return calls; }
