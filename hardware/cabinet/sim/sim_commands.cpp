#include "hardware/cabinet/sim/sim_commands.h"

#include <sstream>

namespace custody::sim {

namespace {

CommandOutcome answer(const std::string& reason) {
    return {reason.empty() ? "ok" : "error " + reason, false};
}

bool parse_fault(const std::string& word, SlotFault& out) {
    if (word == "lock-jammed") out = SlotFault::LockJammed;
    else if (word == "no-charge") out = SlotFault::NoCharge;
    else if (word == "over-temp") out = SlotFault::OverTemp;
    else if (word == "not-removed") out = SlotFault::NotRemoved;
    else return false;
    return true;
}

}  // namespace

CommandOutcome run_command(CabinetModel& model, const std::string& line) {
    std::istringstream in(line);
    std::string verb;
    if (!(in >> verb)) return answer("empty command");
    if (verb == "quit") return {"ok", true};

    int n = 0;
    if (!(in >> n)) return answer("expected a slot number after " + verb);
    if (!model.valid(n)) return answer("no slot " + std::to_string(n));
    std::string extra;

    if (verb == "fault") {
        std::string kind;
        SlotFault fault{};
        if (!(in >> kind) || !parse_fault(kind, fault)) {
            return answer("fault needs lock-jammed, no-charge, over-temp or not-removed");
        }
        if (in >> extra) return answer("unexpected " + extra);
        return answer(model.inject(n, fault));
    }
    if (in >> extra) return answer("unexpected " + extra);
    if (verb == "dock") return answer(model.dock(n));
    if (verb == "remove") return answer(model.remove(n));
    if (verb == "open") return answer(model.open_door(n));
    if (verb == "close") return answer(model.close_door(n));
    if (verb == "clear") {
        model.clear(n);
        return answer("");
    }
    if (verb == "status") return {"ok " + model.describe(n), false};
    return answer("unknown command " + verb);
}

}  // namespace custody::sim
