// Rows of coordination_cases and coordination_tasks ↔ CoordinationCase
// (coordination_repository.hpp).

#include "workflow/casework/coordination_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr EnumEntry<CoordinationStatus> kCoordinationStatuses[] = {
    {CoordinationStatus::kOpen, "open", "协调中", "", ""},
    {CoordinationStatus::kClosed, "closed", "已办结", "", ""},
};

}  // namespace

std::span<const EnumEntry<CoordinationStatus>> EnumTable<CoordinationStatus>::entries() {
  return kCoordinationStatuses;
}

}  // namespace faxian

namespace faxian::workflow {
namespace {

constexpr std::string_view kCaseColumns =
    "id, case_no, lead_id, household_id, township_code, status, reason, meeting_on, measures, "
    "opened_on, opened_by, closed_on, closed_by, conclusion, version";
constexpr std::string_view kTaskColumns =
    "id, department, task, due_on, status, result, amount, answered_on, answered_by, version";

Result<CoordinationCase> read_case(const Statement& statement) {
  RowReader row(statement);
  CoordinationCase coordination;
  coordination.id = row.integer();
  coordination.case_no = row.text();
  coordination.lead_id = row.integer();
  coordination.household_id = row.optional_integer();
  coordination.township_code = row.text();
  coordination.status = row.enumeration<CoordinationStatus>();
  coordination.reason = row.text();
  coordination.meeting_on = row.optional_date();
  coordination.measures = row.text();
  coordination.opened_on = row.date();
  coordination.opened_by = row.text();
  coordination.closed_on = row.optional_date();
  coordination.closed_by = row.text();
  coordination.conclusion = row.text();
  coordination.version = row.integer();
  FAXIAN_TRY(row.status());
  return coordination;
}

Result<CoordinationTask> read_task(const Statement& statement) {
  RowReader row(statement);
  CoordinationTask task;
  task.id = row.integer();
  task.department = row.enumeration<Department>();
  task.task = row.text();
  task.due_on = row.optional_date();
  task.done = row.text() == "done";
  task.result = row.text();
  task.amount = row.optional_money();
  task.answered_on = row.optional_date();
  task.answered_by = row.text();
  task.version = row.integer();
  FAXIAN_TRY(row.status());
  return task;
}

}  // namespace

Result<int64_t> CoordinationRepository::insert(const CoordinationCase& coordination,
                                               std::optional<int64_t> opened_by_id) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(
      db_,
      "INSERT INTO coordination_cases (case_no, lead_id, household_id, township_code, status, "
      "reason, meeting_on, measures, opened_on, opened_by, opened_by_id, version, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      [&](Statement& statement) {
        ParamBinder(statement)
            .text(coordination.case_no)
            .integer(coordination.lead_id)
            .integer(coordination.household_id)
            .text(coordination.township_code)
            .text(coordination.reason)
            .date(coordination.meeting_on)
            .text(coordination.measures)
            .date(coordination.opened_on)
            .text(coordination.opened_by)
            .integer(opened_by_id)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  const int64_t case_id = id->value_or(0);
  for (const CoordinationTask& task : coordination.tasks) {
    FAXIAN_TRY(run_bound(db_,
                         "INSERT INTO coordination_tasks (case_id, department, task, due_on, "
                         "status, version, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, 'pending', 1, ?, ?)",
                         [&](Statement& statement) {
                           ParamBinder(statement)
                               .integer(case_id)
                               .enumeration(task.department)
                               .text(task.task)
                               .date(task.due_on)
                               .integer(now)
                               .integer(now);
                         }));
  }
  return case_id;
}

Result<std::vector<CoordinationTask>> CoordinationRepository::tasks_of(int64_t case_id) {
  const std::string sql =
      fmt::format("SELECT {} FROM coordination_tasks WHERE case_id = ? ORDER BY id", kTaskColumns);
  return query_rows<CoordinationTask>(
      db_, sql, [&](Statement& statement) { statement.bind_int64(1, case_id); }, read_task);
}

Result<std::vector<CoordinationCase>> CoordinationRepository::select_cases(
    std::string_view where_and_order, const std::function<void(Statement&)>& bind) {
  const std::string sql =
      fmt::format("SELECT {} FROM coordination_cases WHERE {}", kCaseColumns, where_and_order);
  std::vector<CoordinationCase> cases;
  FAXIAN_TRY_ASSIGN(cases, query_rows<CoordinationCase>(db_, sql, bind, read_case));
  for (CoordinationCase& coordination : cases)
    FAXIAN_TRY_ASSIGN(coordination.tasks, tasks_of(coordination.id));
  return cases;
}

Result<std::optional<CoordinationCase>> CoordinationRepository::find(std::string_view case_no) {
  std::vector<CoordinationCase> cases;
  FAXIAN_TRY_ASSIGN(cases, select_cases("case_no = ?", [&](Statement& statement) {
                      statement.bind_text(1, case_no);
                    }));
  if (cases.empty())
    return std::optional<CoordinationCase>();
  return std::optional<CoordinationCase>(std::move(cases.front()));
}

Result<std::optional<CoordinationCase>> CoordinationRepository::find_by_id(int64_t id) {
  std::vector<CoordinationCase> cases;
  FAXIAN_TRY_ASSIGN(
      cases, select_cases("id = ?", [&](Statement& statement) { statement.bind_int64(1, id); }));
  if (cases.empty())
    return std::optional<CoordinationCase>();
  return std::optional<CoordinationCase>(std::move(cases.front()));
}

Result<std::vector<CoordinationCase>> CoordinationRepository::for_lead(int64_t lead_id) {
  return select_cases("lead_id = ? ORDER BY id DESC",
                      [&](Statement& statement) { statement.bind_int64(1, lead_id); });
}

Result<std::vector<CoordinationCase>> CoordinationRepository::for_department(Department department,
                                                                             bool pending_only) {
  const std::string where = fmt::format(
      "id IN (SELECT case_id FROM coordination_tasks WHERE department = ?{}) ORDER BY id",
      pending_only ? " AND status = 'pending'" : "");
  return select_cases(
      where, [&](Statement& statement) { ParamBinder(statement).enumeration(department); });
}

Result<std::vector<CoordinationCase>> CoordinationRepository::with_overdue_tasks(Date on) {
  return select_cases(
      "status = 'open' AND id IN (SELECT case_id FROM coordination_tasks WHERE status = "
      "'pending' AND due_on IS NOT NULL AND due_on < ?) ORDER BY id",
      [&](Statement& statement) { ParamBinder(statement).date(on); });
}

Result<bool> CoordinationRepository::write_meeting(int64_t case_id, int64_t version,
                                                   std::optional<Date> meeting_on,
                                                   std::string_view measures) {
  FAXIAN_TRY(run_bound(db_,
                       "UPDATE coordination_cases SET meeting_on = ?, measures = ?, "
                       "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                       [&](Statement& statement) {
                         ParamBinder(statement)
                             .date(meeting_on)
                             .text(measures)
                             .integer(clock_.now_unix())
                             .integer(case_id)
                             .integer(version);
                       }));
  return db_.changes() == 1;
}

