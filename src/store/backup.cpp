#include "store/backup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "common/subprocess.hpp"
#include "store/database_url.hpp"
#include "store/migrations/migrations.hpp"
#include "store/query.hpp"

namespace faxian {
namespace fs = std::filesystem;
namespace {

// The first bytes of a file: "SQLite format 3" or pg_dump's custom format "PGDMP".
Result<std::string> file_kind(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return fail(ErrorCode::kNotFound, fmt::format("备份文件 {} 不存在或无法读取", file),
                "cannot open backup " + file);
  char head[16] = {};
  in.read(head, sizeof head);
  const std::string_view magic(head, static_cast<size_t>(in.gcount()));
  if (magic.starts_with(std::string_view("SQLite format 3\0", 16)))
    return std::string("sqlite");
  if (magic.starts_with("PGDMP"))
    return std::string("postgresql");
  return fail(
      ErrorCode::kInvalidArgument,
      fmt::format("{} 不是 faxian 备份文件（既不是 SQLite 数据库，也不是 pg_dump 文件）", file),
      "unrecognised backup file " + file);
}

// A PostgreSQL client tool, from the newest server installation (its version is at least the
// server's on this machine), or PATH.
std::string postgres_tool(const std::string& name) {
  std::string best;
  int best_version = 0;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ignored)) {
    const int version = std::atoi(entry.path().filename().string().c_str());
    const fs::path tool = entry.path() / "bin" / name;
    if (version > best_version && fs::exists(tool, ignored)) {
      best = tool.string();
      best_version = version;
    }
  }
  return best.empty() ? name : best;
}

Result<void> run_tool(const std::vector<std::string>& argv, std::string_view what_zh) {
  ProcessOutcome outcome;
  FAXIAN_TRY_ASSIGN(outcome, run_process(argv));
  if (outcome.exit_code == 0)
    return ok();
  std::string reason = outcome.error_text;
  while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' '))
    reason.pop_back();
  return fail(ErrorCode::kIo, fmt::format("{}失败：{}", what_zh, reason),
              fmt::format("{} exited {}: {}", argv[0], outcome.exit_code, reason));
}

// Links the finished `partial` to `file` (fails if `file` appeared meanwhile), readable by the
// owner only, and syncs.
Result<void> publish(const std::string& partial, const std::string& file) {
  ::chmod(partial.c_str(), 0600);  // personal data: readable by the service account only
  const int fd = ::open(partial.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (::link(partial.c_str(), file.c_str()) != 0) {
    const int error = errno;
    ::unlink(partial.c_str());
    return fail(ErrorCode::kIo, fmt::format("无法写入备份文件 {}：{}", file, std::strerror(error)),
                fmt::format("link {}: {}", file, std::strerror(error)));
  }
  ::unlink(partial.c_str());
  const std::string folder = fs::absolute(file).parent_path().string();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return ok();
}

Result<void> refuse_existing(const std::string& file) {
  std::error_code ignored;
  if (fs::exists(file, ignored)) {
    return fail(ErrorCode::kAlreadyExists,
                fmt::format("备份文件 {} 已存在，不会覆盖；请换一个文件名", file),
                "backup target exists: " + file);
  }
  return ok();
}

Result<std::string> current_schema(Database& db) {
  auto schema = query_rows<std::string>(
      db, "SELECT current_schema()", [](Statement&) {},
      [](const Statement& row) -> Result<std::string> { return std::string(row.column_text(0)); });
  if (!schema)
    return tl::unexpected(schema.error());
  if (schema->empty() || (*schema)[0].empty())
    return fail(ErrorCode::kInternal, "数据库内部错误", "no current schema");
  return (*schema)[0];
}

Result<void> write_backup(Database& db, const std::string& url, const std::string& partial) {
  if (!is_postgres_url(url))
    return sqlite_copy_database(std::string(sqlite_path(url)), partial, /*single_file=*/true);
  std::string schema;
  FAXIAN_TRY_ASSIGN(schema, current_schema(db));
  FAXIAN_TRY(run_tool({postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                       "--schema=" + schema, "--file=" + partial, "--dbname=" + url},
                      "pg_dump 备份"));
  return run_tool({postgres_tool("pg_restore"), "--list", partial}, "检查备份文件");
}

int64_t file_size(const std::string& file) {
  std::error_code ignored;
  const auto size = fs::file_size(file, ignored);
  return ignored ? 0 : static_cast<int64_t>(size);
}

// The name of the copy a restore makes of the database it replaces.
std::string replaced_copy_name(const std::string& backup_file, int64_t now_unix) {
  const fs::path path = fs::absolute(backup_file);
  return (path.parent_path() / fmt::format("{}.before-restore-{:%Y%m%dT%H%M%S}",
                                           path.filename().string(),
                                           fmt::gmtime(static_cast<std::time_t>(now_unix))))
      .string();
}

}  // namespace

Result<BackupSummary> backup_database(Database& db, const std::string& url,
                                      const std::string& file) {
  FAXIAN_TRY(refuse_existing(file));
  BackupSummary summary;
  summary.kind = is_postgres_url(url) ? "postgresql" : "sqlite";
  summary.file = file;
  FAXIAN_TRY_ASSIGN(summary.schema_version, schema_version(db));
  const std::string partial = file + ".partial";
  std::error_code ignored;
  fs::remove(partial, ignored);
  if (auto written = write_backup(db, url, partial); !written) {
    fs::remove(partial, ignored);
    return tl::unexpected(written.error());
  }
  FAXIAN_TRY(publish(partial, file));
  summary.bytes = file_size(file);
  return summary;
}

Result<BackupSummary> restore_database(const std::string& url, const std::string& file,
                                       int64_t now_unix) {
  std::string kind;
  FAXIAN_TRY_ASSIGN(kind, file_kind(file));
  const std::string target_kind = is_postgres_url(url) ? "postgresql" : "sqlite";
  if (kind != target_kind) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("{} 是 {} 备份，不能恢复到 {} 数据库", file, kind, target_kind),
                fmt::format("backup kind {} does not match the {} database", kind, target_kind));
  }
  // Check the backup before touching anything.
  if (kind == "sqlite") {
    if (auto checked = sqlite_check_file(file); !checked) {
      Error error = checked.error();
      error.message =
          fmt::format("备份文件 {} 已损坏或不完整，未做任何恢复（{}）", file, error.message);
      return tl::unexpected(std::move(error));
    }
  } else
    FAXIAN_TRY(run_tool({postgres_tool("pg_restore"), "--list", file}, "检查备份文件"));

  BackupSummary summary;
  summary.kind = kind;
  summary.file = file;
  {
    std::unique_ptr<Database> current;
    FAXIAN_TRY_ASSIGN(current, open_database(url));
    int version = 0;
    FAXIAN_TRY_ASSIGN(version, schema_version(*current));
    if (version > 0) {
      summary.replaced = replaced_copy_name(file, now_unix);
      FAXIAN_TRY(backup_database(*current, url, summary.replaced));
    }
  }
  if (kind == "sqlite") {
    FAXIAN_TRY(sqlite_copy_database(file, std::string(sqlite_path(url)), /*single_file=*/false));
  } else {
    FAXIAN_TRY(run_tool(
        {postgres_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", "--exit-on-error", "--dbname=" + url, file},
        "pg_restore 恢复"));
  }
  std::unique_ptr<Database> restored;
  FAXIAN_TRY_ASSIGN(restored, open_database(url));
  FAXIAN_TRY_ASSIGN(summary.schema_version, migrate(*restored, now_unix));
  summary.bytes = file_size(file);
  return summary;
}

}  // namespace faxian
