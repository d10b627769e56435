/* Grammar of Solaris mapfiles (version 1 and 2) and GNU version scripts. The lexer opens with
 * a start token that selects the language. Actions only call the model builders (model.c,
 * model_v1.c); nothing here knows about linking.
 *
 * Messages. Every syntax error is reported in the Solaris form ("expected ';' to terminate
 * LOAD_SEGMENT: tok") by yyreport_syntax_error from two things: the exact set of tokens the
 * parser could accept (LAC makes it exact) and the innermost syntax context, which the small
 * *_kw rules push as soon as a directive or attribute keyword is shifted. Keywords are tokens
 * only in version 2; wherever a name is expected a keyword is a name too (a segment may be
 * called "stack"). */
%code top {
/* Bison's skeleton is not -Wextra clean with every compiler; the warning is not ours to fix. */
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
}

%code requires {
#include "internal.h"
}

%code {
#include <stdio.h>
#include <string.h>
#include <strings.h>

int mf_yylex(YYSTYPE *lval, void *scanner);
#define yylex mf_yylex
/* A stack that outgrows the parser's own comes from the model's allocator (nothing is freed): an
 * error leaves the parser through ld_fatal. */
#define YYMALLOC mf_alloc
#define YYFREE(p) ((void)(p))

static void yyerror(void *scanner, mf_parser *P, const char *msg);
#define PUSH(n, w) mf_ctx_push(P, (n), (w))
#define POP() mf_ctx_pop(P)
}

%define api.pure full
%define api.value.type {mf_tok}
%define parse.error custom
%define parse.lac full
%lex-param {void *scanner}
%parse-param {void *scanner} {mf_parser *P}

%token START_V1 START_V2 START_VS
%token T_NAME T_STRING T_INT T_PLUSEQ T_MINUSEQ
/* version 2 directives */
%token KW_CAPABILITY KW_DEPEND_VERSIONS KW_HDR_NOALLOC KW_LOAD_SEGMENT KW_NOTE_SEGMENT
%token KW_NULL_SEGMENT KW_PHDR_ADD_NULL KW_SEGMENT_ORDER KW_STACK KW_SYMBOL_SCOPE
%token KW_SYMBOL_VERSION
/* version 2 attributes */
%token KW_ALIGN KW_ASSIGN_SECTION KW_DISABLE KW_FLAGS KW_IS_ORDER KW_MAX_SIZE KW_NOHDR
%token KW_OS_ORDER KW_PADDR KW_ROUND KW_SIZE_SYMBOL KW_VADDR
%token KW_FILE_BASENAME KW_FILE_OBJNAME KW_FILE_PATH KW_IS_NAME KW_TYPE
%token KW_ALLOW KW_REQUIRE
%token KW_AUXILIARY KW_FILTER KW_SIZE KW_VALUE KW_ASSERT
%token KW_ALIAS KW_BIND KW_BINDING KW_SH_ATTR
%token KW_HW KW_HW_1 KW_HW_2 KW_HW_3 KW_SF KW_SF_1 KW_MACHINE KW_PLATFORM
/* GNU version scripts */
%token VS_GLOBAL VS_LOCAL VS_EXTERN

%%

input: START_V2 v2_dirs
     | START_V1 v1_stmts
     | START_VS vs_nodes
     ;

/* ---- names ------------------------------------------------------------------------------ */

name: T_NAME | T_STRING | keyword ;

keyword: KW_CAPABILITY | KW_DEPEND_VERSIONS | KW_HDR_NOALLOC | KW_LOAD_SEGMENT | KW_NOTE_SEGMENT
       | KW_NULL_SEGMENT | KW_PHDR_ADD_NULL | KW_SEGMENT_ORDER | KW_STACK | KW_SYMBOL_SCOPE
       | KW_SYMBOL_VERSION | KW_ALIGN | KW_ASSIGN_SECTION | KW_DISABLE | KW_FLAGS | KW_IS_ORDER
       | KW_MAX_SIZE | KW_NOHDR | KW_OS_ORDER | KW_PADDR | KW_ROUND | KW_SIZE_SYMBOL | KW_VADDR
       | KW_FILE_BASENAME | KW_FILE_OBJNAME | KW_FILE_PATH | KW_IS_NAME | KW_TYPE | KW_ALLOW
       | KW_REQUIRE | KW_AUXILIARY | KW_FILTER | KW_SIZE | KW_VALUE | KW_ASSERT | KW_ALIAS
       | KW_BIND | KW_BINDING | KW_SH_ATTR | KW_HW | KW_HW_1 | KW_HW_2 | KW_HW_3 | KW_SF
       | KW_SF_1 | KW_MACHINE | KW_PLATFORM
       ;

