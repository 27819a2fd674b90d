/*
 * log.h: runtime debug logging selected with -d ITEM,... and sent to -D FILE.
 *
 * Every debug print in the project goes through qemu_log_mask(category,...)
 * so it costs one test when the category is off.  Categories are the bits
 * below; "-d help" lists them with their descriptions.
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

typedef struct Error Error;

#define CPU_LOG_TB_OUT_ASM  (1 << 0)
#define CPU_LOG_TB_IN_ASM   (1 << 1)
#define CPU_LOG_TB_OP       (1 << 2)
#define CPU_LOG_TB_OP_OPT   (1 << 3)
#define CPU_LOG_INT         (1 << 4)
#define CPU_LOG_EXEC        (1 << 5)
#define CPU_LOG_PCALL       (1 << 6)
#define CPU_LOG_TB_CPU      (1 << 8)
#define CPU_LOG_RESET       (1 << 9)
#define LOG_UNIMP           (1 << 10)
#define LOG_GUEST_ERROR     (1 << 11)
#define CPU_LOG_MMU         (1 << 12)
#define CPU_LOG_TB_NOCHAIN  (1 << 13)
#define CPU_LOG_PAGE        (1 << 14)
#define LOG_TRACE           (1 << 15)
#define CPU_LOG_TB_OP_IND   (1 << 16)
#define CPU_LOG_TB_FPU      (1 << 17)
#define CPU_LOG_PLUGIN      (1 << 18)
#define LOG_STRACE          (1 << 19)
#define LOG_PER_THREAD      (1 << 20)

extern int qemu_loglevel;

static inline bool qemu_loglevel_mask(int mask)
{
    return (qemu_loglevel & mask) != 0;
}

/* Print to the log file (stderr unless -D was given). */
void qemu_log(const char *fmt, ...) QEMU_PRINTF(1, 2);
void qemu_log_vprintf(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);

#define qemu_log_mask(mask, fmt, ...)                  \
    do {                                               \
        if (unlikely(qemu_loglevel_mask(mask))) {      \
            qemu_log(fmt, ## __VA_ARGS__);             \
        }                                              \
    } while (0)

/* Lock the log file for a multi-line dump; returns the FILE* or NULL. */
FILE *qemu_log_trylock(void);
void qemu_log_unlock(FILE *f);

/*
 * Parse "-d" items ("in_asm,int", "help" handled by caller).  Returns the
 * mask, or 0 and sets errp naming the bad item.
 */
int qemu_str_to_log_mask(const char *str, Error **errp);
/* Print the list of items, one per line, as "-d help" does. */
void qemu_print_log_usage(FILE *f);
/*
 * Set the log mask and output file (NULL = stderr).  "%d" in the file
 * name is replaced by the pid, as in QEMU.  Returns false on error.
 */
bool qemu_set_log_filename_flags(const char *filename, int mask,
                                 Error **errp);

#endif
