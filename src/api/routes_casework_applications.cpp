// Routes: applications (救助申请, 40-workflow.md "Applications"):
//   GET  /api/v1/applications?status=&type=&township=&page=&page_size=
//   GET  /api/v1/applications/{application_no}            (with the eligibility check)
//   POST /api/v1/applications/{application_no}/eligibility-check   {version, as_of?}
//   POST /api/v1/applications/{application_no}/decision   {decision, reason, version, ...}
//   GET  /api/v1/applications/{application_no}/payments
//   POST /api/v1/applications/{application_no}/payments   {version, amount, ...}
// Who (decided for the API): county_admin and county_officer county-wide, township_officer in
// its township read and act; the auditor reads county-wide without the eligibility figures
// (income, health); village coordinators, the hotline and departments get 403. A 临时救助 whose
// amount needs 一事一议 is decided only by the county roles. Decisions go through
// workflow::decide_application, so a refusal as not eligible suppresses the warning and sets
// up the follow-up in the same transaction.

#include <map>

#include "api/lead_json.hpp"
#include "api/routes_casework.hpp"
#include "store/household_repository.hpp"
#include "store/person_repository.hpp"
#include "workflow/assistance/aid_request.hpp"
#include "workflow/assistance/application_service.hpp"
#include "workflow/assistance/assistance_outcomes.hpp"
#include "workflow/assistance/eligibility_json.hpp"
#include "workflow/assistance/eligibility_service.hpp"
#include "workflow/lead_decisions.hpp"

