# Options real builds pass, each checked against GNU ld on the same objects.
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/orphan.s -o %t/orphan.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/exec.s -o %t/exec.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/nonote.s -o %t/nonote.o

## --require-defined: as -u, and an error when the symbol stays undefined.
# RUN: not %ld-bfd %t/a.o --require-defined=nosuch -o %t/x 2>&1 | FileCheck %s --check-prefix=REQ-GNU
# RUN: not %tld %t/a.o --require-defined=nosuch -o %t/x 2>&1 | FileCheck %s --check-prefix=REQ
# REQ-GNU: required symbol `nosuch' not defined
# REQ: tld: error: required symbol 'nosuch' is not defined (--require-defined)
# RUN: %ld-bfd %t/a.o --require-defined=func1 -o %t/x
# RUN: %tld %t/a.o --require-defined=func1 -o %t/x

## -z nodefaultlib: DF_1_NODEFLIB.
# RUN: %ld-bfd -shared -z nodefaultlib %t/a.o -o %t/nd.gnu
# RUN: %tld -shared -z nodefaultlib %t/a.o -o %t/nd.tld
# RUN: llvm-readelf -d %t/nd.gnu | FileCheck %s --check-prefix=NODEFLIB
# RUN: llvm-readelf -d %t/nd.tld | FileCheck %s --check-prefix=NODEFLIB
# NODEFLIB: (FLAGS_1) NODEFLIB

## --package-metadata: an FDO note with the JSON text, the same bytes as GNU ld writes.
# RUN: %ld-bfd -shared %t/a.o '--package-metadata={"type":"deb","name":"x"}' -o %t/pm.gnu
# RUN: %tld -shared %t/a.o '--package-metadata={"type":"deb","name":"x"}' -o %t/pm.tld
# RUN: llvm-readelf -x .note.package %t/pm.gnu | FileCheck %s --check-prefix=PKG
# RUN: llvm-readelf -x .note.package %t/pm.tld | FileCheck %s --check-prefix=PKG
# PKG:      Hex dump of section '.note.package':
# PKG-NEXT: 0x{{[0-9a-f]+}} 04000000 1c000000 7e1afeca 46444f00 ........~...FDO.
# PKG-NEXT: 0x{{[0-9a-f]+}} 7b227479 7065223a 22646562 222c226e {"type":"deb","n
# PKG-NEXT: 0x{{[0-9a-f]+}} 616d6522 3a227822 7d000000          ame":"x"}...
# RUN: llvm-readelf -n -l %t/pm.tld | FileCheck %s --check-prefix=PKG-NOTE
# PKG-NOTE: NOTE
# PKG-NOTE: FDO 0x0000001c Unknown note type: (0xcafe1a7e)

## --warn-rwx-segments (the default): a script that puts code and data in one segment.
# RUN: %ld-bfd -T %t/rwx.ld %t/a.o -o %t/rwx.gnu 2>&1 | FileCheck %s --check-prefix=RWX-GNU
# RUN: %tld -T %t/rwx.ld %t/a.o -o %t/rwx.tld 2>&1 | FileCheck %s --check-prefix=RWX
# RWX-GNU: warning: {{.*}}rwx.gnu has a LOAD segment with RWX permissions
# RWX: tld: warning: {{.*}}rwx.tld has a LOAD segment with RWX permissions
# RUN: %ld-bfd -T %t/rwx.ld --no-warn-rwx-segments %t/a.o -o %t/rwx.gnu 2>&1 | count 0
# RUN: %tld -T %t/rwx.ld --no-warn-rwx-segments %t/a.o -o %t/rwx.tld 2>&1 | count 0
# RUN: llvm-readelf -l %t/rwx.tld | FileCheck %s --check-prefix=RWX-SEG
# RWX-SEG: LOAD {{.*}} RWE

## --warn-execstack: an object whose note asks for an executable stack.
# RUN: %ld-bfd %t/a.o %t/exec.o -o %t/es.gnu 2>&1 | FileCheck %s --check-prefix=EXEC-GNU
# RUN: %tld %t/a.o %t/exec.o -o %t/es.tld 2>&1 | FileCheck %s --check-prefix=EXEC
# EXEC-GNU: warning: {{.*}}exec.o: requires executable stack (because the .note.GNU-stack section is executable)
# EXEC: tld: warning: {{.*}}exec.o: requires executable stack (because the .note.GNU-stack section is executable)
# RUN: %tld --no-warn-execstack %t/a.o %t/exec.o -o %t/es.tld 2>&1 | count 0
# RUN: llvm-readelf -l %t/es.tld | FileCheck %s --check-prefix=STACK
# STACK: GNU_STACK {{.*}} RWE
## ... or has no note, when other objects have one.
# RUN: %ld-bfd %t/a.o %t/nonote.o -o %t/nn.gnu 2>&1 | FileCheck %s --check-prefix=NONOTE-GNU
# RUN: %tld %t/a.o %t/nonote.o -o %t/nn.tld 2>&1 | FileCheck %s --check-prefix=NONOTE
# NONOTE-GNU: warning: {{.*}}nonote.o: missing .note.GNU-stack section implies executable stack
# NONOTE: tld: warning: {{.*}}nonote.o: missing .note.GNU-stack section implies executable stack

