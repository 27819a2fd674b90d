/* help_option.h: "help" and "?" ask for help wherever a value goes. */
#ifndef QEMU_HELP_OPTION_H
#define QEMU_HELP_OPTION_H

static inline bool is_help_option(const char *s)
{
    return s && (strcmp(s, "?") == 0 || strcmp(s, "help") == 0);
}

#endif
