#include "workflow/assistance/application_service.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/household_repository.hpp"
#include "workflow/assistance/application_state.hpp"
#include "workflow/assistance/eligibility_service.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {
namespace {

Error application_not_found(std::string_view application_no) {
  return Error(ErrorCode::kNotFound, fmt::format("救助申请 {} 不存在", application_no),
               "application not found");
}

std::string role_key(const Actor& actor) {
  return actor.is_system() ? std::string() : std::string(enum_key(actor.role));
}

Result<void> require_reason(std::string_view reason, std::string_view what_zh) {
  if (!reason.empty())
    return ok();
  return fail(ErrorCode::kInvalidArgument, fmt::format("{}须填写原因", what_zh),
              "a reason is required");
}

// Marks the lead's pending application outcome done (the application arrived).
Result<void> complete_lead_outcome(Database& db, const Clock& clock, const WorkCalendar& calendar,
                                   const DeadlinePolicy& policy, const Actor& actor,
                                   const Application& application) {
  if (!application.lead_id)
    return ok();
  LeadService leads(db, clock, calendar, policy);
  const LeadOutcome outcome =
      application.assisted ? LeadOutcome::kAssistedApplication : LeadOutcome::kApplication;
  auto done = leads.complete_outcome(actor, *application.lead_id, outcome,
                                     application.application_no, application.submitted_on);
  if (!done)
    return tl::unexpected(done.error());
  return ok();
}

}  // namespace

std::optional<Date> ApplicationService::process_due(const Application& application) const {
  if (!is_dibao_procedure(application.kind))
    return std::nullopt;
  const int days =
      application.special_reason.empty() ? policy_.dibao_process : policy_.dibao_process_special;
  return working_days_after(calendar_, application.submitted_on, days);
}

Result<Application> ApplicationService::submit(const Actor& actor, const SubmitRequest& request) {
  if (request.fast_track && !is_temporary(request.kind))
    return fail(ErrorCode::kInvalidArgument, "只有临时救助可以先行救助",
                "fast_track is for temporary assistance only");
  return in_transaction(db_, [&]() -> Result<Application> {
    std::optional<Household> household;
    FAXIAN_TRY_ASSIGN(household, HouseholdRepository(db_, clock_).find(request.household_id));
    if (!household)
      return fail(ErrorCode::kInvalidArgument, "申请家庭不存在",
                  fmt::format("household {} not found", request.household_id));
    Application application;
    application.kind = request.kind;
    application.household_id = request.household_id;
    application.applicant_person_id = request.applicant_person_id;
    application.village_code = household->village_code;
    application.township_code = household->village_code.substr(0, 9);
    application.assisted = request.assisted;
    application.fast_track = request.fast_track;
    application.description = request.description;
    application.submitted_on = request.submitted_on;
    application.special_reason = request.special_reason;
    application.created_by = actor.name;
    application.lead_id = request.lead_id;
    if (!application.lead_id) {
      std::optional<Lead> open;
      FAXIAN_TRY_ASSIGN(
          open, LeadService(db_, clock_, calendar_, policy_).open_lead_of(request.household_id));
      if (open)
        application.lead_id = open->id;
    }
    application.process_due = process_due(application);
    FAXIAN_TRY_ASSIGN(application.application_no,
                      ApplicationRepository(db_, clock_).next_number(request.submitted_on));
    ApplicationRepository repository(db_, clock_);
    FAXIAN_TRY_ASSIGN(application, repository.insert(application));
    ApplicationEvent event{
        0,          "submit",        std::nullopt,       ApplicationStatus::kSubmitted,
        actor.name, role_key(actor), request.description};
    event.detail = nlohmann::json{{"kind", enum_key(request.kind)},
                                  {"assisted", request.assisted},
                                  {"fast_track", request.fast_track}}
                       .dump();
    event.on_date = request.submitted_on;
    FAXIAN_TRY(repository.add_event(application.id, event));
    FAXIAN_TRY(AuditLog(db_, clock_)
                   .append({actor.name, role_key(actor), actor.source_address, "application.submit",
                            "application", application.application_no, "", event.detail}));
    if (request.completes_lead_outcome)
      FAXIAN_TRY(complete_lead_outcome(db_, clock_, calendar_, policy_, actor, application));
    return application;
  });
}