## --orphan-handling: sections GNU ld's default script does not name (.foo, mysec) are orphans;
## .comment and debugging sections are not.
# RUN: %ld-bfd --orphan-handling=warn %t/a.o %t/orphan.o -o %t/o.gnu 2>&1 | FileCheck %s --check-prefix=ORPH-GNU
# RUN: %tld --orphan-handling=warn %t/a.o %t/orphan.o -o %t/o.tld 2>&1 | FileCheck %s --check-prefix=ORPH
# ORPH-GNU-DAG: warning: orphan section `.foo' from `{{.*}}orphan.o' being placed in section `.foo'
# ORPH-GNU-DAG: warning: orphan section `mysec' from `{{.*}}orphan.o' being placed in section `mysec'
# ORPH-GNU-NOT: comment
# ORPH-GNU-NOT: debug
# ORPH-DAG: tld: warning: {{.*}}orphan.o: orphan section '.foo' is placed in output section '.foo'
# ORPH-DAG: tld: warning: {{.*}}orphan.o: orphan section 'mysec' is placed in output section 'mysec'
# ORPH-NOT: comment
# ORPH-NOT: debug
# RUN: not %ld-bfd --orphan-handling=error %t/a.o %t/orphan.o -o %t/o.gnu 2>&1 | FileCheck %s --check-prefix=OERR-GNU
# RUN: not %tld --orphan-handling=error %t/a.o %t/orphan.o -o %t/o.tld 2>&1 | FileCheck %s --check-prefix=OERR
# OERR-GNU: error: unplaced orphan section `.foo' from `{{.*}}orphan.o'
# OERR: tld: error: {{.*}}orphan.o: unplaced orphan section '.foo'
# RUN: %ld-bfd --orphan-handling=discard %t/a.o %t/orphan.o -o %t/o.gnu
# RUN: %tld --orphan-handling=discard %t/a.o %t/orphan.o -o %t/o.tld
# RUN: llvm-readelf -S %t/o.gnu | FileCheck %s --check-prefix=ODIS
# RUN: llvm-readelf -S %t/o.tld | FileCheck %s --check-prefix=ODIS
# ODIS-NOT: .foo
# ODIS-NOT: mysec
# ODIS:     .comment
# ODIS-NOT: .foo
# ODIS-NOT: mysec
## With a SECTIONS script, orphans are what no input description matches.
# RUN: %ld-bfd --orphan-handling=warn -T %t/text.ld %t/a.o -o %t/t.gnu 2>&1 | FileCheck %s --check-prefix=SORPH-GNU
# RUN: %tld --orphan-handling=warn -T %t/text.ld %t/a.o -o %t/t.tld 2>&1 | FileCheck %s --check-prefix=SORPH
# SORPH-GNU: warning: orphan section `.data' from `{{.*}}a.o' being placed in section `.data'
# SORPH: tld: warning: {{.*}}a.o: orphan section '.data' is placed in output section '.data'

## --no-undefined-version: a version script naming a symbol nothing defines.
# RUN: not %ld-bfd -shared %t/a.o --version-script=%t/v.map --no-undefined-version -o %t/v.so 2>&1 | FileCheck %s --check-prefix=VER-GNU
# RUN: not %tld -shared %t/a.o --version-script=%t/v.map --no-undefined-version -o %t/v.so 2>&1 | FileCheck %s --check-prefix=VER
# VER-GNU: nosuch: undefined version: V1
# VER: tld: error: {{.*}}v.map: 1: version script assigns version V1 to symbol 'nosuch', which is not defined (--no-undefined-version)
# RUN: %ld-bfd -shared %t/a.o --version-script=%t/v.map -o %t/v.so
# RUN: %tld -shared %t/a.o --version-script=%t/v.map --undefined-version -o %t/v.so

#--- a.s
.text
.globl _start, func1
.type func1,@function
_start: ret
func1: ret
.data
.globl data1
data1: .quad 1
.section .note.GNU-stack,"",@progbits

#--- orphan.s
.section .foo,"a",@progbits
.byte 1
.section mysec,"aw",@progbits
.byte 2
.section .comment,"",@progbits
.asciz "x"
.section .debug_info,"",@progbits
.byte 1
.section .note.GNU-stack,"",@progbits

#--- exec.s
.data
.byte 1
.section .note.GNU-stack,"x",@progbits

#--- nonote.s
.text
ret
.data
.byte 1

#--- rwx.ld
SECTIONS { .text : { *(.text) } .data : { *(.data) } }

#--- text.ld
SECTIONS { .text : { *(.text) } }

#--- v.map
V1 { global: func1; nosuch; local: *; };
