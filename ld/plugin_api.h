/* The linker plugin interface (the one GNU ld, gold and mold offer to GCC's liblto_plugin and
 * LLVM's LLVMgold): the binary contract, declared here from its documentation so that building
 * tld needs no binutils headers. A plugin is a shared object exporting `onload`; the link-editor
 * calls it with a transfer vector of tagged values (its options, the output's kind, and the
 * entry points the plugin may call back), the plugin registers its hooks through them. The
 * numbers below are the interface's and never change. */
#ifndef TLD_LD_PLUGIN_API_H
#define TLD_LD_PLUGIN_API_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* What most entry points return. */
enum ld_plugin_status { LDPS_OK = 0, LDPS_NO_SYMS, LDPS_BAD_HANDLE, LDPS_ERR };

/* LDPT_API_VERSION's value: the transfer vector's own version. */
enum { LD_PLUGIN_API_VERSION = 1 };

/* LDPT_LINKER_OUTPUT's value. */
enum ld_plugin_output_file_type { LDPO_REL, LDPO_EXEC, LDPO_DYN, LDPO_PIE };

/* A file offered to claim_file, or described by get_input_file. For an archive member, `name`
 * is the archive and `offset` the member's first byte in it. */
struct ld_plugin_input_file {
  const char *name;
  int fd;
  off_t offset;
  off_t filesize;
  void *handle;
};

/* A symbol of a claimed file, as the plugin gives it to add_symbols; get_symbols fills in
 * `resolution`. The four one-byte fields share what was once a single `int def`, so their order
 * follows the host's byte order. */
struct ld_plugin_symbol {
  char *name;
  char *version;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  char unused;
  char section_kind;
  char symbol_type;
  char def;
#else
  char def;          /* LDPK_* */
  char symbol_type;  /* LDST_* (add_symbols_v2) */
  char section_kind; /* LDSSK_* (add_symbols_v2) */
  char unused;
#endif
  int visibility; /* LDPV_* */
  uint64_t size;
  char *comdat_key;
  int resolution; /* LDPR_* */
};

/* A section of an input, for the get_input_section_* queries. */
struct ld_plugin_section {
  const void *handle;
  unsigned int shndx;
};

enum ld_plugin_symbol_kind { LDPK_DEF, LDPK_WEAKDEF, LDPK_UNDEF, LDPK_WEAKUNDEF, LDPK_COMMON };
enum ld_plugin_symbol_visibility { LDPV_DEFAULT, LDPV_PROTECTED, LDPV_INTERNAL, LDPV_HIDDEN };
enum ld_plugin_symbol_type { LDST_UNKNOWN, LDST_FUNCTION, LDST_VARIABLE };
enum ld_plugin_symbol_section_kind { LDSSK_DEFAULT, LDSSK_BSS };

/* How the link resolved a symbol of a claimed file. */
enum ld_plugin_symbol_resolution {
  LDPR_UNKNOWN = 0,
  LDPR_UNDEF,                    /* still undefined */
  LDPR_PREVAILING_DEF,           /* this definition wins, and regular code refers to it */
  LDPR_PREVAILING_DEF_IRONLY,    /* this definition wins; only claimed files refer to it */
  LDPR_PREEMPTED_REG,            /* a regular object's definition wins */
  LDPR_PREEMPTED_IR,             /* another claimed file's definition wins */
  LDPR_RESOLVED_IR,              /* a reference bound to another claimed file's definition */
  LDPR_RESOLVED_EXEC,            /* bound to a regular object's (or the linker's) definition */
  LDPR_RESOLVED_DYN,             /* bound to a shared object's definition */
  LDPR_PREVAILING_DEF_IRONLY_EXP /* as IRONLY, but visible to code outside the output */
};

enum ld_plugin_level { LDPL_INFO, LDPL_WARNING, LDPL_ERROR, LDPL_FATAL };

/* Linker API levels for get_api_version. Level 1: claim_file may be called from several
 * threads at once and add_symbols is thread-safe; the plugin uses get_symbols_v3 and
 * add_symbols_v2. */
enum linker_api_version { LAPI_V0, LAPI_V1 };

/* The plugin's hooks. */
typedef enum ld_plugin_status (*ld_plugin_claim_file_handler)(
    const struct ld_plugin_input_file *file, int *claimed);
typedef enum ld_plugin_status (*ld_plugin_claim_file_handler_v2)(
    const struct ld_plugin_input_file *file, int *claimed, int known_used);
typedef enum ld_plugin_status (*ld_plugin_all_symbols_read_handler)(void);
typedef enum ld_plugin_status (*ld_plugin_cleanup_handler)(void);
typedef enum ld_plugin_status (*ld_plugin_new_input_handler)(
    const struct ld_plugin_input_file *file);

/* Transfer vector tags. */
enum ld_plugin_tag {
  LDPT_NULL = 0,
  LDPT_API_VERSION = 1,
  LDPT_GOLD_VERSION = 2,
  LDPT_LINKER_OUTPUT = 3,
  LDPT_OPTION = 4,
  LDPT_REGISTER_CLAIM_FILE_HOOK = 5,
  LDPT_REGISTER_ALL_SYMBOLS_READ_HOOK = 6,
  LDPT_REGISTER_CLEANUP_HOOK = 7,
  LDPT_ADD_SYMBOLS = 8,
  LDPT_GET_SYMBOLS = 9,
  LDPT_ADD_INPUT_FILE = 10,
  LDPT_MESSAGE = 11,
  LDPT_GET_INPUT_FILE = 12,
  LDPT_RELEASE_INPUT_FILE = 13,
  LDPT_ADD_INPUT_LIBRARY = 14,
  LDPT_OUTPUT_NAME = 15,
  LDPT_SET_EXTRA_LIBRARY_PATH = 16,
  LDPT_GNU_LD_VERSION = 17,
  LDPT_GET_VIEW = 18,
  LDPT_GET_INPUT_SECTION_COUNT = 19,
  LDPT_GET_INPUT_SECTION_TYPE = 20,
  LDPT_GET_INPUT_SECTION_NAME = 21,
  LDPT_GET_INPUT_SECTION_CONTENTS = 22,
  LDPT_UPDATE_SECTION_ORDER = 23,
  LDPT_ALLOW_SECTION_ORDERING = 24,
  LDPT_GET_SYMBOLS_V2 = 25,
  LDPT_ALLOW_UNIQUE_SEGMENT_FOR_SECTIONS = 26,
  LDPT_UNIQUE_SEGMENT_FOR_SECTIONS = 27,
  LDPT_GET_SYMBOLS_V3 = 28,
  LDPT_GET_INPUT_SECTION_ALIGNMENT = 29,
  LDPT_GET_INPUT_SECTION_SIZE = 30,
  LDPT_REGISTER_NEW_INPUT_HOOK = 31,
  LDPT_GET_WRAP_SYMBOLS = 32,
  LDPT_ADD_SYMBOLS_V2 = 33,
  LDPT_GET_API_VERSION = 34,
  LDPT_REGISTER_CLAIM_FILE_HOOK_V2 = 35,
};

/* One entry of the transfer vector: an integer, a string or an entry point. Every entry point
 * travels as `tv_fn` and is called by the plugin through its own type. */
struct ld_plugin_tv {
  enum ld_plugin_tag tv_tag;
  union {
    int tv_val;
    const char *tv_string;
    void (*tv_fn)(void);
  } tv_u;
};

typedef enum ld_plugin_status (*ld_plugin_onload)(struct ld_plugin_tv *tv);

#endif
