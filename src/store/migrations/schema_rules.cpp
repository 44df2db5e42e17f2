// Migration 5: screening rule-set versions. Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string rules_schema_sql() {
  return R"SQL(
CREATE TABLE rule_set_versions (
  version {id},
  created_at {int} NOT NULL,
  created_by TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  toml_text TEXT NOT NULL,
  diff TEXT NOT NULL DEFAULT '[]'
) {strict};
)SQL";
}

}  // namespace faxian
