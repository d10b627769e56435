/* The program the libtool project links against its shared library. */
int hello(const char *who);
int main(void) { return hello("libtool") + hello("tld") == 3 ? 0 : 1; }
