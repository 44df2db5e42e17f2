// faxian import --feed NAME --file PATH [--strict] [--department NAME]
// Imports one department file as one batch (20-feeds.md) and prints the batch report: Chinese
// by default, English with --lang en, everything as JSON with --json. Exit 0, 1 when the batch
// failed (unreadable file, missing column, database error), 2 on usage errors, 3 when any row
// was rejected (with --strict nothing was committed then).

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/warning_leads_step.hpp"
#include "common/clock.hpp"
#include "ingest/import_report.hpp"
#include "ingest/import_runner.hpp"
#include "screen/screening_job.hpp"
#include "store/region_repository.hpp"

namespace faxian::cli {
namespace {

struct ImportArgs {
  std::string feed;
  std::string file;
  std::string department;
  bool strict = false;
};

// Progress on stderr: a line rewritten in place on a terminal, else a plain line every 5 s.
class ProgressPrinter {
 public:
  ProgressPrinter(const GlobalOptions& global, std::string label)
      : global_(global),
        label_(std::move(label)),
        terminal_(isatty(STDERR_FILENO) != 0),
        last_(std::chrono::steady_clock::now()) {}
  ~ProgressPrinter() {
    if (terminal_ && printed_)
      std::cerr << "\n";
  }

  void operator()(const ingest::ImportProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    const auto interval = terminal_ ? std::chrono::milliseconds(200) : std::chrono::seconds(5);
    if (now - last_ < interval)
      return;
    last_ = now;
    printed_ = true;
    const std::string line =
        global_.lang == "en"
            ? fmt::format("{}: {} rows read, {} rejected", label_, progress.rows, progress.rejected)
            : fmt::format("{}：已读 {} 行，拒绝 {} 行", label_, progress.rows, progress.rejected);
    std::cerr << (terminal_ ? "\r" + line : line + "\n") << std::flush;
  }

 private:
  const GlobalOptions& global_;
  std::string label_;
  bool terminal_;
  bool printed_ = false;
  std::chrono::steady_clock::time_point last_;
};

std::string current_user() {
  const char* user = std::getenv("USER");
  return fmt::format("cli:{}", user != nullptr && *user != '\0' ? user : "unknown");
}

Result<void> require_regions(Database& db) {
  auto regions = RegionRepository(db).count();
  if (!regions)
    return tl::unexpected(regions.error());
  if (*regions > 0)
    return ok();
  return fail(ErrorCode::kUnavailable, "数据库尚未初始化（没有行政区划），请先运行 faxian init",
              "the database has no regions: run `faxian init` first");
}

int exit_code_of(const ingest::ImportOutcome& outcome) {
  if (outcome.batch.status == BatchStatus::kFailed)
    return kExitFailure;
  return outcome.batch.rejected > 0 ? kExitRejectedRows : kExitOk;
}

int run_import_command(const GlobalOptions& global, const ImportArgs& args) {
  const std::optional<FeedKind> feed = find_feed(args.feed);
  if (!feed) {
    std::cerr << say(global, "错误：未知的数据类型 ", "error: unknown feed ") << args.feed << "\n";
    return kExitUsage;
  }
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  if (auto ready = require_regions(**db); !ready)
    return report_error(global, ready.error());
  auto outcome =
      import_one_file(**db, clock, global, *feed, args.file, args.strict, args.department);
  if (!outcome)
    return report_error(global, outcome.error());
  if (global.json) {
    std::cout << ingest::import_report_json(*outcome).dump(2) << "\n";
  } else {
    std::cout << ingest::format_import_report(*outcome, message_language(global));
  }
  if (*feed == FeedKind::kHotline && outcome->batch.status == BatchStatus::kCommitted) {
    if (auto tickets = receive_hotline_tickets(global, **db, clock); !tickets)
      report_error(global, tickets.error());  // the next hotline batch receives them
  }
  // 30-screening.md: the households the batch touched are screened again at once.
  auto screened = screen::screen_after_batch(**db, clock, outcome->touched_persons,
                                             outcome->touched_households);
  if (!screened)  // the batch is committed all the same; `faxian screen` catches up
    report_error(global, screened.error());
  if (screened && *screened && !global.json) {
    const screen::JobOutcome& job = **screened;
    fmt::print(fmt::runtime(say(
                   global,
                   "已增量筛查 {} 户（基准日 {}）：新增预警 {}，升级 {}，解除 {}，用时 {:.3f} 秒\n",
                   "re-screened {} households (as of {}): {} opened, {} escalated, "
                   "{} cleared in {:.3f} s\n")),
               job.screening.result.screened.size(), job.screening.parameters.as_of.iso(),
               job.counts.opened, job.counts.escalated, job.counts.cleared, job.total_seconds);
  }
  if (screened && *screened) {
    if (auto leads = open_warning_leads(global, **db, clock); !leads)
      report_error(global, leads.error());  // `faxian screen` opens them next time
  }
  return exit_code_of(*outcome);
}

}  // namespace

ingest::MessageLanguage message_language(const GlobalOptions& global) {
  return global.lang == "en" ? ingest::MessageLanguage::kEnglish
                             : ingest::MessageLanguage::kChinese;
}

Result<ingest::ImportOutcome> import_one_file(Database& db, const Clock& clock,
                                              const GlobalOptions& global, FeedKind feed,
                                              const std::string& path, bool strict,
                                              const std::string& department) {
  ingest::ImportRequest request;
  request.feed = feed;
  request.strict = strict;
  request.department = department;
  request.imported_by = current_user();
  request.language = message_language(global);
  auto progress = std::make_shared<ProgressPrinter>(global, std::string(feed_name(feed)));
  request.on_progress = [progress](const ingest::ImportProgress& p) { (*progress)(p); };
  return ingest::import_file(db, clock, path, request);
}

void register_import_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* command = app.add_subcommand(
      "import", "导入一个部门数据文件（一个批次）/ import one department file as one batch");
  command->add_option("--feed", args->feed, "数据类型 feed name, e.g. medical, population")
      ->required();
  command->add_option("--file", args->file, "CSV (UTF-8/GB18030) or XLSX file")->required();
  command->add_flag("--strict", args->strict, "任一行被拒绝则整批拒绝 / reject the whole batch");
  command->add_option("--department", args->department, "报送部门 (default: the feed's)");
  command->callback([&global, &exit_code, args] { exit_code = run_import_command(global, *args); });
}

}  // namespace faxian::cli
