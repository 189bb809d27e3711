#include "kiosk/core/refusal.h"

namespace custody {

Error refuse(CustodyStore& store, Error reason, const std::string& actor, const std::string& action,
             const std::string& subject) {
    auto tx = store.begin();
    if (!tx) return tx.error();
    std::string detail = "reason=" + std::string(message_text(reason.id).key);
    for (std::size_t i = 0; i < reason.args.size(); ++i) detail += "; arg" + std::to_string(i) + "=" + reason.args[i];
    if (auto s = (*tx)->audit({actor, action, subject, detail}); !s) return s.error();
    if (auto s = (*tx)->commit(); !s) return s.error();
    return reason;
}

}  // namespace custody
