/*
 * tcg.h: the Tiny Code Generator's intermediate representation, as a
 * front end (target/i386) sees it.
 *
 * This header is the contract between a guest front end and tcg/.  A front
 * end, asked to translate one translation block (TB), calls the
 * tcg_gen_* functions below to append ops to the current op list; then
 * accel/tcg calls tcg_gen_code(), which runs the passes (liveness,
 * optimizer, register allocation) and emits host code with the selected
 * back end (tcg/x86_64 native code, or tcg/tci bytecode for the
 * interpreter).  Op semantics are those of QEMU's docs/devel/tcg-ops.rst;
 * the function names follow QEMU's, so the vocabulary is the field's.
 *
 * Values:
 *  - TCGv_i32, TCGv_i64, TCGv_ptr are opaque handles of temporaries.  Do
 *    not dereference them; compare them only with each other.  TCGv is the
 *    guest-address-sized type (64-bit for x86-64).
 *  - Globals (tcg_global_mem_new_*) name a field of the CPU state struct
 *    at a fixed offset from the env pointer; the allocator may keep them
 *    in host registers inside a TB and syncs them to memory before helper
 *    calls (per the call flags), at TB exits and where an op may fault.
 *  - tcg_temp_new_* temps live until the end of the TB (they may cross
 *    labels and branches); tcg_temp_ebb_new_* temps die at the end of
 *    the extended basic block (the next label or branch target) and are
 *    cheaper.  Freeing is optional: tcg_temp_free_* is a hint that lets
 *    the allocator reuse the slot.
 *  - tcg_constant_*(v) are shared read-only constants: never write them.
 *
 * Guest memory: tcg_gen_qemu_ld/st_* take a guest virtual address, an MMU
 * index and a MemOp.  In user mode the back end emits a direct host
 * access at guest_base + address; in system mode it emits the inlined
 * softmmu TLB probe with an out-of-line slow path.  A faulting access
 * unwinds to cpu_exec after the state was restored to the start of the
 * faulting instruction from the insn_start data (tcg_gen_insn_start).
 *
 * Helper calls: a helper is a C function plus a TCGHelperInfo saying its
 * name, its argument and return types and its side effects.  Front ends
 * do not fill these by hand: scripts/gen-helpers.py turns a helper table
 * (target/i386/NAME.def, one helper a line) into the prototypes and typed
 * gen_helper_NAME() wrappers (see docs/devel/tcg.md).
 */
#ifndef TCG_TCG_H
#define TCG_TCG_H

#include "qemu/osdep.h"

typedef struct TCGContext TCGContext;
typedef struct TCGTemp TCGTemp;
typedef struct TCGLabel TCGLabel;
typedef struct TranslationBlock TranslationBlock;

/* Opaque handles: pointers into the current context's temp array. */
typedef struct TCGv_i32_d *TCGv_i32;
typedef struct TCGv_i64_d *TCGv_i64;
typedef struct TCGv_ptr_d *TCGv_ptr;
typedef TCGv_i64 TCGv;            /* target_ulong: x86-64 guests only */

typedef enum TCGType {
    TCG_TYPE_I32,
    TCG_TYPE_I64,
    TCG_TYPE_COUNT,
    TCG_TYPE_PTR = TCG_TYPE_I64,  /* 64-bit hosts only */
} TCGType;

/* Conditions for setcond/movcond/brcond (encoding is tcg's own). */
typedef enum TCGCond {
    TCG_COND_NEVER,
    TCG_COND_ALWAYS,
    TCG_COND_EQ,
    TCG_COND_NE,
    TCG_COND_LT,                  /* signed */
    TCG_COND_GE,
    TCG_COND_LE,
    TCG_COND_GT,
    TCG_COND_LTU,                 /* unsigned */
    TCG_COND_GEU,
    TCG_COND_LEU,
    TCG_COND_GTU,
} TCGCond;

TCGCond tcg_invert_cond(TCGCond c);   /* EQ <-> NE, LT <-> GE, ... */
TCGCond tcg_swap_cond(TCGCond c);     /* a OP b == b swap(OP) a */

