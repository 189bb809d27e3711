#include "tests/support/history.h"

#include <stdexcept>

#include "tests/support/checkout_helpers.h"

namespace custody::test {

namespace {
template <class T>
T must(Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string("history step failed: ") + what + ": " + log_line(r.error()));
    return std::move(r).value();
}
}  // namespace

History make_history(StoreFixture& f) {
    using namespace agency;
    History h;
    f.register_agency();
    f.make_all_ready();
    h.zhang_checkout = must(checkout(f, kZhangBadge, kLiBadge), "checkout zhang").entry_id;
    f.clock().advance_ms(5 * 60 * kMsPerSecond);
    h.liu_checkout = must(checkout(f, kLiuBadge), "checkout liu").entry_id;
    (void)checkout(f, kChenBadge);  // refused: JT03 has no cameras
    f.clock().advance_ms(9 * kMsPerHour);
    h.zhang_return = must(give_back(f, "ZD-CAM-01", 1), "return ZD-CAM-01").entry_id;
    h.liu_return = must(give_back(f, "XJ-CAM-01", 3), "return XJ-CAM-01").entry_id;
    must(offloaded(f, "ZD-CAM-01"), "offload ZD-CAM-01");
    f.make_ready("ZD-CAM-01");
    return h;
}

}  // namespace custody::test
