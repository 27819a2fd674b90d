/*
 * qtest.c: the qtest accelerator and protocol server.
 *
 * With "-machine accel=qtest" (or -accel qtest) no guest code runs and
 * the virtual clock only moves when told to.  "-qtest CHARDEV" starts a
 * server on that chardev speaking QEMU's qtest line protocol, as QEMU's
 * docs/devel/testing/qtest.rst describes it: one command per line, one
 * reply per command ("OK", "OK VALUE" or "FAIL ..."), with asynchronous
 * "IRQ raise N" / "IRQ lower N" lines in between when interrupt lines
 * are intercepted.  Reply formats were checked against Debian's QEMU 7.2:
 *
 *   outb|outw|outl ADDR VALUE      -> OK
 *   inb|inw|inl ADDR               -> OK 0x%04x
 *   writeb|w|l|q ADDR VALUE        -> OK
 *   readb|w|l|q ADDR               -> OK 0x%016x
 *   read ADDR SIZE                 -> OK 0x<2*SIZE hex digits>
 *   write ADDR SIZE 0xDATA         -> OK   (short DATA is zero filled)
 *   b64read ADDR SIZE              -> OK <base64>
 *   b64write ADDR SIZE B64DATA     -> OK   (writes min(decoded, SIZE))
 *   memset ADDR SIZE VALUE         -> OK
 *   clock_step [NS], clock_set NS  -> OK <virtual clock ns>
 *   irq_intercept_in PATH          -> OK
 *   irq_intercept_out PATH [NAME]  -> OK
 *   set_irq_in PATH NAME NUM LEVEL -> OK
 *   endianness                     -> OK little
 *   module_load ...                -> FAIL
 *   anything else                  -> FAIL Unknown command 'WORD'
 * Numbers are C integers (0x.., 0.., decimal).  Port and memory accesses
 * go through address_space_io / address_space_memory as byte buffers,
 * so wide accesses are split wherever the guest's would be.  The clock
 * commands exist only under the qtest accelerator; elsewhere they are
 * unknown commands, as in QEMU.
 *
 * Where QEMU aborts on malformed input (missing or bad numbers, an empty
 * read) we answer "FAIL" with a reason instead.  -qtest-log FILE logs
 * the traffic ("[R +secs] line", "[S +secs] reply", "[I ...] OPENED");
 * without -qtest-log it goes to stderr, "none" disables it.
 *
 * Missing: QEMU's per-target command hooks, qtest on more than one
 * chardev, intercepting named GPIO inputs (QEMU refuses them too).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/timer.h"
#include "hw/qdev-core.h"
#include "hw/irq.h"
#include "exec/memory.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "sysemu/accel.h"
#include "sysemu/qtest.h"

#define QTEST_MAX_IRQ 256
#define QTEST_MAX_LINE (16 * MiB)

typedef struct QTestServer {
    CharBackend chr;
    FILE *log;
    bool log_is_stderr;
    GTimer *timer;               /* since the client connected */
    GString *inbuf;
    DeviceState *irq_intercept_dev;
    int irq_levels[QTEST_MAX_IRQ];
} QTestServer;

typedef struct QTestCommand {
    const char *name;
    int min_args;                /* words after the command */
    void (*handler)(QTestServer *q, char **words);
} QTestCommand;

bool qtest_allowed;

static QTestServer *qtest_server;

/* Output. */

static double qtest_elapsed(QTestServer *q)
{
    return q->timer ? g_timer_elapsed(q->timer, NULL) : 0;
}

static void G_GNUC_PRINTF(2, 3) qtest_sendf(QTestServer *q,
                                            const char *fmt, ...)
{
    g_autofree char *line = NULL;
    va_list ap;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (q->log) {
        fprintf(q->log, "[S +%.6f] %s", qtest_elapsed(q), line);
        fflush(q->log);
    }
    qemu_chr_fe_write_all(&q->chr, (const uint8_t *)line, strlen(line));
}

