// Background assistance history: the registry of current and former recipients (低保, 特困,
// 低保边缘, 刚性支出困难, 临时救助, 事实无人抚养儿童), the applications behind them (approved,
// rejected, withdrawn, pending), 防返贫监测 rows of rural households, and hotline tickets.

#include <algorithm>

#include "gen/background_records.hpp"
#include "gen/catalogues.hpp"

namespace faxian::gen {
namespace {

PersonIndex head_of(const UnitBuilder& b) {
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    if (b.unit().persons[p].relation == Relation::kHead)
      return static_cast<PersonIndex>(p);
  }
  return 0;
}

// An applicant present on `date` (the head if possible).
std::optional<PersonIndex> applicant(const UnitBuilder& b, Date date) {
  const PersonIndex head = head_of(b);
  if (b.present_on(head, date))
    return head;
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    if (b.present_on(person, date) && age_on(b.person(person), date) >= 18)
      return person;
  }
  return std::nullopt;
}

// An application decided `result_date`; decided after as_of means still pending on as_of.
void decided_application(UnitBuilder& b, ApplicationType type, Date applied, Date result_date,
                         ApplicationResult result, uint8_t reason) {
  const auto who = applicant(b, applied);
  if (!who || applied > b.as_of())
    return;
  if (result_date > b.as_of()) {
    b.application(*who, type, applied, ApplicationResult::kPending, std::nullopt);
    return;
  }
  // Some old records lack a result date (the apply date then stands for it).
  const bool blank = b.rng().chance(0.03);
  b.application(*who, type, applied, result, blank ? std::nullopt : std::optional(result_date),
                reason);
}

bool has_serious(const HouseholdSketch& sketch) {
  return std::any_of(sketch.persons.begin(), sketch.persons.end(),
                     [](const PersonSketch& p) { return p.serious && p.present; });
}

void recipients(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const Money standard = b.standard();
  switch (sketch.tier) {
    case Tier::kDibao: {
      const Date start = b.days_ago(static_cast<int>(rng.between(60, 3000)));
      const Money amount = yuan(std::max<int64_t>(50, (standard - sketch.target_pc).fen() / 100));
      b.registry_household(RegistryCategory::kDibao, start, std::nullopt, amount);
      decided_application(b, ApplicationType::kDibao,
                          start.add_days(-static_cast<int>(rng.between(25, 45))),
                          start.add_days(-static_cast<int>(rng.between(1, 10))),
                          ApplicationResult::kApproved, reason::kEligible);
      break;
    }
    case Tier::kTekun: {
      const Date start = b.days_ago(static_cast<int>(rng.between(100, 4000)));
      const auto* period = b.context().standards->period_on(b.as_of());
      const Money amount = period ? period->tekun : standard;
      b.registry(head_of(b), RegistryCategory::kTekun, start, std::nullopt, amount);
      decided_application(b, ApplicationType::kTekun, start.add_days(-30), start.add_days(-5),
                          ApplicationResult::kApproved, reason::kEligible);
      break;
    }
    case Tier::kEdge: {
      const Date start = b.days_ago(static_cast<int>(rng.between(30, 1500)));
      b.registry_household(RegistryCategory::kDibaoEdge, start, std::nullopt, Money());
      if (rng.chance(0.4)) {
        decided_application(b, ApplicationType::kDibao, start.add_days(-40), start.add_days(-3),
                            ApplicationResult::kRejected, reason::kIncomeOver);
      }
      break;
    }
    case Tier::kFormerDibao: {
      const Date start = b.days_ago(static_cast<int>(rng.between(1200, 3000)));
      const Date end = b.days_ago(static_cast<int>(rng.between(30, 1000)));
      b.registry_household(RegistryCategory::kDibao, start, end, yuan(rng.between(100, 400)));
      break;
    }
    case Tier::kPoor:
    case Tier::kNear: {
      const double rejected = sketch.tier == Tier::kPoor ? 0.12 : 0.08;
      const uint64_t roll = rng.below(1000);
      const Date applied = b.days_ago(static_cast<int>(rng.between(40, 1000)));
      if (roll < rejected * 1000) {
        decided_application(
            b, ApplicationType::kDibao, applied,
            applied.add_days(static_cast<int>(rng.between(15, 35))), ApplicationResult::kRejected,
            sketch.tier == Tier::kPoor ? reason::kSupporterAble : reason::kIncomeOver);
      } else if (roll < rejected * 1000 + 40) {
        decided_application(b, ApplicationType::kDibao, applied, applied.add_days(10),
                            ApplicationResult::kWithdrawn, reason::kWithdrawnByApplicant);
      } else if (roll < rejected * 1000 + 70) {
        const Date recent = b.days_ago(static_cast<int>(rng.between(0, 30)));
        if (auto who = applicant(b, recent)) {
          b.application(*who, ApplicationType::kDibao, recent, ApplicationResult::kPending,
                        std::nullopt);
        }
      }
      break;
    }
    default:
      break;
  }
}

