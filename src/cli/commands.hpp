#pragma once
// Each command lives in its own file and registers itself on the root CLI11 app. A command's
// callback stores its exit code in `exit_code`.

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace faxian::cli {

void register_init_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_standards_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_calendar_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_generate_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_demo_command(CLI::App& app, GlobalOptions& global, int& exit_code);

}  // namespace faxian::cli
