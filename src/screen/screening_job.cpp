#include "screen/screening_job.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "domain/feed_kind.hpp"
#include "screen/feature_store_loader.hpp"
#include "store/query.hpp"

namespace faxian::screen {
namespace {

RunCounts count_findings(const ScreeningResult& result, const ApplyOutcome& applied) {
  RunCounts counts;
  counts.households_screened = static_cast<int64_t>(result.screened.size());
  for (const WarningFinding& finding : result.findings) {
    if (finding.kind == WarningKind::kReview)
      ++counts.review;
    else if (finding.level == WarningLevel::kRed)
      ++counts.need_red;
    else if (finding.level == WarningLevel::kOrange)
      ++counts.need_orange;
    else
      ++counts.need_yellow;
  }
  counts.opened = static_cast<int64_t>(applied.opened.size());
  counts.escalated = static_cast<int64_t>(applied.escalated.size());
  counts.updated = applied.updated;
  counts.cleared = applied.cleared;
  counts.suppressed = applied.suppressed;
  return counts;
}

Result<std::vector<int64_t>> all_households(Database& db) {
  return query_rows<int64_t>(
      db, "SELECT id FROM households ORDER BY id", [](Statement&) {},
      [](const Statement& row) -> Result<int64_t> { return row.column_int64(0); });
}

// Evaluates `households` (nullopt = all) and reconciles the stored warnings in one transaction.
// `inputs`: the rule set and standards in force, when the caller has read them already.
Result<JobOutcome> evaluate_and_store(Database& db, const Clock& clock, Date as_of, RunMode mode,
                                      std::optional<std::vector<int64_t>> households,
                                      std::unique_ptr<ScreeningInputs> inputs = nullptr) {
  const auto started = std::chrono::steady_clock::now();
  JobOutcome outcome;
  outcome.mode = mode;
  outcome.inputs = std::move(inputs);
  if (!outcome.inputs) {
    outcome.inputs = std::make_unique<ScreeningInputs>();
    FAXIAN_TRY_ASSIGN(*outcome.inputs, load_screening_inputs(db));
  }
  ScreeningRequest request;
  request.as_of = as_of;
  request.households = households;
  FAXIAN_TRY_ASSIGN(outcome.screening, run_screening(db, *outcome.inputs, request));
  std::vector<int64_t> evaluated;
  if (households)
    evaluated = *households;
  else
    FAXIAN_TRY_ASSIGN(evaluated, all_households(db));

  const auto storing = std::chrono::steady_clock::now();
  auto transaction = Transaction::begin(db);
  if (!transaction)
    return tl::unexpected(transaction.error());
  WarningRepository warnings(db, clock);
  const int version = outcome.inputs->rule_set_version;
  FAXIAN_TRY_ASSIGN(outcome.run_id, warnings.begin_run(as_of, mode, version));
  FAXIAN_TRY_ASSIGN(outcome.applied, warnings.apply(outcome.run_id, as_of, version, evaluated,
                                                    outcome.screening.result.findings,
                                                    SuppressionPolicy::of(outcome.inputs->rules)));
  outcome.counts = count_findings(outcome.screening.result, outcome.applied);
  FAXIAN_TRY(warnings.finish_run(outcome.run_id, outcome.counts));
  FAXIAN_TRY(transaction->commit());
  const auto finished = std::chrono::steady_clock::now();
  outcome.store_seconds = std::chrono::duration<double>(finished - storing).count();
  outcome.total_seconds = std::chrono::duration<double>(finished - started).count();
  return outcome;
}

}  // namespace

Result<std::vector<int64_t>> persons_changed_since(Database& db, int64_t since) {
  std::string sql;
  for (FeedKind feed : kAllFeeds)
    sql += fmt::format(
        "SELECT person_id FROM feed_{} WHERE imported_at >= {} AND person_id IS "
        "NOT NULL UNION ",
        feed_name(feed), since);
  sql += fmt::format(
      "SELECT p.id FROM feed_hotline f JOIN persons p ON p.resident_id = f.id_number "
      "WHERE f.imported_at >= {0} UNION "
      "SELECT person_id FROM categories WHERE created_at >= {0} AND person_id IS NOT NULL "
      "UNION SELECT person_id FROM hotline_candidates WHERE decided_at >= {0}",
      since);
  return query_rows<int64_t>(
      db, sql, [](Statement&) {},
      [](const Statement& row) -> Result<int64_t> { return row.column_int64(0); });
}

Result<JobOutcome> screen_and_store(Database& db, const Clock& clock, Date as_of, JobMode mode) {
  WarningRepository warnings(db, clock);
  std::optional<ScreeningRun> last;
  FAXIAN_TRY_ASSIGN(last, warnings.latest_run());
  auto inputs = std::make_unique<ScreeningInputs>();
  FAXIAN_TRY_ASSIGN(*inputs, load_screening_inputs(db));
  int64_t standards_loaded_at = 0;
  FAXIAN_TRY_ASSIGN(standards_loaded_at,
                    query_int(db, "SELECT COALESCE(MAX(loaded_at), 0) FROM standards_versions",
                              [](Statement&) {}));
  // Windows move with the date, and new rules or figures change every household: those need
  // a full run.
  bool incremental = mode == JobMode::kAuto && last && last->as_of == as_of &&
                     last->rule_set_version == inputs->rule_set_version &&
                     standards_loaded_at < last->started_at;
  if (!incremental)
    return evaluate_and_store(db, clock, as_of, RunMode::kFull, std::nullopt, std::move(inputs));
  std::vector<int64_t> persons;
  FAXIAN_TRY_ASSIGN(persons, persons_changed_since(db, last->started_at));
  std::vector<int64_t> households;
  FAXIAN_TRY_ASSIGN(households, households_of_persons(db, persons));
  // A household a person left entirely (a corrected 户籍 row) is no longer reached through the
  // persons' memberships; the 户籍 linkage marks it updated.
  std::vector<int64_t> updated;
  FAXIAN_TRY_ASSIGN(
      updated, query_rows<int64_t>(
                   db, "SELECT id FROM households WHERE updated_at >= ?",
                   [&](Statement& statement) { statement.bind_int64(1, last->started_at); },
                   [](const Statement& row) -> Result<int64_t> { return row.column_int64(0); }));
  households.insert(households.end(), updated.begin(), updated.end());
  std::sort(households.begin(), households.end());
  households.erase(std::unique(households.begin(), households.end()), households.end());
  return evaluate_and_store(db, clock, as_of, RunMode::kIncremental, std::move(households),
                            std::move(inputs));
}

Result<std::optional<JobOutcome>> screen_after_batch(Database& db, const Clock& clock,
                                                     std::span<const int64_t> touched_persons,
                                                     std::span<const int64_t> touched_households) {
  if (touched_persons.empty() && touched_households.empty())
    return std::optional<JobOutcome>();
  WarningRepository warnings(db, clock);
  std::optional<ScreeningRun> last;
  FAXIAN_TRY_ASSIGN(last, warnings.latest_run());
  if (!last)
    return std::optional<JobOutcome>();
  std::vector<int64_t> households;
  FAXIAN_TRY_ASSIGN(households, households_of_persons(db, touched_persons));
  households.insert(households.end(), touched_households.begin(), touched_households.end());
  std::sort(households.begin(), households.end());
  households.erase(std::unique(households.begin(), households.end()), households.end());
  auto outcome =
      evaluate_and_store(db, clock, last->as_of, RunMode::kIncremental, std::move(households));
  if (!outcome)
    return tl::unexpected(outcome.error());
  return std::optional<JobOutcome>(std::move(*outcome));
}

}  // namespace faxian::screen
