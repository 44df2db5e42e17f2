#pragma once
// Planted cases: households written down on purpose so that a rule of 30-screening.md fires
// (a "positive") or so that it looks like the rule but must NOT fire (a "look-alike"), many
// on the exact thresholds. Every variant is a build function over UnitBuilder; the generator
// plants copies of each variant over the county and checks every copy with the truth oracle.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "gen/catalogues.hpp"
#include "gen/rules.hpp"
#include "gen/unit_builder.hpp"

namespace faxian::gen {

struct PlantVariant {
  RuleId rule = RuleId::kR01;
  bool fires = true;         // positive (rule must fire) or look-alike (must not)
  std::string_view name;     // e.g. "r01_one_fen_below"
  std::string_view summary;  // one line for docs and the summary, Chinese or English
  void (*build)(UnitBuilder&) = nullptr;
};

// Every variant, grouped by rule (R01 … V01), positives before look-alikes.
std::span<const PlantVariant> plant_catalogue();

// The rule families, each in its own file.
void add_income_rule_variants(std::vector<PlantVariant>& out);   // R01 R02 R04
void add_health_rule_variants(std::vector<PlantVariant>& out);   // R03 R07 R09 R15
void add_event_rule_variants(std::vector<PlantVariant>& out);    // R05 R06 R10 R12
void add_history_rule_variants(std::vector<PlantVariant>& out);  // R08 R11 R13 R14
void add_review_variants(std::vector<PlantVariant>& out);        // V01

// Helpers shared by the families.
namespace plant {
inline constexpr Sex kM = Sex::kMale;
inline constexpr Sex kF = Sex::kFemale;
// Standard × 12 × n × percent / 100 (the household's yearly income at `percent` % of the
// standard per capita).
Money annual(const UnitBuilder& b, int n, int64_t percent);
// A yearly income at `percent` % of the standard per capita, paid to `earner` over the 12
// months ending with the as-of month.
void pc_income(UnitBuilder& b, PersonIndex earner, int n, int64_t percent);
// The same monthly amount over the 24 months ending with the as-of month.
void steady(UnitBuilder& b, PersonIndex earner, Money monthly, int months = 24);
// An income comfortably above every poverty line (3 × standard per capita).
void comfortable(UnitBuilder& b, PersonIndex earner, int n);
// Steady monthly income worth `percent` % of the standard per capita over 24 months.
void steady_pc(UnitBuilder& b, PersonIndex earner, int n, int64_t percent);
}  // namespace plant

}  // namespace faxian::gen