/* Lists of names (values of an attribute, words of a version 1 statement). */
names: %empty       { $$.list = mf_list_new(); }
     | names name   { $$ = $1; mf_vec_push($$.list, mf_tok_dup(&$2)); }
     ;

op_eq:     '='        { $$ = $1; $$.num = '='; } ;
op_eq_add: '='        { $$ = $1; $$.num = '='; }
         | T_PLUSEQ   { $$ = $1; $$.num = '+'; }
         ;
op_any:    '='        { $$ = $1; $$.num = '='; }
         | T_PLUSEQ   { $$ = $1; $$.num = '+'; }
         | T_MINUSEQ  { $$ = $1; $$.num = '-'; }
         ;

/* ---- version 2 -------------------------------------------------------------------------- */

v2_dirs: %empty | v2_dirs v2_dir ;

v2_dir: seg_dir | cap_dir | dep_dir | hdr_dir | phdr_dir | order_dir | stack_dir
      | scope_dir | version_dir
      ;

/* LOAD_SEGMENT, NOTE_SEGMENT, NULL_SEGMENT */
seg_dir: load_head load_body ';'   { POP(); }
       | core_head core_body ';'   { POP(); }
       ;
load_head: load_kw name            { P->seg = mf_seg_use(P, &$2, MF_SEG_LOAD, "LOAD_SEGMENT"); } ;
load_kw: KW_LOAD_SEGMENT           { PUSH("LOAD_SEGMENT", "segment name"); } ;
core_head: core_kw name            { P->seg = mf_seg_use(P, &$2, P->segtype, P->dirname); } ;
core_kw: KW_NOTE_SEGMENT           { PUSH("NOTE_SEGMENT", "segment name");
                                     P->segtype = MF_SEG_NOTE; P->dirname = "NOTE_SEGMENT"; }
       | KW_NULL_SEGMENT           { PUSH("NULL_SEGMENT", "segment name");
                                     P->segtype = MF_SEG_NULL; P->dirname = "NULL_SEGMENT"; }
       ;

load_body: %empty | '{' load_attrs '}' | '{' load_attrs load_attr '}'  { POP(); } ;
load_attrs: %empty | load_attrs ';' | load_attrs load_attr ';'  { POP(); } ;
core_body: %empty | '{' core_attrs '}' | '{' core_attrs core_attr '}'  { POP(); } ;
core_attrs: %empty | core_attrs ';' | core_attrs core_attr ';'  { POP(); } ;

load_attr: core_attr
         | num_kw op_eq T_INT              { mf_seg_num(P, &$1, &$3); }
         | segflags_kw op_any names        { mf_seg_flags(P, (int)$2.num, $3.list, $1.line); }
         | KW_NOHDR                        { PUSH("NOHDR", NULL); P->seg->sg_nohdr = 1; }
         | sizesym_kw op_eq_add names      { mf_seg_list(P, &$1, (int)$2.num, $3.list); }
         ;
core_attr: KW_DISABLE                      { PUSH("DISABLE", NULL); P->seg->sg_disabled = 1; }
         | assign_kw assign_name assign_body { mf_ec_end(P); }
         | ecname_kw op_eq_add names       { mf_seg_list(P, &$1, (int)$2.num, $3.list); }
         | osorder_kw op_eq_add names      { mf_seg_list(P, &$1, (int)$2.num, $3.list); }
         ;
num_kw: KW_ALIGN      { PUSH("ALIGN", NULL); }
      | KW_MAX_SIZE   { PUSH("MAX_SIZE", NULL); }
      | KW_PADDR      { PUSH("PADDR", NULL); }
      | KW_ROUND      { PUSH("ROUND", NULL); }
      | KW_VADDR      { PUSH("VADDR", NULL); }
      ;
