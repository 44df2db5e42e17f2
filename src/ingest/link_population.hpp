#pragma once
// Keeps persons, households and dated memberships in step with the 户籍 feed. After a batch of
// `population` rows, each touched person's timeline is rebuilt from all their current rows
// (link_timeline.hpp) — so the result does not depend on the order files or rows arrive in —
// and then:
// * the person takes name, relation, ethnicity, hukou type and phone of their latest rows and
//   stops being `unregistered`; a 死亡注销 sets the date of death (the earlier of it and the
//   death feed);
// * each 户号 named is created if new (village and address of the first row naming it), and
//   moves to the village and address of its head's latest 新增/变更 row;
// * the person's memberships are replaced by the timeline's spans when they differ;
// * every household touched gets as head the open member whose relation is 户主 (the latest to
//   join if several; none if no such member).

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "ingest/link_death.hpp"
#include "ingest/link_persons.hpp"
#include "ingest/link_timeline.hpp"
#include "store/database.hpp"
#include "store/feed_record_repository.hpp"
#include "store/household_repository.hpp"
#include "store/membership_repository.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {

class PopulationLinker {
 public:
  PopulationLinker(Database& db, const Clock& clock);

  // Rebuilds what the current rows of the `touched` persons imply (see top of file): person by
  // person for a small batch, in one ordered pass over the feed for a large one. Errors are
  // the store's.
  // `fresh`: persons this batch created from one of its rows (their fields are that row's, so
  // a person with no other row needs no update).
  Result<void> apply(const PersonIdSet& touched, const PersonIdSet& fresh);
  // Every household whose memberships an apply() so far may have changed, including those a
  // person left (screening must look at them again).
  const std::set<int64_t>& changed_households() const { return changed_households_; }

 private:
  struct KnownHousehold {
    int64_t id = 0;
    std::string household_no;
    std::string village_code;
    std::string address;
    std::optional<int64_t> head;
  };
  struct HeadSighting {
    Date date{};
    std::string village_code;
    std::string address;
  };

  using StoredRows = std::vector<StoredRecord<PopulationRecord>>;
  Result<void> apply_one_by_one(const PersonIdSet& touched);
  Result<void> apply_in_one_pass(const PersonIdSet& touched);
  Result<void> apply_person(int64_t person_id, const StoredRows& records);
  Result<KnownHousehold*> household(const std::string& household_no,
                                    std::span<const HouseholdSighting> sightings);
  Result<KnownHousehold*> household_by_id(int64_t household_id);
  Result<void> replace_memberships(int64_t person_id, const PersonTimeline& timeline);
  Result<void> note_head_sightings(const PersonTimeline& timeline);
  Result<void> settle_household(int64_t household_id);
  Result<void> load_households();
  Result<void> flush_memberships();
  void note_open_members(std::span<const Membership> memberships);
  // The head among open members ordered by joining (`from`, then order added): the latest 户主.
  static std::optional<int64_t> head_of(std::span<const Membership> open);

  FeedRecordRepository<PopulationRecord> population_;
  PersonRepository persons_;
  HouseholdRepository households_;
  MembershipRepository memberships_;
  DeathLinker deaths_;
  std::unordered_map<int64_t, KnownHousehold> known_;  // by household id
  std::unordered_map<std::string, int64_t> id_of_;     // 户号 → household id
  std::unordered_map<int64_t, HeadSighting> head_sightings_;
  std::set<int64_t> touched_households_;
  std::set<int64_t> changed_households_;
  PersonIdSet with_memberships_;  // persons who had a membership before this apply
  // Memberships of persons who had none, written in batches (flush_memberships()).
  std::vector<Membership> new_memberships_;
  // Households created by this apply, with their open members in the order they were added:
  // their head is known without asking the store.
  std::unordered_map<int64_t, std::vector<Membership>> created_;
  std::vector<HouseholdRepository::HeadChange> head_changes_;  // written after settling
  int64_t household_lookups_ = 0;
  bool households_loaded_ = false;  // known_ holds every stored household
  const PersonIdSet* fresh_ = nullptr;
};

}  // namespace faxian::ingest
