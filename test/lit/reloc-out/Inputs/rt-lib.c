__thread int tls_shared = 7;
int common_var;
static const char *const names[] = {"lib", "a mergeable string"};

int lib_value(int x) { return x * 10 + tls_shared + common_var; }
const char *lib_name(void) { return names[common_var & 1]; }
