#pragma once
// Which households are due or overdue for a routine visit as of a date (40-workflow.md
// "Visits": overdue visits show on the dashboard), and the routine_visit tasks for them.
//
// A household is in the plan when it matches an enabled VisitRule on the date (categories held
// by it or by a member then; member conditions of living members: health serious_illness, a
// disability grade, employment no_work_capacity; 高龄独居: its only living member is 80 or
// older). Its interval is the shortest among the rules it matches. Next visit due:
// * after a recorded visit (any visit on or before the date, routine, campaign or ad hoc):
//   the last visit date + interval calendar months (day clamped to the month's end);
// * never visited: for each matched rule, the day the household entered that group + the
//   rule's interval, the earliest of these — entering a category group is the category's start
//   date; a member condition, the earliest low-income category start when the rule is limited
//   to low-income households, else the member's joining date; 高龄独居, the later of the 80th
//   birthday and the member's joining date.
// State on date D: overdue when due < D, due when D ≤ due ≤ D + due_within_days, else not due.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/visit_plan.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow {

enum class VisitDueState : uint8_t { kNotDue, kDue, kOverdue };

struct RoutineVisitStatus {
  int64_t household_id = 0;
  std::string household_no;
  std::string village_code;
  std::string township_code;
  std::vector<VisitTarget> targets;  // the rules it matches, in enum order
  int interval_months = 0;
  std::optional<Date> last_visit{};
  Date due_on{};
  VisitDueState state = VisitDueState::kNotDue;
  int days_overdue = 0;  // calendar days past due_on (0 unless overdue)

  bool operator==(const RoutineVisitStatus&) const = default;
};

struct RoutineVisitQuery {
  Date as_of{};
  std::string region_prefix{};  // 6, 9 or 12 digits
  int due_within_days = 0;      // how far ahead "due" looks
  bool include_not_due = false;
};

// The plan's households under the prefix with their state, most overdue first (due date, then
// 户号). Without include_not_due only due and overdue households are returned.
// kInvalidArgument for a bad prefix or a negative due_within_days.
Result<std::vector<RoutineVisitStatus>> routine_visit_statuses(Database& db,
                                                               std::span<const VisitRule> rules,
                                                               const RoutineVisitQuery& query);

// Only the overdue households as of `as_of` (the dashboard list).
Result<std::vector<RoutineVisitStatus>> overdue_routine_visits(Database& db,
                                                               std::span<const VisitRule> rules,
                                                               Date as_of,
                                                               std::string_view region_prefix);

// Creates a routine_visit task (due on the household's due date) for every due or overdue
// household under the prefix that has no open routine_visit task; one transaction. Returns the
// number created.
Result<int64_t> create_routine_visit_tasks(Database& db, const Clock& clock, const Actor& actor,
                                           std::span<const VisitRule> rules,
                                           const RoutineVisitQuery& query);

// Due and overdue households per township (for the dashboard), by township code.
struct RoutineVisitTownship {
  std::string township_code;
  int64_t due = 0;
  int64_t overdue = 0;

  bool operator==(const RoutineVisitTownship&) const = default;
};
std::vector<RoutineVisitTownship> routine_visits_by_township(
    std::span<const RoutineVisitStatus> statuses);

// `date` plus `months` calendar months, the day clamped to the target month's length.
Date add_months(Date date, int months);

}  // namespace faxian::workflow
