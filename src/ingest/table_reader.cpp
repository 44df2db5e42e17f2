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

Result<std::unique_ptr<TableReader>> open_source(std::unique_ptr<ByteSource> source,
                                                 const std::string* path,
                                                 const ReaderLimits& limits) {
  if (source->size() == 0)
    return fail(ErrorCode::kInvalidArgument, "文件为空", "the file is empty");
  auto head = read_head(*source);
  if (!head)
    return tl::unexpected(head.error());
  const Container container = sniff(*head);
  if (container == Container::kText)
    return open_csv(std::move(source), limits);
  if (container != Container::kZip)
    return refuse(container);
  Result<std::unique_ptr<ZipArchive>> archive;
  if (path != nullptr) {
    source.reset();
    archive = ZipArchive::open_file(*path, limits);
  } else {
    std::string bytes(static_cast<size_t>(source->size()), '\0');
    auto count = source->read_at(0, bytes.data(), bytes.size());
    if (!count)
      return tl::unexpected(count.error());
    archive = ZipArchive::open_bytes(std::move(bytes), limits);
  }
  if (!archive)
    return tl::unexpected(archive.error());
  return open_xlsx(std::move(*archive), limits);
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_table_file(const std::string& path,
                                                     const ReaderLimits& limits) {
  auto source = open_file_source(path);
  if (!source)
    return tl::unexpected(source.error());
  return open_source(std::move(*source), &path, limits);
}

Result<std::unique_ptr<TableReader>> open_table_bytes(std::string_view bytes,
                                                      const ReaderLimits& limits) {
  return open_source(make_memory_source(std::string(bytes)), nullptr, limits);
}

}  // namespace faxian::ingest
