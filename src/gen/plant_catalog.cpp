#include "gen/plant_catalog.hpp"

#include <algorithm>

namespace faxian::gen {

std::span<const PlantVariant> plant_catalogue() {
  static const std::vector<PlantVariant> catalogue = [] {
    std::vector<PlantVariant> all;
    add_income_rule_variants(all);
    add_health_rule_variants(all);
    add_event_rule_variants(all);
    add_history_rule_variants(all);
    add_review_variants(all);
    std::stable_sort(all.begin(), all.end(), [](const PlantVariant& a, const PlantVariant& b) {
      if (a.rule != b.rule)
        return a.rule < b.rule;
      return a.fires && !b.fires;
    });
    return all;
  }();
  return catalogue;
}

namespace plant {

Money annual(const UnitBuilder& b, int n, int64_t percent) {
  return fen(b.standard().fen() * 12 * n * percent / 100);
}

void pc_income(UnitBuilder& b, PersonIndex earner, int n, int64_t percent) {
  b.income_12m(earner, annual(b, n, percent));
}

void steady(UnitBuilder& b, PersonIndex earner, Money monthly, int months) {
  b.income(earner, b.month().add_months(-(months - 1)), b.month(), monthly);
}

void comfortable(UnitBuilder& b, PersonIndex earner, int n) {
  pc_income(b, earner, n, 300);
}

void steady_pc(UnitBuilder& b, PersonIndex earner, int n, int64_t percent) {
  steady(b, earner, fen(b.standard().fen() * n * percent / 100));
}

}  // namespace plant
}  // namespace faxian::gen