static void qtest_ok(QTestServer *q)
{
    qtest_sendf(q, "OK\n");
}

/* Argument parsing: a malformed number answers FAIL, never aborts. */

static bool qtest_parse_u64(QTestServer *q, const char *word, uint64_t *val)
{
    if (qemu_strtou64(word, NULL, 0, val) < 0) {
        qtest_sendf(q, "FAIL invalid number '%s'\n", word);
        return false;
    }
    return true;
}

static bool qtest_parse_i64(QTestServer *q, const char *word, int64_t *val)
{
    if (qemu_strtoi64(word, NULL, 0, val) < 0) {
        qtest_sendf(q, "FAIL invalid number '%s'\n", word);
        return false;
    }
    return true;
}

static bool qtest_parse_port(QTestServer *q, const char *word, uint64_t *port)
{
    if (!qtest_parse_u64(q, word, port)) {
        return false;
    }
    if (*port > 0xffff) {
        qtest_sendf(q, "FAIL port '%s' is beyond 0xffff\n", word);
        return false;
    }
    return true;
}

/* The access size a command name ends with (outb, readq, ...). */
static unsigned qtest_size_suffix(const char *cmd)
{
    switch (cmd[strlen(cmd) - 1]) {
    case 'b':
        return 1;
    case 'w':
        return 2;
    case 'l':
        return 4;
    default:
        return 8;
    }
}

static uint64_t qtest_le_value(const uint8_t *buf, unsigned size)
{
    uint64_t val = 0;
    unsigned i;

    for (i = 0; i < size; i++) {
        val |= (uint64_t)buf[i] << (8 * i);
    }
    return val;
}

static void qtest_le_bytes(uint8_t *buf, uint64_t val, unsigned size)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        buf[i] = val >> (8 * i);
    }
}

/* Port and memory accesses. */

static void qtest_cmd_out(QTestServer *q, char **words)
{
    unsigned size = qtest_size_suffix(words[0]);
    uint64_t port, val;
    uint8_t buf[4];

    if (!qtest_parse_port(q, words[1], &port) ||
        !qtest_parse_u64(q, words[2], &val)) {
        return;
    }
    qtest_le_bytes(buf, val, size);
    address_space_write(&address_space_io, port, MEMTXATTRS_UNSPECIFIED,
                        buf, size);
    qtest_ok(q);
}

static void qtest_cmd_in(QTestServer *q, char **words)
{
    unsigned size = qtest_size_suffix(words[0]);
    uint8_t buf[4];
    uint64_t port;

    if (!qtest_parse_port(q, words[1], &port)) {
        return;
    }
    address_space_read(&address_space_io, port, MEMTXATTRS_UNSPECIFIED,
                       buf, size);
    qtest_sendf(q, "OK 0x%04" PRIx64 "\n", qtest_le_value(buf, size));
}

static void qtest_cmd_write_scalar(QTestServer *q, char **words)
{
    unsigned size = qtest_size_suffix(words[0]);
    uint64_t addr, val;
    uint8_t buf[8];

    if (!qtest_parse_u64(q, words[1], &addr) ||
        !qtest_parse_u64(q, words[2], &val)) {
        return;
    }
    qtest_le_bytes(buf, val, size);
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, size);
    qtest_ok(q);
}

static void qtest_cmd_read_scalar(QTestServer *q, char **words)
{
    unsigned size = qtest_size_suffix(words[0]);
    uint8_t buf[8];
    uint64_t addr;

    if (!qtest_parse_u64(q, words[1], &addr)) {
        return;
    }
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       buf, size);
    qtest_sendf(q, "OK 0x%016" PRIx64 "\n", qtest_le_value(buf, size));
}

/*
 * ADDR and SIZE of the buffer commands, and a buffer for SIZE bytes
 * (NULL after a FAIL answer).  allow_empty: SIZE 0 is fine.
 */
