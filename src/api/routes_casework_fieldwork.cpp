// Routes: campaigns (集中排查) and visits (走访), 40-workflow.md:
//   GET  /api/v1/campaigns?status=&page=&page_size=
//   POST /api/v1/campaigns                      {name, event, starts_on, ends_on, villages, ...}
//   GET  /api/v1/campaigns/{campaign_id}        (progress by village and township, targets)
//   GET  /api/v1/visits?mine=&household_no=&campaign_id=&page=&page_size=
//   POST /api/v1/visits                         {household_no, visited_on, answers, needs, ...}
// Who: the county roles open campaigns; everyone with a household area (county roles, auditor,
// township officer, village coordinator) sees the campaigns touching its area, their progress
// within it, and the visits in it. Visits are recorded by coordinators in their village,
// township officers in their township and the county roles; a household outside the caller's
// area is "not found". A visit that finds difficulty opens (or joins) a lead.

#include <charconv>

#include "api/lead_routes.hpp"
#include "api/routes_casework.hpp"
#include "domain/rule_set.hpp"
#include "store/household_repository.hpp"
#include "workflow/fieldwork/campaign_progress.hpp"
#include "workflow/fieldwork/campaign_service.hpp"
#include "workflow/fieldwork/visit_service.hpp"

namespace faxian::api::casework {
namespace {

using nlohmann::json;
using workflow::Campaign;

std::optional<int64_t> id_of(std::string_view text) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0)
    return std::nullopt;
  return id;
}

bool campaign_visible(const Call& call, const Campaign& campaign) {
  const std::optional<AreaScope> scope = call.scope();
  if (!scope)
    return false;
  for (const std::string& village : campaign.village_codes) {
    if (scope->covers(village))
      return true;
  }
  return false;
}

Result<Campaign> visible_campaign(Call& call, std::string_view id_text) {
  const std::optional<int64_t> id = id_of(id_text);
  std::optional<Campaign> found;
  if (id)
    FAXIAN_TRY_ASSIGN(found, workflow::CampaignRepository(call.db, call.clock()).find(*id));
  if (!found || !campaign_visible(call, *found))
    return tl::unexpected(not_found("排查活动", id_text));
  return std::move(*found);
}

json campaign_json(const Campaign& c) {
  json checklist = json::array();
  for (const workflow::ChecklistItem& item : c.checklist)
    checklist.push_back({{"key", item.key},
                         {"question", item.question},
                         {"concern_answer", enum_key(item.concern_answer)}});
  return {{"id", c.id},
          {"name", c.name},
          {"event", enum_key(c.event)},
          {"event_label", enum_label(c.event)},
          {"description", c.description},
          {"starts_on", c.starts_on.iso()},
          {"ends_on", c.ends_on.iso()},
          {"status", enum_key(c.status)},
          {"villages", c.village_codes},
          {"checklist", std::move(checklist)},
          {"created_by", c.created_by},
          {"created_on", c.created_on.iso()}};
}

json progress_row_json(const workflow::ProgressRow& row) {
  return {{"region", row.region_code},
          {"name", row.region_name},
          {"tasks", row.tasks},
          {"visited", row.visited},
          {"visited_percent", row.visited_percent},
          {"leads_found", row.leads_found}};
}

Result<Reply> list_campaigns(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<CampaignStatus> status;
  FAXIAN_TRY_ASSIGN(status, enum_filter<CampaignStatus>(call, "status"));
  const AreaScope scope = call.scope().value_or(AreaScope{});
  ListSql sql;
  sql.from_where = "FROM campaigns c WHERE 1 = 1";
  sql.key = "c.id";
  sql.order = "c.starts_on DESC, c.id DESC";
  if (!scope.prefix.empty())
    sql.where(
        "EXISTS (SELECT 1 FROM campaign_villages v WHERE v.campaign_id = c.id AND "
        "v.village_code >= ? AND v.village_code < ?)",
        {scope.low(), scope.high()});
  if (status)
    sql.where("c.status = ?", {std::string(enum_key(*status))});
  return list_reply(call, sql, page, [&](const std::string& id) -> Result<json> {
    Campaign campaign;
    FAXIAN_TRY_ASSIGN(campaign, visible_campaign(call, id));
    json item = campaign_json(campaign);
    item.erase("checklist");
    return item;
  });
}