namespace faxian::api::casework {
namespace {

using nlohmann::json;
using workflow::Application;

// Whether the actor handles cases where the application is (and sees income and health).
bool handles(const workflow::Actor& actor, const Application& application) {
  if (actor.role == Role::kCountyAdmin || actor.role == Role::kCountyOfficer)
    return true;
  return actor.role == Role::kTownshipOfficer && actor.region_code == application.township_code;
}

// The application when it lies in the caller's area; kNotFound otherwise.
Result<Application> visible_application(Call& call, std::string_view application_no) {
  std::optional<Application> found;
  FAXIAN_TRY_ASSIGN(found,
                    workflow::ApplicationRepository(call.db, call.clock()).find(application_no));
  const std::optional<AreaScope> scope = call.scope();
  const bool in_area =
      found && scope &&
      scope->covers(found->village_code.empty() ? found->township_code : found->village_code);
  if (!in_area)
    return tl::unexpected(not_found("申请", application_no));
  return std::move(*found);
}

// The application for a change: visible, and the caller handles it (403 otherwise).
Result<Application> handled_application(Call& call, std::string_view application_no) {
  Application application;
  FAXIAN_TRY_ASSIGN(application, visible_application(call, application_no));
  if (!handles(call.actor(), application))
    return tl::unexpected(forbidden("当前角色无权办理此申请", "not a handler of the application"));
  return application;
}

Result<std::string> household_no_of(Call& call, int64_t household_id) {
  std::optional<Household> household;
  FAXIAN_TRY_ASSIGN(household, HouseholdRepository(call.db, call.clock()).find(household_id));
  return household ? household->household_no : std::string();
}

json item_json(const Application& a, const std::string& household_no, Date today) {
  return {{"application_no", a.application_no},
          {"kind", enum_key(a.kind)},
          {"kind_label", enum_label(a.kind)},
          {"household_no", household_no},
          {"township", a.township_code},
          {"village", a.village_code.empty() ? json(nullptr) : json(a.village_code)},
          {"status", enum_key(a.status)},
          {"status_label", enum_label(a.status)},
          {"assisted", a.assisted},
          {"fast_track", a.fast_track},
          {"submitted_on", a.submitted_on.iso()},
          {"process_due", date_json(a.process_due)},
          {"overdue", !a.decision && a.process_due && *a.process_due < today},
          {"decision", a.decision ? json(enum_key(*a.decision)) : json(nullptr)},
          {"recommendation", a.recommendation ? json(enum_key(*a.recommendation)) : json(nullptr)},
          {"decided_on", date_json(a.decided_on)},
          {"version", a.version}};
}

// The person a figure names: name and masked ID.
Result<json> person_json(Call& call, int64_t person_id) {
  std::optional<Person> person;
  FAXIAN_TRY_ASSIGN(person, PersonRepository(call.db, call.clock()).find(person_id));
  if (!person)
    return json(nullptr);
  return json{{"name", person->name}, {"masked_id", person->resident_id.masked()}};
}

// The stored check as shown: figures and their source records for the handlers (with the
// names and masked IDs of the persons they name); the recommendation alone for the others.
Result<json> check_json(Call& call, const workflow::StoredEligibilityCheck& check,
                        bool show_figures) {
  json body = {{"id", check.id},
               {"programme", enum_key(check.programme)},
               {"as_of", check.as_of.iso()},
               {"recommendation", enum_key(check.recommendation)},
               {"recommendation_label", enum_label(check.recommendation)},
               {"computed_by", check.computed_by},
               {"standards_version", check.standards_version},
               {"rule_set_version", check.rule_set_version}};
  if (!show_figures)
    return body;
  json figures = json::parse(check.figures, nullptr, false);
  if (figures.is_discarded())
    return fail(ErrorCode::kCorrupt, "核对结果数据已损坏", "stored figures are not JSON");
  json persons = json::object();
  for (const json& member : figures.value("members", json::array())) {
    const int64_t id = member.value("person_id", int64_t{0});
    FAXIAN_TRY_ASSIGN(persons[std::to_string(id)], person_json(call, id));
  }
  body["figures"] = std::move(figures);
  body["persons"] = std::move(persons);
  return body;
}

Result<json> detail_json(Call& call, const Application& a) {
  std::string household_no;
  FAXIAN_TRY_ASSIGN(household_no, household_no_of(call, a.household_id));
  json body = item_json(a, household_no, call.today());
  const bool show = handles(call.actor(), a);
  body["description"] = a.description;
  body["special_reason"] = a.special_reason;
  body["notice_from"] = date_json(a.notice_from);
  body["notice_until"] = date_json(a.notice_until);
  body["decision_reason"] = a.decision_reason;
  body["against_recommendation"] = a.against_recommendation;
  body["start_on"] = date_json(a.start_on);
  body["amount"] = money_json(a.amount);
  body["refusal_notice_due"] = date_json(a.refusal_notice_due);
  body["ended_on"] = date_json(a.ended_on);
  body["end_reason"] = a.end_reason;
  body["applicant"] = json(nullptr);
  if (a.applicant_person_id)
    FAXIAN_TRY_ASSIGN(body["applicant"], person_json(call, *a.applicant_person_id));
  std::vector<workflow::StoredEligibilityCheck> checks;
  FAXIAN_TRY_ASSIGN(checks,
                    workflow::EligibilityService(call.db, call.clock()).for_application(a.id));
  body["eligibility_check"] = json(nullptr);
  if (!checks.empty())
    FAXIAN_TRY_ASSIGN(body["eligibility_check"], check_json(call, checks.back(), show));
  std::vector<workflow::AidRequest> requests;
  FAXIAN_TRY_ASSIGN(requests,
                    workflow::AidRequestRepository(call.db, call.clock()).for_application(a.id));
  body["aid_requests"] = json::array();
  for (const workflow::AidRequest& r : requests)
    body["aid_requests"].push_back({{"track", enum_key(r.track)},
                                    {"amount", money_json(r.amount)},
                                    {"status", enum_key(r.status)},
                                    {"decision_due", date_json(r.decision_due)}});
  std::vector<workflow::ApplicationEvent> events;
  FAXIAN_TRY_ASSIGN(events, workflow::ApplicationRepository(call.db, call.clock()).history(a.id));
  body["history"] = json::array();
  for (const workflow::ApplicationEvent& e : events)
    body["history"].push_back(
        {{"action", e.action},
         {"from_status", e.from_status ? json(enum_key(*e.from_status)) : json(nullptr)},
         {"to_status", e.to_status ? json(enum_key(*e.to_status)) : json(nullptr)},
         {"actor", e.actor},
         {"actor_role", e.actor_role},
         {"reason", e.reason},
         {"on", e.on_date.iso()}});
  return body;
}

Result<Reply> list_applications(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  std::optional<ApplicationStatus> status;
  FAXIAN_TRY_ASSIGN(status, enum_filter<ApplicationStatus>(call, "status"));
  std::optional<ApplicationKind> kind;
  FAXIAN_TRY_ASSIGN(kind, enum_filter<ApplicationKind>(call, "type"));
  ListSql sql;
  sql.from_where = "FROM applications a JOIN households h ON h.id = a.household_id WHERE 1 = 1";
  sql.key = "a.application_no";
  sql.order = "a.submitted_on DESC, a.id DESC";
  sql.in_area(call.scope().value_or(AreaScope{}), "a.township_code", "a.village_code");
  if (status)
    sql.where("a.status = ?", {std::string(enum_key(*status))});
  if (kind)
    sql.where("a.kind = ?", {std::string(enum_key(*kind))});
  if (auto township = call.query("township"))
    sql.where("a.township_code = ?", {*township});
  return list_reply(
      call, sql, page,
      [&](const std::string& no) -> Result<json> {
        Application application;
        FAXIAN_TRY_ASSIGN(application, visible_application(call, no));
        std::string household_no;
        FAXIAN_TRY_ASSIGN(household_no, household_no_of(call, application.household_id));
        return item_json(application, household_no, call.today());
      },
      "application.list", "application");
}

Result<Reply> get_application(Call& call) {
  Application application;
  FAXIAN_TRY_ASSIGN(application, visible_application(call, call.param(0)));
  json body;
  FAXIAN_TRY_ASSIGN(body, detail_json(call, application));
  call.audit_view("application.view", "application", application.application_no);
  return Reply::json(std::move(body));
}

Result<Reply> run_check(Call& call) {
  Application application;
  FAXIAN_TRY_ASSIGN(application, handled_application(call, call.param(0)));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(call.body()));
  Date as_of;
  FAXIAN_TRY_ASSIGN(as_of, date_or_today(call, "as_of"));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::ApplicationService service(call.db, call.clock(), desk->calendar, desk->policy);
  FAXIAN_TRY(
      service.run_eligibility_check(call.actor(), application.application_no, version, as_of));
  FAXIAN_TRY_ASSIGN(application, visible_application(call, application.application_no));
  json body;
  FAXIAN_TRY_ASSIGN(body, detail_json(call, application));
  call.audit_view("application.eligibility_view", "application", application.application_no);
  return Reply::json(std::move(body));
}

// Whether the application waits for a 一事一议 decision (the county's alone).
// The application's 一事一议 request, if it has one (the newest): only the county decides such
// an application.
Result<std::optional<workflow::AidRequest>> case_by_case_request(Call& call,
                                                                 const Application& application) {
  std::vector<workflow::AidRequest> requests;
  FAXIAN_TRY_ASSIGN(
      requests,
      workflow::AidRequestRepository(call.db, call.clock()).for_application(application.id));
  std::optional<workflow::AidRequest> found;
  for (const workflow::AidRequest& request : requests) {
    if (request.track == AidTrack::kCaseByCase)
      found = request;
  }
  return found;
}

Result<workflow::DecisionRequest> decision_request(const Call& call) {
  const json& body = call.body();
  workflow::DecisionRequest request;
  std::optional<ApplicationDecision> decision;
  FAXIAN_TRY_ASSIGN(decision, enum_field<ApplicationDecision>(body, "decision", true));
  request.decision = *decision;
  FAXIAN_TRY_ASSIGN(request.reason, text_field(body, "reason"));
  FAXIAN_TRY_ASSIGN(request.decided_on, date_or_today(call, "decided_on"));
  FAXIAN_TRY_ASSIGN(request.start_on, optional_date(body, "start_on"));
  FAXIAN_TRY_ASSIGN(request.amount, money_field(body, "amount"));
  return request;
}

// A pending 一事一议 is decided as the county's decision of the request (AssistanceOutcomes):
// approval also records the payment, and either way the lead's case_by_case outcome is done.
Result<Application> decide_case_by_case(Call& call, const CaseDesk& desk,
                                        const Application& application, int64_t version,
                                        const workflow::AidRequest& pending,
                                        const workflow::DecisionRequest& request) {
  if (version != application.version) {
    return fail(ErrorCode::kConflict, "该申请已被他人更新，请刷新后重试",
                "stale application version");
  }
  workflow::CaseByCaseDecision decision;
  decision.approve = request.decision == ApplicationDecision::kApproved;
  decision.reason = request.reason;
  decision.on = request.decided_on;
  decision.amount = request.amount;
  workflow::CaseByCaseOutcome outcome;
  FAXIAN_TRY_ASSIGN(outcome,
                    workflow::AssistanceOutcomes(call.db, call.clock(), desk.calendar, desk.policy)
                        .decide_case_by_case(call.actor(), pending.id, pending.version, decision));
  return outcome.application;
}

Result<Reply> decide(Call& call) {
  Application application;
  FAXIAN_TRY_ASSIGN(application, handled_application(call, call.param(0)));
  std::optional<workflow::AidRequest> case_by_case;
  FAXIAN_TRY_ASSIGN(case_by_case, case_by_case_request(call, application));
  if (case_by_case && !call.actor().is_county())
    return tl::unexpected(forbidden("一事一议只能由县民政局审批", "case-by-case needs county"));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(call.body()));
  workflow::DecisionRequest request;
  FAXIAN_TRY_ASSIGN(request, decision_request(call));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  json body;
  if (case_by_case && case_by_case->status == AidRequestStatus::kRequested) {
    Application decided;
    FAXIAN_TRY_ASSIGN(
        decided, decide_case_by_case(call, *desk, application, version, *case_by_case, request));
    FAXIAN_TRY_ASSIGN(body, detail_json(call, decided));
    body["not_eligible"] = false;
    return Reply::json(std::move(body));
  }
  workflow::DecisionResult result;
  FAXIAN_TRY_ASSIGN(result, workflow::decide_application(
                                call.db, call.clock(), desk->calendar, desk->policy, call.actor(),
                                application.application_no, version, request));
  FAXIAN_TRY_ASSIGN(body, detail_json(call, result.application));
  body["not_eligible"] = result.not_eligible;
  return Reply::json(std::move(body));
}

