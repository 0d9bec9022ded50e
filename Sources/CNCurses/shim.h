// Wide-character ncurses for Swift. SwiftPM drops pkg-config -D flags, so the
// feature macros that enable cchar_t, setcchar, mvwadd_wch and wget_wch are set here.
#ifndef CNNVIZ_CNCURSES_SHIM_H
#define CNNVIZ_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/// Attribute values, which Swift cannot import as macros.
static inline attr_t cnn_attr_bold(void) { return A_BOLD; }
static inline attr_t cnn_attr_dim(void) { return A_DIM; }
static inline attr_t cnn_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cnn_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cnn_attr_normal(void) { return A_NORMAL; }
static inline attr_t cnn_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

/// Globals that Swift 6 refuses as not concurrency-safe.
static inline int cnn_colors(void) { return COLORS; }
static inline int cnn_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *cnn_stdscr(void) { return stdscr; }
static inline FILE *cnn_stdout(void) { return stdout; }
static inline FILE *cnn_stdin(void) { return stdin; }

/// Mouse masks (function-like macros in ncurses.h).
static inline mmask_t cnn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnn_button1_released(void) { return BUTTON1_RELEASED; }

/// Columns a character takes (wchar.h hides wcwidth unless _XOPEN_SOURCE was set first).
extern int wcwidth(wchar_t);
static inline int cnn_wcwidth(wchar_t character) { return wcwidth(character); }

/// Whether the calling thread is the process's main thread.
static inline int cnn_is_main_thread(void) { return (pid_t)syscall(SYS_gettid) == getpid(); }

/// Whether the current LC_CTYPE codeset is UTF-8 (call after setlocale).
static inline int cnn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// A terminfo string capability of the current terminal, or NULL when it has none
/// (tigetstr's (char *)-1 for "not a string capability" becomes NULL too).
static inline const char *cnn_string_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/// Whether terminal type `name` can address the cursor (has `cup`), looked up without starting
/// curses and without printing: 1 yes, 0 known but cannot move the cursor (dumb, hard-copy),
/// -1 no usable terminfo entry for it (unknown, generic, or no terminfo database).
static inline int cnn_terminal_addresses_cursor(const char *name) {
    int status = 0;  /* asked for, so setupterm reports instead of printing and exiting */
    TERMINAL *previous = cur_term;
    if (setupterm(name, STDOUT_FILENO, &status) != OK) {
        set_curterm(previous);
        return -1;
    }
    int addressable = cnn_string_capability("cup") != NULL;
    TERMINAL *created = set_curterm(previous);
    if (created != NULL && created != previous) { del_curterm(created); }
    return addressable;
}

#endif
