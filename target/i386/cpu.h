/*
 * cpu.h: the x86 CPU: architectural state (CPUX86State, "env"), the
 * X86CPU object, hflags that key translation blocks, and CPUID feature
 * words.
 *
 * Who uses what:
 *  - the translator (target/i386/tcg/) and its helpers read and write env;
 *    TCG globals map the GPRs, eip and the lazy-flags fields by offset;
 *  - the x87/MMX/SSE helpers own the FPU fields;
 *  - linux-user builds signal frames from env and starts threads with it;
 *  - system mode (segmentation, paging, interrupts), KVM state sync, the
 *    gdbstub and savevm read the rest.
 *
 * Fields may be added; existing ones are not renamed or re-typed without
 * changing every user.  Lazy flags: EFLAGS is kept as env->eflags without
 * the arithmetic flags (CF PF AF ZF SF OF) and DF, plus (cc_op, cc_dst,
 * cc_src, cc_src2) from which the arithmetic flags are computed on
 * demand, and env->df = +1 or -1.  cpu_compute_eflags(env) gives the
 * architectural value; cpu_load_eflags(env, val, mask) sets it.
 */
#ifndef TARGET_I386_CPU_H
#define TARGET_I386_CPU_H

#include "qemu/osdep.h"
#include "hw/core/cpu.h"
#include "exec/cpu-defs.h"

#define TYPE_X86_CPU "x86_64-cpu"
#define X86_CPU_TYPE_SUFFIX "-" TYPE_X86_CPU
#define X86_CPU_TYPE_NAME(name) (name X86_CPU_TYPE_SUFFIX)

/* General registers. */
enum {
    R_EAX, R_ECX, R_EDX, R_EBX, R_ESP, R_EBP, R_ESI, R_EDI,
    R_R8, R_R9, R_R10, R_R11, R_R12, R_R13, R_R14, R_R15,
    CPU_NB_REGS = 16,
};

/* Segment registers (order of the ModRM reg field for MOV Sreg). */
enum { R_ES, R_CS, R_SS, R_DS, R_FS, R_GS, NB_SEGS = 6 };

/* EFLAGS bits. */
#define CC_C    0x0001
#define CC_P    0x0004
#define CC_A    0x0010
#define CC_Z    0x0040
#define CC_S    0x0080
#define CC_O    0x0800
#define CC_ALL  (CC_C | CC_P | CC_A | CC_Z | CC_S | CC_O)
#define TF_MASK   0x00000100
#define IF_MASK   0x00000200
#define DF_MASK   0x00000400
#define IOPL_MASK 0x00003000
#define IOPL_SHIFT 12
#define NT_MASK   0x00004000
#define RF_MASK   0x00010000
#define VM_MASK   0x00020000
#define AC_MASK   0x00040000
#define VIF_MASK  0x00080000
#define VIP_MASK  0x00100000
#define ID_MASK   0x00200000

/*
 * hflags: the state translation depends on, in TB.flags.  Bits chosen
 * so that the CPL and a few others sit where the front end wants them;
 * every bit that changes how code is translated must be here.
 */
#define HF_CPL_SHIFT        0    /* 2 bits: current privilege level */
#define HF_INHIBIT_IRQ_SHIFT 3   /* STI / MOV SS shadow */
#define HF_CS32_SHIFT       4    /* 32-bit code segment (D bit) */
#define HF_SS32_SHIFT       5    /* 32-bit stack segment (B bit) */
#define HF_ADDSEG_SHIFT     6    /* DS/ES/SS base may be non-zero */
#define HF_PE_SHIFT         7    /* protected mode */
#define HF_TF_SHIFT         8    /* EFLAGS.TF (must match TF_MASK) */
#define HF_MP_SHIFT         9    /* CR0.MP (must be HF_TS_SHIFT - 2) */
#define HF_EM_SHIFT        10    /* CR0.EM */
#define HF_TS_SHIFT        11    /* CR0.TS */
#define HF_IOPL_SHIFT      12    /* 2 bits: must match IOPL_SHIFT */
#define HF_LMA_SHIFT       14    /* long mode active */
#define HF_CS64_SHIFT      15    /* 64-bit code segment (L bit) */
#define HF_RF_SHIFT        16    /* EFLAGS.RF (must match RF_MASK) */
#define HF_VM_SHIFT        17    /* vm86 mode (must match VM_MASK) */
#define HF_AC_SHIFT        18    /* EFLAGS.AC (must match AC_MASK) */
#define HF_SMM_SHIFT       19
#define HF_SVME_SHIFT      20
#define HF_GUEST_SHIFT     21
#define HF_OSFXSR_SHIFT    22    /* CR4.OSFXSR */
#define HF_SMAP_SHIFT      23    /* CR4.SMAP */
#define HF_IOBPT_SHIFT     24    /* an I/O breakpoint is enabled */
#define HF_MPX_EN_SHIFT    25
#define HF_MPX_IU_SHIFT    26
#define HF_UMIP_SHIFT      27    /* CR4.UMIP */
#define HF_AVX_EN_SHIFT    28

