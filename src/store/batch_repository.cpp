#include "store/batch_repository.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, feed, file_name, sha256, department, imported_by, started_at, finished_at, "
    "status, row_count, imported_count, duplicate_count, rejected_count, errors, warnings "
    "FROM import_batches ";

Result<ImportBatch> read_batch(const Statement& statement) {
  RowReader reader(statement);
  ImportBatch batch{.id = reader.integer(),
                    .feed = reader.enumeration<FeedKind>(),
                    .file_name = reader.text(),
                    .sha256 = reader.text(),
                    .department = reader.text(),
                    .imported_by = reader.text(),
                    .started_at = reader.integer(),
                    .finished_at = reader.optional_integer(),
                    .status = reader.enumeration<BatchStatus>(),
                    .rows = reader.integer(),
                    .imported = reader.integer(),
                    .duplicates = reader.integer(),
                    .rejected = reader.integer()};
  const std::string errors = reader.text();
  const std::string warnings = reader.text();
  FAXIAN_TRY(reader.status());
  auto parsed_errors = issues_from_json(errors);
  if (!parsed_errors)
    return tl::unexpected(parsed_errors.error());
  auto parsed_warnings = issues_from_json(warnings);
  if (!parsed_warnings)
    return tl::unexpected(parsed_warnings.error());
  batch.errors = std::move(*parsed_errors);
  batch.warnings = std::move(*parsed_warnings);
  return batch;
}

void bind_outcome(ParamBinder& binder, const ImportBatch& batch) {
  binder.integer(batch.finished_at)
      .enumeration(batch.status)
      .integer(batch.rows)
      .integer(batch.imported)
      .integer(batch.duplicates)
      .integer(batch.rejected)
      .integer(static_cast<int64_t>(batch.warnings.size()))
      .text(issues_to_json(batch.errors))
      .text(issues_to_json(batch.warnings));
}

}  // namespace

std::string issues_to_json(const std::vector<BatchRowIssue>& issues) {
  nlohmann::json array = nlohmann::json::array();
  for (const BatchRowIssue& issue : issues) {
    array.push_back({{"row", issue.row},
                     {"column", issue.column},
                     {"code", issue.code},
                     {"message", issue.message}});
  }
  // Invalid UTF-8 in a message (from a badly encoded file) is replaced, never thrown.
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<BatchRowIssue>> issues_from_json(std::string_view json) {
  const nlohmann::json array = nlohmann::json::parse(json, nullptr, false);
  if (!array.is_array()) {
    return fail(ErrorCode::kCorrupt, "数据库中的导入错误记录格式错误",
                "issues are not a JSON array");
  }
  std::vector<BatchRowIssue> issues;
  for (const nlohmann::json& item : array) {
    if (!item.is_object() || !item.value("row", nlohmann::json()).is_number_integer()) {
      return fail(ErrorCode::kCorrupt, "数据库中的导入错误记录格式错误", "bad issue object");
    }
    issues.push_back({.row = item["row"].get<int64_t>(),
                      .column = item.value("column", std::string()),
                      .code = item.value("code", std::string()),
                      .message = item.value("message", std::string())});
  }
  return issues;
}

Result<int64_t> BatchRepository::create(const ImportBatch& batch) {
  auto id =
      returning_id(db_,
                   "INSERT INTO import_batches (feed, file_name, sha256, department, imported_by, "
                   "started_at, finished_at, status, row_count, imported_count, duplicate_count, "
                   "rejected_count, warning_count, errors, warnings) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   [&](Statement& s) {
                     ParamBinder binder(s);
                     binder.enumeration(batch.feed)
                         .text(batch.file_name)
                         .text(batch.sha256)
                         .text(batch.department)
                         .text(batch.imported_by)
                         .integer(batch.started_at);
                     bind_outcome(binder, batch);
                   });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no id returned");
  return **id;
}

Result<void> BatchRepository::finish(const ImportBatch& batch) {
  auto updated = returning_id(
      db_,
      "UPDATE import_batches SET finished_at = ?, status = ?, row_count = ?, "
      "imported_count = ?, duplicate_count = ?, rejected_count = ?, warning_count = ?, "
      "errors = ?, warnings = ?, sha256 = ? WHERE id = ? RETURNING id",
      [&](Statement& s) {
        ParamBinder binder(s);
        bind_outcome(binder, batch);
        binder.text(batch.sha256).integer(batch.id);
      });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated) {
    return tl::unexpected(not_found("导入批次", fmt::format("batch {}", batch.id)));
  }
  return ok();
}

Result<std::optional<ImportBatch>> BatchRepository::find(int64_t batch_id) {
  return query_one<ImportBatch>(
      db_, std::string(kSelect) + "WHERE id = ?", [&](Statement& s) { s.bind_int64(1, batch_id); },
      read_batch);
}

Result<std::vector<ImportBatch>> BatchRepository::list(std::optional<FeedKind> feed, int limit) {
  const std::string where = feed ? "WHERE feed = ? " : "";
  return query_rows<ImportBatch>(
      db_, std::string(kSelect) + where + "ORDER BY id DESC LIMIT ?",
      [&](Statement& s) {
        ParamBinder binder(s);
        if (feed)
          binder.enumeration(*feed);
        binder.integer(limit);
      },
      read_batch);
}

Result<std::vector<ImportBatch>> BatchRepository::find_by_sha256(std::string_view sha256) {
  return query_rows<ImportBatch>(
      db_, std::string(kSelect) + "WHERE sha256 = ? ORDER BY id",
      [&](Statement& s) { s.bind_text(1, sha256); }, read_batch);
}

}  // namespace faxian
