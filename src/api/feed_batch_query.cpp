// The paged batch list (feed_batch_query.hpp).

#include "api/feed_batch_query.hpp"

#include <string>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, feed, file_name, sha256, department, imported_by, started_at, finished_at, "
    "status, row_count, imported_count, duplicate_count, rejected_count FROM import_batches";

// " WHERE feed IN (?, ?)" for a feed list (bound in order), "" for every feed.
std::string feed_condition(const BatchQuery& query) {
  if (!query.feeds)
    return "";
  std::string placeholders;
  for (size_t index = 0; index < query.feeds->size(); ++index)
    placeholders += index == 0 ? "?" : ", ?";
  return " WHERE feed IN (" + placeholders + ")";
}

void bind_feeds(ParamBinder& binder, const BatchQuery& query) {
  if (!query.feeds)
    return;
  for (FeedKind feed : *query.feeds)
    binder.enumeration(feed);
}

Result<ImportBatch> read_summary(const Statement& statement) {
  RowReader reader(statement);
  ImportBatch batch;
  batch.id = reader.integer();
  batch.feed = reader.enumeration<FeedKind>();
  batch.file_name = reader.text();
  batch.sha256 = reader.text();
  batch.department = reader.text();
  batch.imported_by = reader.text();
  batch.started_at = reader.integer();
  batch.finished_at = reader.optional_integer();
  batch.status = reader.enumeration<BatchStatus>();
  batch.rows = reader.integer();
  batch.imported = reader.integer();
  batch.duplicates = reader.integer();
  batch.rejected = reader.integer();
  FAXIAN_TRY(reader.status());
  return batch;
}

}  // namespace

Result<BatchPage> list_batches(Database& db, const BatchQuery& query) {
  BatchPage page;
  if (query.feeds && query.feeds->empty())
    return page;
  const std::string condition = feed_condition(query);
  FAXIAN_TRY_ASSIGN(page.total, query_int(db, "SELECT count(*) FROM import_batches" + condition,
                                          [&](Statement& s) {
                                            ParamBinder binder(s);
                                            bind_feeds(binder, query);
                                          }));
  FAXIAN_TRY_ASSIGN(
      page.batches,
      query_rows<ImportBatch>(
          db, std::string(kColumns) + condition + " ORDER BY id DESC LIMIT ? OFFSET ?",
          [&](Statement& s) {
            ParamBinder binder(s);
            bind_feeds(binder, query);
            binder.integer(query.limit).integer(query.offset);
          },
          read_summary));
  return page;
}

}  // namespace faxian::api
