#include "ingest/field_money.hpp"

#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "common/text.hpp"
#include "ingest/field_cell.hpp"

namespace faxian::ingest {
namespace {

constexpr std::size_t kExcelDigits = 15;
constexpr int64_t kMaxFen = 1'000'000'000'000'000;  // 10^13 yuan, as Money::parse_yuan

FieldError bad_number(std::string_view stored, std::string_view why_zh, std::string_view why_en) {
  return {issue_code::kBadMoney, fmt::format("金额「{}」无法识别：{}", shown(stored), why_zh),
          fmt::format("amount “{}” not understood: {}", shown(stored), why_en)};
}

// A decimal number as significant digits (no leading zeros) times 10^exponent.
struct Decimal {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

// Reads [sign] digits [. digits] [e [sign] digits]; false on anything else.
bool read_decimal(std::string_view text, Decimal& out) {
  std::size_t pos = 0;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+'))
    out.negative = text[pos++] == '-';
  bool any_digit = false;
  bool after_point = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '.' && !after_point) {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      any_digit = true;
      if (!out.digits.empty() || c != '0')
        out.digits += c;
      out.exponent -= after_point ? 1 : 0;
    } else {
      break;
    }
  }
  if (!any_digit)
    return false;
  if (pos == text.size())
    return true;
  if (text[pos] != 'e' && text[pos] != 'E')
    return false;
  ++pos;
  bool negative_exponent = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+'))
    negative_exponent = text[pos++] == '-';
  if (pos == text.size() || text.size() - pos > 4 || !is_ascii_digits(text.substr(pos)))
    return false;
  const int exponent = std::stoi(std::string(text.substr(pos)));
  out.exponent += negative_exponent ? -exponent : exponent;
  return true;
}

// Rounds to 15 significant digits (half up), as Excel shows a double.
void round_to_excel_precision(Decimal& value) {
  if (value.digits.size() <= kExcelDigits)
    return;
  const bool round_up = value.digits[kExcelDigits] >= '5';
  value.exponent += static_cast<int>(value.digits.size() - kExcelDigits);
  value.digits.resize(kExcelDigits);
  if (!round_up)
    return;
  std::size_t index = value.digits.size();
  while (index > 0 && value.digits[index - 1] == '9')
    value.digits[--index] = '0';
  if (index == 0) {
    value.digits.insert(value.digits.begin(), '1');
  } else {
    ++value.digits[index - 1];
  }
}

void drop_trailing_zeros(Decimal& value) {
  while (!value.digits.empty() && value.digits.back() == '0') {
    value.digits.pop_back();
    ++value.exponent;
  }
}

// "1234.50", "-12", "0.5": the plain ASCII form most files use, read without Money::parse_yuan's
// full-width conversion; anything else (or more than 13 integer digits) returns false.
bool plain_ascii_amount(std::string_view text, int64_t& fen) {
  text = trim(text);
  const bool negative = !text.empty() && text.front() == '-';
  if (negative)
    text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  const std::string_view integer = text.substr(0, dot);
  const std::string_view decimals =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (integer.size() > 13 || !is_ascii_digits(integer) || decimals.size() > 2 ||
      (dot != std::string_view::npos && !is_ascii_digits(decimals))) {
    return false;
  }
  int64_t value = 0;
  for (char digit : integer)
    value = value * 10 + (digit - '0');
  for (std::size_t index = 0; index < 2; ++index)
    value = value * 10 + (index < decimals.size() ? decimals[index] - '0' : 0);
  fen = negative ? -value : value;
  return true;
}

FieldResult<Money> money_from_text(std::string_view text) {
  int64_t fen = 0;
  if (plain_ascii_amount(text, fen))
    return Money::from_fen(fen);
  auto money = Money::parse_yuan(text);
  if (money)
    return *money;
  // Money's messages end "：<why>" (Chinese) and ": <why>" (English detail).
  const std::string& message = money.error().message;
  const std::string& detail = money.error().detail;
  const std::size_t zh_colon = message.rfind("：");
  const std::string_view why_zh = zh_colon == std::string::npos
                                      ? std::string_view("应为以元为单位的数字")
                                      : std::string_view(message).substr(zh_colon + 3);
  const std::size_t en_colon = detail.rfind(": ");
  const std::string_view why_en = en_colon == std::string::npos
                                      ? std::string_view("not a yuan amount")
                                      : std::string_view(detail).substr(en_colon + 2);
  return tl::unexpected(bad_number(trim(text), why_zh, why_en));
}

}  // namespace

FieldResult<Money> money_from_number_text(std::string_view stored) {
  stored = trim(stored);
  Decimal value;
  if (!read_decimal(stored, value))
    return tl::unexpected(bad_number(stored, "不是数字", "not a number"));
  round_to_excel_precision(value);
  drop_trailing_zeros(value);
  if (value.digits.empty())
    return Money::from_fen(0);
  const int fen_exponent = value.exponent + 2;
  if (fen_exponent < 0) {
    return tl::unexpected(bad_number(stored, "最多两位小数（精确到分）", "more than 2 decimals"));
  }
  if (value.digits.size() + static_cast<std::size_t>(fen_exponent) > 16)
    return tl::unexpected(bad_number(stored, "金额超出范围", "out of range"));
  int64_t fen = 0;
  for (char digit : value.digits)
    fen = fen * 10 + (digit - '0');
  for (int step = 0; step < fen_exponent; ++step)
    fen *= 10;
  if (fen > kMaxFen)
    return tl::unexpected(bad_number(stored, "金额超出范围", "out of range"));
  return Money::from_fen(value.negative ? -fen : fen);
}

FieldError negative_amount_error(Money amount) {
  return {issue_code::kNegativeAmount,
          fmt::format("金额不能为负数（{} 元）", amount.yuan_display()),
          fmt::format("the amount must not be negative ({} yuan)", amount.yuan_string())};
}

FieldResult<Money> parse_money(const Cell& cell, AmountSign sign) {
  FieldResult<Money> money;
  switch (cell.kind) {
    case CellKind::kEmpty:
    case CellKind::kText:
      if (trim(cell.text).empty())
        return tl::unexpected(missing_value_error());
      money = money_from_text(cell.text);
      break;
    case CellKind::kNumber:
      money = money_from_number_text(cell.text);
      break;
    default:
      return tl::unexpected(
          wrong_kind_error(cell, issue_code::kBadMoney, "以元为单位的金额", "an amount in yuan"));
  }
  if (money && sign == AmountSign::kNonNegative && money->fen() < 0)
    return tl::unexpected(negative_amount_error(*money));
  return money;
}

FieldResult<Money> parse_money_non_negative(const Cell& cell) {
  return parse_money(cell, AmountSign::kNonNegative);
}

FieldResult<Money> parse_money_any_sign(const Cell& cell) {
  return parse_money(cell, AmountSign::kAny);
}

}  // namespace faxian::ingest
