#include "store/migrations/migrations.hpp"

#include <array>

#include <fmt/format.h>

namespace faxian {
namespace {

constexpr std::array<Migration, 12> kMigrations = {{
    {1,
     "core: regions, persons, households, memberships, categories, batches, standards, "
     "calendar",
     &core_schema_sql},
    {2, "department feed tables with correction history", &feed_tables_sql},
    {3, "user accounts", &users_schema_sql},
    {4, "import: hotline candidates, person name and category source indexes", &import_schema_sql},
    {5, "screening rule-set versions", &rules_schema_sql},
    {6, "screening runs, warnings, warning events, suppressions", &warnings_schema_sql},
    {7, "leads, lead history, tasks, notifications, workflow settings, audit log",
     &leads_schema_sql},
    {8, "applications, eligibility checks, reserve funds, payments", &assistance_schema_sql},
    {9, "referrals, coordination cases, hotline tickets", &casework_schema_sql},
    {10, "campaigns, visits, visit plans, publicity log", &fieldwork_schema_sql},
    {11, "sessions, login lock-out, API tokens, public reports", &api_schema_sql},
    {12, "issued case numbers; the change counter once per transaction", &numbering_schema_sql},
}};

constexpr std::string_view kMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
    "  version {int} NOT NULL PRIMARY KEY,\n"
    "  name TEXT NOT NULL,\n"
    "  applied_at {int} NOT NULL\n"
    ") {strict}";

Result<void> ensure_migrations_table(Database& db) {
  return db.execute(db.dialect().render_ddl(kMigrationsTable));
}

Result<int> read_version(Database& db) {
  auto statement = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!statement)
    return tl::unexpected(statement.error());
  auto has_row = (*statement)->step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  return *has_row ? static_cast<int>((*statement)->column_int64(0)) : 0;
}

Result<void> check_not_newer(int version) {
  if (version <= latest_schema_version())
    return ok();
  return fail(ErrorCode::kConflict,
              fmt::format("数据库结构版本为 {}，高于本程序支持的 {}，请升级程序", version,
                          latest_schema_version()),
              fmt::format("database schema version {} is newer than this binary's {}", version,
                          latest_schema_version()));
}

Result<void> record(Database& db, const Migration& migration, int64_t now_unix) {
  auto statement =
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  if (!statement)
    return tl::unexpected(statement.error());
  (*statement)->bind_int64(1, migration.version);
  (*statement)->bind_text(2, migration.name);
  (*statement)->bind_int64(3, now_unix);
  return (*statement)->run();
}

// Applies `migration` if the database is still below it. Returns the version afterwards.
Result<int> apply_if_pending(Database& db, const Migration& migration, int64_t now_unix) {
  return in_transaction(db, [&]() -> Result<int> {
    FAXIAN_TRY(ensure_migrations_table(db));
    auto version = read_version(db);
    if (!version)
      return version;
    FAXIAN_TRY(check_not_newer(*version));
    if (*version >= migration.version)
      return *version;
    FAXIAN_TRY(db.execute(db.dialect().render_ddl(migration.portable_sql())));
    FAXIAN_TRY(record(db, migration, now_unix));
    return migration.version;
  });
}

}  // namespace

std::span<const Migration> all_migrations() {
  return kMigrations;
}

int latest_schema_version() {
  return kMigrations.back().version;
}

Result<int> schema_version(Database& db) {
  FAXIAN_TRY(ensure_migrations_table(db));
  return read_version(db);
}

Result<int> migrate(Database& db, int64_t now_unix) {
  auto version = schema_version(db);
  if (!version)
    return version;
  FAXIAN_TRY(check_not_newer(*version));
  for (const Migration& migration : kMigrations) {
    if (migration.version <= *version)
      continue;
    auto reached = apply_if_pending(db, migration, now_unix);
    if (!reached) {
      Error error = reached.error();
      error.detail = fmt::format("migration {} failed: {}", migration.version, error.detail);
      return tl::unexpected(std::move(error));
    }
    version = *reached;
  }
  return version;
}

}  // namespace faxian
