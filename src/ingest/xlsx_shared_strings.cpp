#include "ingest/xlsx_shared_strings.hpp"

#include <algorithm>

#include "ingest/xlsx_cell_values.hpp"
#include "ingest/xlsx_xml.hpp"

namespace faxian::ingest {
namespace {

constexpr size_t kChunk = 256 * 1024;
constexpr int64_t kArenaCap = int64_t{UINT32_MAX};

class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& table, const ReaderLimits& limits)
      : table_(table), limits_(limits) {}

  void set_parser(XmlParser* parser) { parser_ = parser; }
  bool overflowed() const { return overflowed_; }

  void on_start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
      too_long_ = false;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
      in_text_ = true;
    }
  }

  void on_end(std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      phonetic_depth_ = std::max(phonetic_depth_ - 1, 0);
    } else if (name == "si" && in_item_) {
      in_item_ = false;
      finish_item();
    }
  }

  void on_text(std::string_view text) override {
    if (!in_text_ || too_long_)
      return;
    if (static_cast<int64_t>(current_.size() + text.size()) > limits_.max_field_bytes) {
      too_long_ = true;
      current_.clear();
      return;
    }
    current_.append(text);
  }

 private:
  void finish_item() {
    unescape_ooxml(current_);
    const int64_t cap = std::min(limits_.max_shared_strings_bytes, kArenaCap);
    if (!table_.add(current_, too_long_, cap)) {
      overflowed_ = true;
      parser_->stop();
    }
  }

  SharedStrings& table_;
  const ReaderLimits& limits_;
  XmlParser* parser_ = nullptr;
  std::string current_;
  bool in_item_ = false;
  bool in_text_ = false;
  bool too_long_ = false;
  int phonetic_depth_ = 0;
  bool overflowed_ = false;
};

}  // namespace

SharedStrings::Lookup SharedStrings::get(int64_t index, std::string_view& out) const {
  if (index < 0 || static_cast<uint64_t>(index) >= ends_.size())
    return Lookup::kMissing;
  const auto position = static_cast<size_t>(index);
  if (too_long_[position])
    return Lookup::kTooLong;
  const uint32_t begin = position == 0 ? 0 : ends_[position - 1];
  out = std::string_view(arena_).substr(begin, ends_[position] - begin);
  return Lookup::kFound;
}

bool SharedStrings::add(std::string_view text, bool too_long, int64_t max_bytes) {
  if (static_cast<int64_t>(arena_.size() + text.size()) > max_bytes)
    return false;
  if (!too_long)
    arena_.append(text);
  ends_.push_back(static_cast<uint32_t>(arena_.size()));
  too_long_.push_back(too_long);
  return true;
}

Result<SharedStrings> read_shared_strings(ZipArchive& archive, const std::string& name,
                                          const ReaderLimits& limits) {
  SharedStrings table;
  const std::optional<int64_t> index = archive.find(name);
  if (!index)
    return table;
  auto stream = archive.open_entry(*index);
  if (!stream)
    return tl::unexpected(stream.error());
  SharedStringsHandler handler(table, limits);
  XmlParser parser(handler, name);
  handler.set_parser(&parser);
  while (true) {
    auto buffer = parser.buffer(kChunk);
    if (!buffer)
      return tl::unexpected(buffer.error());
    auto count = (*stream)->read(*buffer, kChunk);
    if (!count)
      return tl::unexpected(count.error());
    auto status = parser.parse_buffer(*count, *count == 0);
    if (!status)
      return tl::unexpected(status.error());
    if (handler.overflowed()) {
      return fail(ErrorCode::kInvalidArgument, "XLSX 文件的共享字符串表过大，超出内存上限",
                  "shared strings exceed max_shared_strings_bytes");
    }
    if (*count == 0 || *status == XmlParser::Status::kStopped)
      return table;
  }
}

}  // namespace faxian::ingest
