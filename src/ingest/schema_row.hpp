#pragma once
// The state of one data row while a schema parses it: which column is being read, which cells
// failed, and the issues found so far, with messages naming the row and the column as the file
// names it ("第 12 行「身份证号」：…", or English by the ParseContext's language).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/import_batch.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/field_error.hpp"

namespace faxian::ingest {

// "第 12 行「身份证号」：<zh>" or "row 12, column “id_number”: <en>"; without a column, the
// row alone.
std::string issue_message(int64_t row, std::string_view column, const FieldError& error,
                          MessageLanguage language);
// The issue for `error` in `column` of `row`.
BatchRowIssue make_issue(int64_t row, std::string_view column, const FieldError& error,
                         MessageLanguage language);

class RowState {
 public:
  // `column_names`: per schema column, its name as the file writes it (the Chinese name when
  // the file lacks the column); read at each issue, so it may change between rows.
  // REQUIRES: at most 64 columns; both outlive the RowState.
  RowState(const ParseContext& context, const std::vector<std::string>& column_names)
      : context_(&context), names_(&column_names) {}

  // Starts row `line` (clears the issues).
  void begin(int64_t line);
  // The schema column read next.
  void set_column(std::size_t column) { column_ = column; }
  // Records a problem with the current column.
  void fail(const FieldError& error) { fail_at(column_, error); }
  // Records a problem with schema column `column`.
  void fail_at(std::size_t column, const FieldError& error);
  // Records a problem with a column the schema does not know (named as the file names it).
  void fail_unknown_column(std::string_view written_name, const FieldError& error);
  // Whether schema column `column` was read without error.
  bool column_ok(std::size_t column) const { return (failed_ & (uint64_t{1} << column)) == 0; }
  bool has_issues() const { return !issues_.empty(); }
  std::vector<BatchRowIssue> take_issues() { return std::move(issues_); }
  const ParseContext& context() const { return *context_; }
  int64_t line() const { return line_; }

 private:
  const ParseContext* context_;
  const std::vector<std::string>* names_;
  int64_t line_ = 0;
  std::size_t column_ = 0;
  uint64_t failed_ = 0;
  std::vector<BatchRowIssue> issues_;
};

}  // namespace faxian::ingest