Result<Reply> get_campaign(Call& call) {
  Campaign campaign;
  FAXIAN_TRY_ASSIGN(campaign, visible_campaign(call, call.param(0)));
  std::string prefix = call.scope()->prefix;
  if (prefix.empty())
    prefix = campaign.village_codes.front().substr(0, 6);
  workflow::CampaignProgress progress;
  FAXIAN_TRY_ASSIGN(progress, workflow::campaign_progress(call.db, campaign.id, prefix));
  json body = campaign_json(campaign);
  json villages = json::array();
  for (const workflow::ProgressRow& row : progress.villages)
    villages.push_back(progress_row_json(row));
  json townships = json::array();
  for (const workflow::ProgressRow& row : progress.townships)
    townships.push_back(progress_row_json(row));
  body["progress"] = {{"villages", std::move(villages)},
                      {"townships", std::move(townships)},
                      {"total", progress_row_json(progress.total)}};
  std::vector<workflow::CampaignTarget> targets;
  FAXIAN_TRY_ASSIGN(targets, workflow::CampaignRepository(call.db, call.clock())
                                 .targets(campaign.id, call.scope()->prefix));
  json target_items = json::array();
  for (const workflow::CampaignTarget& t : targets)
    target_items.push_back({{"household_no", t.household_no},
                            {"village", t.village_code},
                            {"township", t.township_code},
                            {"task_id", t.task_id ? json(*t.task_id) : json(nullptr)},
                            {"low_income", t.reasons.low_income},
                            {"open_warning", t.reasons.open_warning},
                            {"disaster", t.reasons.disaster},
                            {"visited", t.visited}});
  body["targets"] = std::move(target_items);
  call.audit_view("campaign.view", "campaign", std::to_string(campaign.id));
  return Reply::json(std::move(body));
}

Result<std::vector<std::string>> string_list(const json& body, std::string_view field) {
  auto found = body.find(field);
  std::vector<std::string> out;
  if (found == body.end() || found->is_null())
    return out;
  if (!found->is_array())
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为文本数组", field),
                "not an array");
  for (const json& value : *found) {
    if (!value.is_string())
      return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为文本数组", field),
                  "array item not a string");
    out.push_back(value.get<std::string>());
  }
  return out;
}

Result<std::vector<workflow::ChecklistItem>> checklist_of(const json& body) {
  std::vector<workflow::ChecklistItem> items;
  auto found = body.find("checklist");
  if (found == body.end() || found->is_null())
    return items;
  if (!found->is_array())
    return fail(ErrorCode::kInvalidArgument, "字段 checklist 应为数组", "checklist not array");
  for (const json& entry : *found) {
    if (!entry.is_object())
      return fail(ErrorCode::kInvalidArgument, "checklist 的每一项应为对象", "item not object");
    workflow::ChecklistItem item;
    FAXIAN_TRY_ASSIGN(item.key, text_field(entry, "key"));
    FAXIAN_TRY_ASSIGN(item.question, text_field(entry, "question"));
    std::optional<ChecklistAnswer> concern;
    FAXIAN_TRY_ASSIGN(concern, enum_field<ChecklistAnswer>(entry, "concern_answer", false));
    item.concern_answer = concern.value_or(ChecklistAnswer::kYes);
    items.push_back(std::move(item));
  }
  return items;
}

Result<workflow::CampaignRequest> campaign_request(const json& body) {
  workflow::CampaignRequest request;
  FAXIAN_TRY_ASSIGN(request.name, text_field(body, "name"));
  std::optional<CampaignEvent> event;
  FAXIAN_TRY_ASSIGN(event, enum_field<CampaignEvent>(body, "event", false));
  request.event = event.value_or(CampaignEvent::kOther);
  FAXIAN_TRY_ASSIGN(request.description, text_field(body, "description"));
  std::optional<Date> starts;
  FAXIAN_TRY_ASSIGN(starts, optional_date(body, "starts_on"));
  std::optional<Date> ends;
  FAXIAN_TRY_ASSIGN(ends, optional_date(body, "ends_on"));
  if (!starts || !ends)
    return fail(ErrorCode::kInvalidArgument, "缺少字段 starts_on 或 ends_on（YYYY-MM-DD）",
                "missing campaign dates");
  request.starts_on = *starts;
  request.ends_on = *ends;
  FAXIAN_TRY_ASSIGN(request.village_codes, string_list(body, "villages"));
  FAXIAN_TRY_ASSIGN(request.checklist, checklist_of(body));
  return request;
}

