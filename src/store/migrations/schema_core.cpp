// Migration 1: the core schema. Portable DDL (see Dialect::render_ddl). Dates are ISO text,
// money integer fen, instants Unix seconds, enumerations their English keys.
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string core_schema_sql() {
  return R"SQL(
CREATE TABLE regions (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village')),
  parent_code TEXT REFERENCES regions(code),
  urban_rural_code TEXT NOT NULL DEFAULT ''
) {strict};
CREATE INDEX regions_parent ON regions(parent_code);

CREATE TABLE persons (
  id {id},
  resident_id TEXT NOT NULL UNIQUE CHECK (length(resident_id) = 18),
  name TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL CHECK (birth_date LIKE '____-__-__'),
  relation TEXT,
  ethnicity TEXT,
  hukou_type TEXT,
  phone TEXT NOT NULL DEFAULT '',
  health_status TEXT,
  disability_category TEXT,
  disability_grade {int} CHECK (disability_grade BETWEEN 1 AND 4),
  self_care TEXT,
  employment_status TEXT,
  death_date TEXT CHECK (death_date LIKE '____-__-__'),
  unregistered {int} NOT NULL DEFAULT 0 CHECK (unregistered IN (0, 1)),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
) {strict};

CREATE TABLE households (
  id {id},
  household_no TEXT NOT NULL UNIQUE,
  village_code TEXT NOT NULL REFERENCES regions(code),
  address TEXT NOT NULL DEFAULT '',
  head_person_id {int} REFERENCES persons(id),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
) {strict};
CREATE INDEX households_village ON households(village_code);

CREATE TABLE memberships (
  id {id},
  household_id {int} NOT NULL REFERENCES households(id),
  person_id {int} NOT NULL REFERENCES persons(id),
  from_date TEXT NOT NULL CHECK (from_date LIKE '____-__-__'),
  to_date TEXT CHECK (to_date LIKE '____-__-__'),
  relation TEXT,
  CHECK (to_date IS NULL OR to_date >= from_date)
) {strict};
CREATE INDEX memberships_household ON memberships(household_id, from_date);
CREATE INDEX memberships_person ON memberships(person_id, from_date);

CREATE TABLE categories (
  id {id},
  kind TEXT NOT NULL CHECK (kind IN ('dibao', 'tekun', 'dibao_edge', 'expenditure_hardship',
    'poverty_monitoring', 'poverty_alleviated', 'temp_assisted', 'rejected_applicant',
    'orphan_or_unsupported_child')),
  household_id {int} REFERENCES households(id),
  person_id {int} REFERENCES persons(id),
  start_date TEXT NOT NULL CHECK (start_date LIKE '____-__-__'),
  end_date TEXT CHECK (end_date LIKE '____-__-__'),
  subtype TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  source_ref TEXT NOT NULL DEFAULT '',
  created_at {int} NOT NULL,
  CHECK (household_id IS NOT NULL OR person_id IS NOT NULL),
  CHECK (end_date IS NULL OR end_date >= start_date)
) {strict};
CREATE INDEX categories_household ON categories(household_id, start_date);
CREATE INDEX categories_person ON categories(person_id, start_date);

CREATE TABLE import_batches (
  id {id},
  feed TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  department TEXT NOT NULL DEFAULT '',
  imported_by TEXT NOT NULL,
  started_at {int} NOT NULL,
  finished_at {int},
  status TEXT NOT NULL CHECK (status IN ('running', 'committed', 'rejected', 'failed')),
  row_count {int} NOT NULL DEFAULT 0,
  imported_count {int} NOT NULL DEFAULT 0,
  duplicate_count {int} NOT NULL DEFAULT 0,
  rejected_count {int} NOT NULL DEFAULT 0,
  warning_count {int} NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]',
  warnings TEXT NOT NULL DEFAULT '[]'
) {strict};
CREATE INDEX import_batches_feed ON import_batches(feed, started_at);
CREATE INDEX import_batches_sha256 ON import_batches(sha256);

CREATE TABLE standards_versions (
  version {id},
  loaded_at {int} NOT NULL,
  loaded_by TEXT NOT NULL,
  toml_text TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) {strict};

CREATE TABLE calendar_years (
  year {int} NOT NULL PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  json TEXT NOT NULL,
  loaded_at {int} NOT NULL,
  loaded_by TEXT NOT NULL
) {strict};
)SQL";
}

}  // namespace faxian
