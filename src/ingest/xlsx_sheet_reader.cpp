#include "ingest/xlsx_sheet_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "common/text.hpp"
#include "ingest/xlsx_cell_values.hpp"

namespace faxian::ingest {
namespace {

constexpr size_t kChunk = 256 * 1024;
constexpr double kDate1904Offset = 1462;  // days from 1900-01-00 (serial 0) to 1904-01-01
constexpr int64_t kMaxRowNumber = int64_t{1} << 31;  // Excel stops at 1,048,576

std::optional<int64_t> parse_integer(std::string_view text) {
  text = trim(text);
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    return std::nullopt;
  return value;
}

std::optional<double> parse_double(std::string_view text) {
  text = trim(text);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

SheetReader::ValueType SheetReader::value_type_of(const char* attribute) {
  const std::string_view type = attribute != nullptr ? attribute : "";
  if (type == "s")
    return ValueType::kShared;
  if (type == "inlineStr")
    return ValueType::kInline;
  if (type == "str")
    return ValueType::kFormulaText;
  if (type == "b")
    return ValueType::kBool;
  if (type == "e")
    return ValueType::kError;
  if (type == "d")
    return ValueType::kIsoDate;
  return ValueType::kNumber;  // "n" or absent
}

SheetReader::SheetReader(std::unique_ptr<ZipEntryStream> stream, const std::string& part,
                         const SheetContext& context)
    : stream_(std::move(stream)), context_(context), parser_(*this, part) {}

Result<XmlParser::Status> SheetReader::advance() {
  if (suspended_) {
    suspended_ = false;
    return parser_.resume();
  }
  auto buffer = parser_.buffer(kChunk);
  if (!buffer)
    return tl::unexpected(buffer.error());
  auto count = stream_->read(*buffer, kChunk);
  if (!count)
    return tl::unexpected(count.error());
  input_done_ = *count == 0;
  return parser_.parse_buffer(*count, input_done_);
}

Result<bool> SheetReader::next(TableRow& row) {
  row_ = &row;
  while (!finished_) {
    auto status = advance();
    if (!status) {
      finished_ = true;
      return tl::unexpected(status.error());
    }
    if (*status == XmlParser::Status::kSuspended) {
      suspended_ = true;
      return true;
    }
    if (*status == XmlParser::Status::kStopped && !input_done_)
      FAXIAN_TRY(drain());
    if (*status == XmlParser::Status::kStopped || input_done_)
      finished_ = true;
  }
  return false;
}

Result<void> SheetReader::drain() {
  char sink[kChunk / 4];
  while (true) {
    auto count = stream_->read(sink, sizeof sink);
    if (!count) {
      finished_ = true;
      return tl::unexpected(count.error());
    }
    if (*count == 0)
      return ok();
  }
}

void SheetReader::on_start(std::string_view name, const char** attributes) {
  if (name == "row") {
    start_row(attributes);
  } else if (name == "c" && in_row_) {
    start_cell(attributes);
  } else if (name == "v" && in_cell_) {
    in_value_ = true;
    has_value_ = true;
  } else if (name == "is" && in_cell_) {
    in_inline_ = true;
    has_value_ = true;
    type_ = ValueType::kInline;
  } else if (name == "rPh") {
    ++phonetic_depth_;
  } else if (name == "t" && in_inline_ && phonetic_depth_ == 0) {
    in_text_ = true;
  }
}

void SheetReader::on_end(std::string_view name) {
  if (name == "v") {
    in_value_ = false;
  } else if (name == "t") {
    in_text_ = false;
  } else if (name == "is") {
    in_inline_ = false;
  } else if (name == "rPh") {
    phonetic_depth_ = std::max(phonetic_depth_ - 1, 0);
  } else if (name == "c" && in_cell_) {
    finish_cell();
  } else if (name == "row" && in_row_) {
    finish_row();
  } else if (name == "sheetData") {
    parser_.stop();
  }
}

void SheetReader::on_text(std::string_view text) {
  if ((!in_value_ && !in_text_) || value_too_long_)
    return;
  if (static_cast<int64_t>(value_.size() + text.size()) > context_.limits.max_field_bytes) {
    value_too_long_ = true;
    value_.clear();
    return;
  }
  value_.append(text);
}

void SheetReader::start_row(const char** attributes) {
  const char* number = xml_attribute(attributes, "r");
  const auto parsed = number != nullptr ? parse_integer(number) : std::nullopt;
  row_number_ = parsed && *parsed >= 1 && *parsed <= kMaxRowNumber ? *parsed : row_number_ + 1;
  in_row_ = true;
  cells_used_ = 0;
  next_column_ = 0;
  row_->problem.clear();
}

void SheetReader::start_cell(const char** attributes) {
  in_cell_ = true;
  has_value_ = false;
  value_too_long_ = false;
  value_.clear();
  const char* reference = xml_attribute(attributes, "r");
  const auto column = reference != nullptr ? column_of_reference(reference) : std::nullopt;
  column_ = column ? *column : next_column_;
  const char* style = xml_attribute(attributes, "s");
  const auto style_index = style != nullptr ? parse_integer(style) : std::nullopt;
  style_ = style_index ? *style_index : -1;
  type_ = value_type_of(xml_attribute(attributes, "t"));
}

void SheetReader::set_problem(std::string message) {
  if (row_->problem.empty())
    row_->problem = std::move(message);
}

Cell& SheetReader::cell_at(int64_t column) {
  const auto index = static_cast<size_t>(column);
  while (cells_used_ <= index) {
    if (cells_used_ == row_->cells.size())
      row_->cells.emplace_back();
    Cell& fresh = row_->cells[cells_used_];
    fresh.kind = CellKind::kEmpty;
    fresh.text.clear();
    fresh.number = 0;
    ++cells_used_;
  }
  return row_->cells[index];
}

void SheetReader::finish_cell() {
  in_cell_ = false;
  in_value_ = false;
  in_inline_ = false;
  in_text_ = false;
  next_column_ = column_ + 1;
  if (!has_value_)
    return;
  if (column_ >= context_.limits.max_row_cells) {
    set_problem(fmt::format("该行超过 {} 列的上限", context_.limits.max_row_cells));
    return;
  }
  if (value_too_long_) {
    set_problem(fmt::format("第 {} 列超过 {} 字节的长度上限", column_ + 1,
                            context_.limits.max_field_bytes));
    return;
  }
  Cell& cell = cell_at(column_);
  switch (type_) {
    case ValueType::kShared:
      fill_shared(cell);
      return;
    case ValueType::kInline:
    case ValueType::kFormulaText:
      unescape_ooxml(value_);
      cell.text.swap(value_);
      cell.kind = cell.text.empty() ? CellKind::kEmpty : CellKind::kText;
      return;
    case ValueType::kBool:
      cell.number = trim(value_) == "1" || trim(value_) == "true" ? 1 : 0;
      cell.text = cell.number != 0 ? "TRUE" : "FALSE";
      cell.kind = CellKind::kBool;
      return;
    case ValueType::kError:
      cell.text.swap(value_);
      cell.kind = CellKind::kError;
      return;
    case ValueType::kIsoDate: {
      const auto serial = excel_serial_from_iso(trim(value_));
      if (!serial) {
        set_problem(fmt::format("第 {} 列的日期值无法识别", column_ + 1));
        return;
      }
      cell.number = *serial;
      cell.text = number_text(*serial);
      cell.kind = CellKind::kDate;
      return;
    }
    case ValueType::kNumber:
      fill_number(cell);
      return;
  }
}

void SheetReader::fill_shared(Cell& cell) {
  const auto index = parse_integer(value_);
  std::string_view text;
  const auto lookup = index ? context_.strings->get(*index, text) : SharedStrings::Lookup::kMissing;
  if (lookup == SharedStrings::Lookup::kMissing) {
    set_problem(fmt::format("第 {} 列引用的共享字符串不存在，文件可能已损坏", column_ + 1));
  } else if (lookup == SharedStrings::Lookup::kTooLong) {
    set_problem(fmt::format("第 {} 列超过 {} 字节的长度上限", column_ + 1,
                            context_.limits.max_field_bytes));
  } else {
    cell.text.assign(text);
    cell.kind = text.empty() ? CellKind::kEmpty : CellKind::kText;
  }
}

void SheetReader::fill_number(Cell& cell) {
  if (trim(value_).empty())
    return;  // a formula without a cached value
  const auto value = parse_double(value_);
  if (!value) {
    set_problem(fmt::format("第 {} 列的数值无法识别", column_ + 1));
    return;
  }
  cell.number = *value;
  cell.text.assign(trim(value_));
  switch (context_.styles->kind(style_)) {
    case NumberFormatKind::kDate:
      cell.kind = CellKind::kDate;
      if (context_.date1904) {
        cell.number += kDate1904Offset;
        cell.text = number_text(cell.number);
      }
      return;
    case NumberFormatKind::kText:
      cell.kind = CellKind::kText;
      return;
    case NumberFormatKind::kNumber:
      cell.kind = CellKind::kNumber;
      return;
  }
}

void SheetReader::finish_row() {
  in_row_ = false;
  row_->line = row_number_;
  row_->cells.resize(cells_used_);
  parser_.suspend();
}

}  // namespace faxian::ingest
