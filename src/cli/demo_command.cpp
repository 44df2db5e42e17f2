// faxian demo [--scale …] [--seed N] [--as-of DATE] [--data-dir DIR] [--serve [--listen A]]
// Generates the synthetic 秀山 county, initialises a database (the --db one when given, else
// one beside the generated files), imports every generated feed (户籍 first, one batch each) and
// prints what it did, screens every household as of the generator's date and opens a lead for
// every need warning. With --serve it then creates one demo account per role (printed) and
// serves the web app and API (options as `faxian serve`).

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/demo_accounts.hpp"
#include "cli/init_steps.hpp"
#include "cli/open_store.hpp"
#include "cli/screen_output.hpp"
#include "cli/shipped_data.hpp"
#include "cli/warning_leads_step.hpp"
#include "common/clock.hpp"
#include "domain/feed_kind.hpp"
#include "gen/generator.hpp"
#include "ingest/import_report.hpp"
#include "screen/screening_job.hpp"

namespace faxian::cli {
namespace {

struct DemoArgs {
  std::string scale = "county";
  uint64_t seed = 1;
  std::string as_of;
  std::string data_dir;
  bool serve = false;
  ServeOptions serve_options;
};

Result<std::string> make_temp_dir(const char* prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / prefix).string() + "XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return fail(ErrorCode::kIo, "无法创建临时文件夹", "mkdtemp failed");
  }
  return pattern;
}

Result<gen::GenerateOptions> generate_options(const DemoArgs& args) {
  auto scale = gen::parse_scale(args.scale);
  if (!scale)
    return tl::unexpected(scale.error());
  gen::GenerateOptions options;
  options.scale = *scale;
  options.seed = args.seed;
  options.as_of = gen::default_as_of();
  if (!args.as_of.empty()) {
    auto as_of = Date::parse_iso(args.as_of);
    if (!as_of)
      return tl::unexpected(as_of.error());
    options.as_of = *as_of;
  }
  options.regions_path = shipped_regions_file();
  options.standards_path = shipped_standards_file();
  if (args.data_dir.empty()) {
    auto dir = make_temp_dir("faxian-demo-");
    if (!dir)
      return tl::unexpected(dir.error());
    options.out_dir = *dir;
  } else {
    options.out_dir = args.data_dir;
  }
  return options;
}

void print_generated(const GlobalOptions& global, const gen::GenerateOptions& options,
                     const gen::GenerateSummary& summary) {
  const gen::GenerationStats& stats = summary.stats;
  if (global.lang == "en") {
    fmt::print("generated the synthetic county (seed {}, as of {}) in {:.1f} s: {}\n", options.seed,
               options.as_of.iso(), summary.seconds, options.out_dir);
    fmt::print("  {} households, {} persons, {} in need according to truth.csv\n", stats.households,
               stats.persons, stats.in_need);
  } else {
    fmt::print("已生成合成县数据（种子 {}，截至 {}，用时 {:.1f} 秒）：{}\n", options.seed,
               options.as_of.iso(), summary.seconds, options.out_dir);
    fmt::print("  户 {}，人 {}，truth.csv 中需救助户 {}\n", stats.households, stats.persons,
               stats.in_need);
  }
  for (const gen::WrittenFile& file : summary.files) {
    fmt::print("    {:<24} {:>10}\n", file.name, file.rows);
  }
}

// Imports <dir>/<feed>.csv for every feed, in kAllFeeds order (户籍 first, so later feeds link
// to registered persons). One line per batch; the full report of a batch that was not clean.
int import_generated_feeds(const GlobalOptions& global, Database& db, const Clock& clock,
                           const std::string& dir) {
  int exit_code = kExitOk;
  for (FeedKind feed : kAllFeeds) {
    const std::string path = fmt::format("{}/{}.csv", dir, feed_name(feed));
    if (!std::filesystem::exists(path))
      continue;
    auto outcome = import_one_file(db, clock, global, feed, path, false, "");
    if (!outcome)
      return report_error(global, outcome.error());
    const ImportBatch& batch = outcome->batch;
    if (batch.status != BatchStatus::kCommitted || batch.rejected > 0) {
      std::cout << ingest::format_import_report(*outcome, message_language(global));
      exit_code = batch.status == BatchStatus::kCommitted ? kExitRejectedRows : kExitFailure;
      continue;
    }
    if (global.lang == "en") {
      fmt::print("  imported {:<20} {:>10} rows ({} duplicates) in {:.1f} s\n", feed_name(feed),
                 batch.imported, batch.duplicates, outcome->seconds);
    } else {
      fmt::print("  已导入 {:<20} {:>10} 行（重复 {}），用时 {:.1f} 秒\n", feed_name(feed),
                 batch.imported, batch.duplicates, outcome->seconds);
    }
  }
  return exit_code;
}

