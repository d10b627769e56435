/* The other translation unit of lto-main.c. */
int shared_common = 5;
__thread int tls_counter = 10;
static const int table[] = {1, 2, 3, 4};

int scale(int x) { return x * 6; }

int table_sum(void) {
  int s = 0;
  for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) s += table[i];
  return s;
}

void bump(int n) { tls_counter += n; }