Result<Application> ApplicationService::mutate(const Actor& actor, std::string_view application_no,
                                               int64_t version, std::string_view action, Date on,
                                               std::string_view reason, const Change& change,
                                               std::string detail) {
  return in_transaction(db_, [&]() -> Result<Application> {
    ApplicationRepository repository(db_, clock_);
    std::optional<Application> current;
    FAXIAN_TRY_ASSIGN(current, repository.find(application_no));
    if (!current)
      return tl::unexpected(application_not_found(application_no));
    if (current->version != version)
      return fail(
          ErrorCode::kConflict,
          fmt::format("申请 {} 已被他人修改（当前版本 {}），请刷新后重试", application_no,
                      current->version),
          fmt::format("stale application version {} (current {})", version, current->version));
    Application changed = *current;
    FAXIAN_TRY(change(changed));
    Application stored;
    FAXIAN_TRY_ASSIGN(stored, repository.update(changed));
    ApplicationEvent event{0,          std::string(action), current->status,     stored.status,
                           actor.name, role_key(actor),     std::string(reason), detail,
                           on};
    FAXIAN_TRY(repository.add_event(stored.id, event));
    FAXIAN_TRY(AuditLog(db_, clock_)
                   .append({actor.name, role_key(actor), actor.source_address,
                            fmt::format("application.{}", action), "application",
                            stored.application_no, std::string(reason), detail}));
    return stored;
  });
}

Result<Application> ApplicationService::move(const Actor& actor, std::string_view application_no,
                                             int64_t version, std::string_view action,
                                             ApplicationStatus to, Date on,
                                             std::string_view reason) {
  return mutate(actor, application_no, version, action, on, reason,
                [&](Application& application) -> Result<void> {
                  FAXIAN_TRY(check_transition(application.kind, application.status, to,
                                              application.decision));
                  application.status = to;
                  return ok();
                });
}

Result<Application> ApplicationService::start_investigation(const Actor& actor,
                                                            std::string_view application_no,
                                                            int64_t version, Date on) {
  return move(actor, application_no, version, "start_investigation",
              ApplicationStatus::kInvestigating, on, "");
}

Result<Application> ApplicationService::start_economic_check(const Actor& actor,
                                                             std::string_view application_no,
                                                             int64_t version, Date on) {
  return move(actor, application_no, version, "start_economic_check",
              ApplicationStatus::kEconomicCheck, on, "");
}

Result<CheckResult> ApplicationService::run_eligibility_check(const Actor& actor,
                                                              std::string_view application_no,
                                                              int64_t version, Date as_of) {
  std::optional<Application> current;
  FAXIAN_TRY_ASSIGN(current, find(application_no));
  if (!current)
    return tl::unexpected(application_not_found(application_no));
  EligibilityService eligibility(db_, clock_);
  CheckResult result;
  FAXIAN_TRY_ASSIGN(result.check, eligibility.compute(current->household_id, as_of));
  const Programme programme = programme_of(current->kind).value_or(Programme::kDibao);
  auto stored = in_transaction(db_, [&]() -> Result<Application> {
    FAXIAN_TRY_ASSIGN(result.stored_check_id,
                      eligibility.store(result.check, current->id, programme, actor.name));
    const Recommendation recommendation = result.check.finding(programme).recommendation;
    const std::string detail = nlohmann::json{
        {"check_id", result.stored_check_id},
        {"programme", enum_key(programme)},
        {"recommendation", enum_key(recommendation)},
        {"as_of", as_of.iso()}}.dump();
    return mutate(
        actor, application_no, version, "eligibility_check", as_of, "",
        [&](Application& application) -> Result<void> {
          if (application.decision || application.status == ApplicationStatus::kEnded)
            return fail(ErrorCode::kIllegalTransition, "申请已审批或已退出，不能再核对",
                        "check after the decision");
          application.eligibility_check_id = result.stored_check_id;
          application.recommendation = recommendation;
          return ok();
        },
        detail);
  });
  if (!stored)
    return tl::unexpected(stored.error());
  result.application = std::move(*stored);
  return result;
}

