/*
 * translator.h: the generic translation loop a front end plugs into.
 *
 * accel/tcg/translator.c owns the loop: it emits the TB prologue (the
 * exit-request check), calls the front end once per guest instruction,
 * stops at the instruction limit, at a page boundary it may not cross,
 * or when the front end says so, and records which guest pages the TB
 * covers.  The front end owns everything about decoding and the ops of
 * each instruction; it reads guest code only through translator_ld*(), so
 * that accel/tcg sees every code page (SMC tracking, faults on fetch).
 */
#ifndef EXEC_TRANSLATOR_H
#define EXEC_TRANSLATOR_H

#include "exec/exec-all.h"
#include "tcg/tcg.h"

typedef enum DisasJumpType {
    DISAS_NEXT,          /* go on with the next instruction */
    DISAS_TOO_MANY,      /* limit reached: end with a goto_tb to pc_next */
    DISAS_NORETURN,      /* the instruction ended the TB itself */
    DISAS_TARGET_0,      /* front-end-specific endings from here on */
    DISAS_TARGET_1,
    DISAS_TARGET_2,
    DISAS_TARGET_3,
    DISAS_TARGET_4,
} DisasJumpType;

/* Embedded first in the front end's DisasContext. */
typedef struct DisasContextBase {
    TranslationBlock *tb;
    uint64_t pc_first;
    uint64_t pc_next;
    DisasJumpType is_jmp;
    int num_insns;
    int max_insns;
    bool singlestep_enabled;
    void *host_addr[2];          /* host pointers of the TB's code pages */
} DisasContextBase;

typedef struct TranslatorOps {
    void (*init_disas_context)(DisasContextBase *db, CPUState *cpu);
    void (*tb_start)(DisasContextBase *db, CPUState *cpu);
    /* Emit tcg_gen_insn_start for the instruction at db->pc_next. */
    void (*insn_start)(DisasContextBase *db, CPUState *cpu);
    /* Translate one instruction; advance db->pc_next; set db->is_jmp. */
    void (*translate_insn)(DisasContextBase *db, CPUState *cpu);
    /* Emit the TB ending for db->is_jmp. */
    void (*tb_stop)(DisasContextBase *db, CPUState *cpu);
    /* -d in_asm: disassemble the guest code of the TB. */
    void (*disas_log)(const DisasContextBase *db, CPUState *cpu, FILE *f);
} TranslatorOps;

void translator_loop(CPUState *cpu, TranslationBlock *tb, int *max_insns,
                     uint64_t pc, void *host_pc, const TranslatorOps *ops,
                     DisasContextBase *db);

/*
 * Fetch guest code at pc for the TB being built.  A fetch fault (or
 * crossing into a page the TB may not span) ends translation: if it is
 * the first instruction the fault is raised for the guest.
 */
uint8_t translator_ldub(CPUArchState *env, DisasContextBase *db,
                        uint64_t pc);
uint16_t translator_lduw(CPUArchState *env, DisasContextBase *db,
                         uint64_t pc);
uint32_t translator_ldl(CPUArchState *env, DisasContextBase *db,
                        uint64_t pc);
uint64_t translator_ldq(CPUArchState *env, DisasContextBase *db,
                        uint64_t pc);

/* True if a goto_tb to dest may be used (same page, chaining allowed). */
bool translator_use_goto_tb(DisasContextBase *db, uint64_t dest);

#endif
