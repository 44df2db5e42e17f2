// faxian backup --to FILE / faxian restore --from FILE (80-cli.md): online backup and restore
// of the --db database (store/backup.hpp). The backup is taken as the database is, without
// migrating it first (a backup before an upgrade must be of the old schema). Prints what was
// written or restored; --json gives {"kind", "file", "schema_version", "bytes", "replaced"}.

#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "common/clock.hpp"
#include "store/backup.hpp"
#include "store/database_url.hpp"
#include "store/migrations/migrations.hpp"

namespace faxian::cli {
namespace {

int print_summary(const GlobalOptions& global, const BackupSummary& summary, bool restored) {
  if (global.json) {
    std::cout << nlohmann::json{{"kind", summary.kind},
                                {"file", summary.file},
                                {"schema_version", summary.schema_version},
                                {"bytes", summary.bytes},
                                {"replaced", summary.replaced}}
                     .dump(2)
              << "\n";
    return kExitOk;
  }
  const double mib = static_cast<double>(summary.bytes) / (1024.0 * 1024.0);
  if (global.lang == "en") {
    fmt::print("{} {} ({} backup, schema version {}, {:.1f} MiB)\n",
               restored ? "restored from" : "backed up to", summary.file, summary.kind,
               summary.schema_version, mib);
    if (!summary.replaced.empty())
      fmt::print("the database it replaced was saved as {}\n", summary.replaced);
  } else {
    fmt::print(fmt::runtime(restored ? "已从备份 {} 恢复（{} 备份，结构版本 {}，{:.1f} MiB）\n"
                                     : "已备份到 {}（{} 备份，结构版本 {}，{:.1f} MiB）\n"),
               summary.file, summary.kind, summary.schema_version, mib);
    if (!summary.replaced.empty())
      fmt::print("被替换的数据库已另存为 {}\n", summary.replaced);
  }
  return kExitOk;
}

int run_backup(const GlobalOptions& global, const std::string& to) {
  if (!is_postgres_url(global.db)) {
    const std::string path = global.db.starts_with("sqlite://") ? global.db.substr(9) : global.db;
    std::error_code ignored;
    if (!std::filesystem::exists(path, ignored)) {
      return report_error(global, Error(ErrorCode::kNotFound,
                                        fmt::format("数据库文件 {} 不存在，没有可备份的内容", path),
                                        "no database file " + path));
    }
  }
  auto db = open_database(global.db);
  if (!db)
    return report_error(global, db.error());
  auto summary = backup_database(**db, global.db, to);
  if (!summary)
    return report_error(global, summary.error());
  return print_summary(global, *summary, false);
}

int run_restore(const GlobalOptions& global, const std::string& from) {
  SystemClock clock;
  auto summary = restore_database(global.db, from, clock.now_unix());
  if (!summary)
    return report_error(global, summary.error());
  return print_summary(global, *summary, true);
}

}  // namespace

void register_backup_commands(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto to = std::make_shared<std::string>();
  CLI::App* backup =
      app.add_subcommand("backup", "在线备份数据库（不中断服务）/ online backup of the database");
  backup->add_option("--to", *to, "备份文件（不得已存在）/ the backup file (must not exist)")
      ->required();
  backup->callback([&global, &exit_code, to] { exit_code = run_backup(global, *to); });

  auto from = std::make_shared<std::string>();
  CLI::App* restore = app.add_subcommand(
      "restore", "从备份恢复数据库（先另存当前数据库）/ restore the database from a backup");
  restore->add_option("--from", *from, "备份文件 / the backup file")->required();
  restore->callback([&global, &exit_code, from] { exit_code = run_restore(global, *from); });
}

}  // namespace faxian::cli
