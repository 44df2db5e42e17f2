#include "gen/oracle_features.hpp"

#include <algorithm>

#include "gen/labels.hpp"

namespace faxian::gen {

HouseholdView::HouseholdView(const Unit& unit, const std::vector<PersonTimeline>& timelines,
                             int household, const Standards& standards, AreaType area, Date as_of)
    : unit_(unit),
      timelines_(timelines),
      household_(household),
      standards_(standards),
      area_(area),
      as_of_(as_of) {
  auto standard = standards.dibao_on(as_of, area);
  standard_ = standard ? *standard : Money();
  members_ = members_on(as_of);
  income_12m_ = income_12m(members_, as_of);
}

bool HouseholdView::is_member(PersonIndex person) const {
  return std::find(members_.begin(), members_.end(), person) != members_.end();
}

int HouseholdView::age(PersonIndex person) const {
  return as_of_.years_since(unit_.persons[static_cast<size_t>(person)].birth);
}

std::vector<PersonIndex> HouseholdView::members_on(Date date) const {
  std::vector<PersonIndex> result;
  for (size_t p = 0; p < timelines_.size(); ++p) {
    if (timelines_[p].member_of(household_, date) && timelines_[p].alive_on(date)) {
      result.push_back(static_cast<PersonIndex>(p));
    }
  }
  return result;
}

bool HouseholdView::counts(IncomeType type) const {
  const auto zh = label(type).zh;
  for (const std::string& excluded : standards_.excluded_income_types) {
    if (excluded == zh)
      return false;
  }
  return true;
}

Money HouseholdView::income_12m(const std::vector<PersonIndex>& persons, Date date) const {
  const Month last = Month::of(date);
  const Month first = last.add_months(-11);
  Money total;
  for (const IncomeRow& row : unit_.income) {
    if (row.month < first || row.month > last || !counts(row.type))
      continue;
    if (std::find(persons.begin(), persons.end(), row.person) == persons.end())
      continue;
    total += row.amount;
  }
  return total;
}

Money HouseholdView::income_in(const std::vector<PersonIndex>& persons, Month month) const {
  Money total;
  for (const IncomeRow& row : unit_.income) {
    if (row.month != month || !counts(row.type))
      continue;
    if (std::find(persons.begin(), persons.end(), row.person) == persons.end())
      continue;
    total += row.amount;
  }
  return total;
}

Money HouseholdView::self_paid_between(Date from_exclusive, Date to_inclusive) const {
  Money total;
  for (const MedicalRow& row : unit_.medical) {
    if (row.date <= from_exclusive || row.date > to_inclusive || !is_member(row.person))
      continue;
    const int64_t amount = row.self_paid.fen() < 0 ? -row.self_paid.fen() : row.self_paid.fen();
    total += Money::from_fen(row.kind == SettleKind::kReversal ? -amount : amount);
  }
  return total;
}

Money HouseholdView::medical_selfpay_12m() const {
  return self_paid_between(as_of_.add_days(-365), as_of_);
}

Money HouseholdView::education_net_12m() const {
  Money total;
  for (const EducationRow& row : unit_.education) {
    if (!is_member(row.person))
      continue;
    const auto start = Date::from_ymd(row.first_year, 9, 1);
    if (!start || !in_window(*start, as_of_, 365))
      continue;
    const int64_t net = row.fees.fen() - (row.aid ? row.aid->fen() : 0);
    if (net > 0)
      total += Money::from_fen(net);
  }
  return total;
}

int HouseholdView::disability_grade(PersonIndex person, Date date) const {
  const DisabilityRow* latest = nullptr;
  for (const DisabilityRow& row : unit_.disability) {
    if (row.person != person || row.issued > date)
      continue;
    if (!latest || row.issued > latest->issued)
      latest = &row;
  }
  if (!latest || latest->revoked)
    return 0;
  return latest->grade;
}

bool HouseholdView::is_working_age(PersonIndex person) const {
  const int years = age(person);
  const int grade = disability_grade(person, as_of_);
  return years >= 16 && years <= 59 && !(grade == 1 || grade == 2);
}

bool HouseholdView::is_dependent(PersonIndex person) const {
  const int years = age(person);
  const int grade = disability_grade(person, as_of_);
  return years < 16 || years >= 70 || grade == 1 || grade == 2;
}

bool HouseholdView::has_working_age_member() const {
  return std::any_of(members_.begin(), members_.end(),
                     [this](PersonIndex p) { return is_working_age(p); });
}

bool HouseholdView::has_dependent() const {
  return std::any_of(members_.begin(), members_.end(),
                     [this](PersonIndex p) { return is_dependent(p); });
}

bool HouseholdView::income_below(int64_t multiple_bp) const {
  // income_12m < multiple × standard × 12 × n  ⇔  income_12m × 10000 < bp × standard × 12 × n
  return income_12m_.fen() * 10000 < multiple_bp * standard_.fen() * 12 * n();
}

bool HouseholdView::holds(RegistryCategory category) const {
  for (const RegistryRow& row : unit_.registry) {
    if (row.category != category || !is_member(row.person))
      continue;
    if (row.start <= as_of_ && (!row.end || as_of_ <= *row.end))
      return true;
  }
  return false;
}

bool HouseholdView::holds_monitoring() const {
  for (const MonitoringRow& row : unit_.monitoring) {
    if (row.type == MonitorType::kAlleviated || !is_member(row.person))
      continue;
    if (row.identified > as_of_)
      continue;
    // 是 with a blank date counts as cleared from the identification date.
    const bool cleared = row.cleared && (!row.cleared_date || *row.cleared_date <= as_of_);
    if (!cleared)
      return true;
  }
  return false;
}

bool HouseholdView::holds_alleviated() const {
  for (const MonitoringRow& row : unit_.monitoring) {
    if ((row.type == MonitorType::kAlleviated || row.type == MonitorType::kUnstable) &&
        is_member(row.person) && row.identified <= as_of_) {
      return true;
    }
  }
  return false;
}

bool HouseholdView::holds_rejected_applicant() const {
  for (const ApplicationRow& row : unit_.applications) {
    if (row.result != ApplicationResult::kRejected || !is_member(row.person))
      continue;
    const Date rejected = row.result_date ? *row.result_date : row.applied;
    if (!in_window(rejected, as_of_, 730))
      continue;
    bool ended = false;
    for (const ApplicationRow& other : unit_.applications) {
      if (other.result != ApplicationResult::kApproved || !is_member(other.person))
        continue;
      const Date approved = other.result_date ? *other.result_date : other.applied;
      if (approved > rejected && approved <= as_of_)
        ended = true;
    }
    if (!ended)
      return true;
  }
  return false;
}

bool HouseholdView::holds_low_income_category() const {
  return holds(RegistryCategory::kDibao) || holds(RegistryCategory::kTekun) ||
         holds(RegistryCategory::kDibaoEdge) || holds(RegistryCategory::kExpenditureHardship) ||
         holds(RegistryCategory::kOrphan) || holds(RegistryCategory::kUnsupportedChild) ||
         holds_monitoring() || holds_alleviated();
}

bool HouseholdView::asset_active(const AssetRow& row) const {
  return is_member(row.person) && row.date <= as_of_ && !row.revoked;
}

bool HouseholdView::excluded_by_assets() const {
  int homes = 0;
  Money deposits;
  for (const AssetRow& row : unit_.assets) {
    if (!asset_active(row))
      continue;
    switch (row.type) {
      case AssetType::kVehicle:
        if (row.value && *row.value > standards_.vehicle_exempt_value)
          return true;
        break;
      case AssetType::kRealEstate:
        ++homes;
        break;
      case AssetType::kBusiness:
        return true;
      case AssetType::kDeposit:
        if (row.value)
          deposits += *row.value;
        break;
      case AssetType::kOther:
        break;
    }
  }
  return homes >= 2 ||
         deposits > standard_ * (static_cast<int64_t>(n()) * standards_.deposit_months);
}

bool HouseholdView::recent_excluding_asset() const {
  int homes = 0;
  Money deposits;
  for (const AssetRow& row : unit_.assets) {
    if (!asset_active(row))
      continue;
    if (row.type == AssetType::kRealEstate)
      ++homes;
    if (row.type == AssetType::kDeposit && row.value)
      deposits += *row.value;
  }
  const bool deposits_over =
      deposits > standard_ * (static_cast<int64_t>(n()) * standards_.deposit_months);
  for (const AssetRow& row : unit_.assets) {
    if (!asset_active(row) || !in_window(row.date, as_of_, 180))
      continue;
    switch (row.type) {
      case AssetType::kVehicle:
        if (row.value && *row.value > standards_.vehicle_exempt_value)
          return true;
        break;
      case AssetType::kRealEstate:
        if (homes >= 2)
          return true;
        break;
      case AssetType::kBusiness:
        return true;
      case AssetType::kDeposit:
        if (deposits_over)
          return true;
        break;
      case AssetType::kOther:
        break;
    }
  }
  return false;
}

bool HouseholdView::job_loss_after(Date from_exclusive) const {
  for (const EmploymentRow& row : unit_.employment) {
    if (row.event != EmploymentEvent::kUnemployed &&
        row.event != EmploymentEvent::kContributionStopped) {
      continue;
    }
    if (row.date <= from_exclusive || row.date > as_of_)
      continue;
    if (!is_member(row.person) || !is_working_age(row.person))
      continue;
    bool cancelled = false;
    for (const EmploymentRow& later : unit_.employment) {
      if (later.person == row.person && later.event == EmploymentEvent::kEmployed &&
          later.date > row.date && later.date <= as_of_) {
        cancelled = true;
      }
    }
    if (!cancelled)
      return true;
  }
  return false;
}

bool HouseholdView::member_death_after(Date from_exclusive) const {
  for (size_t p = 0; p < timelines_.size(); ++p) {
    const auto& death = timelines_[p].death;
    if (!death || *death <= from_exclusive || *death > as_of_)
      continue;
    if (timelines_[p].member_at_death(household_))
      return true;
  }
  return false;
}

}  // namespace faxian::gen
