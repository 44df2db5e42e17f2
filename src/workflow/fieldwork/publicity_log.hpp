#pragma once
// 宣传台账 (40-workflow.md "Supervision and publicity"): the publicity activities townships and
// villages hold — date, village (or township), type, audience size — recorded and listed for
// the monthly report.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/fieldwork_enums.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow {

struct PublicityActivity {
  int64_t id = 0;
  Date held_on{};
  std::string region_code;  // a village, or a township for a township-wide activity
  std::string region_name;  // filled when read
  PublicityType type = PublicityType::kMeeting;
  std::string topic;
  int64_t audience_size = 0;
  std::string notes;
  std::string recorded_by;  // filled from the actor

  bool operator==(const PublicityActivity&) const = default;
};

struct PublicityQuery {
  std::string region_prefix{};  // 6, 9 or 12 digits
  std::optional<Date> from{};
  std::optional<Date> to{};
  int64_t limit = 500;
  int64_t offset = 0;
};

// Totals of the activities a query selects.
struct PublicitySummary {
  int64_t activities = 0;
  int64_t audience = 0;
};

class PublicityLog {
 public:
  PublicityLog(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Stores an activity; returns its id. kInvalidArgument for an unknown region or a county
  // code, a negative audience or a date after today; kNotFound for a region outside the
  // actor's area.
  Result<int64_t> record(const Actor& actor, const PublicityActivity& activity);
  // Newest first (held_on, then id). kInvalidArgument for a bad prefix.
  Result<std::vector<PublicityActivity>> list(const PublicityQuery& query);
  // Count and audience of every activity the query selects (limit and offset ignored).
  Result<PublicitySummary> summary(const PublicityQuery& query);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
