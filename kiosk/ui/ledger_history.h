#pragma once
// A device's history from the usage ledger (R5), read through a read-only connection of
// its own so it never waits on, or sees half of, a write in progress.

#include <memory>

#include "db/sqlite.h"
#include "kiosk/terminal/device_history.h"

namespace custody::ui {

class LedgerHistory final : public terminal::DeviceHistory {
public:
    static Result<std::unique_ptr<LedgerHistory>> open(const std::string& db_path);
    Result<std::vector<terminal::HistoryLine>> of_device(const std::string& serial, int limit) override;

private:
    explicit LedgerHistory(std::unique_ptr<db::Connection> c) : connection_(std::move(c)) {}
    std::unique_ptr<db::Connection> connection_;
};

}  // namespace custody::ui
