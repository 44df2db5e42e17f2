// Opening, following and closing county coordination cases (coordination_service.hpp).

#include "workflow/casework/coordination_service.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "common/text.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "workflow/casework/casework_support.hpp"
#include "workflow/casework/coordination_repository.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow {
namespace {

using nlohmann::json;

constexpr std::string_view kNumberPrefix = "XT";  // 协调

Error case_not_found() {
  return Error(ErrorCode::kNotFound, "县级协调事项不存在", "coordination case not found");
}

Error stale(int64_t read, int64_t stored) {
  return Error(ErrorCode::kConflict, "该协调事项已被他人修改，请刷新后重试",
               fmt::format("version {} read, {} stored", read, stored));
}

Result<void> check_open_request(const OpenCoordinationRequest& request) {
  if (trim(request.reason).empty())
    return fail(ErrorCode::kInvalidArgument, "请写明提请县级协调的理由", "reason is empty");
  if (request.departments.empty())
    return fail(ErrorCode::kInvalidArgument, "县级协调须至少有一个参与部门", "no departments");
  std::vector<Department> seen;
  for (const DepartmentTaskRequest& entry : request.departments) {
    if (std::find(seen.begin(), seen.end(), entry.department) != seen.end())
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("参与部门「{}」重复", department_name(entry.department)),
                  "department listed twice");
    if (trim(entry.task).empty())
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("请写明{}承担的任务", department_name(entry.department)),
                  "empty task");
    seen.push_back(entry.department);
  }
  return ok();
}

std::string department_list(const std::vector<Department>& departments) {
  std::string names;
  for (Department department : departments) {
    if (!names.empty())
      names += "、";
    names += department_name(department);
  }
  return names;
}

}  // namespace

Result<CoordinationCase> CoordinationService::open(const Actor& actor,
                                                   const OpenCoordinationRequest& request) {
  return in_transaction(db_, [&] { return open_in_transaction(actor, request); });
}

Result<CoordinationCase> CoordinationService::open_in_transaction(
    const Actor& actor, const OpenCoordinationRequest& request) {
  FAXIAN_TRY(require_county(actor, "发起县级协调"));
  FAXIAN_TRY(check_open_request(request));
  LeadService leads(db_, clock_, calendar_, policy_);
  std::optional<Lead> lead;
  FAXIAN_TRY_ASSIGN(lead, leads.find(request.lead_no));
  if (!lead)
    return tl::unexpected(not_found("线索", "lead"));
  if (lead->status == LeadStatus::kClosed)
    return fail(ErrorCode::kIllegalTransition, "线索已办结，不能再提请县级协调", "lead closed");
  CoordinationRepository cases(db_, clock_);
  std::vector<CoordinationCase> existing;
  FAXIAN_TRY_ASSIGN(existing, cases.for_lead(lead->id));
  for (const CoordinationCase& other : existing) {
    if (other.status == CoordinationStatus::kOpen)
      return fail(ErrorCode::kAlreadyExists,
                  fmt::format("该线索已有进行中的县级协调（{}）", other.case_no),
                  "lead has an open coordination case");
  }

  CoordinationCase coordination;
  FAXIAN_TRY_ASSIGN(coordination.case_no,
                    next_casework_number(db_, kNumberPrefix, request.opened_on, 2));
  coordination.lead_id = lead->id;
  coordination.household_id = lead->household_id;
  coordination.township_code = lead->township_code;
  coordination.reason = std::string(trim(request.reason));
  coordination.meeting_on = request.meeting_on;
  coordination.measures = std::string(trim(request.measures));
  coordination.opened_on = request.opened_on;
  coordination.opened_by = actor.name;
  const auto due = working_days_after(calendar_, request.meeting_on.value_or(request.opened_on),
                                      policy_.referral_answer);
  for (const DepartmentTaskRequest& entry : request.departments) {
    CoordinationTask task;
    task.department = entry.department;
    task.task = std::string(trim(entry.task));
    task.due_on = due;
    coordination.tasks.push_back(std::move(task));
  }
  int64_t id = 0;
  FAXIAN_TRY_ASSIGN(id, cases.insert(coordination, actor.user_id));
  json departments = json::array();
  for (const CoordinationTask& task : coordination.tasks)
    departments.push_back(enum_key(task.department));
  const json detail = {{"lead_no", lead->lead_no}, {"departments", departments}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "coordination.open", "coordination",
                          coordination.case_no, coordination.reason, detail.dump()));
  return reread(id);
}

