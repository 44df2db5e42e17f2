#include "screen/household_attributes.hpp"

#include <array>

#include <fmt/format.h>

#include "domain/ethnicity.hpp"

namespace faxian::screen {
namespace {

struct AgeBandEntry {
  std::string_view key;
  std::string_view label;
};

constexpr std::array<AgeBandEntry, kAgeBandCount> kAgeBands = {{
    {"0-29", "30岁以下"},
    {"30-44", "30-44岁"},
    {"45-59", "45-59岁"},
    {"60-69", "60-69岁"},
    {"70-79", "70-79岁"},
    {"80+", "80岁及以上"},
    {kUnknownKey, kUnknownLabel},
}};

// One row per household: its village (or township) and that region's parent, and the head.
constexpr std::string_view kAttributesSql =
    "SELECT h.household_no, r.level, r.code, r.name, parent.code, parent.name, p.birth_date, "
    "p.ethnicity FROM households h "
    "LEFT JOIN regions r ON r.code = h.village_code "
    "LEFT JOIN regions parent ON parent.code = r.parent_code "
    "LEFT JOIN persons p ON p.id = h.head_person_id";

std::string column_string(const Statement& statement, int column) {
  return statement.column_is_null(column) ? std::string()
                                          : std::string(statement.column_text(column));
}

void set_township(const Statement& row, HouseholdAttributes& attributes) {
  const std::string level = column_string(row, 1);
  if (level != "township" && level != "village")
    return;
  const int code_column = level == "township" ? 2 : 4;
  if (row.column_is_null(code_column))
    return;
  attributes.township_code = column_string(row, code_column);
  attributes.township_name = column_string(row, code_column + 1);
}

void set_ethnicity(const Statement& row, HouseholdAttributes& attributes) {
  const std::string key = column_string(row, 7);
  const auto ethnicity = enum_from_key<Ethnicity>(key);
  if (!ethnicity)
    return;
  attributes.ethnicity_key = key;
  attributes.ethnicity_label = std::string(enum_label(*ethnicity));
}

Result<void> set_age_band(const Statement& row, Date as_of, HouseholdAttributes& attributes) {
  if (row.column_is_null(6))
    return ok();
  auto birth = Date::parse_iso(row.column_text(6));
  if (!birth) {
    return fail(ErrorCode::kCorrupt, fmt::format("户号 {} 的户主出生日期无效", row.column_text(0)),
                "a household head's stored birth date is not a date");
  }
  attributes.age_band = age_band_of(as_of.years_since(*birth));
  return ok();
}

}  // namespace

AgeBand age_band_of(int age) {
  if (age < 0)
    return AgeBand::kUnknown;
  if (age < 30)
    return AgeBand::kUnder30;
  if (age < 45)
    return AgeBand::k30To44;
  if (age < 60)
    return AgeBand::k45To59;
  if (age < 70)
    return AgeBand::k60To69;
  if (age < 80)
    return AgeBand::k70To79;
  return AgeBand::k80Plus;
}

std::string_view age_band_key(AgeBand band) {
  return kAgeBands[static_cast<size_t>(band)].key;
}

std::string_view age_band_label(AgeBand band) {
  return kAgeBands[static_cast<size_t>(band)].label;
}

Result<std::unordered_map<std::string, HouseholdAttributes>> load_household_attributes(Database& db,
                                                                                       Date as_of) {
  auto statement = db.prepare(kAttributesSql);
  if (!statement)
    return tl::unexpected(statement.error());
  std::unordered_map<std::string, HouseholdAttributes> attributes;
  while (true) {
    auto has_row = (*statement)->step();
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return attributes;
    const Statement& row = **statement;
    HouseholdAttributes household;
    set_township(row, household);
    set_ethnicity(row, household);
    FAXIAN_TRY(set_age_band(row, as_of, household));
    attributes.emplace(column_string(row, 0), std::move(household));
  }
}

}  // namespace faxian::screen
