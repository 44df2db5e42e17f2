#pragma once
// Amounts of money (yuan → integer fen) from cells. Text as 20-feeds.md writes it, through
// Money::parse_yuan (¥/￥, 元, thousands separators, at most 2 decimals); number cells from the
// decimal text Excel stored, exactly — never through a double.

#include <string_view>

#include "common/money.hpp"
#include "ingest/field_error.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

enum class AmountSign {
  kNonNegative,  // a negative amount is kNegativeAmount (every feed but medical reversals)
  kAny,          // the feed decides later (medical: only 冲销 rows may be negative)
};

// The amount of a cell. Errors: kBadMoney (not an amount, more than 2 decimals, beyond 10^13
// yuan, a date/boolean cell), kNegativeAmount, kMissingValue for a blank cell.
FieldResult<Money> parse_money(const Cell& cell, AmountSign sign);
// parse_money(cell, kNonNegative) and parse_money(cell, kAny), as plain functions.
FieldResult<Money> parse_money_non_negative(const Cell& cell);
FieldResult<Money> parse_money_any_sign(const Cell& cell);

// The exact value of a number as Excel stores it ("1234.5", "-12", "1.2345E+3",
// "0.07000000000000001"): more than 15 significant digits are first rounded to 15 (Excel's
// precision, which removes binary-fraction noise such as 0.07000000000000001 → 0.07); then it
// must be a whole number of fen. Errors: kBadMoney.
FieldResult<Money> money_from_number_text(std::string_view stored);
// The error for a negative amount where the feed does not allow one.
FieldError negative_amount_error(Money amount);

}  // namespace faxian::ingest
