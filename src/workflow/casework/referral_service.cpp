// Sending, answering and escalating referrals (referral_service.hpp).

#include "workflow/casework/referral_service.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "common/text.hpp"
#include "store/household_repository.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "workflow/casework/casework_support.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow {
namespace {

using nlohmann::json;

constexpr std::string_view kNumberPrefix = "ZJ";  // 转介

Error referral_not_found() {
  return Error(ErrorCode::kNotFound, "转介不存在", "referral not found or not visible");
}

bool may_send_from(const Actor& actor, std::string_view township_code) {
  return actor.is_county() ||
         (actor.role == Role::kTownshipOfficer && actor.region_code == township_code);
}

Result<void> check_answer(const ReferralAnswer& answer) {
  if (answer.decision == ReferralStatus::kPending)
    return fail(ErrorCode::kInvalidArgument, "答复须为「已受理」或「不适用」",
                "answer decision is pending");
  if (trim(answer.result).empty())
    return fail(ErrorCode::kInvalidArgument, "请填写办理结果或不适用的理由",
                "answer result is empty");
  if (answer.amount && answer.amount->fen() < 0)
    return fail(ErrorCode::kInvalidArgument, "救助金额不能为负数", "negative amount");
  if (answer.amount && answer.decision != ReferralStatus::kAccepted)
    return fail(ErrorCode::kInvalidArgument, "不适用的转介不能填写救助金额",
                "amount given with not_applicable");
  return ok();
}

// The fired rules' explanations as one reason.
std::string warning_reason(const Warning& warning) {
  std::string reason;
  for (const FiredRule& rule : warning.finding.rules) {
    if (rule.explanation.empty())
      continue;
    if (!reason.empty())
      reason += "；";
    reason += rule.explanation;
  }
  return reason.empty() ? std::string("风险预警") : reason;
}

}  // namespace

Result<Referral> ReferralService::send(const Actor& actor, const ReferralRequest& request) {
  return in_transaction(db_, [&] { return send_in_transaction(actor, request); });
}

Result<Referral> ReferralService::send_in_transaction(const Actor& actor,
                                                      const ReferralRequest& request) {
  if (trim(request.reason).empty())
    return fail(ErrorCode::kInvalidArgument, "请写明转介事由", "referral reason is empty");
  std::optional<Lead> lead;
  if (request.lead_id) {
    LeadService leads(db_, clock_, calendar_, policy_);
    FAXIAN_TRY_ASSIGN(lead, leads.find_by_id(*request.lead_id));
    if (!lead)
      return tl::unexpected(not_found("线索", "lead"));
  }
  const auto household_id =
      request.household_id ? request.household_id : (lead ? lead->household_id : std::nullopt);
  if (!household_id && !lead)
    return fail(ErrorCode::kInvalidArgument, "转介须指明家庭或线索", "no household or lead");

  Referral referral;
  HouseholdSummary summary;
  if (household_id) {
    Place place;
    FAXIAN_TRY_ASSIGN(place, place_of_household(db_, clock_, *household_id));
    referral.township_code = place.township_code;
    referral.village_code = place.village_code;
    FAXIAN_TRY_ASSIGN(summary, summarise_household(db_, *household_id, request.sent_on));
  } else {
    referral.township_code = lead->township_code;
    referral.village_code = lead->village_code;
    FAXIAN_TRY_ASSIGN(summary, summarise_subject(db_, *lead, request.sent_on));
  }
  if (!may_send_from(actor, referral.township_code))
    return fail(ErrorCode::kIllegalTransition, "只有本乡镇（街道）民政办或县民政局可以转介",
                "actor may not refer from this township");

  FAXIAN_TRY_ASSIGN(referral.referral_no,
                    next_casework_number(db_, kNumberPrefix, request.sent_on, 4));
  referral.department = request.department;
  referral.household_id = household_id;
  referral.lead_id = request.lead_id;
  referral.warning_id = request.warning_id;
  referral.reason = std::string(trim(request.reason));
  referral.summary = std::move(summary);
  referral.sent_on = request.sent_on;
  referral.due_on = working_days_after(calendar_, request.sent_on, policy_.referral_answer);
  referral.created_by = actor.name;
  referral.created_by_id = actor.user_id;
  int64_t id = 0;
  FAXIAN_TRY_ASSIGN(id, ReferralRepository(db_, clock_).insert(referral));

  const json detail = {{"department", enum_key(request.department)},
                       {"lead_id", request.lead_id ? json(*request.lead_id) : json()},
                       {"warning_id", request.warning_id ? json(*request.warning_id) : json()},
                       {"due_on", referral.due_on ? referral.due_on->iso() : ""}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "referral.send", "referral", referral.referral_no,
                          referral.reason, detail.dump()));
  std::optional<Referral> stored;
  FAXIAN_TRY_ASSIGN(stored, ReferralRepository(db_, clock_).find_by_id(id));
  if (!stored)
    return fail(ErrorCode::kInternal, "转介保存失败", "inserted referral not found");
  return *stored;
}

