#pragma once
// The batch list of GET /api/v1/batches: newest first, a page at a time, limited in the query
// itself to the feeds the caller may read (feed_access.hpp) and optionally to one feed. Items
// are summaries — a batch's row errors are read only when the batch is asked for by id.

#include <cstdint>
#include <optional>
#include <vector>

#include "common/error.hpp"
#include "domain/import_batch.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct BatchQuery {
  std::optional<std::vector<FeedKind>> feeds{};  // nullopt: every feed
  int64_t limit = 50;
  int64_t offset = 0;
};

struct BatchPage {
  std::vector<ImportBatch> batches;  // errors and warnings left empty
  int64_t total = 0;
};

Result<BatchPage> list_batches(Database& db, const BatchQuery& query);

}  // namespace faxian::api
