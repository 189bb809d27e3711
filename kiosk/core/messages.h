#pragma once
// Every user-visible message has a stable id and both zh_CN and en text; the table
// lives in messages.def so the enum and the texts cannot drift apart.

#include <string>
#include <string_view>
#include <vector>

namespace custody {

enum class Lang { Zh, En };

enum class MessageId {
#define CUSTODY_MESSAGE(id, zh, en) id,
#include "kiosk/core/messages.def"
#undef CUSTODY_MESSAGE
};

struct MessageText {
    MessageId id;
    std::string_view key;
    std::string_view zh;
    std::string_view en;
};

const std::vector<MessageText>& message_table();
const MessageText& message_text(MessageId id);
// Substitutes {0}, {1}, ... in the chosen language's template.
std::string format_message(MessageId id, Lang lang, const std::vector<std::string>& args);
// zh unless LANGUAGE/LC_ALL/LC_MESSAGES/LANG (in that order) asks for English.
Lang lang_from_environment();

}  // namespace custody