segflags_kw: KW_FLAGS { PUSH("FLAGS", "segment flag (DATA, EXECUTE, READ, STACK, WRITE)"); } ;
osorder_kw: KW_OS_ORDER     { PUSH("OS_ORDER", "section name"); } ;
sizesym_kw: KW_SIZE_SYMBOL  { PUSH("SIZE_SYMBOL", "symbol name"); } ;
ecname_kw: KW_IS_ORDER      { PUSH("IS_ORDER", "entrance criteria name"); } ;

/* ASSIGN_SECTION [name] [{ entrance criteria }] */
assign_kw: KW_ASSIGN_SECTION  { PUSH("ASSIGN_SECTION", "entrance criteria name");
                                mf_ec_begin(P, $1.line); } ;
assign_name: %empty | name    { mf_ec_name(P, &$1); } ;
assign_body: %empty | '{' ec_attrs '}' | '{' ec_attrs ec_attr '}'  { POP(); } ;
ec_attrs: %empty | ec_attrs ';' | ec_attrs ec_attr ';'  { POP(); } ;
ec_attr: file_kw op_eq_add names       { mf_ec_files(P, (int)$1.num, (int)$2.num, $3.list); }
       | secflags_kw op_any secflags   { mf_ec_flags(P, (int)$2.num, $3.list); }
       | isname_kw op_eq name          { mf_ec_is_name(P, &$3); }
       | type_kw op_eq name            { mf_ec_type(P, &$3); }
       ;
file_kw: KW_FILE_BASENAME  { PUSH("FILE_BASENAME", "file name"); $$ = $1; $$.num = MF_FILE_BASENAME; }
       | KW_FILE_OBJNAME   { PUSH("FILE_OBJNAME", "object name"); $$ = $1; $$.num = MF_FILE_OBJNAME; }
       | KW_FILE_PATH      { PUSH("FILE_PATH", "file path"); $$ = $1; $$.num = MF_FILE_PATH; }
       ;
secflags_kw: KW_FLAGS  { PUSH("FLAGS", "section flag (ALLOC, AMD64_LARGE, EXECUTE, WRITE)"); } ;
isname_kw: KW_IS_NAME  { PUSH("IS_NAME", "section name"); } ;
type_kw: KW_TYPE       { PUSH("TYPE", "section type"); } ;
/* Section flags, each optionally negated by one '!'. The name's `num` records the negation. */
secflags: %empty             { $$.list = mf_list_new(); }
        | secflags name      { $$ = $1; mf_vec_push($$.list, mf_tok_dup(&$2)); }
        | secflags '!' name  { $$ = $1; $3.num = 1; mf_vec_push($$.list, mf_tok_dup(&$3)); }
        ;

/* CAPABILITY [id] { HW = ...; ... }; */
cap_dir: cap_head cap_block ';'    { mf_cap_end(P); POP(); } ;
cap_block: '{' cap_attrs '}' | '{' cap_attrs cap_attr '}'  { POP(); } ;
       ;
cap_head: cap_kw           { mf_cap_begin(P, NULL, $1.line); }
        | cap_kw name      { mf_cap_begin(P, &$2, $1.line); }
        ;
cap_kw: KW_CAPABILITY      { PUSH("CAPABILITY", "capability identifier"); } ;
cap_attrs: %empty | cap_attrs ';' | cap_attrs cap_attr ';'  { POP(); } ;
cap_attr: capattr_kw op_any cap_values   { mf_cap_attr(P, &$1, (int)$2.num, $3.list); } ;
/* Capability names or numbers. */
cap_values: %empty              { $$.list = mf_list_new(); }
          | cap_values name     { $$ = $1; mf_vec_push($$.list, mf_tok_dup(&$2)); }
          | cap_values T_INT    { $$ = $1; mf_vec_push($$.list, mf_tok_dup(&$2)); }
          ;
capattr_kw: KW_HW        { PUSH("HW", "capability name"); }
          | KW_HW_1      { PUSH("HW_1", "capability name"); }
          | KW_HW_2      { PUSH("HW_2", "capability name"); }
          | KW_HW_3      { PUSH("HW_3", "capability name"); }
          | KW_SF        { PUSH("SF", "capability name"); }
          | KW_SF_1      { PUSH("SF_1", "capability name"); }
          | KW_MACHINE   { PUSH("MACHINE", "machine name"); }
          | KW_PLATFORM  { PUSH("PLATFORM", "platform name"); }
          ;

