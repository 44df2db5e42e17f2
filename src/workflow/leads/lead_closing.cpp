// LeadService::decide and close: outcomes, the automatic close when every outcome is done, the
// follow-up task and the suppression handed back to screening (30-screening.md).

#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/rule_set_repository.hpp"
#include "store/warning_repository.hpp"
#include "workflow/leads/lead_act.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

bool has_outcome(const Lead& lead, LeadOutcome outcome) {
  for (const LeadOutcomeEntry& entry : lead.outcomes) {
    if (entry.outcome == outcome && entry.state != OutcomeState::kCancelled)
      return true;
  }
  return false;
}

std::string pending_labels(const Lead& lead) {
  std::string labels;
  for (const LeadOutcomeEntry& entry : lead.outcomes) {
    if (entry.state != OutcomeState::kPending)
      continue;
    if (!labels.empty())
      labels += "、";
    labels += enum_label(entry.outcome);
  }
  return labels;
}

Result<void> check_decisions(const std::vector<OutcomeDecision>& outcomes) {
  if (outcomes.empty()) {
    return fail(ErrorCode::kInvalidArgument, "请至少选择一项处置结果", "no outcome");
  }
  for (const OutcomeDecision& decision : outcomes) {
    const bool alone =
        decision.outcome == LeadOutcome::kNoNeed || decision.outcome == LeadOutcome::kDuplicate;
    if (alone && outcomes.size() > 1) {
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("「{}」不能与其他处置结果同时选择", enum_label(decision.outcome)),
                  "no_need and duplicate stand alone");
    }
    const auto parsed = nlohmann::json::parse(decision.parameters, nullptr, false);
    if (!parsed.is_object()) {
      return fail(ErrorCode::kInvalidArgument, "处置参数应为 JSON 对象",
                  "parameters are not a JSON object");
    }
  }
  return ok();
}

// The last verification record's policy flag (declined needs the policy explained).
Result<bool> policy_was_explained(Database& db, int64_t lead_id) {
  auto explained = query_int(
      db,
      "SELECT policy_explained FROM lead_verifications WHERE lead_id = ? ORDER BY id DESC "
      "LIMIT 1",
      [&](Statement& statement) { statement.bind_int64(1, lead_id); });
  if (!explained)
    return tl::unexpected(explained.error());
  return *explained != 0;
}

// Suppression of the household's need warning after no need / declined (kNotFound: the lead
// did not come from a warning, nothing to suppress).
Result<void> suppress_warning(Database& db, const Clock& clock, const Lead& lead, Date on) {
  if (!lead.household_id)
    return ok();
  std::optional<SuppressionReason> reason;
  if (has_outcome(lead, LeadOutcome::kNoNeed))
    reason = SuppressionReason::kNoNeed;
  else if (has_outcome(lead, LeadOutcome::kDeclined))
    reason = SuppressionReason::kDeclined;
  if (!reason)
    return ok();
  RuleSetRepository rule_sets(db, clock);
  auto rules = rule_sets.load_latest();
  if (!rules)
    return tl::unexpected(rules.error());
  WarningRepository warnings(db, clock);
  auto suppressed = warnings.suppress(*lead.household_id, WarningKind::kNeed, *reason, on,
                                      SuppressionPolicy::of(*rules));
  if (!suppressed && suppressed.error().code != ErrorCode::kNotFound)
    return suppressed;
  return ok();
}

}  // namespace

Result<void> LeadService::finish_close(const Actor& actor, Lead& lead,
                                       std::optional<Date> follow_up_on, Date on) {
  lead.status = LeadStatus::kClosed;
  lead.closed_on = on;
  FAXIAN_TRY(suppress_warning(db_, clock_, lead, on));
  // A declined lead is always followed up; its default date may be unknown when the 90
  // working days run into a year whose calendar is not loaded yet (the task waits undated).
  const bool default_follow_up = !follow_up_on && has_outcome(lead, LeadOutcome::kDeclined);
  if (default_follow_up)
    follow_up_on = working_days_after(calendar_, on, policy_.follow_up);
  if (!follow_up_on && !default_follow_up)
    return ok();
  if (follow_up_on && *follow_up_on <= on) {
    return fail(ErrorCode::kInvalidArgument, "回访日期须晚于办结日期",
                "follow-up date not after the closing date");
  }
  lead.follow_up_on = follow_up_on;
  TaskRepository tasks(db_, clock_);
  Task follow_up;
  follow_up.kind = TaskKind::kFollowUp;
  follow_up.household_id = lead.household_id;
  follow_up.lead_id = lead.id;
  follow_up.township_code = lead.township_code;
  follow_up.village_code = lead.village_code;
  follow_up.title = fmt::format("回访（线索 {}）", lead.lead_no);
  follow_up.due_on = follow_up_on;
  follow_up.created_on = on;
  follow_up.created_by = actor.name;
  auto task = tasks.create(follow_up);
  if (!task)
    return tl::unexpected(task.error());
  return ok();
}

