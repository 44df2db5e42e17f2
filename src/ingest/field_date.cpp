#include "ingest/field_date.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "common/text.hpp"
#include "ingest/field_cell.hpp"
#include "ingest/field_date_scan.hpp"

namespace faxian::ingest {
namespace {

using date_scan::Hms;
using date_scan::Ymd;

constexpr std::string_view kDateForms = "2023-01-05、2023/1/5、2023.1.5、20230105 或 2023年1月5日";
constexpr std::string_view kDateFormsEn =
    "2023-01-05, 2023/1/5, 2023.1.5, 20230105 or 2023年1月5日";
constexpr int kSecondsPerDay = 86400;

// Text with full-width digits and separators made ASCII; `storage` keeps converted text alive.
std::string_view half_width_view(std::string_view text, std::string& storage) {
  text = trim(text);
  if (!has_full_width(text))
    return text;
  storage = to_half_width(text);
  return trim(storage);
}

FieldError bad_date_form(std::string_view shown_text) {
  return {issue_code::kBadDate,
          fmt::format("日期「{}」无法识别，应为 {} 等格式", shown(shown_text), kDateForms),
          fmt::format("date “{}” not understood; write {}", shown(shown_text), kDateFormsEn)};
}

// Why y-m-d is not a real date, in Chinese and English.
std::pair<std::string, std::string> unreal_reason(const Ymd& ymd) {
  if (ymd.year < 1800 || ymd.year > 2200)
    return {"年份应在1800年至2200年之间", "the year must be within 1800–2200"};
  if (ymd.month < 1 || ymd.month > 12)
    return {"月份应为1至12", "the month must be 1–12"};
  const int days = days_in_month(ymd.year, ymd.month);
  if (ymd.day < 1)
    return {fmt::format("日应为1至{}", days), fmt::format("the day must be 1–{}", days)};
  return {fmt::format("{}年{}月只有{}天", ymd.year, ymd.month, days),
          fmt::format("{}-{:02} has {} days", ymd.year, ymd.month, days)};
}

FieldResult<Date> to_date(const Ymd& ymd, std::string_view original) {
  auto date = Date::from_ymd(ymd.year, ymd.month, ymd.day);
  if (date)
    return *date;
  const auto [zh, en] = unreal_reason(ymd);
  return field_fail(issue_code::kBadDate, fmt::format("日期「{}」不存在：{}", shown(original), zh),
                    fmt::format("date “{}” does not exist: {}", shown(original), en));
}

FieldError bad_time_form(std::string_view original) {
  return {issue_code::kBadDateTime,
          fmt::format("时间「{}」无法识别，应为日期加时间，如 2023-01-05 14:30 或 2023-01-05 "
                      "14:30:00",
                      shown(original)),
          fmt::format("date and time “{}” not understood; write e.g. 2023-01-05 14:30 or "
                      "2023-01-05 14:30:00",
                      shown(original))};
}

FieldResult<int32_t> to_seconds(const Hms& hms, std::string_view original) {
  if (hms.hour > 23 || hms.minute > 59 || hms.second > 59) {
    return field_fail(
        issue_code::kBadDateTime,
        fmt::format("时间「{}」不存在：小时应为0至23，分和秒应为0至59", shown(original)),
        fmt::format("time “{}” does not exist: hours 0–23, minutes and seconds 0–59",
                    shown(original)));
  }
  return hms.hour * 3600 + hms.minute * 60 + hms.second;
}

FieldError bad_month_form(std::string_view original) {
  return {issue_code::kBadMonth,
          fmt::format("月份「{}」无法识别，应为 2023-01、202301 或 2023年1月", shown(original)),
          fmt::format("month “{}” not understood; write 2023-01, 202301 or 2023年1月",
                      shown(original))};
}

FieldResult<Month> to_month(int year, int month, std::string_view original) {
  auto parsed = Month::from_ym(year, month);
  if (parsed && year >= 1800 && year <= 2200)
    return *parsed;
  const bool bad_month = month < 1 || month > 12;
  return field_fail(
      issue_code::kBadMonth,
      fmt::format("月份「{}」不存在：{}", shown(original),
                  bad_month ? "月份应为1至12" : "年份应在1800年至2200年之间"),
      fmt::format("month “{}” does not exist: {}", shown(original),
                  bad_month ? "the month must be 1–12" : "the year must be within 1800–2200"));
}

// The serial of 2200-12-31, the last date Date holds.
double max_excel_serial() {
  static const double kMax = *Date::from_ymd(2200, 12, 31) - *Date::from_ymd(1899, 12, 30);
  return kMax;
}

FieldError bad_serial(double serial) {
  return {issue_code::kBadDate,
          fmt::format("Excel 日期序号 {} 不是有效日期（1 表示 1900年1月1日）", serial),
          fmt::format("Excel date serial {} is not a valid date (1 is 1900-01-01)", serial)};
}

// The day of a whole serial (1 … max); 60 is the 1900-02-29 Excel invents.
FieldResult<Date> day_of_serial(int64_t day, double serial) {
  if (day < 1 || static_cast<double>(day) > max_excel_serial())
    return tl::unexpected(bad_serial(serial));
  if (day == 60) {
    return field_fail(issue_code::kBadDate,
                      "Excel 日期序号 60 表示 1900年2月29日，这一天并不存在（Excel 的历史错误）",
                      "Excel date serial 60 is 1900-02-29, a day that never existed");
  }
  static const Date kBefore60 = *Date::from_ymd(1899, 12, 31);
  static const Date kFrom61 = *Date::from_ymd(1899, 12, 30);
  return (day < 60 ? kBefore60 : kFrom61).add_days(static_cast<int32_t>(day));
}

// A whole YYYYMMDD number (10000101 … 99991231).
bool is_compact_date_number(int64_t value) {
  return value >= 10000101 && value <= 99991231;
}

Ymd compact_ymd(int64_t value) {
  return {static_cast<int>(value / 10000), static_cast<int>(value / 100 % 100),
          static_cast<int>(value % 100)};
}

FieldResult<Date> date_from_number_cell(const Cell& cell) {
  int64_t whole = 0;
  if (whole_number(cell, whole) && is_compact_date_number(whole))
    return to_date(compact_ymd(whole), trim(cell.text));
  return date_from_excel_serial(cell.number);
}

FieldError wrong_date_kind(const Cell& cell, std::string_view code) {
  return wrong_kind_error(cell, code, "日期", "a date");
}

}  // namespace

FieldResult<Date> date_from_excel_serial(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= max_excel_serial() + 1)
    return tl::unexpected(bad_serial(serial));
  return day_of_serial(static_cast<int64_t>(std::floor(serial)), serial);
}

