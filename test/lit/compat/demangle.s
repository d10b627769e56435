# Diagnostics name symbols demangled (--demangle, the default): C++ through the C++ runtime,
# Rust's legacy mangling (the hash dropped, $..$ escapes undone) and Rust v0 (generic arguments,
# <T as Trait>, closures, fn types with their binders, constants, Punycode), as GNU ld prints
# them; --no-demangle keeps the mangled names. GNU ld links the same object; each name is
# checked in both outputs.
# REQUIRES: llvm-mc, ld.bfd
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: not %ld-bfd %t.o -o %t.gnu 2>&1 | FileCheck %s
# RUN: not %tld %t.o -o %t.tld 2>&1 | FileCheck %s
# RUN: not %tld --no-demangle %t.o -o %t.tld 2>&1 | FileCheck %s --check-prefix=MANGLED
# CHECK-DAG: ns::missing(int, char const*)
# CHECK-DAG: ns::V<long>::get()
# CHECK-DAG: {{ |`}}core::fmt::write{{'?$}}
# CHECK-DAG: <alloc::string::String as core::fmt::Display>::fmt
# CHECK-DAG: <mycrate::foo::Bar as core::fmt::Display>::fmt
# CHECK-DAG: mycrate::main::{closure#0}
# CHECK-DAG: mycrate::test::<123, true, 'a'>
# CHECK-DAG: mycrate::test::<(u32, i32), &str>
# CHECK-DAG: mycrate::test::<for<'a, 'b> fn(&'a u8, &'b u16)>
# CHECK-DAG: mycrate::test::<&dyn core::fmt::Debug>
# CHECK-DAG: utf8_idents::საჭმელად_გემრიელი_სადილი
# MANGLED-DAG: undefined symbol: _ZN2ns7missingEiPKc
# MANGLED-DAG: undefined symbol: _RNCNvCs1234_7mycrate4main0B3_

.globl _start
_start:
  call _ZN2ns7missingEiPKc
  call _ZN2ns1VIlE3getEv
  call _ZN4core3fmt5write17h0123456789abcdefE
  call _ZN60_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17h1122334455667788E
  call _RNvXs_NtCs1234_7mycrate3fooNtB4_3BarNtNtCsabc_4core3fmt7Display3fmt
  call _RNCNvCs1234_7mycrate4main0B3_
  call _RINvCs1234_7mycrate4testKj7b_Kb1_Kc61_E
  call _RINvCs1234_7mycrate4testTmlEReE
  call _RINvCs1234_7mycrate4testFG0_RL1_hRL0_tEuE
  call _RINvCs1234_7mycrate4testRDNtNtCs1_4core3fmt5DebugEL_E
  call _RNqCs4fqI2P2rA04_11utf8_identsu30____7hkackfecea1cbdathfdh9hlq6y
