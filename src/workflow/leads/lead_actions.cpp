// LeadService actions other than deciding and closing: assign, first contact, verification
// records, reopen, merge, identify, and completing an outcome.

#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/leads/lead_act.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow {
namespace {

std::string_view level_label(WarningLevel level) {
  switch (level) {
    case WarningLevel::kRed:
      return "红色";
    case WarningLevel::kOrange:
      return "橙色";
    case WarningLevel::kYellow:
      return "黄色";
  }
  return "";
}

struct Assignee {
  std::string role;
  std::string region_code;
  bool disabled = false;
};

Result<Assignee> find_assignee(Database& db, int64_t user_id) {
  auto found = query_one<Assignee>(
      db, "SELECT role, COALESCE(region_code, ''), disabled FROM users WHERE id = ?",
      [&](Statement& statement) { statement.bind_int64(1, user_id); },
      [](const Statement& row) -> Result<Assignee> {
        return Assignee{std::string(row.column_text(0)), std::string(row.column_text(1)),
                        row.column_int64(2) != 0};
      });
  if (!found)
    return tl::unexpected(found.error());
  if (!*found || (*found)->disabled) {
    return fail(ErrorCode::kInvalidArgument, "被分派人不存在或已停用",
                fmt::format("user {} not found or disabled", user_id));
  }
  return **found;
}

// Leads are handled by the township's officers or a village coordinator of the lead's area.
Result<void> check_assignee(const Lead& lead, const Assignee& assignee) {
  const bool township_officer =
      assignee.role == "township_officer" && assignee.region_code == lead.township_code;
  const bool coordinator = assignee.role == "village_coordinator" &&
                           !assignee.region_code.empty() &&
                           assignee.region_code.starts_with(lead.township_code) &&
                           (lead.village_code.empty() || assignee.region_code == lead.village_code);
  if (township_officer || coordinator)
    return ok();
  return fail(ErrorCode::kInvalidArgument, "只能分派给本乡镇（街道）民政办人员或本村（社区）协理员",
              "assignee is not an officer or coordinator of the lead's area");
}

std::string verification_detail(const VerificationRecord& record) {
  nlohmann::json detail = {
      {"visited_on", record.visited_on.iso()},       {"method", enum_key(record.method)},
      {"willingness", enum_key(record.willingness)}, {"ability", enum_key(record.ability)},
      {"policy_explained", record.policy_explained}, {"difficulty_found", record.difficulty_found}};
  return detail.dump();
}

Result<void> insert_verification(Database& db, const Clock& clock, int64_t lead_id,
                                 const VerificationRecord& record, const std::string& actor) {
  const nlohmann::json conditions = {{"food", record.conditions.food},
                                     {"housing", record.conditions.housing},
                                     {"medical", record.conditions.medical},
                                     {"schooling", record.conditions.schooling},
                                     {"care", record.conditions.care}};
  return run_bound(
      db,
      "INSERT INTO lead_verifications (lead_id, visited_on, method, met, conditions, "
      "willingness, ability, policy_explained, policies, difficulty_found, notes, recorded_by, "
      "at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [&](Statement& statement) {
        ParamBinder(statement)
            .integer(lead_id)
            .date(record.visited_on)
            .enumeration(record.method)
            .text(record.met)
            .text(conditions.dump())
            .enumeration(record.willingness)
            .enumeration(record.ability)
            .boolean(record.policy_explained)
            .text(nlohmann::json(record.policies).dump())
            .boolean(record.difficulty_found)
            .text(record.notes)
            .text(actor)
            .integer(clock.now_unix());
      });
}

}  // namespace

Result<Lead> LeadService::assign(const Actor& actor, std::string_view lead_no, int64_t version,
                                 int64_t assignee_user_id, std::string_view reason) {
  return act(actor, lead_no, version, LeadAction::kAssign, clock_.today(), reason,
             [&](Lead& lead) -> Result<std::string> {
               Assignee assignee;
               FAXIAN_TRY_ASSIGN(assignee, find_assignee(db_, assignee_user_id));
               FAXIAN_TRY(check_assignee(lead, assignee));
               lead.assignee_id = assignee_user_id;
               return nlohmann::json{{"assignee_id", assignee_user_id}}.dump();
             });
}

Result<Lead> LeadService::start_verification(const Actor& actor, std::string_view lead_no,
                                             int64_t version, Date contacted_on) {
  return act(actor, lead_no, version, LeadAction::kStartVerification, contacted_on, "",
             [&](Lead& lead) -> Result<std::string> {
               if (contacted_on < lead.created_on) {
                 return fail(ErrorCode::kInvalidArgument, "首次联系日期不能早于线索登记日期",
                             "contact date before the lead was created");
               }
               if (!lead.first_contact_on)
                 lead.first_contact_on = contacted_on;
               return nlohmann::json{{"contacted_on", contacted_on.iso()}}.dump();
             });
}

