#pragma once
// Figures as the explanations print them: money in yuan with thousands separators (no
// decimals when whole), percentages rounded to whole numbers, dates as YYYY-MM-DD.

#include <cstdint>
#include <string>

#include "screen/feature_store.hpp"

namespace faxian::screen {

std::string yuan(int64_t fen);                           // "38,210" or "1,234.50"
std::string per_capita_month(int64_t total_fen, int n);  // total / 12 / n, 2 decimals
std::string percent(int64_t part, int64_t whole);        // "126%"; "—" when whole ≤ 0
std::string day_text(Day day);                           // "2026-03-05"
Day month_first_day(int32_t month_index);                // Month::index() → its 1st
std::string multiple_text(int basis_points);             // 20000 → "2", 15000 → "1.5"

}  // namespace faxian::screen
