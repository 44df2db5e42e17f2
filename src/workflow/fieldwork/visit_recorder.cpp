// Storing one visit: the form is checked, the visit stored, a lead opened when difficulty was
// found, the visit tasks it answers completed and the audit log written — one transaction.

#include "workflow/fieldwork/visit_recorder.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/user.hpp"
#include "store/database.hpp"
#include "workflow/fieldwork/visit_repository.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

Result<void> check_form(const VisitForm& form, const VisitContext& context, Date today) {
  if (form.household_id <= 0)
    return fail(ErrorCode::kInvalidArgument, "请选择走访的家庭", "visit without household");
  if (form.visited_on > today)
    return fail(ErrorCode::kInvalidArgument, "走访日期不能晚于今天",
                fmt::format("visit dated {} after today {}", form.visited_on.iso(), today.iso()));
  return check_answers(context.checklist, form.answers);
}

Result<void> check_area(const Actor& actor, const HouseholdPlace& place) {
  if (actor.is_county() || actor.region_code.empty() ||
      place.village_code.starts_with(actor.region_code))
    return ok();
  return fail(ErrorCode::kNotFound, "没有找到该家庭", "household outside the actor's area");
}

// The task the coordinator named must be this household's open task.
Result<void> check_task(TaskRepository& tasks, const VisitForm& form) {
  if (!form.task_id)
    return ok();
  std::optional<Task> task;
  FAXIAN_TRY_ASSIGN(task, tasks.find(*form.task_id));
  if (!task || task->status != TaskStatus::kOpen || task->household_id != form.household_id)
    return fail(ErrorCode::kInvalidArgument, "所选任务不是该家庭的待办走访任务",
                fmt::format("task {} is not an open task of the household", *form.task_id));
  return ok();
}

// The Chinese description of what the visit found, for the lead.
std::string finding_text(const VisitForm& form, std::span<const ChecklistItem> checklist) {
  std::string text = "走访发现：";
  std::vector<std::string> parts;
  for (const ChecklistItem& item : concerns(checklist, form.answers))
    parts.push_back(fmt::format("{}（{}）", item.question, enum_label(item.concern_answer)));
  for (VisitNeed need : form.needs)
    parts.push_back(fmt::format("需求：{}", enum_label(need)));
  if (!form.notes.empty())
    parts.push_back(form.notes);
  if (parts.empty())
    parts.push_back("走访人员认为需要核实");
  return text + fmt::format("{}", fmt::join(parts, "；"));
}

std::string lead_reference(const VisitContext& context, int64_t visit_id) {
  if (context.campaign_id)
    return fmt::format("campaign:{}/visit:{}", *context.campaign_id, visit_id);
  return fmt::format("visit:{}", visit_id);
}

// The open tasks this visit answers: the one named, the household's routine visit tasks and,
// for a campaign visit, its campaign task.
Result<std::vector<int64_t>> tasks_answered(TaskRepository& tasks, const VisitForm& form,
                                            const VisitContext& context) {
  std::vector<int64_t> ids;
  if (form.task_id)
    ids.push_back(*form.task_id);
  TaskQuery query;
  query.kind = TaskKind::kRoutineVisit;
  query.household_id = form.household_id;
  std::vector<Task> found;
  FAXIAN_TRY_ASSIGN(found, tasks.list(query));
  if (context.campaign_id) {
    query.kind = TaskKind::kCampaignVisit;
    query.campaign_id = context.campaign_id;
    std::vector<Task> campaign_tasks;
    FAXIAN_TRY_ASSIGN(campaign_tasks, tasks.list(query));
    found.insert(found.end(), campaign_tasks.begin(), campaign_tasks.end());
  }
  for (const Task& task : found) {
    if (std::find(ids.begin(), ids.end(), task.id) == ids.end())
      ids.push_back(task.id);
  }
  return ids;
}

