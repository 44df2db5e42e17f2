#pragma once
// Running one feed parser over a header and rows of text, for the schema tests.

#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/feed_parser.hpp"
#include "ingest/field_test_cells.hpp"

namespace faxian::ingest::testing {

inline ParseContext test_context(MessageLanguage language = MessageLanguage::kChinese) {
  return ParseContext{*Date::from_ymd(2026, 11, 20), language};
}

using ParseOutcome = std::variant<ParsedRow, std::vector<BatchRowIssue>>;

// Parses `row` (line 2) of a file with `header`; the header must be accepted.
inline ParseOutcome parse_row(FeedKind feed, const std::vector<std::string>& header,
                              const TableRow& row, const ParseContext& context = test_context()) {
  auto parser = make_feed_parser(feed, context);
  auto accepted = parser->read_header(text_row(1, header));
  EXPECT_TRUE(accepted) << accepted.error().to_string();
  return parser->parse(row);
}

inline ParseOutcome parse_text_row(FeedKind feed, const std::vector<std::string>& header,
                                   const std::vector<std::string>& values,
                                   const ParseContext& context = test_context()) {
  return parse_row(feed, header, text_row(2, values), context);
}

// The parsed row; fails the test (and returns an empty hotline row) when it was rejected.
inline ParsedRow accepted(const ParseOutcome& outcome) {
  if (const auto* issues = std::get_if<std::vector<BatchRowIssue>>(&outcome)) {
    for (const BatchRowIssue& issue : *issues)
      ADD_FAILURE() << "unexpected issue: " << issue.code << " " << issue.message;
    return ParsedRow{0, AnyRecord(std::in_place_type<HotlineRecord>), {}, {}};
  }
  return std::get<ParsedRow>(outcome);
}

// The issues; fails the test when the row was accepted.
inline std::vector<BatchRowIssue> rejected(const ParseOutcome& outcome) {
  if (std::holds_alternative<ParsedRow>(outcome)) {
    ADD_FAILURE() << "row unexpectedly accepted";
    return {};
  }
  return std::get<std::vector<BatchRowIssue>>(outcome);
}

// The codes of the issues, in order.
inline std::vector<std::string> codes(const std::vector<BatchRowIssue>& issues) {
  std::vector<std::string> out;
  for (const BatchRowIssue& issue : issues)
    out.push_back(issue.code);
  return out;
}

template <typename R>
R record_of(const ParsedRow& row) {
  return std::get<R>(row.record);
}

}  // namespace faxian::ingest::testing
