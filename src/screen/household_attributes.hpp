#pragma once
// The subgroups `faxian eval` reports need metrics for (30-screening.md "Evaluation and
// fairness"): the household's township, the ethnicity of its head (户主) and the head's age
// band on the as-of date.

#include <string>
#include <string_view>
#include <unordered_map>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::screen {

// Age bands of the household head, in full years on the as-of date.
enum class AgeBand { kUnder30, k30To44, k45To59, k60To69, k70To79, k80Plus, kUnknown };
inline constexpr int kAgeBandCount = 7;

// The band of an age in full years; kUnknown for a negative age (born after the as-of date).
AgeBand age_band_of(int age);
// "0-29", "30-44", "45-59", "60-69", "70-79", "80+", "unknown".
std::string_view age_band_key(AgeBand band);
// "30岁以下", "30-44岁", "45-59岁", "60-69岁", "70-79岁", "80岁及以上", "未知".
std::string_view age_band_label(AgeBand band);

// Key and label of whatever is not known (no head, no ethnicity, no township).
inline constexpr std::string_view kUnknownKey = "unknown";
inline constexpr std::string_view kUnknownLabel = "未知";

struct HouseholdAttributes {
  std::string township_code{kUnknownKey};      // 9-digit code, or "unknown"
  std::string township_name{kUnknownLabel};    // 清溪场镇, or 未知
  std::string ethnicity_key{kUnknownKey};      // the store's key ("tujia"), or "unknown"
  std::string ethnicity_label{kUnknownLabel};  // 土家族, or 未知
  AgeBand age_band = AgeBand::kUnknown;

  bool operator==(const HouseholdAttributes&) const = default;
};

// The attributes of every stored household, keyed by 户号. Township: the parent of the
// household's village (a household registered directly on a township gets that township);
// ethnicity and age band: those of households.head_person_id on `as_of` (full years, a
// 29 February birthday on 1 March). Whatever is missing (no head, no ethnicity, an ethnicity
// key this build does not know) is "unknown"/未知. Errors: the database's.
Result<std::unordered_map<std::string, HouseholdAttributes>> load_household_attributes(Database& db,
                                                                                       Date as_of);

}  // namespace faxian::screen