Result<WarningReferrals> ReferralService::send_for_warning(const Actor& actor,
                                                           const WarningReferralRequest& request) {
  return in_transaction(db_, [&] { return send_for_warning_in_transaction(actor, request); });
}

Result<WarningReferrals> ReferralService::send_for_warning(const Actor& actor,
                                                           const Warning& warning, int64_t lead_id,
                                                           Date sent_on) {
  if (warning.finding.kind != WarningKind::kNeed)
    return fail(ErrorCode::kInvalidArgument, "只有需求预警会推送部门转介",
                "referrals are sent for need warnings only");
  WarningReferralRequest request;
  request.warning_id = warning.id;
  request.household_id = warning.finding.household_id;
  request.lead_id = lead_id;
  request.departments = warning.finding.departments;
  request.reason = warning_reason(warning);
  request.sent_on = sent_on;
  return send_for_warning(actor, request);
}

Result<WarningReferrals> ReferralService::send_for_warning_in_transaction(
    const Actor& actor, const WarningReferralRequest& request) {
  const DepartmentList list = departments_to_refer(request.departments);
  WarningReferrals outcome;
  outcome.unknown_departments = list.unknown;
  ReferralRepository referrals(db_, clock_);
  for (Department department : list.departments) {
    std::optional<Referral> existing;
    FAXIAN_TRY_ASSIGN(existing, referrals.find_for_warning(request.warning_id, department));
    if (existing) {
      outcome.already_sent.push_back(std::move(*existing));
      continue;
    }
    ReferralRequest one;
    one.department = department;
    one.lead_id = request.lead_id;
    one.household_id = request.household_id;
    one.warning_id = request.warning_id;
    one.reason = request.reason;
    one.sent_on = request.sent_on;
    Referral sent;
    FAXIAN_TRY_ASSIGN(sent, send_in_transaction(actor, one));
    outcome.sent.push_back(std::move(sent));
  }
  return outcome;
}

Result<Referral> ReferralService::answer(const Actor& actor, std::string_view referral_no,
                                         int64_t version, const ReferralAnswer& answer) {
  return in_transaction(db_,
                        [&] { return answer_in_transaction(actor, referral_no, version, answer); });
}

Result<Referral> ReferralService::answer_in_transaction(const Actor& actor,
                                                        std::string_view referral_no,
                                                        int64_t version,
                                                        const ReferralAnswer& answer) {
  ReferralRepository referrals(db_, clock_);
  std::optional<Referral> found;
  FAXIAN_TRY_ASSIGN(found, referrals.find(referral_no));
  if (!found || !acts_for_department(actor, found->department))
    return tl::unexpected(referral_not_found());
  Referral referral = std::move(*found);
  if (referral.version != version)
    return fail(ErrorCode::kConflict, "该转介已被他人修改，请刷新后重试",
                fmt::format("referral version {} read, {} stored", version, referral.version));
  if (referral.status != ReferralStatus::kPending)
    return fail(ErrorCode::kIllegalTransition, "该转介已答复，不能再次答复",
                "referral already answered");
  FAXIAN_TRY(check_answer(answer));

  referral.status = answer.decision;
  referral.answered_on = answer.answered_on;
  referral.result = std::string(trim(answer.result));
  referral.amount = answer.amount;
  referral.answered_by = actor.name;
  referral.answered_by_id = actor.user_id;
  bool written = false;
  FAXIAN_TRY_ASSIGN(written, referrals.write_answer(referral, version));
  if (!written)
    return fail(ErrorCode::kConflict, "该转介已被他人修改，请刷新后重试",
                "referral changed while answering");
  if (referral.lead_id) {
    LeadService leads(db_, clock_, calendar_, policy_);
    FAXIAN_TRY(leads.complete_outcome(actor, *referral.lead_id, LeadOutcome::kReferral,
                                      referral.referral_no, answer.answered_on));
  }
  const json detail = {{"decision", enum_key(answer.decision)},
                       {"amount_fen", answer.amount ? json(answer.amount->fen()) : json()}};
  FAXIAN_TRY(audit_change(db_, clock_, actor, "referral.answer", "referral", referral.referral_no,
                          referral.result, detail.dump()));
  std::optional<Referral> stored;
  FAXIAN_TRY_ASSIGN(stored, referrals.find_by_id(referral.id));
  if (!stored)
    return fail(ErrorCode::kInternal, "转介保存失败", "answered referral not found");
  return *stored;
}