/* DEPEND_VERSIONS soname { ALLOW = ver; REQUIRE = ver; }; */
dep_dir: dep_head dep_block ';'    { POP(); } ;
dep_block: '{' dep_attrs '}' | '{' dep_attrs dep_attr '}'  { POP(); } ;
       ;
dep_head: dep_kw name      { mf_dep_begin(P, &$2); } ;
dep_kw: KW_DEPEND_VERSIONS { PUSH("DEPEND_VERSIONS", "object name"); } ;
dep_attrs: %empty | dep_attrs ';' | dep_attrs dep_attr ';'  { POP(); } ;
dep_attr: depattr_kw op_eq name  { mf_dep_attr(P, &$1, &$3); } ;
depattr_kw: KW_ALLOW    { PUSH("ALLOW", "version name"); }
          | KW_REQUIRE  { PUSH("REQUIRE", "version name"); }
          ;

/* HDR_NOALLOC; PHDR_ADD_NULL = n; SEGMENT_ORDER = seg ...; */
hdr_dir: hdr_kw ';'              { P->m->m_hdr_noalloc = 1; POP(); } ;
hdr_kw: KW_HDR_NOALLOC           { PUSH("HDR_NOALLOC", NULL); } ;
phdr_dir: phdr_kw op_eq T_INT ';' { P->m->m_phdr_add_null = (uint32_t)$3.num; POP(); } ;
phdr_kw: KW_PHDR_ADD_NULL        { PUSH("PHDR_ADD_NULL", NULL); } ;
order_dir: order_kw op_eq_add names ';'  { mf_seg_order(P, (int)$2.num, $3.list); POP(); } ;
order_kw: KW_SEGMENT_ORDER       { PUSH("SEGMENT_ORDER", "segment name"); } ;

/* STACK { FLAGS = ...; }; */
stack_dir: stack_kw stack_block ';'  { POP(); } ;
stack_block: '{' stack_attrs '}' | '{' stack_attrs stack_attr '}'  { POP(); } ;
         ;
stack_kw: KW_STACK               { PUSH("STACK", NULL); P->m->m_stack_set = 1; } ;
stack_attrs: %empty | stack_attrs ';' | stack_attrs stack_attr ';'  { POP(); } ;
stack_attr: segflags_kw op_any names  { mf_stack_flags(P, (int)$2.num, $3.list, $1.line); } ;

/* SYMBOL_SCOPE { ... }; and SYMBOL_VERSION name { ... } [parent ...]; */
scope_dir: scope_kw sym_block ';'        { mf_syms_end(P, NULL, NULL); POP(); } ;
scope_kw: KW_SYMBOL_SCOPE                { PUSH("SYMBOL_SCOPE", NULL); P->scope = MF_SCOPE_DEFAULT; } ;
version_dir: version_head sym_block names ';'  { mf_syms_end(P, &$1, $3.list); POP(); } ;
version_head: version_kw name            { $$ = $2; } ;
version_kw: KW_SYMBOL_VERSION            { PUSH("SYMBOL_VERSION", "version name");
                                           P->scope = MF_SCOPE_DEFAULT; } ;
sym_block: '{' sym_items '}' ;
sym_items: %empty | sym_items sym_item ;
sym_item: ';'
        | '*' ';'                         { mf_sym_auto(P, $1.line); }
        | sym_head ':'                    { mf_scope_set(P, &$1); POP(); }
        | sym_head ';'                    { mf_sym_begin(P, &$1); mf_sym_end(P); POP(); }
        | sym_head sym_open sym_attr_block ';'  { mf_sym_end(P); POP(); }
        ;
sym_head: name                            { PUSH($1.text, NULL); } ;
sym_open: '{'                             { mf_sym_begin(P, &$0); } ;
sym_attr_block: sym_attrs '}' | sym_attrs sym_attr '}'  { POP(); } ;
sym_attrs: %empty | sym_attrs ';' | sym_attrs sym_attr ';'  { POP(); } ;
sym_attr: symname_kw op_eq name           { mf_sym_attr(P, &$1, &$3); }
        | symflags_kw op_eq_add names     { mf_sym_flags(P, (int)$2.num, $3.list); }
        | symsize_kw op_eq size           { mf_sym_attr(P, &$1, &$3); }
        | symtype_kw op_eq name           { mf_sym_attr(P, &$1, &$3); }
        | symvalue_kw op_eq T_INT         { mf_sym_attr(P, &$1, &$3); }
        | assert_kw assert_eq '{' assert_attrs '}'             { mf_assert_end(P); }
        | assert_kw assert_eq '{' assert_attrs assert_attr '}' { POP(); mf_assert_end(P); }
        ;
