#pragma once
// Storage of visits (tables visits, visit_answers, visit_needs of migration 10). Plain rows: the
// rules (checklists, leads, tasks) live in visit_service.hpp and campaign_service.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/visit.hpp"

namespace faxian::workflow {

struct VisitQuery {
  std::optional<int64_t> household_id{};
  std::optional<int64_t> campaign_id{};
  std::string region_prefix{};  // "" for every region; otherwise 6, 9 or 12 digits
  std::optional<Date> from{};   // visited_on ≥ from
  std::optional<Date> to{};     // visited_on ≤ to
  int64_t limit = 500;
  int64_t offset = 0;
};

// Where a household lives, as a visit records it.
struct HouseholdPlace {
  std::string household_no;
  std::string village_code;
  std::string township_code;
};

class VisitRepository {
 public:
  VisitRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Stores `visit` with its answers and needs (id, lead_no and created_at are ignored); returns
  // the id. REQUIRES: the caller holds a transaction (three tables are written).
  Result<int64_t> insert(const Visit& visit);
  // Links the lead a visit opened.
  Result<void> set_lead(int64_t visit_id, int64_t lead_id);
  Result<std::optional<Visit>> find(int64_t id);
  // Newest first (visited_on, then id). kInvalidArgument for a bad region prefix.
  Result<std::vector<Visit>> list(const VisitQuery& query);
  // The household's number, village and township; kNotFound for an unknown household.
  Result<HouseholdPlace> place_of(int64_t household_id);

 private:
  Result<void> load_details(Visit& visit);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
