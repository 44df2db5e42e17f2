#include "ingest/link_population.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace faxian::ingest {
namespace {

// Stored 户号 looked up one by one before all households are read at once.
constexpr int64_t kLookupsBeforeLoad = 2000;
// New memberships are written this many at a time.
constexpr std::size_t kMembershipsPerWrite = 4096;

bool same_memberships(std::span<const Membership> stored, std::span<const Membership> wanted) {
  if (stored.size() != wanted.size())
    return false;
  for (std::size_t index = 0; index < stored.size(); ++index) {
    Membership left = stored[index];
    left.id = 0;
    if (!(left == wanted[index]))
      return false;
  }
  return true;
}

}  // namespace

PopulationLinker::PopulationLinker(Database& db, const Clock& clock)
    : population_(db, clock),
      persons_(db, clock),
      households_(db, clock),
      memberships_(db),
      deaths_(db, clock) {}

Result<void> PopulationLinker::apply(const PersonIdSet& touched, const PersonIdSet& fresh) {
  if (touched.empty())
    return ok();
  fresh_ = &fresh;
  with_memberships_ = PersonIdSet();
  FAXIAN_TRY(memberships_.for_each_member_id([&](int64_t id) { with_memberships_.insert(id); }));
  auto rows = population_.count_current();
  if (!rows)
    return tl::unexpected(rows.error());
  // One ordered pass reads every row; one query per person reads only theirs.
  const bool one_pass = touched.size() * 8 > *rows;
  FAXIAN_TRY(one_pass ? apply_in_one_pass(touched) : apply_one_by_one(touched));
  FAXIAN_TRY(flush_memberships());
  for (int64_t household_id : touched_households_) {
    FAXIAN_TRY(settle_household(household_id));
    changed_households_.insert(household_id);
  }
  FAXIAN_TRY(households_.set_heads(head_changes_));
  head_changes_.clear();
  touched_households_.clear();
  head_sightings_.clear();
  created_.clear();
  return ok();
}

Result<void> PopulationLinker::flush_memberships() {
  FAXIAN_TRY(memberships_.add_all(new_memberships_));
  new_memberships_.clear();
  return ok();
}

void PopulationLinker::note_open_members(std::span<const Membership> memberships) {
  for (const Membership& membership : memberships) {
    if (membership.to)
      continue;
    if (auto created = created_.find(membership.household_id); created != created_.end())
      created->second.push_back(membership);
  }
}

std::optional<int64_t> PopulationLinker::head_of(std::span<const Membership> open) {
  std::vector<const Membership*> ordered;
  for (const Membership& membership : open)
    ordered.push_back(&membership);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Membership* a, const Membership* b) { return a->from < b->from; });
  std::optional<int64_t> head;
  for (const Membership* membership : ordered) {
    if (membership->relation == Relation::kHead)
      head = membership->person_id;  // the latest to join wins
  }
  return head;
}

// After many 户号 the store had to be asked for, every stored household is read at once.
Result<void> PopulationLinker::load_households() {
  auto all = households_.list_all();
  if (!all)
    return tl::unexpected(all.error());
  for (Household& stored : *all) {
    if (id_of_.contains(stored.household_no))
      continue;
    id_of_.emplace(stored.household_no, stored.id);
    known_.emplace(stored.id, KnownHousehold{stored.id, stored.household_no, stored.village_code,
                                             stored.address, stored.head_person_id});
  }
  households_loaded_ = true;
  return ok();
}

Result<void> PopulationLinker::apply_one_by_one(const PersonIdSet& touched) {
  for (int64_t person_id : touched.ids()) {
    auto records = population_.list_by_person(person_id, earliest_date(), latest_date());
    if (!records)
      return tl::unexpected(records.error());
    FAXIAN_TRY(apply_person(person_id, *records));
  }
  return ok();
}

Result<void> PopulationLinker::apply_in_one_pass(const PersonIdSet& touched) {
  StoredRows rows;
  int64_t person_id = 0;
  FAXIAN_TRY(population_.for_each_current_by_person(
      [&](const StoredRecord<PopulationRecord>& stored) -> Result<void> {
        const int64_t owner = stored.meta.person_id.value_or(0);
        if (owner != person_id) {
          if (!rows.empty())
            FAXIAN_TRY(apply_person(person_id, rows));
          rows.clear();
          person_id = owner;
        }
        if (touched.contains(owner))
          rows.push_back(stored);
        return ok();
      }));
  if (!rows.empty())
    FAXIAN_TRY(apply_person(person_id, rows));
  return ok();
}

Result<void> PopulationLinker::apply_person(int64_t person_id, const StoredRows& records) {
  std::vector<TimelineRow> rows;
  rows.reserve(records.size());
  for (const auto& stored : records)
    rows.push_back({&stored.record, stored.meta.id});
  const PersonTimeline timeline = build_person_timeline(std::move(rows));
  if (!timeline.registration)
    return ok();
  const bool as_created =
      records.size() == 1 && !records[0].meta.supersedes_id && fresh_->contains(person_id);
  if (!as_created)
    FAXIAN_TRY(persons_.set_registration(person_id, *timeline.registration));
  FAXIAN_TRY(replace_memberships(person_id, timeline));
  FAXIAN_TRY(note_head_sightings(timeline));
  if (timeline.death_cancelled)
    FAXIAN_TRY(deaths_.apply(person_id, timeline.death_cancelled));
  return ok();
}