Result<Lead> LeadService::record_verification(const Actor& actor, std::string_view lead_no,
                                              int64_t version, const VerificationRecord& record) {
  return act(actor, lead_no, version, LeadAction::kRecordVerification, record.visited_on, "",
             [&](Lead& lead) -> Result<std::string> {
               if (record.visited_on < lead.created_on) {
                 return fail(ErrorCode::kInvalidArgument, "核实日期不能早于线索登记日期",
                             "verification before the lead was created");
               }
               if (record.policy_explained && record.policies.empty()) {
                 return fail(ErrorCode::kInvalidArgument, "已讲解政策时须写明讲解了哪些政策",
                             "policy explained without naming the policies");
               }
               FAXIAN_TRY(insert_verification(db_, clock_, lead.id, record, actor.name));
               if (!lead.verified_on)
                 lead.verified_on = record.visited_on;
               if (!lead.first_contact_on)
                 lead.first_contact_on = record.visited_on;
               return verification_detail(record);
             });
}

Result<Lead> LeadService::reopen(const Actor& actor, std::string_view lead_no, int64_t version,
                                 std::string_view reason) {
  if (trim(reason).empty()) {
    return fail(ErrorCode::kInvalidArgument, "重新打开线索须说明理由", "reopen without reason");
  }
  return act(actor, lead_no, version, LeadAction::kReopen, clock_.today(), reason,
             [&](Lead& lead) -> Result<std::string> {
               if (lead.merged_into) {
                 return fail(ErrorCode::kIllegalTransition, "已合并的重复线索不能重新打开",
                             "a merged lead cannot be reopened");
               }
               if (lead.household_id) {
                 std::optional<Lead> open;
                 FAXIAN_TRY_ASSIGN(open, open_lead_of(*lead.household_id));
                 if (open) {
                   return fail(ErrorCode::kIllegalTransition,
                               fmt::format("该户已有办理中的线索 {}", open->lead_no),
                               "the household has another open lead");
                 }
               }
               lead.closed_on.reset();
               return std::string("{}");
             });
}

Result<Lead> LeadService::merge(const Actor& actor, std::string_view lead_no, int64_t version,
                                std::string_view into_lead_no, std::string_view reason,
                                std::optional<Date> on) {
  if (into_lead_no == lead_no) {
    return fail(ErrorCode::kInvalidArgument, "线索不能合并到自身", "merge into itself");
  }
  const Date today = on.value_or(clock_.today());
  return act(actor, lead_no, version, LeadAction::kMerge, today, reason,
             [&](Lead& lead) -> Result<std::string> {
               std::optional<Lead> target;
               FAXIAN_TRY_ASSIGN(target, find(into_lead_no));
               if (!target || target->status == LeadStatus::kClosed) {
                 return fail(ErrorCode::kInvalidArgument,
                             fmt::format("合并目标线索 {} 不存在或已办结", into_lead_no),
                             "merge target missing or closed");
               }
               FAXIAN_TRY(run_bound(db_,
                                    "INSERT INTO lead_sources (lead_id, source, reference, level, "
                                    "description, reported_on, actor, at) SELECT ?, source, "
                                    "reference, level, description, reported_on, actor, at "
                                    "FROM lead_sources WHERE lead_id = ? ORDER BY id",
                                    [&](Statement& statement) {
                                      ParamBinder(statement).integer(target->id).integer(lead.id);
                                    }));
               FAXIAN_TRY(insert_outcome(db_, lead.id,
                                         LeadOutcomeEntry{.outcome = LeadOutcome::kDuplicate,
                                                          .state = OutcomeState::kDone,
                                                          .reference = target->lead_no,
                                                          .detail = "{}",
                                                          .decided_on = today,
                                                          .done_on = today},
                                         clock_.now_unix()));
               lead.merged_into = target->id;
               lead.decided_on = today;
               lead.closed_on = today;
               return nlohmann::json{{"into", target->lead_no}}.dump();
             });
}

