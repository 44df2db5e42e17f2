#pragma once
// 风险预警 in the store (30-screening.md "Warnings", migration 6): screening runs, the warnings
// they raise (one open per household and kind), each warning's event log (opened, updated,
// escalated, cleared, reopened, suppressed) and the suppressions that closed leads leave behind.
// Screening calls begin_run → apply → finish_run; the workflow calls suppress() when it closes
// a lead as no need / declined / not eligible.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "domain/warning.hpp"
#include "store/database.hpp"

namespace faxian {

enum class RunMode : uint8_t { kFull, kIncremental };
std::string_view run_mode_key(RunMode mode);  // "full" / "incremental"

// What a screening run found and changed, recorded when it finishes.
struct RunCounts {
  int64_t households_screened = 0;
  int64_t need_red = 0;  // need findings by level
  int64_t need_orange = 0;
  int64_t need_yellow = 0;
  int64_t review = 0;  // review findings
  int64_t opened = 0;  // warnings opened or reopened
  int64_t updated = 0;
  int64_t escalated = 0;
  int64_t cleared = 0;
  int64_t suppressed = 0;  // findings held back by a suppression

  bool operator==(const RunCounts&) const = default;
};

struct ScreeningRun {
  int64_t id = 0;
  Date as_of{};
  RunMode mode = RunMode::kFull;
  int rule_set_version = 0;
  int64_t started_at = 0;                // Unix seconds
  std::optional<int64_t> finished_at{};  // nullopt while running (or if it failed)
  RunCounts counts{};
};

// Why a lead was closed without assistance (40-workflow.md outcomes).
enum class SuppressionReason : uint8_t {
  kNoNeed,       // 经核实无困难
  kDeclined,     // 本人不愿申请
  kNotEligible,  // 不符合条件
};
std::string_view suppression_reason_key(SuppressionReason reason);  // "no_need", …

// The cool-downs of the rule set in force ([suppression] of the rules file).
struct SuppressionPolicy {
  int after_no_need_days = 30;
  int after_declined_days = 90;

  static SuppressionPolicy of(const RuleSet& rules) {
    return {rules.suppress_after_no_need_days, rules.suppress_after_declined_days};
  }
  // not_eligible uses the no-need cool-down: the spec names only two, and "not eligible"
  // means, like "no need", that officers checked and found no case for assistance now — new
  // evidence deserves a look as soon; "declined" is the person's choice (救助自愿), which is
  // respected for longer.
  int cooldown_days(SuppressionReason reason) const {
    return reason == SuppressionReason::kDeclined ? after_declined_days : after_no_need_days;
  }
};

enum class WarningEventKind : uint8_t {
  kOpened,
  kUpdated,
  kEscalated,
  kCleared,
  kReopened,  // opened again by new evidence after a suppression
  kSuppressed,
};
std::string_view warning_event_key(WarningEventKind event);  // "opened", …

struct WarningEvent {
  int64_t id = 0;
  int64_t warning_id = 0;
  std::optional<int64_t> run_id{};  // nullopt for suppressions (the workflow, not a run)
  WarningEventKind event = WarningEventKind::kOpened;
  std::optional<WarningLevel> from_level{};
  std::optional<WarningLevel> to_level{};
  std::vector<RuleId> rules{};  // the rules firing after the event
  Date as_of{};
  int64_t at = 0;  // Unix seconds
};

struct OpenedWarning {
  int64_t warning_id = 0;
  int64_t household_id = 0;
  WarningKind kind = WarningKind::kNeed;
  std::optional<WarningLevel> level{};
  std::vector<RuleId> rules{};
  bool after_suppression = false;  // reopened by new evidence (event 'reopened')
};

struct EscalatedWarning {
  int64_t warning_id = 0;
  int64_t household_id = 0;
  WarningKind kind = WarningKind::kNeed;
  WarningLevel from = WarningLevel::kYellow;
  WarningLevel to = WarningLevel::kYellow;
  std::vector<RuleId> rules{};
};

// What apply() changed. The caller opens a lead for each opened need warning and notifies each
// escalation.
struct ApplyOutcome {
  std::vector<OpenedWarning> opened{};
  std::vector<EscalatedWarning> escalated{};
  int64_t updated = 0;    // changed without a level rise
  int64_t unchanged = 0;  // still firing as before (as-of and run refreshed)
  int64_t cleared = 0;
  int64_t suppressed = 0;  // findings held back by a suppression
};

struct WarningQuery {
  std::optional<WarningKind> kind{};                           // nullopt: both
  std::optional<WarningStatus> status = WarningStatus::kOpen;  // nullopt: every status
  std::vector<int64_t> household_ids{};                        // empty: every household
  std::optional<int64_t> limit{};
  int64_t offset = 0;
};

class WarningRepository {
 public:
  // More evaluated households than this and apply() reads every open warning and active
  // suppression in one scan instead of looking each household up.
  static constexpr size_t kScanThreshold = 512;
  // The most household ids a WarningQuery may name.
  static constexpr size_t kMaxQueryHouseholds = 10000;

  WarningRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Records the start of a screening run; returns its id.
  Result<int64_t> begin_run(Date as_of, RunMode mode, int rule_set_version);
  // Records the end of a run and its counts. kNotFound for an unknown run.
  Result<void> finish_run(int64_t run_id, const RunCounts& counts);
  // The most recently started run, finished or not.
  Result<std::optional<ScreeningRun>> latest_run();

  // Reconciles, in one transaction, the findings of the evaluated households with the stored
  // warnings (warning_reconciliation.hpp): opens, reopens, updates, escalates and clears
  // warnings and logs each change as an event of run `run_id`; households not evaluated are
  // not touched. Each finding's rules must be ascending by rule id. kInvalidArgument (nothing
  // written) for a finding without rules, a need finding without a level or a review finding
  // with one, a household that is not among `evaluated_households` or two findings of one
  // household and kind; kConstraint for an unknown run or household.
  Result<ApplyOutcome> apply(int64_t run_id, Date as_of, int rule_set_version,
                             std::span<const int64_t> evaluated_households,
                             std::span<const WarningFinding> findings,
                             const SuppressionPolicy& policy);

  // The workflow closed the household's lead as no need / declined / not eligible on
  // `closed_on`: records a suppression of the rules and evidence of its open warning of `kind`,
  // whose status becomes 'suppressed' (event 'suppressed'). When screening cleared that warning
  // while the lead was being handled, the latest warning of the kind is the one suppressed and
  // keeps its status. A suppression still active for the household and kind is lifted first.
  // kNotFound when the household never had a warning of that kind.
  Result<void> suppress(int64_t household_id, WarningKind kind, SuppressionReason reason,
                        Date closed_on, const SuppressionPolicy& policy);

  // Warnings matching `query` by 户号 then kind (need before review) then id, with the full
  // finding decoded and household_no filled in. kInvalidArgument for more than
  // kMaxQueryHouseholds household ids or a negative limit or offset.
  Result<std::vector<Warning>> list(const WarningQuery& query);
  Result<std::optional<Warning>> find(int64_t warning_id);
  Result<std::optional<Warning>> find_open(int64_t household_id, WarningKind kind);
  // A warning's events, oldest first.
  Result<std::vector<WarningEvent>> events(int64_t warning_id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
