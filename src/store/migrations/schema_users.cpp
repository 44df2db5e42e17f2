// Migration 3: user accounts. Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string users_schema_sql() {
  return R"SQL(
CREATE TABLE users (
  id {id},
  username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('county_admin', 'county_officer', 'township_officer',
    'village_coordinator', 'hotline_operator', 'department_liaison', 'auditor')),
  region_code TEXT REFERENCES regions(code),
  department TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  must_change_password {int} NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
  disabled {int} NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
) {strict};
)SQL";
}

}  // namespace faxian
