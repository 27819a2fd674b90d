/*
 * test-readline.c: the monitor's line editor, bytes in, lines out.
 *
 * Feeds byte sequences as a VT100 terminal or telnet client sends them
 * (keys per ECMA-48 / xterm), then checks the lines delivered, the
 * history, completion and the echo written back.  The echo checks cover
 * only what any correct editor must print (the typed text at the end of
 * a line, a newline after Enter, nothing for passwords); cursor
 * sequences are checked where there is a single sensible one.
 */
#include "qemu/osdep.h"
#include "monitor/readline.h"

typedef struct Fixture {
    ReadLineState *rs;
    GString *out;               /* everything printed */
    GPtrArray *lines;           /* lines entered */
    const char *const *candidates;
    GString *finder_arg;        /* what the completion callback saw */
    int flushes;
} Fixture;

static void fx_printf(void *opaque, const char *fmt, ...)
{
    Fixture *f = opaque;
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(f->out, fmt, ap);
    va_end(ap);
}

static void fx_flush(void *opaque)
{
    Fixture *f = opaque;

    f->flushes++;
}

/* Offer the candidates that start with the last word of cmdline. */
static void fx_complete(void *opaque, const char *cmdline)
{
    Fixture *f = opaque;
    const char *word = strrchr(cmdline, ' ');
    int i;

    g_string_assign(f->finder_arg, cmdline);
    word = word ? word + 1 : cmdline;
    readline_set_completion_index(f->rs, strlen(word));
    for (i = 0; f->candidates && f->candidates[i]; i++) {
        if (g_str_has_prefix(f->candidates[i], word)) {
            readline_add_completion(f->rs, f->candidates[i]);
        }
    }
}

static void fx_line(void *opaque, const char *str, void *readline_opaque)
{
    Fixture *f = readline_opaque;

    g_ptr_array_add(f->lines, g_strdup(str));
}

static void fx_setup(Fixture *f, gconstpointer data)
{
    f->out = g_string_new(NULL);
    f->lines = g_ptr_array_new_with_free_func(g_free);
    f->finder_arg = g_string_new(NULL);
    f->rs = readline_init(fx_printf, fx_flush, f, fx_complete);
    readline_start(f->rs, "(qemu) ", 0, fx_line, f);
}

static void fx_teardown(Fixture *f, gconstpointer data)
{
    readline_free(f->rs);
    g_string_free(f->out, TRUE);
    g_string_free(f->finder_arg, TRUE);
    g_ptr_array_free(f->lines, TRUE);
}

static void feed_len(Fixture *f, const char *bytes, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        readline_handle_byte(f->rs, (uint8_t)bytes[i]);
    }
}

static void feed(Fixture *f, const char *bytes)
{
    feed_len(f, bytes, strlen(bytes));
}

static void clear_out(Fixture *f)
{
    g_string_truncate(f->out, 0);
}

static void assert_line(Fixture *f, const char *text, int cursor)
{
    g_assert_cmpstr(readline_get_line(f->rs), ==, text);
    g_assert_cmpint(readline_get_cursor(f->rs), ==, cursor);
}

static void assert_lines(Fixture *f, const char *const *expect)
{
    guint i;

    for (i = 0; expect[i] != NULL; i++) {
        g_assert_cmpuint(i, <, f->lines->len);
        g_assert_cmpstr(g_ptr_array_index(f->lines, i), ==, expect[i]);
    }
    g_assert_cmpuint(f->lines->len, ==, i);
}

#define LINES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* ---- Typing and Enter ---- */

static void test_type_and_enter(Fixture *f, gconstpointer data)
{
    feed(f, "help");
    g_assert_cmpstr(f->out->str, ==, "help");
    assert_line(f, "help", 4);
    g_assert_cmpuint(f->lines->len, ==, 0);
    g_assert_cmpint(f->flushes, >, 0);

    clear_out(f);
    feed(f, "\r");
    assert_lines(f, LINES("help"));
    g_assert_cmpstr(f->out->str, ==, "\n");
    assert_line(f, "", 0);
}

static void test_line_ends(Fixture *f, gconstpointer data)
{
    feed(f, "a\r\nb\nc\r");
    feed_len(f, "d\r\0e\n", 5);
    /* CR LF and CR NUL are one Enter; lone CR, lone LF each one. */
    assert_lines(f, LINES("a", "b", "c", "d", "e"));

    feed(f, "\r\r\n\n");
    assert_lines(f, LINES("a", "b", "c", "d", "e", "", "", ""));
}

