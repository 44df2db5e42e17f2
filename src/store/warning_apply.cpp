// WarningRepository::apply: reconciles one screening run's findings with the stored warnings
// (the decisions are in warning_reconciliation.cpp; this file reads the state and writes).

#include <algorithm>
#include <map>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/warning_codec.hpp"
#include "store/warning_reconciliation.hpp"
#include "store/warning_repository.hpp"
#include "store/warning_rows.hpp"

namespace faxian {
namespace {

using HouseholdKind = std::pair<int64_t, WarningKind>;
using HouseholdSet = std::unordered_set<int64_t>;

struct OpenWarningRow {
  int64_t id = 0;
  WarningFinding finding{};  // household, kind, score, level and detail
  int rule_set_version = 0;
};

// What the store holds for the evaluated households before the run's findings are applied.
struct StoredState {
  std::map<HouseholdKind, OpenWarningRow> open;
  std::map<HouseholdKind, ActiveSuppression> suppressions;
};

Error invalid_findings(std::string detail) {
  return Error(ErrorCode::kInvalidArgument, "筛查结果与参与筛查的家庭不一致", std::move(detail));
}

Result<void> check_finding(const WarningFinding& finding, const HouseholdSet& evaluated) {
  if (!evaluated.contains(finding.household_id)) {
    return tl::unexpected(invalid_findings(
        fmt::format("a finding for household {}, which was not evaluated", finding.household_id)));
  }
  if (finding.rules.empty()) {
    return tl::unexpected(invalid_findings(
        fmt::format("a finding without rules for household {}", finding.household_id)));
  }
  if (finding.level.has_value() != (finding.kind == WarningKind::kNeed)) {
    return tl::unexpected(invalid_findings(
        fmt::format("household {}: a need finding needs a level, a review finding has none",
                    finding.household_id)));
  }
  return ok();
}

Result<std::map<HouseholdKind, const WarningFinding*>> index_findings(
    std::span<const WarningFinding> findings, const HouseholdSet& evaluated) {
  std::map<HouseholdKind, const WarningFinding*> index;
  for (const WarningFinding& finding : findings) {
    FAXIAN_TRY(check_finding(finding, evaluated));
    if (!index.emplace(HouseholdKind(finding.household_id, finding.kind), &finding).second) {
      return tl::unexpected(invalid_findings(fmt::format("two {} findings for household {}",
                                                         warning_codec::kind_key(finding.kind),
                                                         finding.household_id)));
    }
  }
  return index;
}

// Reads an open warning row when its household is among `wanted` (nullopt otherwise, without
// decoding its detail).
Result<std::optional<OpenWarningRow>> read_open_row(const Statement& statement,
                                                    const HouseholdSet& wanted) {
  RowReader reader(statement);
  OpenWarningRow row{.id = reader.integer()};
  row.finding.household_id = reader.integer();
  if (!wanted.contains(row.finding.household_id))
    return std::optional<OpenWarningRow>();
  const std::string kind = reader.text();
  row.finding.score = static_cast<int>(reader.integer());
  const std::string level = reader.text_or_empty();
  const std::string detail = reader.text();
  row.rule_set_version = static_cast<int>(reader.integer());
  FAXIAN_TRY(reader.status());
  FAXIAN_TRY_ASSIGN(row.finding.kind, warning_rows::kind_of(kind));
  FAXIAN_TRY_ASSIGN(row.finding.level, warning_rows::level_of(level));
  FAXIAN_TRY(warning_codec::read_detail_json(detail, row.finding));
  return std::optional<OpenWarningRow>(std::move(row));
}

struct SuppressionRow {
  int64_t household_id = 0;
  WarningKind kind = WarningKind::kNeed;
  ActiveSuppression suppression{};
};

Result<std::optional<SuppressionRow>> read_suppression_row(const Statement& statement,
                                                           const HouseholdSet& wanted,
                                                           const SuppressionPolicy& policy) {
  RowReader reader(statement);
  SuppressionRow row{.suppression = {.id = reader.integer()}};
  row.household_id = reader.integer();
  if (!wanted.contains(row.household_id))
    return std::optional<SuppressionRow>();
  const std::string kind = reader.text();
  const std::string rules = reader.text();
  const std::string evidence = reader.text();
  const std::string reason = reader.text();
  row.suppression.closed_on = reader.date();
  FAXIAN_TRY(reader.status());
  FAXIAN_TRY_ASSIGN(row.kind, warning_rows::kind_of(kind));
  FAXIAN_TRY_ASSIGN(row.suppression.rules, warning_codec::parse_rules_text(rules));
  FAXIAN_TRY_ASSIGN(row.suppression.evidence, warning_codec::parse_string_array_json(evidence));
  std::sort(row.suppression.evidence.begin(), row.suppression.evidence.end());
  // The cool-down of the rule set in force, not the one recorded when the lead was closed:
  // like every other screening decision, it follows the current rules.
  row.suppression.cooldown_days = reason == suppression_reason_key(SuppressionReason::kDeclined)
                                      ? policy.cooldown_days(SuppressionReason::kDeclined)
                                      : policy.cooldown_days(SuppressionReason::kNoNeed);
  return std::optional<SuppressionRow>(std::move(row));
}

// Runs `sql` once over the whole table (many households) or once per household with
// " AND household_id = ?" appended, and hands every row kept by `read` to `keep`.
template <typename Row, typename Read, typename Keep>
Result<void> load_rows(Database& db, std::string_view sql, const std::vector<int64_t>& households,
                       Read&& read, Keep&& keep) {
  auto collect = [&](std::string_view statement_sql, auto&& bind) -> Result<void> {
    std::vector<std::optional<Row>> rows;
    FAXIAN_TRY_ASSIGN(rows, query_rows<std::optional<Row>>(db, statement_sql, bind, read));
    for (auto& row : rows)
      if (row)
        keep(std::move(*row));
    return ok();
  };
  if (households.size() > WarningRepository::kScanThreshold)
    return collect(sql, [](Statement&) {});
  const std::string one_household = std::string(sql) + " AND household_id = ?";
  for (int64_t household_id : households)
    FAXIAN_TRY(collect(one_household, [&](Statement& s) { s.bind_int64(1, household_id); }));
  return ok();
}

Result<StoredState> load_state(Database& db, const std::vector<int64_t>& households,
                               const SuppressionPolicy& policy) {
  const HouseholdSet wanted(households.begin(), households.end());
  StoredState state;
  FAXIAN_TRY(load_rows<OpenWarningRow>(
      db,
      "SELECT id, household_id, kind, score, level, detail, rule_set_version FROM warnings "
      "WHERE status = 'open'",
      households, [&](const Statement& s) { return read_open_row(s, wanted); },
      [&](OpenWarningRow row) {
        const HouseholdKind key(row.finding.household_id, row.finding.kind);
        state.open.emplace(key, std::move(row));
      }));
  FAXIAN_TRY(load_rows<SuppressionRow>(
      db,
      "SELECT id, household_id, kind, rules, evidence, reason, closed_on "
      "FROM warning_suppressions WHERE lifted_at IS NULL",
      households, [&](const Statement& s) { return read_suppression_row(s, wanted, policy); },
      [&](SuppressionRow row) {
        state.suppressions.emplace(HouseholdKind(row.household_id, row.kind),
                                   std::move(row.suppression));
      }));
  return state;
}

// Applies the decisions of one run, household by household and kind by kind.
class Applier {
 public:
  struct Run {
    int64_t id = 0;
    Date as_of{};
    int rule_set_version = 0;
    int64_t now = 0;
  };

