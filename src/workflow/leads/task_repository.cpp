#include "workflow/leads/task_repository.hpp"

#include <functional>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr EnumEntry<TaskKind> kKinds[] = {
    {TaskKind::kFollowUp, "follow_up", "回访", "follow_up", ""},
    {TaskKind::kCampaignVisit, "campaign_visit", "集中排查走访", "campaign_visit", ""},
    {TaskKind::kRoutineVisit, "routine_visit", "定期走访", "routine_visit", ""},
    {TaskKind::kPaperwork, "paperwork", "补充材料", "paperwork", ""},
    {TaskKind::kCallback, "callback", "热线回访", "callback", ""},
};
constexpr EnumEntry<TaskStatus> kStatuses[] = {
    {TaskStatus::kOpen, "open", "待办", "open", ""},
    {TaskStatus::kDone, "done", "已完成", "done", ""},
    {TaskStatus::kCancelled, "cancelled", "已取消", "cancelled", ""},
};

}  // namespace

std::span<const EnumEntry<TaskKind>> EnumTable<TaskKind>::entries() {
  return kKinds;
}
std::span<const EnumEntry<TaskStatus>> EnumTable<TaskStatus>::entries() {
  return kStatuses;
}

}  // namespace faxian

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, kind, household_id, lead_id, campaign_id, township_code, village_code, title, due_on, "
    "status, assignee_id, result, done_on, created_on, created_by";

Result<Task> read_task(const Statement& statement) {
  RowReader row(statement);
  Task task;
  task.id = row.integer();
  task.kind = row.enumeration<TaskKind>();
  task.household_id = row.optional_integer();
  task.lead_id = row.optional_integer();
  task.campaign_id = row.optional_integer();
  task.township_code = row.text();
  task.village_code = row.text_or_empty();
  task.title = row.text();
  task.due_on = row.optional_date();
  task.status = row.enumeration<TaskStatus>();
  task.assignee_id = row.optional_integer();
  task.result = row.text();
  task.done_on = row.optional_date();
  task.created_on = row.date();
  task.created_by = row.text();
  FAXIAN_TRY(row.status());
  return task;
}

// The WHERE clause of a query and a binder for its parameters, in the same order.
struct Filter {
  std::string where = "1 = 1";
  std::function<void(ParamBinder&)> bind;
};

Filter filter_of(const TaskQuery& query) {
  Filter filter;
  if (query.kind)
    filter.where += " AND kind = ?";
  if (query.status)
    filter.where += " AND status = ?";
  if (!query.township_code.empty())
    filter.where += " AND township_code = ?";
  if (!query.village_code.empty())
    filter.where += " AND village_code = ?";
  if (query.household_id)
    filter.where += " AND household_id = ?";
  if (query.lead_id)
    filter.where += " AND lead_id = ?";
  if (query.campaign_id)
    filter.where += " AND campaign_id = ?";
  if (query.due_before)
    filter.where += " AND due_on IS NOT NULL AND due_on < ?";
  filter.bind = [query](ParamBinder& binder) {
    if (query.kind)
      binder.enumeration(*query.kind);
    if (query.status)
      binder.enumeration(*query.status);
    if (!query.township_code.empty())
      binder.text(query.township_code);
    if (!query.village_code.empty())
      binder.text(query.village_code);
    if (query.household_id)
      binder.integer(*query.household_id);
    if (query.lead_id)
      binder.integer(*query.lead_id);
    if (query.campaign_id)
      binder.integer(*query.campaign_id);
    if (query.due_before)
      binder.date(*query.due_before);
  };
  return filter;
}

}  // namespace

Result<int64_t> TaskRepository::create(const Task& task) {
  if (task.title.empty() || task.township_code.empty()) {
    return fail(ErrorCode::kInvalidArgument, "任务须有标题和所属乡镇",
                "a task needs a title and a township");
  }
  auto id = returning_id(
      db_,
      "INSERT INTO tasks (kind, household_id, lead_id, campaign_id, township_code, village_code, "
      "title, due_on, status, assignee_id, result, created_on, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, '', ?, ?, ?, ?) RETURNING id",
      [&](Statement& statement) {
        const int64_t now = clock_.now_unix();
        ParamBinder binder(statement);
        binder.enumeration(task.kind)
            .integer(task.household_id)
            .integer(task.lead_id)
            .integer(task.campaign_id)
            .text(task.township_code);
        if (task.village_code.empty())
          binder.null();
        else
          binder.text(task.village_code);
        binder.text(task.title)
            .date(task.due_on)
            .integer(task.assignee_id)
            .date(task.created_on)
            .text(task.created_by)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<std::optional<Task>> TaskRepository::find(int64_t id) {
  return query_one<Task>(
      db_, fmt::format("SELECT {} FROM tasks WHERE id = ?", kColumns),
      [&](Statement& statement) { statement.bind_int64(1, id); }, read_task);
}

Result<std::vector<Task>> TaskRepository::list(const TaskQuery& query) {
  Filter filter = filter_of(query);
  return query_rows<Task>(
      db_,
      fmt::format("SELECT {} FROM tasks WHERE {} ORDER BY due_on IS NULL, due_on, id LIMIT ? "
                  "OFFSET ?",
                  kColumns, filter.where),
      [&](Statement& statement) {
        ParamBinder binder(statement);
        filter.bind(binder);
        binder.integer(query.limit).integer(query.offset);
      },
      read_task);
}

Result<int64_t> TaskRepository::count(const TaskQuery& query) {
  Filter filter = filter_of(query);
  return query_int(db_, fmt::format("SELECT COUNT(*) FROM tasks WHERE {}", filter.where),
                   [&](Statement& statement) {
                     ParamBinder binder(statement);
                     filter.bind(binder);
                   });
}

namespace {

Result<void> finish_task(Database& db, const Clock& clock, int64_t id, std::string_view status,
                         std::optional<Date> on, std::string_view result) {
  FAXIAN_TRY(run_bound(db,
                       "UPDATE tasks SET status = ?, done_on = ?, result = ?, updated_at = ? "
                       "WHERE id = ? AND status = 'open'",
                       [&](Statement& statement) {
                         ParamBinder(statement)
                             .text(status)
                             .date(on)
                             .text(result)
                             .integer(clock.now_unix())
                             .integer(id);
                       }));
  if (db.changes() == 1)
    return ok();
  auto exists = query_int(db, "SELECT COUNT(*) FROM tasks WHERE id = ?",
                          [&](Statement& statement) { statement.bind_int64(1, id); });
  if (!exists)
    return tl::unexpected(exists.error());
  if (*exists == 0)
    return tl::unexpected(not_found("任务", fmt::format("task {}", id)));
  return fail(ErrorCode::kIllegalTransition, "该任务已完成或已取消，不能再次办理",
              fmt::format("task {} is not open", id));
}

}  // namespace

Result<void> TaskRepository::complete(int64_t id, Date on, std::string_view result) {
  return finish_task(db_, clock_, id, "done", on, result);
}

Result<void> TaskRepository::cancel(int64_t id, std::string_view reason) {
  return finish_task(db_, clock_, id, "cancelled", std::nullopt, reason);
}

}  // namespace faxian::workflow
