#include "workflow/assistance/eligibility_sources.hpp"

#include <algorithm>
#include <limits>

#include "screen/rule_text.hpp"

namespace faxian::workflow::eligibility_detail {
namespace {

using screen::Day;
using screen::FeatureStore;

constexpr Day kFeatureDays = 365;  // the snapshot's medical and education window

// `person` is the store's number for the person (screen::StoreNumbering); records name the id.
SourceRecord record(const FeatureStore& store, FeedKind feed, int64_t record_id, uint32_t person,
                    Day date, int64_t fen) {
  return SourceRecord{feed, record_id, store.person_numbers.id_of(person), Date::from_days(date),
                      Money::from_fen(fen)};
}

void sort_by_date(std::vector<SourceRecord>& records) {
  std::sort(records.begin(), records.end(), [](const SourceRecord& a, const SourceRecord& b) {
    return std::pair(a.date, a.record_id) < std::pair(b.date, b.record_id);
  });
}

bool is_current_member(const screen::HouseholdSnapshot& snapshot, uint32_t person) {
  const auto members = snapshot.members();
  return std::any_of(members.begin(), members.end(),
                     [&](const screen::MemberView& m) { return m.person == person; });
}

// Severe on `day` by the certificate in force then (grade 1–2, not revoked) or 失能.
bool severe_on(const FeatureStore& store, uint32_t person, Day day) {
  if (store.persons[person].fully_disabled)
    return true;
  auto certificates =
      screen::rows_between(store.disability.of(person), std::numeric_limits<Day>::min(), day,
                           [](const screen::DisabilityRow& r) { return r.date; });
  return !certificates.empty() && !certificates.back().revoked && certificates.back().grade <= 2;
}

}  // namespace

std::vector<MemberFigure> list_members(const screen::HouseholdSnapshot& snapshot) {
  std::vector<MemberFigure> members;
  for (const screen::MemberView& member : snapshot.members()) {
    MemberFigure figure{snapshot.store().person_numbers.id_of(member.person), member.age,
                        member.working, member.severe, std::nullopt};
    if (member.certificate != nullptr && !member.certificate->revoked)
      figure.disability_grade = member.certificate->grade;
    members.push_back(figure);
  }
  std::sort(members.begin(), members.end(),
            [](const MemberFigure& a, const MemberFigure& b) { return a.person_id < b.person_id; });
  return members;
}

std::vector<SourceRecord> list_income(const screen::HouseholdSnapshot& snapshot) {
  const int32_t last = snapshot.parameters().month;
  std::vector<SourceRecord> records;
  for (const screen::MemberView& member : snapshot.members())
    for (const screen::IncomeRow& row : snapshot.store().income.of(member.person))
      if (row.month >= last - 11 && row.month <= last)
        records.push_back(record(snapshot.store(), FeedKind::kIncome, row.record_id, member.person,
                                 screen::month_first_day(row.month), row.fen));
  sort_by_date(records);
  return records;
}

std::vector<SourceRecord> list_medical(const screen::HouseholdSnapshot& snapshot) {
  const Day d = snapshot.parameters().d;
  std::vector<SourceRecord> records;
  for (const screen::MemberView& member : snapshot.members())
    for (const screen::MedicalRow& row :
         screen::rows_between(snapshot.store().medical.of(member.person), d - kFeatureDays, d,
                              [](const screen::MedicalRow& r) { return r.date; }))
      records.push_back(record(snapshot.store(), FeedKind::kMedical, row.record_id, member.person,
                               row.date, row.self_paid_fen));
  sort_by_date(records);
  return records;
}

std::vector<SourceRecord> list_education(const screen::HouseholdSnapshot& snapshot) {
  const Day d = snapshot.parameters().d;
  std::vector<SourceRecord> records;
  for (const screen::MemberView& member : snapshot.members())
    for (const screen::EducationRow& row :
         screen::rows_between(snapshot.store().education.of(member.person), d - kFeatureDays, d,
                              [](const screen::EducationRow& r) { return r.start; }))
      records.push_back(record(snapshot.store(), FeedKind::kEducation, row.record_id, member.person,
                               row.start, std::max<int64_t>(row.net_fen, 0)));
  sort_by_date(records);
  return records;
}

void list_assets(const screen::HouseholdSnapshot& snapshot, EligibilityCheck& check) {
  const Standards& standards = *snapshot.parameters().standards;
  int64_t deposits = 0;
  for (const screen::MemberView& member : snapshot.members()) {
    for (const screen::AssetRow& row : snapshot.store().assets.of(member.person)) {
      if (row.date > snapshot.parameters().d)
        break;
      if (row.revoked)
        continue;
      AssetFinding finding{record(snapshot.store(), FeedKind::kAssets, row.record_id, member.person,
                                  row.date, row.value_fen),
                           row.type, false};
      if (row.type == AssetType::kVehicle)
        finding.fails = row.value_fen > standards.vehicle_exempt_value.fen();
      if (row.type == AssetType::kBusiness)
        finding.fails = true;
      if (row.type == AssetType::kRealEstate)
        ++check.dwellings;
      if (row.type == AssetType::kDeposit)
        deposits += row.value_fen;
      check.assets.push_back(finding);
    }
  }
  check.deposits_total = Money::from_fen(deposits);
  check.deposit_limit =
      Money::from_fen(snapshot.n() * snapshot.standard_fen() * standards.deposit_months);
  check.vehicle_exempt_value = standards.vehicle_exempt_value;
}

std::vector<SourceRecord> list_serious_illness(const screen::HouseholdSnapshot& snapshot,
                                               bool* status) {
  const auto& parameters = snapshot.parameters();
  const Day after = parameters.d - parameters.rule(RuleId::kR09).thresholds.window_days;
  std::vector<SourceRecord> records;
  for (const screen::MemberView& member : snapshot.members()) {
    *status = *status || snapshot.store().persons[member.person].serious_status;
    for (const screen::MedicalRow& row :
         screen::rows_between(snapshot.store().medical.of(member.person), after, parameters.d,
                              [](const screen::MedicalRow& r) { return r.date; }))
      if (parameters.serious_code[row.code])
        records.push_back(record(snapshot.store(), FeedKind::kMedical, row.record_id, member.person,
                                 row.date, row.self_paid_fen));
  }
  sort_by_date(records);
  return records;
}

std::vector<SupporterCandidate> find_supporters(const screen::HouseholdSnapshot& snapshot) {
  const FeatureStore& store = snapshot.store();
  const Day d = snapshot.parameters().d;
  std::vector<SupporterCandidate> candidates;
  for (const screen::MembershipRow& membership : store.members.of(snapshot.household())) {
    const uint32_t person = membership.person;
    if (membership.to > d || person >= store.persons.size() || !store.persons[person].exists)
      continue;  // still a member (or joining later): not a former member
    if (is_current_member(snapshot, person) || store.persons[person].death <= d)
      continue;
    const int age = screen::age_on(store.persons[person].birth, d);
    if (age < 18 || age > 59 || severe_on(store, person, d))
      continue;
    const int64_t person_id = store.person_numbers.id_of(person);
    bool seen = std::any_of(candidates.begin(), candidates.end(),
                            [&](const SupporterCandidate& c) { return c.person_id == person_id; });
    if (!seen)
      candidates.push_back({person_id, age, Date::from_days(membership.to)});
  }
  return candidates;
}

}  // namespace faxian::workflow::eligibility_detail