static void test_prompt(Fixture *f, gconstpointer data)
{
    readline_show_prompt(f->rs);
    g_assert_cmpstr(f->out->str, ==, "(qemu) ");

    /* A prompt shown mid-line redraws the partial line after it. */
    feed(f, "inf");
    clear_out(f);
    readline_show_prompt(f->rs);
    g_assert_cmpstr(f->out->str, ==, "(qemu) inf");

    /* restart forgets the partial line. */
    readline_restart(f->rs);
    assert_line(f, "", 0);
    feed(f, "x\r");
    assert_lines(f, LINES("x"));
}

static void test_control_chars_ignored(Fixture *f, gconstpointer data)
{
    feed_len(f, "a\003b\000c\007\r", 7);
    assert_lines(f, LINES("abc"));
}

static void test_line_limit(Fixture *f, gconstpointer data)
{
    g_autofree char *big = g_strnfill(READLINE_CMD_BUF_SIZE + 100, 'x');

    feed(f, big);
    g_assert_cmpuint(strlen(readline_get_line(f->rs)), ==,
                     READLINE_CMD_BUF_SIZE);
    feed(f, "\r");
    g_assert_cmpuint(strlen(g_ptr_array_index(f->lines, 0)), ==,
                     READLINE_CMD_BUF_SIZE);
}

/* ---- Deleting ---- */

static void test_backspace(Fixture *f, gconstpointer data)
{
    feed(f, "abc");
    clear_out(f);
    feed(f, "\177");
    assert_line(f, "ab", 2);
    /* One left, erase to end of line. */
    g_assert_cmpstr(f->out->str, ==, "\033[D\033[K");

    feed(f, "\b");
    assert_line(f, "a", 1);
    feed(f, "\b\b\177");
    assert_line(f, "", 0);
    feed(f, "z\r");
    assert_lines(f, LINES("z"));
}

static void test_delete_at_cursor(Fixture *f, gconstpointer data)
{
    feed(f, "abcd\001");               /* Ctrl-A: to the start */
    feed(f, "\004");                   /* Ctrl-D deletes 'a' */
    assert_line(f, "bcd", 0);
    feed(f, "\033[C\033[3~");          /* Right, Delete */
    assert_line(f, "bd", 1);
    feed(f, "\005\004\033[3~");        /* at the end: nothing to delete */
    assert_line(f, "bd", 2);
}

static void test_kill(Fixture *f, gconstpointer data)
{
    feed(f, "hello world\033[D\033[D\033[D\033[D\033[D");
    assert_line(f, "hello world", 6);
    feed(f, "\013");                   /* Ctrl-K */
    assert_line(f, "hello ", 6);
    feed(f, "there\033[D\033[D");
    feed(f, "\025");                   /* Ctrl-U */
    assert_line(f, "re", 0);
    feed(f, "\r");

    feed(f, "help help  ");
    feed(f, "\027");                   /* Ctrl-W: spaces, then the word */
    assert_line(f, "help ", 5);
    feed(f, "\027");
    assert_line(f, "", 0);
    feed(f, "\027");
    assert_line(f, "", 0);

    feed(f, "one two\033[D\033[D\027");  /* mid-word: up to the cursor */
    assert_line(f, "one wo", 4);
    assert_lines(f, LINES("re"));
}

/* ---- Cursor motion ---- */

static void test_cursor_keys(Fixture *f, gconstpointer data)
{
    static const struct {
        const char *keys;
        int cursor;
    } cases[] = {
        { "\033[D", 3 }, { "\033OD", 3 }, { "\002", 3 },
        { "\033[D\033[C", 4 }, { "\033[D\033OC", 4 }, { "\002\006", 4 },
        { "\001", 0 }, { "\033[H", 0 }, { "\033OH", 0 },
        { "\033[1~", 0 }, { "\033[7~", 0 },
        { "\001\005", 4 }, { "\001\033[F", 4 }, { "\001\033OF", 4 },
        { "\001\033[4~", 4 }, { "\001\033[8~", 4 },
        { "\033[1;5D", 3 },            /* Ctrl-Left moves like Left */
        { "\033[2~", 4 },              /* Insert: ignored */
        { "\033x", 4 },                /* Alt-x: ignored */
        { "\001\002\002", 0 },         /* not past the start */
        { "\006\006", 4 },             /* not past the end */
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        readline_restart(f->rs);
        feed(f, "abcd");
        feed(f, cases[i].keys);
        g_assert_cmpstr(readline_get_line(f->rs), ==, "abcd");
        g_assert_cmpint(readline_get_cursor(f->rs), ==, cases[i].cursor);
    }
}

