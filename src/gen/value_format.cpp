#include "gen/value_format.hpp"

#include <fmt/format.h>

namespace faxian::gen {
namespace {

void append_full_width(std::string& out, char c) {
  // U+FF10–FF19 digits, U+FF38 'Ｘ', U+FF58 'ｘ'.
  if (c >= '0' && c <= '9') {
    out += '\xEF';
    out += '\xBC';
    out += static_cast<char>(0x90 + (c - '0'));
  } else if (c == 'X') {
    out += "\xEF\xBC\xB8";
  } else if (c == 'x') {
    out += "\xEF\xBD\x98";
  } else {
    out += c;
  }
}

void append_grouped(std::string& out, int64_t value) {
  const std::string digits = fmt::format("{}", value);
  const size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first);
  for (size_t i = first; i < digits.size(); i += 3) {
    out += ',';
    out.append(digits, i, 3);
  }
}

}  // namespace

Ymd civil(Date date) {
  // Howard Hinnant's civil_from_days (public domain).
  int32_t z = date.days_since_epoch() + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const uint32_t doe = static_cast<uint32_t>(z - era * 146097);
  const uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t y = static_cast<int32_t>(yoe) + era * 400;
  const uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const uint32_t mp = (5 * doy + 2) / 153;
  const uint32_t d = doy - (153 * mp + 2) / 5 + 1;
  const uint32_t m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

void append_date(std::string& out, Date date, DateFormat format) {
  const Ymd ymd = civil(date);
  auto it = std::back_inserter(out);
  switch (format) {
    case DateFormat::kIso:
      fmt::format_to(it, "{:04}-{:02}-{:02}", ymd.year, ymd.month, ymd.day);
      return;
    case DateFormat::kSlash:
      fmt::format_to(it, "{}/{}/{}", ymd.year, ymd.month, ymd.day);
      return;
    case DateFormat::kDot:
      fmt::format_to(it, "{}.{}.{}", ymd.year, ymd.month, ymd.day);
      return;
    case DateFormat::kCompact:
      fmt::format_to(it, "{:04}{:02}{:02}", ymd.year, ymd.month, ymd.day);
      return;
    case DateFormat::kChinese:
      fmt::format_to(it, "{}年{}月{}日", ymd.year, ymd.month, ymd.day);
      return;
  }
}

void append_time(std::string& out, int32_t seconds, bool with_seconds) {
  auto it = std::back_inserter(out);
  if (with_seconds) {
    fmt::format_to(it, " {:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  } else {
    fmt::format_to(it, " {:02}:{:02}", seconds / 3600, seconds / 60 % 60);
  }
}

void append_month(std::string& out, Month month, MonthFormat format) {
  auto it = std::back_inserter(out);
  switch (format) {
    case MonthFormat::kIso:
      fmt::format_to(it, "{:04}-{:02}", month.year(), month.month());
      return;
    case MonthFormat::kCompact:
      fmt::format_to(it, "{:04}{:02}", month.year(), month.month());
      return;
    case MonthFormat::kChinese:
      fmt::format_to(it, "{}年{}月", month.year(), month.month());
      return;
  }
}

void append_money(std::string& out, int64_t fen, MoneyFormat format) {
  if (fen < 0) {
    fmt::format_to(std::back_inserter(out), "-{}.{:02}", -fen / 100, -fen % 100);
    return;
  }
  const int64_t yuan = fen / 100;
  const int64_t cents = fen % 100;
  switch (format) {
    case MoneyFormat::kPlain:
      fmt::format_to(std::back_inserter(out), "{}.{:02}", yuan, cents);
      return;
    case MoneyFormat::kThousands:
      append_grouped(out, yuan);
      fmt::format_to(std::back_inserter(out), ".{:02}", cents);
      return;
    case MoneyFormat::kYenThousands:
      out += "\xC2\xA5";  // ¥ U+00A5
      append_grouped(out, yuan);
      fmt::format_to(std::back_inserter(out), ".{:02}", cents);
      return;
    case MoneyFormat::kFullYenShort:
      out += "\xEF\xBF\xA5";  // ￥ U+FFE5
      fmt::format_to(std::back_inserter(out), "{}", yuan);
      if (cents % 10 != 0) {
        fmt::format_to(std::back_inserter(out), ".{:02}", cents);
      } else if (cents != 0) {
        fmt::format_to(std::back_inserter(out), ".{}", cents / 10);
      }
      return;
    case MoneyFormat::kYuanSuffix:
      fmt::format_to(std::back_inserter(out), "{}.{:02}元", yuan, cents);
      return;
    case MoneyFormat::kFullYenThousandsYuan:
      out += "\xEF\xBF\xA5";
      append_grouped(out, yuan);
      fmt::format_to(std::back_inserter(out), ".{:02}元", cents);
      return;
  }
}

void append_id(std::string& out, const IdNumber& id, IdForm form) {
  const std::string_view digits = id.view();
  switch (form) {
    case IdForm::kPlain:
      out += digits;
      return;
    case IdForm::kLowerX:
      out.append(digits.substr(0, 17));
      out += digits[17] == 'X' ? 'x' : digits[17];
      return;
    case IdForm::kFullWidth:
      for (char c : digits)
        append_full_width(out, c);
      return;
    case IdForm::kFifteen:
      if (digits.substr(6, 2) != "19") {
        out += digits;
        return;
      }
      out.append(digits.substr(0, 6));
      out.append(digits.substr(8, 9));
      return;
    case IdForm::kSpaced:
      out.append(digits.substr(0, 6));
      out += ' ';
      out.append(digits.substr(6, 8));
      out += ' ';
      out.append(digits.substr(14, 4));
      return;
    case IdForm::kHyphen:
      out.append(digits.substr(0, 6));
      out += '-';
      out.append(digits.substr(6, 8));
      out += '-';
      out.append(digits.substr(14, 4));
      return;
    case IdForm::kPadded:
      out += ' ';
      out += digits;
      out += "  ";
      return;
  }
}

void append_school_year(std::string& out, int first_year) {
  fmt::format_to(std::back_inserter(out), "{}-{}", first_year, first_year + 1);
}

}  // namespace faxian::gen
