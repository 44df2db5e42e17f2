// Routes: leads (50-api-security.md) — the scoped list with filters, manual intake and the
// detail of one lead. The actions on a lead are in lead_action_routes.cpp, the caller's tasks
// and notifications in lead_inbox_routes.cpp. Business rules stay in workflow::LeadService.

#include <httplib.h>

#include <fmt/format.h>

#include "api/lead_access.hpp"
#include "api/lead_json.hpp"
#include "api/lead_routes.hpp"
#include "api/server_context.hpp"
#include "store/calendar_repository.hpp"
#include "store/household_repository.hpp"
#include "store/user_repository.hpp"

namespace faxian::api {

using nlohmann::json;

Result<std::unique_ptr<LeadDesk>> LeadDesk::open(Call& call, bool with_calendar) {
  std::unique_ptr<LeadDesk> desk(new LeadDesk());
  workflow::DeadlinePolicy policy;
  if (with_calendar) {
    FAXIAN_TRY_ASSIGN(desk->calendar_, CalendarRepository(call.db, call.clock()).load());
    FAXIAN_TRY_ASSIGN(policy, workflow::DeadlinePolicy::load(call.db));
  }
  desk->service_ =
      std::make_unique<workflow::LeadService>(call.db, call.clock(), desk->calendar_, policy);
  return desk;
}

Result<Lead> visible_lead(const Call& call, workflow::LeadService& leads,
                          std::string_view lead_no) {
  std::optional<Lead> lead;
  FAXIAN_TRY_ASSIGN(lead, leads.find(lead_no));
  if (!lead || !lead_visible(call.scope(), *lead)) {
    return fail(ErrorCode::kNotFound, fmt::format("线索 {} 不存在", lead_no),
                "lead not found or outside the caller's area");
  }
  return std::move(*lead);
}

namespace {

const std::vector<Role> kViewers = {Role::kCountyAdmin,     Role::kCountyOfficer,
                                    Role::kTownshipOfficer, Role::kVillageCoordinator,
                                    Role::kHotlineOperator, Role::kAuditor};
const std::vector<Role> kIntakers = {Role::kCountyAdmin, Role::kCountyOfficer,
                                     Role::kTownshipOfficer, Role::kVillageCoordinator,
                                     Role::kHotlineOperator};

Error bad_filter(std::string_view name) {
  return Error(ErrorCode::kInvalidArgument, fmt::format("筛选条件 {} 的取值无效", name),
               fmt::format("bad value of filter {}", name));
}

// A query parameter read as an enum key; kInvalidArgument for an unknown key.
template <typename E, typename Find>
Result<std::optional<E>> enum_filter(const Call& call, std::string_view name, Find find) {
  auto text = call.query(name);
  if (!text)
    return std::optional<E>();
  std::optional<E> value = find(*text);
  if (!value)
    return tl::unexpected(bad_filter(name));
  return value;
}

// The filters of GET /api/v1/leads; nullopt when they select nothing the caller may see.
Result<std::optional<workflow::LeadQuery>> lead_query_of(const Call& call) {
  workflow::LeadQuery query;
  FAXIAN_TRY_ASSIGN(query.status, enum_filter<LeadStatus>(call, "status", [](std::string_view k) {
                      return enum_from_key<LeadStatus>(k);
                    }));
  FAXIAN_TRY_ASSIGN(query.level, enum_filter<WarningLevel>(call, "level", find_level));
  FAXIAN_TRY_ASSIGN(query.source, enum_filter<LeadSource>(call, "source", [](std::string_view k) {
                      return enum_from_key<LeadSource>(k);
                    }));
  if (auto overdue = call.query("overdue")) {
    if (*overdue != "true" && *overdue != "false")
      return tl::unexpected(bad_filter("overdue"));
    if (*overdue == "true")
      query.overdue_on = call.today();
  }
  query.township_code = call.query("township").value_or("");
  query.village_code = call.query("village").value_or("");
  std::optional<AreaScope> scope = call.scope();
  if (!scope || !restrict_to_scope(*scope, query))
    return std::optional<workflow::LeadQuery>();
  if (auto assignee = call.query("assignee")) {
    std::optional<User> user;
    FAXIAN_TRY_ASSIGN(user, UserRepository(call.db, call.clock()).find_by_username(*assignee));
    if (!user)
      return std::optional<workflow::LeadQuery>();
    query.assignee_id = user->id;
  }
  return std::optional<workflow::LeadQuery>(std::move(query));
}

// The total under a page of leads, cached by filter until the casework tables change
// (CaseworkCache). A source filter reads lead_sources, which the change counter does not
// follow, and one household's leads are few: those are counted each time.
Result<int64_t> lead_total(Call& call, workflow::LeadService& leads,
                           const workflow::LeadQuery& query) {
  if (query.source || query.household_id)
    return leads.count(query);
  auto code = [](const auto& value) { return value ? static_cast<int>(*value) : -1; };
  const std::string key =
      fmt::format("{}|{}|{}|{}|{}|{}|{}", code(query.status), code(query.level),
                  query.township_code, query.village_code, query.assignee_id.value_or(0),
                  query.overdue_on ? query.overdue_on->iso() : std::string(), query.open_only);
  json total;
  FAXIAN_TRY_ASSIGN(total,
                    call.server.lead_totals.get(key, call.today(), casework_generation(call.db),
                                                [&]() -> Result<json> {
                                                  auto counted = leads.count(query);
                                                  if (!counted)
                                                    return tl::unexpected(counted.error());
                                                  return json(*counted);
                                                }));
  return total.get<int64_t>();
}

Result<Reply> list_leads(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<workflow::LeadQuery> query;
  FAXIAN_TRY_ASSIGN(query, lead_query_of(call));
  json items = json::array();
  int64_t total = 0;
  if (query) {
    std::unique_ptr<LeadDesk> desk;
    FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, false));
    FAXIAN_TRY_ASSIGN(total, lead_total(call, desk->leads(), *query));
    query->limit = page.page_size;
    query->offset = page.offset();
    std::vector<Lead> leads;
    FAXIAN_TRY_ASSIGN(leads, desk->leads().list(*query));
    for (const Lead& lead : leads)
      items.push_back(lead_item_json(lead));
  }
  json filters = json::object();
  for (const auto& [name, value] : call.request.params)
    filters[name] = value;
  call.audit_view("lead.list", "lead", "",
                  json{{"query", std::move(filters)}, {"returned", items.size()}}.dump(
                      -1, ' ', false, json::error_handler_t::replace));
  return Reply::json(page_body(std::move(items), page, total));
}

