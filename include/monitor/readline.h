/*
 * readline.h: line editing for the human monitor.
 *
 * A ReadLineState turns the bytes a terminal sends into command lines.
 * It echoes what the user types and redraws the line with ANSI (VT100)
 * cursor sequences, keeps a history of READLINE_MAX_CMDS lines and asks
 * a completion callback for candidates when Tab is pressed.  It knows
 * nothing about chardevs: output goes through the printf/flush callbacks,
 * input arrives one byte at a time through readline_handle_byte().
 *
 * Keys: printable characters insert; Backspace/DEL delete before the
 * cursor, Ctrl-D and Delete (ESC [ 3 ~) at it; Ctrl-A/Home and
 * Ctrl-E/End jump; Ctrl-B/Left and Ctrl-F/Right move; Ctrl-K kills to
 * the end, Ctrl-U to the start, Ctrl-W the word before the cursor;
 * Up/Down (and Ctrl-P/Ctrl-N) walk the history; Tab completes; CR or LF
 * ends the line (CR LF and CR NUL count once).
 */
#ifndef MONITOR_READLINE_H
#define MONITOR_READLINE_H

#define READLINE_CMD_BUF_SIZE 4095
#define READLINE_MAX_CMDS 64
#define READLINE_MAX_COMPLETIONS 256

typedef struct ReadLineState ReadLineState;

/* Output of the editor (echo, cursor motion, completion lists). */
typedef void ReadLinePrintfFunc(void *opaque, const char *fmt, ...)
    QEMU_PRINTF(2, 3);
typedef void ReadLineFlushFunc(void *opaque);
/* A complete line was entered. */
typedef void ReadLineFunc(void *opaque, const char *str,
                          void *readline_opaque);
/*
 * Tab was pressed; cmdline is the text before the cursor.  The callback
 * calls readline_set_completion_index() with the length of the word
 * being completed and readline_add_completion() for each candidate.
 */
typedef void ReadLineCompletionFunc(void *opaque, const char *cmdline);

/* opaque is passed to all three callbacks; completion_finder may be NULL. */
ReadLineState *readline_init(ReadLinePrintfFunc *printf_func,
                             ReadLineFlushFunc *flush_func,
                             void *opaque,
                             ReadLineCompletionFunc *completion_finder);
void readline_free(ReadLineState *rs);

/*
 * Start reading a line: remember the prompt and the callback for the
 * finished line.  With read_password set, nothing is echoed and the
 * line does not enter the history.  Does not print the prompt.
 */
void readline_start(ReadLineState *rs, const char *prompt, int read_password,
                    ReadLineFunc *readline_func, void *readline_opaque);
/* Forget the partly typed line (e.g. when a new client connects). */
void readline_restart(ReadLineState *rs);
/* Print the prompt on a fresh line and redraw the partly typed line. */
void readline_show_prompt(ReadLineState *rs);
/* Feed one input byte. */
void readline_handle_byte(ReadLineState *rs, int ch);

/* For completion callbacks: see ReadLineCompletionFunc. */
void readline_add_completion(ReadLineState *rs, const char *str);
void readline_set_completion_index(ReadLineState *rs, int completion_index);

/* History entry index (0 = oldest), or NULL past the end. */
const char *readline_get_history(ReadLineState *rs, unsigned int index);

/* The line being edited and the cursor position in it (for tests). */
const char *readline_get_line(ReadLineState *rs);
int readline_get_cursor(ReadLineState *rs);

#endif
