#include "workflow/warning_leads.hpp"

#include <chrono>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/warning_repository.hpp"
#include "workflow/casework/referral_service.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {
namespace {

// Above this many households a scope reads like the whole county (one scan beats a long IN).
constexpr size_t kMaxScopedHouseholds = 500;

// " AND <column> IN (?, …)" for a household scope, "" for every household.
std::string scope_condition(const WarningScope& scope, std::string_view column) {
  if (scope.household_ids.empty() || scope.household_ids.size() > kMaxScopedHouseholds)
    return "";
  std::string marks;
  for (size_t index = 0; index < scope.household_ids.size(); ++index)
    marks += index == 0 ? "?" : ", ?";
  return fmt::format(" AND {} IN ({})", column, marks);
}

void bind_scope(Statement& statement, const WarningScope& scope) {
  if (scope.household_ids.size() > kMaxScopedHouseholds)
    return;
  ParamBinder binder(statement);
  for (int64_t id : scope.household_ids)
    binder.integer(id);
}

// Open need warnings that no lead reports yet, by id.
Result<std::vector<int64_t>> unreported_warnings(Database& db, const WarningScope& scope) {
  return query_rows<int64_t>(
      db,
      fmt::format("SELECT w.id FROM warnings w WHERE w.kind = 'need' AND w.status = 'open'{} "
                  "AND NOT EXISTS (SELECT 1 FROM lead_sources s WHERE s.source = 'data_warning' "
                  "AND s.reference = CAST(w.id AS TEXT)) ORDER BY w.id",
                  scope_condition(scope, "w.household_id")),
      [&](Statement& statement) { bind_scope(statement, scope); },
      [](const Statement& row) -> Result<int64_t> { return row.column_int64(0); });
}

// The decoded warnings of `ids`: one scan of the open need warnings when there are many.
Result<std::vector<Warning>> load_warnings(Database& db, const Clock& clock,
                                           const std::vector<int64_t>& ids) {
  WarningRepository repository(db, clock);
  std::vector<Warning> warnings;
  if (ids.size() > WarningRepository::kScanThreshold) {
    WarningQuery query;
    query.kind = WarningKind::kNeed;
    std::vector<Warning> open;
    FAXIAN_TRY_ASSIGN(open, repository.list(query));
    const std::set<int64_t> wanted(ids.begin(), ids.end());
    for (Warning& warning : open) {
      if (wanted.contains(warning.id))
        warnings.push_back(std::move(warning));
    }
    return warnings;
  }
  for (int64_t id : ids) {
    std::optional<Warning> warning;
    FAXIAN_TRY_ASSIGN(warning, repository.find(id));
    if (warning)
      warnings.push_back(std::move(*warning));
  }
  return warnings;
}

std::string description_of(const Warning& warning) {
  std::string text;
  for (const FiredRule& rule : warning.finding.rules) {
    if (!text.empty())
      text += "；";
    text += rule.explanation;
  }
  return text;
}

struct Escalation {
  int64_t lead_id = 0;
  WarningLevel level = WarningLevel::kYellow;
  Date as_of{};
};

// Open leads whose open need warning now has a higher level than the lead.
Result<std::vector<Escalation>> escalations(Database& db, const WarningScope& scope) {
  return query_rows<Escalation>(
      db,
      fmt::format("SELECT l.id, w.level, w.last_changed FROM leads l JOIN warnings w ON w.id = "
                  "l.warning_id "
                  "WHERE l.status <> 'closed' AND w.status = 'open' AND w.level <> l.level{}",
                  scope_condition(scope, "l.household_id")),
      [&](Statement& statement) { bind_scope(statement, scope); },
      [](const Statement& row) -> Result<Escalation> {
        RowReader reader(row);
        Escalation escalation;
        escalation.lead_id = reader.integer();
        escalation.level = find_level(reader.text()).value_or(WarningLevel::kYellow);
        escalation.as_of = reader.date();
        FAXIAN_TRY(reader.status());
        return escalation;
      });
}

}  // namespace

Result<WarningLeadsOutcome> open_leads_for_warnings(Database& db, const Clock& clock,
                                                    const WorkCalendar& calendar,
                                                    const DeadlinePolicy& policy,
                                                    const WarningScope& scope) {
  const auto started = std::chrono::steady_clock::now();
  WarningLeadsOutcome outcome;
  auto transaction = Transaction::begin_all_or_nothing(db);
  if (!transaction)
    return tl::unexpected(transaction.error());
  std::vector<int64_t> ids;
  FAXIAN_TRY_ASSIGN(ids, unreported_warnings(db, scope));
  std::vector<Warning> warnings;
  FAXIAN_TRY_ASSIGN(warnings, load_warnings(db, clock, ids));
  LeadService leads(db, clock, calendar, policy);
  ReferralService referrals(db, clock, calendar, policy);
  const Actor system = Actor::system();
  for (const Warning& warning : warnings) {
    IntakeRequest request;
    request.source = LeadSource::kDataWarning;
    request.reference = std::to_string(warning.id);
    request.household_id = warning.finding.household_id;
    request.level = warning.finding.level.value_or(WarningLevel::kYellow);
    request.description = description_of(warning);
    request.reported_on = warning.first_detected;
    request.warning_id = warning.id;
    IntakeResult result;
    FAXIAN_TRY_ASSIGN(result, leads.intake(system, request));
    ++(result.attached ? outcome.attached : outcome.opened);
    WarningReferrals sent;
    FAXIAN_TRY_ASSIGN(
        sent, referrals.send_for_warning(system, warning, result.lead.id, warning.first_detected));
    outcome.referrals += static_cast<int64_t>(sent.sent.size());
    outcome.unknown_departments += static_cast<int64_t>(sent.unknown_departments.size());
  }
  std::vector<Escalation> raised;
  FAXIAN_TRY_ASSIGN(raised, escalations(db, scope));
  for (const Escalation& escalation : raised) {
    bool changed = false;
    FAXIAN_TRY_ASSIGN(
        changed, leads.raise_level(system, escalation.lead_id, escalation.level, escalation.as_of));
    outcome.raised += changed ? 1 : 0;
  }
  FAXIAN_TRY(transaction->commit());
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return outcome;
}

}  // namespace faxian::workflow