static uint8_t *qtest_buffer_args(QTestServer *q, char **words,
                                  bool allow_empty, uint64_t *addr,
                                  uint64_t *size)
{
    uint8_t *buf;

    if (!qtest_parse_u64(q, words[1], addr) ||
        !qtest_parse_u64(q, words[2], size)) {
        return NULL;
    }
    if (*size == 0 && !allow_empty) {
        qtest_sendf(q, "FAIL size must not be 0\n");
        return NULL;
    }
    buf = *size < SIZE_MAX ? g_try_malloc0(*size ? *size : 1) : NULL;
    if (!buf) {
        qtest_sendf(q, "FAIL cannot allocate %" PRIu64 " bytes\n", *size);
    }
    return buf;
}

static void qtest_cmd_read(QTestServer *q, char **words)
{
    g_autofree uint8_t *buf = NULL;
    g_autofree char *hex = NULL;
    uint64_t addr, size, i;

    buf = qtest_buffer_args(q, words, false, &addr, &size);
    if (!buf) {
        return;
    }
    hex = size < SIZE_MAX / 2 ? g_try_malloc(2 * size + 1) : NULL;
    if (!hex) {
        qtest_sendf(q, "FAIL cannot allocate %" PRIu64 " bytes\n", size);
        return;
    }
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       buf, size);
    for (i = 0; i < size; i++) {
        snprintf(hex + 2 * i, 3, "%02x", buf[i]);
    }
    qtest_sendf(q, "OK 0x%s\n", hex);
}

/* Hex DATA of "write": pairs of digits after "0x"; the rest stays 0. */
static bool qtest_parse_hex_data(QTestServer *q, const char *data,
                                 uint8_t *buf, uint64_t size)
{
    uint64_t i;

    if (data[0] != '0' || (data[1] != 'x' && data[1] != 'X')) {
        qtest_sendf(q, "FAIL data must start with 0x\n");
        return false;
    }
    data += 2;
    for (i = 0; i < size && data[2 * i] && data[2 * i + 1]; i++) {
        int hi = g_ascii_xdigit_value(data[2 * i]);
        int lo = g_ascii_xdigit_value(data[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            qtest_sendf(q, "FAIL invalid hex data\n");
            return false;
        }
        buf[i] = hi << 4 | lo;
    }
    return true;
}

static void qtest_cmd_write(QTestServer *q, char **words)
{
    g_autofree uint8_t *buf = NULL;
    uint64_t addr, size;

    buf = qtest_buffer_args(q, words, false, &addr, &size);
    if (!buf || !qtest_parse_hex_data(q, words[3], buf, size)) {
        return;
    }
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, size);
    qtest_ok(q);
}

static void qtest_cmd_b64read(QTestServer *q, char **words)
{
    g_autofree uint8_t *buf = NULL;
    g_autofree char *b64 = NULL;
    uint64_t addr, size;

    buf = qtest_buffer_args(q, words, true, &addr, &size);
    if (!buf) {
        return;
    }
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       buf, size);
    b64 = g_base64_encode(buf, size);
    qtest_sendf(q, "OK %s\n", b64);
}

static void qtest_cmd_b64write(QTestServer *q, char **words)
{
    g_autofree guchar *data = NULL;
    uint64_t addr, size;
    gsize len;

    if (!qtest_parse_u64(q, words[1], &addr) ||
        !qtest_parse_u64(q, words[2], &size)) {
        return;
    }
    data = g_base64_decode(words[3], &len);
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        data, MIN(len, size));
    qtest_ok(q);
}

static void qtest_cmd_memset(QTestServer *q, char **words)
{
    g_autofree uint8_t *buf = NULL;
    uint64_t addr, size, val;

    if (!qtest_parse_u64(q, words[3], &val)) {
        return;
    }
    buf = qtest_buffer_args(q, words, true, &addr, &size);
    if (!buf) {
        return;
    }
    memset(buf, val, size);
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, size);
    qtest_ok(q);
}

/* The virtual clock. */

