#pragma once
// An expected failure: a message id (with zh_CN and en text in messages.def), its
// arguments, an optional cause rendered after it, and technical detail for the log.

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/messages.h"

namespace custody {

struct Error {
    MessageId id{};
    std::vector<std::string> args;
    std::string detail;                  // for the log, never shown alone
    std::shared_ptr<const Error> cause;  // e.g. the reason a CSV row was rejected

    Error() = default;
    Error(MessageId i, std::vector<std::string> a = {}, std::string d = {})
        : id(i), args(std::move(a)), detail(std::move(d)) {}

    Error with_cause(Error c) const {
        Error e = *this;
        e.cause = std::make_shared<const Error>(std::move(c));
        return e;
    }
};

// The text a person reads: the message, then its cause, in one language.
std::string render(const Error& e, Lang lang);
// One line for the log: message id, English text and technical detail.
std::string log_line(const Error& e);

}  // namespace custody
