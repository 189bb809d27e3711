#include "hardware/nfc/keyboard_devices.h"

#include <algorithm>
#include <string_view>
#include <system_error>

namespace custody::nfc {

Result<std::vector<KeyboardDevice>> list_keyboard_devices(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    constexpr std::string_view kSuffix = "-event-kbd";
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        if (ec) return fail(Error(MessageId::FileUnreadable, {dir.string(), ec.message()}));
        return std::vector<KeyboardDevice>{};
    }
    fs::directory_iterator it(dir, ec);
    if (ec) return fail(Error(MessageId::FileUnreadable, {dir.string(), ec.message()}));
    std::vector<KeyboardDevice> found;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) return fail(Error(MessageId::FileUnreadable, {dir.string(), ec.message()}));
        const std::string name = it->path().filename().string();
        if (name.size() <= kSuffix.size() || !name.ends_with(kSuffix)) continue;
        std::error_code resolve_ec;
        const fs::path node = fs::canonical(it->path(), resolve_ec);
        // A dangling link is a reader unplugged while we listed: not a candidate any more.
        if (resolve_ec) continue;
        found.push_back({it->path().string(), node.string()});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.by_id < b.by_id; });
    return found;
}

}  // namespace custody::nfc