#define HF_CPL_MASK         (3 << HF_CPL_SHIFT)
#define HF_INHIBIT_IRQ_MASK (1 << HF_INHIBIT_IRQ_SHIFT)
#define HF_CS32_MASK        (1 << HF_CS32_SHIFT)
#define HF_SS32_MASK        (1 << HF_SS32_SHIFT)
#define HF_ADDSEG_MASK      (1 << HF_ADDSEG_SHIFT)
#define HF_PE_MASK          (1 << HF_PE_SHIFT)
#define HF_TF_MASK          (1 << HF_TF_SHIFT)
#define HF_MP_MASK          (1 << HF_MP_SHIFT)
#define HF_EM_MASK          (1 << HF_EM_SHIFT)
#define HF_TS_MASK          (1 << HF_TS_SHIFT)
#define HF_IOPL_MASK        (3 << HF_IOPL_SHIFT)
#define HF_LMA_MASK         (1 << HF_LMA_SHIFT)
#define HF_CS64_MASK        (1 << HF_CS64_SHIFT)
#define HF_RF_MASK          (1 << HF_RF_SHIFT)
#define HF_VM_MASK          (1 << HF_VM_SHIFT)
#define HF_AC_MASK          (1 << HF_AC_SHIFT)
#define HF_SMM_MASK         (1 << HF_SMM_SHIFT)
#define HF_OSFXSR_MASK      (1 << HF_OSFXSR_SHIFT)
#define HF_SMAP_MASK        (1 << HF_SMAP_SHIFT)
#define HF_IOBPT_MASK       (1 << HF_IOBPT_SHIFT)
#define HF_UMIP_MASK        (1 << HF_UMIP_SHIFT)

/* hflags2: state that does not key TBs. */
#define HF2_GIF_MASK        (1 << 0)
#define HF2_HIF_MASK        (1 << 1)
#define HF2_NMI_MASK        (1 << 2)   /* NMI blocked until IRET */
#define HF2_VINTR_MASK      (1 << 3)
#define HF2_SMM_INSIDE_NMI_MASK (1 << 4)

/* Control registers. */
#define CR0_PE_MASK  (1U << 0)
#define CR0_MP_MASK  (1U << 1)
#define CR0_EM_MASK  (1U << 2)
#define CR0_TS_MASK  (1U << 3)
#define CR0_ET_MASK  (1U << 4)
#define CR0_NE_MASK  (1U << 5)
#define CR0_WP_MASK  (1U << 16)
#define CR0_AM_MASK  (1U << 18)
#define CR0_NW_MASK  (1U << 29)
#define CR0_CD_MASK  (1U << 30)
#define CR0_PG_MASK  (1U << 31)

#define CR4_VME_MASK  (1U << 0)
#define CR4_PVI_MASK  (1U << 1)
#define CR4_TSD_MASK  (1U << 2)
#define CR4_DE_MASK   (1U << 3)
#define CR4_PSE_MASK  (1U << 4)
#define CR4_PAE_MASK  (1U << 5)
#define CR4_MCE_MASK  (1U << 6)
#define CR4_PGE_MASK  (1U << 7)
#define CR4_PCE_MASK  (1U << 8)
#define CR4_OSFXSR_MASK (1U << 9)
#define CR4_OSXMMEXCPT_MASK (1U << 10)
#define CR4_UMIP_MASK (1U << 11)
#define CR4_LA57_MASK (1U << 12)
#define CR4_FSGSBASE_MASK (1U << 16)
#define CR4_PCIDE_MASK (1U << 17)
#define CR4_OSXSAVE_MASK (1U << 18)
#define CR4_SMEP_MASK (1U << 20)
#define CR4_SMAP_MASK (1U << 21)
#define CR4_PKE_MASK  (1U << 22)

