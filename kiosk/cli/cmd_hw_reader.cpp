// custodyctl hw readers | hw badge: which badge readers this machine has, and one tap
// read through the configured reader exactly as the kiosk reads it.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "hardware/nfc/keyboard_devices.h"
#include "hardware/nfc/nfc_readers.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/hw_options.h"

namespace custody::cli {

namespace {

std::set<std::string> with(std::set<std::string> s, std::initializer_list<const char*> more) {
    for (const char* m : more) s.insert(m);
    return s;
}

// Keeps the first tap and the reader's state changes, printing each state change once.
class FirstTap final : public BadgeEvents {
public:
    explicit FirstTap(CliContext& ctx) : ctx_(ctx) {}
    void on_tap(const BadgeTap& tap) override {
        std::lock_guard lock(mutex_);
        if (!tap_) tap_ = tap;
        cv_.notify_all();
    }
    void on_reader_state(ReaderState state, const Error& why) override {
        std::lock_guard lock(mutex_);
        if (state == ReaderState::Online) online_ = true;
        else last_offline_ = why;
        ctx_.err << render(why, ctx_.lang) << '\n';
    }
    std::optional<BadgeTap> wait(std::chrono::seconds limit) {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, limit, [&] { return tap_.has_value(); });
        return tap_;
    }
    bool was_online() {
        std::lock_guard lock(mutex_);
        return online_;
    }
    std::optional<Error> last_offline() {
        std::lock_guard lock(mutex_);
        return last_offline_;
    }

private:
    CliContext& ctx_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::optional<BadgeTap> tap_;
    bool online_ = false;
    std::optional<Error> last_offline_;
};

std::unique_ptr<BadgeReader> make_reader(const config::HardwareConfig& c, const Clock& clock) {
    if (c.reader == config::ReaderKind::Wedge) return std::make_unique<nfc::WedgeBadgeReader>(c.wedge, clock);
    return std::make_unique<nfc::LibnfcBadgeReader>(c.pn532, clock);
}

// Who the badge belongs to, when there is a database to ask.
std::string owner_of(CliContext& ctx, const std::string& uid) {
    auto store = db::SqliteStore::open(ctx.paths, ctx.clock);
    if (!store) return ctx.pick("（无数据库，未查询持卡人）", "(no database: holder not looked up)");
    auto tx = (*store)->begin();
    if (!tx) return render(tx.error(), ctx.lang);
    auto badge = (*tx)->badge(uid);
    if (!badge) return render(badge.error(), ctx.lang);
    if (!*badge) return ctx.pick("未登记", "not registered");
    auto officer = (*tx)->officer((*badge)->officer_id);
    if (!officer || !*officer) return ctx.pick("未登记", "not registered");
    std::string s = (*officer)->name + " (" + (*officer)->number + ")";
    if ((*badge)->revoked()) s += ctx.pick("，卡已注销", ", badge revoked");
    return s;
}

int hw_readers(CliContext& ctx, const Args& a) {
    auto c = hardware_config(a);
    if (!c) return ctx.report(c.error());
    ctx.out << ctx.pick("配置（", "Configured (") << c->source << ctx.pick("）：", "): ");
    if (c->reader == config::ReaderKind::Wedge) ctx.out << "wedge " << c->wedge.device << '\n';
    else ctx.out << "pn532 " << (c->pn532.connstring.empty() ? ctx.pick("（自动查找）", "(first found)") : c->pn532.connstring) << '\n';

    auto nfc = nfc::list_nfc_readers();
    if (!nfc) return ctx.report(nfc.error());
    ctx.out << ctx.pick("libnfc 读卡器：", "libnfc readers:") << (nfc->empty() ? ctx.pick(" 无", " none") : "") << '\n';
    for (const auto& r : *nfc) ctx.out << "  " << r << '\n';
    auto kbd = nfc::list_keyboard_devices();
    if (!kbd) return ctx.report(kbd.error());
    ctx.out << ctx.pick("键盘式读卡器（USB 键盘设备）：", "Keyboard-wedge readers (USB keyboards):")
            << (kbd->empty() ? ctx.pick(" 无", " none") : "") << '\n';
    for (const auto& k : *kbd) ctx.out << "  " << k.by_id << " -> " << k.node << '\n';
    return kExitOk;
}

int hw_badge(CliContext& ctx, const Args& a) {
    auto c = hardware_config(a);
    if (!c) return ctx.report(c.error());
    int seconds = 30;
    if (a.get("timeout") && (!parse_number(a.get("timeout"), seconds) || seconds < 1 || seconds > 3600))
        return ctx.report(usage("--timeout takes 1..3600 seconds"));
    FirstTap events(ctx);
    auto reader = make_reader(*c, ctx.clock);
    if (auto s = reader->start(events); !s) return ctx.report(s.error());
    ctx.err << ctx.pick("请在读卡器上刷卡……", "Tap a badge on the reader...") << '\n';
    auto tap = events.wait(std::chrono::seconds(seconds));
    reader->stop();
    if (!tap) {
        // A reader never seen online is the answer, whether or not its first failure was
        // reported before the time ran out.
        if (!events.was_online()) {
            if (auto why = events.last_offline()) return ctx.report(*why);
            const std::string name = c->reader == config::ReaderKind::Wedge ? c->wedge.device : c->pn532.connstring;
            return ctx.report(Error(MessageId::ReaderOffline, {name.empty() ? "libnfc" : name}));
        }
        return ctx.report(Error(MessageId::NoBadgeTapped, {std::to_string(seconds)}));
    }
    ctx.out << ctx.pick("卡号：", "Badge: ") << tap->uid << "  " << ctx.pick("持卡人：", "holder: ") << owner_of(ctx, tap->uid)
            << '\n';
    return kExitOk;
}

}  // namespace

int cmd_hw_reader(CliContext& ctx, const std::string& sub, const std::vector<std::string>& words) {
    auto a = parse_args(words, with(kHardwareOptions, {"timeout"}), {});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("unexpected " + a->positional.front()));
    return sub == "readers" ? hw_readers(ctx, *a) : hw_badge(ctx, *a);
}

}  // namespace custody::cli
