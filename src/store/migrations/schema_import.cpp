// Migration 4: what the batch importer needs beyond the feed tables
// (docs/decisions/0003-import.md).
// * hotline_candidates: persons a hotline ticket without a resident ID may be about, found by
//   name + phone + village; an officer confirms or rejects each (never linked silently).
// * persons(name): the candidate search looks persons up by name.
// * categories(source, source_ref): categories derived from a feed record are replaced when
//   that record is corrected.
// Never edit after release: add a migration instead.

#include "store/migrations/migrations.hpp"

namespace faxian {

std::string import_schema_sql() {
  return R"SQL(
CREATE TABLE hotline_candidates (
  id {id},
  hotline_record_id {int} NOT NULL REFERENCES feed_hotline(id),
  person_id {int} NOT NULL REFERENCES persons(id),
  matched_name {int} NOT NULL CHECK (matched_name IN (0, 1)),
  matched_phone {int} NOT NULL CHECK (matched_phone IN (0, 1)),
  matched_village {int} NOT NULL CHECK (matched_village IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at {int},
  created_at {int} NOT NULL,
  UNIQUE (hotline_record_id, person_id)
) {strict};
CREATE INDEX hotline_candidates_person ON hotline_candidates(person_id);
CREATE INDEX persons_name ON persons(name);
CREATE INDEX categories_source ON categories(source, source_ref);
)SQL";
}

}  // namespace faxian
