// Background incomes (收入) and job events (就业与社保变动): wages of local and migrant
// workers, 居民养老金 of the old, employee pensions, support from children recorded as 其他,
// business income of the well-off; job losses (some followed by a new job and some by
// unemployment benefit), new jobs, flexible employment and retirement.

#include <algorithm>
#include <vector>

#include "gen/background_records.hpp"
#include "gen/catalogues.hpp"

namespace faxian::gen {
namespace {

constexpr int kIncomeMonths = 16;  // the as-of month and the 15 before it

struct Span {
  Month first;
  Month last;
};

// Months in which the person can have income: born, not yet dead or gone.
Span income_span(UnitBuilder& b, PersonIndex person) {
  Month first = b.month().add_months(-(kIncomeMonths - 1));
  first = std::max(first, Month::of(b.person(person).birth));
  Month last = b.month();
  if (auto death = b.death_of(person))
    last = std::min(last, Month::of(*death));
  if (auto left = b.left_on(person))
    last = std::min(last, Month::of(*left));
  return {first, last};
}

struct JobHistory {
  std::vector<Month> idle;  // months without wages
};

// A job loss (and maybe a new job) or another event for one earner; returns idle months.
JobHistory job_events(UnitBuilder& b, PersonIndex person, const PersonSketch& sketch, Money wage,
                      const Span& span) {
  Rng& rng = b.rng();
  JobHistory history;
  const int16_t employer = static_cast<int16_t>(
      sketch.migrant ? rng.between(kLocalEmployers, static_cast<int64_t>(employers().size()) - 1)
                     : rng.between(0, kLocalEmployers - 1));
  const Money base = rng.chance(0.7) ? yuan(wage.fen() / 100) : Money();
  const Date span_end = std::min(b.as_of(), span.last.last_day());
  const Date span_start = std::max(b.days_ago(720), span.first.first_day());
  if (span_end < span_start)
    return history;
  const uint64_t roll = rng.below(1000);
  if (roll < 50) {
    const Date lost = draw_date(rng, span_start, span_end);
    const bool registered = rng.chance(0.5);
    b.employment(person,
                 registered ? EmploymentEvent::kUnemployed : EmploymentEvent::kContributionStopped,
                 lost, employer, base);
    Date back = lost.add_days(static_cast<int32_t>(rng.between(20, 300)));
    const bool reemployed = rng.chance(0.55) && back <= b.as_of();
    if (reemployed) {
      b.employment(person, EmploymentEvent::kEmployed, back,
                   static_cast<int16_t>(rng.below(employers().size())), base);
    } else {
      back = b.as_of().add_days(40);
    }
    for (Month m = Month::of(lost).add_months(1); m < Month::of(back); m = m.add_months(1)) {
      history.idle.push_back(m);
    }
    if (registered && rng.chance(0.3)) {
      const Date claimed = lost.add_days(static_cast<int32_t>(rng.between(5, 30)));
      if (claimed <= b.as_of()) {
        b.employment(person, EmploymentEvent::kUnemploymentBenefit, claimed);
        const Money benefit = yuan(rng.between(1500, 1900));
        const Month first = Month::of(claimed);
        const Month last = std::min(first.add_months(static_cast<int>(rng.between(2, 5))),
                                    Month::of(back).add_months(-1));
        b.income(person, first, std::min(last, span.last), benefit,
                 IncomeType::kUnemploymentBenefit, IncomeSource::kHrss);
      }
    }
  } else if (roll < 120) {
    b.employment(person, EmploymentEvent::kEmployed, draw_date(rng, span_start, span_end), employer,
                 base);
  } else if (roll < 140) {
    b.employment(person, EmploymentEvent::kFlexible, draw_date(rng, span_start, span_end));
  }
  return history;
}

// Monthly wages around `wage` (±12 %), none in idle months; migrants often skip the Spring
// Festival month.
void wages(UnitBuilder& b, PersonIndex person, const PersonSketch& sketch, Money wage,
           const Span& span, const JobHistory& history, Month stop_after) {
  Rng& rng = b.rng();
  const IncomeSource source = rng.chance(0.7) ? IncomeSource::kTax : IncomeSource::kHrss;
  const bool skips_festival = sketch.migrant && rng.chance(0.4);
  for (Month m = span.first; m <= span.last && m <= stop_after; m = m.add_months(1)) {
    if (std::find(history.idle.begin(), history.idle.end(), m) != history.idle.end())
      continue;
    if (skips_festival && m.month() == 2)
      continue;
    const int64_t amount = wage.fen() * rng.between(88, 112) / 100;
    if (amount > 0)
      b.income(person, m, m, fen(amount), IncomeType::kWage, source);
  }
}

}  // namespace

void background_income(UnitBuilder& b, const HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const Unit& unit = b.unit();
  const int n = std::max(1, sketch.present);
  int64_t remaining = sketch.target_pc.fen() * n;
  // Pensions first: every old member has one.
  std::vector<PersonIndex> earners;
  int64_t earner_weight = 0;
  for (size_t p = 0; p < unit.persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    const PersonSketch& ps = sketch.persons[p];
    const Span span = income_span(b, person);
    if (span.last < span.first)
      continue;
    const int age = age_on(unit.persons[p], b.as_of());
    if (age >= 60 && !ps.earner) {
      const Money pension =
          ps.employee_pension ? yuan(rng.between(2400, 4600)) : yuan(rng.between(150, 230));
      b.income(person, span.first, span.last, pension, IncomeType::kPension, IncomeSource::kHrss);
      if (ps.present)
        remaining -= pension.fen();
    } else if (ps.earner) {
      earners.push_back(person);
      earner_weight += unit.persons[p].relation == Relation::kHead ? 10 : 8;
    }
  }
  if (remaining <= 0)
    return;
  if (earners.empty()) {
    // Old or disabled people without wages live on support from children, land rent and
    // farm subsidies (recorded by 农业农村委 as 其他).
    for (size_t p = 0; p < unit.persons.size(); ++p) {
      if (!sketch.persons[p].present)
        continue;
      const auto person = static_cast<PersonIndex>(p);
      const Span span = income_span(b, person);
      b.income(person, span.first, span.last, fen(remaining), IncomeType::kOther,
               IncomeSource::kAgriculture);
      return;
    }
    return;
  }
  for (PersonIndex person : earners) {
    const PersonSketch& ps = sketch.persons[static_cast<size_t>(person)];
    const PersonRecord& record = b.person(person);
    const int64_t weight = record.relation == Relation::kHead ? 10 : 8;
    const Money wage = fen(remaining * weight / earner_weight);
    const Span span = income_span(b, person);
    if (span.last < span.first)
      continue;
    if (sketch.has_business && record.relation == Relation::kHead) {
      b.income(person, span.first, span.last, wage, IncomeType::kBusiness, IncomeSource::kTax);
      continue;
    }
    // Retirement of employees (men at 60, women at 55) within the window.
    Month stop_after = span.last;
    const Date retirement = years_before(record.birth, record.sex == Sex::kMale ? -60 : -55);
    if (ps.employee_pension && retirement <= b.as_of() && retirement >= span.first.first_day()) {
      b.employment(person, EmploymentEvent::kRetired, retirement);
      stop_after = Month::of(retirement);
      if (stop_after < span.last) {
        b.income(person, stop_after.add_months(1), span.last, yuan(rng.between(2400, 4000)),
                 IncomeType::kPension, IncomeSource::kHrss);
      }
    }
    const JobHistory history = job_events(b, person, ps, wage, span);
    wages(b, person, ps, wage, span, history, stop_after);
  }
}

}  // namespace faxian::gen
