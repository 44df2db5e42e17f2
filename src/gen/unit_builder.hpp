#pragma once
// UnitBuilder: the small vocabulary in which households are written down — members with ages
// relative to the as-of date, deaths, moves, incomes, bills, certificates, applications.
// Both the background population and the planted cases use it.
//
// It runs in two modes. kPlan (sequential, on the main thread) creates the members: names,
// birth dates, unique IDs; record calls do nothing. kRecords (in a worker) replays the same
// build against the planned members and creates the department records. The sequence of
// add() calls must therefore never depend on random draws: only record amounts and dates may.

#include <optional>
#include <vector>

#include "gen/gen_context.hpp"
#include "gen/id_allocator.hpp"
#include "gen/model.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

inline Money yuan(int64_t value) {
  return Money::from_yuan(value);
}
inline Money fen(int64_t value) {
  return Money::from_fen(value);
}
// The smallest amount X with X × 10000 ≥ base × bp (e.g. bp 15000 = 1.5 × base).
Money at_least_bp(Money base, int64_t bp);

// How a member's birth date is chosen.
struct Birth {
  enum class Kind { kAgeOn, kExact };
  Kind kind = Kind::kAgeOn;
  Date date;      // kAgeOn: the date on which the age holds; kExact: the birth date
  int years = 0;  // kAgeOn: full years on `date`
};

class UnitBuilder {
 public:
  enum class Mode { kPlan, kRecords };

  // REQUIRES: unit.households is not empty; `ids` is non-null in kPlan mode.
  UnitBuilder(Mode mode, Unit& unit, const GenContext& context, Rng& rng, IdAllocator* ids);

  bool recording() const { return mode_ == Mode::kRecords; }
  const GenContext& context() const { return context_; }
  Rng& rng() { return rng_; }
  Unit& unit() { return unit_; }
  const Unit& unit() const { return unit_; }
  Date as_of() const { return context_.as_of; }
  Month month() const { return context_.as_of_month(); }
  Date days_ago(int days) const { return context_.as_of.add_days(-days); }
  AreaType area() const { return context_.area_of_village(unit_.households.front().village); }
  Money standard() const { return context_.standard(area()); }
  Money disposable() const { return context_.disposable(area()); }
  const PersonRecord& person(PersonIndex index) const {
    return unit_.persons[static_cast<size_t>(index)];
  }
  // Whether records-mode replay met a different member sequence than planned (a bug).
  bool replay_mismatch() const { return replay_mismatch_; }

  // --- members -------------------------------------------------------------------------
  Birth age(int years) const { return {Birth::Kind::kAgeOn, as_of(), years}; }
  Birth age_at(Date date, int years) const { return {Birth::Kind::kAgeOn, date, years}; }
  Birth born(Date date) const { return {Birth::Kind::kExact, date, 0}; }
  // Born exactly `years` before `date` (the birthday falls on `date`).
  Birth turns_on(Date date, int years) const { return born(years_before(date, years)); }
  // Adds a member of household 0 (or of `household`).
  PersonIndex add(Relation relation, Birth birth, Sex sex, int8_t household = 0);

  // --- life events (population and death feeds) ----------------------------------------
  // A death: a `death` row, and a 死亡注销 row `cancel_lag` days later if that is not after
  // as_of (no 死亡注销 row when cancel_lag < 0).
  void died(PersonIndex person, Date date, int cancel_lag = 20);
  void moved_out(PersonIndex person, Date date);
  // A 变更 row moving the person to `household` (an index into unit.households).
  void moved_to(PersonIndex person, Date date, int8_t household, Relation relation);
  // A 变更 row that keeps the household (address or phone update).
  void updated(PersonIndex person, Date date);
  std::optional<Date> death_of(PersonIndex person) const;
  std::optional<Date> left_on(PersonIndex person) const;
  // Born on or before `date`, and neither dead nor moved out on `date`.
  bool present_on(PersonIndex person, Date date) const;

  // --- department records (no-ops in kPlan mode) ----------------------------------------
  void income(PersonIndex person, Month first, Month last, Money per_month,
              IncomeType type = IncomeType::kWage, IncomeSource source = IncomeSource::kTax);
  // `total` spread over the 12 months ending with the as-of month (exact to the fen).
  void income_12m(PersonIndex person, Money total, IncomeType type = IncomeType::kWage,
                  IncomeSource source = IncomeSource::kTax);
  // A normal settlement with exactly `self_paid` 个人自付; returns its serial.
  int32_t medical(PersonIndex person, Date date, Money self_paid, uint16_t diagnosis,
                  VisitType visit = VisitType::kInpatient);
  // A settlement with every amount given (self_paid derived).
  int32_t medical_full(PersonIndex person, Date date, VisitType visit, Money total, Money fund,
                       Money critical, Money aid, uint16_t diagnosis, uint16_t hospital);
  // A 冲销 of settlement `serial` dated `date`, repeating its amounts.
  void reversal(int32_t serial, Date date, bool written_negative);
  void employment(PersonIndex person, EmploymentEvent event, Date date, int16_t employer = -1,
                  Money base = Money());
  void disability(PersonIndex person, int grade, Date issued, bool revoked = false,
                  std::optional<DisabilityCategory> category = std::nullopt);
  void disaster(PersonIndex person, Date date, Damage damage,
                DisasterType type = DisasterType::kFlood);
  void monitoring(PersonIndex head, MonitorType type, Date identified, Risk risk,
                  bool cleared = false, std::optional<Date> cleared_date = std::nullopt);
  void education(PersonIndex person, SchoolStage stage, int first_year, Money fees,
                 std::optional<Money> aid = std::nullopt);
  void asset(PersonIndex person, AssetType type, Date date, std::optional<Money> value,
             bool revoked = false);
  // A hotline ticket about `subject`; with_id = false leaves 身份证号 blank (name, phone and
  // village still given).
  void hotline(PersonIndex subject, Date date, HotlineCategory category, bool with_id = true);
  void application(PersonIndex person, ApplicationType type, Date applied, ApplicationResult result,
                   std::optional<Date> result_date, uint8_t reason = 0);
  void registry(PersonIndex person, RegistryCategory category, Date start, std::optional<Date> end,
                Money amount);
  // One registry row per person present on `start` and not dead by as_of.
  void registry_household(RegistryCategory category, Date start, std::optional<Date> end,
                          Money amount_per_person);

  // The school year (first year) whose 1 September lies in (as_of − 365, as_of].
  int current_school_year() const;

  // Records mode: writes the population rows (新增 at joining plus the life events).
  void finish();

 private:
  struct LifeEvent {
    PersonIndex person;
    ChangeType change;
    Date date;
    int8_t household;
    Relation relation;
  };

  Date draw_birth(const Birth& birth);
  void plan_member(Relation relation, Date birth, Sex sex, int8_t household);
  std::string random_phone();
  std::string asset_description(PersonIndex person, AssetType type);

  Mode mode_;
  Unit& unit_;
  const GenContext& context_;
  Rng& rng_;
  IdAllocator* ids_;
  size_t next_member_ = 0;
  bool replay_mismatch_ = false;
  int32_t next_settlement_ = 1;
  int32_t next_ticket_ = 1;
  int32_t next_application_ = 1;
  std::string family_surname_;
  Ethnicity family_ethnicity_ = Ethnicity::kHan;
  std::vector<LifeEvent> events_;
};

// A 民族 drawn from 秀山's shares (see docs/generator.md).
Ethnicity draw_ethnicity(Rng& rng);

}  // namespace faxian::gen