/* Segment descriptor flags as kept in SegmentCache.flags (bits 8-23 of
 * the descriptor's high word, in place). */
#define DESC_G_SHIFT   23
#define DESC_G_MASK    (1 << DESC_G_SHIFT)
#define DESC_B_SHIFT   22
#define DESC_B_MASK    (1 << DESC_B_SHIFT)
#define DESC_L_SHIFT   21
#define DESC_L_MASK    (1 << DESC_L_SHIFT)
#define DESC_AVL_MASK  (1 << 20)
#define DESC_P_MASK    (1 << 15)
#define DESC_DPL_SHIFT 13
#define DESC_DPL_MASK  (3 << DESC_DPL_SHIFT)
#define DESC_S_MASK    (1 << 12)
#define DESC_TYPE_SHIFT 8
#define DESC_TYPE_MASK (15 << DESC_TYPE_SHIFT)
#define DESC_A_MASK    (1 << 8)
#define DESC_CS_MASK   (1 << 11)     /* code segment (else data) */
#define DESC_C_MASK    (1 << 10)     /* code: conforming */
#define DESC_E_MASK    (1 << 10)     /* data: expand-down */
#define DESC_R_MASK    (1 << 9)      /* code: readable */
#define DESC_W_MASK    (1 << 9)      /* data: writable */

/* Exceptions (vector numbers) and the user-mode pseudo-exceptions. */
#define EXCP00_DIVZ   0
#define EXCP01_DB     1
#define EXCP02_NMI    2
#define EXCP03_INT3   3
#define EXCP04_INTO   4
#define EXCP05_BOUND  5
#define EXCP06_ILLOP  6
#define EXCP07_PREX   7
#define EXCP08_DBLE   8
#define EXCP09_XERR   9
#define EXCP0A_TSS    10
#define EXCP0B_NOSEG  11
#define EXCP0C_STACK  12
#define EXCP0D_GPF    13
#define EXCP0E_PAGE   14
#define EXCP10_COPR   16
#define EXCP11_ALGN   17
#define EXCP12_MCHK   18
#define EXCP13_XMM    19
#define EXCP_SYSCALL  0x100      /* user mode: SYSCALL executed */
#define EXCP_VSYSCALL 0x101      /* user mode: call into the vsyscall page */

/* MSRs the CPU implements (system mode; KVM syncs the same list). */
#define MSR_IA32_TSC            0x10
#define MSR_IA32_APICBASE       0x1b
#define MSR_IA32_FEATURE_CONTROL 0x3a
#define MSR_TSC_ADJUST          0x3b
#define MSR_IA32_SPEC_CTRL      0x48
#define MSR_IA32_BIOS_SIGN_ID   0x8b
#define MSR_MTRRcap             0xfe
#define MSR_IA32_SYSENTER_CS    0x174
#define MSR_IA32_SYSENTER_ESP   0x175
#define MSR_IA32_SYSENTER_EIP   0x176
#define MSR_MCG_CAP             0x179
#define MSR_MCG_STATUS          0x17a
#define MSR_IA32_MISC_ENABLE    0x1a0
#define MSR_MTRRphysBase(n)     (0x200 + 2 * (n))
#define MSR_MTRRphysMask(n)     (0x201 + 2 * (n))
#define MSR_MTRRfix64K_00000    0x250
#define MSR_MTRRfix16K_80000    0x258
#define MSR_MTRRfix16K_A0000    0x259
#define MSR_MTRRfix4K_C0000     0x268
#define MSR_PAT                 0x277
#define MSR_MTRRdefType         0x2ff
#define MSR_IA32_TSC_DEADLINE   0x6e0
#define MSR_EFER                0xc0000080
#define MSR_STAR                0xc0000081
#define MSR_LSTAR               0xc0000082
#define MSR_CSTAR               0xc0000083
#define MSR_FMASK               0xc0000084
#define MSR_FSBASE              0xc0000100
#define MSR_GSBASE              0xc0000101
#define MSR_KERNELGSBASE        0xc0000102
#define MSR_TSC_AUX             0xc0000103

#define MSR_EFER_SCE (1 << 0)
#define MSR_EFER_LME (1 << 8)
#define MSR_EFER_LMA (1 << 10)
#define MSR_EFER_NXE (1 << 11)
#define MSR_EFER_SVME (1 << 12)
#define MSR_EFER_FFXSR (1 << 14)

#define MSR_MTRRcap_VCNT 8

