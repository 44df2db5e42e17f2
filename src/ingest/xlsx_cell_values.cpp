#include "ingest/xlsx_cell_values.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "common/text.hpp"

namespace faxian::ingest {
namespace {

constexpr int64_t kColumnCap = int64_t{1} << 40;

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
int64_t days_from_civil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

bool leap(int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int64_t year, int64_t month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `width` digits at text[pos]; advances pos.
std::optional<int> digits(std::string_view text, size_t& pos, size_t width) {
  if (pos + width > text.size())
    return std::nullopt;
  int value = 0;
  for (size_t index = 0; index < width; ++index) {
    const char c = text[pos + index];
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c)
    return false;
  ++pos;
  return true;
}

// "HH:MM[:SS[.fff]]" as a fraction of a day; nullopt when malformed.
std::optional<double> day_fraction(std::string_view text, size_t pos) {
  const auto hours = digits(text, pos, 2);
  if (!hours || !expect(text, pos, ':'))
    return std::nullopt;
  const auto minutes = digits(text, pos, 2);
  if (!minutes)
    return std::nullopt;
  double seconds = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    const char* end = text.data() + text.size();
    const auto [next, error] = std::from_chars(text.data() + pos, end, seconds);
    if (error != std::errc())
      return std::nullopt;
    pos = static_cast<size_t>(next - text.data());
  }
  if (pos < text.size() && text.substr(pos) != "Z")
    return std::nullopt;
  if (*hours > 23 || *minutes > 59 || seconds < 0 || seconds >= 61)
    return std::nullopt;
  return (*hours * 3600.0 + *minutes * 60.0 + seconds) / 86400.0;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::optional<int64_t> column_of_reference(std::string_view reference) {
  int64_t column = 0;
  size_t letters = 0;
  for (const char c : reference) {
    const char upper = static_cast<char>(c & ~0x20);
    if (upper < 'A' || upper > 'Z')
      break;
    column = std::min(column * 26 + (upper - 'A' + 1), kColumnCap);
    ++letters;
  }
  if (letters == 0)
    return std::nullopt;
  return column - 1;
}

std::optional<double> excel_serial_from_iso(std::string_view text) {
  size_t pos = 0;
  const auto year = digits(text, pos, 4);
  if (!year || !expect(text, pos, '-'))
    return std::nullopt;
  const auto month = digits(text, pos, 2);
  if (!month || !expect(text, pos, '-'))
    return std::nullopt;
  const auto day = digits(text, pos, 2);
  if (!day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
    return std::nullopt;
  double fraction = 0;
  if (pos < text.size()) {
    if (!expect(text, pos, 'T'))
      return std::nullopt;
    const auto parsed = day_fraction(text, pos);
    if (!parsed)
      return std::nullopt;
    fraction = *parsed;
  }
  // Serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was, so from
  // 1900-03-01 on the serial is the day count from 1899-12-30.
  const int64_t days = days_from_civil(*year, *month, *day) - days_from_civil(1899, 12, 30);
  const int64_t serial = days >= 61 ? days : days - 1;
  return static_cast<double>(serial) + fraction;
}

void unescape_ooxml(std::string& text) {
  if (text.find("_x") == std::string::npos)
    return;
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '_' && pos + 6 < text.size() && text[pos + 1] == 'x' &&
        is_hex(text[pos + 2]) && is_hex(text[pos + 3]) && is_hex(text[pos + 4]) &&
        is_hex(text[pos + 5]) && text[pos + 6] == '_') {
      unsigned value = 0;
      std::from_chars(text.data() + pos + 2, text.data() + pos + 6, value, 16);
      if (value != 0 && (value < 0xD800 || value > 0xDFFF)) {
        append_utf8(out, static_cast<char32_t>(value));
        pos += 7;
        continue;
      }
    }
    out += text[pos];
    ++pos;
  }
  text.swap(out);
}

std::string number_text(double value) {
  return fmt::format("{}", value);
}

}  // namespace faxian::ingest
