#include "ingest/schema_row.hpp"

#include <fmt/format.h>

#include "ingest/field_cell.hpp"

namespace faxian::ingest {

std::string issue_message(int64_t row, std::string_view column, const FieldError& error,
                          MessageLanguage language) {
  if (language == MessageLanguage::kEnglish) {
    if (column.empty())
      return fmt::format("row {}: {}", row, error.en);
    return fmt::format("row {}, column “{}”: {}", row, shown(column), error.en);
  }
  if (column.empty())
    return fmt::format("第 {} 行：{}", row, error.zh);
  return fmt::format("第 {} 行「{}」：{}", row, shown(column), error.zh);
}

BatchRowIssue make_issue(int64_t row, std::string_view column, const FieldError& error,
                         MessageLanguage language) {
  return BatchRowIssue{row, std::string(column), std::string(error.code),
                       issue_message(row, column, error, language)};
}

void RowState::begin(int64_t line) {
  line_ = line;
  column_ = 0;
  failed_ = 0;
  issues_.clear();
}

void RowState::fail_at(std::size_t column, const FieldError& error) {
  failed_ |= uint64_t{1} << column;
  issues_.push_back(make_issue(line_, (*names_)[column], error, context_->language));
}

void RowState::fail_unknown_column(std::string_view written_name, const FieldError& error) {
  issues_.push_back(make_issue(line_, written_name, error, context_->language));
}

}  // namespace faxian::ingest
