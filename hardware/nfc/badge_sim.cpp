// badge-sim: a PN532 badge reader on a pty, for trying the kiosk and libnfc tools without
// hardware. Prints the pty path first, then takes one command per line on stdin:
//   tap HEX   put a card with this UID on the field      -> ok | error <reason>
//   remove    take it off                                -> ok
//   quit      (or end of input) stop
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "hardware/nfc/pn532_emulator.h"
#include "kiosk/core/error.h"

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

    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string cmd, arg;
        in >> cmd >> arg;
        if (cmd == "quit") break;
        if (cmd == "tap") {
            std::cout << ((*emu)->place(arg) ? "ok" : "error not a 4, 7 or 10-byte UID") << std::endl;
        } else if (cmd == "remove") {
            (*emu)->remove();
            std::cout << "ok" << std::endl;
        } else if (!cmd.empty()) {
            std::cout << "error unknown command " << cmd << std::endl;
        }
    }
    return 0;
}