Result<void> CoordinationRepository::write_pending_due(int64_t case_id,
                                                       std::optional<Date> due_on) {
  return run_bound(
      db_,
      "UPDATE coordination_tasks SET due_on = ?, updated_at = ? "
      "WHERE case_id = ? AND status = 'pending'",
      [&](Statement& statement) {
        ParamBinder(statement).date(due_on).integer(clock_.now_unix()).integer(case_id);
      });
}

Result<bool> CoordinationRepository::write_task_result(const CoordinationTask& task,
                                                       int64_t version,
                                                       std::optional<int64_t> answered_by_id) {
  FAXIAN_TRY(run_bound(db_,
                       "UPDATE coordination_tasks SET status = 'done', result = ?, amount = ?, "
                       "answered_on = ?, answered_by = ?, answered_by_id = ?, "
                       "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                       [&](Statement& statement) {
                         ParamBinder(statement)
                             .text(task.result)
                             .money(task.amount)
                             .date(task.answered_on)
                             .text(task.answered_by)
                             .integer(answered_by_id)
                             .integer(clock_.now_unix())
                             .integer(task.id)
                             .integer(version);
                       }));
  return db_.changes() == 1;
}

Result<bool> CoordinationRepository::write_closed(const CoordinationCase& coordination,
                                                  int64_t version) {
  FAXIAN_TRY(run_bound(db_,
                       "UPDATE coordination_cases SET status = 'closed', closed_on = ?, "
                       "closed_by = ?, conclusion = ?, version = version + 1, updated_at = ? "
                       "WHERE id = ? AND version = ?",
                       [&](Statement& statement) {
                         ParamBinder(statement)
                             .date(coordination.closed_on)
                             .text(coordination.closed_by)
                             .text(coordination.conclusion)
                             .integer(clock_.now_unix())
                             .integer(coordination.id)
                             .integer(version);
                       }));
  return db_.changes() == 1;
}

}  // namespace faxian::workflow