Result<Lead> LeadService::identify(const Actor& actor, std::string_view lead_no, int64_t version,
                                   int64_t household_id) {
  std::optional<Lead> other;
  FAXIAN_TRY_ASSIGN(other, open_lead_of(household_id));
  auto linked = act(
      actor, lead_no, version, LeadAction::kIdentify, clock_.today(), "",
      [&](Lead& lead) -> Result<std::string> {
        if (lead.household_id) {
          return fail(ErrorCode::kIllegalTransition, "该线索已关联到户",
                      "lead already linked to a household");
        }
        auto place = query_one<std::pair<std::string, std::string>>(
            db_,
            "SELECT v.parent_code, h.village_code FROM households h "
            "JOIN regions v ON v.code = h.village_code WHERE h.id = ?",
            [&](Statement& statement) { statement.bind_int64(1, household_id); },
            [](const Statement& row) -> Result<std::pair<std::string, std::string>> {
              return std::pair{std::string(row.column_text(0)), std::string(row.column_text(1))};
            });
        if (!place)
          return tl::unexpected(place.error());
        if (!*place) {
          return fail(ErrorCode::kInvalidArgument, "所选户不存在", "household not found");
        }
        if (!other)
          lead.household_id = household_id;
        lead.township_code = (*place)->first;
        lead.village_code = (*place)->second;
        return nlohmann::json{{"household_id", household_id}}.dump();
      });
  if (!linked || !other)
    return linked;
  return merge(actor, lead_no, linked->version, other->lead_no, "确认为同一户，合并到已有线索");
}

Result<bool> LeadService::raise_level(const Actor& actor, int64_t lead_id, WarningLevel level,
                                      Date on) {
  return in_transaction(db_, [&]() -> Result<bool> {
    std::optional<Lead> lead;
    FAXIAN_TRY_ASSIGN(lead, find_by_id(lead_id));
    if (!lead)
      return tl::unexpected(lead_not_found(std::to_string(lead_id)));
    if (lead->status == LeadStatus::kClosed || level <= lead->level)
      return false;
    const WarningLevel from = lead->level;
    lead->level = level;
    const LeadDeadlines due = lead_deadlines(calendar_, policy_, on, level);
    if (due.first_contact &&
        (!lead->first_contact_due || *due.first_contact < *lead->first_contact_due))
      lead->first_contact_due = due.first_contact;
    if (due.verification &&
        (!lead->verification_due || *due.verification < *lead->verification_due))
      lead->verification_due = due.verification;
    FAXIAN_TRY(save_lead(db_, *lead, clock_.now_unix()));
    FAXIAN_TRY(record_lead_change(
        db_, clock_, actor, *lead,
        LeadChange{
            .action = "escalate",
            .from = lead->status,
            .to = lead->status,
            .reason = "",
            .detail = nlohmann::json{{"from", level_key(from)}, {"to", level_key(level)}}.dump(),
            .on = on}));
    NotificationRepository notifications(db_, clock_);
    Notification notice;
    notice.kind = "lead_escalated";
    notice.region_code = lead->township_code;
    notice.role = "township_officer";
    notice.subject_type = "lead";
    notice.subject_id = lead->id;
    notice.message = fmt::format("线索 {} 的预警等级由{}升为{}，请按新的时限办理", lead->lead_no,
                                 level_label(from), level_label(level));
    notice.on_date = on;
    FAXIAN_TRY(notifications.notify(notice));
    return true;
  });
}

Result<bool> LeadService::complete_outcome(const Actor& actor, int64_t lead_id, LeadOutcome outcome,
                                           std::string_view reference, Date on) {
  return in_transaction(db_, [&]() -> Result<bool> {
    std::optional<Lead> lead;
    FAXIAN_TRY_ASSIGN(lead, find_by_id(lead_id));
    if (!lead)
      return tl::unexpected(lead_not_found(std::to_string(lead_id)));
    // The pending entry of that outcome with this reference (a lead referred to two
    // departments has two), else the first pending one of that outcome.
    LeadOutcomeEntry* match = nullptr;
    for (LeadOutcomeEntry& entry : lead->outcomes) {
      if (entry.outcome != outcome || entry.state != OutcomeState::kPending)
        continue;
      if (!reference.empty() && entry.reference == reference) {
        match = &entry;
        break;
      }
      if (match == nullptr)
        match = &entry;
    }
    if (match != nullptr) {
      LeadOutcomeEntry& entry = *match;
      entry.state = OutcomeState::kDone;
      entry.done_on = on;
      if (!reference.empty())
        entry.reference = std::string(reference);
      FAXIAN_TRY(update_outcome(db_, entry));
      FAXIAN_TRY(save_lead(db_, *lead, clock_.now_unix()));
      FAXIAN_TRY(record_lead_change(
          db_, clock_, actor, *lead,
          LeadChange{.action = std::string(lead_action_key(LeadAction::kCompleteOutcome)),
                     .from = lead->status,
                     .to = lead->status,
                     .reason = "",
                     .detail = nlohmann::json{{"outcome", enum_key(outcome)},
                                              {"reference", entry.reference}}
                                   .dump(),
                     .on = on}));
      return true;
    }
    return false;
  });
}

}  // namespace faxian::workflow