symname_kw: KW_AUXILIARY   { PUSH("AUXILIARY", "object name"); }
          | KW_FILTER      { PUSH("FILTER", "object name"); }
          ;
symflags_kw: KW_FLAGS      { PUSH("FLAGS", "symbol flag (DIRECT, DYNSORT, EXTERN, INTERPOSE, "
                                            "NODIRECT, NODYNSORT, PARENT)"); } ;
symsize_kw: KW_SIZE        { PUSH("SIZE", NULL); } ;
symtype_kw: KW_TYPE        { PUSH("TYPE", "symbol type (COMMON, DATA, FUNCTION)"); } ;
symvalue_kw: KW_VALUE      { PUSH("VALUE", NULL); } ;
assert_kw: KW_ASSERT       { PUSH("ASSERT", NULL); mf_assert_begin(P, $1.line); } ;
assert_eq: %empty | '=' ;
assert_attrs: %empty | assert_attrs ';' | assert_attrs assert_attr ';'  { POP(); } ;
assert_attr: asname_kw op_eq name     { mf_assert_attr(P, &$1, &$3); }
           | assize_kw op_eq size     { mf_assert_attr(P, &$1, &$3); }
           ;
asname_kw: KW_ALIAS        { PUSH("ALIAS", "symbol name"); }
         | KW_BIND         { PUSH("BIND", "binding (GLOBAL, LOCAL, WEAK)"); }
         | KW_BINDING      { PUSH("BINDING", "binding (GLOBAL, LOCAL, WEAK)"); }
         | KW_SH_ATTR      { PUSH("SH_ATTR", "section attribute (BITS, NOBITS)"); }
         | KW_TYPE         { PUSH("TYPE", "symbol type (COMMON, DATA, FILE, FUNC, FUNCTION, "
                                          "OBJECT, SECTION, TLS)"); }
         ;
assize_kw: KW_SIZE         { PUSH("SIZE", NULL); } ;

/* SIZE = int | int[mult] | addrsize | addrsize[mult] */
size: T_INT                         { $$ = $1; }
    | T_INT mult_open T_INT ']'     { $$ = $1; $$.num = mf_mul(P, $3.line, $1.num, $3.num); POP(); }
    | name                          { $$ = $1; $$.num = mf_addrsize(P, &$1); }
    | name mult_open T_INT ']'      { $$ = $1; $$.num = mf_mul(P, $3.line, mf_addrsize(P, &$1), $3.num);
                                      POP(); }
    ;
mult_open: '['                      { PUSH("multiplier of", NULL); } ;

/* ---- version 1 -------------------------------------------------------------------------- */

v1_stmts: %empty | v1_stmts v1_stmt ;

v1_stmt: v1_head '=' names ';'           { mf_v1_segment(P, &$1, $3.list); POP(); }
       | v1_head ':' names v1_files ';'  { mf_v1_mapping(P, &$1, $3.list, $4.list); POP(); }
       | v1_head '|' names ';'           { mf_v1_order(P, &$1, $3.list); POP(); }
       | v1_head '@' name ';'            { mf_v1_sizesym(P, &$1, &$3); POP(); }
       | v1_head '-' v1_deps ';'         { mf_v1_depend(P, &$1, $3.list); POP(); }
       | v1_head v1_block names ';'      { mf_syms_end(P, &$1, $3.list); POP(); }
       | v1_anon v1_block names ';'      { mf_syms_end(P, NULL, $3.list); POP(); }
       ;
v1_head: name                            { PUSH($1.text, NULL); P->scope = MF_SCOPE_DEFAULT; } ;
v1_anon: %empty                          { PUSH("version definition", NULL);
                                           P->scope = MF_SCOPE_DEFAULT; } ;
v1_files: %empty                         { $$.list = NULL; }
        | ':' names                      { $$ = $2; }
        ;
