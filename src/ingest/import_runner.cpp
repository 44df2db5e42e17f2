#include "ingest/import_runner.hpp"

#include <chrono>

#include <fmt/format.h>
#include <optional>

#include <cstdlib>
#include "ingest/import_feed_writer.hpp"
#include "ingest/import_issues.hpp"
#include "ingest/import_pipeline.hpp"
#include "ingest/link_persons.hpp"
#include "store/batch_repository.hpp"
#include "store/bulk_load.hpp"

namespace faxian::ingest {
namespace {

// The stable code a header Error carries in front of its English detail ("missing_column: …").
std::string header_code(const Error& error) {
  const std::size_t colon = error.detail.find(':');
  if (colon == std::string::npos || colon == 0)
    return "bad_header";
  for (std::size_t index = 0; index < colon; ++index) {
    const char c = error.detail[index];
    if (!(c == '_' || (c >= 'a' && c <= 'z')))
      return "bad_header";
  }
  return error.detail.substr(0, colon);
}

std::string in_language(const Error& error, MessageLanguage language) {
  if (language == MessageLanguage::kEnglish && !error.detail.empty())
    return error.detail;
  return error.message;
}

// One run of the importer over one table (see import_runner.hpp).
class BatchRun {
 public:
  BatchRun(Database& db, const Clock& clock, TableReader& reader, FeedParser& parser,
           const ImportRequest& request)
      : db_(db), clock_(clock), reader_(reader), parser_(parser), request_(request) {
    batch_.feed = request.feed;
    batch_.file_name = request.file_name;
    batch_.sha256 = request.sha256;
    batch_.department = request.department.empty() ? std::string(feed_department(request.feed))
                                                   : request.department;
    batch_.imported_by = request.imported_by;
    batch_.started_at = clock.now_unix();
  }

  Result<ImportOutcome> run() {
    const auto start = std::chrono::steady_clock::now();
    auto outcome = run_in_transaction();
    if (outcome)
      outcome->seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
  }

 private:
  Result<ImportOutcome> run_in_transaction() {
    auto transaction = Transaction::begin_all_or_nothing(db_);
    if (!transaction)
      return tl::unexpected(transaction.error());
    auto id = BatchRepository(db_).create(batch_);
    if (!id)
      return tl::unexpected(id.error());
    batch_.id = *id;
    if (auto failure = import_rows(); failure)
      return record_unsuccessful(*transaction, BatchStatus::kFailed, std::move(*failure));
    if (request_.strict && batch_.rejected > 0)
      return record_unsuccessful(*transaction, BatchStatus::kRejected, std::nullopt);
    return commit(*transaction);
  }

  // Reads, parses, links and writes every row; a file-level issue when the batch must fail.
  std::optional<BatchRowIssue> import_rows() {
    TableRow header;
    auto has_header = reader_.next(header);
    if (!has_header)
      return file_issue(import_code::kUnreadableFile, in_language(has_header.error(), language()));
    if (!*has_header)
      return empty_file_issue(language());
    if (auto matched = parser_.read_header(header); !matched) {
      BatchRowIssue issue = file_issue(header_code(matched.error()), matched.error().message);
      issue.row = header.line;
      return issue;
    }
    batch_.warnings = parser_.warnings();
    auto linker = PersonLinker::load(db_, clock_);
    if (!linker)
      return store_issue(linker.error());
    linker_.emplace(std::move(*linker));
    context_.emplace(WriterContext{db_, clock_, batch_.id, language(), *linker_});
    auto writer = make_feed_writer(request_.feed, *context_);
    if (!writer)
      return store_issue(writer.error());
    writer_ = std::move(*writer);
    auto bulk =
        FeedBulkLoad::begin(db_, fmt::format("feed_{}", feed_name(request_.feed)), bulk_options());
    if (!bulk)
      return store_issue(bulk.error());
    bulk_.emplace(std::move(*bulk));
    if (bulk_->indexes_dropped())
      writer_->append_rows();
    auto read = run_import_pipeline(reader_, parser_, request_.tuning,
                                    [&](ParsedChunk& chunk) { return consume(chunk); });
    if (store_error_)
      return store_issue(*store_error_);
    if (!read)
      return file_issue(import_code::kUnreadableFile, in_language(read.error(), language()));
    // Indexes first: the writer's derived data reads the feed by person.
    auto duplicates = bulk_->finish([&] { return writer_->collapse_duplicates(); });
    if (!duplicates)
      return store_issue(duplicates.error());
    batch_.imported -= *duplicates;
    batch_.duplicates += *duplicates;
    if (auto finished = writer_->finish(); !finished)
      return store_issue(finished.error());
    return std::nullopt;
  }

  BulkLoadOptions bulk_options() const {
    return BulkLoadOptions{.cache_mib = request_.tuning.cache_mib,
                           .drop_indexes = request_.tuning.bulk_load && writer_->bulk_capable(),
                           .append_cache_mib = request_.tuning.append_cache_mib};
  }

