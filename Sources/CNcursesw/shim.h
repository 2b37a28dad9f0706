#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// Wide-character ncurses: these two must precede the include so that cchar_t, wget_wch,
// mvwaddnwstr and friends are declared (curses.h hides them otherwise).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <pty.h>
#include <sys/ioctl.h>

// Swift imports neither function-like macros nor, safely under strict concurrency, mutable C
// globals. Each accessor below replaces exactly one of them (the swift-nio CNIOLinux pattern).

/// COLOR_PAIR(n) is a macro: the attribute bits that select colour pair n.
static inline attr_t cncurses_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

/// A_* attributes are macros built from NCURSES_BITS, which Swift cannot evaluate.
static inline attr_t cncurses_a_normal(void) { return (attr_t)A_NORMAL; }
static inline attr_t cncurses_a_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t cncurses_a_underline(void) { return (attr_t)A_UNDERLINE; }
static inline attr_t cncurses_a_reverse(void) { return (attr_t)A_REVERSE; }

/// getmaxyx is a macro that assigns to its arguments.
static inline void cncurses_getmaxyx(WINDOW *window, int *rows, int *columns) {
    getmaxyx(window, *rows, *columns);
}

/// stdscr and curscr are mutable globals (macros over SP in some builds).
static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
static inline WINDOW *cncurses_curscr(void) { return curscr; }

/// LINES, COLS and COLORS are mutable globals that ncurses updates on resize/start_color.
static inline int cncurses_lines(void) { return LINES; }
static inline int cncurses_cols(void) { return COLS; }
static inline int cncurses_colors(void) { return COLORS; }

/// KEY_F(n) is a function-like macro.
static inline int cncurses_key_f(int n) { return KEY_F(n); }

/// The BUTTON1_* mouse masks are macros built from NCURSES_MOUSE_MASK.
static inline mmask_t cncurses_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cncurses_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cncurses_button1_clicked(void) { return BUTTON1_CLICKED; }

// No WACS_* accessors on purpose: ncurses draws them as Unicode box-drawing characters, which
// are East Asian Ambiguous (two columns on a CJK-configured terminal), and the kiosk's chrome
// uses only the narrow characters in TextLayout's UIChrome.

/// wattr_set is a macro in some ncurses builds; this is the one call Swift can rely on.
static inline int cncurses_wattr_set(WINDOW *window, attr_t attributes, short pair) {
    return wattr_set(window, attributes, pair, NULL);
}

/// tigetstr answers (char *)-1 for "not a string capability", which Swift cannot compare to.
static inline const char *cncurses_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

/// ioctl is variadic, which Swift cannot call: sets a terminal's size in cells, as a window
/// manager does to a pseudo-terminal (tests use it to resize the screen under ncurses).
static inline int cncurses_set_window_size(int descriptor, unsigned short rows, unsigned short columns) {
    struct winsize size = { .ws_row = rows, .ws_col = columns, .ws_xpixel = 0, .ws_ypixel = 0 };
    return ioctl(descriptor, TIOCSWINSZ, &size);
}

#endif