Result<CoordinationCase> CoordinationService::set_meeting(const Actor& actor,
                                                          std::string_view case_no, int64_t version,
                                                          std::optional<Date> meeting_on,
                                                          std::string_view measures) {
  return in_transaction(
      db_, [&] { return meeting_in_transaction(actor, case_no, version, meeting_on, measures); });
}

Result<CoordinationCase> CoordinationService::meeting_in_transaction(const Actor& actor,
                                                                     std::string_view case_no,
                                                                     int64_t version,
                                                                     std::optional<Date> meeting_on,
                                                                     std::string_view measures) {
  FAXIAN_TRY(require_county(actor, "安排协调会议"));
  CoordinationCase coordination;
  FAXIAN_TRY_ASSIGN(coordination, open_case_at(case_no, version));
  CoordinationRepository cases(db_, clock_);
  bool written = false;
  FAXIAN_TRY_ASSIGN(written,
                    cases.write_meeting(coordination.id, version, meeting_on, trim(measures)));
  if (!written)
    return tl::unexpected(stale(version, coordination.version));
  const auto due = working_days_after(calendar_, meeting_on.value_or(coordination.opened_on),
                                      policy_.referral_answer);
  FAXIAN_TRY(cases.write_pending_due(coordination.id, due));
  const json detail = {{"meeting_on", meeting_on ? meeting_on->iso() : ""}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "coordination.meeting", "coordination",
                          coordination.case_no, trim(measures), detail.dump()));
  return reread(coordination.id);
}

Result<CoordinationCase> CoordinationService::record_result(const Actor& actor,
                                                            std::string_view case_no,
                                                            Department department,
                                                            int64_t task_version,
                                                            const DepartmentResult& result) {
  return in_transaction(
      db_, [&] { return record_in_transaction(actor, case_no, department, task_version, result); });
}

Result<CoordinationCase> CoordinationService::record_in_transaction(
    const Actor& actor, std::string_view case_no, Department department, int64_t task_version,
    const DepartmentResult& result) {
  if (!acts_for_department(actor, department))
    return tl::unexpected(case_not_found());
  CoordinationRepository cases(db_, clock_);
  std::optional<CoordinationCase> found;
  FAXIAN_TRY_ASSIGN(found, cases.find(case_no));
  const CoordinationTask* stored = found ? found->task_of(department) : nullptr;
  if (stored == nullptr)
    return tl::unexpected(case_not_found());
  if (found->status != CoordinationStatus::kOpen)
    return fail(ErrorCode::kIllegalTransition, "县级协调已办结，不能再登记结果", "case closed");
  if (stored->version != task_version)
    return tl::unexpected(stale(task_version, stored->version));
  if (stored->done)
    return fail(ErrorCode::kIllegalTransition, "该部门已登记办理结果", "task already done");
  if (trim(result.result).empty())
    return fail(ErrorCode::kInvalidArgument, "请填写办理结果", "empty result");
  if (result.amount && result.amount->fen() < 0)
    return fail(ErrorCode::kInvalidArgument, "救助金额不能为负数", "negative amount");

  CoordinationTask task = *stored;
  task.result = std::string(trim(result.result));
  task.amount = result.amount;
  task.answered_on = result.answered_on;
  task.answered_by = actor.name;
  bool written = false;
  FAXIAN_TRY_ASSIGN(written, cases.write_task_result(task, task_version, actor.user_id));
  if (!written)
    return tl::unexpected(stale(task_version, stored->version));
  const json detail = {{"department", enum_key(department)},
                       {"amount_fen", result.amount ? json(result.amount->fen()) : json()}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "coordination.result", "coordination", found->case_no,
                          task.result, detail.dump()));
  return reread(found->id);
}

Result<CoordinationCase> CoordinationService::close(const Actor& actor, std::string_view case_no,
                                                    int64_t version, std::string_view conclusion,
                                                    Date closed_on) {
  return in_transaction(
      db_, [&] { return close_in_transaction(actor, case_no, version, conclusion, closed_on); });
}