/* soname - ver ... [$ADDVERS=ver]: '=' joins a word to the next. */
v1_deps: %empty                          { $$.list = mf_list_new(); }
       | v1_deps name                    { $$ = $1; mf_vec_push($$.list, mf_tok_dup(&$2)); }
       | v1_deps name '=' name           { $$ = $1; $2.text = mf_strdup($2.text);
                                           mf_tok *t = mf_tok_dup(&$2);
                                           t->list = mf_list_new();
                                           mf_vec_push(t->list, mf_tok_dup(&$4));
                                           mf_vec_push($$.list, t); }
       ;
v1_block: '{' v1_items '}' ;
v1_items: %empty | v1_items v1_item ;
v1_item: ';'
       | name ':'                 { mf_scope_set(P, &$1); }
       | name ';'                 { mf_v1_symbol(P, &$1, NULL); }
       | name '=' names ';'       { mf_v1_symbol(P, &$1, $3.list); }
       ;

/* ---- GNU version scripts ---------------------------------------------------------------- */

vs_nodes: vs_node | vs_nodes vs_node ;
vs_node: vs_open vs_body '}' ';'               { mf_vs_node(P, NULL, NULL, $1.line); POP(); }
       | vs_head vs_body '}' names ';'         { mf_vs_node(P, &$1, $4.list, $1.line); POP(); }
       ;
vs_open: '{'                    { PUSH("version node", "symbol pattern"); P->scope = MF_SCOPE_DEFAULT;
                                  P->lang = MF_LANG_C; } ;
vs_head: name '{'               { PUSH($1.text, "symbol pattern"); P->scope = MF_SCOPE_DEFAULT;
                                  P->lang = MF_LANG_C; } ;
vs_body: vs_items | vs_items vs_pattern ;
vs_items: %empty | vs_items vs_item ;
vs_item: VS_GLOBAL ':'          { P->scope = MF_SCOPE_DEFAULT; }
       | VS_LOCAL ':'           { P->scope = MF_SCOPE_HIDDEN; }
       | vs_pattern ';'
       | vs_extern
       | vs_extern ';'
       ;
vs_pattern: name                { mf_vs_symbol(P, &$1); } ;
vs_extern: vs_extern_head vs_ext_body '}'  { P->lang = MF_LANG_C; POP(); } ;
vs_extern_head: VS_EXTERN T_STRING '{'     {
                  if (!strcmp($2.text, "C++")) P->lang = MF_LANG_CXX;
                  else if (!strcmp($2.text, "C")) P->lang = MF_LANG_C;
                  else mf_error(P, $2.line, "unknown language in extern: \"%s\" (C, C++)", $2.text);
                  PUSH("extern", "symbol pattern"); } ;
vs_ext_body: vs_ext_items | vs_ext_items vs_pattern ;
vs_ext_items: %empty | vs_ext_items vs_pattern ';' ;

%%

/* ---- keywords ----------------------------------------------------------------------------- */

struct kw {
  const char *name;
  int token;
  char kind; /* 'D' directive, 'A' attribute */
};

