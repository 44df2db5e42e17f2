// Routes: referrals (转介) and county coordination cases (县级协调), 40-workflow.md:
//   GET  /api/v1/referrals?status=&department=&page=&page_size=
//   GET  /api/v1/referrals/{referral_no}
//   POST /api/v1/referrals/{referral_no}/answer          {answer, result, amount?, version}
//   GET  /api/v1/coordination-cases?status=&page=&page_size=
//   GET  /api/v1/coordination-cases/{case_no}
//   POST /api/v1/coordination-cases/{case_no}/tasks/{task_id}/answer  {result, amount?, version}
//   POST /api/v1/coordination-cases/{case_no}/close      {conclusion, version}
// Who: the county roles and the auditor see all; a township officer its township's; a
// department (liaison or API token) its own inbox — referrals to it and cases it takes part in.
// Anything else is "not found". Answers: the department concerned or the county roles; closing
// a case: the county roles. A department token has no user, so the workflow layers would take
// it for the system: the department is checked here before every call.

#include "api/lead_json.hpp"
#include "api/routes_casework.hpp"
#include "store/query.hpp"
#include "workflow/casework/casework_support.hpp"
#include "workflow/casework/coordination_repository.hpp"
#include "workflow/casework/coordination_service.hpp"
#include "workflow/casework/referral_service.hpp"