FieldResult<LocalDateTime> date_time_from_excel_serial(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= max_excel_serial() + 1)
    return tl::unexpected(bad_serial(serial));
  int64_t day = static_cast<int64_t>(std::floor(serial));
  int64_t second = std::llround((serial - static_cast<double>(day)) * kSecondsPerDay);
  if (second >= kSecondsPerDay) {
    ++day;
    second -= kSecondsPerDay;
  }
  auto date = day_of_serial(day, serial);
  if (!date)
    return tl::unexpected(date.error());
  return LocalDateTime{*date, static_cast<int32_t>(second)};
}

FieldResult<Date> parse_date_text(std::string_view original) {
  std::string storage;
  const std::string_view text = half_width_view(original, storage);
  if (text.empty())
    return tl::unexpected(missing_value_error());
  std::size_t pos = 0;
  Ymd ymd;
  if (!date_scan::scan_date(text, pos, ymd))
    return tl::unexpected(bad_date_form(original));
  if (pos != text.size()) {
    Hms ignored;
    if (!date_scan::scan_date_time_separator(text, pos) ||
        !date_scan::scan_time(text, pos, ignored) || pos != text.size()) {
      return tl::unexpected(bad_date_form(original));
    }
  }
  return to_date(ymd, trim(original));
}

FieldResult<LocalDateTime> parse_date_time_text(std::string_view original) {
  std::string storage;
  const std::string_view text = half_width_view(original, storage);
  if (text.empty())
    return tl::unexpected(missing_value_error());
  std::size_t pos = 0;
  Ymd ymd;
  if (!date_scan::scan_date(text, pos, ymd))
    return tl::unexpected(bad_time_form(original));
  Hms hms;
  if (pos != text.size() && (!date_scan::scan_date_time_separator(text, pos) ||
                             !date_scan::scan_time(text, pos, hms) || pos != text.size())) {
    return tl::unexpected(bad_time_form(original));
  }
  auto date = to_date(ymd, trim(original));
  if (!date)
    return tl::unexpected(date.error());
  auto seconds = to_seconds(hms, trim(original));
  if (!seconds)
    return tl::unexpected(seconds.error());
  return LocalDateTime{*date, *seconds};
}