/* Size, sign, byte order and alignment of a guest memory access. */
typedef enum MemOp {
    MO_8 = 0,
    MO_16 = 1,
    MO_32 = 2,
    MO_64 = 3,
    MO_SIZE = 3,
    MO_SIGN = 4,                  /* sign-extend the loaded value */
    MO_BSWAP = 8,                 /* host-opposite order (guests: LE) */
    MO_LE = 0,                    /* x86 hosts are little-endian */
    MO_BE = MO_BSWAP,
    MO_ASHIFT = 5,
    MO_AMASK = 7 << MO_ASHIFT,
    MO_UNALN = 0,                 /* x86: unaligned accesses are fine */
    MO_ALIGN = MO_AMASK,          /* natural alignment required */
    MO_ALIGN_16 = 4 << MO_ASHIFT, /* 16-byte (MOVAPS, CMPXCHG16B) */

    MO_UB = MO_8,
    MO_UW = MO_16,
    MO_UL = MO_32,
    MO_UQ = MO_64,
    MO_SB = MO_SIGN | MO_8,
    MO_SW = MO_SIGN | MO_16,
    MO_SL = MO_SIGN | MO_32,
    MO_LEUW = MO_LE | MO_UW,
    MO_LEUL = MO_LE | MO_UL,
    MO_LEUQ = MO_LE | MO_UQ,
    MO_LESW = MO_LE | MO_SW,
    MO_LESL = MO_LE | MO_SL,
} MemOp;

static inline unsigned memop_size(MemOp op)
{
    return 1u << (op & MO_SIZE);
}

/* A MemOp and an MMU index packed together (helpers receive this). */
typedef uint32_t MemOpIdx;

static inline MemOpIdx make_memop_idx(MemOp op, unsigned mmu_idx)
{
    return (op << 4) | mmu_idx;
}

static inline MemOp get_memop(MemOpIdx oi)
{
    return oi >> 4;
}

static inline unsigned get_mmuidx(MemOpIdx oi)
{
    return oi & 15;
}

/* Memory-barrier kinds for tcg_gen_mb (TCG_MO_ALL | TCG_BAR_SC is mfence). */
#define TCG_MO_LD_LD  0x01
#define TCG_MO_ST_LD  0x02
#define TCG_MO_LD_ST  0x04
#define TCG_MO_ST_ST  0x08
#define TCG_MO_ALL    0x0f
#define TCG_BAR_SC    0x30

/* Helper side effects (TCGHelperInfo.flags). */
#define TCG_CALL_NO_READ_GLOBALS  0x0010  /* doesn't read globals */
#define TCG_CALL_NO_WRITE_GLOBALS 0x0020  /* doesn't write globals */
#define TCG_CALL_NO_SIDE_EFFECTS  0x0040  /* pure: may be removed if unused */
#define TCG_CALL_NO_RETURN        0x0080  /* always longjmps out */
#define TCG_CALL_NO_RWG  TCG_CALL_NO_READ_GLOBALS
#define TCG_CALL_NO_WG   TCG_CALL_NO_WRITE_GLOBALS
#define TCG_CALL_NO_SE   TCG_CALL_NO_SIDE_EFFECTS
#define TCG_CALL_NO_RWG_SE (TCG_CALL_NO_RWG | TCG_CALL_NO_SE)
#define TCG_CALL_NO_WG_SE  (TCG_CALL_NO_WG | TCG_CALL_NO_SE)

/* Argument/return kinds in TCGHelperInfo.typemask: 3 bits each. */
typedef enum TCGHelperType {
    TCG_HTYPE_VOID = 0,
    TCG_HTYPE_I32 = 1,            /* uint32_t */
    TCG_HTYPE_S32 = 2,            /* int32_t (sign-extended by the ABI) */
    TCG_HTYPE_I64 = 3,
    TCG_HTYPE_S64 = 4,
    TCG_HTYPE_PTR = 5,            /* void * (incl. env) */
} TCGHelperType;

#define TCG_HELPER_MAX_ARGS 7

/*
 * typemask: bits 0-2 the return type, bits 3(i+1)..3(i+1)+2 argument i.
 * Generated by scripts/gen-helpers.py; the core derives the calling
 * sequence (and, for TCI, the libffi-free call shape) from it.
 */
typedef struct TCGHelperInfo {
    void *func;
    const char *name;             /* shown by -d op */
    unsigned flags;               /* TCG_CALL_* */
    unsigned typemask;
} TCGHelperInfo;

/*
 * Context.  One per translating thread; the current one is tcg_ctx.
 * Front ends only use tcg_env (the env pointer, a fixed host register)
 * and the functions below.
 */
extern __thread TCGContext *tcg_ctx;
extern TCGv_ptr tcg_env;

/* Globals: a CPU-state field at env + offset. */
TCGv_i32 tcg_global_mem_new_i32(TCGv_ptr base, intptr_t offset,
                                const char *name);
