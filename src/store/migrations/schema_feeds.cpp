// Migration 2: one table per department feed (20-feeds.md), named feed_<feed>. Every table has
// the same common columns and indexes; a row with the same natural key but different content
// supersedes the current one, which is kept (superseded_at set, the newer row's supersedes_id
// pointing at it). At most one current row per natural key (partial unique index).
// Never edit after release: add a migration instead.

#include <fmt/format.h>

#include "store/migrations/migrations.hpp"

namespace faxian {
namespace {

struct FeedTableDdl {
  std::string_view table;
  // false only for hotline tickets: their ID is optional and kept in the ticket's own
  // id_number column, since an officer may link a ticket without an ID to a person.
  bool person_required;
  std::string_view columns;  // feed-specific columns
};

constexpr FeedTableDdl kFeedTables[] = {
    {"feed_population", true, R"(
  household_no TEXT NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  village_code TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  ethnicity TEXT,
  hukou_type TEXT,
  phone TEXT NOT NULL DEFAULT '',
  change_type TEXT NOT NULL)"},
    {"feed_medical", true, R"(
  settlement_no TEXT NOT NULL,
  name TEXT NOT NULL,
  settle_kind TEXT NOT NULL,
  visit_type TEXT,
  total_cost {int} NOT NULL,
  fund_paid {int},
  critical_paid {int},
  aid_paid {int},
  self_paid {int} NOT NULL,
  self_paid_derived {int} NOT NULL CHECK (self_paid_derived IN (0, 1)),
  diagnosis_code TEXT NOT NULL DEFAULT '',
  diagnosis_name TEXT NOT NULL DEFAULT '',
  hospital TEXT NOT NULL DEFAULT '')"},
    {"feed_employment", true, R"(
  name TEXT NOT NULL,
  event TEXT NOT NULL,
  employer TEXT NOT NULL DEFAULT '',
  contribution_base {int})"},
    {"feed_income", true, R"(
  name TEXT NOT NULL,
  month TEXT NOT NULL CHECK (month LIKE '____-__'),
  income_type TEXT NOT NULL,
  amount {int} NOT NULL,
  source_dept TEXT NOT NULL DEFAULT '')"},
    {"feed_disability", true, R"(
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  grade {int} NOT NULL CHECK (grade BETWEEN 1 AND 4),
  status TEXT NOT NULL)"},
    {"feed_death", true, R"(
  name TEXT NOT NULL)"},
    {"feed_disaster", true, R"(
  name TEXT NOT NULL,
  village_code TEXT NOT NULL DEFAULT '',
  disaster_type TEXT NOT NULL,
  damage TEXT NOT NULL,
  loss {int})"},
    {"feed_poverty_monitoring", true, R"(
  name TEXT NOT NULL,
  monitor_type TEXT NOT NULL,
  risk TEXT,
  risk_cleared {int} NOT NULL CHECK (risk_cleared IN (0, 1)),
  cleared_date TEXT CHECK (cleared_date LIKE '____-__-__'))"},
    {"feed_education", true, R"(
  name TEXT NOT NULL,
  stage TEXT NOT NULL,
  school_year TEXT NOT NULL CHECK (school_year LIKE '____-____'),
  fees {int} NOT NULL,
  aid {int})"},
    {"feed_assets", true, R"(
  name TEXT NOT NULL,
  asset_type TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  value {int},
  status TEXT NOT NULL)"},
    {"feed_hotline", false, R"(
  ticket_no TEXT NOT NULL,
  call_time TEXT NOT NULL CHECK (call_time LIKE '____-__-__ __:__:__'),
  caller_name TEXT NOT NULL DEFAULT '',
  caller_phone TEXT NOT NULL DEFAULT '',
  id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 18),
  subject_name TEXT NOT NULL DEFAULT '',
  village_code TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  category TEXT,
  content TEXT NOT NULL)"},
    {"feed_applications", true, R"(
  application_no TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  result TEXT NOT NULL,
  result_date TEXT CHECK (result_date LIKE '____-__-__'),
  reason TEXT NOT NULL DEFAULT '')"},
    {"feed_registry", true, R"(
  name TEXT NOT NULL,
  household_no TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  end_date TEXT CHECK (end_date LIKE '____-__-__'),
  monthly_amount {int})"},
};

std::string feed_table_sql(const FeedTableDdl& ddl) {
  return fmt::format(R"(
CREATE TABLE {0} (
  id {{id}},
  batch_id {{int}} NOT NULL REFERENCES import_batches(id),
  source_row {{int}} NOT NULL,
  natural_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  person_id {{int}} {1}REFERENCES persons(id),
  event_date TEXT NOT NULL CHECK (event_date LIKE '____-__-__'),
  imported_at {{int}} NOT NULL,
  supersedes_id {{int}} REFERENCES {0}(id),
  superseded_at {{int}},{2}
) {{strict}};
CREATE UNIQUE INDEX {0}_current_key ON {0}(natural_key) WHERE superseded_at IS NULL;
CREATE INDEX {0}_person_date ON {0}(person_id, event_date);
)",
                     ddl.table, ddl.person_required ? "NOT NULL " : "", ddl.columns);
}

}  // namespace

std::string feed_tables_sql() {
  std::string sql;
  for (const FeedTableDdl& ddl : kFeedTables)
    sql += feed_table_sql(ddl);
  return sql;
}

}  // namespace faxian
