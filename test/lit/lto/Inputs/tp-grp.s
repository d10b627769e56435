# A regular object after the claimed one, with the same COMDAT group: the claimed file took the
# group first, so this one's `inl` is discarded (and counts as a reference), and the plugin's
# object, which replaces the claimed file, keeps the group.
  .section .text.inl,"axG",@progbits,inl,comdat
  .weak inl
inl:
  mov $100, %eax
  ret