TCGv_i64 tcg_global_mem_new_i64(TCGv_ptr base, intptr_t offset,
                                const char *name);
TCGv_ptr tcg_global_mem_new_ptr(TCGv_ptr base, intptr_t offset,
                                const char *name);
#define tcg_global_mem_new tcg_global_mem_new_i64

/* Temporaries and constants. */
TCGv_i32 tcg_temp_new_i32(void);
TCGv_i64 tcg_temp_new_i64(void);
TCGv_ptr tcg_temp_new_ptr(void);
TCGv_i32 tcg_temp_ebb_new_i32(void);
TCGv_i64 tcg_temp_ebb_new_i64(void);
TCGv_ptr tcg_temp_ebb_new_ptr(void);
void tcg_temp_free_i32(TCGv_i32 t);
void tcg_temp_free_i64(TCGv_i64 t);
void tcg_temp_free_ptr(TCGv_ptr t);
TCGv_i32 tcg_constant_i32(int32_t val);
TCGv_i64 tcg_constant_i64(int64_t val);
TCGv_ptr tcg_constant_ptr(intptr_t val);
#define tcg_temp_new tcg_temp_new_i64
#define tcg_temp_free tcg_temp_free_i64
#define tcg_constant_tl tcg_constant_i64

/* Labels: branch targets inside one TB. */
TCGLabel *gen_new_label(void);
void gen_set_label(TCGLabel *l);
void tcg_gen_br(TCGLabel *l);

/*
 * Start of one guest instruction, with the words needed to restore the
 * guest state if something inside it faults: for x86, the instruction's
 * pc (pc - cs_base in 16/32-bit code) and the lazy-flags cc_op in force.
 * Every guest instruction begins with one.
 */
void tcg_gen_insn_start(uint64_t pc, uint64_t cc_op);

/*
 * The operations, for 32- and 64-bit operands.  Semantics are those of
 * QEMU's tcg-ops.rst: shifts by >= the width are undefined (front ends
 * mask the count), div/rem by zero or INT_MIN/-1 are undefined (front ends
 * check first), extract/deposit take (ofs, len) with ofs + len <= width,
 * mulu2/muls2 produce (lo, hi), add2/sub2 take and produce (lo, hi)
 * pairs, clz/ctz take the value returned for a zero input.
 *
 * Every binary op also has an _i form with an immediate second operand.
 */

/* 32-bit. */
void tcg_gen_mov_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_movi_i32(TCGv_i32 ret, int32_t arg);
void tcg_gen_add_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_addi_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_sub_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_subi_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_subfi_i32(TCGv_i32 ret, int32_t a, TCGv_i32 b);
void tcg_gen_neg_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_mul_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_muli_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_div_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_rem_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_divu_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_remu_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_and_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_andi_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_or_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_ori_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_xor_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_xori_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_not_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_andc_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_orc_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_eqv_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_nand_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_nor_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_shl_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_shli_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_shr_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_shri_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_sar_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_sari_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_rotl_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_rotli_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_rotr_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_rotri_i32(TCGv_i32 ret, TCGv_i32 a, int32_t b);
void tcg_gen_ext8s_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext8u_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext16s_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext16u_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_bswap16_i32(TCGv_i32 ret, TCGv_i32 arg);  /* zero-extends */
void tcg_gen_bswap32_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_clz_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 zero_val);
void tcg_gen_clzi_i32(TCGv_i32 ret, TCGv_i32 a, uint32_t zero_val);
void tcg_gen_ctz_i32(TCGv_i32 ret, TCGv_i32 a, TCGv_i32 zero_val);
void tcg_gen_ctzi_i32(TCGv_i32 ret, TCGv_i32 a, uint32_t zero_val);
void tcg_gen_ctpop_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_extract_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs,
                         unsigned len);
void tcg_gen_sextract_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs,
                          unsigned len);
void tcg_gen_deposit_i32(TCGv_i32 ret, TCGv_i32 base, TCGv_i32 val,
                         unsigned ofs, unsigned len);
void tcg_gen_setcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 a,
                         TCGv_i32 b);
void tcg_gen_setcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 a,
                          int32_t b);
void tcg_gen_movcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 c1,
                         TCGv_i32 c2, TCGv_i32 v1, TCGv_i32 v2);
void tcg_gen_brcond_i32(TCGCond cond, TCGv_i32 a, TCGv_i32 b, TCGLabel *l);
void tcg_gen_brcondi_i32(TCGCond cond, TCGv_i32 a, int32_t b, TCGLabel *l);
void tcg_gen_add2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah,
                      TCGv_i32 bl, TCGv_i32 bh);