Result<Lead> LeadService::decide(const Actor& actor, std::string_view lead_no, int64_t version,
                                 const std::vector<OutcomeDecision>& outcomes, Date on,
                                 OutcomeEffects* effects, std::string_view reason) {
  FAXIAN_TRY(check_decisions(outcomes));
  if (outcomes.front().outcome == LeadOutcome::kDuplicate) {
    const auto parameters = nlohmann::json::parse(outcomes.front().parameters);
    const auto into = parameters.find("into");
    if (into == parameters.end() || !into->is_string()) {
      return fail(ErrorCode::kInvalidArgument, "请填写重复线索要合并到的线索编号",
                  "duplicate without a string 'into'");
    }
    return merge(actor, lead_no, version, into->get<std::string>(), reason, on);
  }
  return act(
      actor, lead_no, version, LeadAction::kDecide, on, reason,
      [&](Lead& lead) -> Result<std::string> {
        if (!lead.verified_on) {
          return fail(ErrorCode::kIllegalTransition, "须先填写核实记录，才能作出处置",
                      "decide before any verification record");
        }
        nlohmann::json detail = nlohmann::json::array();
        for (const OutcomeDecision& decision : outcomes) {
          LeadOutcomeEntry entry;
          entry.outcome = decision.outcome;
          entry.state = OutcomeState::kDone;
          entry.detail = decision.parameters;
          entry.decided_on = on;
          entry.done_on = on;
          if (decision.outcome == LeadOutcome::kDeclined) {
            bool explained = false;
            FAXIAN_TRY_ASSIGN(explained, policy_was_explained(db_, lead.id));
            if (!explained) {
              return fail(ErrorCode::kIllegalTransition,
                          "记录本人不愿申请前，须在核实记录中写明已向其讲解政策",
                          "declined without the policy explained");
            }
          } else if (decision.outcome != LeadOutcome::kNoNeed) {
            if (effects == nullptr) {
              return fail(ErrorCode::kInvalidArgument,
                          fmt::format("暂不支持处置结果「{}」", enum_label(decision.outcome)),
                          "no outcome effects given");
            }
            EffectResult effect;
            FAXIAN_TRY_ASSIGN(effect, effects->apply(actor, lead, decision, on));
            entry.state = effect.state;
            entry.reference = effect.reference;
            if (effect.state != OutcomeState::kDone)
              entry.done_on.reset();
          }
          FAXIAN_TRY(insert_outcome(db_, lead.id, entry, clock_.now_unix()));
          lead.outcomes.push_back(entry);
          detail.push_back({{"outcome", enum_key(entry.outcome)},
                            {"state", enum_key(entry.state)},
                            {"reference", entry.reference}});
        }
        lead.decided_on = on;
        if (pending_labels(lead).empty())
          FAXIAN_TRY(finish_close(actor, lead, std::nullopt, on));
        return nlohmann::json{{"outcomes", detail}, {"closed", lead.status == LeadStatus::kClosed}}
            .dump();
      });
}

Result<Lead> LeadService::close(const Actor& actor, std::string_view lead_no, int64_t version,
                                std::optional<Date> follow_up_on, std::string_view note, Date on) {
  return act(actor, lead_no, version, LeadAction::kClose, on, note,
             [&](Lead& lead) -> Result<std::string> {
               const std::string pending = pending_labels(lead);
               if (!pending.empty()) {
                 return fail(ErrorCode::kIllegalTransition,
                             fmt::format("尚有处置未完成：{}，不能办结", pending),
                             "outcomes still pending");
               }
               FAXIAN_TRY(finish_close(actor, lead, follow_up_on, on));
               nlohmann::json detail = nlohmann::json::object();
               if (lead.follow_up_on)
                 detail["follow_up_on"] = lead.follow_up_on->iso();
               return detail.dump();
             });
}

}  // namespace faxian::workflow
