int bad_fn(void);
int main(void) { return bad_fn() - 1; }