/* Alphabetical within each kind: messages list them in this order. */
static const struct kw keywords[] = {
    {"CAPABILITY", KW_CAPABILITY, 'D'},       {"DEPEND_VERSIONS", KW_DEPEND_VERSIONS, 'D'},
    {"HDR_NOALLOC", KW_HDR_NOALLOC, 'D'},     {"LOAD_SEGMENT", KW_LOAD_SEGMENT, 'D'},
    {"NOTE_SEGMENT", KW_NOTE_SEGMENT, 'D'},   {"NULL_SEGMENT", KW_NULL_SEGMENT, 'D'},
    {"PHDR_ADD_NULL", KW_PHDR_ADD_NULL, 'D'}, {"SEGMENT_ORDER", KW_SEGMENT_ORDER, 'D'},
    {"STACK", KW_STACK, 'D'},                 {"SYMBOL_SCOPE", KW_SYMBOL_SCOPE, 'D'},
    {"SYMBOL_VERSION", KW_SYMBOL_VERSION, 'D'},
    {"ALIAS", KW_ALIAS, 'A'},                 {"ALIGN", KW_ALIGN, 'A'},
    {"ALLOW", KW_ALLOW, 'A'},                 {"ASSERT", KW_ASSERT, 'A'},
    {"ASSIGN_SECTION", KW_ASSIGN_SECTION, 'A'}, {"AUXILIARY", KW_AUXILIARY, 'A'},
    {"BIND", KW_BIND, 'A'},                   {"BINDING", KW_BINDING, 'A'},
    {"DISABLE", KW_DISABLE, 'A'},             {"FILE_BASENAME", KW_FILE_BASENAME, 'A'},
    {"FILE_OBJNAME", KW_FILE_OBJNAME, 'A'},   {"FILE_PATH", KW_FILE_PATH, 'A'},
    {"FILTER", KW_FILTER, 'A'},               {"FLAGS", KW_FLAGS, 'A'},
    {"HW", KW_HW, 'A'},                       {"HW_1", KW_HW_1, 'A'},
    {"HW_2", KW_HW_2, 'A'},                   {"HW_3", KW_HW_3, 'A'},
    {"IS_NAME", KW_IS_NAME, 'A'},             {"IS_ORDER", KW_IS_ORDER, 'A'},
    {"MACHINE", KW_MACHINE, 'A'},             {"MAX_SIZE", KW_MAX_SIZE, 'A'},
    {"NOHDR", KW_NOHDR, 'A'},                 {"OS_ORDER", KW_OS_ORDER, 'A'},
    {"PADDR", KW_PADDR, 'A'},                 {"PLATFORM", KW_PLATFORM, 'A'},
    {"REQUIRE", KW_REQUIRE, 'A'},             {"ROUND", KW_ROUND, 'A'},
    {"SF", KW_SF, 'A'},                       {"SF_1", KW_SF_1, 'A'},
    {"SH_ATTR", KW_SH_ATTR, 'A'},             {"SIZE", KW_SIZE, 'A'},
    {"SIZE_SYMBOL", KW_SIZE_SYMBOL, 'A'},     {"TYPE", KW_TYPE, 'A'},
    {"VADDR", KW_VADDR, 'A'},                 {"VALUE", KW_VALUE, 'A'},
};
#define NKW (sizeof keywords / sizeof keywords[0])

int mf_keyword(const char *s, const char **canon) {
  for (size_t i = 0; i < NKW; i++)
    if (!strcasecmp(s, keywords[i].name)) {
      *canon = keywords[i].name;
      return keywords[i].token;
    }
  return 0;
}

/* Only reached when the parser's stack is exhausted: every syntax error goes through
 * yyreport_syntax_error below. */
static void yyerror(void *scanner, mf_parser *P, const char *msg) {
  (void)scanner;
  mf_error(P, P->tok_line, "%s", msg);
}

/* ---- syntax errors ------------------------------------------------------------------------ */

static int has(const yysymbol_kind_t *e, int n, int token) {
  yysymbol_kind_t k = YYTRANSLATE(token);
  for (int i = 0; i < n; i++)
    if (e[i] == k) return 1;
  return 0;
}

static const char *spell(yysymbol_kind_t k) {
  static const struct { int tok; const char *s; } punct[] = {
      {';', "';'"}, {'{', "'{'"}, {'}', "'}'"}, {'=', "'='"}, {':', "':'"}, {'[', "'['"},
      {']', "']'"}, {'!', "'!'"}, {'*', "'*'"}, {'|', "'|'"}, {'@', "'@'"}, {'-', "'-'"},
      {T_PLUSEQ, "'+='"}, {T_MINUSEQ, "'-='"}, {T_INT, "integer"}, {T_NAME, "name"},
      {T_STRING, "string"}, {VS_GLOBAL, "global"}, {VS_LOCAL, "local"}, {VS_EXTERN, "extern"},
      {YYEOF, "end of file"}};
  for (size_t i = 0; i < sizeof punct / sizeof punct[0]; i++)
    if (YYTRANSLATE(punct[i].tok) == k) return punct[i].s;
  for (size_t i = 0; i < NKW; i++)
    if (YYTRANSLATE(keywords[i].token) == k) return keywords[i].name;
  return yysymbol_name(k);
}

/* "a, b, or c" */
static void join_or(char *buf, size_t sz, const char **items, int n) {
  size_t len = 0;
  buf[0] = 0;
  for (int i = 0; i < n && len < sz; i++)
    len += (size_t)snprintf(buf + len, sz - len, "%s%s%s", i == 0 ? "" : n == 2 ? " " : ", ",
                            i == n - 1 && n > 1 ? "or " : "", items[i]);
}

