// faxian deadlines check [--on DATE]
// Runs the daily deadline sweep (workflow/deadline_sweep.hpp) as of DATE (default today): stores
// the overdue notices and prints what is overdue. The server runs the same sweep every day.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/screen_dates.hpp"
#include "store/calendar_repository.hpp"
#include "workflow/deadline_sweep.hpp"

namespace faxian::cli {
namespace {

int run_check(const GlobalOptions& global, const std::string& on_text) {
  SystemClock clock;
  auto on = as_of_or_today(on_text, clock);
  if (!on)
    return report_error(global, on.error());
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto calendar = CalendarRepository(**db, clock).load();
  if (!calendar)
    return report_error(global, calendar.error());
  auto policy = workflow::DeadlinePolicy::load(**db);
  if (!policy)
    return report_error(global, policy.error());
  auto counts = workflow::run_deadline_sweep(**db, clock, *calendar, *policy, *on);
  if (!counts)
    return report_error(global, counts.error());
  if (global.json) {
    std::cout << nlohmann::json{{"on", on->iso()},
                                {"overdue_leads", counts->overdue_leads},
                                {"overdue_applications", counts->overdue_applications},
                                {"notices", counts->notices},
                                {"calendar_missing", counts->calendar_missing}}
                     .dump(2)
              << "\n";
  } else if (global.lang == "en") {
    fmt::print("as of {}: {} overdue leads, {} overdue applications, {} new notices{}\n", on->iso(),
               counts->overdue_leads, counts->overdue_applications, counts->notices,
               counts->calendar_missing ? "; next year's calendar is missing" : "");
  } else {
    fmt::print("截至 {}：逾期线索 {} 条，逾期申请 {} 件，新发督办通知 {} 条{}\n", on->iso(),
               counts->overdue_leads, counts->overdue_applications, counts->notices,
               counts->calendar_missing ? "；尚未加载下一年工作日历" : "");
  }
  return kExitOk;
}

}  // namespace

void register_deadlines_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto on = std::make_shared<std::string>();
  CLI::App* deadlines = app.add_subcommand("deadlines", "办理时限 (deadlines)");
  deadlines->require_subcommand(1);
  CLI::App* check = deadlines->add_subcommand("check", "逾期督办：检查并通知 (flag overdue items)");
  check->add_option("--on", *on, "检查日期 YYYY-MM-DD（默认今天）");
  check->callback([&global, &exit_code, on] { exit_code = run_check(global, *on); });
}

}  // namespace faxian::cli
