// faxian audit verify
// Walks the audit log's hash chain (50-api-security.md "Privacy") and recomputes every entry's
// hash. Intact: prints how many entries were checked and exits 0. Broken: prints the first
// entry that does not match and why, and exits 1. With --json the result is one JSON object
// on stdout: {"entries": N, "intact": bool, "first_bad_id": id|null, "problem": text}.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "common/clock.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::cli {
namespace {

int run_audit_verify(const GlobalOptions& global) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto check = workflow::AuditLog(**db, clock).verify();
  if (!check)
    return report_error(global, check.error());
  const bool intact = !check->first_bad_id;
  if (global.json) {
    nlohmann::json report = {{"entries", check->entries},
                             {"intact", intact},
                             {"first_bad_id", nullptr},
                             {"problem", check->problem}};
    if (check->first_bad_id)
      report["first_bad_id"] = *check->first_bad_id;
    std::cout << report.dump(2) << "\n";
    return intact ? kExitOk : kExitFailure;
  }
  if (global.lang == "en")
    fmt::print("checked {} audit log entries\n", check->entries);
  else
    fmt::print("已检查 {} 条审计记录\n", check->entries);
  if (intact) {
    fmt::print("{}\n", say(global, "审计日志哈希链完整", "the audit log's hash chain is intact"));
    return kExitOk;
  }
  return report_error(
      global, Error(ErrorCode::kCorrupt, fmt::format("审计日志哈希链断裂：{}", check->problem),
                    fmt::format("hash chain broken at audit entry {}", *check->first_bad_id)));
}

}  // namespace

void register_audit_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  CLI::App* command = app.add_subcommand("audit", "审计日志 (audit log)");
  command->require_subcommand(1);
  CLI::App* verify =
      command->add_subcommand("verify", "校验审计日志哈希链 / check the audit log's hash chain");
  verify->callback([&global, &exit_code] { exit_code = run_audit_verify(global); });
}

}  // namespace faxian::cli