/* CPUID feature words. */
typedef enum FeatureWord {
    FEAT_1_EDX,          /* CPUID[1].EDX */
    FEAT_1_ECX,          /* CPUID[1].ECX */
    FEAT_7_0_EBX,        /* CPUID[EAX=7,ECX=0].EBX */
    FEAT_7_0_ECX,
    FEAT_7_0_EDX,
    FEAT_8000_0001_EDX,
    FEAT_8000_0001_ECX,
    FEAT_8000_0007_EDX,
    FEAT_8000_0008_EBX,
    FEAT_XSAVE,          /* CPUID[EAX=0xd,ECX=1].EAX */
    FEAT_6_EAX,
    FEATURE_WORDS,
} FeatureWord;

#define CPUID_FP87 (1U << 0)
#define CPUID_VME  (1U << 1)
#define CPUID_DE   (1U << 2)
#define CPUID_PSE  (1U << 3)
#define CPUID_TSC  (1U << 4)
#define CPUID_MSR  (1U << 5)
#define CPUID_PAE  (1U << 6)
#define CPUID_MCE  (1U << 7)
#define CPUID_CX8  (1U << 8)
#define CPUID_APIC (1U << 9)
#define CPUID_SEP  (1U << 11)
#define CPUID_MTRR (1U << 12)
#define CPUID_PGE  (1U << 13)
#define CPUID_MCA  (1U << 14)
#define CPUID_CMOV (1U << 15)
#define CPUID_PAT  (1U << 16)
#define CPUID_PSE36 (1U << 17)
#define CPUID_CLFLUSH (1U << 19)
#define CPUID_MMX  (1U << 23)
#define CPUID_FXSR (1U << 24)
#define CPUID_SSE  (1U << 25)
#define CPUID_SSE2 (1U << 26)
#define CPUID_SS   (1U << 27)
#define CPUID_HT   (1U << 28)

#define CPUID_EXT_SSE3    (1U << 0)
#define CPUID_EXT_PCLMULQDQ (1U << 1)
#define CPUID_EXT_MONITOR (1U << 3)
#define CPUID_EXT_SSSE3   (1U << 9)
#define CPUID_EXT_CX16    (1U << 13)
#define CPUID_EXT_SSE41   (1U << 19)
#define CPUID_EXT_SSE42   (1U << 20)
#define CPUID_EXT_X2APIC  (1U << 21)
#define CPUID_EXT_MOVBE   (1U << 22)
#define CPUID_EXT_POPCNT  (1U << 23)
#define CPUID_EXT_TSC_DEADLINE_TIMER (1U << 24)
#define CPUID_EXT_XSAVE   (1U << 26)
#define CPUID_EXT_OSXSAVE (1U << 27)
#define CPUID_EXT_HYPERVISOR (1U << 31)

#define CPUID_EXT2_SYSCALL (1U << 11)
#define CPUID_EXT2_NX      (1U << 20)
#define CPUID_EXT2_FFXSR   (1U << 25)
#define CPUID_EXT2_PDPE1GB (1U << 26)
#define CPUID_EXT2_RDTSCP  (1U << 27)
#define CPUID_EXT2_LM      (1U << 29)

#define CPUID_EXT3_LAHF_LM (1U << 0)
#define CPUID_EXT3_SVM     (1U << 2)
#define CPUID_EXT3_ABM     (1U << 5)
#define CPUID_EXT3_SSE4A   (1U << 6)

#define CPUID_7_0_EBX_FSGSBASE (1U << 0)
#define CPUID_7_0_EBX_BMI1     (1U << 3)
#define CPUID_7_0_EBX_BMI2     (1U << 8)
#define CPUID_7_0_EBX_SMEP     (1U << 7)
#define CPUID_7_0_EBX_ERMS     (1U << 9)
#define CPUID_7_0_EBX_SMAP     (1U << 20)

/* A segment register with its descriptor cache. */
typedef struct SegmentCache {
    uint32_t selector;
    uint64_t base;
    uint32_t limit;              /* byte granular (G already applied) */
    uint32_t flags;              /* DESC_* */
} SegmentCache;

/* x87 register: the 80-bit value as stored in memory (FSTP m80). */
typedef struct FloatX80 {
    uint64_t mant;               /* explicit integer bit in bit 63 */
    uint16_t sign_exp;           /* sign in bit 15, exponent bits 0-14 */
} FloatX80;

