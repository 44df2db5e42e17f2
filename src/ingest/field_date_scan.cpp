#include "ingest/field_date_scan.hpp"

namespace faxian::ingest::date_scan {
namespace {

constexpr std::string_view kYear = "年";
constexpr std::string_view kMonth = "月";
constexpr std::string_view kDay = "日";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::size_t digit_run(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_digit(text[end]))
    ++end;
  return end - pos;
}

int number_at(std::string_view text, std::size_t pos, std::size_t length) {
  int value = 0;
  for (std::size_t index = 0; index < length; ++index)
    value = value * 10 + (text[pos + index] - '0');
  return value;
}

// Reads 1 or 2 digits.
bool short_number(std::string_view text, std::size_t& pos, int& out) {
  const std::size_t length = digit_run(text, pos);
  if (length < 1 || length > 2)
    return false;
  out = number_at(text, pos, length);
  pos += length;
  return true;
}

// Reads exactly 2 digits.
bool two_digits(std::string_view text, std::size_t& pos, int& out) {
  if (digit_run(text, pos) != 2)
    return false;
  out = number_at(text, pos, 2);
  pos += 2;
  return true;
}

bool literal(std::string_view text, std::size_t& pos, std::string_view word) {
  if (text.substr(pos).starts_with(word)) {
    pos += word.size();
    return true;
  }
  return false;
}

bool is_separator(char c) {
  return c == '-' || c == '/' || c == '.';
}

// After "YYYY": 年M月D日 or -M-D (same separator twice).
bool scan_month_day(std::string_view text, std::size_t& pos, Ymd& out) {
  if (literal(text, pos, kYear)) {
    return short_number(text, pos, out.month) && literal(text, pos, kMonth) &&
           short_number(text, pos, out.day) && literal(text, pos, kDay);
  }
  if (pos >= text.size() || !is_separator(text[pos]))
    return false;
  const char separator = text[pos++];
  if (!short_number(text, pos, out.month) || pos >= text.size() || text[pos] != separator)
    return false;
  ++pos;
  return short_number(text, pos, out.day);
}

}  // namespace

bool scan_date(std::string_view text, std::size_t& pos, Ymd& out) {
  const std::size_t length = digit_run(text, pos);
  if (length == 8) {
    out = {number_at(text, pos, 4), number_at(text, pos + 4, 2), number_at(text, pos + 6, 2)};
    pos += 8;
    return true;
  }
  if (length != 4)
    return false;
  std::size_t cursor = pos + 4;
  Ymd ymd{number_at(text, pos, 4), 0, 0};
  if (!scan_month_day(text, cursor, ymd))
    return false;
  out = ymd;
  pos = cursor;
  return true;
}

bool scan_time(std::string_view text, std::size_t& pos, Hms& out) {
  std::size_t cursor = pos;
  Hms hms;
  if (!short_number(text, cursor, hms.hour) || !literal(text, cursor, ":") ||
      !two_digits(text, cursor, hms.minute)) {
    return false;
  }
  if (literal(text, cursor, ":")) {
    if (!two_digits(text, cursor, hms.second))
      return false;
    if (cursor < text.size() && text[cursor] == '.') {
      const std::size_t fraction = digit_run(text, cursor + 1);
      if (fraction == 0)
        return false;
      cursor += 1 + fraction;
    }
  }
  out = hms;
  pos = cursor;
  return true;
}

bool scan_date_time_separator(std::string_view text, std::size_t& pos) {
  if (pos < text.size() && text[pos] == 'T') {
    ++pos;
    return true;
  }
  const std::size_t start = pos;
  while (pos < text.size() && text[pos] == ' ')
    ++pos;
  return pos > start;
}

bool scan_month(std::string_view text, std::size_t& pos, int& year, int& month) {
  const std::size_t length = digit_run(text, pos);
  if (length == 6) {
    year = number_at(text, pos, 4);
    month = number_at(text, pos + 4, 2);
    pos += 6;
    return true;
  }
  if (length != 4)
    return false;
  std::size_t cursor = pos + 4;
  int parsed = 0;
  if (literal(text, cursor, kYear)) {
    if (!short_number(text, cursor, parsed) || !literal(text, cursor, kMonth))
      return false;
  } else if (cursor < text.size() && is_separator(text[cursor])) {
    ++cursor;
    if (!short_number(text, cursor, parsed))
      return false;
  } else {
    return false;
  }
  year = number_at(text, pos, 4);
  month = parsed;
  pos = cursor;
  return true;
}

}  // namespace faxian::ingest::date_scan
