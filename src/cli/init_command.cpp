// faxian init [--regions FILE] [--standards FILE] [--admin-password-stdin]
// Creates or migrates the database and loads the reference data it needs: regions (default:
// the shipped 秀山 divisions), standards (default: the shipped Chongqing figures), the
// working-day calendar, and the `admin` user. Running it again changes nothing that is
// already there.

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/init_steps.hpp"
#include "cli/open_store.hpp"
#include "cli/shipped_data.hpp"
#include "common/clock.hpp"

namespace faxian::cli {
namespace {

struct InitOptions {
  std::string regions_file;
  std::string standards_file;
  bool admin_password_stdin = false;
};

int run_init(const GlobalOptions& global, const InitOptions& options) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  InitRequest request;
  request.regions_file =
      options.regions_file.empty() ? shipped_regions_file() : options.regions_file;
  request.standards_file =
      options.standards_file.empty() ? shipped_standards_file() : options.standards_file;
  request.calendar_dir = shipped_calendar_dir();
  request.rules_file = shipped_rules_file();
  if (options.admin_password_stdin) {
    std::string password;
    std::getline(std::cin, password);
    if (password.empty()) {
      return report_error(global, Error(ErrorCode::kInvalidArgument, "标准输入没有读到管理员密码",
                                        "no admin password on stdin"));
    }
    request.admin_password = password;
  }
  auto summary = initialise_database(**db, clock, request);
  if (!summary)
    return report_error(global, summary.error());
  print_init_summary(global, **db, *summary);
  return kExitOk;
}

}  // namespace

void register_init_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app.add_subcommand(
      "init", "创建或升级数据库，载入行政区划、救助标准、工作日历，创建 admin 用户");
  command
      ->add_option("--regions", options->regions_file,
                   "行政区划 CSV (code,name,level,parent_code,urban_rural_code)")
      ->check(CLI::ExistingFile);
  command->add_option("--standards", options->standards_file, "救助标准 TOML")
      ->check(CLI::ExistingFile);
  command->add_flag("--admin-password-stdin", options->admin_password_stdin,
                    "从标准输入读取 admin 的初始密码");
  command->callback([&global, &exit_code, options] { exit_code = run_init(global, *options); });
}

}  // namespace faxian::cli
