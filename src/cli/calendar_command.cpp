// faxian calendar load FILE — load one year's holidays and make-up workdays (JSON).

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "common/clock.hpp"
#include "common/file_util.hpp"
#include "store/calendar_repository.hpp"

namespace faxian::cli {
namespace {

int run_calendar_load(const GlobalOptions& global, const std::string& file) {
  SystemClock clock;
  auto json = read_file(file);
  if (!json)
    return report_error(global, json.error());
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto year = CalendarRepository(**db, clock).put_json(*json, "cli");
  if (!year)
    return report_error(global, year.error());
  fmt::print("{} {}\n", say(global, "已载入工作日历：", "calendar loaded for"), *year);
  return kExitOk;
}

}  // namespace

void register_calendar_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  CLI::App* command = app.add_subcommand("calendar", "工作日历 (working-day calendar)");
  command->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  CLI::App* load = command->add_subcommand(
      "load",
      "载入一年的节假日和调休上班日 JSON：{\"year\":2027,\"holidays\":[…],\"workdays\":[…]}");
  load->add_option("FILE", *file, "日历 JSON 文件")->required()->check(CLI::ExistingFile);
  load->callback([&global, &exit_code, file] { exit_code = run_calendar_load(global, *file); });
}

}  // namespace faxian::cli