// Where an unidentified subject lives: the codes given, defaulting to the caller's own area;
// kNotFound for a place outside the caller's scope.
Result<void> place_subject(const Call& call, const json& body, workflow::IntakeRequest& request) {
  const workflow::Actor& actor = call.actor();
  request.village_code = optional_string(body, "village").value_or("");
  request.township_code = optional_string(body, "township").value_or("");
  if (request.village_code.empty() && request.township_code.empty()) {
    if (actor.role == Role::kVillageCoordinator)
      request.village_code = actor.region_code;
    else if (actor.role == Role::kTownshipOfficer)
      request.township_code = actor.region_code;
  }
  const std::optional<AreaScope> scope = call.scope();
  const std::string& place =
      request.village_code.empty() ? request.township_code : request.village_code;
  if (!scope || (!place.empty() && !scope->covers(place))) {
    return fail(ErrorCode::kNotFound, "所指的村（社区）或乡镇（街道）不在本人辖区内",
                "intake place outside the caller's area");
  }
  return ok();
}

Result<void> read_subject(const Call& call, const json& body, workflow::IntakeRequest& request) {
  if (auto household_no = optional_string(body, "household_no")) {
    std::optional<Household> household;
    FAXIAN_TRY_ASSIGN(household,
                      HouseholdRepository(call.db, call.clock()).find_by_number(*household_no));
    const std::optional<AreaScope> scope = call.scope();
    if (!household || !scope || !scope->covers(household->village_code)) {
      return fail(ErrorCode::kNotFound, fmt::format("户 {} 不存在", *household_no),
                  "household not found or outside the caller's area");
    }
    request.household_id = household->id;
    return ok();
  }
  auto subject = body.find("subject");
  if (subject == body.end() || !subject->is_object()) {
    return fail(ErrorCode::kInvalidArgument, "须填写户号 household_no，或当事人 subject（姓名等）",
                "neither household_no nor subject");
  }
  FAXIAN_TRY_ASSIGN(request.subject.name, required_string(*subject, "name"));
  request.subject.phone = optional_string(*subject, "phone").value_or("");
  request.subject.address = optional_string(*subject, "address").value_or("");
  return place_subject(call, body, request);
}

