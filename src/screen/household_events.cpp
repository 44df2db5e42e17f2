#include "screen/household_events.hpp"

#include <algorithm>

namespace faxian::screen {
namespace {

auto date_of = [](const auto& row) { return row.date; };

bool is_job_loss(EmploymentEvent event) {
  return event == EmploymentEvent::kUnemployed || event == EmploymentEvent::kContributionStopped;
}

}  // namespace

std::vector<JobLoss> job_losses(const HouseholdSnapshot& household, Day after) {
  const Day d = household.parameters().d;
  std::vector<JobLoss> losses;
  for (const MemberView& member : household.members()) {
    if (!member.working)
      continue;
    auto rows = household.store().employment.of(member.person);
    auto upto = rows_between(rows, std::numeric_limits<Day>::min(), d, date_of);
    for (const EmploymentRow& row : upto) {
      if (row.date <= after || !is_job_loss(row.event))
        continue;
      bool reemployed = std::any_of(upto.begin(), upto.end(), [&](const EmploymentRow& later) {
        return later.event == EmploymentEvent::kEmployed && later.date > row.date;
      });
      if (!reemployed)
        losses.push_back({member.person, &row});
    }
  }
  std::sort(losses.begin(), losses.end(), [](const JobLoss& a, const JobLoss& b) {
    return std::pair(a.row->date, a.row->record_id) < std::pair(b.row->date, b.row->record_id);
  });
  return losses;
}

std::vector<Death> deaths(const HouseholdSnapshot& household, Day after) {
  const FeatureStore& store = household.store();
  const Day d = household.parameters().d;
  std::vector<Death> found;
  for (const MembershipRow& membership : store.members.of(household.household())) {
    if (membership.person >= store.persons.size())
      continue;
    const PersonFacts& person = store.persons[membership.person];
    Day death = person.death;
    if (!person.exists || death == kNoDay || death <= after || death > d)
      continue;
    // A member when they died: the membership was open that day, or their 死亡注销 closed it.
    if (membership.from > death || death > membership.to)
      continue;
    bool seen = std::any_of(found.begin(), found.end(),
                            [&](const Death& x) { return x.person == membership.person; });
    if (!seen)
      found.push_back({membership.person, death, age_on(person.birth, death)});
  }
  std::sort(found.begin(), found.end(), [](const Death& a, const Death& b) {
    return std::pair(a.date, a.person) < std::pair(b.date, b.person);
  });
  return found;
}

std::vector<uint32_t> members_on(const HouseholdSnapshot& h, Day day, uint32_t also) {
  const FeatureStore& store = h.store();
  std::vector<uint32_t> persons;
  for (const MembershipRow& m : store.members.of(h.household())) {
    bool open = m.from <= day && (day < m.to || (m.person == also && day == m.to));
    if (!open || m.person >= store.persons.size())
      continue;
    const PersonFacts& person = store.persons[m.person];
    if (!person.exists || (person.death <= day && m.person != also))
      continue;
    if (std::find(persons.begin(), persons.end(), m.person) == persons.end())
      persons.push_back(m.person);
  }
  return persons;
}

int64_t income_of(const FeatureStore& store, std::span<const uint32_t> persons, Day day) {
  const int32_t last = Month::of(Date::from_days(day)).index();
  int64_t total = 0;
  for (uint32_t person : persons)
    for (const IncomeRow& row : store.income.of(person))
      if (row.month >= last - 11 && row.month <= last)
        total += row.fen;
  return total;
}

Evidence death_evidence(const HouseholdSnapshot& household, const Death& death) {
  Evidence item;
  item.feed = FeedKind::kDeath;
  item.date = Date::from_days(death.date);
  auto records = household.store().death_records.of(death.person);
  if (!records.empty()) {
    item.feed = records.front().feed;
    item.record_id = records.front().record_id;
  }
  return item;
}

bool is_red_damage(DisasterDamage damage) {
  return damage == DisasterDamage::kHouseCollapsed || damage == DisasterDamage::kCasualty;
}

std::vector<DisasterHit> disasters(const HouseholdSnapshot& household, Day after) {
  std::vector<DisasterHit> hits;
  for (const MemberView& member : household.members()) {
    auto rows = rows_between(household.store().disaster.of(member.person), after,
                             household.parameters().d, date_of);
    for (const DisasterRow& row : rows) {
      switch (row.damage) {
        case DisasterDamage::kHouseCollapsed:
        case DisasterDamage::kHouseSevere:
        case DisasterDamage::kCropTotalLoss:
        case DisasterDamage::kCasualty:
          hits.push_back({member.person, &row});
          break;
        default:
          break;
      }
    }
  }
  return hits;
}

std::vector<const MedicalRow*> medical_rows_after(const HouseholdSnapshot& household, Day after) {
  std::vector<const MedicalRow*> rows;
  for (const MemberView& member : household.members())
    for (const MedicalRow& row : rows_between(household.store().medical.of(member.person), after,
                                              household.parameters().d, date_of))
      rows.push_back(&row);
  return rows;
}

}  // namespace faxian::screen