namespace faxian::api::casework {
namespace {

using nlohmann::json;
using workflow::CoordinationCase;
using workflow::Referral;

// The department a liaison or token acts for (nullopt for other roles or an unknown name).
std::optional<Department> own_department(const Call& call) {
  if (call.actor().role != Role::kDepartmentLiaison)
    return std::nullopt;
  return workflow::department_of_account(call.actor().department);
}

bool sees_all(const workflow::Actor& actor) {
  return actor.role == Role::kCountyAdmin || actor.role == Role::kCountyOfficer ||
         actor.role == Role::kAuditor;
}

bool referral_visible(const Call& call, const Referral& referral) {
  const workflow::Actor& actor = call.actor();
  if (sees_all(actor))
    return true;
  if (actor.role == Role::kTownshipOfficer)
    return referral.township_code == actor.region_code;
  const std::optional<Department> department = own_department(call);
  return department && *department == referral.department;
}

Result<Referral> visible_referral(Call& call, std::string_view referral_no) {
  std::optional<Referral> found;
  FAXIAN_TRY_ASSIGN(found, workflow::ReferralRepository(call.db, call.clock()).find(referral_no));
  if (!found || !referral_visible(call, *found))
    return tl::unexpected(not_found("转介", referral_no));
  return std::move(*found);
}

json summary_json(const workflow::HouseholdSummary& s) {
  json members = json::array();
  for (const workflow::SummaryMember& m : s.members)
    members.push_back({{"name", m.name},
                       {"masked_id", m.masked_id},
                       {"sex", m.sex},
                       {"age", m.age},
                       {"relation", m.relation},
                       {"masked_phone", m.masked_phone}});
  return {{"household_no", s.household_no},
          {"township", s.township_code},
          {"township_name", s.township_name},
          {"village", s.village_code},
          {"village_name", s.village_name},
          {"address", s.address},
          {"members", std::move(members)},
          {"subject_name", s.subject_name},
          {"subject_masked_phone", s.subject_masked_phone},
          {"as_of", s.as_of.iso()}};
}

json referral_item_json(const Referral& r, Date today) {
  return {{"referral_no", r.referral_no},
          {"department", enum_key(r.department)},
          {"department_name", workflow::department_name(r.department)},
          {"household_no", r.summary.household_no},
          {"township", r.township_code},
          {"village", r.village_code.empty() ? json(nullptr) : json(r.village_code)},
          {"reason", r.reason},
          {"status", enum_key(r.status)},
          {"status_label", enum_label(r.status)},
          {"sent_on", r.sent_on.iso()},
          {"due_on", date_json(r.due_on)},
          {"overdue", r.overdue_on(today)},
          {"answered_on", date_json(r.answered_on)},
          {"result", r.result},
          {"amount", money_json(r.amount)},
          {"version", r.version}};
}

Result<json> referral_json(Call& call, const Referral& r) {
  json body = referral_item_json(r, call.today());
  body["summary"] = summary_json(r.summary);
  body["answered_by"] = r.answered_by;
  body["created_by"] = r.created_by;
  body["escalated_on"] = date_json(r.escalated_on);
  std::optional<std::string> lead_no;
  if (r.lead_id) {
    FAXIAN_TRY_ASSIGN(lead_no, query_one<std::string>(
                                   call.db, "SELECT lead_no FROM leads WHERE id = ?",
                                   [&](Statement& s) { s.bind_int64(1, *r.lead_id); },
                                   [](const Statement& s) -> Result<std::string> {
                                     return std::string(s.column_text(0));
                                   }));
  }
  body["lead_no"] = lead_no ? json(*lead_no) : json(nullptr);
  return body;
}

Result<Reply> list_referrals(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<ReferralStatus> status;
  FAXIAN_TRY_ASSIGN(status, enum_filter<ReferralStatus>(call, "status"));
  std::optional<Department> department;
  FAXIAN_TRY_ASSIGN(department, enum_filter<Department>(call, "department"));
  ListSql sql;
  sql.from_where = "FROM referrals r WHERE 1 = 1";
  sql.key = "r.referral_no";
  sql.order = "r.status <> 'pending', r.due_on IS NULL, r.due_on, r.id";
  const workflow::Actor& actor = call.actor();
  if (actor.role == Role::kTownshipOfficer) {
    sql.where("r.township_code = ?", {actor.region_code});
  } else if (actor.role == Role::kDepartmentLiaison) {
    const std::optional<Department> own = own_department(call);
    if (!own)
      sql.where("1 = 0");
    else
      sql.where("r.department = ?", {std::string(enum_key(*own))});
  }
  if (status)
    sql.where("r.status = ?", {std::string(enum_key(*status))});
  if (department)
    sql.where("r.department = ?", {std::string(enum_key(*department))});
  return list_reply(
      call, sql, page,
      [&](const std::string& no) -> Result<json> {
        Referral referral;
        FAXIAN_TRY_ASSIGN(referral, visible_referral(call, no));
        return referral_item_json(referral, call.today());
      },
      "referral.list", "referral");
}

Result<Reply> get_referral(Call& call) {
  Referral referral;
  FAXIAN_TRY_ASSIGN(referral, visible_referral(call, call.param(0)));
  json body;
  FAXIAN_TRY_ASSIGN(body, referral_json(call, referral));
  call.audit_view("referral.view", "referral", referral.referral_no);
  return Reply::json(std::move(body));
}

Result<Reply> answer_referral(Call& call) {
  Referral referral;
  FAXIAN_TRY_ASSIGN(referral, visible_referral(call, call.param(0)));
  const json& body = call.body();
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(body));
  workflow::ReferralAnswer answer;
  std::optional<ReferralStatus> decision;
  FAXIAN_TRY_ASSIGN(decision, enum_field<ReferralStatus>(body, "answer", true));
  answer.decision = *decision;
  FAXIAN_TRY_ASSIGN(answer.result, text_field(body, "result"));
  FAXIAN_TRY_ASSIGN(answer.amount, money_field(body, "amount"));
  FAXIAN_TRY_ASSIGN(answer.answered_on, date_or_today(call, "answered_on"));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::ReferralService service(call.db, call.clock(), desk->calendar, desk->policy);
  FAXIAN_TRY_ASSIGN(referral, service.answer(call.actor(), referral.referral_no, version, answer));
  json reply;
  FAXIAN_TRY_ASSIGN(reply, referral_json(call, referral));
  return Reply::json(std::move(reply));
}

// Coordination cases.

bool case_visible(const Call& call, const CoordinationCase& c) {
  const workflow::Actor& actor = call.actor();
  if (sees_all(actor))
    return true;
  if (actor.role == Role::kTownshipOfficer)
    return c.township_code == actor.region_code;
  const std::optional<Department> department = own_department(call);
  return department && c.task_of(*department) != nullptr;
}

Result<CoordinationCase> visible_case(Call& call, std::string_view case_no) {
  std::optional<CoordinationCase> found;
  FAXIAN_TRY_ASSIGN(found, workflow::CoordinationRepository(call.db, call.clock()).find(case_no));
  if (!found || !case_visible(call, *found))
    return tl::unexpected(not_found("协调案件", case_no));
  return std::move(*found);
}

json task_json(const workflow::CoordinationTask& t, Date today) {
  return {{"id", t.id},
          {"department", enum_key(t.department)},
          {"department_name", workflow::department_name(t.department)},
          {"task", t.task},
          {"due_on", date_json(t.due_on)},
          {"overdue", !t.done && t.due_on && *t.due_on < today},
          {"done", t.done},
          {"result", t.result},
          {"amount", money_json(t.amount)},
          {"answered_on", date_json(t.answered_on)},
          {"answered_by", t.answered_by},
          {"version", t.version}};
}

json case_json(const CoordinationCase& c, Date today) {
  json tasks = json::array();
  for (const workflow::CoordinationTask& task : c.tasks)
    tasks.push_back(task_json(task, today));
  return {{"case_no", c.case_no},         {"township", c.township_code},
          {"status", enum_key(c.status)}, {"status_label", enum_label(c.status)},
          {"reason", c.reason},           {"meeting_on", date_json(c.meeting_on)},
          {"measures", c.measures},       {"opened_on", c.opened_on.iso()},
          {"opened_by", c.opened_by},     {"closed_on", date_json(c.closed_on)},
          {"closed_by", c.closed_by},     {"conclusion", c.conclusion},
          {"tasks", std::move(tasks)},    {"version", c.version}};
}

Result<Reply> list_cases(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<CoordinationStatus> status;
  FAXIAN_TRY_ASSIGN(status, enum_filter<CoordinationStatus>(call, "status"));
  ListSql sql;
  sql.from_where = "FROM coordination_cases c WHERE 1 = 1";
  sql.key = "c.case_no";
  sql.order = "c.opened_on DESC, c.id DESC";
  const workflow::Actor& actor = call.actor();
  if (actor.role == Role::kTownshipOfficer) {
    sql.where("c.township_code = ?", {actor.region_code});
  } else if (actor.role == Role::kDepartmentLiaison) {
    const std::optional<Department> own = own_department(call);
    if (!own)
      sql.where("1 = 0");
    else
      sql.where(
          "EXISTS (SELECT 1 FROM coordination_tasks t WHERE t.case_id = c.id AND "
          "t.department = ?)",
          {std::string(enum_key(*own))});
  }
  if (status)
    sql.where("c.status = ?", {std::string(enum_key(*status))});
  return list_reply(
      call, sql, page,
      [&](const std::string& no) -> Result<json> {
        CoordinationCase found;
        FAXIAN_TRY_ASSIGN(found, visible_case(call, no));
        return case_json(found, call.today());
      },
      "coordination.list", "coordination_case");
}

Result<Reply> get_case(Call& call) {
  CoordinationCase found;
  FAXIAN_TRY_ASSIGN(found, visible_case(call, call.param(0)));
  call.audit_view("coordination.view", "coordination_case", found.case_no);
  return Reply::json(case_json(found, call.today()));
}

Result<Reply> answer_task(Call& call) {
  CoordinationCase found;
  FAXIAN_TRY_ASSIGN(found, visible_case(call, call.param(0)));
  const workflow::CoordinationTask* task = nullptr;
  for (const workflow::CoordinationTask& candidate : found.tasks) {
    if (std::to_string(candidate.id) == call.param(1))
      task = &candidate;
  }
  const std::optional<Department> own = own_department(call);
  if (task == nullptr || (own && *own != task->department))
    return tl::unexpected(not_found("协调任务", call.param(1)));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(call.body()));
  workflow::DepartmentResult result;
  FAXIAN_TRY_ASSIGN(result.result, text_field(call.body(), "result"));
  FAXIAN_TRY_ASSIGN(result.amount, money_field(call.body(), "amount"));
  FAXIAN_TRY_ASSIGN(result.answered_on, date_or_today(call, "answered_on"));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::CoordinationService service(call.db, call.clock(), desk->calendar, desk->policy);
  FAXIAN_TRY_ASSIGN(
      found, service.record_result(call.actor(), found.case_no, task->department, version, result));
  return Reply::json(case_json(found, call.today()));
}

