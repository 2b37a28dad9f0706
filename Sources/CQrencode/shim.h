#ifndef CQRENCODE_SHIM_H
#define CQRENCODE_SHIM_H

// libqrencode from Debian's libqrencode-dev: the kiosk draws a programme's web address as a
// QR code so a citizen can carry on from a phone.
#include <qrencode.h>

// Swift imports QRcode.data as an UnsafeMutablePointer<UInt8> it cannot bound; each byte's
// lowest bit is a module (1 = dark). This accessor keeps the bit test and the bounds in C,
// beside the struct it reads, rather than repeating libqrencode's layout in Swift.
static inline int cqrencode_is_dark(const QRcode *code, int x, int y) {
    if (x < 0 || y < 0 || x >= code->width || y >= code->width) return 0;
    return code->data[y * code->width + x] & 1;
}

#endif