void tcg_gen_sub2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah,
                      TCGv_i32 bl, TCGv_i32 bh);
void tcg_gen_mulu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 a, TCGv_i32 b);
void tcg_gen_muls2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 a, TCGv_i32 b);

/* 64-bit. */
void tcg_gen_mov_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_movi_i64(TCGv_i64 ret, int64_t arg);
void tcg_gen_add_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_addi_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_sub_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_subi_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_subfi_i64(TCGv_i64 ret, int64_t a, TCGv_i64 b);
void tcg_gen_neg_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_mul_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_muli_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_div_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_rem_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_divu_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_remu_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_and_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_andi_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_or_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_ori_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_xor_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_xori_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_not_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_andc_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_orc_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_eqv_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_nand_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_nor_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_shl_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_shli_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_shr_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_shri_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_sar_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_sari_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_rotl_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_rotli_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_rotr_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_rotri_i64(TCGv_i64 ret, TCGv_i64 a, int64_t b);
void tcg_gen_ext8s_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext8u_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext16s_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext16u_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext32s_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext32u_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_bswap16_i64(TCGv_i64 ret, TCGv_i64 arg);  /* zero-extends */
void tcg_gen_bswap32_i64(TCGv_i64 ret, TCGv_i64 arg);  /* zero-extends */
void tcg_gen_bswap64_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_clz_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 zero_val);
void tcg_gen_clzi_i64(TCGv_i64 ret, TCGv_i64 a, uint64_t zero_val);
void tcg_gen_ctz_i64(TCGv_i64 ret, TCGv_i64 a, TCGv_i64 zero_val);
void tcg_gen_ctzi_i64(TCGv_i64 ret, TCGv_i64 a, uint64_t zero_val);
void tcg_gen_ctpop_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_extract_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs,
                         unsigned len);
void tcg_gen_sextract_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs,
                          unsigned len);
void tcg_gen_deposit_i64(TCGv_i64 ret, TCGv_i64 base, TCGv_i64 val,
                         unsigned ofs, unsigned len);
/* ret = (ah:al >> ofs) truncated to 64 bits; 0 <= ofs <= 64. */
void tcg_gen_extract2_i64(TCGv_i64 ret, TCGv_i64 al, TCGv_i64 ah,
                          unsigned ofs);
void tcg_gen_setcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 a,
                         TCGv_i64 b);
void tcg_gen_setcondi_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 a,
                          int64_t b);
void tcg_gen_movcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 c1,
                         TCGv_i64 c2, TCGv_i64 v1, TCGv_i64 v2);
void tcg_gen_brcond_i64(TCGCond cond, TCGv_i64 a, TCGv_i64 b, TCGLabel *l);
void tcg_gen_brcondi_i64(TCGCond cond, TCGv_i64 a, int64_t b, TCGLabel *l);
void tcg_gen_add2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 al, TCGv_i64 ah,
                      TCGv_i64 bl, TCGv_i64 bh);
void tcg_gen_sub2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 al, TCGv_i64 ah,
                      TCGv_i64 bl, TCGv_i64 bh);
void tcg_gen_mulu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 a, TCGv_i64 b);
void tcg_gen_muls2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 a, TCGv_i64 b);

/* Between sizes. */
void tcg_gen_extu_i32_i64(TCGv_i64 ret, TCGv_i32 arg);
void tcg_gen_ext_i32_i64(TCGv_i64 ret, TCGv_i32 arg);
void tcg_gen_extrl_i64_i32(TCGv_i32 ret, TCGv_i64 arg);
void tcg_gen_extrh_i64_i32(TCGv_i32 ret, TCGv_i64 arg);
void tcg_gen_concat_i32_i64(TCGv_i64 ret, TCGv_i32 lo, TCGv_i32 hi);
#define tcg_gen_trunc_i64_i32 tcg_gen_extrl_i64_i32

/* Host pointers (TCGv_ptr is 64-bit: these are the i64 ops renamed). */
void tcg_gen_mov_ptr(TCGv_ptr ret, TCGv_ptr arg);
void tcg_gen_addi_ptr(TCGv_ptr ret, TCGv_ptr a, intptr_t b);
void tcg_gen_add_ptr(TCGv_ptr ret, TCGv_ptr a, TCGv_ptr b);
void tcg_gen_ext_i32_ptr(TCGv_ptr ret, TCGv_i32 arg);