  Result<void> consume(ParsedChunk& chunk) {
    batch_.rows += chunk.rows_read;
    batch_.rejected += chunk.rejected;
    keep_issues(chunk.issues);
    if (!(request_.strict && batch_.rejected > 0)) {
      ChunkTally tally;
      if (auto written = writer_->write_chunk(chunk.rows, tally); !written) {
        store_error_ = written.error();
        return written;
      }
      batch_.imported += tally.imported;
      batch_.duplicates += tally.duplicates;
      batch_.rejected += tally.rejected;
      keep_issues(tally.issues);
    }
    if (request_.on_progress)
      request_.on_progress(ImportProgress{batch_.rows, batch_.rejected});
    return ok();
  }

  void keep_issues(std::vector<BatchRowIssue>& issues) {
    for (BatchRowIssue& issue : issues) {
      if (static_cast<int64_t>(batch_.errors.size()) < request_.tuning.max_issues) {
        batch_.errors.push_back(std::move(issue));
      } else {
        ++issues_dropped_;
      }
    }
  }

  BatchRowIssue store_issue(const Error& error) {
    return file_issue(import_code::kStoreFailed, in_language(error, language()));
  }

  void close_error_list() {
    if (error_list_closed_)
      return;
    error_list_closed_ = true;
    if (issues_dropped_ > 0) {
      batch_.errors.push_back(
          too_many_errors_issue(request_.tuning.max_issues, issues_dropped_, language()));
    }
  }

  ImportOutcome outcome() const {
    ImportOutcome outcome;
    outcome.batch = batch_;
    outcome.issues_dropped = issues_dropped_;
    return outcome;
  }

  // The file's SHA-256 when it was computed meanwhile; an issue when it could not be.
  std::optional<BatchRowIssue> settle_sha256() {
    if (!batch_.sha256.empty() || !request_.await_sha256)
      return std::nullopt;
    auto sha256 = request_.await_sha256();
    if (!sha256)
      return file_issue(import_code::kUnreadableFile, in_language(sha256.error(), language()));
    batch_.sha256 = std::move(*sha256);
    return std::nullopt;
  }

  Result<ImportOutcome> commit(Transaction& transaction) {
    if (auto unreadable = settle_sha256())
      return record_unsuccessful(transaction, BatchStatus::kFailed, std::move(*unreadable));
    close_error_list();
    batch_.status = BatchStatus::kCommitted;
    batch_.finished_at = clock_.now_unix();
    auto finished = BatchRepository(db_).finish(batch_);
    if (!finished)
      return record_unsuccessful(transaction, BatchStatus::kFailed, store_issue(finished.error()));
    if (auto committed = transaction.commit(); !committed) {
      // The transaction is rolled back already; record the failure on its own.
      return record_after_rollback(BatchStatus::kFailed, store_issue(committed.error()));
    }
    ImportOutcome result = outcome();
    result.persons_created = linker_->created();
    result.persons_registered = static_cast<int64_t>(linker_->created_registered().size());
    result.hotline_candidates = writer_->hotline_candidates();
    result.touched_persons = linker_->touched().ids();
    result.touched_households = writer_->changed_households();
    return result;
  }

  // Rolls everything back and records the batch as rejected or failed, with no rows.
  Result<ImportOutcome> record_unsuccessful(Transaction& transaction, BatchStatus status,
                                            std::optional<BatchRowIssue> reason) {
    if (auto rolled_back = transaction.rollback(); !rolled_back)
      return tl::unexpected(rolled_back.error());
    return record_after_rollback(status, std::move(reason));
  }

  Result<ImportOutcome> record_after_rollback(BatchStatus status,
                                              std::optional<BatchRowIssue> reason) {
    (void)settle_sha256();
    close_error_list();
    if (reason)
      batch_.errors.push_back(std::move(*reason));
    batch_.status = status;
    batch_.imported = 0;
    batch_.duplicates = 0;
    batch_.finished_at = clock_.now_unix();
    auto id = BatchRepository(db_).create(batch_);
    if (!id)
      return tl::unexpected(id.error());
    batch_.id = *id;
    return outcome();
  }

  MessageLanguage language() const { return request_.language; }

  Database& db_;
  const Clock& clock_;
  TableReader& reader_;
  FeedParser& parser_;
  const ImportRequest& request_;
  ImportBatch batch_;
  std::optional<PersonLinker> linker_;
  std::optional<WriterContext> context_;
  std::unique_ptr<FeedWriter> writer_;
  std::optional<FeedBulkLoad> bulk_;
  std::optional<Error> store_error_;
  int64_t issues_dropped_ = 0;
  bool error_list_closed_ = false;
};

}  // namespace

Result<ImportOutcome> import_table(Database& db, const Clock& clock, TableReader& reader,
                                   FeedParser& parser, const ImportRequest& request) {
  return BatchRun(db, clock, reader, parser, request).run();
}

}  // namespace faxian::ingest
