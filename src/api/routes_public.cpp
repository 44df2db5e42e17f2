// Routes: the public pages (no login; 50-api-security.md "Privacy"). A citizen reports a person
// in difficulty (an arithmetic challenge against scripts, 5 attempts per hour per address),
// gets a status code, and looks up only the stage of the lead it opened; the policy page and its
// self-check record nothing. Every report attempt counts against the limit, accepted or not, so
// the challenge cannot be brute-forced; status lookups have their own, higher limit against
// guessing codes.

#include <httplib.h>

#include <map>

#include <fmt/format.h>

#include "api/api_error.hpp"
#include "api/public_challenge.hpp"
#include "api/public_policy.hpp"
#include "api/public_reports.hpp"
#include "api/router.hpp"
#include "api/server_context.hpp"
#include "store/calendar_repository.hpp"
#include "store/region_repository.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::api {
namespace {

constexpr int kMaxMergeHops = 10;

// 429 with Retry-After (the router's error path sets no headers, so the reply is built here).
Reply too_many(std::string_view message, int64_t retry_after) {
  Reply reply = Reply::json(error_body(Error(ErrorCode::kRateLimited, std::string(message)),
                                       {{"retry_after_seconds", retry_after}}),
                            429);
  reply.headers.emplace_back("Retry-After", std::to_string(std::max<int64_t>(retry_after, 1)));
  return reply;
}

const workflow::Actor& public_actor() {
  static const workflow::Actor actor{std::nullopt, "public", Role::kCountyAdmin, "", ""};
  return actor;
}

Result<Reply> challenge(Call& call) {
  const PublicChallenge issued = issue_challenge(call.clock().now_unix());
  return Reply::json({{"challenge_id", issued.challenge_id},
                      {"question", issued.question},
                      {"expires_in", kChallengeLifetimeSeconds}});
}

Result<Reply> regions(Call& call) {
  std::vector<Region> all;
  FAXIAN_TRY_ASSIGN(all, RegionRepository(call.db).list());
  nlohmann::json townships = nlohmann::json::array();
  std::map<std::string, size_t> township_index;
  for (const Region& region : all) {
    if (region.level != RegionLevel::kTownship)
      continue;
    township_index[region.code] = townships.size();
    townships.push_back(
        {{"code", region.code}, {"name", region.name}, {"villages", nlohmann::json::array()}});
  }
  for (const Region& region : all) {
    auto parent = township_index.find(region.parent_code);
    if (region.level == RegionLevel::kVillage && parent != township_index.end())
      townships[parent->second]["villages"].push_back(
          {{"code", region.code}, {"name", region.name}});
  }
  return Reply::json({{"townships", std::move(townships)}});
}

// A code no report has yet.
Result<std::string> unused_code(PublicReportStore& store) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string code = new_report_code();
    std::optional<int64_t> taken;
    FAXIAN_TRY_ASSIGN(taken, store.lead_of(code));
    if (!taken)
      return code;
  }
  return fail(ErrorCode::kInternal, "系统繁忙，请稍后再试", "no free report code in 5 draws");
}

// Opens the lead, stores the code and audits the report, all in one transaction.
Result<std::string> open_report(Call& call, const PublicReportForm& form) {
  WorkCalendar calendar;
  FAXIAN_TRY_ASSIGN(calendar, CalendarRepository(call.db, call.clock()).load());
  workflow::DeadlinePolicy policy;
  FAXIAN_TRY_ASSIGN(policy, workflow::DeadlinePolicy::load(call.db));
  workflow::LeadService leads(call.db, call.clock(), calendar, policy);
  PublicReportStore store(call.db, call.clock());
  return in_transaction(call.db, [&]() -> Result<std::string> {
    std::string code;
    FAXIAN_TRY_ASSIGN(code, unused_code(store));
    workflow::IntakeRequest request;
    request.source = LeadSource::kSocialReport;
    request.reference = code;
    request.subject = UnidentifiedSubject{form.subject_name, "", form.address};
    request.village_code = form.village_code;
    request.township_code = form.township_code;
    request.description = form.description;
    request.reported_on = call.today();
    workflow::IntakeResult opened;
    FAXIAN_TRY_ASSIGN(opened, leads.intake(public_actor(), request));
    FAXIAN_TRY(store.insert(code, opened.lead.id, form.reporter_phone));
    workflow::AuditEntry entry = call.audit_entry("public.report", "lead", opened.lead.lead_no);
    entry.detail = nlohmann::json{{"code", code},
                                  {"township", opened.lead.township_code},
                                  {"village", opened.lead.village_code},
                                  {"callback_phone_given", !form.reporter_phone.empty()}}
                       .dump();
    FAXIAN_TRY(workflow::AuditLog(call.db, call.clock()).append(entry));
    return code;
  });
}