void special_assistance(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  if (!sketch.poor())
    return;
  // 临时救助 (an approved application and the registry row of the payment).
  if (rng.chance(0.04)) {
    const Date applied = b.days_ago(static_cast<int>(rng.between(20, 1000)));
    const Date decided = applied.add_days(static_cast<int>(rng.between(2, 15)));
    decided_application(b, ApplicationType::kTemporary, applied, decided,
                        ApplicationResult::kApproved, reason::kIllnessHardship);
    if (auto who = applicant(b, applied); who && decided <= b.as_of()) {
      b.registry(*who, RegistryCategory::kTempAssisted, decided, decided,
                 yuan(rng.between(5, 30) * 100));
    }
  }
  if (has_serious(sketch) && rng.chance(0.3)) {
    const Date applied = b.days_ago(static_cast<int>(rng.between(10, 300)));
    decided_application(b, ApplicationType::kMedical, applied, applied.add_days(12),
                        ApplicationResult::kApproved, reason::kIllnessHardship);
  }
  // 刚性支出困难: recognised for 12 months, sometimes under its former name 支出型困难.
  if (has_serious(sketch) && (sketch.tier == Tier::kNear || sketch.tier == Tier::kPoor) &&
      rng.chance(0.25)) {
    const Date start = b.days_ago(static_cast<int>(rng.between(10, 330)));
    b.registry(head_of(b), RegistryCategory::kExpenditureHardship, start, start.add_days(364),
               Money());
    if (rng.chance(0.3))
      b.unit().registry.back().former_name = true;
  }
  // Grandchildren left with grandparents in poor households: 事实无人抚养儿童 (rarely 孤儿).
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    if (b.person(person).relation != Relation::kGrandchild || !b.present_on(person, b.as_of()))
      continue;
    if (age_on(b.person(person), b.as_of()) >= 18 || !rng.chance(0.08))
      continue;
    const RegistryCategory category =
        rng.chance(0.1) ? RegistryCategory::kOrphan : RegistryCategory::kUnsupportedChild;
    b.registry(person, category, b.days_ago(static_cast<int>(rng.between(30, 1500))), std::nullopt,
               yuan(rng.between(1200, 1500)));
  }
}

}  // namespace

void background_welfare(UnitBuilder& b, const HouseholdSketch& sketch) {
  if (sketch.present == 0)
    return;
  recipients(b, sketch);
  special_assistance(b, sketch);
}

void background_monitoring(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  if (b.area() != AreaType::kRural || sketch.present == 0)
    return;
  const PersonIndex head = head_of(b);
  const bool poor = sketch.poor();
  const bool alleviated = rng.chance(poor ? 0.16 : sketch.tier == Tier::kOrdinary ? 0.07 : 0.02);
  if (alleviated) {
    b.monitoring(head, MonitorType::kAlleviated,
                 draw_date(rng, *Date::from_ymd(2015, 12, 31), *Date::from_ymd(2020, 12, 31)),
                 Risk::kNone);
  }
  std::optional<MonitorType> type;
  if (alleviated && rng.chance(0.10)) {
    type = MonitorType::kUnstable;
  } else if (poor && rng.chance(0.06)) {
    type = MonitorType::kEdge;
  } else if (has_serious(sketch) && rng.chance(0.05)) {
    type = MonitorType::kSuddenHardship;
  }
  if (!type)
    return;
  const Date identified = b.days_ago(static_cast<int>(rng.between(60, 1500)));
  const Risk risk = has_serious(sketch)
                        ? Risk::kIllness
                        : static_cast<Risk>(rng.between(static_cast<int64_t>(Risk::kIllness),
                                                        static_cast<int64_t>(Risk::kOther)));
  const Date cleared_on = identified.add_days(static_cast<int>(rng.between(120, 700)));
  if (cleared_on <= b.as_of() && rng.chance(0.55)) {
    const bool blank_date = rng.chance(0.05);
    b.monitoring(head, *type, identified, risk, true,
                 blank_date ? std::nullopt : std::optional(cleared_on));
  } else {
    b.monitoring(head, *type, identified, risk);
  }
}

void background_hotline(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  if (sketch.present == 0)
    return;
  const double per_two_years = sketch.poor() ? 0.10 : sketch.tier == Tier::kWellOff ? 0.004 : 0.01;
  if (!rng.chance(per_two_years))
    return;
  // The person the call is about: the oldest member present.
  PersonIndex subject = -1;
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    if (!b.present_on(person, b.as_of()))
      continue;
    if (subject < 0 || b.person(person).birth < b.person(subject).birth)
      subject = person;
  }
  if (subject < 0)
    return;
  const int age = age_on(b.person(subject), b.as_of());
  HotlineCategory category = age >= 75 ? HotlineCategory::kElderly : HotlineCategory::kLiving;
  if (has_serious(sketch))
    category = HotlineCategory::kMedical;
  if (rng.chance(0.1))
    category = HotlineCategory::kHousing;
  const Date date = b.days_ago(static_cast<int>(rng.between(0, 729)));
  const bool with_id = rng.chance(0.75);
  b.hotline(subject, date, category, with_id);
  if (rng.chance(0.3)) {
    const Date again = date.add_days(static_cast<int>(rng.between(3, 60)));
    if (again <= b.as_of())
      b.hotline(subject, again, category, rng.chance(0.75));
  }
}

}  // namespace faxian::gen
