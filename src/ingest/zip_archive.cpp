#include "ingest/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace faxian::ingest {
namespace {

constexpr int64_t kRatioGraceBytes = 1 << 20;
constexpr int64_t kMaxEntries = 10000;  // an .xlsx has a few dozen

// The Chinese explanation of a libzip error code met while opening an archive.
std::string open_error_message(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "不是有效的 XLSX 文件：ZIP 目录缺失，文件可能被截断或已损坏";
    case ZIP_ER_INCONS:
      return "XLSX 文件已损坏：ZIP 结构前后不一致";
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_OPEN:
      return "读取 XLSX 文件失败";
    case ZIP_ER_MEMORY:
      return "XLSX 文件目录过大，内存不足";
    default:
      return "无法打开 XLSX 文件：ZIP 结构损坏";
  }
}

Error open_error(zip_error_t& error) {
  const int code = zip_error_code_zip(&error);
  const ErrorCode kind = (code == ZIP_ER_READ || code == ZIP_ER_OPEN || code == ZIP_ER_SEEK)
                             ? ErrorCode::kIo
                             : ErrorCode::kInvalidArgument;
  Error result(kind, open_error_message(code),
               std::string("libzip open failed: ") + zip_error_strerror(&error));
  zip_error_fini(&error);
  return result;
}

Error bomb_error(const std::string& name, const std::string& why) {
  return Error(ErrorCode::kInvalidArgument,
               "XLSX 文件内容异常（疑似压缩炸弹），已拒绝读取：" + name, "zip-bomb guard: " + why);
}

}  // namespace

ZipEntryStream::~ZipEntryStream() {
  zip_fclose(file_);
}

Result<size_t> ZipEntryStream::read(char* out, size_t size) {
  const zip_int64_t count = zip_fread(file_, out, size);
  if (count < 0) {
    zip_error_t* error = zip_file_get_error(file_);
    const bool crc = zip_error_code_zip(error) == ZIP_ER_CRC;
    return fail(ErrorCode::kInvalidArgument,
                crc ? "XLSX 文件已损坏：" + name_ + " 的校验和（CRC）不符"
                    : "XLSX 文件已损坏：无法解压 " + name_,
                std::string("zip_fread failed: ") + zip_error_strerror(error));
  }
  produced_ += count;
  if (produced_ > declared_) {
    return tl::unexpected(
        bomb_error(name_, fmt::format("entry inflates past its declared size {}", declared_)));
  }
  FAXIAN_TRY(archive_.count_inflated(name_, static_cast<size_t>(count)));
  return static_cast<size_t>(count);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open_file(const std::string& path,
                                                          const ReaderLimits& limits) {
  auto archive = std::unique_ptr<ZipArchive>(new ZipArchive(limits));
  int code = 0;
  archive->zip_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive->zip_ == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    return tl::unexpected(open_error(error));
  }
  return finish_open(std::move(archive));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open_bytes(std::string bytes,
                                                           const ReaderLimits& limits) {
  auto archive = std::unique_ptr<ZipArchive>(new ZipArchive(limits));
  archive->bytes_ = std::move(bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(archive->bytes_.data(), archive->bytes_.size(), 0, &error);
  if (source == nullptr)
    return tl::unexpected(open_error(error));
  archive->zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive->zip_ == nullptr) {
    zip_source_free(source);
    return tl::unexpected(open_error(error));
  }
  zip_error_fini(&error);
  return finish_open(std::move(archive));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::finish_open(std::unique_ptr<ZipArchive> archive) {
  const zip_int64_t entries = zip_get_num_entries(archive->zip_, 0);
  if (entries > kMaxEntries) {
    return fail(ErrorCode::kInvalidArgument, "XLSX 文件内容异常：ZIP 条目过多",
                fmt::format("{} entries", entries));
  }
  return archive;
}

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr)
    zip_discard(zip_);
}

std::optional<int64_t> ZipArchive::find(std::string_view name) const {
  const std::string key(name);
  const zip_int64_t index = zip_name_locate(zip_, key.c_str(), ZIP_FL_NOCASE);
  if (index < 0)
    return std::nullopt;
  return static_cast<int64_t>(index);
}

Result<void> ZipArchive::count_inflated(const std::string& name, size_t bytes) {
  inflated_ += static_cast<int64_t>(bytes);
  if (inflated_ > limits_.max_uncompressed_bytes) {
    return tl::unexpected(bomb_error(
        name, fmt::format("archive inflates past {} bytes", limits_.max_uncompressed_bytes)));
  }
  return ok();
}

Result<std::unique_ptr<ZipEntryStream>> ZipArchive::open_entry(int64_t index) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      (stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
    return fail(ErrorCode::kInvalidArgument, "XLSX 文件已损坏：ZIP 条目信息无法读取",
                zip_strerror(zip_));
  }
  const std::string name = (stat.valid & ZIP_STAT_NAME) != 0 ? stat.name : "?";
  const auto declared = static_cast<int64_t>(stat.size);
  const auto compressed = static_cast<int64_t>(stat.comp_size);
  if (stat.size > static_cast<zip_uint64_t>(INT64_MAX) ||
      declared > limits_.max_uncompressed_bytes - inflated_) {
    return tl::unexpected(
        bomb_error(name, fmt::format("declared size {} exceeds the limit", stat.size)));
  }
  if (declared > kRatioGraceBytes &&
      declared / std::max<int64_t>(compressed, 1) > limits_.max_compression_ratio) {
    return tl::unexpected(bomb_error(
        name, fmt::format("compression ratio {}:{} exceeds the limit", declared, compressed)));
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
    return fail(ErrorCode::kInvalidArgument, "XLSX 文件已加密，请取消密码后再导入", name);
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return fail(ErrorCode::kInvalidArgument, "XLSX 文件已损坏：无法解压 " + name,
                std::string("zip_fopen_index failed: ") + zip_strerror(zip_));
  }
  return std::unique_ptr<ZipEntryStream>(new ZipEntryStream(*this, file, name, declared));
}

Result<std::string> ZipArchive::read_entry(int64_t index, int64_t max_bytes) {
  auto stream = open_entry(index);
  if (!stream)
    return tl::unexpected(stream.error());
  std::string content;
  char chunk[64 * 1024];
  while (true) {
    auto count = (*stream)->read(chunk, sizeof chunk);
    if (!count)
      return tl::unexpected(count.error());
    if (*count == 0)
      return content;
    if (static_cast<int64_t>(content.size() + *count) > max_bytes) {
      return fail(ErrorCode::kInvalidArgument, "XLSX 文件内容异常：" + (*stream)->name_ + " 过大",
                  fmt::format("entry larger than {} bytes", max_bytes));
    }
    content.append(chunk, *count);
  }
}

}  // namespace faxian::ingest
