/*
 * readline.c: the monitor's line editor.
 *
 * Implements include/monitor/readline.h.  Input is a byte stream from a
 * VT100-compatible terminal (or telnet client); output uses only the
 * ECMA-48 sequences every such terminal has: CSI n D / CSI n C (cursor
 * left/right) and CSI K (erase to end of line).
 *
 * Redraw model: we remember what the terminal shows after the prompt
 * (shown_buf) and where its cursor is (shown_index).  After each edit
 * the common prefix of the shown and the wanted text stays; we move the
 * cursor to the first difference, print the rest, erase what is left of
 * the old text and move the cursor to its new place.  Typing at the end
 * of a line therefore echoes just the character typed.
 *
 * Missing: lines wider than the terminal are redrawn as if the terminal
 * never wraps (as QEMU does); no UTF-8 awareness (cursor motion counts
 * bytes); no Alt/Meta word motions; no reverse history search.
 */
#include "qemu/osdep.h"
#include "monitor/readline.h"

enum {
    KEY_CTRL_A = 1,
    KEY_CTRL_B = 2,
    KEY_CTRL_D = 4,
    KEY_CTRL_E = 5,
    KEY_CTRL_F = 6,
    KEY_BS = 8,
    KEY_TAB = 9,
    KEY_LF = 10,
    KEY_CTRL_K = 11,
    KEY_CR = 13,
    KEY_CTRL_N = 14,
    KEY_CTRL_P = 16,
    KEY_CTRL_U = 21,
    KEY_CTRL_W = 23,
    KEY_ESC = 27,
    KEY_DEL = 127,
};

typedef enum ReadLineEscState {
    ESC_NONE,       /* plain input */
    ESC_SEEN,       /* after ESC */
    ESC_CSI,        /* after ESC [ : parameters, then a final byte */
    ESC_SS3,        /* after ESC O : one final byte */
} ReadLineEscState;

struct ReadLineState {
    char cmd_buf[READLINE_CMD_BUF_SIZE + 1];
    int cmd_buf_index;
    int cmd_buf_size;

    /* What the terminal shows after the prompt, and its cursor. */
    char shown_buf[READLINE_CMD_BUF_SIZE + 1];
    int shown_size;
    int shown_index;

    ReadLineEscState esc_state;
    int esc_param;
    bool last_was_cr;

    /* history[0] is the oldest; hist_entry is -1 when not browsing. */
    char *history[READLINE_MAX_CMDS];
    int hist_count;
    int hist_entry;
    char *draft;            /* the new line, kept while browsing */

    ReadLineCompletionFunc *completion_finder;
    char *completions[READLINE_MAX_COMPLETIONS];
    int nb_completions;
    int completion_index;

    ReadLineFunc *readline_func;
    void *readline_opaque;
    bool read_password;
    char *prompt;

    ReadLinePrintfFunc *printf_func;
    ReadLineFlushFunc *flush_func;
    void *opaque;
};

/* ---- Display ---- */

static void readline_move_cursor(ReadLineState *rs, int from, int to)
{
    int n = to - from;

    if (n == 1) {
        rs->printf_func(rs->opaque, "\033[C");
    } else if (n > 1) {
        rs->printf_func(rs->opaque, "\033[%dC", n);
    } else if (n == -1) {
        rs->printf_func(rs->opaque, "\033[D");
    } else if (n < -1) {
        rs->printf_func(rs->opaque, "\033[%dD", -n);
    }
}

