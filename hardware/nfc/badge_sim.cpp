// badge-sim: a PN532 badge reader on a pty, for trying the kiosk and libnfc tools without
// hardware. Prints the pty path first, then takes one command per line on stdin:
//   tap HEX   put a card with this UID on the field      -> ok | error <reason>
//   remove    take it off                                -> ok
//   quit      stop
// At the end of input it keeps serving until SIGTERM or SIGINT, so it can run in the
// background (badge-sim --uid 04A23B11 </dev/null &) while nfc-list or the kiosk reads it.

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "hardware/nfc/pn532_emulator.h"
#include "hardware/nfc/simulator_control.h"
#include "kiosk/core/error.h"

namespace {


// One command line; false when it says to stop.
bool run_command(custody::nfc::Pn532Emulator& emu, const std::string& line) {
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd >> arg;
    if (cmd == "quit") return false;
    if (cmd == "tap") {
        std::cout << (emu.place(arg) ? "ok" : "error not a 4, 7 or 10-byte UID") << std::endl;
    } else if (cmd == "remove") {
        emu.remove();
        std::cout << "ok" << std::endl;
    } else if (!cmd.empty()) {
        std::cout << "error unknown command " << cmd << std::endl;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    using custody::nfc::Pn532Emulator;
    std::string uid;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--uid" && i + 1 < argc) {
            uid = argv[++i];
        } else {
            std::cerr << "usage: badge-sim [--uid HEX]\n";
            return 2;
        }
    }
    // Before the emulator's thread starts, so only the control loop ever takes the signals.
    custody::nfc::SimulatorControl control;

    auto emu = Pn532Emulator::start();
    if (!emu.ok()) {
        std::cerr << "badge-sim: " << custody::log_line(emu.error()) << "\n";
        return 1;
    }
    if (!uid.empty() && !(*emu)->place(uid)) {
        std::cerr << "badge-sim: not a 4, 7 or 10-byte UID: " << uid << "\n";
        return 2;
    }
    std::cout << (*emu)->path() << std::endl;  // flushed: a caller waits for this line

    return control.serve("badge-sim", [&](const std::string& line) { return run_command(**emu, line); });
}
