#include "gen/file_style.hpp"

#include <algorithm>
#include <numeric>

namespace faxian::gen {
namespace {

std::vector<uint8_t> spec_order(Feed feed) {
  std::vector<uint8_t> order(feed_columns(feed).size());
  std::iota(order.begin(), order.end(), 0);
  return order;
}

// A fixed, documented shuffle: columns rotated and the first two swapped.
std::vector<uint8_t> shuffled_order(Feed feed, size_t rotate_by) {
  std::vector<uint8_t> order = spec_order(feed);
  std::rotate(order.begin(), order.begin() + static_cast<long>(rotate_by % order.size()),
              order.end());
  std::swap(order[0], order[1]);
  return order;
}

std::vector<uint8_t> without(std::vector<uint8_t> order, uint8_t column) {
  std::erase(order, column);
  return order;
}

}  // namespace

FileStyle clean_style(Feed feed) {
  FileStyle style;
  style.order = spec_order(feed);
  return style;
}

FileStyle messy_style(Feed feed) {
  FileStyle s = clean_style(feed);
  s.vary = true;
  s.id_variation = 0.3;
  switch (feed) {
    case Feed::kPopulation:
      s.encoding = Encoding::kGb18030;
      s.crlf = true;
      s.padded_headers = true;
      s.order = shuffled_order(feed, 3);
      s.date_format = DateFormat::kSlash;
      s.alias_rate = 0.2;
      break;
    case Feed::kMedical:
      s.bom = true;
      s.english_headers = true;
      // 个人自付 left out: importers derive it as total − fund − critical − aid.
      s.order = without(shuffled_order(feed, 5), 10);
      s.date_format = DateFormat::kCompact;
      s.money_format = MoneyFormat::kYenThousands;
      s.alias_rate = 0.5;
      break;
    case Feed::kEmployment:
      s.encoding = Encoding::kGb18030;
      s.date_format = DateFormat::kChinese;
      s.money_format = MoneyFormat::kYuanSuffix;
      s.alias_rate = 0.3;
      break;
    case Feed::kIncome:
      s.crlf = true;
      s.english_headers = true;
      s.order = shuffled_order(feed, 2);
      s.month_format = MonthFormat::kCompact;
      s.money_format = MoneyFormat::kThousands;
      s.alias_rate = 0.3;
      break;
    case Feed::kDisability:
      s.container = Container::kXlsx;
      s.order = shuffled_order(feed, 4);
      s.xlsx_dates = XlsxDates::kCustomFormat;
      s.digit_grades = true;
      s.alias_rate = 0.3;
      break;
    case Feed::kDeath:
      s.container = Container::kXlsx;
      s.english_headers = true;
      s.xlsx_dates = XlsxDates::kText;
      s.date_format = DateFormat::kChinese;
      break;
    case Feed::kDisaster:
      s.encoding = Encoding::kGb18030;
      s.crlf = true;
      s.padded_headers = true;
      s.order = shuffled_order(feed, 1);
      s.date_format = DateFormat::kDot;
      s.money_format = MoneyFormat::kFullYenShort;
      s.alias_rate = 0.4;
      break;
    case Feed::kPovertyMonitoring:
      s.container = Container::kXlsx;
      s.xlsx_dates = XlsxDates::kBuiltinFormat;
      s.alias_rate = 0.3;
      break;
    case Feed::kEducation:
      s.bom = true;
      s.english_headers = true;
      s.order = shuffled_order(feed, 3);
      s.money_format = MoneyFormat::kFullYenThousandsYuan;
      break;
    case Feed::kAssets:
      s.encoding = Encoding::kGb18030;
      s.order = shuffled_order(feed, 2);
      s.date_format = DateFormat::kSlash;
      s.money_format = MoneyFormat::kYenThousands;
      s.extra_header = "备注";
      s.extra_value = "数据来源：部门共享";
      s.alias_rate = 0.3;
      break;
    case Feed::kHotline:
      s.crlf = true;
      s.order = shuffled_order(feed, 6);
      s.date_format = DateFormat::kSlash;
      s.alias_rate = 0.3;
      break;
    case Feed::kApplications:
      s.bom = true;
      s.english_headers = true;
      s.order = shuffled_order(feed, 4);
      s.date_format = DateFormat::kCompact;
      s.extra_header = "source_batch";
      s.extra_value = "legacy-2026";
      s.alias_rate = 0.6;
      break;
    case Feed::kRegistry:
      s.container = Container::kXlsx;
      s.english_headers = true;
      s.order = shuffled_order(feed, 5);
      s.xlsx_dates = XlsxDates::kText;
      s.date_format = DateFormat::kCompact;
      s.alias_rate = 0.3;
      break;
  }
  return s;
}

}  // namespace faxian::gen