Result<CoordinationCase> CoordinationService::close_in_transaction(const Actor& actor,
                                                                   std::string_view case_no,
                                                                   int64_t version,
                                                                   std::string_view conclusion,
                                                                   Date closed_on) {
  FAXIAN_TRY(require_county(actor, "办结县级协调"));
  CoordinationCase coordination;
  FAXIAN_TRY_ASSIGN(coordination, open_case_at(case_no, version));
  const auto pending = coordination.pending_departments();
  if (!pending.empty())
    return fail(ErrorCode::kIllegalTransition,
                fmt::format("以下部门尚未登记办理结果：{}", department_list(pending)),
                fmt::format("{} tasks pending", pending.size()));
  if (trim(conclusion).empty())
    return fail(ErrorCode::kInvalidArgument, "请填写协调结论", "empty conclusion");
  coordination.closed_on = closed_on;
  coordination.closed_by = actor.name;
  coordination.conclusion = std::string(trim(conclusion));
  bool written = false;
  FAXIAN_TRY_ASSIGN(written,
                    CoordinationRepository(db_, clock_).write_closed(coordination, version));
  if (!written)
    return tl::unexpected(stale(version, coordination.version));
  LeadService leads(db_, clock_, calendar_, policy_);
  FAXIAN_TRY(leads.complete_outcome(actor, coordination.lead_id, LeadOutcome::kCoordination,
                                    coordination.case_no, closed_on));
  FAXIAN_TRY(audit_change(db_, clock_, actor, "coordination.close", "coordination",
                          coordination.case_no, coordination.conclusion));
  return reread(coordination.id);
}

Result<CoordinationCase> CoordinationService::open_case_at(std::string_view case_no,
                                                           int64_t version) {
  std::optional<CoordinationCase> found;
  FAXIAN_TRY_ASSIGN(found, CoordinationRepository(db_, clock_).find(case_no));
  if (!found)
    return tl::unexpected(case_not_found());
  if (found->version != version)
    return tl::unexpected(stale(version, found->version));
  if (found->status != CoordinationStatus::kOpen)
    return fail(ErrorCode::kIllegalTransition, "县级协调已办结", "case closed");
  return std::move(*found);
}

Result<CoordinationCase> CoordinationService::reread(int64_t case_id) {
  std::optional<CoordinationCase> found;
  FAXIAN_TRY_ASSIGN(found, CoordinationRepository(db_, clock_).find_by_id(case_id));
  if (!found)
    return fail(ErrorCode::kInternal, "县级协调保存失败", "case vanished");
  return std::move(*found);
}

Result<CoordinationCase> CoordinationService::get(const Actor& actor, std::string_view case_no) {
  std::optional<CoordinationCase> found;
  FAXIAN_TRY_ASSIGN(found, CoordinationRepository(db_, clock_).find(case_no));
  if (!found)
    return tl::unexpected(case_not_found());
  if (actor.role == Role::kDepartmentLiaison && !actor.is_county()) {
    const auto department = department_of_account(actor.department);
    if (!department || found->task_of(*department) == nullptr)
      return tl::unexpected(case_not_found());
  }
  return std::move(*found);
}

Result<std::vector<CoordinationCase>> CoordinationService::for_lead(int64_t lead_id) {
  return CoordinationRepository(db_, clock_).for_lead(lead_id);
}

Result<std::vector<CoordinationCase>> CoordinationService::overdue(Date on) {
  return CoordinationRepository(db_, clock_).with_overdue_tasks(on);
}

Result<int64_t> CoordinationService::notify_overdue(Date on) {
  return in_transaction(db_, [&]() -> Result<int64_t> {
    std::vector<CoordinationCase> late;
    FAXIAN_TRY_ASSIGN(late, overdue(on));
    NotificationRepository notices(db_, clock_);
    int64_t stored = 0;
    for (const CoordinationCase& coordination : late) {
      std::vector<Department> behind;
      for (const CoordinationTask& task : coordination.tasks) {
        if (!task.done && task.due_on && *task.due_on < on)
          behind.push_back(task.department);
      }
      std::optional<Region> township;
      FAXIAN_TRY_ASSIGN(township, RegionRepository(db_).find(coordination.township_code));
      Notification notice;
      notice.kind = "coordination_overdue";
      notice.region_code = township ? township->parent_code : std::string();
      notice.role = std::string(enum_key(Role::kCountyOfficer));
      notice.subject_type = "coordination";
      notice.subject_id = coordination.id;
      notice.message = fmt::format("县级协调{}：{}逾期未登记办理结果", coordination.case_no,
                                   department_list(behind));
      notice.on_date = on;
      bool fresh = false;
      FAXIAN_TRY_ASSIGN(fresh, notices.notify(notice));
      stored += fresh ? 1 : 0;
    }
    return stored;
  });
}

Result<std::vector<CoordinationCase>> CoordinationService::for_department(const Actor& actor,
                                                                          Department department,
                                                                          bool pending_only) {
  if (!acts_for_department(actor, department))
    return fail(ErrorCode::kNotFound, "无此部门的协调任务", "actor does not act for department");
  return CoordinationRepository(db_, clock_).for_department(department, pending_only);
}

}  // namespace faxian::workflow
