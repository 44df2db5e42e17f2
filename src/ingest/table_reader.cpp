#include "ingest/table_reader.hpp"

#include <string_view>

#include "ingest/csv_reader.hpp"
#include "ingest/table_reader_source.hpp"
#include "ingest/xlsx_reader.hpp"
#include "ingest/zip_archive.hpp"

namespace faxian::ingest {
namespace {

enum class Container { kZip, kOle2, kUtf16, kText };

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

Container sniff(std::string_view head) {
  if (head.starts_with(kZipMagic) || head.starts_with(kEmptyZipMagic))
    return Container::kZip;
  if (head.starts_with(kOle2Magic))
    return Container::kOle2;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
    return Container::kUtf16;
  return Container::kText;
}

// The Error for containers that are recognised but not read.
Result<std::unique_ptr<TableReader>> refuse(Container container) {
  if (container == Container::kOle2) {
    return fail(ErrorCode::kInvalidArgument,
                "不支持旧版 Excel（.xls）或加密的 Excel 文件，请另存为 .xlsx 或 CSV 后再导入",
                "OLE2 compound file (.xls or encrypted .xlsx)");
  }
  return fail(ErrorCode::kInvalidArgument,
              "不支持 UTF-16 编码的文件，请另存为 UTF-8 或 GB18030 编码的 CSV 后再导入",
              "UTF-16 byte-order mark");
}

Result<std::string> read_head(ByteSource& source) {
  std::string head(8, '\0');
  auto count = source.read_at(0, head.data(), head.size());
  if (!count)
    return tl::unexpected(count.error());
  head.resize(*count);
  return head;
}

// Dispatches on the first bytes. `bytes` is set for in-memory input (`source` then holds a
// copy for CSV only), `path` for files.
Result<std::unique_ptr<TableReader>> open_by_content(std::string_view head, const std::string* path,
                                                     std::string_view* bytes,
                                                     const ReaderLimits& limits) {
  const Container container = sniff(head);
  if (container == Container::kOle2 || container == Container::kUtf16)
    return refuse(container);
  if (container == Container::kText) {
    if (bytes != nullptr)
      return open_csv(make_memory_source(std::string(*bytes)), limits);
    auto source = open_file_source(*path);
    if (!source)
      return tl::unexpected(source.error());
    return open_csv(std::move(*source), limits);
  }
  auto archive = bytes != nullptr ? ZipArchive::open_bytes(std::string(*bytes), limits)
                                  : ZipArchive::open_file(*path, limits);
  if (!archive)
    return tl::unexpected(archive.error());
  return open_xlsx(std::move(*archive), limits);
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_table_file(const std::string& path,
                                                     const ReaderLimits& limits) {
  std::string head;
  {
    auto source = open_file_source(path);
    if (!source)
      return tl::unexpected(source.error());
    if ((*source)->size() == 0)
      return fail(ErrorCode::kInvalidArgument, "文件为空", "the file is empty");
    auto read = read_head(**source);
    if (!read)
      return tl::unexpected(read.error());
    head = std::move(*read);
  }
  return open_by_content(head, &path, nullptr, limits);
}

Result<std::unique_ptr<TableReader>> open_table_bytes(std::string_view bytes,
                                                      const ReaderLimits& limits) {
  if (bytes.empty())
    return fail(ErrorCode::kInvalidArgument, "文件为空", "the input is empty");
  return open_by_content(bytes.substr(0, 8), nullptr, &bytes, limits);
}

}  // namespace faxian::ingest
