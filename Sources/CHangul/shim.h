#ifndef CHANGUL_SHIM_H
#define CHANGUL_SHIM_H

// libhangul from Debian's libhangul-dev: a kiosk has no operating-system input method, so the
// kiosk composes Hangul itself, the way ibus-hangul and nabi do, from 두벌식 key presses.
// Debian installs the header under a versioned folder that is not on the default include path.
#include <hangul-1.0/hangul.h>

#endif
