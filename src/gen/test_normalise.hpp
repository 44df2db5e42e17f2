#pragma once
// Test helpers (implemented in test_normalise_test.cpp): the normalisation 20-feeds.md asks
// of an importer, written independently of the generator's writers (IDs and money through
// the product's faxian::ResidentId and faxian::Money parsers), used to compare --messy files
// with clean ones and to classify bad/ rows.

#include <optional>
#include <string>
#include <string_view>

namespace faxian::gen::testing {

enum class ColumnKind { kText, kId, kDate, kDateTime, kMonth, kMoney, kEnum };

// The kind of a column by its Chinese header.
ColumnKind column_kind(std::string_view column);
// The canonical form of a value (IDs 18 characters, dates YYYY-MM-DD, date-times
// YYYY-MM-DD HH:MM:SS, months YYYY-MM, money in fen, enums as the Chinese label); nullopt
// when the value is invalid. Blank stays blank.
std::optional<std::string> normalise(std::string_view column, std::string_view value);
// The Chinese header of `name` (Chinese or English alias) in `feed`; empty if unknown.
std::string chinese_header(std::string_view feed, std::string_view name);

}  // namespace faxian::gen::testing
