#pragma once
// How the simulators end: SIGTERM and SIGINT are blocked except inside ppoll, so a
// signal cannot slip in between checking stop_requested() and waiting, and the wait
// returns as soon as one arrives.

#include <csignal>

namespace custody::nfc {

// Installs the handler and blocks both signals; returns the mask to give ppoll.
sigset_t block_stop_signals();
bool stop_requested();

}  // namespace custody::nfc