/* Loads and stores of host memory: CPU state at base + offset. */
void tcg_gen_ld8u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld8s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld16u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld16s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st8_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st16_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld8u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld8s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld16u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld16s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld32u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld32s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st8_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st16_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st32_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t ofs);
void tcg_gen_ld_ptr(TCGv_ptr ret, TCGv_ptr base, intptr_t ofs);
void tcg_gen_st_ptr(TCGv_ptr arg, TCGv_ptr base, intptr_t ofs);

/* Guest memory (see the header comment); addr is a guest address. */
void tcg_gen_qemu_ld_i32(TCGv_i32 val, TCGv addr, unsigned mmu_idx,
                         MemOp memop);
void tcg_gen_qemu_st_i32(TCGv_i32 val, TCGv addr, unsigned mmu_idx,
                         MemOp memop);
void tcg_gen_qemu_ld_i64(TCGv_i64 val, TCGv addr, unsigned mmu_idx,
                         MemOp memop);
void tcg_gen_qemu_st_i64(TCGv_i64 val, TCGv addr, unsigned mmu_idx,
                         MemOp memop);
/*
 * Atomic read-modify-write on guest memory (LOCK prefix, XCHG with
 * memory): the old value is returned in ret.  cmpxchg: if *addr ==
 * cmpv, *addr = newv; ret is the old value either way.
 */
void tcg_gen_atomic_cmpxchg_i32(TCGv_i32 ret, TCGv addr, TCGv_i32 cmpv,
                                TCGv_i32 newv, unsigned mmu_idx,
                                MemOp memop);
void tcg_gen_atomic_cmpxchg_i64(TCGv_i64 ret, TCGv addr, TCGv_i64 cmpv,
                                TCGv_i64 newv, unsigned mmu_idx,
                                MemOp memop);
void tcg_gen_atomic_xchg_i64(TCGv_i64 ret, TCGv addr, TCGv_i64 val,
                             unsigned mmu_idx, MemOp memop);
void tcg_gen_atomic_fetch_add_i64(TCGv_i64 ret, TCGv addr, TCGv_i64 val,
                                  unsigned mmu_idx, MemOp memop);
void tcg_gen_atomic_fetch_and_i64(TCGv_i64 ret, TCGv addr, TCGv_i64 val,
                                  unsigned mmu_idx, MemOp memop);
void tcg_gen_atomic_fetch_or_i64(TCGv_i64 ret, TCGv addr, TCGv_i64 val,
                                 unsigned mmu_idx, MemOp memop);
void tcg_gen_atomic_fetch_xor_i64(TCGv_i64 ret, TCGv addr, TCGv_i64 val,
                                  unsigned mmu_idx, MemOp memop);
void tcg_gen_mb(unsigned bar);

/* Helper calls: args[i] are TCGTemp handles (tcgv_*_temp below). */
void tcg_gen_callN(const TCGHelperInfo *info, TCGTemp *ret, int nargs,
                   TCGTemp **args);
TCGTemp *tcgv_i32_temp(TCGv_i32 v);
TCGTemp *tcgv_i64_temp(TCGv_i64 v);
TCGTemp *tcgv_ptr_temp(TCGv_ptr v);

/* Discarding: the value of t is dead from here (liveness hint). */
void tcg_gen_discard_i32(TCGv_i32 t);
void tcg_gen_discard_i64(TCGv_i64 t);

/*
 * Leaving a TB.
 *
 * tcg_gen_goto_tb(n) (n = 0 or 1) marks a direct-jump slot; it must be
 * followed by the pc update and tcg_gen_exit_tb(tb, n).  Until the slot is
 * patched (chained) execution falls through to the exit, which returns
 * to cpu_exec with (tb | n) so the loop can chain the successor.
 * tcg_gen_exit_tb(NULL, 0) returns without chaining.
 * tcg_gen_lookup_and_goto_ptr() looks the next TB up from the current
 * cpu state (pc, cs_base, flags) and jumps to it, or exits to the loop.
 * tcg_gen_exit_tb(tb, TB_EXIT_REQUESTED) is emitted by the translator
 * core at TB entry (the exit-request check), not by front ends.
 */
#define TB_EXIT_IDX0 0
#define TB_EXIT_IDX1 1
#define TB_EXIT_REQUESTED 3
#define TB_EXIT_MASK 3
void tcg_gen_goto_tb(unsigned idx);
void tcg_gen_exit_tb(const TranslationBlock *tb, unsigned idx);
void tcg_gen_lookup_and_goto_ptr(void);

#endif