Result<Referral> ReferralService::get(const Actor& actor, std::string_view referral_no) {
  std::optional<Referral> found;
  FAXIAN_TRY_ASSIGN(found, ReferralRepository(db_, clock_).find(referral_no));
  if (!found || !acts_for_department(actor, found->department))
    return tl::unexpected(referral_not_found());
  return *found;
}

Result<std::vector<Referral>> ReferralService::inbox(const Actor& actor, Department department,
                                                     bool pending_only) {
  if (!acts_for_department(actor, department))
    return fail(ErrorCode::kNotFound, "无此部门的转介收件箱",
                "actor does not act for this department");
  ReferralQuery query;
  query.department = department;
  if (pending_only)
    query.status = ReferralStatus::kPending;
  return ReferralRepository(db_, clock_).list(query);
}

Result<std::vector<Referral>> ReferralService::list(const Actor& actor, ReferralQuery query) {
  if (actor.is_county() || actor.role == Role::kAuditor)
    return ReferralRepository(db_, clock_).list(query);
  if (actor.role == Role::kDepartmentLiaison) {
    const auto department = department_of_account(actor.department);
    if (!department)
      return std::vector<Referral>();
    query.department = department;
    return ReferralRepository(db_, clock_).list(query);
  }
  if (actor.role == Role::kTownshipOfficer && !actor.region_code.empty()) {
    query.township_code = actor.region_code;
    return ReferralRepository(db_, clock_).list(query);
  }
  return fail(ErrorCode::kNotFound, "无权查看转介", "role has no referral scope");
}

Result<std::vector<Referral>> ReferralService::for_lead(int64_t lead_id) {
  ReferralQuery query;
  query.lead_id = lead_id;
  return ReferralRepository(db_, clock_).list(query);
}

Result<std::vector<Referral>> ReferralService::overdue(Date on) {
  ReferralQuery query;
  query.overdue_on = on;
  return ReferralRepository(db_, clock_).list(query);
}

Result<int64_t> ReferralService::escalate_overdue(const Actor& actor, Date on) {
  return in_transaction(db_, [&]() -> Result<int64_t> {
    std::vector<Referral> late;
    FAXIAN_TRY_ASSIGN(late, overdue(on));
    int64_t stored = 0;
    for (const Referral& referral : late) {
      int64_t notices = 0;
      FAXIAN_TRY_ASSIGN(notices, escalate_one(actor, referral, on));
      stored += notices;
    }
    return stored;
  });
}

Result<int64_t> ReferralService::escalate_one(const Actor& actor, const Referral& referral,
                                              Date on) {
  std::optional<Region> township;
  FAXIAN_TRY_ASSIGN(township, RegionRepository(db_).find(referral.township_code));
  const std::string county_code = township ? township->parent_code : std::string();
  const std::string department = department_name(referral.department);
  const std::string due = referral.due_on ? referral.due_on->iso() : std::string("未知");
  NotificationRepository notices(db_, clock_);
  Notification to_department;
  to_department.kind = "referral_overdue";
  to_department.region_code = county_code;
  to_department.role = std::string(enum_key(Role::kDepartmentLiaison));
  to_department.subject_type = "referral";
  to_department.subject_id = referral.id;
  to_department.message = fmt::format("{}：转介{}已超过答复期限（{}），请尽快答复", department,
                                      referral.referral_no, due);
  to_department.on_date = on;
  Notification to_township = to_department;
  to_township.region_code = referral.township_code;
  to_township.role = std::string(enum_key(Role::kTownshipOfficer));
  to_township.message = fmt::format("转介{}（{}）已超过答复期限（{}），部门尚未答复",
                                    referral.referral_no, department, due);
  int64_t stored = 0;
  for (const Notification& notice : {to_department, to_township}) {
    bool fresh = false;
    FAXIAN_TRY_ASSIGN(fresh, notices.notify(notice));
    stored += fresh ? 1 : 0;
  }
  FAXIAN_TRY(ReferralRepository(db_, clock_).mark_escalated(referral.id, on));
  if (stored > 0) {
    const json detail = {{"due_on", due}, {"on", on.iso()}};
    FAXIAN_TRY(audit_change(db_, clock_, actor, "referral.escalate", "referral",
                            referral.referral_no, "超期未答复", detail.dump()));
  }
  return stored;
}

}  // namespace faxian::workflow
