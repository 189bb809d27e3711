#pragma once
// Shorthand for the custody services on a StoreFixture.

#include <optional>
#include <string>

#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/offload_completion.h"
#include "tests/support/store_fixture.h"

namespace custody::test {

inline Result<CheckoutGrant> checkout(StoreFixture& f, const std::string& badge,
                                      std::optional<std::string> partner = std::nullopt) {
    return Checkout(f.store(), f.clock()).run({badge, std::move(partner), std::nullopt});
}

inline Result<ReturnReceipt> give_back(StoreFixture& f, const std::string& serial, int slot) {
    return Return(f.store(), f.clock()).run({serial, slot, "kiosk"});
}

inline Result<Device> offloaded(StoreFixture& f, const std::string& serial) {
    return OffloadCompletion(f.store()).record({serial, 3, 1 << 20, "kiosk"});
}

}  // namespace custody::test
