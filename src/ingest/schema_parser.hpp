#pragma once
// The FeedParser of any feed: runs a FeedSchema<R> (schema.hpp) over a header and data rows.
// Not thread-safe; one per import (it reuses its buffers between rows).

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "domain/feed_kind.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/header_match.hpp"
#include "ingest/schema.hpp"

namespace faxian::ingest {

// The issue for a row the reader could not read (TableRow::problem).
BatchRowIssue bad_row_issue(const TableRow& row, MessageLanguage language);

template <typename R>
class SchemaParser final : public FeedParser {
 public:
  SchemaParser(const FeedSchema<R>& schema, const ParseContext& context)
      : schema_(schema), context_(context), row_state_(context_, names_) {
    for (const Column<R>& column : schema_.columns)
      column_names_.push_back({column.zh, column.alias, column.required()});
    names_.reserve(schema_.columns.size());
    for (const Column<R>& column : schema_.columns)
      names_.emplace_back(column.zh);
    order_.resize(schema_.columns.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    file_index_.assign(schema_.columns.size(), -1);
  }

  Result<void> read_header(const TableRow& header) override {
    HeaderMatch match = match_header(column_names_, header);
    warnings_ = header_warnings(match, header, context_.language);
    FAXIAN_TRY(header_error(column_names_, match, header, context_.language));
    file_index_ = match.file_index;
    names_ = std::move(match.written);
    unknown_ = std::move(match.unknown);
    order_by_file_position();
    return ok();
  }

  std::variant<ParsedRow, std::vector<BatchRowIssue>> parse(const TableRow& row) override {
    if (!row.problem.empty())
      return std::vector<BatchRowIssue>{bad_row_issue(row, context_.language)};
    row_state_.begin(row.line);
    R record = blank_record<R>();
    for (std::size_t column : order_)
      read_cell(column, cell_at(row, file_index_[column]), record);
    check_unknown_cells(row);
    if (schema_.finish != nullptr)
      schema_.finish(record, row_state_);
    if (row_state_.has_issues())
      return row_state_.take_issues();
    return finish_row(row.line, std::move(record));
  }

  const std::vector<BatchRowIssue>& warnings() const override { return warnings_; }

  SchemaParser(const SchemaParser&) = delete;
  SchemaParser& operator=(const SchemaParser&) = delete;

 private:
  static const Cell& cell_at(const TableRow& row, int index) {
    static const Cell kEmpty;
    if (index < 0 || static_cast<std::size_t>(index) >= row.cells.size())
      return kEmpty;
    return row.cells[static_cast<std::size_t>(index)];
  }

  void read_cell(std::size_t column, const Cell& cell, R& record) {
    row_state_.set_column(column);
    if (schema_.columns[column].required() && is_blank(cell)) {
      row_state_.fail(missing_value_error());
      return;
    }
    schema_.columns[column].apply(cell, record, row_state_);
  }

  // A cell of an ignored column still spoils the row when its bytes are not valid text.
  void check_unknown_cells(const TableRow& row) {
    for (const auto& [index, name] : unknown_) {
      const Cell& cell = cell_at(row, index);
      if (cell.kind == CellKind::kError && error_cell_error(cell).code == issue_code::kBadEncoding)
        row_state_.fail_unknown_column(name, bad_encoding_error());
    }
  }

  ParsedRow finish_row(int64_t line, R record) {
    hasher_.reset(feed_name(R::kFeed));
    for (const Column<R>& column : schema_.columns)
      column.hash(record, hasher_);
    ParsedRow parsed{line, AnyRecord(std::in_place_type<R>, std::move(record)), {}, hasher_.hex()};
    if (schema_.natural_key != nullptr) {
      key_.clear();
      schema_.natural_key(std::get<R>(parsed.record), key_);
      parsed.natural_key = key_.str();
    } else {
      parsed.natural_key = parsed.content_hash;
    }
    return parsed;
  }

  // Errors come out in the order of the file's columns; absent columns last.
  void order_by_file_position() {
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t left, std::size_t right) {
      const int a = file_index_[left] < 0 ? INT32_MAX : file_index_[left];
      const int b = file_index_[right] < 0 ? INT32_MAX : file_index_[right];
      return a < b;
    });
  }

  const FeedSchema<R>& schema_;
  ParseContext context_;
  std::vector<ColumnName> column_names_;
  std::vector<std::string> names_;
  RowState row_state_;
  std::vector<std::size_t> order_;
  std::vector<int> file_index_;
  std::vector<std::pair<int, std::string>> unknown_;
  std::vector<BatchRowIssue> warnings_;
  RecordHasher hasher_;
  KeyBuilder key_;
};

}  // namespace faxian::ingest
