#ifndef CSPAWN_SHIM_H
#define CSPAWN_SHIM_H

#include <spawn.h>

// glibc (2.34+) declares posix_spawn_file_actions_addclosefrom_np only under _GNU_SOURCE, and
// defining that here would give this module other struct layouts than Swift's Glibc module.
// The function is in every glibc the kiosk runs on (Debian 12: 2.36), so it is declared
// here as glibc declares it. The speech child must not inherit the kiosk's terminal, its
// database or its sockets: every descriptor from `from` up is closed in it.
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

static inline int cspawn_addclosefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

#endif
