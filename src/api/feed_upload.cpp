// Receiving a feed upload into a temporary file (feed_upload.hpp).

#include "api/feed_upload.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>

#include <fmt/format.h>

#include "ingest/header_match.hpp"
#include "ingest/schemas.hpp"

namespace faxian::api {
namespace {

constexpr std::string_view kFilePart = "file";
constexpr size_t kMaxFileNameBytes = 200;
// A JSON body over the limit is read on (and dropped) up to this many times the limit so the
// client gets its 413 instead of a reset connection; a larger one is cut off.
constexpr size_t kJsonDrainFactor = 16;

std::string random_hex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex;
  for (unsigned char byte : raw)
    hex += fmt::format("{:02x}", byte);
  return hex;
}

// "C:\\data\\医保.csv" or "../x/医保.csv" → "医保.csv" (a name to report, never a path to use).
std::string base_name(std::string_view name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  if (name.size() > kMaxFileNameBytes)
    name = name.substr(0, kMaxFileNameBytes);
  return name.empty() ? std::string("upload") : std::string(name);
}

Error write_failed() {
  return Error(ErrorCode::kIo, "上传文件无法保存（服务器磁盘空间不足？），请稍后重试",
               fmt::format("writing the upload failed: errno {}", errno));
}

Result<ReceivedUpload> receive_multipart(const Call& call) {
  ReceivedUpload upload;
  FAXIAN_TRY_ASSIGN(upload.file, TemporaryUpload::create());
  bool in_file = false;
  bool seen_file = false;
  bool write_error = false;
  const bool read = (*call.content_reader)(
      [&](const httplib::MultipartFormData& part) {
        in_file = part.name == kFilePart && !seen_file;
        if (in_file) {
          seen_file = true;
          upload.file_name = base_name(part.filename);
        }
        return true;
      },
      [&](const char* data, size_t size) {
        if (!in_file)
          return true;
        if (!upload.file.append(data, size)) {
          write_error = true;
          return false;
        }
        return true;
      });
  if (write_error)
    return tl::unexpected(write_failed());
  if (!read) {
    return fail(ErrorCode::kInvalidArgument, "上传未完成或格式错误，请重新上传",
                "multipart body could not be read to its end");
  }
  if (!seen_file) {
    return fail(ErrorCode::kInvalidArgument, "缺少文件：请以 multipart 字段 file 上传",
                "no part named file");
  }
  FAXIAN_TRY(upload.file.close());
  return upload;
}

Result<std::string> read_json_body(const Call& call, size_t limit) {
  std::string body;
  bool too_large = false;
  size_t received = 0;
  (*call.content_reader)([&](const char* data, size_t size) {
    received += size;
    if (received > limit) {
      too_large = true;
      body.clear();
      return received <= limit * kJsonDrainFactor;
    }
    body.append(data, size);
    return true;
  });
  if (too_large) {
    return fail(ErrorCode::kTooLarge,
                fmt::format("JSON 数据超过 {} MiB，请分批提交或改为上传文件", limit >> 20),
                "json rows over the limit");
  }
  return body;
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// A key as the header of the CSV: the Chinese name of the feed's column it names, else as is.
std::string column_of(const std::vector<ingest::ColumnName>& columns, std::string_view key) {
  const std::string_view text = ingest::normalise_header_text(key);
  for (const ingest::ColumnName& column : columns) {
    if (text == column.zh || ascii_iequal(text, column.alias))
      return std::string(column.zh);
  }
  return std::string(key);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos &&
      (text.empty() || (text.front() != ' ' && text.back() != ' ')))
    return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

Result<std::string> cell_text(const nlohmann::json& value, size_t row_index,
                              std::string_view column) {
  switch (value.type()) {
    case nlohmann::json::value_t::string:
      return value.get<std::string>();
    case nlohmann::json::value_t::null:
      return std::string();
    case nlohmann::json::value_t::boolean:
      return std::string(value.get<bool>() ? "是" : "否");
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return value.dump();
    default:
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("rows[{}] 的字段「{}」应为文本、数字或空值", row_index, column),
                  "json cell is an object or array");
  }
}

}  // namespace

