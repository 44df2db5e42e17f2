#pragma once
// Each command lives in its own file and registers itself on the root CLI11 app. A command's
// callback stores its exit code in `exit_code`.

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"
#include "common/clock.hpp"
#include "domain/feed_kind.hpp"
#include "ingest/import_request.hpp"
#include "store/database.hpp"

namespace faxian::cli {

void register_init_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_standards_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_calendar_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_generate_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_demo_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_import_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_rules_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_screen_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_eval_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_leads_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_deadlines_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_serve_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_user_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_audit_command(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_backup_commands(CLI::App& app, GlobalOptions& global, int& exit_code);

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert;
  std::string tls_key;
  std::string web_dir;  // "" = the shipped web UI
};
// Serves the API and web UI on the --db database until SIGINT/SIGTERM (serve_command.cpp; also
// `demo --serve`). Returns the exit code.
int serve_until_stopped(const GlobalOptions& global, const ServeOptions& options);
void add_serve_options(CLI::App& command, ServeOptions& options);

// Imports one file as one batch with progress on stderr (import_command.cpp; also the demo).
Result<ingest::ImportOutcome> import_one_file(Database& db, const Clock& clock,
                                              const GlobalOptions& global, FeedKind feed,
                                              const std::string& path, bool strict,
                                              const std::string& department);
// The importer's message language for --lang.
ingest::MessageLanguage message_language(const GlobalOptions& global);

}  // namespace faxian::cli