/* Bring the terminal in line with cmd_buf/cmd_buf_index. */
static void readline_update(ReadLineState *rs)
{
    const char *want = rs->read_password ? "" : rs->cmd_buf;
    int want_size = rs->read_password ? 0 : rs->cmd_buf_size;
    int want_index = rs->read_password ? 0 : rs->cmd_buf_index;
    int common = 0;

    while (common < want_size && common < rs->shown_size &&
           want[common] == rs->shown_buf[common]) {
        common++;
    }
    if (common != want_size || common != rs->shown_size) {
        readline_move_cursor(rs, rs->shown_index, common);
        if (want_size > common) {
            rs->printf_func(rs->opaque, "%.*s", want_size - common,
                            want + common);
        }
        if (rs->shown_size > want_size) {
            rs->printf_func(rs->opaque, "\033[K");
        }
        memcpy(rs->shown_buf, want, want_size);
        rs->shown_size = want_size;
        rs->shown_index = want_size;
    }
    readline_move_cursor(rs, rs->shown_index, want_index);
    rs->shown_index = want_index;
    rs->flush_func(rs->opaque);
}

void readline_show_prompt(ReadLineState *rs)
{
    rs->printf_func(rs->opaque, "%s", rs->prompt ? rs->prompt : "");
    rs->shown_size = 0;
    rs->shown_index = 0;
    rs->esc_state = ESC_NONE;
    readline_update(rs);
}

/* ---- Editing primitives (they change cmd_buf only) ---- */

static void readline_set_line(ReadLineState *rs, const char *str)
{
    int len = MIN(strlen(str), READLINE_CMD_BUF_SIZE);

    memcpy(rs->cmd_buf, str, len);
    rs->cmd_buf[len] = '\0';
    rs->cmd_buf_size = len;
    rs->cmd_buf_index = len;
}

static void readline_insert(ReadLineState *rs, const char *str, int len)
{
    len = MIN(len, READLINE_CMD_BUF_SIZE - rs->cmd_buf_size);
    if (len <= 0) {
        return;
    }
    memmove(rs->cmd_buf + rs->cmd_buf_index + len,
            rs->cmd_buf + rs->cmd_buf_index,
            rs->cmd_buf_size - rs->cmd_buf_index);
    memcpy(rs->cmd_buf + rs->cmd_buf_index, str, len);
    rs->cmd_buf_size += len;
    rs->cmd_buf_index += len;
    rs->cmd_buf[rs->cmd_buf_size] = '\0';
}

/* Delete [start, end) and leave the cursor at start. */
static void readline_delete_range(ReadLineState *rs, int start, int end)
{
    if (start >= end) {
        return;
    }
    memmove(rs->cmd_buf + start, rs->cmd_buf + end, rs->cmd_buf_size - end);
    rs->cmd_buf_size -= end - start;
    rs->cmd_buf[rs->cmd_buf_size] = '\0';
    rs->cmd_buf_index = start;
}

static void readline_backward_kill_word(ReadLineState *rs)
{
    int start = rs->cmd_buf_index;

    while (start > 0 && g_ascii_isspace(rs->cmd_buf[start - 1])) {
        start--;
    }
    while (start > 0 && !g_ascii_isspace(rs->cmd_buf[start - 1])) {
        start--;
    }
    readline_delete_range(rs, start, rs->cmd_buf_index);
}

/* ---- History ---- */

static void readline_hist_remove(ReadLineState *rs, int idx)
{
    g_free(rs->history[idx]);
    memmove(&rs->history[idx], &rs->history[idx + 1],
            (rs->hist_count - idx - 1) * sizeof(rs->history[0]));
    rs->hist_count--;
    rs->history[rs->hist_count] = NULL;
}

/* A line already in the history moves to the end instead of repeating. */
static void readline_hist_add(ReadLineState *rs, const char *line)
{
    int i;

    if (line[0] == '\0') {
        return;
    }
    for (i = 0; i < rs->hist_count; i++) {
        if (strcmp(rs->history[i], line) == 0) {
            readline_hist_remove(rs, i);
            break;
        }
    }
    if (rs->hist_count == READLINE_MAX_CMDS) {
        readline_hist_remove(rs, 0);
    }
    rs->history[rs->hist_count++] = g_strdup(line);
}