Result<workflow::IntakeRequest> intake_request_of(const Call& call) {
  const json& body = call.body();
  workflow::IntakeRequest request;
  std::string source;
  FAXIAN_TRY_ASSIGN(source, required_string(body, "source"));
  std::optional<LeadSource> parsed = enum_from_key<LeadSource>(source);
  if (!parsed || *parsed == LeadSource::kDataWarning) {
    return fail(ErrorCode::kInvalidArgument,
                "线索来源应为 visit、campaign、hotline、social_report、referral、self_report 或 "
                "superior 之一",
                "bad intake source");
  }
  request.source = *parsed;
  if (auto level = optional_string(body, "level")) {
    auto found = find_level(*level);
    if (!found)
      return fail(ErrorCode::kInvalidArgument, "预警等级应为 red、orange 或 yellow", "bad level");
    request.level = *found;
  }
  FAXIAN_TRY_ASSIGN(request.description, required_string(body, "description"));
  std::optional<Date> reported_on;
  FAXIAN_TRY_ASSIGN(reported_on, optional_date(body, "reported_on"));
  request.reported_on = reported_on.value_or(call.today());
  if (call.today() < request.reported_on)
    return fail(ErrorCode::kInvalidArgument, "报告日期不能晚于今天", "reported_on in the future");
  FAXIAN_TRY(read_subject(call, body, request));
  return request;
}

Result<Reply> intake_lead(Call& call) {
  workflow::IntakeRequest request;
  FAXIAN_TRY_ASSIGN(request, intake_request_of(call));
  std::unique_ptr<LeadDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, true));
  workflow::IntakeResult result;
  FAXIAN_TRY_ASSIGN(result, desk->leads().intake(call.actor(), request));
  json body = lead_json(call.actor(), result.lead);
  body["attached"] = result.attached;
  return Reply::json(std::move(body), result.attached ? 200 : 201);
}

// Persons who may be an unidentified subject, within the caller's area.
Result<json> candidates_json(const Call& call, workflow::LeadService& leads, const Lead& lead) {
  json items = json::array();
  if (lead.household_id)
    return items;
  std::vector<workflow::SubjectCandidate> candidates;
  FAXIAN_TRY_ASSIGN(candidates, leads.candidates(lead.lead_no));
  const std::optional<AreaScope> scope = call.scope();
  const bool show_name = handles_lead(call.actor(), lead);
  for (const workflow::SubjectCandidate& candidate : candidates) {
    if (scope && scope->covers(candidate.village_code))
      items.push_back(candidate_json(candidate, show_name));
  }
  return items;
}

Result<Reply> lead_detail(Call& call) {
  std::unique_ptr<LeadDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, LeadDesk::open(call, false));
  workflow::LeadService& leads = desk->leads();
  Lead lead;
  FAXIAN_TRY_ASSIGN(lead, visible_lead(call, leads, call.param(0)));
  const bool handler = handles_lead(call.actor(), lead);
  json body = lead_json(call.actor(), lead);
  std::vector<LeadEvent> history;
  FAXIAN_TRY_ASSIGN(history, leads.history(lead.id));
  body["history"] = json::array();
  for (const LeadEvent& event : history)
    body["history"].push_back(lead_event_json(event));
  std::vector<VerificationRecord> verifications;
  FAXIAN_TRY_ASSIGN(verifications, leads.verifications(lead.id));
  body["verifications"] = json::array();
  for (const VerificationRecord& record : verifications)
    body["verifications"].push_back(verification_json(record, handler));
  body["allowed_actions"] = json::array();
  for (workflow::LeadAction action : available_actions(call.actor(), lead))
    body["allowed_actions"].push_back(workflow::lead_action_key(action));
  FAXIAN_TRY_ASSIGN(body["candidates"], candidates_json(call, leads, lead));
  call.audit_view("lead.view", "lead", lead.lead_no);
  return Reply::json(std::move(body));
}

}  // namespace

void register_lead_routes(Router& router) {
  router.add("GET", "/api/v1/leads", Access::only(kViewers), list_leads);
  router.add("POST", "/api/v1/leads", Access::only(kIntakers), intake_lead);
  router.add("GET", "/api/v1/leads/{lead_no}", Access::only(kViewers), lead_detail);
  register_lead_action_route(router);
  register_lead_inbox_routes(router);
}

}  // namespace faxian::api