Result<Reply> open_campaign(Call& call) {
  workflow::CampaignRequest request;
  FAXIAN_TRY_ASSIGN(request, campaign_request(call.body()));
  std::unique_ptr<LeadDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, true));
  workflow::CampaignService campaigns(desk->leads());
  workflow::CampaignOpened opened;
  FAXIAN_TRY_ASSIGN(opened, campaigns.open(call.actor(), request));
  json body = campaign_json(opened.campaign);
  body["tasks_created"] = opened.tasks_created;
  return Reply::json(std::move(body), 201);
}

// Visits.

json visit_json(const workflow::Visit& v) {
  json answers = json::array();
  for (const workflow::ChecklistEntry& a : v.answers)
    answers.push_back({{"item_key", a.item_key}, {"answer", enum_key(a.answer)}, {"note", a.note}});
  json needs = json::array();
  for (VisitNeed need : v.needs)
    needs.push_back(enum_key(need));
  return {{"id", v.id},
          {"household_no", v.household_no},
          {"village", v.village_code},
          {"township", v.township_code},
          {"visited_on", v.visited_on.iso()},
          {"campaign_id", v.campaign_id ? json(*v.campaign_id) : json(nullptr)},
          {"task_id", v.task_id ? json(*v.task_id) : json(nullptr)},
          {"visitor", v.visitor},
          {"met", v.met},
          {"notes", v.notes},
          {"difficulty_found", v.difficulty_found},
          {"lead_no", v.lead_no.empty() ? json(nullptr) : json(v.lead_no)},
          {"answers", std::move(answers)},
          {"needs", std::move(needs)}};
}

Result<Reply> list_visits(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  const std::optional<std::string> mine = call.query("mine");
  if (mine && *mine != "true" && *mine != "false")
    return fail(ErrorCode::kInvalidArgument, "筛选条件 mine 的取值无效", "bad mine filter");
  ListSql sql;
  sql.from_where = "FROM visits v JOIN households h ON h.id = v.household_id WHERE 1 = 1";
  sql.key = "v.id";
  sql.order = "v.visited_on DESC, v.id DESC";
  sql.in_area(call.scope().value_or(AreaScope{}), "v.township_code", "v.village_code");
  if (mine && *mine == "true")
    sql.where("v.visitor = ?", {call.actor().name});
  if (auto household = call.query("household_no"))
    sql.where("h.household_no = ?", {*household});
  if (auto campaign = call.query("campaign_id")) {
    const std::optional<int64_t> id = id_of(*campaign);
    if (!id)
      return fail(ErrorCode::kInvalidArgument, "筛选条件 campaign_id 的取值无效", "bad id");
    sql.where("v.campaign_id = ?", {*id});
  }
  workflow::VisitRepository visits(call.db, call.clock());
  return list_reply(
      call, sql, page,
      [&](const std::string& key) -> Result<json> {
        std::optional<workflow::Visit> visit;
        FAXIAN_TRY_ASSIGN(visit, visits.find(id_of(key).value_or(0)));
        return visit ? visit_json(*visit) : json();
      },
      "visit.list", "visit");
}

Result<std::vector<workflow::ChecklistEntry>> answers_of(const json& body) {
  std::vector<workflow::ChecklistEntry> answers;
  auto found = body.find("answers");
  if (found == body.end() || found->is_null())
    return answers;
  if (!found->is_array())
    return fail(ErrorCode::kInvalidArgument, "字段 answers 应为数组", "answers not array");
  for (const json& entry : *found) {
    if (!entry.is_object())
      return fail(ErrorCode::kInvalidArgument, "answers 的每一项应为对象", "item not object");
    workflow::ChecklistEntry answer;
    FAXIAN_TRY_ASSIGN(answer.item_key, text_field(entry, "item_key"));
    std::optional<ChecklistAnswer> value;
    FAXIAN_TRY_ASSIGN(value, enum_field<ChecklistAnswer>(entry, "answer", true));
    answer.answer = *value;
    FAXIAN_TRY_ASSIGN(answer.note, text_field(entry, "note"));
    answers.push_back(std::move(answer));
  }
  return answers;
}

