#pragma once
// What one screening run does to the stored warning of one household and kind (30-screening.md
// "Warnings"), decided without touching the store so that the rules read in one place:
//
//   finding  open warning  → open (or, under a suppression, suppressed / reopened)
//   finding  open warning  → update, escalate (level rose) or refresh (nothing that matters
//                            changed: only as-of, run and wording are rewritten)
//   none     open warning  → clear
//   none     none          → nothing
//
// Suppression (after a lead is closed as no need / declined / not eligible): a finding whose
// rules and evidence are all among the suppressed ones raises nothing, ever; one with a new rule
// or new evidence reopens at once when it is red, otherwise once the cool-down has passed
// (as_of ≥ closed_on + cooldown days), and else stays suppressed.

#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/rule_set.hpp"
#include "domain/warning.hpp"

namespace faxian {

// An active (not lifted) suppression of one household and kind, as apply() reads it.
struct ActiveSuppression {
  int64_t id = 0;
  std::vector<RuleId> rules{};          // ascending
  std::vector<std::string> evidence{};  // evidence keys ("medical:123"), sorted
  Date closed_on{};
  int cooldown_days = 0;  // the cool-down in force for its reason
};

enum class Reconciliation {
  kNothing,     // no finding, no open warning
  kOpen,        // insert an open warning (event 'opened')
  kReopen,      // insert an open warning and lift the suppression (event 'reopened')
  kSuppressed,  // a finding held back by a suppression: nothing stored
  kRefresh,     // same rules, points, red flags, evidence, score and level: as-of/run only
  kUpdate,      // something changed and the level did not rise (event 'updated')
  kEscalate,    // the level rose (event 'escalated')
  kClear,       // nothing fires any more (event 'cleared')
};

// Whether `after` differs from `before` in what a warning's history tracks: the rules that
// fired with their points, red flags and evidence, the score and the level. Wording
// (explanations, actions, departments) does not count.
bool finding_changed(const WarningFinding& before, const WarningFinding& after);

// Whether `after` is more urgent than `before` (a need warning moving up a level).
bool level_rose(std::optional<WarningLevel> before, std::optional<WarningLevel> after);

// Whether the suppression still holds `finding` back on `as_of`.
bool suppression_holds(const ActiveSuppression& suppression, const WarningFinding& finding,
                       Date as_of);

// The decision for one household and kind. Any argument may be null; `open` and `suppression`
// are what the store holds (an open warning and an active suppression never coexist).
Reconciliation reconcile(const WarningFinding* finding, const WarningFinding* open,
                         const ActiveSuppression* suppression, Date as_of);

}  // namespace faxian
