#pragma once
// A person's life in the 户籍 feed, read from all their current `population` rows
// (30-screening.md "Precise readings"): a member from a 新增 date (inclusive) until a 迁出 or
// 死亡注销 date (exclusive); a 变更 (or 新增) naming another 户号 moves them; on one date leaving
// is applied before joining. Pure: no store access, so the readings are unit-tested alone.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/feed_records.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {

// One stretch of membership in one household.
struct TimelineSpan {
  std::string household_no{};
  Date from{};
  std::optional<Date> to{};              // exclusive; open while still a member
  Relation relation = Relation::kOther;  // the latest row's relation while in the household

  bool operator==(const TimelineSpan&) const = default;
};

// Where a 新增/变更 row says a household lives.
struct HouseholdSighting {
  std::string household_no{};
  std::string village_code{};
  std::string address{};
  Date date{};
  bool by_head = false;  // the row's relation is 户主
};

struct PersonTimeline {
  std::vector<TimelineSpan> spans;  // in time order, never overlapping, never empty
  // The person as the latest rows describe them (each optional field: the latest row that
  // has it); nullopt when there are no rows.
  std::optional<PersonRegistration> registration;
  std::optional<Date> death_cancelled;       // the earliest 死亡注销 date
  std::vector<HouseholdSighting> sightings;  // of every 新增/变更 row, in time order
};

// A row in the order the timeline applies them: by date, leaving before joining, then by
// `sequence` (the store id: the order rows arrived in).
struct TimelineRow {
  const PopulationRecord* record = nullptr;
  int64_t sequence = 0;
};

// Builds the timeline from a person's rows (any order).
PersonTimeline build_person_timeline(std::vector<TimelineRow> rows);

}  // namespace faxian::ingest
