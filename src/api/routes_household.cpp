// Routes: regions, households (search, profile, timeline, warnings, leads, applications) and the
// audited reveal of a person's full resident ID or phone (50-api-security.md, 60-ui.md 家庭档案).
//
// Access: every role with a household area (county roles, hotline and auditor county-wide, a
// township officer its township, a coordinator its village); a department liaison has none and
// gets 403. A household outside the caller's area is 404, like one that does not exist; a
// malformed 户号 is 400. Every view of personal data is audited (household.search,
// household.view, household.timeline, …); a reveal is written to the audit log, with its
// reason, before the value is returned.

#include <fmt/format.h>

#include "api/household_access.hpp"
#include "api/household_queries.hpp"
#include "api/household_timeline.hpp"
#include "api/server_context.hpp"
#include "api/warning_views.hpp"
#include "common/text.hpp"
#include "domain/category.hpp"

namespace faxian::api {
namespace {

constexpr size_t kMaxQueryBytes = 60;
constexpr size_t kMinReasonCharacters = 2;
constexpr size_t kMaxReasonBytes = 500;

Error household_not_found() {
  return Error(ErrorCode::kNotFound, "未找到该家庭（或不在您的管辖范围内）",
               "household not found or outside the caller's area");
}

std::vector<std::string_view> category_keys() {
  std::vector<std::string_view> keys;
  for (const auto& entry : EnumTable<CategoryKind>::entries()) {
    if (std::find(keys.begin(), keys.end(), entry.key) == keys.end())
      keys.push_back(entry.key);
  }
  return keys;
}

Result<Reply> list_regions(Call& call) {
  // Region names are not personal data; a department liaison (no household area) gets the
  // whole county, for the village codes its feeds carry.
  const AreaScope scope = call.scope().value_or(AreaScope{});
  nlohmann::json tree;
  FAXIAN_TRY_ASSIGN(tree, region_tree(call.db, scope));
  return Reply::json({{"items", std::move(tree)}});
}

Result<Reply> search(Call& call) {
  AreaScope scope;
  FAXIAN_TRY_ASSIGN(scope, require_household_scope(call));
  HouseholdSearch search;
  FAXIAN_TRY_ASSIGN(search.page, call.page());
  std::optional<std::string> township;
  FAXIAN_TRY_ASSIGN(township, region_filter(call, "township", 9));
  std::optional<std::string> village;
  FAXIAN_TRY_ASSIGN(village, region_filter(call, "village", 12));
  FAXIAN_TRY_ASSIGN(search.category, enum_filter(call, "category", category_keys()));
  search.q = call.query("q");
  if (search.q) {
    *search.q = std::string(trim(*search.q));
    if (search.q->empty())
      search.q.reset();
    else if (search.q->size() > kMaxQueryBytes)
      return fail(ErrorCode::kInvalidArgument, "查询内容过长", "q too long");
  }
  search.area = area_range(scope, township, village);
  search.today = call.today();
  HouseholdPage page;
  FAXIAN_TRY_ASSIGN(page, search_households(call.db, search));
  audit_household_page(call, "household.search", "household", page.items, page.total);
  return Reply::json(page_body(std::move(page.items), search.page, page.total));
}

// The household of the path's {household_no} in the caller's area; 400 / 404 otherwise.
Result<HouseholdRow> household_of_path(Call& call) {
  AreaScope scope;
  FAXIAN_TRY_ASSIGN(scope, require_household_scope(call));
  std::string household_no;
  FAXIAN_TRY_ASSIGN(household_no, valid_household_no(call.param(0)));
  std::optional<HouseholdRow> found;
  FAXIAN_TRY_ASSIGN(found, find_household(call.db, scope, household_no));
  if (!found)
    return tl::unexpected(household_not_found());
  return std::move(*found);
}

Result<Reply> profile(Call& call) {
  HouseholdRow household;
  FAXIAN_TRY_ASSIGN(household, household_of_path(call));
  const bool case_details = handles_cases(call.actor());
  nlohmann::json body;
  FAXIAN_TRY_ASSIGN(body, household_profile(call.db, household, call.today(), case_details));
  const std::shared_ptr<const RuleSet> rules = call.server.rules.latest(call.db, call.clock());
  FAXIAN_TRY_ASSIGN(body["warnings"],
                    household_warnings(call.db, household.id, true, *rules, case_details));
  call.audit_view("household.view", "household", household.household_no);
  return Reply::json(std::move(body));
}

Result<Reply> timeline(Call& call) {
  HouseholdRow household;
  FAXIAN_TRY_ASSIGN(household, household_of_path(call));
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<std::string> kind;
  FAXIAN_TRY_ASSIGN(kind, enum_filter(call, "kind", timeline_kinds()));
  const bool case_details = handles_cases(call.actor());
  TimelinePage entries;
  FAXIAN_TRY_ASSIGN(entries, household_timeline(call.db, household, kind, case_details, page));
  call.audit_view("household.timeline", "household", household.household_no);
  nlohmann::json body = page_body(std::move(entries.items), page, entries.total);
  body["case_details"] = case_details;
  return Reply::json(std::move(body));
}

Result<Reply> warnings(Call& call) {
  HouseholdRow household;
  FAXIAN_TRY_ASSIGN(household, household_of_path(call));
  const bool case_details = handles_cases(call.actor());
  const std::shared_ptr<const RuleSet> rules = call.server.rules.latest(call.db, call.clock());
  nlohmann::json items;
  FAXIAN_TRY_ASSIGN(items, household_warnings(call.db, household.id, false, *rules, case_details));
  call.audit_view("household.warnings", "household", household.household_no);
  return Reply::json({{"items", std::move(items)}});
}

Result<Reply> leads(Call& call) {
  HouseholdRow household;
  FAXIAN_TRY_ASSIGN(household, household_of_path(call));
  nlohmann::json items;
  FAXIAN_TRY_ASSIGN(items, household_leads(call.db, household.id));
  call.audit_view("household.leads", "household", household.household_no);
  return Reply::json({{"items", std::move(items)}});
}

Result<Reply> applications(Call& call) {
  HouseholdRow household;
  FAXIAN_TRY_ASSIGN(household, household_of_path(call));
  nlohmann::json items;
  FAXIAN_TRY_ASSIGN(items, household_applications(call.db, household.id));
  call.audit_view("household.applications", "household", household.household_no);
  return Reply::json({{"items", std::move(items)}});
}

Result<std::string> reveal_reason(const nlohmann::json& body) {
  auto reason = optional_string(body, "reason");
  const std::string trimmed = reason ? std::string(trim(*reason)) : std::string();
  if (code_point_count(trimmed) < kMinReasonCharacters || trimmed.size() > kMaxReasonBytes) {
    return fail(ErrorCode::kInvalidArgument, "查看完整信息须填写理由（至少 2 个字）",
                "reveal reason missing or too short");
  }
  return trimmed;
}

Result<Reply> reveal(Call& call) {
  AreaScope scope;
  FAXIAN_TRY_ASSIGN(scope, require_household_scope(call));
  int64_t person_id = 0;
  FAXIAN_TRY_ASSIGN(person_id, valid_person_id(call.param(0)));
  const auto field = optional_string(call.body(), "field");
  if (!field || (*field != "resident_id" && *field != "phone")) {
    return fail(ErrorCode::kInvalidArgument, "字段 field 应为 resident_id 或 phone",
                "bad reveal field");
  }
  std::string reason;
  FAXIAN_TRY_ASSIGN(reason, reveal_reason(call.body()));
  std::optional<PersonSecret> person;
  FAXIAN_TRY_ASSIGN(person, find_person_secret(call.db, scope, person_id));
  if (!person) {
    return fail(ErrorCode::kNotFound, "未找到该人员（或不在您的管辖范围内）",
                "person not found or outside the caller's area");
  }
  // Written before the value leaves the server: no reveal without its audit entry.
  workflow::AuditEntry entry = call.audit_entry(
      *field == "resident_id" ? "id.reveal" : "phone.reveal", "person", std::to_string(person_id));
  entry.reason = reason;
  entry.detail = nlohmann::json{{"household_no", person->household_no}}.dump();
  FAXIAN_TRY(workflow::AuditLog(call.db, call.clock()).append(entry));
  const std::string value = *field == "resident_id" ? person->resident_id : person->phone;
  return Reply::json({{"person_id", person_id}, {"field", *field}, {"value", value}});
}

}  // namespace

void register_household_routes(Router& router) {
  const Access readers = Access::only(household_reader_roles());
  router.add("GET", "/api/v1/regions", Access::anyone(), list_regions);
  router.add("GET", "/api/v1/households", readers, search);
  router.add("GET", "/api/v1/households/{household_no}", readers, profile);
  router.add("GET", "/api/v1/households/{household_no}/timeline", readers, timeline);
  router.add("GET", "/api/v1/households/{household_no}/warnings", readers, warnings);
  router.add("GET", "/api/v1/households/{household_no}/leads", readers, leads);
  router.add("GET", "/api/v1/households/{household_no}/applications", readers, applications);
  router.add("POST", "/api/v1/persons/{person_id}/reveal", Access::only(reveal_roles()), reveal);
}

}  // namespace faxian::api
