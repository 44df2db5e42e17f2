// faxian standards load FILE — load a standards TOML file as a new version.

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/reference_data.hpp"
#include "common/clock.hpp"

namespace faxian::cli {
namespace {

int run_standards_load(const GlobalOptions& global, const std::string& file) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto version = load_standards(**db, clock, file, "cli", false);
  if (!version)
    return report_error(global, version.error());
  fmt::print("{} {}\n", say(global, "已载入救助标准，版本", "standards loaded as version"),
             *version);
  return kExitOk;
}

}  // namespace

void register_standards_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  CLI::App* command = app.add_subcommand("standards", "救助标准 (standards)");
  command->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  CLI::App* load = command->add_subcommand("load", "载入救助标准 TOML 文件为新版本");
  load->add_option("FILE", *file, "救助标准 TOML 文件")->required()->check(CLI::ExistingFile);
  load->callback([&global, &exit_code, file] { exit_code = run_standards_load(global, *file); });
}

}  // namespace faxian::cli