static void readline_hist_up(ReadLineState *rs)
{
    if (rs->hist_entry == -1) {
        if (rs->hist_count == 0) {
            return;
        }
        g_free(rs->draft);
        rs->draft = g_strdup(rs->cmd_buf);
        rs->hist_entry = rs->hist_count - 1;
    } else if (rs->hist_entry > 0) {
        rs->hist_entry--;
    } else {
        return;
    }
    readline_set_line(rs, rs->history[rs->hist_entry]);
}

static void readline_hist_down(ReadLineState *rs)
{
    if (rs->hist_entry == -1) {
        return;
    }
    if (rs->hist_entry < rs->hist_count - 1) {
        rs->hist_entry++;
        readline_set_line(rs, rs->history[rs->hist_entry]);
        return;
    }
    rs->hist_entry = -1;
    readline_set_line(rs, rs->draft ? rs->draft : "");
    g_clear_pointer(&rs->draft, g_free);
}

const char *readline_get_history(ReadLineState *rs, unsigned int index)
{
    return index < (unsigned int)rs->hist_count ? rs->history[index] : NULL;
}

/* ---- Completion ---- */

void readline_add_completion(ReadLineState *rs, const char *str)
{
    int i;

    if (rs->nb_completions >= READLINE_MAX_COMPLETIONS) {
        return;
    }
    for (i = 0; i < rs->nb_completions; i++) {
        if (strcmp(rs->completions[i], str) == 0) {
            return;
        }
    }
    rs->completions[rs->nb_completions++] = g_strdup(str);
}

void readline_set_completion_index(ReadLineState *rs, int completion_index)
{
    rs->completion_index = MAX(completion_index, 0);
}

