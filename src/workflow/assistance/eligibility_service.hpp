#pragma once
// Runs the eligibility check of a household from the store (the rule set and standards in
// force, the household's slice of the screening feature store) and keeps each check shown to an
// officer as a stored snapshot (eligibility_checks), so a decision can always be traced to the
// figures it was made on, even after the data changed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/assistance/eligibility_check.hpp"

namespace faxian::workflow {

struct StoredEligibilityCheck {
  int64_t id = 0;
  std::optional<int64_t> application_id{};
  int64_t household_id = 0;
  Programme programme = Programme::kDibao;
  Date as_of{};
  Recommendation recommendation = Recommendation::kManualReview;
  std::string figures{};  // JSON (eligibility_to_json)
  int standards_version = 0;
  int rule_set_version = 0;
  std::string computed_by{};
  int64_t computed_at = 0;
};

class EligibilityService {
 public:
  EligibilityService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The check of `household_id` as of `as_of`. kNotFound for an unknown household;
  // kUnavailable when rules or standards are not loaded, no standard covers the date, or the
  // household has no member on that date.
  Result<EligibilityCheck> compute(int64_t household_id, Date as_of);
  // Stores the snapshot of `check` judged for `programme`, tied to an application when given;
  // returns its id. Runs inside the caller's transaction when there is one.
  Result<int64_t> store(const EligibilityCheck& check, std::optional<int64_t> application_id,
                        Programme programme, std::string_view computed_by);
  Result<std::optional<StoredEligibilityCheck>> find(int64_t id);
  // Oldest first.
  Result<std::vector<StoredEligibilityCheck>> for_application(int64_t application_id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