  Applier(Database& db, Run run) : db_(db), run_(run) {}

  Result<void> apply(const HouseholdKind& key, const WarningFinding* finding,
                     const OpenWarningRow* open, const ActiveSuppression* suppression) {
    switch (reconcile(finding, open ? &open->finding : nullptr, suppression, run_.as_of)) {
      case Reconciliation::kNothing:
        return ok();
      case Reconciliation::kOpen:
        return open_warning(*finding, nullptr);
      case Reconciliation::kReopen:
        return open_warning(*finding, suppression);
      case Reconciliation::kSuppressed:
        ++outcome_.suppressed;
        return ok();
      case Reconciliation::kRefresh:
        ++outcome_.unchanged;
        if (same_text(*open, *finding))
          return touch(open->id);
        return rewrite(open->id, *finding, false);
      case Reconciliation::kUpdate:
        ++outcome_.updated;
        FAXIAN_TRY(rewrite(open->id, *finding, true));
        return log(open->id, WarningEventKind::kUpdated, open->finding.level, *finding);
      case Reconciliation::kEscalate:
        return escalate(key, *open, *finding);
      case Reconciliation::kClear:
        return clear(*open);
    }
    return ok();
  }

  ApplyOutcome take_outcome() { return std::move(outcome_); }

 private:
  Result<void> open_warning(const WarningFinding& finding, const ActiveSuppression* lifted) {
    const std::vector<RuleId> rules = warning_codec::rule_ids(finding);
    int64_t id = 0;
    FAXIAN_TRY_ASSIGN(id, insert(finding, rules));
    const WarningEventKind event = lifted ? WarningEventKind::kReopened : WarningEventKind::kOpened;
    FAXIAN_TRY(log(id, event, std::nullopt, finding));
    if (lifted)
      FAXIAN_TRY(warning_rows::lift_suppression(db_, lifted->id, run_.now));
    outcome_.opened.push_back({.warning_id = id,
                               .household_id = finding.household_id,
                               .kind = finding.kind,
                               .level = finding.level,
                               .rules = rules,
                               .after_suppression = lifted != nullptr});
    return ok();
  }

