#include "screen/rule_text.hpp"

#include <fmt/format.h>

#include "common/date.hpp"
#include "common/money.hpp"

namespace faxian::screen {

std::string yuan(int64_t fen) {
  std::string text = Money::from_fen(fen).yuan_display();
  if (text.ends_with(".00"))
    text.resize(text.size() - 3);
  return text;
}

std::string per_capita_month(int64_t total_fen, int n) {
  if (n <= 0)
    return "—";
  int64_t per_month = total_fen / (12 * static_cast<int64_t>(n));
  return Money::from_fen(per_month).yuan_display();
}

std::string percent(int64_t part, int64_t whole) {
  if (whole <= 0)
    return "—";
  __int128 scaled = static_cast<__int128>(part) * 200 / whole;  // twice the percentage
  int64_t rounded = static_cast<int64_t>((scaled + (scaled >= 0 ? 1 : -1)) / 2);
  return fmt::format("{}%", rounded);
}

std::string day_text(Day day) {
  return Date::from_days(day).iso();
}

Day month_first_day(int32_t month_index) {
  auto date = Date::from_ymd(month_index / 12, month_index % 12 + 1, 1);
  return date ? date->days_since_epoch() : 0;
}

std::string multiple_text(int basis_points) {
  if (basis_points % 10000 == 0)
    return fmt::format("{}", basis_points / 10000);
  std::string text = fmt::format("{:.4f}", basis_points / 10000.0);
  while (text.ends_with('0'))
    text.pop_back();
  return text;
}

}  // namespace faxian::screen
