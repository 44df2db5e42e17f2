// The caller's inbox (40-workflow.md tasks and notifications; 60-ui.md "visits & tasks"):
//   GET  /api/v1/tasks?status=open|done|cancelled|all&kind=&page=&page_size=
//   GET  /api/v1/notifications?unread=true|false&page=&page_size=
//   POST /api/v1/notifications/{id}/read
// Tasks are scoped in the query like leads (a township officer its township, a coordinator its
// village, county roles and auditors everything, the hotline its callbacks). A notification is
// in the inbox when it is addressed to the caller, or to the caller's role in a region inside
// the caller's scope (the region prefix is applied in the query, the role and a department
// liaison's own department afterwards). Notices are shared by their addressees: reading one
// marks it read for the others too (NotificationRepository keeps one read_at per notice).

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "api/lead_json.hpp"
#include "api/lead_routes.hpp"
#include "store/household_repository.hpp"
#include "workflow/casework/casework_support.hpp"
#include "workflow/casework/referral_repository.hpp"
#include "workflow/leads/notification_repository.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

// How many notices one inbox reads at most (the newest).
constexpr int64_t kInboxLimit = 2000;

// The filters of GET /api/v1/tasks within the caller's scope; nullopt for a caller without one.
Result<std::optional<workflow::TaskQuery>> task_query_of(const Call& call) {
  workflow::TaskQuery query;
  if (auto status = call.query("status")) {
    if (*status == "all") {
      query.status.reset();
    } else {
      query.status = enum_from_key<TaskStatus>(*status);
      if (!query.status)
        return fail(ErrorCode::kInvalidArgument, "筛选条件 status 的取值无效", "bad task status");
    }
  }
  if (auto kind = call.query("kind")) {
    query.kind = enum_from_key<TaskKind>(*kind);
    if (!query.kind)
      return fail(ErrorCode::kInvalidArgument, "筛选条件 kind 的取值无效", "bad task kind");
  }
  const workflow::Actor& actor = call.actor();
  const std::optional<AreaScope> scope = call.scope();
  if (!scope)
    return std::optional<workflow::TaskQuery>();
  if (actor.role == Role::kHotlineOperator) {
    if (query.kind && *query.kind != TaskKind::kCallback)
      return std::optional<workflow::TaskQuery>();
    query.kind = TaskKind::kCallback;
  }
  if (!scope->prefix.empty()) {
    if (scope->prefix.size() <= 9)
      query.township_code = scope->prefix;
    else
      query.village_code = scope->prefix;
  }
  return std::optional<workflow::TaskQuery>(std::move(query));
}

// Household and lead numbers of the tasks, looked up once each.
class TaskNames {
 public:
  TaskNames(Call& call, workflow::LeadService& leads) : call_(call), leads_(leads) {}

  Result<json> household_no(std::optional<int64_t> id) {
    if (!id)
      return json(nullptr);
    auto [at, fresh] = households_.try_emplace(*id);
    if (fresh) {
      std::optional<Household> household;
      FAXIAN_TRY_ASSIGN(household, HouseholdRepository(call_.db, call_.clock()).find(*id));
      at->second = household ? household->household_no : "";
    }
    return at->second.empty() ? json(nullptr) : json(at->second);
  }
  Result<json> lead_no(std::optional<int64_t> id) {
    if (!id)
      return json(nullptr);
    auto [at, fresh] = leads_no_.try_emplace(*id);
    if (fresh) {
      std::optional<Lead> lead;
      FAXIAN_TRY_ASSIGN(lead, leads_.find_by_id(*id));
      at->second = lead ? lead->lead_no : "";
    }
    return at->second.empty() ? json(nullptr) : json(at->second);
  }

 private:
  Call& call_;
  workflow::LeadService& leads_;
  std::map<int64_t, std::string> households_;
  std::map<int64_t, std::string> leads_no_;
};

Result<json> task_json(const workflow::Task& task, TaskNames& names, Date today) {
  json body = {{"id", task.id},
               {"kind", enum_key(task.kind)},
               {"title", task.title},
               {"township", task.township_code},
               {"village", task.village_code.empty() ? json(nullptr) : json(task.village_code)},
               {"due_on", date_json(task.due_on)},
               {"overdue", task.status == TaskStatus::kOpen && task.due_on && *task.due_on < today},
               {"status", enum_key(task.status)},
               {"result", task.result},
               {"done_on", date_json(task.done_on)},
               {"created_on", task.created_on.iso()},
               {"created_by", task.created_by}};
  FAXIAN_TRY_ASSIGN(body["household_no"], names.household_no(task.household_id));
  FAXIAN_TRY_ASSIGN(body["lead_no"], names.lead_no(task.lead_id));
  return body;
}