static void qtest_send_clock(QTestServer *q)
{
    qtest_sendf(q, "OK %" PRIi64 "\n",
                qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
}

static void qtest_cmd_clock_step(QTestServer *q, char **words)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int64_t ns;

    if (words[1]) {
        if (!qtest_parse_i64(q, words[1], &ns)) {
            return;
        }
        if (ns > 0) {
            qtest_clock_warp(ns > INT64_MAX - now ? INT64_MAX : now + ns);
        }
    } else {
        /* To the next timer; with none armed the clock stays put. */
        int64_t next = qemu_clock_next_deadline_virtual();

        if (next > now) {
            qtest_clock_warp(next);
        }
    }
    qtest_send_clock(q);
}

static void qtest_cmd_clock_set(QTestServer *q, char **words)
{
    int64_t ns;

    if (!qtest_parse_i64(q, words[1], &ns)) {
        return;
    }
    if (ns > qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL)) {
        qtest_clock_warp(ns);
    }
    qtest_send_clock(q);
}

/* Interrupts. */

/* Report a level change of intercepted line n, then pass it on. */
static void qtest_irq_handler(void *opaque, int n, int level)
{
    qemu_irq forward = *(qemu_irq *)opaque;
    QTestServer *q = qtest_server;

    qemu_set_irq(forward, level);
    if (n >= 0 && n < QTEST_MAX_IRQ && q->irq_levels[n] != level) {
        q->irq_levels[n] = level;
        qtest_sendf(q, "IRQ %s %d\n", level ? "raise" : "lower", n);
    }
}

static DeviceState *qtest_find_device(QTestServer *q, const char *path)
{
    Object *obj = object_resolve_path(path, NULL);
    DeviceState *dev = obj ? (DeviceState *)object_dynamic_cast(
                                 obj, TYPE_DEVICE) : NULL;

    if (!dev) {
        qtest_sendf(q, "FAIL Unknown device\n");
    }
    return dev;
}

/* Every GPIO input list of dev; false if it has no GPIO lists at all. */
static bool qtest_intercept_in(DeviceState *dev)
{
    NamedGPIOList *ngl;

    for (ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (ngl->num_in) {
            qemu_irq_intercept_in(ngl->in, qtest_irq_handler, ngl->num_in);
        }
    }
    return dev->gpios != NULL;
}

static bool qtest_intercept_out(DeviceState *dev, const char *name)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);
    int i;

    if (!ngl) {
        return false;
    }
    for (i = 0; i < ngl->num_out; i++) {
        /* The cell keeps what the output drove, for the handler. */
        qemu_irq *forward = g_new0(qemu_irq, 1);
        qemu_irq icpt = qemu_allocate_irq(qtest_irq_handler, forward, i);

        *forward = qdev_intercept_gpio_out(dev, icpt, name, i);
    }
    return true;
}

static void qtest_cmd_irq_intercept(QTestServer *q, char **words)
{
    bool out = strcmp(words[0], "irq_intercept_out") == 0;
    DeviceState *dev = qtest_find_device(q, words[1]);
    bool ok;

    if (!dev) {
        return;
    }
    if (!out && words[2]) {
        qtest_sendf(q, "FAIL Interception of named in-GPIOs not yet "
                    "supported\n");
        return;
    }
    if (q->irq_intercept_dev) {
        if (q->irq_intercept_dev != dev) {
            qtest_sendf(q, "FAIL IRQ intercept already enabled\n");
        } else {
            qtest_ok(q);
        }
        return;
    }
    ok = out ? qtest_intercept_out(dev, words[2]) : qtest_intercept_in(dev);
    if (!ok) {
        qtest_sendf(q, "FAIL No intercepts installed\n");
        return;
    }
    q->irq_intercept_dev = dev;
    qtest_ok(q);
}

