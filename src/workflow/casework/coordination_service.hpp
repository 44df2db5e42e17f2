#pragma once
// 县级协调 (40-workflow.md outcome coordination): the county opens a case for a lead with the
// participating departments and each one's task, sets the meeting date and measures, the
// departments record their results, and the county closes the case once every task has a
// result — which completes the lead's pending `coordination` outcome (reference: the case
// number). Only the county roles (county_admin, county_officer) and the system open, change and
// close cases; a department records only its own task's result.
//
// Each department's task is due DeadlinePolicy::referral_answer working days (5) after the
// meeting date, or after the opening date while no meeting is set. Every change is one
// transaction with an audit entry; stale versions are kConflict.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "common/work_calendar.hpp"
#include "store/database.hpp"
#include "workflow/casework/coordination.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/deadline_policy.hpp"

namespace faxian::workflow {

struct DepartmentTaskRequest {
  Department department = Department::kCivilAffairs;
  std::string task;  // required
};

struct OpenCoordinationRequest {
  std::string lead_no;
  std::string reason;                              // required: why the county coordinates
  std::vector<DepartmentTaskRequest> departments;  // at least one, each department once
  std::optional<Date> meeting_on{};
  std::string measures;
  Date opened_on{};
};

struct DepartmentResult {
  std::string result;             // required
  std::optional<Money> amount{};  // ≥ 0
  Date answered_on{};
};

class CoordinationService {
 public:
  CoordinationService(Database& db, const Clock& clock, const WorkCalendar& calendar,
                      DeadlinePolicy policy = {})
      : db_(db), clock_(clock), calendar_(calendar), policy_(policy) {}

  // Opens a case. kIllegalTransition for a non-county actor or a closed lead; kNotFound for an
  // unknown lead; kAlreadyExists when the lead has an open case; kInvalidArgument for a missing
  // reason, no department, a department twice or an empty task.
  Result<CoordinationCase> open(const Actor& actor, const OpenCoordinationRequest& request);
  // Sets the meeting date and measures (county only; the case must be open). Pending tasks'
  // deadlines move with the meeting date.
  Result<CoordinationCase> set_meeting(const Actor& actor, std::string_view case_no,
                                       int64_t version, std::optional<Date> meeting_on,
                                       std::string_view measures);
  // Records `department`'s result. `task_version` is that task's version as read. kNotFound
  // when the actor does not act for the department or it takes no part; kIllegalTransition when
  // the case is closed or the task already has a result; kConflict for a stale version.
  Result<CoordinationCase> record_result(const Actor& actor, std::string_view case_no,
                                         Department department, int64_t task_version,
                                         const DepartmentResult& result);
  // Closes the case (county only) and completes the lead's coordination outcome.
  // kIllegalTransition naming the departments still without a result; kInvalidArgument for an
  // empty conclusion.
  Result<CoordinationCase> close(const Actor& actor, std::string_view case_no, int64_t version,
                                 std::string_view conclusion, Date closed_on);

  // kNotFound when unknown or (for a department liaison) not a participant.
  Result<CoordinationCase> get(const Actor& actor, std::string_view case_no);
  Result<std::vector<CoordinationCase>> for_lead(int64_t lead_id);
  // Open cases with a department task past its deadline day (due_on < on).
  Result<std::vector<CoordinationCase>> overdue(Date on);
  // Stores a "coordination_overdue" notice for the county officers (county region) for every
  // case with an overdue task, naming the late departments, once per case and day; returns how
  // many were stored.
  Result<int64_t> notify_overdue(Date on);
  // A department's cases (those awaiting its result when `pending_only`).
  Result<std::vector<CoordinationCase>> for_department(const Actor& actor, Department department,
                                                       bool pending_only = true);

 private:
  Result<CoordinationCase> open_in_transaction(const Actor& actor,
                                               const OpenCoordinationRequest& request);
  Result<CoordinationCase> record_in_transaction(const Actor& actor, std::string_view case_no,
                                                 Department department, int64_t task_version,
                                                 const DepartmentResult& result);
  Result<CoordinationCase> close_in_transaction(const Actor& actor, std::string_view case_no,
                                                int64_t version, std::string_view conclusion,
                                                Date closed_on);
  Result<CoordinationCase> meeting_in_transaction(const Actor& actor, std::string_view case_no,
                                                  int64_t version, std::optional<Date> meeting_on,
                                                  std::string_view measures);
  // The case with this number, open, at this version (kNotFound, kIllegalTransition,
  // kConflict otherwise).
  Result<CoordinationCase> open_case_at(std::string_view case_no, int64_t version);
  Result<CoordinationCase> reread(int64_t case_id);

  Database& db_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  DeadlinePolicy policy_;
};

}  // namespace faxian::workflow
