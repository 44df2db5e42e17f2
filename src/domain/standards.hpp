#pragma once
// 救助标准: the figures of 10-domain.md and ../policy/standards.md, as configuration with
// validity periods. Loaded from TOML (see data/standards/chongqing.toml for the format).
// Ratios are basis points (1.5 → 15000) so that every test can be done in exact integers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "domain/region.hpp"

namespace faxian {

struct StandardsPeriod {
  Date from;          // in force from this date until the next period's `from`
  Money dibao_urban;  // 低保, per person per month
  Money dibao_rural;
  Money tekun;            // 特困 basic living, per person per month
  std::string source;     // where the figures come from
  bool confirmed = true;  // false where the policy file marks a figure unconfirmed
};

struct DisposableIncome {  // previous-year per-capita disposable income, per year
  int year = 0;
  Money urban;
  Money rural;
  std::string source;
  bool confirmed = true;
};

struct Standards {
  std::vector<StandardsPeriod> periods;             // sorted by `from`
  std::vector<DisposableIncome> disposable_income;  // sorted by `year`
  Money vehicle_exempt_value = Money::from_yuan(30000);
  int deposit_months = 24;
  int rigid_share_bp = 6000;                       // [rigid] share_of_income
  int edge_multiple_bp = 15000;                    // [edge] multiple
  std::vector<std::string> excluded_income_types;  // [income] excluded_types (Chinese labels)
  int quick_aid_months = 1;     // [temporary] 小额快救 cap in months of the 低保 standard
  int township_aid_months = 4;  // [temporary] township approval limit in months
  std::string toml_text;        // the source text, kept for versioning

  // The period in force on `date` (latest `from` ≤ date); nullptr if none.
  const StandardsPeriod* period_on(Date date) const;
  // The 低保 standard on `date` for an area type; kUnavailable if no period covers it.
  Result<Money> dibao_on(Date date, AreaType area) const;
  // The disposable-income row for `year`, or the latest earlier year (then `*gap` is set to
  // true when provided); kUnavailable if there is none at all.
  Result<DisposableIncome> disposable_for_year(int year, bool* gap = nullptr) const;
};

// Parses and validates a standards TOML document. Errors (Chinese, naming the key) on syntax
// errors, missing or non-positive figures, unsorted or duplicate periods, ratios ≤ 0.
Result<Standards> parse_standards_toml(std::string_view toml_text);
Result<Standards> load_standards_file(const std::string& path);

}  // namespace faxian