Result<Reply> list_tasks(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<workflow::TaskQuery> query;
  FAXIAN_TRY_ASSIGN(query, task_query_of(call));
  json items = json::array();
  int64_t total = 0;
  if (query) {
    workflow::TaskRepository tasks(call.db, call.clock());
    FAXIAN_TRY_ASSIGN(total, tasks.count(*query));
    query->limit = page.page_size;
    query->offset = page.offset();
    std::vector<workflow::Task> found;
    FAXIAN_TRY_ASSIGN(found, tasks.list(*query));
    std::unique_ptr<LeadDesk> desk;
    FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, false));
    TaskNames names(call, desk->leads());
    for (const workflow::Task& task : found) {
      json item;
      FAXIAN_TRY_ASSIGN(item, task_json(task, names, call.today()));
      items.push_back(std::move(item));
    }
  }
  call.audit_view("task.list", "task", "", json{{"returned", items.size()}}.dump());
  return Reply::json(page_body(std::move(items), page, total));
}

// Whether a role notice reaches a department liaison: only its own department's referrals.
Result<bool> reaches_department(Call& call, const workflow::Notification& notice) {
  if (notice.subject_type != "referral")
    return false;
  std::optional<workflow::Referral> referral;
  FAXIAN_TRY_ASSIGN(
      referral, workflow::ReferralRepository(call.db, call.clock()).find_by_id(notice.subject_id));
  return referral && workflow::acts_for_department(call.actor(), referral->department);
}

Result<bool> in_inbox(Call& call, const workflow::Notification& notice) {
  const workflow::Actor& actor = call.actor();
  if (notice.user_id)
    return notice.user_id == actor.user_id;
  if (!notice.role.empty() && notice.role != enum_key(actor.role))
    return false;
  if (actor.role == Role::kDepartmentLiaison)
    return reaches_department(call, notice);
  return true;
}

// The caller's notices, newest first (at most kInboxLimit).
Result<std::vector<workflow::Notification>> inbox(Call& call, bool unread_only) {
  workflow::NotificationRepository repository(call.db, call.clock());
  const std::optional<AreaScope> scope = call.scope();
  // Role notices in the scope (a department liaison's are addressed to the county).
  std::vector<workflow::Notification> notices;
  FAXIAN_TRY_ASSIGN(
      notices, repository.list(scope ? scope->prefix : "", std::nullopt, unread_only, kInboxLimit));
  std::vector<workflow::Notification> mine;
  if (call.actor().user_id) {
    FAXIAN_TRY_ASSIGN(mine, repository.list("", call.actor().user_id, unread_only, kInboxLimit));
  }
  std::vector<workflow::Notification> kept;
  for (workflow::Notification& notice : notices) {
    bool keep = false;
    FAXIAN_TRY_ASSIGN(keep, in_inbox(call, notice));
    if (keep && !notice.user_id)
      kept.push_back(std::move(notice));
  }
  for (workflow::Notification& notice : mine)
    kept.push_back(std::move(notice));
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const auto& a, const auto& b) { return a.id == b.id; }),
             kept.end());
  return kept;
}

json notification_json(const workflow::Notification& notice) {
  return {{"id", notice.id},
          {"kind", notice.kind},
          {"subject_type", notice.subject_type},
          {"subject_id", notice.subject_id},
          {"region", notice.region_code.empty() ? json(nullptr) : json(notice.region_code)},
          {"message", notice.message},
          {"on", notice.on_date.iso()},
          {"read", notice.read_at.has_value()}};
}

Result<Reply> list_notifications(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  bool unread_only = false;
  if (auto unread = call.query("unread")) {
    if (*unread != "true" && *unread != "false")
      return fail(ErrorCode::kInvalidArgument, "筛选条件 unread 应为 true 或 false", "bad unread");
    unread_only = *unread == "true";
  }
  std::vector<workflow::Notification> notices;
  FAXIAN_TRY_ASSIGN(notices, inbox(call, unread_only));
  json items = json::array();
  const size_t first = static_cast<size_t>(page.offset());
  for (size_t index = first; index < notices.size() && items.size() < size_t(page.page_size);
       ++index)
    items.push_back(notification_json(notices[index]));
  return Reply::json(page_body(std::move(items), page, static_cast<int64_t>(notices.size())));
}

Result<Reply> read_notification(Call& call) {
  int64_t id = 0;
  const std::string& text = call.param(0);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  std::vector<workflow::Notification> notices;
  if (error == std::errc() && end == text.data() + text.size())
    FAXIAN_TRY_ASSIGN(notices, inbox(call, false));
  auto found = std::find_if(notices.begin(), notices.end(),
                            [&](const workflow::Notification& notice) { return notice.id == id; });
  if (found == notices.end())
    return fail(ErrorCode::kNotFound, "通知不存在", "notification not in the caller's inbox");
  FAXIAN_TRY(workflow::NotificationRepository(call.db, call.clock()).mark_read(id));
  json body = notification_json(*found);
  body["read"] = true;
  return Reply::json(std::move(body));
}

}  // namespace

void register_lead_inbox_routes(Router& router) {
  router.add("GET", "/api/v1/tasks",
             Access::only({Role::kCountyAdmin, Role::kCountyOfficer, Role::kTownshipOfficer,
                           Role::kVillageCoordinator, Role::kHotlineOperator, Role::kAuditor}),
             list_tasks);
  router.add("GET", "/api/v1/notifications", Access::anyone(), list_notifications);
  router.add("POST", "/api/v1/notifications/{id}/read", Access::anyone(), read_notification);
}

}  // namespace faxian::api
