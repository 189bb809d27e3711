#pragma once
// 报废: an asset leaves the register on a day, for a reason, approved by the unit head or
// finance. Its net book value at the end of the month before is recorded with it (under
// the government profile the month it leaves is not depreciated). The device leaves
// service with it.

#include <string>

#include "kiosk/core/custody_store.h"

namespace custody {

struct DisposalRequest {
    std::string asset_number;
    CivilDate disposed_on;
    std::string reason;
    std::string requested_by;
    std::string approver_number;
};

// Inside the caller's transaction: a repair written off disposes of its asset in the same
// step as the ledger entry.
Result<AssetDisposal> dispose_asset(StoreTx& tx, const DisposalRequest& request, Timestamp now);

// Who may approve a disposal or a finance decision: the unit head, finance, an administrator.
bool approves_finance(Role r);
// ApproverWrongRole naming the person, their role and who is needed, in both languages.
Error wrong_role(const Officer& who, const std::string& needed_zh, const std::string& needed_en);

}  // namespace custody
