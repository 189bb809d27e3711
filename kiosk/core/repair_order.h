#pragma once
// R9: a faulty device goes to a supplier and comes back repaired, replaced or written
// off. The order is filled in as that happens; each value is written once.

#include <optional>
#include <string>

#include "kiosk/core/accounting_month.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/money.h"
#include "kiosk/core/named_code.h"

namespace custody {

enum class RepairOutcome { Repaired, Replaced, WrittenOff };

inline constexpr NamedCode<RepairOutcome> kRepairOutcomes[] = {
    {RepairOutcome::Repaired, "repaired", "已修复", "repaired"},
    {RepairOutcome::Replaced, "replaced", "已更换", "replaced"},
    {RepairOutcome::WrittenOff, "written_off", "无法修复报废", "written off"},
};

struct RepairOrder {
    Id id = 0;
    Id device_id = 0;
    std::string device_serial;
    std::optional<Id> fault_report_id;
    std::string problem;
    Timestamp opened_at;
    std::string opened_by;
    std::optional<std::string> supplier;
    std::optional<CivilDate> sent_on;
    std::optional<Id> sent_entry_id;  // the ledger entry the device left on
    std::optional<CivilDate> returned_on;
    std::optional<Id> back_entry_id;  // the ledger entry it came back on
    std::optional<Fen> cost;
    std::optional<RepairOutcome> outcome;
    std::string outcome_note;

    bool closed() const { return outcome.has_value(); }
    bool at_supplier() const { return sent_on.has_value() && !outcome.has_value(); }
};

}  // namespace custody
