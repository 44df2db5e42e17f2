#pragma once
// Every representation of dates, months, times, money and resident IDs that 20-feeds.md says
// an importer must accept. Clean files use the first form of each; --messy mixes them.

#include <cstdint>
#include <string>

#include "common/date.hpp"
#include "gen/model.hpp"

namespace faxian::gen {

struct Ymd {
  int year;
  int month;
  int day;
};
Ymd civil(Date date);

// 2023-01-05 · 2023/1/5 · 2023.1.5 · 20230105 · 2023年1月5日
enum class DateFormat : uint8_t { kIso, kSlash, kDot, kCompact, kChinese };
inline constexpr int kDateFormats = 5;
// 2023-01 · 202301 · 2023年1月
enum class MonthFormat : uint8_t { kIso, kCompact, kChinese };
inline constexpr int kMonthFormats = 3;
// 1234.50 · 1,234.50 · ¥1,234.50 · ￥1234.5 · 1234.50元 · ￥1,234.50元
enum class MoneyFormat : uint8_t {
  kPlain,
  kThousands,
  kYenThousands,
  kFullYenShort,
  kYuanSuffix,
  kFullYenThousandsYuan
};
inline constexpr int kMoneyFormats = 6;
// 18 digits · lowercase x · full-width · 15-digit (born 19xx only) · "500241 19900101 123X"
// · "500241-19900101-123X" · surrounding spaces
enum class IdForm : uint8_t { kPlain, kLowerX, kFullWidth, kFifteen, kSpaced, kHyphen, kPadded };
inline constexpr int kIdForms = 7;

void append_date(std::string& out, Date date, DateFormat format);
// " HH:MM" or " HH:MM:SS" after a date.
void append_time(std::string& out, int32_t seconds, bool with_seconds);
void append_month(std::string& out, Month month, MonthFormat format);
// Negative amounts are always written plainly with a leading minus ("-1234.50").
void append_money(std::string& out, int64_t fen, MoneyFormat format);
// kFifteen is written as kPlain for people not born in 19xx.
void append_id(std::string& out, const IdNumber& id, IdForm form);
// "2023-2024".
void append_school_year(std::string& out, int first_year);

}  // namespace faxian::gen
