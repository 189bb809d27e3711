#pragma once
#include <string>
#include <vector>

#include "kiosk/cli/cli_context.h"

namespace custody::cli {

int cmd_init(CliContext& ctx, const std::vector<std::string>& words);
int cmd_import(CliContext& ctx, const std::vector<std::string>& words);
int cmd_checkout(CliContext& ctx, const std::vector<std::string>& words);
int cmd_return(CliContext& ctx, const std::vector<std::string>& words);
int cmd_health(CliContext& ctx, const std::vector<std::string>& words);
int cmd_ledger(CliContext& ctx, const std::vector<std::string>& words);
int cmd_overdue(CliContext& ctx, const std::vector<std::string>& words);
int cmd_devices(CliContext& ctx, const std::vector<std::string>& words);
int cmd_verify(CliContext& ctx, const std::vector<std::string>& words);
int cmd_badge(CliContext& ctx, const std::vector<std::string>& words);
int cmd_officer(CliContext& ctx, const std::vector<std::string>& words);
int cmd_profile(CliContext& ctx, const std::vector<std::string>& words);
int cmd_sim(CliContext& ctx, const std::vector<std::string>& words);
int cmd_demo(CliContext& ctx, const std::vector<std::string>& words);
int cmd_hw(CliContext& ctx, const std::vector<std::string>& words);
int cmd_offload(CliContext& ctx, const std::vector<std::string>& words);
int cmd_retention(CliContext& ctx, const std::vector<std::string>& words);
int cmd_evidence(CliContext& ctx, const std::vector<std::string>& words);
int cmd_interruption(CliContext& ctx, const std::vector<std::string>& words);
int cmd_pin(CliContext& ctx, const std::vector<std::string>& words);
int cmd_reconcile(CliContext& ctx, const std::vector<std::string>& words);
int cmd_quarantine(CliContext& ctx, const std::vector<std::string>& words);
int cmd_release(CliContext& ctx, const std::vector<std::string>& words);
int cmd_fault(CliContext& ctx, const std::vector<std::string>& words);
int cmd_printers(CliContext& ctx, const std::vector<std::string>& words);
int cmd_report(CliContext& ctx, const std::vector<std::string>& words);
int cmd_allocation(CliContext& ctx, const std::vector<std::string>& words);
int cmd_assets(CliContext& ctx, const std::vector<std::string>& words);
int cmd_repair(CliContext& ctx, const std::vector<std::string>& words);
int cmd_compensation(CliContext& ctx, const std::vector<std::string>& words);
int cmd_backup(CliContext& ctx, const std::vector<std::string>& words);
int cmd_restore(CliContext& ctx, const std::vector<std::string>& words);
int cmd_status(CliContext& ctx, const std::vector<std::string>& words);
int cmd_maintenance(CliContext& ctx, const std::vector<std::string>& words);

}  // namespace custody::cli