  Result<int64_t> insert(const WarningFinding& finding, const std::vector<RuleId>& rules) {
    auto id = returning_id(
        db_,
        "INSERT INTO warnings (household_id, kind, status, score, level, rules, detail, as_of, "
        "first_detected, last_changed, rule_set_version, run_id, created_at, updated_at) "
        "VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [&](Statement& s) {
          ParamBinder binder(s);
          binder.integer(finding.household_id)
              .text(warning_codec::kind_key(finding.kind))
              .integer(finding.score);
          warning_rows::bind_level(binder, finding.level);
          binder.text(warning_codec::rules_text(rules))
              .text(warning_codec::detail_json(finding))
              .date(run_.as_of)
              .date(run_.as_of)
              .date(run_.as_of)
              .integer(run_.rule_set_version)
              .integer(run_.id)
              .integer(run_.now)
              .integer(run_.now);
        });
    if (!id)
      return tl::unexpected(id.error());
    if (!*id)
      return fail(ErrorCode::kInternal, "数据库内部错误", "no warning id returned");
    return **id;
  }

  // Writes the latest finding of an open warning; `changed` also moves last_changed.
  // Nothing but the run changed: the same rules, figures, wording and rule-set version.
  bool same_text(const OpenWarningRow& open, const WarningFinding& finding) const {
    return open.rule_set_version == run_.rule_set_version && open.finding.rules == finding.rules &&
           open.finding.actions == finding.actions &&
           open.finding.departments == finding.departments;
  }

  // Unchanged warnings only move to this run; they are updated together at the end (one
  // UPDATE per warning costs a statement journal each on a large transaction).
  Result<void> touch(int64_t warning_id) {
    touched_.push_back(warning_id);
    return ok();
  }

 public:
  Result<void> flush_touched() {
    if (touched_.empty())
      return ok();
    FAXIAN_TRY(
        db_.execute("CREATE TEMP TABLE IF NOT EXISTS warning_touch (id INTEGER PRIMARY KEY);"
                    "DELETE FROM warning_touch"));
    auto insert = db_.prepare("INSERT INTO warning_touch (id) VALUES (?)");
    if (!insert)
      return tl::unexpected(insert.error());
    for (int64_t id : touched_) {
      (*insert)->bind_int64(1, id);
      FAXIAN_TRY((*insert)->run());
      (*insert)->reset();
    }
    touched_.clear();
    return run_bound(db_,
                     "UPDATE warnings SET as_of = ?, run_id = ?, updated_at = ? "
                     "WHERE id IN (SELECT id FROM warning_touch)",
                     [&](Statement& s) {
                       ParamBinder binder(s);
                       binder.date(run_.as_of).integer(run_.id).integer(run_.now);
                     });
  }