Result<Reply> close_case(Call& call) {
  CoordinationCase found;
  FAXIAN_TRY_ASSIGN(found, visible_case(call, call.param(0)));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(call.body()));
  std::string conclusion;
  FAXIAN_TRY_ASSIGN(conclusion, text_field(call.body(), "conclusion"));
  Date on;
  FAXIAN_TRY_ASSIGN(on, date_or_today(call, "closed_on"));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::CoordinationService service(call.db, call.clock(), desk->calendar, desk->policy);
  FAXIAN_TRY_ASSIGN(found, service.close(call.actor(), found.case_no, version, conclusion, on));
  return Reply::json(case_json(found, call.today()));
}

Access with_tokens(std::vector<Role> roles) {
  Access access = Access::only(std::move(roles));
  access.department_tokens = true;
  return access;
}

}  // namespace

void register_referral_routes(Router& router) {
  router.add("GET", "/api/v1/referrals", with_tokens(kDepartmentReaders), list_referrals);
  router.add("GET", "/api/v1/referrals/{referral_no}", with_tokens(kDepartmentReaders),
             get_referral);
  router.add("POST", "/api/v1/referrals/{referral_no}/answer",
             with_tokens({Role::kCountyAdmin, Role::kCountyOfficer, Role::kDepartmentLiaison}),
             answer_referral);
}

void register_coordination_routes(Router& router) {
  router.add("GET", "/api/v1/coordination-cases", with_tokens(kDepartmentReaders), list_cases);
  router.add("GET", "/api/v1/coordination-cases/{case_no}", with_tokens(kDepartmentReaders),
             get_case);
  router.add("POST", "/api/v1/coordination-cases/{case_no}/tasks/{task_id}/answer",
             with_tokens({Role::kCountyAdmin, Role::kCountyOfficer, Role::kDepartmentLiaison}),
             answer_task);
  router.add("POST", "/api/v1/coordination-cases/{case_no}/close", Access::only(kCountyRoles),
             close_case);
}

}  // namespace faxian::api::casework