json payment_json(const workflow::PaymentRecord& p) {
  return {{"id", p.id},
          {"amount", money_json(p.amount)},
          {"paid_on", p.paid_on.iso()},
          {"method", enum_key(p.method)},
          {"source", enum_key(p.source)},
          {"period_from", p.period_from.iso()},
          {"period_to", p.period_to.iso()},
          {"note", p.note},
          {"recorded_by", p.recorded_by}};
}

Result<Reply> list_payments(Call& call) {
  Application application;
  FAXIAN_TRY_ASSIGN(application, visible_application(call, call.param(0)));
  std::vector<workflow::PaymentRecord> payments;
  FAXIAN_TRY_ASSIGN(
      payments, workflow::PaymentRepository(call.db, call.clock()).for_application(application.id));
  json items = json::array();
  for (const workflow::PaymentRecord& payment : payments)
    items.push_back(payment_json(payment));
  call.audit_view("application.payments_view", "application", application.application_no);
  PageRequest all{1, static_cast<int>(std::max<size_t>(items.size(), 1))};
  const int64_t total = static_cast<int64_t>(items.size());
  return Reply::json(page_body(std::move(items), all, total));
}

Result<std::optional<Month>> month_field(const json& body, std::string_view field) {
  auto text = optional_string(body, field);
  if (!text)
    return std::optional<Month>();
  auto month = Month::parse_iso(*text);
  if (!month)
    return fail(ErrorCode::kInvalidArgument, fmt::format("字段 {} 应为 YYYY-MM", field),
                "bad month");
  return std::optional<Month>(*month);
}

