#pragma once
// The coordination_cases and coordination_tasks tables (migration 9) ↔ CoordinationCase. The
// service (coordination_service.hpp) owns the rules; this file reads and writes inside the
// caller's transaction. Version-guarded writes return false when the stored version differs.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/casework/coordination.hpp"

namespace faxian::workflow {

class CoordinationRepository {
 public:
  CoordinationRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts the case and its tasks; returns the case id. `opened_by_id` is the user, if any.
  Result<int64_t> insert(const CoordinationCase& coordination, std::optional<int64_t> opened_by_id);
  // With its tasks.
  Result<std::optional<CoordinationCase>> find(std::string_view case_no);
  Result<std::optional<CoordinationCase>> find_by_id(int64_t id);
  // The lead's cases, newest first.
  Result<std::vector<CoordinationCase>> for_lead(int64_t lead_id);
  // The cases in which `department` takes part (only those with its task pending when
  // `pending_only`), oldest first.
  Result<std::vector<CoordinationCase>> for_department(Department department, bool pending_only);

  // Open cases with a pending task whose deadline day is before `on`, oldest first.
  Result<std::vector<CoordinationCase>> with_overdue_tasks(Date on);

  Result<bool> write_meeting(int64_t case_id, int64_t version, std::optional<Date> meeting_on,
                             std::string_view measures);
  // Moves the deadline of the case's pending tasks (no version change: a department's answer
  // read before the move must not conflict).
  Result<void> write_pending_due(int64_t case_id, std::optional<Date> due_on);
  Result<bool> write_task_result(const CoordinationTask& task, int64_t version,
                                 std::optional<int64_t> answered_by_id);
  Result<bool> write_closed(const CoordinationCase& coordination, int64_t version);

 private:
  Result<std::vector<CoordinationCase>> select_cases(std::string_view where_and_order,
                                                     const std::function<void(Statement&)>& bind);
  Result<std::vector<CoordinationTask>> tasks_of(int64_t case_id);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
