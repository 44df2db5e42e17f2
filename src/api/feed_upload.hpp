#pragma once
// The body of POST /api/v1/feeds/{feed}/batches received into a temporary file for the batch
// importer (50-api-security.md: "multipart `file`, or JSON `{rows:[…]}`"):
// * multipart/form-data: the part named `file` is streamed to disk as it arrives (files up to
//   the server's 2 GiB upload limit never sit in memory); other parts are ignored.
// * application/json: `{"rows": [{"<column>": value, …}, …]}` with the feed's column names
//   (Chinese or English alias, 20-feeds.md), at most the 1 MiB JSON limit, written as a UTF-8
//   CSV file whose header is every column named by any row (first-seen order, by its Chinese
//   name). Strings are
//   written as given, numbers as JSON writes them, true/false as 是/否, null as an empty cell.
//   rows[i] is line i + 2 of that file (the header is line 1), which is the `row` of its errors.
// The file is created 0600 in the system's temporary folder and removed when the upload object
// goes away.

#include <cstddef>
#include <memory>
#include <string>

#include "api/router.hpp"
#include "common/error.hpp"
#include "domain/feed_kind.hpp"

namespace faxian::api {

// A temporary file that is deleted with this object.
class TemporaryUpload {
 public:
  TemporaryUpload() = default;
  ~TemporaryUpload();
  TemporaryUpload(TemporaryUpload&& other) noexcept;
  TemporaryUpload& operator=(TemporaryUpload&& other) noexcept;
  TemporaryUpload(const TemporaryUpload&) = delete;
  TemporaryUpload& operator=(const TemporaryUpload&) = delete;

  // Creates an empty file; kIo when it cannot.
  static Result<TemporaryUpload> create();
  // Appends bytes; false when the write failed (disk full).
  bool append(const char* data, size_t size);
  // Closes the file for reading by the importer; kIo when the data could not be flushed.
  Result<void> close();

  const std::string& path() const { return path_; }
  size_t size() const { return size_; }

 private:
  std::string path_;
  int fd_ = -1;
  size_t size_ = 0;
};

struct ReceivedUpload {
  TemporaryUpload file;
  std::string file_name;  // the uploaded file's base name, or "rows.json" for JSON rows
  bool json_rows = false;
  int64_t json_row_count = 0;
};

// Reads the request body of a streamed route into a temporary file. kInvalidArgument for a body
// that is neither multipart with a `file` part nor a JSON object with `rows`; kTooLarge for a
// JSON body over `json_limit`; kIo when the file cannot be written.
Result<ReceivedUpload> receive_upload(const Call& call, FeedKind feed, size_t json_limit);

// The CSV text of JSON rows of `feed` (exposed for tests); kInvalidArgument naming the bad row.
// Keys naming a column of the feed (Chinese name or English alias, as in a file's header) are
// written as its Chinese name, so rows may mix the two; a row naming one column twice is refused.
Result<std::string> json_rows_to_csv(FeedKind feed, const nlohmann::json& rows);

}  // namespace faxian::api