void print_demo_accounts(const GlobalOptions& global, const std::vector<DemoAccount>& accounts) {
  fmt::print("{}\n", global.lang == "en" ? "demo accounts (one per role; passwords shown once):"
                                         : "演示账户（每个角色一个；密码只显示这一次）：");
  for (const DemoAccount& account : accounts) {
    std::string scope = account.region_name.empty() ? account.department : account.region_name;
    if (!account.region_code.empty())
      scope += " " + account.region_code;
    fmt::print("  {:<26} {:<16} {:<20} {}\n", account.username, account.password,
               enum_key(account.role), scope);
  }
}

int run_demo(const GlobalOptions& global, const DemoArgs& args, bool db_given) {
  auto options = generate_options(args);
  if (!options)
    return report_error(global, options.error());
  auto generated = gen::generate(*options);
  if (!generated)
    return report_error(global, generated.error());
  print_generated(global, *options, *generated);

  GlobalOptions demo_global = global;
  if (!db_given)
    demo_global.db = options->out_dir + "/faxian.db";
  SystemClock clock;
  auto db = open_and_migrate(demo_global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  InitRequest request{.regions_file = options->out_dir + "/regions.csv",
                      .standards_file = shipped_standards_file(),
                      .calendar_dir = shipped_calendar_dir(),
                      .rules_file = shipped_rules_file(),
                      .admin_password = std::nullopt};
  auto summary = initialise_database(**db, clock, request);
  if (!summary)
    return report_error(global, summary.error());
  print_init_summary(demo_global, **db, *summary);
  int exit_code = import_generated_feeds(demo_global, **db, clock, options->out_dir);
  if (exit_code != kExitOk && exit_code != kExitRejectedRows)
    return exit_code;
  if (auto tickets = receive_hotline_tickets(demo_global, **db, clock); !tickets)
    return report_error(global, tickets.error());
  auto job = screen::screen_and_store(**db, clock, options->as_of, screen::JobMode::kFull);
  if (!job)
    return report_error(global, job.error());
  print_job_summary(demo_global, *job);
  auto table = print_warnings_by_township(demo_global, **db, *job);
  if (!table)
    return report_error(global, table.error());
  // Every need warning becomes a lead in its township's inbox, due by its level's deadlines.
  auto leads = open_warning_leads(demo_global, **db, clock);
  if (!leads)
    return report_error(global, leads.error());
  if (!args.serve)
    return exit_code;
  auto accounts = create_demo_accounts(**db, clock);
  if (!accounts)
    return report_error(global, accounts.error());
  print_demo_accounts(demo_global, *accounts);
  db->reset();
  return serve_until_stopped(demo_global, args.serve_options);
}

}  // namespace

void register_demo_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* command =
      app.add_subcommand("demo", "演示：生成合成的秀山县数据并初始化数据库 / run the demo");
  command->add_option("--scale", args->scale, "small | county | city (default county)")
      ->check(CLI::IsMember({"small", "county", "city"}));
  command->add_option("--seed", args->seed, "random seed (default 1)");
  command->add_option("--as-of", args->as_of, "as-of date YYYY-MM-DD (default 2026-11-20)");
  command->add_option("--data-dir", args->data_dir,
                      "where to write the generated feeds (default: a new temporary folder)");
  command->add_flag("--serve", args->serve,
                    "then serve the web app and API with one demo account per role");
  add_serve_options(*command, args->serve_options);
  CLI::Option* db_option = app.get_option("--db");
  command->callback([&global, &exit_code, args, db_option] {
    exit_code = run_demo(global, *args, db_option->count() > 0);
  });
}

}  // namespace faxian::cli
