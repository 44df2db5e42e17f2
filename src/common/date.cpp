#include "common/date.hpp"

#include <charconv>
#include <ostream>

#include <fmt/format.h>

namespace faxian {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
constexpr int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

constexpr Civil civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year))
    return 29;
  return kDays[month - 1];
}

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("日期不存在：{}年{}月{}日", year, month, day),
                fmt::format("not a real date: {}-{}-{}", year, month, day));
  }
  return Date(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::parse_iso(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_int(text.substr(0, 4), year) || !parse_int(text.substr(5, 2), month) ||
      !parse_int(text.substr(8, 2), day)) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("日期格式应为 YYYY-MM-DD：{}", text),
                fmt::format("expected YYYY-MM-DD: {}", text));
  }
  return from_ymd(year, month, day);
}

int Date::year() const {
  return civil_from_days(days_).year;
}
int Date::month() const {
  return static_cast<int>(civil_from_days(days_).month);
}
int Date::day() const {
  return static_cast<int>(civil_from_days(days_).day);
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const int32_t w = (days_ + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

int Date::years_since(Date birth) const {
  const Civil now = civil_from_days(days_);
  const Civil then = civil_from_days(birth.days_);
  int years = now.year - then.year;
  if (now.month < then.month || (now.month == then.month && now.day < then.day))
    --years;
  return years;
}

std::string Date::iso() const {
  const Civil c = civil_from_days(days_);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

Result<Month> Month::from_ym(int year, int month) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("月份不存在：{}年{}月", year, month),
                fmt::format("not a real month: {}-{}", year, month));
  }
  return Month(year * 12 + month - 1);
}

Month Month::of(Date date) {
  return Month(date.year() * 12 + date.month() - 1);
}

Result<Month> Month::parse_iso(std::string_view text) {
  int year = 0, month = 0;
  if (text.size() != 7 || text[4] != '-' || !parse_int(text.substr(0, 4), year) ||
      !parse_int(text.substr(5, 2), month)) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("月份格式应为 YYYY-MM：{}", text),
                fmt::format("expected YYYY-MM: {}", text));
  }
  return from_ym(year, month);
}

// Built from the day number directly: add_months may leave the checked range, and a Month
// must still give its days without dereferencing an error.
Date Month::first_day() const {
  return Date::from_days(days_from_civil(year(), static_cast<unsigned>(month()), 1));
}
Date Month::last_day() const {
  return first_day().add_days(days_in_month(year(), month()) - 1);
}
std::string Month::iso() const {
  return fmt::format("{:04}-{:02}", year(), month());
}

std::ostream& operator<<(std::ostream& out, Date date) {
  return out << date.iso();
}
std::ostream& operator<<(std::ostream& out, Month month) {
  return out << month.iso();
}

}  // namespace faxian
