#pragma once
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

// Voided: a checkout whose camera never left its slot; it closes the checkout as a
// return would, but nothing was handed over. A repair takes the device out of the
// cabinet to a supplier and back (R9).
enum class CustodyKind { Checkout, Return, UnexpectedReturn, Voided, SentToRepair, BackFromRepair };

inline constexpr NamedCode<CustodyKind> kCustodyKinds[] = {
    {CustodyKind::Checkout, "checkout", "领用", "checkout"},
    {CustodyKind::Return, "return", "归还", "return"},
    {CustodyKind::UnexpectedReturn, "unexpected_return", "非领用归还", "unexpected return"},
    {CustodyKind::Voided, "voided", "领用作废", "checkout voided"},
    {CustodyKind::SentToRepair, "sent_to_repair", "送修", "sent to repair"},
    {CustodyKind::BackFromRepair, "back_from_repair", "修复返回", "back from repair"},
};

// One append-only line of the usage ledger (R5). A return closes its checkout.
struct CustodyEntry {
    Id id = 0;
    CustodyKind kind = CustodyKind::Checkout;
    Id device_id = 0;
    std::optional<Id> officer_id;  // none for an unexpected return
    std::optional<Id> partner_id;  // R10
    std::optional<int> slot;
    Timestamp at;
    std::optional<Id> closes_id;  // the checkout a return closes
};

}  // namespace custody
