#include "screen/household_snapshot.hpp"

namespace faxian::screen {
namespace {

constexpr int kRejectionDays = 730;  // 曾申请未获批 is held for 730 days
constexpr int kFeatureDays = 365;    // medical_selfpay_12m, education_net_12m

auto date_of = [](const auto& row) { return row.date; };

}  // namespace

int age_on(Day birth, Day day) {
  return Date::from_days(day).years_since(Date::from_days(birth));
}

bool member_on(const FeatureStore& store, uint32_t household, uint32_t person, Day day) {
  for (const MembershipRow& membership : store.members.of(household))
    if (membership.person == person && membership.from <= day && day < membership.to)
      return true;
  return false;
}

HouseholdSnapshot::HouseholdSnapshot(const FeatureStore& store,
                                     const ScreeningParameters& parameters, uint32_t household)
    : store_(store), parameters_(parameters), household_(household) {
  collect_members();
  if (members_.empty())
    return;
  bool urban = store_.households[household_].urban;
  standard_fen_ = urban ? parameters_.dibao_urban_fen : parameters_.dibao_rural_fen;
  disposable_fen_ = urban ? parameters_.disposable_urban_fen : parameters_.disposable_rural_fen;
  sum_income();
  sum_spending();
  collect_rejections();
  collect_categories();
  test_assets();
}

void HouseholdSnapshot::collect_members() {
  const Day d = parameters_.d;
  for (const MembershipRow& membership : store_.members.of(household_)) {
    if (membership.from > d || d >= membership.to)
      continue;
    if (membership.person >= store_.persons.size())
      continue;
    const PersonFacts& person = store_.persons[membership.person];
    if (!person.exists || person.death <= d)
      continue;
    bool seen = std::any_of(members_.begin(), members_.end(),
                            [&](const MemberView& m) { return m.person == membership.person; });
    if (seen)
      continue;
    MemberView member;
    member.person = membership.person;
    member.age = age_on(person.birth, d);
    auto certificates = store_.disability.of(member.person);
    auto upto = rows_between(certificates, std::numeric_limits<Day>::min(), d, date_of);
    if (!upto.empty())
      member.certificate = &upto.back();
    bool severe_certificate = member.certificate != nullptr && !member.certificate->revoked &&
                              member.certificate->grade <= 2;
    member.severe = severe_certificate || person.fully_disabled;
    member.working = member.age >= 16 && member.age <= 59 && !member.severe;
    member.dependent = member.age < 16 || member.age >= 70 || member.severe;
    working_ += member.working ? 1 : 0;
    dependents_ += member.dependent ? 1 : 0;
    severe_ += member.severe ? 1 : 0;
    members_.push_back(member);
  }
}

int64_t HouseholdSnapshot::members_income(int32_t first_month, int32_t last_month) const {
  int64_t total = 0;
  for (const MemberView& member : members_) {
    auto rows = store_.income.of(member.person);
    auto first = std::partition_point(rows.begin(), rows.end(),
                                      [&](const IncomeRow& r) { return r.month < first_month; });
    for (auto it = first; it != rows.end() && it->month <= last_month; ++it)
      total += it->fen;
  }
  return total;
}

void HouseholdSnapshot::sum_income() {
  income_12m_ = members_income(parameters_.month - 11, parameters_.month);
}

int64_t HouseholdSnapshot::members_selfpay_after(Day after) const {
  int64_t total = 0;
  for (const MemberView& member : members_)
    for (const MedicalRow& row :
         rows_between(store_.medical.of(member.person), after, parameters_.d, date_of))
      total += row.self_paid_fen;
  return total;
}

void HouseholdSnapshot::sum_spending() {
  const Day after = parameters_.d - kFeatureDays;
  medical_selfpay_12m_ = members_selfpay_after(after);
  for (const MemberView& member : members_) {
    auto rows = rows_between(store_.education.of(member.person), after, parameters_.d,
                             [](const EducationRow& r) { return r.start; });
    for (const EducationRow& row : rows)
      education_net_12m_ += std::max<int64_t>(row.net_fen, 0);
  }
}

void HouseholdSnapshot::collect_rejections() {
  const Day d = parameters_.d;
  const Day from =
      d - std::max(kRejectionDays, parameters_.rule(RuleId::kR11).thresholds.window_days);
  Day last_approval = std::numeric_limits<Day>::min();
  for (const MemberView& member : members_)
    for (const ApplicationRow& row : store_.applications.of(member.person))
      if (row.result == ApplicationResult::kApproved && row.decided <= d)
        last_approval = std::max(last_approval, row.decided);
  for (const MemberView& member : members_)
    for (const ApplicationRow& row : store_.applications.of(member.person))
      if (row.result == ApplicationResult::kRejected && row.decided > from && row.decided <= d &&
          last_approval <= row.decided)
        rejections_.push_back({row.decided, row.record_id});
  std::sort(rejections_.begin(), rejections_.end(),
            [](const OpenRejection& a, const OpenRejection& b) {
              return std::pair(a.decided, a.record_id) < std::pair(b.decided, b.record_id);
            });
}

void HouseholdSnapshot::collect_categories() {
  const Day d = parameters_.d;
  auto add_held = [&](std::span<const CategoryRow> rows) {
    for (const CategoryRow& row : rows)
      if (row.start <= d && d <= row.end)
        categories_.set(static_cast<size_t>(row.kind));
  };
  add_held(store_.household_categories.of(household_));
  for (const MemberView& member : members_)
    add_held(store_.categories.of(member.person));
  for (const OpenRejection& rejection : rejections_)
    if (rejection.decided > d - kRejectionDays)
      categories_.set(static_cast<size_t>(CategoryKind::kRejectedApplicant));
}

void HouseholdSnapshot::test_assets() {
  const Standards& standards = *parameters_.standards;
  int homes = 0;
  int64_t deposits = 0;
  for (const MemberView& member : members_) {
    for (const AssetRow& row : store_.assets.of(member.person)) {
      if (row.date > parameters_.d)
        break;
      if (row.revoked)
        continue;
      switch (row.type) {
        case AssetType::kVehicle:
          if (row.value_fen > standards.vehicle_exempt_value.fen())
            excluded_by_assets_ = true;
          break;
        case AssetType::kRealEstate:
          ++homes;
          break;
        case AssetType::kBusiness:
          excluded_by_assets_ = true;
          break;
        case AssetType::kDeposit:
          deposits += row.value_fen;
          break;
        case AssetType::kOther:
          break;
      }
    }
  }
  if (homes >= 2 || deposits > n() * standard_fen_ * standards.deposit_months)
    excluded_by_assets_ = true;
}

bool HouseholdSnapshot::holds_any(std::initializer_list<CategoryKind> kinds) const {
  return std::any_of(kinds.begin(), kinds.end(), [&](CategoryKind kind) { return holds(kind); });
}

bool HouseholdSnapshot::income_below(int multiple_bp) const {
  // income_12m / 12 / n < multiple × standard  ⇔  income_12m × 10000 < bp × standard × 12 × n
  return static_cast<__int128>(income_12m_) * 10000 <
         static_cast<__int128>(multiple_bp) * standard_fen_ * 12 * n();
}

}  // namespace faxian::screen
