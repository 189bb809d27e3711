#include "kiosk/core/messages.h"

#include <cstdlib>
#include <stdexcept>

#include "kiosk/core/error.h"

namespace custody {

const std::vector<MessageText>& message_table() {
    static const std::vector<MessageText> table = {
#define CUSTODY_MESSAGE(id, zh, en) {MessageId::id, #id, zh, en},
#include "kiosk/core/messages.def"
#undef CUSTODY_MESSAGE
    };
    return table;
}

const MessageText& message_text(MessageId id) {
    const auto& t = message_table();
    auto i = static_cast<std::size_t>(id);
    if (i >= t.size()) throw std::logic_error("unknown message id");
    return t[i];
}

std::string format_message(MessageId id, Lang lang, const std::vector<std::string>& args) {
    const MessageText& m = message_text(id);
    std::string_view tpl = lang == Lang::Zh ? m.zh : m.en;
    std::string out;
    out.reserve(tpl.size() + 32);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{' && i + 2 < tpl.size() && tpl[i + 2] == '}' && tpl[i + 1] >= '0' &&
            tpl[i + 1] <= '9') {
            auto n = static_cast<std::size_t>(tpl[i + 1] - '0');
            out += n < args.size() ? args[n] : std::string("?");
            i += 2;
        } else {
            out += tpl[i];
        }
    }
    return out;
}

Lang lang_from_environment() {
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v == nullptr || *v == '\0') continue;
        std::string_view s(v);
        return s.substr(0, 2) == "en" ? Lang::En : Lang::Zh;
    }
    return Lang::Zh;
}

std::string render(const Error& e, Lang lang) {
    std::string s = format_message(e.id, lang, e.args);
    if (e.cause) s += (lang == Lang::Zh ? "：" : ": ") + render(*e.cause, lang);
    return s;
}

std::string log_line(const Error& e) {
    std::string s = "[";
    s += message_text(e.id).key;
    s += "] ";
    s += render(e, Lang::En);
    if (!e.detail.empty()) s += " (" + e.detail + ")";
    return s;
}

}  // namespace custody
