# The second object of x64-merge.s: duplicates of the first one's pieces, new ones, and
# strings that the first one's are the suffixes of.
  .section .mstr1,"aMS",@progbits,1
b_world: .asciz "world"
b_new:   .asciz "new"
b_hello: .asciz "hello"

  .section .mstr2,"aMS",@progbits,2
x1: .short 'c', 'a', 'b', 0

  .section .mstr4,"aMS",@progbits,4
v1: .long 'y', 0
v2: .long 'x', 'y', 0

  .section .mcst,"aM",@progbits,8
d1: .quad 0x2222
d2: .quad 0x3333

  .data
  .quad .mstr1 + 10
  .quad b_new + 1
  .quad x1 + 2
  .quad v1
  .quad d2
  .quad .mcst + 8
