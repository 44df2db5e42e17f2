#pragma once
// 督导: the overdue list (40-workflow.md "Deadlines": overdue items are flagged and count against
// the township). A state on the query's as_of day, not a count over the period (from and to are
// not used):
// * a lead is overdue when it is not closed, not merged, and a deadline passed (due < as_of)
//   without its step: first contact not recorded by first_contact_due, or verification not
//   finished by verification_due. One row per lead, naming the earlier missed step;
// * a task is overdue when it is open and its due date is before as_of (campaign and routine
//   visits, follow-ups, paperwork, callbacks).
// days_overdue counts calendar days from the due date to as_of; working_days_overdue the working
// days in (due, as_of] (absent when the calendar of a year in between is missing).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/supervision/supervision_query.hpp"

namespace faxian::workflow {

struct OverdueLead {
  int64_t lead_id = 0;
  std::string lead_no;
  std::string township_code;
  std::string village_code;  // "" when the lead has none
  std::string level;         // red | orange | yellow
  std::string status;        // lead status key
  std::string step;          // "first_contact" | "verification"
  Date due_on{};
  int days_overdue = 0;
  std::optional<int> working_days_overdue{};

  bool operator==(const OverdueLead&) const = default;
};

struct OverdueTask {
  int64_t task_id = 0;
  std::string kind;  // task kind key
  std::string title;
  std::string township_code;
  std::string village_code;  // "" when none
  std::optional<int64_t> household_id{};
  std::optional<int64_t> campaign_id{};
  Date due_on{};
  int days_overdue = 0;
  std::optional<int> working_days_overdue{};

  bool operator==(const OverdueTask&) const = default;
};

// How many overdue items count against one township (all of them, whatever the list limit).
struct TownshipOverdue {
  std::string township_code;
  std::string township_name;
  int64_t leads = 0;
  int64_t tasks = 0;

  bool operator==(const TownshipOverdue&) const = default;
};

struct OverdueList {
  std::vector<OverdueLead> leads;          // most overdue first (due date, then lead number)
  std::vector<OverdueTask> tasks;          // most overdue first (due date, then id)
  std::vector<TownshipOverdue> townships;  // townships with any overdue item, by code
};

// The overdue items in the area on as_of, at most `limit` of each, and the counts per township.
// kInvalidArgument for a bad query.
Result<OverdueList> overdue_list(Database& db, const WorkCalendar& calendar,
                                 const SupervisionQuery& query, int64_t limit = 500);

}  // namespace faxian::workflow
