// faxian — the one command-line entry point (80-cli.md).

#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace faxian::cli {

int report_error(const GlobalOptions& global, const Error& error) {
  if (global.lang == "en" && !error.detail.empty()) {
    std::cerr << "error: " << error.detail << "\n";
  } else {
    std::cerr << "错误：" << error.message << "\n";
  }
  return kExitFailure;
}

}  // namespace faxian::cli

int main(int argc, char** argv) {
  using namespace faxian::cli;
  CLI::App app{"Faxian 发现 — 社会救助主动发现平台 (proactive discovery for social assistance)"};
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--db", global.db, "SQLite file path or postgresql://… (default ./faxian.db)");
  app.add_option("--config", global.config_file, "configuration file (TOML)");
  app.add_option("--lang", global.lang, "message language")->check(CLI::IsMember({"zh", "en"}));
  app.add_flag("--json", global.json, "machine-readable output");

  int exit_code = kExitOk;
  register_init_command(app, global, exit_code);
  register_standards_command(app, global, exit_code);
  register_calendar_command(app, global, exit_code);
  register_generate_command(app, global, exit_code);
  register_demo_command(app, global, exit_code);
  register_import_command(app, global, exit_code);
  register_rules_command(app, global, exit_code);
  register_screen_command(app, global, exit_code);
  register_eval_command(app, global, exit_code);
  register_leads_command(app, global, exit_code);
  register_deadlines_command(app, global, exit_code);
  register_serve_command(app, global, exit_code);
  register_user_command(app, global, exit_code);
  register_audit_command(app, global, exit_code);
  register_backup_commands(app, global, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return exit_code;
}
