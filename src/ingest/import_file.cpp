// import_file: the importer over a file on disk, with the real readers and feed parsers.

#include <filesystem>
#include <future>
#include <memory>

#include <fmt/format.h>

#include "ingest/import_issues.hpp"
#include "ingest/import_runner.hpp"
#include "ingest/import_sha256.hpp"
#include "store/batch_repository.hpp"

namespace faxian::ingest {
namespace {

// A table reader with nothing in it, for recording a file that cannot be opened as a table.
class UnreadableTable final : public TableReader {
 public:
  explicit UnreadableTable(Error error) : error_(std::move(error)) {}
  Result<bool> next(TableRow&) override { return tl::unexpected(error_); }
  TableFormat format() const override { return TableFormat::kCsvUtf8; }

 private:
  Error error_;
};

// A file of zero bytes: a table without even a header row (the batch fails as `empty_file`).
class EmptyTable final : public TableReader {
 public:
  Result<bool> next(TableRow&) override { return false; }
  TableFormat format() const override { return TableFormat::kCsvUtf8; }
};

}  // namespace

Result<ImportOutcome> import_file(Database& db, const Clock& clock, const std::string& path,
                                  ImportRequest request) {
  if (!std::filesystem::is_regular_file(path)) {
    return fail(ErrorCode::kNotFound, fmt::format("文件 {} 不存在或不是普通文件", path),
                fmt::format("{} does not exist or is not a regular file", path));
  }
  // Hashed on a thread of its own while the rows are imported (the batch waits for it).
  std::future<Result<std::string>> hashing;
  if (request.sha256.empty() && !request.await_sha256) {
    hashing = std::async(std::launch::async, [path] { return file_sha256(path); });
    auto shared = std::make_shared<std::future<Result<std::string>>>(std::move(hashing));
    request.await_sha256 = [shared]() -> Result<std::string> {
      if (!shared->valid())
        return fail(ErrorCode::kInternal, "内部错误", "SHA-256 awaited twice");
      return shared->get();
    };
  }
  if (request.file_name.empty())
    request.file_name = std::filesystem::path(path).filename().string();
  ParseContext context{.import_date = clock.today(), .language = request.language};
  std::unique_ptr<FeedParser> parser = make_feed_parser(request.feed, context);
  std::error_code size_error;
  if (std::filesystem::file_size(path, size_error) == 0 && !size_error) {
    EmptyTable empty;
    return import_table(db, clock, empty, *parser, request);
  }
  auto reader = open_table_file(path);
  if (!reader) {
    UnreadableTable unreadable(reader.error());
    return import_table(db, clock, unreadable, *parser, request);
  }
  return import_table(db, clock, **reader, *parser, request);
}

}  // namespace faxian::ingest