static void test_insert_middle(Fixture *f, gconstpointer data)
{
    feed(f, "ac");
    clear_out(f);
    feed(f, "\033[D");
    g_assert_cmpstr(f->out->str, ==, "\033[D");
    clear_out(f);
    feed(f, "b");
    /* Print the new tail, then step back over the part after the cursor. */
    g_assert_cmpstr(f->out->str, ==, "bc\033[D");
    assert_line(f, "abc", 2);
    feed(f, "\r");
    assert_lines(f, LINES("abc"));
}

static void test_edit_sequence(Fixture *f, gconstpointer data)
{
    /* As QEMU's oracle run: "abc", Ctrl-A, "X", Ctrl-E, "Y". */
    feed(f, "abc\001X\005Y\r");
    assert_lines(f, LINES("XabcY"));
}

/* ---- History ---- */

static void test_history_updown(Fixture *f, gconstpointer data)
{
    feed(f, "one\rtwo\rthree\r");
    feed(f, "\033[A");
    assert_line(f, "three", 5);
    feed(f, "\033[A");
    assert_line(f, "two", 3);
    feed(f, "\033OA\033[A\033[A");         /* stops at the oldest */
    assert_line(f, "one", 3);
    feed(f, "\033[B");
    assert_line(f, "two", 3);
    feed(f, "\033OB\033[B");
    assert_line(f, "", 0);
    feed(f, "\033[B");
    assert_line(f, "", 0);

    feed(f, "\020\020\016");               /* Ctrl-P, Ctrl-P, Ctrl-N */
    assert_line(f, "three", 5);
    feed(f, "\r");
    assert_lines(f, LINES("one", "two", "three", "three"));
}

static void test_history_keeps_draft(Fixture *f, gconstpointer data)
{
    feed(f, "one\r");
    feed(f, "dra");
    feed(f, "\033[A");
    assert_line(f, "one", 3);
    feed(f, "\033[B");
    assert_line(f, "dra", 3);
}

static void test_history_redraw(Fixture *f, gconstpointer data)
{
    feed(f, "info status\r");
    feed(f, "info");
    clear_out(f);
    feed(f, "\033[A");
    /* "info" is already on screen: only " status" needs printing. */
    g_assert_cmpstr(f->out->str, ==, " status");
    clear_out(f);
    feed(f, "\033[B");
    g_assert_cmpstr(f->out->str, ==, "\033[7D\033[K");
}

static void test_history_contents(Fixture *f, gconstpointer data)
{
    feed(f, "a\rb\r\r   \rc\rb\r");
    /* Empty lines are not kept; a repeated line moves to the end. */
    g_assert_cmpstr(readline_get_history(f->rs, 0), ==, "a");
    g_assert_cmpstr(readline_get_history(f->rs, 1), ==, "   ");
    g_assert_cmpstr(readline_get_history(f->rs, 2), ==, "c");
    g_assert_cmpstr(readline_get_history(f->rs, 3), ==, "b");
    g_assert_null(readline_get_history(f->rs, 4));

    /* Recalled and edited, a line is added; the original stays. */
    feed(f, "\033[A\033[A");
    feed(f, "d\r");
    g_assert_cmpstr(readline_get_history(f->rs, 2), ==, "c");
    g_assert_cmpstr(readline_get_history(f->rs, 4), ==, "cd");
}

static void test_history_limit(Fixture *f, gconstpointer data)
{
    int i;

    for (i = 0; i < READLINE_MAX_CMDS + 6; i++) {
        g_autofree char *cmd = g_strdup_printf("cmd%d\r", i);

        feed(f, cmd);
    }
    g_assert_cmpstr(readline_get_history(f->rs, 0), ==, "cmd6");
    g_assert_cmpstr(readline_get_history(f->rs, READLINE_MAX_CMDS - 1), ==,
                    "cmd69");
    g_assert_null(readline_get_history(f->rs, READLINE_MAX_CMDS));
    for (i = 0; i < READLINE_MAX_CMDS + 5; i++) {
        feed(f, "\033[A");
    }
    assert_line(f, "cmd6", 4);
}

/* ---- Completion ---- */

