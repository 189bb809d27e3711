#pragma once
// A short, realistic history on a StoreFixture for the audit tests: a registered agency,
// health readings, two checkouts and their returns, an offload, and a refusal.

#include "tests/support/store_fixture.h"

namespace custody::test {

struct History {
    Id zhang_checkout = 0;  // custody entry ids
    Id liu_checkout = 0;
    Id zhang_return = 0;
    Id liu_return = 0;
};

History make_history(StoreFixture& f);

}  // namespace custody::test
