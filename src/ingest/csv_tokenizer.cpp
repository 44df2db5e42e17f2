#include "ingest/csv_tokenizer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ingest/csv_scan.hpp"

namespace faxian::ingest {
namespace {

constexpr size_t kBufferSize = 1 << 20;

std::string& cell_text_at(TableRow& row, size_t index) {
  if (index == row.cells.size())
    row.cells.emplace_back();
  std::string& text = row.cells[index].text;
  text.clear();
  return text;
}

}  // namespace

CsvTokenizer::CsvTokenizer(ByteSource& source, int64_t start_offset, const ReaderLimits& limits)
    : source_(source),
      limits_(limits),
      buffer_(static_cast<size_t>(
          std::clamp<int64_t>(source.size() - start_offset, 1, static_cast<int64_t>(kBufferSize)))),
      buffer_offset_(start_offset) {}

bool CsvTokenizer::refill() {
  if (at_end_ || read_error_)
    return false;
  buffer_offset_ += static_cast<int64_t>(end_);
  pos_ = 0;
  end_ = 0;
  auto count = source_.read_at(buffer_offset_, buffer_.data(), buffer_.size());
  if (!count) {
    read_error_ = count.error();
    return false;
  }
  end_ = *count;
  at_end_ = end_ == 0;
  return !at_end_;
}

void CsvTokenizer::seek(int64_t offset) {
  if (offset >= buffer_offset_ && offset < buffer_offset_ + static_cast<int64_t>(end_)) {
    pos_ = static_cast<size_t>(offset - buffer_offset_);
    return;
  }
  buffer_offset_ = offset;
  pos_ = 0;
  end_ = 0;
  at_end_ = false;
}

void CsvTokenizer::skip_line_feed() {
  if (fill() && buffer_[pos_] == '\n')
    ++pos_;
}

void CsvTokenizer::note(TableRow& row, std::string message) {
  if (row.problem.empty())
    row.problem = std::move(message);
}

void CsvTokenizer::append(TableRow& row, std::string* text, size_t column, const char* data,
                          size_t size) {
  row_bytes_ += static_cast<int64_t>(size);
  if (!row_too_long_ && row_bytes_ > limits_.max_row_bytes) {
    row_too_long_ = true;
    note(row, fmt::format("该行超过 {} 字节的长度上限", limits_.max_row_bytes));
    if (text != nullptr)
      text->clear();
  }
  if (text == nullptr || field_too_long_ || row_too_long_ || size == 0)
    return;
  if (static_cast<int64_t>(text->size() + size) > limits_.max_field_bytes) {
    field_too_long_ = true;
    text->clear();  // a prefix might end inside a character
    note(row, fmt::format("第 {} 列超过 {} 字节的长度上限", column + 1, limits_.max_field_bytes));
    return;
  }
  text->append(data, size);
}

CsvTokenizer::FieldEnd CsvTokenizer::read_plain(TableRow& row, std::string* text, size_t column) {
  while (fill()) {
    const char* begin = buffer_.data() + pos_;
    const char* limit = buffer_.data() + end_;
    const char* stop = find_plain_special(begin, limit);
    append(row, text, column, begin, static_cast<size_t>(stop - begin));
    pos_ = static_cast<size_t>(stop - buffer_.data());
    if (stop == limit)
      continue;
    ++pos_;
    switch (*stop) {
      case ',':
        return FieldEnd::kComma;
      case '\n':
        return FieldEnd::kLineEnd;
      case '\r':
        skip_line_feed();
        return FieldEnd::kLineEnd;
      default:
        saw_nul_ = true;
        break;
    }
  }
  return FieldEnd::kInputEnd;
}

CsvTokenizer::FieldEnd CsvTokenizer::resync(TableRow& row, int64_t line_break, size_t column) {
  note(row, fmt::format("第 {} 列的引号没有闭合（已从其后的下一行继续读取）", column + 1));
  seek(line_break);
  if (!fill())
    return FieldEnd::kInputEnd;
  const char terminator = buffer_[pos_];
  ++pos_;
  if (terminator == '\r')
    skip_line_feed();
  return FieldEnd::kLineEnd;
}

CsvTokenizer::FieldEnd CsvTokenizer::read_quoted(TableRow& row, std::string* text, size_t column) {
  ++pos_;  // the opening quote
  int64_t first_break = -1;
  while (true) {
    if ((field_too_long_ || row_too_long_) && first_break >= 0)
      return resync(row, first_break, column);
    if (!fill()) {
      if (first_break >= 0 && !read_error_)
        return resync(row, first_break, column);
      note(row, fmt::format("第 {} 列的引号没有闭合", column + 1));
      return FieldEnd::kInputEnd;
    }
    const char* begin = buffer_.data() + pos_;
    const char* limit = buffer_.data() + end_;
    const char* stop = find_quoted_special(begin, limit);
    append(row, text, column, begin, static_cast<size_t>(stop - begin));
    pos_ = static_cast<size_t>(stop - buffer_.data());
    if (stop == limit)
      continue;
    if (*stop == '"') {
      ++pos_;
      const bool more = fill();
      if (more && buffer_[pos_] == '"') {
        append(row, text, column, stop, 1);
        ++pos_;
        continue;
      }
      const bool separator =
          !more || buffer_[pos_] == ',' || buffer_[pos_] == '\n' || buffer_[pos_] == '\r';
      // `"a"b` on one line is joined (as Excel does); a quote that ends a field spanning lines
      // and is followed by text is a stray quote pairing with another one further down.
      if (!separator && first_break >= 0)
        return resync(row, first_break, column);
      return read_plain(row, text, column);
    }
    if (*stop == '\0') {
      saw_nul_ = true;
      ++pos_;
      continue;
    }
    if (first_break < 0)
      first_break = buffer_offset_ + static_cast<int64_t>(pos_);
    append(row, text, column, stop, 1);
    ++pos_;
  }
}

Result<size_t> CsvTokenizer::next_record(TableRow& row) {
  row.problem.clear();
  row_bytes_ = 0;
  row_too_long_ = false;
  saw_nul_ = false;
  if (!fill()) {
    if (read_error_)
      return tl::unexpected(*read_error_);
    return size_t{0};
  }
  const auto max_cells = static_cast<size_t>(std::max<int64_t>(limits_.max_row_cells, 1));
  size_t count = 0;
  FieldEnd end = FieldEnd::kComma;
  while (end == FieldEnd::kComma) {
    std::string* text = nullptr;
    if (count < max_cells)
      text = &cell_text_at(row, count);
    else if (count == max_cells)
      note(row, fmt::format("该行超过 {} 列的上限", max_cells));
    field_too_long_ = false;
    const bool quoted = fill() && buffer_[pos_] == '"';
    end = quoted ? read_quoted(row, text, count) : read_plain(row, text, count);
    ++count;
  }
  if (read_error_)
    return tl::unexpected(*read_error_);
  if (saw_nul_)
    note(row, "该行含有空字符（NUL），文件可能已损坏或不是文本文件");
  count = std::min(count, max_cells);
  row.cells.resize(count);
  return count;
}

}  // namespace faxian::ingest