 private:
  Result<void> rewrite(int64_t warning_id, const WarningFinding& finding, bool changed) {
    const std::string sql = fmt::format(
        "UPDATE warnings SET score = ?, level = ?, rules = ?, detail = ?, as_of = ?, "
        "rule_set_version = ?, run_id = ?, updated_at = ?{} WHERE id = ?",
        changed ? ", last_changed = ?" : "");
    return run_bound(db_, sql, [&](Statement& s) {
      ParamBinder binder(s);
      binder.integer(finding.score);
      warning_rows::bind_level(binder, finding.level);
      binder.text(warning_codec::rules_text(warning_codec::rule_ids(finding)))
          .text(warning_codec::detail_json(finding))
          .date(run_.as_of)
          .integer(run_.rule_set_version)
          .integer(run_.id)
          .integer(run_.now);
      if (changed)
        binder.date(run_.as_of);
      binder.integer(warning_id);
    });
  }

  Result<void> escalate(const HouseholdKind& key, const OpenWarningRow& open,
                        const WarningFinding& finding) {
    FAXIAN_TRY(rewrite(open.id, finding, true));
    FAXIAN_TRY(log(open.id, WarningEventKind::kEscalated, open.finding.level, finding));
    outcome_.escalated.push_back({.warning_id = open.id,
                                  .household_id = key.first,
                                  .kind = key.second,
                                  .from = *open.finding.level,
                                  .to = *finding.level,
                                  .rules = warning_codec::rule_ids(finding)});
    return ok();
  }

  Result<void> clear(const OpenWarningRow& open) {
    ++outcome_.cleared;
    FAXIAN_TRY(run_bound(
        db_,
        "UPDATE warnings SET status = 'cleared', as_of = ?, run_id = ?, "
        "updated_at = ? WHERE id = ?",
        [&](Statement& s) {
          ParamBinder(s).date(run_.as_of).integer(run_.id).integer(run_.now).integer(open.id);
        }));
    WarningFinding nothing;
    nothing.rules = open.finding.rules;  // the event names the rules that stopped firing
    return log(open.id, WarningEventKind::kCleared, open.finding.level, nothing);
  }

  // Logs an event whose rules and to_level are those of `after`.
  Result<void> log(int64_t warning_id, WarningEventKind event,
                   std::optional<WarningLevel> from_level, const WarningFinding& after) {
    return warning_rows::insert_event(
        db_,
        {.warning_id = warning_id,
         .run_id = run_.id,
         .event = event,
         .from_level = from_level,
         .to_level = after.level,
         .rules = warning_codec::rules_text(warning_codec::rule_ids(after)),
         .as_of = run_.as_of},
        run_.now);
  }

  Database& db_;
  Run run_;
  ApplyOutcome outcome_;
  std::vector<int64_t> touched_;
};

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, const HouseholdKind& key) {
  auto found = map.find(key);
  return found == map.end() ? nullptr : &found->second;
}

}  // namespace

Result<ApplyOutcome> WarningRepository::apply(int64_t run_id, Date as_of, int rule_set_version,
                                              std::span<const int64_t> evaluated_households,
                                              std::span<const WarningFinding> findings,
                                              const SuppressionPolicy& policy) {
  std::vector<int64_t> households(evaluated_households.begin(), evaluated_households.end());
  std::sort(households.begin(), households.end());
  households.erase(std::unique(households.begin(), households.end()), households.end());
  std::map<HouseholdKind, const WarningFinding*> by_key;
  FAXIAN_TRY_ASSIGN(by_key,
                    index_findings(findings, HouseholdSet(households.begin(), households.end())));
  return in_transaction(db_, [&]() -> Result<ApplyOutcome> {
    StoredState state;
    FAXIAN_TRY_ASSIGN(state, load_state(db_, households, policy));
    Applier applier(db_, {.id = run_id,
                          .as_of = as_of,
                          .rule_set_version = rule_set_version,
                          .now = clock_.now_unix()});
    for (int64_t household_id : households) {
      for (WarningKind kind : warning_codec::kAllKinds) {
        const HouseholdKind key(household_id, kind);
        const WarningFinding* const* finding = find_in(by_key, key);
        FAXIAN_TRY(applier.apply(key, finding ? *finding : nullptr, find_in(state.open, key),
                                 find_in(state.suppressions, key)));
      }
    }
    FAXIAN_TRY(applier.flush_touched());
    return applier.take_outcome();
  });
}

}  // namespace faxian