Result<Application> ApplicationService::start_public_notice(const Actor& actor,
                                                            std::string_view application_no,
                                                            int64_t version, Date from) {
  return mutate(actor, application_no, version, "start_public_notice", from, "",
                [&](Application& application) -> Result<void> {
                  FAXIAN_TRY(check_transition(application.kind, application.status,
                                              ApplicationStatus::kPublicNotice, std::nullopt));
                  application.status = ApplicationStatus::kPublicNotice;
                  application.notice_from = from;
                  application.notice_until = from.add_days(policy_.public_notice_calendar_days - 1);
                  return ok();
                });
}

Result<Application> ApplicationService::record_objection(const Actor& actor,
                                                         std::string_view application_no,
                                                         int64_t version, std::string_view reason,
                                                         Date on) {
  FAXIAN_TRY(require_reason(reason, "公示异议"));
  return mutate(actor, application_no, version, "objection", on, reason,
                [&](Application& application) -> Result<void> {
                  FAXIAN_TRY(check_transition(application.kind, application.status,
                                              ApplicationStatus::kInvestigating, std::nullopt));
                  application.status = ApplicationStatus::kInvestigating;
                  application.notice_from.reset();
                  application.notice_until.reset();
                  if (application.special_reason.empty())
                    application.special_reason = fmt::format("公示期间有异议：{}", reason);
                  application.process_due = process_due(application);
                  return ok();
                });
}

Result<Application> ApplicationService::record_special_reason(const Actor& actor,
                                                              std::string_view application_no,
                                                              int64_t version,
                                                              std::string_view reason) {
  FAXIAN_TRY(require_reason(reason, "延长办理时限"));
  return mutate(actor, application_no, version, "special_reason", clock_.today(), reason,
                [&](Application& application) -> Result<void> {
                  if (!is_dibao_procedure(application.kind) || application.decision)
                    return fail(ErrorCode::kIllegalTransition,
                                "只有审批前的低保、特困申请可以延长办理时限",
                                "special reason outside the dibao procedure");
                  application.special_reason = std::string(reason);
                  application.process_due = process_due(application);
                  return ok();
                });
}

Result<Application> ApplicationService::end(const Actor& actor, std::string_view application_no,
                                            int64_t version, Date on, std::string_view reason) {
  FAXIAN_TRY(require_reason(reason, "退出或撤回"));
  return mutate(actor, application_no, version, "end", on, reason,
                [&](Application& application) -> Result<void> {
                  FAXIAN_TRY(check_transition(application.kind, application.status,
                                              ApplicationStatus::kEnded, application.decision));
                  application.status = ApplicationStatus::kEnded;
                  application.ended_on = on;
                  application.end_reason = std::string(reason);
                  return ok();
                });
}

Result<Application> ApplicationService::link_lead(const Actor& actor,
                                                  std::string_view application_no, int64_t version,
                                                  int64_t lead_id, Date on) {
  return in_transaction(db_, [&]() -> Result<Application> {
    Application linked;
    FAXIAN_TRY_ASSIGN(linked, mutate(
                                  actor, application_no, version, "link_lead", on, "",
                                  [&](Application& application) -> Result<void> {
                                    if (application.lead_id && *application.lead_id != lead_id)
                                      return fail(ErrorCode::kIllegalTransition,
                                                  "该申请已关联其他线索",
                                                  "application linked to another lead");
                                    application.lead_id = lead_id;
                                    return ok();
                                  },
                                  nlohmann::json{{"lead_id", lead_id}}.dump()));
    FAXIAN_TRY(complete_lead_outcome(db_, clock_, calendar_, policy_, actor, linked));
    return linked;
  });
}

Result<std::optional<Application>> ApplicationService::find(std::string_view application_no) {
  return ApplicationRepository(db_, clock_).find(application_no);
}

Result<std::vector<Application>> ApplicationService::list(const ApplicationQuery& query) {
  return ApplicationRepository(db_, clock_).list(query);
}

Result<std::vector<ApplicationEvent>> ApplicationService::history(std::string_view application_no) {
  std::optional<Application> application;
  FAXIAN_TRY_ASSIGN(application, find(application_no));
  if (!application)
    return tl::unexpected(application_not_found(application_no));
  return ApplicationRepository(db_, clock_).history(application->id);
}

}  // namespace faxian::workflow
