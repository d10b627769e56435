# In the library the plugin adds (add_input_library): late_fn is needed only by the plugin's
# objects, so its member is extracted after all_symbols_read.
  .text
  .globl late_fn
late_fn:
  mov $4, %eax
  ret