static int yyreport_syntax_error(const yypcontext_t *yc, void *scanner, mf_parser *P) {
  (void)scanner;
  yysymbol_kind_t e[YYNTOKENS];
  int n = yypcontext_expected_tokens(yc, e, YYNTOKENS);
  if (n < 0) n = 0;
  const char *tok = P->tok_raw ? P->tok_raw : "end of file";
  uint32_t line = P->tok_line;
  const mf_ctx *c = P->nctx ? &P->ctx[P->nctx - 1] : NULL;
  const char *cname = c ? c->name : "mapfile";
  char list[1024];
  const char *items[YYNTOKENS];
  int ni = 0;

  /* A quoted keyword where the keyword is expected. */
  yysymbol_kind_t la = yypcontext_token(yc);
  if (la == YYTRANSLATE(T_STRING) && !has(e, n, T_STRING)) {
    for (size_t i = 0; i < NKW; i++) {
      size_t kl = strlen(keywords[i].name);
      const char *r = P->tok_raw;
      if (r && strlen(r) == kl + 2 && !strncasecmp(r + 1, keywords[i].name, kl) &&
          has(e, n, keywords[i].token))
        mf_error(P, line, "mapfile keywords should not be quoted: %s", tok);
    }
  }
  int semi = has(e, n, ';'), rbrace = has(e, n, '}');
  int term_only = semi + rbrace;
  for (int i = 0; i < n; i++)
    if (e[i] != YYTRANSLATE(';') && e[i] != YYTRANSLATE('}')) term_only = 0;

  if (has(e, n, KW_LOAD_SEGMENT) && !has(e, n, T_NAME)) {
    for (size_t i = 0; i < NKW; i++)
      if (keywords[i].kind == 'D' && has(e, n, keywords[i].token)) items[ni++] = keywords[i].name;
    size_t len = 0;
    for (int i = 0; i < ni; i++)
      len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", items[i]);
    mf_error(P, line, "expected mapfile directive (%s): %s", list, tok);
  }
  if (!has(e, n, T_NAME)) {
    size_t len = 0;
    for (size_t i = 0; i < NKW; i++)
      if (keywords[i].kind == 'A' && has(e, n, keywords[i].token))
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "",
                                keywords[i].name);
    if (len) {
      mf_error(P, line, "expected attribute name (%s), or terminator (%s): %s", list,
               semi && rbrace ? "';', '}'" : rbrace ? "'}'" : "';'", tok);
    }
  }
  if (has(e, n, T_NAME)) {
    const char *what = c && c->what ? c->what : "name";
    if (semi || rbrace)
      mf_error(P, line, "expected %s, or terminator (%s): %s", what,
               semi && rbrace ? "';', '}'" : rbrace ? "'}'" : "';'", tok);
    mf_error(P, line, "expected %s following %s: %s", what, cname, tok);
  }
  if (term_only == 1 && semi)
    mf_error(P, line, "expected ';' to terminate %s: %s", cname, tok);
  if (term_only == 2)
    mf_error(P, line, "expected ';' or '}' to terminate %s: %s", cname, tok);
  if (n == 1 && has(e, n, T_INT))
    mf_error(P, line, "expected integer value following %s: %s", cname, tok);
  if (n == 1 && has(e, n, ']'))
    mf_error(P, line, "expected ']' to terminate %s: %s", cname, tok);
  if (n == 1 && has(e, n, '='))
    mf_error(P, line, "expected '=' following %s: %s", cname, tok);
  if (n == 2 && has(e, n, '=') && has(e, n, T_PLUSEQ))
    mf_error(P, line, "expected '=' or '+=' following %s: %s", cname, tok);
  if (n == 3 && has(e, n, '=') && has(e, n, T_PLUSEQ) && has(e, n, T_MINUSEQ))
    mf_error(P, line, "expected '=', '+=', or '-=' following %s: %s", cname, tok);
  if (n == 2 && semi && has(e, n, '{'))
    mf_error(P, line, "expected ';' or '{' following %s: %s", cname, tok);
  for (int i = 0; i < n; i++) items[ni++] = spell(e[i]);
  join_or(list, sizeof list, items, ni);
  if (ni) mf_error(P, line, "expected %s following %s: %s", list, cname, tok);
  mf_error(P, line, "unexpected text: %s", tok);
}
