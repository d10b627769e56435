# A shared object for the TLS link tests: two TLS variables (sa, sb) and __tls_get_addr.
.section .tdata,"awT",@progbits
.globl sa, sb
.type sa,@object
.type sb,@object
.p2align 3
sa: .quad 0x11
sb: .quad 0x22

.text
.globl __tls_get_addr
.type __tls_get_addr,@function
__tls_get_addr:
  ret

.data
.globl plain
.type plain,@object
plain: .quad 0
