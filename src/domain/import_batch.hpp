#pragma once
// 导入批次: one import of one file (or one API push) of one feed. Its accepted rows are committed
// in one transaction; the batch row records what happened, errors included, for the report.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/enum_table.hpp"
#include "domain/feed_kind.hpp"

namespace faxian {

// One problem with one row of a file (row 0 = the whole file, e.g. a missing column).
struct BatchRowIssue {
  int64_t row = 0;        // line in the file (header = 1)
  std::string column{};   // the column as named in the file; empty for the whole row
  std::string code{};     // stable machine code, e.g. "bad_resident_id"
  std::string message{};  // Chinese, for the department clerk

  bool operator==(const BatchRowIssue&) const = default;
};

enum class BatchStatus {
  kRunning,    // started, not finished (a crash leaves it so; its rows were never committed)
  kCommitted,  // accepted rows committed
  kRejected,   // --strict and a row was rejected: nothing committed
  kFailed,     // an I/O or database error stopped it: nothing committed
};

FAXIAN_DECLARE_ENUM_TABLE(BatchStatus, "批次状态", std::nullopt);

struct ImportBatch {
  int64_t id = 0;  // batch_id; assigned by the store
  FeedKind feed = FeedKind::kPopulation;
  std::string file_name{};
  std::string sha256{};  // of the file as received, lower-case hex
  std::string department{};
  std::string imported_by{};  // user name or API token name
  int64_t started_at = 0;     // Unix seconds
  std::optional<int64_t> finished_at{};
  BatchStatus status = BatchStatus::kRunning;
  int64_t rows = 0;                       // data rows read
  int64_t imported = 0;                   // new records and corrections
  int64_t duplicates = 0;                 // same natural key and content as a stored record
  int64_t rejected = 0;                   // rows with an error
  std::vector<BatchRowIssue> warnings{};  // e.g. unknown columns
  std::vector<BatchRowIssue> errors{};    // one per rejected row (or per file-level problem)

  bool operator==(const ImportBatch&) const = default;
};

}  // namespace faxian