TemporaryUpload::~TemporaryUpload() {
  if (fd_ >= 0)
    ::close(fd_);
  if (!path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
}

TemporaryUpload::TemporaryUpload(TemporaryUpload&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), size_(other.size_) {
  other.path_.clear();
  other.fd_ = -1;
}

TemporaryUpload& TemporaryUpload::operator=(TemporaryUpload&& other) noexcept {
  if (this != &other) {
    TemporaryUpload discarded(std::move(*this));
    path_ = std::move(other.path_);
    fd_ = other.fd_;
    size_ = other.size_;
    other.path_.clear();
    other.fd_ = -1;
  }
  return *this;
}

Result<TemporaryUpload> TemporaryUpload::create() {
  std::error_code error;
  const std::filesystem::path folder = std::filesystem::temp_directory_path(error);
  if (error)
    return fail(ErrorCode::kIo, "服务器临时目录不可用", error.message());
  TemporaryUpload upload;
  upload.path_ = (folder / ("faxian-upload-" + random_hex(16))).string();
  upload.fd_ = ::open(upload.path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (upload.fd_ < 0) {
    upload.path_.clear();
    return tl::unexpected(write_failed());
  }
  return upload;
}

bool TemporaryUpload::append(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd_, data, size);
    if (written < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    data += written;
    size -= static_cast<size_t>(written);
    size_ += static_cast<size_t>(written);
  }
  return true;
}

Result<void> TemporaryUpload::close() {
  const int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0)
    return tl::unexpected(write_failed());
  return ok();
}

Result<std::string> json_rows_to_csv(FeedKind feed, const nlohmann::json& rows) {
  if (!rows.is_array() || rows.empty()) {
    return fail(ErrorCode::kInvalidArgument, "rows 应为非空数组，每个元素是一行数据（对象）",
                "rows is not a non-empty array");
  }
  const std::vector<ingest::ColumnName> feed_columns = ingest::feed_columns(feed);
  std::vector<std::string> columns;
  // Per row: column → its value, by the columns' canonical names.
  std::vector<std::vector<std::pair<std::string, const nlohmann::json*>>> cells(rows.size());
  for (size_t index = 0; index < rows.size(); ++index) {
    if (!rows[index].is_object()) {
      return fail(ErrorCode::kInvalidArgument, fmt::format("rows[{}] 应为对象", index),
                  "row is not an object");
    }
    for (const auto& [key, value] : rows[index].items()) {
      std::string column = column_of(feed_columns, key);
      for (const auto& [named, ignored] : cells[index]) {
        if (named == column) {
          return fail(
              ErrorCode::kInvalidArgument,
              fmt::format("rows[{}] 重复给出了列「{}」（中文名和英文别名只用一个）", index, column),
              "row names a column twice");
        }
      }
      if (std::find(columns.begin(), columns.end(), column) == columns.end())
        columns.push_back(column);
      cells[index].emplace_back(std::move(column), &value);
    }
  }
  std::string csv;
  for (size_t column_idx = 0; column_idx < columns.size(); ++column_idx)
    csv += (column_idx > 0 ? "," : "") + csv_field(columns[column_idx]);
  csv += "\r\n";
  for (size_t index = 0; index < rows.size(); ++index) {
    for (size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
      std::string text;
      for (const auto& [named, value] : cells[index]) {
        if (named == columns[column_idx])
          FAXIAN_TRY_ASSIGN(text, cell_text(*value, index, named));
      }
      csv += (column_idx > 0 ? "," : "") + csv_field(text);
    }
    csv += "\r\n";
  }
  return csv;
}

Result<ReceivedUpload> receive_upload(const Call& call, FeedKind feed, size_t json_limit) {
  if (call.content_reader == nullptr)
    return fail(ErrorCode::kInternal, "服务器内部错误", "upload route without a content reader");
  if (call.request.is_multipart_form_data())
    return receive_multipart(call);
  const std::string type = call.request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    return fail(ErrorCode::kInvalidArgument,
                "请以 multipart/form-data 上传文件（字段 file），或提交 JSON {\"rows\": [...]}",
                "unsupported content type");
  }
  std::string text;
  FAXIAN_TRY_ASSIGN(text, read_json_body(call, json_limit));
  const nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("rows"))
    return fail(ErrorCode::kInvalidArgument, "请求内容应为 JSON 对象 {\"rows\": [...]}",
                "malformed json rows");
  std::string csv;
  FAXIAN_TRY_ASSIGN(csv, json_rows_to_csv(feed, body["rows"]));
  ReceivedUpload upload;
  FAXIAN_TRY_ASSIGN(upload.file, TemporaryUpload::create());
  upload.file_name = "rows.json";
  upload.json_rows = true;
  upload.json_row_count = static_cast<int64_t>(body["rows"].size());
  if (!upload.file.append(csv.data(), csv.size()))
    return tl::unexpected(write_failed());
  FAXIAN_TRY(upload.file.close());
  return upload;
}

}  // namespace faxian::api
