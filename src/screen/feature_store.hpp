#pragma once
// The screening engine's memory (30-screening.md "Scale"): what the rules read of every person
// and household, compact and grouped by dense ids so that evaluating a household touches only
// its own slices. Persons and households are indexed by their store ids (which are dense);
// each feed's rows sit in one flat array grouped by person (offsets + rows, sorted by date
// within a person). Dates are day numbers, money is fen. The store stays the source of truth:
// a FeatureStore is loaded from it (feature_store_loader.hpp), whole or for some households.

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "domain/category.hpp"
#include "domain/feed_enums.hpp"
#include "domain/feed_kind.hpp"

namespace faxian::screen {

using Day = int32_t;                                            // Date::days_since_epoch()
inline constexpr Day kNoDay = std::numeric_limits<Day>::max();  // "never" (open end, alive)

struct IncomeRow {
  int32_t month = 0;  // Month::index()
  int64_t fen = 0;
  int64_t record_id = 0;
};
struct MedicalRow {
  Day date = 0;
  int64_t self_paid_fen = 0;  // signed: a reversal is negative
  int32_t code = 0;           // index into FeatureStore::diagnosis_codes
  int64_t record_id = 0;
};
struct EducationRow {
  Day start = 0;        // 1 September of the school year
  int64_t net_fen = 0;  // fees − aid (may be negative)
  EducationStage stage = EducationStage::kPrimary;
  int64_t record_id = 0;
};
struct EmploymentRow {
  Day date = 0;
  EmploymentEvent event = EmploymentEvent::kEmployed;
  int64_t record_id = 0;
};
struct DisabilityRow {
  Day date = 0;  // issue date; rows of one day keep store order (the later id decides)
  int8_t grade = 0;
  bool revoked = false;
  int64_t record_id = 0;
};
struct AssetRow {
  Day date = 0;
  AssetType type = AssetType::kOther;
  bool revoked = false;
  int64_t value_fen = 0;  // 0 when blank
  int64_t record_id = 0;
};
struct DisasterRow {
  Day date = 0;
  DisasterDamage damage = DisasterDamage::kOther;
  int64_t record_id = 0;
};
struct HotlineRow {
  Day date = 0;        // call date
  int32_t ticket = 0;  // interned 工单号: tickets are counted by number
  int64_t record_id = 0;
};
struct ApplicationRow {
  Day decided = 0;  // result date, else the apply date
  ApplicationResult result = ApplicationResult::kPending;
  ApplicationType type = ApplicationType::kDibao;
  int64_t record_id = 0;
};
struct CategoryRow {
  Day start = 0;
  Day end = kNoDay;  // inclusive; kNoDay = open
  CategoryKind kind = CategoryKind::kDibao;
  int64_t category_id = 0;
};
struct DeathRecordRow {
  Day date = 0;
  FeedKind feed = FeedKind::kDeath;  // the death feed, or a population 死亡注销 row
  int64_t record_id = 0;
};
struct MembershipRow {
  uint32_t person = 0;
  Day from = 0;
  Day to = kNoDay;  // exclusive
};

// Rows of one kind grouped by owner index: rows of owner i are rows[offsets[i], offsets[i+1]).
template <typename Row>
struct Grouped {
  std::vector<uint32_t> offsets{0};
  std::vector<Row> rows;

  std::span<const Row> of(uint32_t owner) const {
    if (owner + 1 >= offsets.size())
      return {};
    return {rows.data() + offsets[owner], rows.data() + offsets[owner + 1]};
  }
  size_t owners() const { return offsets.size() - 1; }
};

struct PersonFacts {
  Day birth = 0;
  Day death = kNoDay;
  bool exists = false;
  bool fully_disabled = false;  // 失能 (self-care recorded by the workflow)
  bool serious_status = false;  // health status 重大疾病 (workflow)
};

struct HouseholdFacts {
  std::string household_no;
  bool exists = false;
  bool urban = false;
  int32_t township = -1;  // index into FeatureStore::townships
};

// The numbers a FeatureStore files persons and households under. A full load uses the database
// ids themselves; a load of a few households numbers their persons and households 0, 1, … in id
// order, so that screening one household does not allocate arrays for the whole county.
struct StoreNumbering {
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

  // Ascending database ids of the numbered rows; empty = the numbers are the ids.
  std::vector<int64_t> ids;

  bool compact() const { return !ids.empty(); }
  uint32_t number_of(int64_t id) const;  // kAbsent when the row was not loaded
  int64_t id_of(uint32_t number) const { return compact() ? ids[number] : number; }
};

struct FeatureStore {
  std::vector<PersonFacts> persons;        // by person number (StoreNumbering)
  std::vector<HouseholdFacts> households;  // by household number
  StoreNumbering person_numbers;
  StoreNumbering household_numbers;
  std::vector<std::string> townships;  // township region codes

  Grouped<MembershipRow> members;             // by household: every membership, past ones too
  Grouped<CategoryRow> household_categories;  // categories held by a household itself
  Grouped<CategoryRow> categories;            // by person
  Grouped<IncomeRow> income;                  // by person, by month
  Grouped<MedicalRow> medical;
  Grouped<EducationRow> education;
  Grouped<EmploymentRow> employment;
  Grouped<DisabilityRow> disability;
  Grouped<AssetRow> assets;
  Grouped<DisasterRow> disaster;
  Grouped<HotlineRow> hotline;
  Grouped<ApplicationRow> applications;
  Grouped<DeathRecordRow> death_records;  // the records a death date comes from

  std::vector<std::string> diagnosis_codes;  // interned ICD-10 codes of `medical`

  // Households with at least one membership row (the candidates for screening).
  std::vector<uint32_t> screenable_households() const;
  size_t memory_bytes() const;
};

}  // namespace faxian::screen