FieldResult<Month> parse_month_text(std::string_view original) {
  std::string storage;
  const std::string_view text = half_width_view(original, storage);
  if (text.empty())
    return tl::unexpected(missing_value_error());
  std::size_t pos = 0;
  Ymd ymd;
  if (date_scan::scan_date(text, pos, ymd) && pos == text.size()) {
    auto date = to_date(ymd, trim(original));
    if (!date)
      return field_fail(issue_code::kBadMonth, date.error().zh, date.error().en);
    return Month::of(*date);
  }
  pos = 0;
  int year = 0, month = 0;
  if (!date_scan::scan_month(text, pos, year, month) || pos != text.size())
    return tl::unexpected(bad_month_form(original));
  return to_month(year, month, trim(original));
}

FieldResult<Date> parse_date(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kEmpty:
    case CellKind::kText:
      return parse_date_text(cell.text);
    case CellKind::kDate:
      return date_from_excel_serial(cell.number);
    case CellKind::kNumber:
      return date_from_number_cell(cell);
    default:
      return tl::unexpected(wrong_date_kind(cell, issue_code::kBadDate));
  }
}

FieldResult<LocalDateTime> parse_date_time(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kEmpty:
    case CellKind::kText:
      return parse_date_time_text(cell.text);
    case CellKind::kDate:
    case CellKind::kNumber: {
      int64_t whole = 0;
      if (cell.kind == CellKind::kNumber && whole_number(cell, whole) &&
          is_compact_date_number(whole)) {
        auto date = to_date(compact_ymd(whole), trim(cell.text));
        if (!date)
          return tl::unexpected(date.error());
        return LocalDateTime{*date, 0};
      }
      return date_time_from_excel_serial(cell.number);
    }
    default:
      return tl::unexpected(wrong_date_kind(cell, issue_code::kBadDateTime));
  }
}

FieldResult<Month> parse_month(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kEmpty:
    case CellKind::kText:
      return parse_month_text(cell.text);
    case CellKind::kNumber:
    case CellKind::kDate: {
      int64_t whole = 0;
      if (cell.kind == CellKind::kNumber && whole_number(cell, whole) && whole >= 100001 &&
          whole <= 999912) {
        return to_month(static_cast<int>(whole / 100), static_cast<int>(whole % 100),
                        trim(cell.text));
      }
      auto date = cell.kind == CellKind::kDate ? date_from_excel_serial(cell.number)
                                               : date_from_number_cell(cell);
      if (!date)
        return field_fail(issue_code::kBadMonth, date.error().zh, date.error().en);
      return Month::of(*date);
    }
    default:
      return tl::unexpected(wrong_date_kind(cell, issue_code::kBadMonth));
  }
}

}  // namespace faxian::ingest
