#include "common/money.hpp"

#include <fmt/format.h>

#include "common/text.hpp"

namespace faxian {
namespace {

constexpr std::string_view kYenHalf = "\xC2\xA5";         // ¥ U+00A5
constexpr std::string_view kYenFull = "\xEF\xBF\xA5";     // ￥ U+FFE5
constexpr std::string_view kYuanSuffix = "\xE5\x85\x83";  // 元
constexpr int64_t kMaxYuan = 10'000'000'000'000;          // 10^13

tl::unexpected<Error> money_error(std::string_view text, std::string_view why_zh,
                                  std::string_view why_en) {
  return fail(ErrorCode::kInvalidArgument, fmt::format("金额「{}」无法识别：{}", text, why_zh),
              fmt::format("bad amount: {}", why_en));
}

bool strip_currency_sign(std::string_view& text) {
  for (std::string_view sign : {kYenHalf, kYenFull}) {
    if (text.starts_with(sign)) {
      text.remove_prefix(sign.size());
      return true;
    }
  }
  return false;
}

// Consumes a leading '+' or '-'; returns true for '-'.
bool strip_sign(std::string_view& text, bool& had_sign) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    const bool negative = text.front() == '-';
    text.remove_prefix(1);
    had_sign = true;
    return negative;
  }
  return false;
}

bool all_digits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

// "1,234,567" or "1234567": digits with, optionally, correctly placed thousands separators.
bool valid_integer_part(std::string_view text) {
  if (text.find(',') == std::string_view::npos)
    return all_digits(text);
  const std::size_t first_comma = text.find(',');
  if (first_comma == 0 || first_comma > 3 || !all_digits(text.substr(0, first_comma))) {
    return false;
  }
  for (std::size_t pos = first_comma; pos < text.size(); pos += 4) {
    if (text[pos] != ',' || pos + 4 > text.size() || !all_digits(text.substr(pos + 1, 3))) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<Money> Money::parse_yuan(std::string_view original) {
  std::string half_width = to_half_width(trim(original));
  std::string_view text = trim(half_width);
  if (text.empty())
    return money_error(original, "金额为空", "empty");
  bool had_sign = false;
  bool negative = strip_sign(text, had_sign);
  const bool had_currency = strip_currency_sign(text);
  if (had_currency && !had_sign)
    negative = strip_sign(text, had_sign);  // "¥-12"
  if (text.ends_with(kYuanSuffix))
    text.remove_suffix(kYuanSuffix.size());
  text = trim(text);

  const std::size_t dot = text.find('.');
  const std::string_view integer_part = text.substr(0, dot);
  std::string_view decimals =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!valid_integer_part(integer_part) ||
      (dot != std::string_view::npos && !all_digits(decimals))) {
    return money_error(original, "应为以元为单位的数字，如 1,234.56", "not a yuan number");
  }
  // Trailing zeros beyond the second decimal change nothing ("12.500" is exact).
  while (decimals.size() > 2 && decimals.back() == '0')
    decimals.remove_suffix(1);
  if (decimals.size() > 2) {
    return money_error(original, "最多两位小数（精确到分）", "more than 2 decimals");
  }

  int64_t yuan = 0;
  for (char c : integer_part) {
    if (c == ',')
      continue;
    yuan = yuan * 10 + (c - '0');
    if (yuan > kMaxYuan)
      return money_error(original, "金额超出范围", "out of range");
  }
  int64_t fen = 0;
  for (std::size_t idx = 0; idx < 2; ++idx) {
    fen = fen * 10 + (idx < decimals.size() ? decimals[idx] - '0' : 0);
  }
  const int64_t total = yuan * 100 + fen;
  return Money(negative ? -total : total);
}

std::string Money::yuan_string() const {
  const uint64_t magnitude =
      fen_ < 0 ? 0 - static_cast<uint64_t>(fen_) : static_cast<uint64_t>(fen_);
  return fmt::format("{}{}.{:02}", fen_ < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

std::string Money::yuan_display() const {
  const std::string plain = yuan_string();
  const bool negative = plain.front() == '-';
  const std::size_t digits_begin = negative ? 1 : 0;
  const std::size_t dot = plain.find('.');
  const std::string integer = plain.substr(digits_begin, dot - digits_begin);
  std::string grouped;
  for (std::size_t idx = 0; idx < integer.size(); ++idx) {
    if (idx > 0 && (integer.size() - idx) % 3 == 0)
      grouped += ',';
    grouped += integer[idx];
  }
  return (negative ? "-" : "") + grouped + plain.substr(dot);
}

}  // namespace faxian