Result<Reply> submit_report(Call& call) {
  RateLimiter& limit = call.server.public_reports;
  const int64_t now = call.clock().now_unix();
  if (!limit.try_acquire(call.address(), now)) {
    return too_many("提交过于频繁，请一小时后再试；情况紧急请直接联系乡镇（街道）民政办",
                    limit.retry_after(call.address(), now));
  }
  PublicReportForm form;
  FAXIAN_TRY_ASSIGN(form, read_report_form(call.db, call.body()));
  FAXIAN_TRY(check_challenge(form.challenge_id, form.challenge_answer, now));
  std::string code;
  FAXIAN_TRY_ASSIGN(code, open_report(call, form));
  const ReportStage stage = report_stage(LeadStatus::kNew);
  return Reply::json({{"code", code}, {"stage", stage.key}, {"stage_label", stage.label}}, 201);
}

// The lead a report's lead was merged into, if any (the stage follows the surviving lead).
Result<Lead> surviving_lead(workflow::LeadService& leads, int64_t lead_id) {
  std::optional<Lead> lead;
  FAXIAN_TRY_ASSIGN(lead, leads.find_by_id(lead_id));
  for (int hop = 0; lead && lead->merged_into && hop < kMaxMergeHops; ++hop) {
    std::optional<Lead> into;
    FAXIAN_TRY_ASSIGN(into, leads.find_by_id(*lead->merged_into));
    if (!into)
      break;
    lead = std::move(into);
  }
  if (!lead)
    return fail(ErrorCode::kNotFound, "未找到该查询码", "lead of a public report is gone");
  return *lead;
}

Result<Reply> report_status(Call& call) {
  RateLimiter& limit = call.server.public_lookups;
  const int64_t now = call.clock().now_unix();
  if (!limit.try_acquire(call.address(), now))
    return too_many("查询过于频繁，请稍后再试", limit.retry_after(call.address(), now));
  const Error unknown(ErrorCode::kNotFound, "未找到该查询码，请核对后重新输入",
                      "unknown public report code");
  const std::optional<std::string> code = normalise_report_code(call.param(0));
  if (!code)
    return tl::unexpected(unknown);
  std::optional<int64_t> lead_id;
  FAXIAN_TRY_ASSIGN(lead_id, PublicReportStore(call.db, call.clock()).lead_of(*code));
  if (!lead_id)
    return tl::unexpected(unknown);
  const WorkCalendar no_calendar;  // reading a lead needs none
  workflow::LeadService leads(call.db, call.clock(), no_calendar);
  Lead lead;
  FAXIAN_TRY_ASSIGN(lead, surviving_lead(leads, *lead_id));
  const ReportStage stage = report_stage(lead.status);
  return Reply::json({{"code", *code},
                      {"stage", stage.key},
                      {"stage_label", stage.label},
                      {"updated", FixedClock(lead.updated_at).today().iso()}});
}

Result<Reply> policy(Call& call) {
  nlohmann::json body;
  FAXIAN_TRY_ASSIGN(body, public_policy(call.db, call.clock(), call.today()));
  return Reply::json(std::move(body));
}

Result<Reply> self_check(Call& call) {
  nlohmann::json body;
  FAXIAN_TRY_ASSIGN(body, public_self_check(call.db, call.clock(), call.today(), call.body()));
  return Reply::json(std::move(body));
}

}  // namespace

void register_public_routes(Router& router) {
  router.add("GET", "/api/v1/public/challenge", Access::open(), challenge);
  router.add("GET", "/api/v1/public/regions", Access::open(), regions);
  router.add("POST", "/api/v1/public/reports", Access::open(), submit_report);
  router.add("GET", "/api/v1/public/reports/{code}", Access::open(), report_status);
  router.add("GET", "/api/v1/public/policy", Access::open(), policy);
  router.add("POST", "/api/v1/public/self-check", Access::open(), self_check);
}

}  // namespace faxian::api