Result<PopulationLinker::KnownHousehold*> PopulationLinker::household(
    const std::string& household_no, std::span<const HouseholdSighting> sightings) {
  if (auto id = id_of_.find(household_no); id != id_of_.end())
    return &known_.at(id->second);
  std::optional<Household> stored;
  if (!households_loaded_ && ++household_lookups_ > kLookupsBeforeLoad) {
    FAXIAN_TRY(load_households());
    if (auto id = id_of_.find(household_no); id != id_of_.end())
      return &known_.at(id->second);
  } else if (!households_loaded_) {
    FAXIAN_TRY_ASSIGN(stored, households_.find_by_number(household_no));
  }
  KnownHousehold known;
  if (stored) {
    known = {stored->id, household_no, stored->village_code, stored->address,
             stored->head_person_id};
  } else {
    auto first = std::find_if(sightings.begin(), sightings.end(), [&](const HouseholdSighting& s) {
      return s.household_no == household_no;
    });
    if (first == sightings.end()) {
      return fail(ErrorCode::kInternal, "数据库内部错误",
                  "a household without a row that names it");
    }
    auto id = households_.insert({.household_no = household_no,
                                  .village_code = first->village_code,
                                  .address = first->address});
    if (!id)
      return tl::unexpected(id.error());
    known = {*id, household_no, first->village_code, first->address, std::nullopt};
    created_.emplace(*id, std::vector<Membership>());
  }
  id_of_.emplace(household_no, known.id);
  const int64_t id = known.id;
  return &known_.insert_or_assign(id, std::move(known)).first->second;
}

Result<PopulationLinker::KnownHousehold*> PopulationLinker::household_by_id(int64_t household_id) {
  if (auto known = known_.find(household_id); known != known_.end())
    return &known->second;
  auto stored = households_.find(household_id);
  if (!stored)
    return tl::unexpected(stored.error());
  if (!*stored) {
    return fail(ErrorCode::kCorrupt, "数据库数据不一致",
                fmt::format("membership names missing household {}", household_id));
  }
  id_of_.emplace((*stored)->household_no, household_id);
  KnownHousehold known{household_id, (*stored)->household_no, (*stored)->village_code,
                       (*stored)->address, (*stored)->head_person_id};
  return &known_.emplace(household_id, std::move(known)).first->second;
}

Result<void> PopulationLinker::replace_memberships(int64_t person_id,
                                                   const PersonTimeline& timeline) {
  std::vector<Membership> wanted;
  wanted.reserve(timeline.spans.size());
  for (const TimelineSpan& span : timeline.spans) {
    auto known = household(span.household_no, timeline.sightings);
    if (!known)
      return tl::unexpected(known.error());
    wanted.push_back({.household_id = (*known)->id,
                      .person_id = person_id,
                      .from = span.from,
                      .to = span.to,
                      .relation = span.relation});
    touched_households_.insert((*known)->id);
  }
  note_open_members(wanted);
  if (!with_memberships_.contains(person_id)) {
    new_memberships_.insert(new_memberships_.end(), wanted.begin(), wanted.end());
    if (new_memberships_.size() >= kMembershipsPerWrite)
      FAXIAN_TRY(flush_memberships());
    return ok();
  }
  auto stored = memberships_.for_person(person_id);
  if (!stored)
    return tl::unexpected(stored.error());
  if (same_memberships(*stored, wanted))
    return ok();
  // A household the person leaves entirely must find its head again.
  for (const Membership& membership : *stored)
    touched_households_.insert(membership.household_id);
  FAXIAN_TRY(flush_memberships());  // ids stay in the order memberships were added
  return memberships_.replace_for_person(person_id, wanted);
}

Result<void> PopulationLinker::note_head_sightings(const PersonTimeline& timeline) {
  for (const HouseholdSighting& sighting : timeline.sightings) {
    if (!sighting.by_head)
      continue;
    auto known = household(sighting.household_no, timeline.sightings);
    if (!known)
      return tl::unexpected(known.error());
    auto [entry, inserted] = head_sightings_.try_emplace((*known)->id);
    if (inserted || entry->second.date <= sighting.date)
      entry->second = {sighting.date, sighting.village_code, sighting.address};
  }
  return ok();
}

Result<void> PopulationLinker::settle_household(int64_t household_id) {
  auto found = household_by_id(household_id);
  if (!found)
    return tl::unexpected(found.error());
  KnownHousehold& known = **found;
  if (auto sighting = head_sightings_.find(household_id); sighting != head_sightings_.end()) {
    const HeadSighting& latest = sighting->second;
    if (latest.village_code != known.village_code || latest.address != known.address) {
      FAXIAN_TRY(households_.set_location(known.id, latest.village_code, latest.address));
      known.village_code = latest.village_code;
      known.address = latest.address;
    }
  }
  std::optional<int64_t> head;
  if (auto created = created_.find(known.id); created != created_.end()) {
    head = head_of(created->second);  // every member it has came in this apply
  } else {
    auto open = memberships_.open_in_household(known.id);
    if (!open)
      return tl::unexpected(open.error());
    head = head_of(*open);
  }
  if (head == known.head)
    return ok();
  head_changes_.push_back({known.id, head});
  known.head = head;
  return ok();
}

}  // namespace faxian::ingest