typedef union MMXReg {
    uint8_t b[8];
    uint16_t w[4];
    uint32_t l[2];
    int8_t sb[8];
    int16_t sw[4];
    int32_t sl[2];
    uint64_t q;
    float f[2];
} MMXReg;

/* An x87 stack slot aliases an MMX register in its mantissa. */
typedef union FPReg {
    FloatX80 d;
    MMXReg mmx;
    uint8_t pad[16];
} FPReg;

typedef union XMMReg {
    uint8_t b[16];
    uint16_t w[8];
    uint32_t l[4];
    uint64_t q[2];
    int8_t sb[16];
    int16_t sw[8];
    int32_t sl[4];
    int64_t sq[2];
    float s[4];
    double d[2];
} __attribute__((aligned(16))) XMMReg;

/* Lazy condition codes: what the last flag-setting operation was. */
typedef enum CCOp {
    CC_OP_DYNAMIC,   /* cc_op is only known at run time (env->cc_op) */
    CC_OP_EFLAGS,    /* all flags are in cc_src */
    CC_OP_MULB, CC_OP_MULW, CC_OP_MULL, CC_OP_MULQ,
    CC_OP_ADDB, CC_OP_ADDW, CC_OP_ADDL, CC_OP_ADDQ,
    CC_OP_ADCB, CC_OP_ADCW, CC_OP_ADCL, CC_OP_ADCQ,
    CC_OP_SUBB, CC_OP_SUBW, CC_OP_SUBL, CC_OP_SUBQ,
    CC_OP_SBBB, CC_OP_SBBW, CC_OP_SBBL, CC_OP_SBBQ,
    CC_OP_LOGICB, CC_OP_LOGICW, CC_OP_LOGICL, CC_OP_LOGICQ,
    CC_OP_INCB, CC_OP_INCW, CC_OP_INCL, CC_OP_INCQ,
    CC_OP_DECB, CC_OP_DECW, CC_OP_DECL, CC_OP_DECQ,
    CC_OP_SHLB, CC_OP_SHLW, CC_OP_SHLL, CC_OP_SHLQ,
    CC_OP_SARB, CC_OP_SARW, CC_OP_SARL, CC_OP_SARQ,
    CC_OP_BMILGB, CC_OP_BMILGW, CC_OP_BMILGL, CC_OP_BMILGQ,
    CC_OP_ADCX, CC_OP_ADOX, CC_OP_ADCOX,
    CC_OP_CLR,       /* Z and P set, the rest clear */
    CC_OP_POPCNT,
    CC_OP_NB,        /* the front end may add before this */
} CCOp;