Result<void> open_lead(LeadService& leads, const Actor& actor, const VisitForm& form,
                       const VisitContext& context, VisitResult& result) {
  IntakeRequest request;
  request.source = context.source;
  request.reference = lead_reference(context, result.visit.id);
  request.household_id = form.household_id;
  request.level = form.level;
  request.description = finding_text(form, context.checklist);
  request.reported_on = form.visited_on;
  IntakeResult intake;
  FAXIAN_TRY_ASSIGN(intake, leads.intake(actor, request));
  FAXIAN_TRY(
      VisitRepository(leads.database(), leads.clock()).set_lead(result.visit.id, intake.lead.id));
  result.visit.lead_id = intake.lead.id;
  result.visit.lead_no = intake.lead.lead_no;
  result.lead_attached = intake.attached;
  result.lead = std::move(intake.lead);
  return ok();
}

Result<void> write_audit(LeadService& leads, const Actor& actor, const VisitResult& result) {
  AuditEntry entry;
  entry.actor = actor.name;
  entry.source_address = actor.source_address;
  entry.actor_role = actor.is_system() ? "" : std::string(enum_key(actor.role));
  entry.action = "visit.record";
  entry.object_type = "household";
  entry.object_id = result.visit.household_no;
  entry.detail = fmt::format(
      R"({{"visit_id":{},"campaign_id":{},"lead_no":"{}"}})", result.visit.id,
      result.visit.campaign_id ? std::to_string(*result.visit.campaign_id) : std::string("null"),
      result.visit.lead_no);
  auto appended = AuditLog(leads.database(), leads.clock()).append(entry);
  if (!appended)
    return tl::unexpected(appended.error());
  return ok();
}

Visit visit_of(const Actor& actor, const VisitForm& form, const VisitContext& context,
               const HouseholdPlace& place) {
  Visit visit;
  visit.household_id = form.household_id;
  visit.household_no = place.household_no;
  visit.village_code = place.village_code;
  visit.township_code = place.township_code;
  visit.visited_on = form.visited_on;
  visit.campaign_id = context.campaign_id;
  visit.task_id = form.task_id;
  visit.visitor = actor.name;
  visit.visitor_user_id = actor.user_id;
  visit.met = form.met;
  visit.notes = form.notes;
  visit.difficulty_found = finds_difficulty(form, context.checklist);
  visit.answers = form.answers;
  std::sort(
      visit.answers.begin(), visit.answers.end(),
      [](const ChecklistEntry& a, const ChecklistEntry& b) { return a.item_key < b.item_key; });
  visit.needs = form.needs;
  std::sort(visit.needs.begin(), visit.needs.end());
  visit.needs.erase(std::unique(visit.needs.begin(), visit.needs.end()), visit.needs.end());
  return visit;
}

}  // namespace

bool finds_difficulty(const VisitForm& form, std::span<const ChecklistItem> checklist) {
  return form.open_lead || !form.needs.empty() || !concerns(checklist, form.answers).empty();
}

Result<VisitResult> record_visit(LeadService& leads, const Actor& actor, const VisitForm& form,
                                 const VisitContext& context) {
  Database& db = leads.database();
  FAXIAN_TRY(check_form(form, context, leads.clock().today()));
  VisitRepository visits(db, leads.clock());
  HouseholdPlace place;
  FAXIAN_TRY_ASSIGN(place, visits.place_of(form.household_id));
  FAXIAN_TRY(check_area(actor, place));
  TaskRepository tasks(db, leads.clock());
  FAXIAN_TRY(check_task(tasks, form));
  return in_transaction(db, [&]() -> Result<VisitResult> {
    VisitResult result;
    result.visit = visit_of(actor, form, context, place);
    FAXIAN_TRY_ASSIGN(result.visit.id, visits.insert(result.visit));
    if (result.visit.difficulty_found)
      FAXIAN_TRY(open_lead(leads, actor, form, context, result));
    FAXIAN_TRY_ASSIGN(result.tasks_completed, tasks_answered(tasks, form, context));
    const std::string note = fmt::format("走访记录 #{}", result.visit.id);
    for (int64_t task_id : result.tasks_completed)
      FAXIAN_TRY(tasks.complete(task_id, form.visited_on, note));
    FAXIAN_TRY(write_audit(leads, actor, result));
    result.visit.created_at = leads.clock().now_unix();
    return result;
  });
}

}  // namespace faxian::workflow