static void qtest_cmd_set_irq_in(QTestServer *q, char **words)
{
    DeviceState *dev = qtest_find_device(q, words[1]);
    const char *name = words[2];
    NamedGPIOList *ngl;
    int64_t num, level;

    if (!dev || !qtest_parse_i64(q, words[3], &num) ||
        !qtest_parse_i64(q, words[4], &level)) {
        return;
    }
    if (strcmp(name, "unnamed-gpio-in") == 0) {
        name = NULL;
    }
    ngl = qdev_get_named_gpio_list(dev, name);
    if (!ngl || num < 0 || num >= ngl->num_in) {
        qtest_sendf(q, "FAIL no GPIO input %s[%" PRIi64 "]\n", words[2],
                    num);
        return;
    }
    qemu_set_irq(ngl->in[num], level);
    qtest_ok(q);
}

/* The rest. */

static void qtest_cmd_endianness(QTestServer *q, char **words)
{
    qtest_sendf(q, "OK little\n");
}

static void qtest_cmd_module_load(QTestServer *q, char **words)
{
    qtest_sendf(q, "FAIL\n");           /* no loadable modules */
}

static const QTestCommand qtest_commands[] = {
    { "outb", 2, qtest_cmd_out },
    { "outw", 2, qtest_cmd_out },
    { "outl", 2, qtest_cmd_out },
    { "inb", 1, qtest_cmd_in },
    { "inw", 1, qtest_cmd_in },
    { "inl", 1, qtest_cmd_in },
    { "writeb", 2, qtest_cmd_write_scalar },
    { "writew", 2, qtest_cmd_write_scalar },
    { "writel", 2, qtest_cmd_write_scalar },
    { "writeq", 2, qtest_cmd_write_scalar },
    { "readb", 1, qtest_cmd_read_scalar },
    { "readw", 1, qtest_cmd_read_scalar },
    { "readl", 1, qtest_cmd_read_scalar },
    { "readq", 1, qtest_cmd_read_scalar },
    { "read", 2, qtest_cmd_read },
    { "write", 3, qtest_cmd_write },
    { "b64read", 2, qtest_cmd_b64read },
    { "b64write", 3, qtest_cmd_b64write },
    { "memset", 3, qtest_cmd_memset },
    { "irq_intercept_in", 1, qtest_cmd_irq_intercept },
    { "irq_intercept_out", 1, qtest_cmd_irq_intercept },
    { "set_irq_in", 4, qtest_cmd_set_irq_in },
    { "endianness", 0, qtest_cmd_endianness },
    { "module_load", 0, qtest_cmd_module_load },
};

/* Only the qtest accelerator lets the client drive the clock. */
static const QTestCommand qtest_clock_commands[] = {
    { "clock_step", 0, qtest_cmd_clock_step },
    { "clock_set", 1, qtest_cmd_clock_set },
};

static const QTestCommand *qtest_find_command(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(qtest_commands); i++) {
        if (strcmp(qtest_commands[i].name, name) == 0) {
            return &qtest_commands[i];
        }
    }
    for (i = 0; qtest_enabled() && i < G_N_ELEMENTS(qtest_clock_commands);
         i++) {
        if (strcmp(qtest_clock_commands[i].name, name) == 0) {
            return &qtest_clock_commands[i];
        }
    }
    return NULL;
}

static void qtest_process_line(QTestServer *q, const char *line)
{
    g_auto(GStrv) words = g_strsplit_set(line, " \t\r", -1);
    const QTestCommand *cmd;
    int n = 0, i;

    /* Runs of blanks split nothing: drop the empty words. */
    for (i = 0; words[i]; i++) {
        if (*words[i]) {
            words[n++] = words[i];
        } else {
            g_free(words[i]);
        }
    }
    words[n] = NULL;
    if (q->log) {
        fprintf(q->log, "[R +%.6f] %s\n", qtest_elapsed(q), line);
    }
    if (n == 0) {
        return;                         /* an empty line asks nothing */
    }
    cmd = qtest_find_command(words[0]);
    if (!cmd) {
        qtest_sendf(q, "FAIL Unknown command '%s'\n", words[0]);
    } else if (n - 1 < cmd->min_args) {
        qtest_sendf(q, "FAIL '%s' needs %d argument%s\n", words[0],
                    cmd->min_args, cmd->min_args == 1 ? "" : "s");
    } else {
        cmd->handler(q, words);
    }
}

