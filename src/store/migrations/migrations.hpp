#pragma once
// Versioned schema migrations. Each migration has a number and portable DDL (Dialect tokens);
// `schema_migrations` records which ones a database has. Migrations are append-only: once
// shipped, a migration's SQL never changes — a later change is a new migration.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string (*portable_sql)() = nullptr;  // DDL with Dialect tokens
};

// Every migration this binary knows, in version order (1, 2, …).
std::span<const Migration> all_migrations();
// The highest version this binary knows.
int latest_schema_version();

// The highest applied migration of `db`; 0 for an empty database.
Result<int> schema_version(Database& db);

// Applies every pending migration, each in its own transaction, recording it with `now_unix`.
// Applying again is a no-op. Returns the version reached. kConflict when the database is newer
// than this binary (it was migrated by a later release: upgrade the program, never downgrade).
Result<int> migrate(Database& db, int64_t now_unix);

// The core schema (version 1), the department feed tables (version 2), users (version 3).
std::string core_schema_sql();
std::string feed_tables_sql();
std::string users_schema_sql();
// The importer's additions (version 4): hotline candidates and lookup indexes.
std::string import_schema_sql();
std::string rules_schema_sql();
// Screening runs, warnings, their event log and suppressions (version 6).
std::string warnings_schema_sql();
// The workflow (40-workflow.md): leads and what all its parts share (7), applications and
// money (8), referrals, coordination and hotline (9), campaigns and visits (10).
std::string leads_schema_sql();
std::string assistance_schema_sql();
std::string casework_schema_sql();
std::string fieldwork_schema_sql();
// The HTTP API (11): sessions, login lock-out, department API tokens, public reports.
std::string api_schema_sql();
// Lead and casework numbers as issued rows; PostgreSQL's change counter per transaction (12).
std::string numbering_schema_sql();

}  // namespace faxian