static void readline_clear_completions(ReadLineState *rs)
{
    int i;

    for (i = 0; i < rs->nb_completions; i++) {
        g_free(rs->completions[i]);
        rs->completions[i] = NULL;
    }
    rs->nb_completions = 0;
    rs->completion_index = 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Length of the prefix every candidate shares. */
static int readline_common_prefix(ReadLineState *rs)
{
    int len = strlen(rs->completions[0]);
    int i, j;

    for (i = 1; i < rs->nb_completions; i++) {
        for (j = 0; j < len && rs->completions[i][j] == rs->completions[0][j];
             j++) {
            /* just count */
        }
        len = j;
    }
    return len;
}

/* Candidates in columns on an 80-column terminal, then a new prompt. */
static void readline_print_completions(ReadLineState *rs)
{
    int width = 0;
    int cols, i;

    for (i = 0; i < rs->nb_completions; i++) {
        width = MAX(width, (int)strlen(rs->completions[i]));
    }
    width += 2;
    cols = MAX(80 / width, 1);
    rs->printf_func(rs->opaque, "\n");
    for (i = 0; i < rs->nb_completions; i++) {
        rs->printf_func(rs->opaque, "%-*s", width, rs->completions[i]);
        if (i % cols == cols - 1 || i == rs->nb_completions - 1) {
            rs->printf_func(rs->opaque, "\n");
        }
    }
    readline_show_prompt(rs);
}

/* Insert the part of str after the completion index, up to len bytes. */
static void readline_insert_completion(ReadLineState *rs, const char *str,
                                       int len)
{
    if (len > rs->completion_index) {
        readline_insert(rs, str + rs->completion_index,
                        len - rs->completion_index);
    }
}

static void readline_complete(ReadLineState *rs)
{
    g_autofree char *before = NULL;
    const char *only;

    if (rs->completion_finder == NULL || rs->read_password) {
        return;
    }
    readline_clear_completions(rs);
    before = g_strndup(rs->cmd_buf, rs->cmd_buf_index);
    rs->completion_finder(rs->opaque, before);
    if (rs->nb_completions == 0) {
        return;
    }
    if (rs->nb_completions == 1) {
        only = rs->completions[0];
        readline_insert_completion(rs, only, strlen(only));
        if (only[0] != '\0' && only[strlen(only) - 1] != '/') {
            readline_insert(rs, " ", 1);
        }
        readline_update(rs);
    } else {
        qsort(rs->completions, rs->nb_completions, sizeof(char *),
              compare_strings);
        readline_insert_completion(rs, rs->completions[0],
                                   readline_common_prefix(rs));
        readline_print_completions(rs);
    }
    readline_clear_completions(rs);
}

/* ---- Input ---- */

static void readline_enter(ReadLineState *rs)
{
    g_autofree char *line = g_strdup(rs->cmd_buf);

    if (!rs->read_password) {
        readline_hist_add(rs, line);
    }
    rs->printf_func(rs->opaque, "\n");
    rs->flush_func(rs->opaque);
    rs->cmd_buf_index = 0;
    rs->cmd_buf_size = 0;
    rs->cmd_buf[0] = '\0';
    rs->shown_size = 0;
    rs->shown_index = 0;
    rs->hist_entry = -1;
    g_clear_pointer(&rs->draft, g_free);
    if (rs->readline_func) {
        rs->readline_func(rs->opaque, line, rs->readline_opaque);
    }
}

static void readline_key_left(ReadLineState *rs)
{
    if (rs->cmd_buf_index > 0) {
        rs->cmd_buf_index--;
    }
}

static void readline_key_right(ReadLineState *rs)
{
    if (rs->cmd_buf_index < rs->cmd_buf_size) {
        rs->cmd_buf_index++;
    }
}

static void readline_key_delete(ReadLineState *rs)
{
    readline_delete_range(rs, rs->cmd_buf_index,
                          MIN(rs->cmd_buf_index + 1, rs->cmd_buf_size));
}

static void readline_key_backspace(ReadLineState *rs)
{
    readline_delete_range(rs, MAX(rs->cmd_buf_index - 1, 0),
                          rs->cmd_buf_index);
}

/* The final byte of ESC [ ... or ESC O ... (param is 0 without digits). */
static void readline_handle_escape(ReadLineState *rs, int ch, int param)
{
    switch (ch) {
    case 'A':
        readline_hist_up(rs);
        break;
    case 'B':
        readline_hist_down(rs);
        break;
    case 'C':
        readline_key_right(rs);
        break;
    case 'D':
        readline_key_left(rs);
        break;
    case 'H':
        rs->cmd_buf_index = 0;
        break;
    case 'F':
        rs->cmd_buf_index = rs->cmd_buf_size;
        break;
    case '~':
        if (param == 1 || param == 7) {
            rs->cmd_buf_index = 0;
        } else if (param == 4 || param == 8) {
            rs->cmd_buf_index = rs->cmd_buf_size;
        } else if (param == 3) {
            readline_key_delete(rs);
        }
        break;
    default:
        break;
    }
}

/* Returns true while the byte belongs to an escape sequence. */
static bool readline_handle_esc_byte(ReadLineState *rs, int ch)
{
    switch (rs->esc_state) {
    case ESC_NONE:
        return false;
    case ESC_SEEN:
        rs->esc_param = 0;
        rs->esc_state = ch == '[' ? ESC_CSI : ch == 'O' ? ESC_SS3 : ESC_NONE;
        return true;
    case ESC_CSI:
        if (ch >= '0' && ch <= '9') {
            rs->esc_param = MIN(rs->esc_param * 10 + ch - '0', 1000);
            return true;
        }
        if (ch == ';') {
            /* Modifier parameters (Ctrl-Left is ESC [ 1 ; 5 D) are ignored. */
            rs->esc_param = 0;
            return true;
        }
        if (ch < 0x40 || ch > 0x7e) {
            return true;    /* intermediate byte; still in the sequence */
        }
        break;
    case ESC_SS3:
        break;
    }
    rs->esc_state = ESC_NONE;
    readline_handle_escape(rs, ch, rs->esc_param);
    readline_update(rs);
    return true;
}

/* Control characters; false if ch is not one we know. */
static bool readline_handle_control(ReadLineState *rs, int ch)
{
    switch (ch) {
    case KEY_CTRL_A:
        rs->cmd_buf_index = 0;
        break;
    case KEY_CTRL_B:
        readline_key_left(rs);
        break;
    case KEY_CTRL_D:
        readline_key_delete(rs);
        break;
    case KEY_CTRL_E:
        rs->cmd_buf_index = rs->cmd_buf_size;
        break;
    case KEY_CTRL_F:
        readline_key_right(rs);
        break;
    case KEY_BS:
    case KEY_DEL:
        readline_key_backspace(rs);
        break;
    case KEY_CTRL_K:
        readline_delete_range(rs, rs->cmd_buf_index, rs->cmd_buf_size);
        break;
    case KEY_CTRL_N:
        readline_hist_down(rs);
        break;
    case KEY_CTRL_P:
        readline_hist_up(rs);
        break;
    case KEY_CTRL_U:
        readline_delete_range(rs, 0, rs->cmd_buf_index);
        break;
    case KEY_CTRL_W:
        readline_backward_kill_word(rs);
        break;
    default:
        return false;
    }
    return true;
}

void readline_handle_byte(ReadLineState *rs, int ch)
{
    bool after_cr = rs->last_was_cr;

    ch &= 0xff;
    rs->last_was_cr = ch == KEY_CR;
    if (readline_handle_esc_byte(rs, ch)) {
        return;
    }
    switch (ch) {
    case KEY_CR:
        readline_enter(rs);
        return;
    case KEY_LF:
        if (!after_cr) {
            readline_enter(rs);
        }
        return;
    case KEY_TAB:
        readline_complete(rs);
        return;
    case KEY_ESC:
        rs->esc_state = ESC_SEEN;
        return;
    default:
        break;
    }
    if (readline_handle_control(rs, ch)) {
        readline_update(rs);
    } else if (ch >= 32) {
        char c = ch;

        readline_insert(rs, &c, 1);
        readline_update(rs);
    }
    /* Other control characters (NUL after a telnet CR, ^C, ...) vanish. */
}

/* ---- Life cycle ---- */

void readline_start(ReadLineState *rs, const char *prompt, int read_password,
                    ReadLineFunc *readline_func, void *readline_opaque)
{
    g_free(rs->prompt);
    rs->prompt = g_strdup(prompt);
    rs->read_password = read_password;
    rs->readline_func = readline_func;
    rs->readline_opaque = readline_opaque;
    readline_restart(rs);
}

void readline_restart(ReadLineState *rs)
{
    rs->cmd_buf_index = 0;
    rs->cmd_buf_size = 0;
    rs->cmd_buf[0] = '\0';
    rs->shown_size = 0;
    rs->shown_index = 0;
    rs->esc_state = ESC_NONE;
    rs->last_was_cr = false;
    rs->hist_entry = -1;
    g_clear_pointer(&rs->draft, g_free);
}

const char *readline_get_line(ReadLineState *rs)
{
    return rs->cmd_buf;
}

int readline_get_cursor(ReadLineState *rs)
{
    return rs->cmd_buf_index;
}

ReadLineState *readline_init(ReadLinePrintfFunc *printf_func,
                             ReadLineFlushFunc *flush_func,
                             void *opaque,
                             ReadLineCompletionFunc *completion_finder)
{
    ReadLineState *rs = g_new0(ReadLineState, 1);

    rs->printf_func = printf_func;
    rs->flush_func = flush_func;
    rs->opaque = opaque;
    rs->completion_finder = completion_finder;
    rs->hist_entry = -1;
    return rs;
}

void readline_free(ReadLineState *rs)
{
    int i;

    if (rs == NULL) {
        return;
    }
    for (i = 0; i < rs->hist_count; i++) {
        g_free(rs->history[i]);
    }
    readline_clear_completions(rs);
    g_free(rs->draft);
    g_free(rs->prompt);
    g_free(rs);
}