static void test_complete_single(Fixture *f, gconstpointer data)
{
    static const char *const cands[] = { "info", "help", NULL };

    f->candidates = cands;
    feed(f, "in");
    clear_out(f);
    feed(f, "\t");
    g_assert_cmpstr(f->finder_arg->str, ==, "in");
    assert_line(f, "info ", 5);
    g_assert_cmpstr(f->out->str, ==, "fo ");
    feed(f, "\r");
    assert_lines(f, LINES("info "));
}

static void test_complete_multiple(Fixture *f, gconstpointer data)
{
    static const char *const cands[] = {
        "stopcapture", "stop", "status", "sync-profile", NULL
    };
    const char *out;

    f->candidates = cands;
    feed(f, "info st");
    clear_out(f);
    feed(f, "\t");
    assert_line(f, "info st", 7);
    out = f->out->str;
    /* Candidates on a new line, sorted; then prompt and line again. */
    g_assert_true(g_str_has_prefix(out, "\n"));
    g_assert_true(g_str_has_suffix(out, "\n(qemu) info st"));
    g_assert_nonnull(strstr(out, "status"));
    g_assert_true(strstr(out, "status") < strstr(out, "stop"));
    g_assert_true(strstr(out, "stop ") < strstr(out, "stopcapture"));
    g_assert_null(strstr(out, "sync-profile"));

    /* A longer common prefix is filled in. */
    feed(f, "o");
    clear_out(f);
    feed(f, "\t");
    assert_line(f, "info stop", 9);
    g_assert_true(g_str_has_suffix(f->out->str, "\n(qemu) info stop"));
}

static void test_complete_none(Fixture *f, gconstpointer data)
{
    static const char *const cands[] = { "info", NULL };

    f->candidates = cands;
    feed(f, "xyz");
    clear_out(f);
    feed(f, "\t");
    assert_line(f, "xyz", 3);
    g_assert_cmpstr(f->out->str, ==, "");
}

static void test_complete_before_cursor(Fixture *f, gconstpointer data)
{
    static const char *const cands[] = { "help", NULL };

    f->candidates = cands;
    feed(f, "he rest\033[D\033[D\033[D\033[D\033[D\t");
    g_assert_cmpstr(f->finder_arg->str, ==, "he");
    assert_line(f, "help  rest", 5);
}

static void test_complete_duplicates(Fixture *f, gconstpointer data)
{
    static const char *const cands[] = { "cont", "cont", NULL };

    /* The same name offered twice is still a single match. */
    f->candidates = cands;
    feed(f, "co\t");
    assert_line(f, "cont ", 5);
}

/* ---- Passwords ---- */

static void test_password(Fixture *f, gconstpointer data)
{
    readline_start(f->rs, "Password: ", 1, fx_line, f);
    readline_show_prompt(f->rs);
    g_assert_cmpstr(f->out->str, ==, "Password: ");
    clear_out(f);
    feed(f, "s3cret\177t\r");
    g_assert_cmpstr(f->out->str, ==, "\n");
    assert_lines(f, LINES("s3cret"));
    g_assert_null(readline_get_history(f->rs, 0));
}

int main(int argc, char **argv)
{
    static const struct {
        const char *path;
        void (*fn)(Fixture *, gconstpointer);
    } tests[] = {
        { "/readline/type-and-enter", test_type_and_enter },
        { "/readline/line-ends", test_line_ends },
        { "/readline/prompt", test_prompt },
        { "/readline/control-chars-ignored", test_control_chars_ignored },
        { "/readline/line-limit", test_line_limit },
        { "/readline/backspace", test_backspace },
        { "/readline/delete-at-cursor", test_delete_at_cursor },
        { "/readline/kill", test_kill },
        { "/readline/cursor-keys", test_cursor_keys },
        { "/readline/insert-middle", test_insert_middle },
        { "/readline/edit-sequence", test_edit_sequence },
        { "/readline/history/up-down", test_history_updown },
        { "/readline/history/keeps-draft", test_history_keeps_draft },
        { "/readline/history/redraw", test_history_redraw },
        { "/readline/history/contents", test_history_contents },
        { "/readline/history/limit", test_history_limit },
        { "/readline/complete/single", test_complete_single },
        { "/readline/complete/multiple", test_complete_multiple },
        { "/readline/complete/none", test_complete_none },
        { "/readline/complete/before-cursor", test_complete_before_cursor },
        { "/readline/complete/duplicates", test_complete_duplicates },
        { "/readline/password", test_password },
    };
    size_t i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(tests); i++) {
        g_test_add(tests[i].path, Fixture, NULL, fx_setup, tests[i].fn,
                   fx_teardown);
    }
    return g_test_run();
}
