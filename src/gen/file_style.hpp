#pragma once
// How one feed file is written. Clean: UTF-8 CSV, Chinese headers in spec order, ISO dates,
// plain money, 18-digit IDs, Chinese enum labels, LF. --messy: the fixed per-feed choices of
// messy_style() (documented in docs/generator.md) plus per-row variation of formats.

#include <string_view>
#include <vector>

#include "gen/feed_schema.hpp"
#include "gen/value_format.hpp"

namespace faxian::gen {

enum class Container : uint8_t { kCsv, kXlsx };
enum class Encoding : uint8_t { kUtf8, kGb18030 };
// XLSX date cells: real Excel dates with a custom format, with built-in format 14, or text.
enum class XlsxDates : uint8_t { kCustomFormat, kBuiltinFormat, kText };

struct FileStyle {
  Container container = Container::kCsv;
  Encoding encoding = Encoding::kUtf8;
  bool bom = false;
  bool crlf = false;
  bool english_headers = false;
  bool padded_headers = false;    // " 姓名 " — importers trim headers
  std::vector<uint8_t> order;     // written column → schema column
  std::string_view extra_header;  // an unknown column importers must ignore; "" = none
  std::string_view extra_value;
  bool vary = false;  // per-row variation of the forms below
  DateFormat date_format = DateFormat::kIso;
  MonthFormat month_format = MonthFormat::kIso;
  MoneyFormat money_format = MoneyFormat::kPlain;
  double id_variation = 0;    // share of IDs in a non-plain form
  double alias_rate = 0;      // share of enums written as English alias / code
  bool digit_grades = false;  // 残疾等级 as 1–4 (else 一级…四级)
  XlsxDates xlsx_dates = XlsxDates::kCustomFormat;

  std::string_view file_extension() const {
    return container == Container::kXlsx ? ".xlsx" : ".csv";
  }
};

FileStyle clean_style(Feed feed);
FileStyle messy_style(Feed feed);

}  // namespace faxian::gen
