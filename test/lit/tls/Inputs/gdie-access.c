/* One variable of a shared object reached three ways from inside it: General Dynamic (built
 * with -DNAME=gd_addr), descriptors (-mtls-dialect=gnu2, -DNAME=desc_addr) and Initial Exec
 * (-ftls-model=initial-exec, -DNAME=ie_addr). */
extern __thread long tv;
long *NAME(void) { return &tv; }