typedef struct CPUArchState {
    /* Integer state: mapped to TCG globals. */
    uint64_t regs[CPU_NB_REGS];
    uint64_t eip;
    uint64_t eflags;             /* without CC_ALL and DF (see above) */
    uint64_t cc_dst;
    uint64_t cc_src;
    uint64_t cc_src2;
    uint32_t cc_op;              /* CCOp */
    int32_t df;                  /* +1 or -1 */
    uint32_t hflags;             /* HF_* */
    uint32_t hflags2;            /* HF2_* */

    /* Segments and descriptor tables. */
    SegmentCache segs[NB_SEGS];
    SegmentCache ldt;
    SegmentCache tr;
    SegmentCache gdt;            /* only base and limit used */
    SegmentCache idt;

    uint64_t cr[5];              /* CR0, -, CR2, CR3, CR4 */
    uint64_t xcr0;
    int32_t a20_mask;

    /* x87: stack top, status (without TOP), control, tags (1 = empty). */
    unsigned int fpstt;
    uint16_t fpus;
    uint16_t fpuc;
    uint8_t fptags[8];
    FPReg fpregs[8];
    uint16_t fpop;               /* last opcode (11 bits) */
    uint16_t fpcs;
    uint16_t fpds;
    uint64_t fpip;               /* last instruction pointer */
    uint64_t fpdp;               /* last data pointer */
    FloatX80 ft0;                /* scratch operand for helpers */

    /* SSE. */
    uint32_t mxcsr;
    XMMReg xmm_regs[CPU_NB_REGS];
    XMMReg xmm_t0;               /* scratch for the translator */
    MMXReg mmx_t0;

    /* System state. */
    uint64_t efer;
    uint64_t star;
    uint64_t lstar;
    uint64_t cstar;
    uint64_t fmask;
    uint64_t kernelgsbase;
    uint64_t sysenter_cs;
    uint64_t sysenter_esp;
    uint64_t sysenter_eip;
    uint64_t tsc;                /* set by WRMSR: offset from the clock */
    uint64_t tsc_adjust;
    uint64_t tsc_deadline;
    uint64_t tsc_aux;
    uint64_t pat;
    uint64_t mtrr_deftype;
    uint64_t mtrr_fixed[11];
    struct {
        uint64_t base;
        uint64_t mask;
    } mtrr_var[MSR_MTRRcap_VCNT];
    uint64_t msr_ia32_misc_enable;
    uint64_t msr_ia32_feature_control;
    uint64_t mcg_cap;
    uint64_t mcg_status;
    uint64_t smbase;
    uint64_t dr[8];              /* DR0-DR3, -, -, DR6, DR7 */
    uint64_t apic_base;          /* IA32_APIC_BASE */

    /* Exception being delivered (system mode). */
    int error_code;
    int exception_is_int;        /* INT n / INT3 / INTO: software */
    uint64_t exception_next_eip;
    int old_exception;           /* for double-fault detection; -1 */
    uint64_t user_fault_addr;    /* user mode: the address of a fault */
    int user_fault_write;

    /* CPUID, from the model (target/i386/cpu.c). */
    uint32_t cpuid_level;
    uint32_t cpuid_xlevel;
    uint32_t cpuid_vendor1;
    uint32_t cpuid_vendor2;
    uint32_t cpuid_vendor3;
    uint32_t cpuid_version;      /* family/model/stepping */
    uint32_t cpuid_apic_id;
    uint32_t features[FEATURE_WORDS];
    char cpuid_model_id[48];

    /* Fields past here are not cleared by a CPU reset. */
    struct {} end_reset_fields;

    void *apic;                  /* the local APIC device (system mode) */
    uint64_t tsc_khz;
} CPUX86State;

typedef struct X86CPU {
    CPUState parent_obj;
    CPUNegativeOffsetState neg;  /* must end where env starts */
    CPUX86State env;

    /* Model and -cpu options. */
    char *model_name;
    bool migratable;
    bool enforce_cpuid;
    uint32_t apic_id;
} X86CPU;

#define X86_CPU(obj) OBJECT_CHECK(X86CPU, (obj), TYPE_X86_CPU)

static inline X86CPU *env_archcpu(CPUX86State *env)
{
    return container_of(env, X86CPU, env);
}

static inline CPUState *env_cpu(CPUX86State *env)
{
    return &env_archcpu(env)->parent_obj;
}

static inline CPUX86State *cpu_env(CPUState *cpu)
{
    return &container_of(cpu, X86CPU, parent_obj)->env;
}

/* MMU indexes (system mode; user mode uses MMU_USER_IDX only). */
#define MMU_KSMAP_IDX   0        /* supervisor, SMAP checks apply */
#define MMU_USER_IDX    1
#define MMU_KNOSMAP_IDX 2        /* supervisor, SMAP overridden (AC=1) */
#define MMU_NESTED_IDX  3
#define MMU_PHYS_IDX    4        /* paging off: physical addresses */

/* EFLAGS with the lazily kept arithmetic flags and DF folded in. */
uint64_t cpu_compute_eflags(CPUX86State *env);
/* Set the bits of EFLAGS in update_mask from eflags (also CC and DF). */
void cpu_load_eflags(CPUX86State *env, uint64_t eflags,
                     uint64_t update_mask);
/* Compute the lazily kept arithmetic flags (CC_ALL bits) now. */
uint32_t cpu_cc_compute_all(CPUX86State *env, int op);

/* Load a segment register the way real/vm86/user mode does. */
void cpu_x86_load_seg_cache(CPUX86State *env, int seg_reg,
                            uint32_t selector, uint64_t base,
                            uint32_t limit, uint32_t flags);
/* Recompute hflags after CR0/CR4/EFER/segment/EFLAGS changes. */
void x86_update_hflags(CPUX86State *env);

/* CPUID as the guest sees it for (leaf, subleaf). */
void cpu_x86_cpuid(CPUX86State *env, uint32_t index, uint32_t count,
                   uint32_t *eax, uint32_t *ebx, uint32_t *ecx,
                   uint32_t *edx);

/* -cpu help / known models (target/i386/cpu-models.c). */
void x86_cpu_list(void);
bool x86_cpu_model_known(const char *name);

#endif
