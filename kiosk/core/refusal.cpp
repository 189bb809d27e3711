#include "kiosk/core/refusal.h"

namespace custody {

Error refuse(CustodyStore& store, Error reason, const std::string& actor, const std::string& action,
             const std::string& subject) {
    auto tx = store.begin();
    if (!tx) return tx.error();
    std::string detail = "reason=" + std::string(message_text(reason.id).key);
    for (std::size_t i = 0; i < reason.args.size(); ++i) detail += "; arg" + std::to_string(i) + "=" + reason.args[i];
    // The cause is what the custodian needs to know later: an import rejection says only
    // "file, line" without it.
    if (reason.cause) {
        detail += "; cause=" + std::string(message_text(reason.cause->id).key);
        for (std::size_t i = 0; i < reason.cause->args.size(); ++i)
            detail += "; cause_arg" + std::to_string(i) + "=" + reason.cause->args[i];
    }
    if (auto s = (*tx)->audit({actor, action, subject, detail}); !s) return s.error();
    if (auto s = (*tx)->commit(); !s) return s.error();
    return reason;
}

}  // namespace custody