Result<workflow::PaymentRequest> payment_request(const Call& call) {
  const json& body = call.body();
  workflow::PaymentRequest request;
  std::optional<Money> amount;
  FAXIAN_TRY_ASSIGN(amount, money_field(body, "amount"));
  if (!amount || amount->fen() <= 0)
    return fail(ErrorCode::kInvalidArgument, "字段 amount 应为大于零的金额（元）", "no amount");
  request.amount = *amount;
  FAXIAN_TRY_ASSIGN(request.paid_on, date_or_today(call, "paid_on"));
  std::optional<PaymentMethod> method;
  FAXIAN_TRY_ASSIGN(method, enum_field<PaymentMethod>(body, "method", false));
  request.method = method.value_or(PaymentMethod::kBankTransfer);
  std::optional<PaymentSource> source;
  FAXIAN_TRY_ASSIGN(source, enum_field<PaymentSource>(body, "source", false));
  request.source = source.value_or(PaymentSource::kRegular);
  FAXIAN_TRY_ASSIGN(request.period_from, month_field(body, "period_from"));
  FAXIAN_TRY_ASSIGN(request.period_to, month_field(body, "period_to"));
  FAXIAN_TRY_ASSIGN(request.note, text_field(body, "note"));
  return request;
}

Result<Reply> record_payment(Call& call) {
  Application application;
  FAXIAN_TRY_ASSIGN(application, handled_application(call, call.param(0)));
  int64_t version = 0;
  FAXIAN_TRY_ASSIGN(version, version_of(call.body()));
  workflow::PaymentRequest request;
  FAXIAN_TRY_ASSIGN(request, payment_request(call));
  std::unique_ptr<CaseDesk> desk;
  FAXIAN_TRY_ASSIGN(desk, CaseDesk::open(call));
  workflow::ApplicationService service(call.db, call.clock(), desk->calendar, desk->policy);
  workflow::PaymentRecord payment;
  FAXIAN_TRY_ASSIGN(
      payment, service.record_payment(call.actor(), application.application_no, version, request));
  FAXIAN_TRY_ASSIGN(application, visible_application(call, application.application_no));
  return Reply::json(
      {{"payment", payment_json(payment)}, {"application_version", application.version}}, 201);
}

}  // namespace

void register_application_routes(Router& router) {
  router.add("GET", "/api/v1/applications", Access::only(kCaseReaders), list_applications);
  router.add("GET", "/api/v1/applications/{application_no}", Access::only(kCaseReaders),
             get_application);
  router.add("POST", "/api/v1/applications/{application_no}/eligibility-check",
             Access::only(kCaseHandlers), run_check);
  router.add("POST", "/api/v1/applications/{application_no}/decision", Access::only(kCaseHandlers),
             decide);
  router.add("GET", "/api/v1/applications/{application_no}/payments", Access::only(kCaseReaders),
             list_payments);
  router.add("POST", "/api/v1/applications/{application_no}/payments", Access::only(kCaseHandlers),
             record_payment);
}

}  // namespace faxian::api::casework