Result<std::vector<VisitNeed>> needs_of(const json& body) {
  std::vector<std::string> keys;
  FAXIAN_TRY_ASSIGN(keys, string_list(body, "needs"));
  std::vector<VisitNeed> needs;
  for (const std::string& key : keys) {
    std::optional<VisitNeed> need = enum_from_key<VisitNeed>(key);
    if (!need)
      return fail(ErrorCode::kInvalidArgument, "字段 needs 的取值无效", "bad need");
    needs.push_back(*need);
  }
  return needs;
}

// The household of a visit: it must lie in the caller's area (kNotFound otherwise).
Result<int64_t> visited_household(Call& call) {
  std::string number;
  FAXIAN_TRY_ASSIGN(number, required_string(call.body(), "household_no"));
  std::optional<Household> household;
  FAXIAN_TRY_ASSIGN(household, HouseholdRepository(call.db, call.clock()).find_by_number(number));
  const std::optional<AreaScope> scope = call.scope();
  if (!household || !scope || !scope->covers(household->village_code))
    return tl::unexpected(not_found("户", number));
  return household->id;
}

Result<workflow::VisitForm> visit_form(Call& call) {
  const json& body = call.body();
  workflow::VisitForm form;
  FAXIAN_TRY_ASSIGN(form.household_id, visited_household(call));
  FAXIAN_TRY_ASSIGN(form.visited_on, date_or_today(call, "visited_on"));
  FAXIAN_TRY_ASSIGN(form.met, text_field(body, "met"));
  FAXIAN_TRY_ASSIGN(form.answers, answers_of(body));
  FAXIAN_TRY_ASSIGN(form.needs, needs_of(body));
  FAXIAN_TRY_ASSIGN(form.notes, text_field(body, "notes"));
  std::optional<bool> open_lead;
  FAXIAN_TRY_ASSIGN(open_lead, bool_field(body, "open_lead"));
  form.open_lead = open_lead.value_or(false);
  std::string level;
  FAXIAN_TRY_ASSIGN(level, text_field(body, "level"));
  if (!level.empty()) {
    std::optional<WarningLevel> found = find_level(level);
    if (!found)
      return fail(ErrorCode::kInvalidArgument, "字段 level 的取值无效", "bad level");
    form.level = *found;
  }
  if (body.contains("task_id") && !body.at("task_id").is_null())
    FAXIAN_TRY_ASSIGN(form.task_id, required_integer(body, "task_id"));
  return form;
}

Result<Reply> record_visit(Call& call) {
  workflow::VisitForm form;
  FAXIAN_TRY_ASSIGN(form, visit_form(call));
  std::optional<int64_t> campaign_id;
  if (call.body().contains("campaign_id") && !call.body().at("campaign_id").is_null()) {
    Campaign campaign;
    int64_t id = 0;
    FAXIAN_TRY_ASSIGN(id, required_integer(call.body(), "campaign_id"));
    FAXIAN_TRY_ASSIGN(campaign, visible_campaign(call, std::to_string(id)));
    campaign_id = campaign.id;
  }
  std::unique_ptr<LeadDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, true));
  workflow::VisitResult result;
  if (campaign_id) {
    workflow::CampaignService campaigns(desk->leads());
    FAXIAN_TRY_ASSIGN(result, campaigns.record_visit(call.actor(), *campaign_id, form));
  } else {
    workflow::VisitService visits(desk->leads());
    FAXIAN_TRY_ASSIGN(result, visits.record(call.actor(), form));
  }
  json body = visit_json(result.visit);
  if (result.lead)
    body["lead_no"] = result.lead->lead_no;
  body["lead_attached"] = result.lead_attached;
  body["tasks_completed"] = result.tasks_completed;
  return Reply::json(std::move(body), 201);
}

}  // namespace

void register_fieldwork_routes(Router& router) {
  router.add("GET", "/api/v1/campaigns", Access::only(kFieldReaders), list_campaigns);
  router.add("POST", "/api/v1/campaigns", Access::only(kCountyRoles), open_campaign);
  router.add("GET", "/api/v1/campaigns/{campaign_id}", Access::only(kFieldReaders), get_campaign);
  router.add("GET", "/api/v1/visits", Access::only(kFieldReaders), list_visits);
  router.add("POST", "/api/v1/visits",
             Access::only({Role::kCountyAdmin, Role::kCountyOfficer, Role::kTownshipOfficer,
                           Role::kVillageCoordinator}),
             record_visit);
}

}  // namespace faxian::api::casework
