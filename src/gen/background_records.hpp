#pragma once
// Department records of a background household, drawn from rates that fit a poor mountain
// county: deaths and moves, certificates of disability, bills, wages and pensions, job
// changes, students, assets, applications, recipients, 防返贫 monitoring, hotline calls and
// disasters. Nothing here is planted: whatever rules these records make fire, the truth
// oracle finds.

#include <vector>

#include "gen/unit_builder.hpp"

namespace faxian::gen {

// Facts about a member that several record families need.
struct PersonSketch {
  bool present = false;           // a member on the as-of date
  bool earner = false;            // works (wages) during the window
  bool migrant = false;           // works outside the county
  bool employee_pension = false;  // retired employee (城镇职工养老金) rather than 居民养老金
  int severe_grade = 0;           // disability grade 1–2 in force on as_of, else 0
  bool serious = false;           // had a serious illness in the medical window
  int track = 0;  // schooling after 初中: 0 none, 1 高中→本科, 2 高中→高职,
                  // 3 高中 only, 4 中职→高职, 5 中职 only; +10 with 研究生
};

struct HouseholdSketch {
  Tier tier = Tier::kOrdinary;
  Money target_pc;  // intended per-capita monthly income (fen)
  int present = 0;  // members on the as-of date
  bool has_business = false;
  std::vector<PersonSketch> persons;
  bool recipient() const { return tier == Tier::kDibao || tier == Tier::kTekun; }
  bool poor() const {
    return tier == Tier::kDibao || tier == Tier::kTekun || tier == Tier::kEdge ||
           tier == Tier::kPoor || tier == Tier::kNear;
  }
};

// kRecords mode: fills every department record of a background unit and finishes it.
void generate_background_records(UnitBuilder& builder);

// The families, in the order generate_background_records calls them.
void background_life_events(UnitBuilder& b);
void background_disability(UnitBuilder& b, HouseholdSketch& sketch);
void background_income(UnitBuilder& b, const HouseholdSketch& sketch);
void background_medical(UnitBuilder& b, HouseholdSketch& sketch);
void background_education(UnitBuilder& b, const HouseholdSketch& sketch);
void background_welfare(UnitBuilder& b, const HouseholdSketch& sketch);
void background_monitoring(UnitBuilder& b, const HouseholdSketch& sketch);
void background_assets(UnitBuilder& b, const HouseholdSketch& sketch);
void background_hotline(UnitBuilder& b, const HouseholdSketch& sketch);
void background_disasters(UnitBuilder& b);

// Age in full years on `date`.
inline int age_on(const PersonRecord& person, Date date) {
  return date.years_since(person.birth);
}
// A uniformly drawn date in [first, last] (first <= last).
Date draw_date(Rng& rng, Date first, Date last);

}  // namespace faxian::gen
