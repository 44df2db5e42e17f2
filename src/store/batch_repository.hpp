#pragma once
// 导入批次 in the store: one row per import, created when it starts and completed when it ends
// (both may run inside the import's own transaction so that a killed import leaves nothing).
// Row errors and warnings are kept as JSON arrays of {row, column, code, message}.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/import_batch.hpp"
#include "store/database.hpp"

namespace faxian {

class BatchRepository {
 public:
  explicit BatchRepository(Database& db) : db_(db) {}

  // Records a new batch with every field of `batch` (its id is ignored); returns the batch_id.
  Result<int64_t> create(const ImportBatch& batch);
  // Stores status, finished_at, counts, errors, warnings and sha256 of `batch` (by batch.id;
  // the importer hashes the file while it imports it).
  // kNotFound for an unknown id.
  Result<void> finish(const ImportBatch& batch);
  Result<std::optional<ImportBatch>> find(int64_t batch_id);
  // The newest batches first, at most `limit`, optionally of one feed.
  Result<std::vector<ImportBatch>> list(std::optional<FeedKind> feed, int limit);
  // Batches of a file with this SHA-256 (to tell a clerk the file was imported before).
  Result<std::vector<ImportBatch>> find_by_sha256(std::string_view sha256);

 private:
  Database& db_;
};

// JSON text of issues and back (exposed for the API and tests).
std::string issues_to_json(const std::vector<BatchRowIssue>& issues);
Result<std::vector<BatchRowIssue>> issues_from_json(std::string_view json);

}  // namespace faxian
