#ifndef CSODIUM_SHIM_H
#define CSODIUM_SHIM_H

// libsodium from Debian's libsodium-dev: the staff PIN is kept only as a salted Argon2id hash
// in libsodium's crypto_pwhash_str format, and checked with crypto_pwhash_str_verify.
#include <sodium.h>

// crypto_pwhash_STRBYTES and crypto_pwhash_ALG_ARGON2ID13 are macros over function calls in
// some libsodium versions and plain constants in others; these keep Swift independent of which.
static inline size_t csodium_pwhash_strbytes(void) { return crypto_pwhash_strbytes(); }
static inline int csodium_pwhash_alg_argon2id13(void) { return crypto_pwhash_alg_argon2id13(); }

#endif