/* Chardev callbacks. */

static int qtest_can_read(void *opaque)
{
    return 4096;
}

static void qtest_read(void *opaque, const uint8_t *buf, int size)
{
    QTestServer *q = opaque;
    char *nl;

    g_string_append_len(q->inbuf, (const char *)buf, size);
    while ((nl = memchr(q->inbuf->str, '\n', q->inbuf->len))) {
        g_autofree char *line = g_strndup(q->inbuf->str, nl - q->inbuf->str);

        g_string_erase(q->inbuf, 0, nl - q->inbuf->str + 1);
        qtest_process_line(q, line);
    }
    if (q->inbuf->len > QTEST_MAX_LINE) {
        qtest_sendf(q, "FAIL line too long\n");
        g_string_truncate(q->inbuf, 0);
    }
}

static void qtest_event(void *opaque, QEMUChrEvent event)
{
    QTestServer *q = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        /* A new client sees every line as low until told otherwise. */
        memset(q->irq_levels, 0, sizeof(q->irq_levels));
        if (q->timer) {
            g_timer_destroy(q->timer);
        }
        q->timer = g_timer_new();
        if (q->log) {
            fprintf(q->log, "[I %.6f] OPENED\n", qtest_elapsed(q));
        }
        break;
    case CHR_EVENT_CLOSED:
        if (q->log) {
            fprintf(q->log, "[I +%.6f] CLOSED\n", qtest_elapsed(q));
        }
        break;
    default:
        break;
    }
    if (q->log) {
        fflush(q->log);
    }
}

static bool qtest_open_log(QTestServer *q, const char *qtest_log,
                           Error **errp)
{
    if (!qtest_log) {
        q->log = stderr;                /* QEMU's default */
        q->log_is_stderr = true;
    } else if (strcmp(qtest_log, "none") != 0) {
        q->log = fopen(qtest_log, "w+");
        if (!q->log) {
            error_setg_errno(errp, errno, "Failed to open qtest log '%s'",
                             qtest_log);
            return false;
        }
    }
    return true;
}

bool qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp)
{
    QTestServer *q;
    Chardev *chr;
    Error *err = NULL;

    chr = qemu_chr_new_noreplay("qtest", qtest_chrdev, false, NULL, &err);
    if (!chr) {
        if (!err) {
            error_setg(&err, "Failed to initialize device for qtest: \"%s\"",
                       qtest_chrdev);
        }
        error_propagate(errp, err);
        return false;
    }
    q = g_new0(QTestServer, 1);
    if (!qtest_open_log(q, qtest_log, errp) ||
        !qemu_chr_fe_init(&q->chr, chr, errp)) {
        if (q->log && !q->log_is_stderr) {
            fclose(q->log);
        }
        g_free(q);
        return false;
    }
    q->inbuf = g_string_new(NULL);
    qtest_server = q;
    qemu_chr_fe_set_handlers(&q->chr, qtest_can_read, qtest_read,
                             qtest_event, NULL, q, NULL, true);
    qemu_chr_fe_set_echo(&q->chr, true);
    return true;
}

/* The accelerator. */

static int qtest_init_accel(MachineState *ms, Error **errp)
{
    qtest_allowed = true;
    qemu_clock_set_qtest(true);
    return 0;
}

static void qtest_accel_class_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->name = "qtest";
    ac->init_machine = qtest_init_accel;
    ac->allowed = &qtest_allowed;
}

static const TypeInfo qtest_accel_info = {
    .name = ACCEL_CLASS_NAME("qtest"),
    .parent = TYPE_ACCEL,
    .class_init = qtest_accel_class_init,
};

static void qtest_register_types(void)
{
    type_register_static(&qtest_accel_info);
}

type_init(qtest_register_types)
