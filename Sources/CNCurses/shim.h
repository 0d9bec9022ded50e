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
#include <wchar.h>
#include <ncursesw/ncurses.h>

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

#endif
