// Runs, queries and suppressions of WarningRepository; apply() is in warning_apply.cpp.

#include "store/warning_repository.hpp"

#include <array>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/warning_codec.hpp"
#include "store/warning_rows.hpp"

namespace faxian {
namespace {

constexpr std::array<std::string_view, 2> kRunModeKeys = {"full", "incremental"};
constexpr std::array<std::string_view, 3> kReasonKeys = {"no_need", "declined", "not_eligible"};
constexpr std::array<std::string_view, 6> kEventKeys = {"opened",  "updated",  "escalated",
                                                        "cleared", "reopened", "suppressed"};

template <typename E, size_t N>
std::optional<E> find_key(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (size_t index = 0; index < N; ++index)
    if (keys[index] == key)
      return static_cast<E>(index);
  return std::nullopt;
}

constexpr std::string_view kSelectRun =
    "SELECT id, as_of, mode, rule_set_version, started_at, finished_at, households_screened, "
    "need_red, need_orange, need_yellow, review, opened, updated, escalated, cleared, suppressed "
    "FROM screening_runs ";

Result<ScreeningRun> read_run(const Statement& statement) {
  RowReader reader(statement);
  ScreeningRun run{.id = reader.integer(), .as_of = reader.date()};
  const std::string mode = reader.text();
  run.rule_set_version = static_cast<int>(reader.integer());
  run.started_at = reader.integer();
  run.finished_at = reader.optional_integer();
  run.counts = {.households_screened = reader.integer(),
                .need_red = reader.integer(),
                .need_orange = reader.integer(),
                .need_yellow = reader.integer(),
                .review = reader.integer(),
                .opened = reader.integer(),
                .updated = reader.integer(),
                .escalated = reader.integer(),
                .cleared = reader.integer(),
                .suppressed = reader.integer()};
  FAXIAN_TRY(reader.status());
  auto run_mode = find_key<RunMode>(kRunModeKeys, mode);
  if (!run_mode)
    return tl::unexpected(warning_rows::corrupt(fmt::format("unknown run mode '{}'", mode)));
  run.mode = *run_mode;
  return run;
}

constexpr std::string_view kSelectWarning =
    "SELECT w.id, w.household_id, h.household_no, w.kind, w.status, w.score, w.level, "
    "w.detail, w.as_of, w.first_detected, w.last_changed, w.rule_set_version "
    "FROM warnings w JOIN households h ON h.id = w.household_id ";

Result<Warning> read_warning(const Statement& statement) {
  RowReader reader(statement);
  Warning warning{.id = reader.integer()};
  warning.finding.household_id = reader.integer();
  warning.finding.household_no = reader.text();
  const std::string kind = reader.text();
  const std::string status = reader.text();
  warning.finding.score = static_cast<int>(reader.integer());
  const std::string level = reader.text_or_empty();
  const std::string detail = reader.text();
  warning.as_of = reader.date();
  warning.first_detected = reader.date();
  warning.last_changed = reader.date();
  warning.rule_set_version = static_cast<int>(reader.integer());
  FAXIAN_TRY(reader.status());
  FAXIAN_TRY_ASSIGN(warning.finding.kind, warning_rows::kind_of(kind));
  FAXIAN_TRY_ASSIGN(warning.status, warning_rows::status_of(status));
  FAXIAN_TRY_ASSIGN(warning.finding.level, warning_rows::level_of(level));
  FAXIAN_TRY(warning_codec::read_detail_json(detail, warning.finding));
  return warning;
}

Result<WarningEvent> read_event(const Statement& statement) {
  RowReader reader(statement);
  WarningEvent event{
      .id = reader.integer(), .warning_id = reader.integer(), .run_id = reader.optional_integer()};
  const std::string kind = reader.text();
  const std::string from_level = reader.text_or_empty();
  const std::string to_level = reader.text_or_empty();
  const std::string rules = reader.text();
  event.as_of = reader.date();
  event.at = reader.integer();
  FAXIAN_TRY(reader.status());
  auto event_kind = find_key<WarningEventKind>(kEventKeys, kind);
  if (!event_kind)
    return tl::unexpected(warning_rows::corrupt(fmt::format("unknown event '{}'", kind)));
  event.event = *event_kind;
  FAXIAN_TRY_ASSIGN(event.from_level, warning_rows::level_of(from_level));
  FAXIAN_TRY_ASSIGN(event.to_level, warning_rows::level_of(to_level));
  FAXIAN_TRY_ASSIGN(event.rules, warning_codec::parse_rules_text(rules));
  return event;
}

// "WHERE …" for a WarningQuery; the values are bound by bind_query() in the same order.
std::string query_where(const WarningQuery& query) {
  std::vector<std::string> conditions;
  if (query.kind)
    conditions.emplace_back("w.kind = ?");
  if (query.status)
    conditions.emplace_back("w.status = ?");
  if (!query.household_ids.empty()) {
    std::string marks = "?";
    for (size_t index = 1; index < query.household_ids.size(); ++index)
      marks += ", ?";
    conditions.push_back(fmt::format("w.household_id IN ({})", marks));
  }
  if (conditions.empty())
    return "";
  return fmt::format("WHERE {} ", fmt::join(conditions, " AND "));
}

void bind_query(Statement& statement, const WarningQuery& query) {
  ParamBinder binder(statement);
  if (query.kind)
    binder.text(warning_codec::kind_key(*query.kind));
  if (query.status)
    binder.text(warning_status_key(*query.status));
  for (int64_t household_id : query.household_ids)
    binder.integer(household_id);
  binder.integer(query.limit.value_or(std::numeric_limits<int64_t>::max())).integer(query.offset);
}

Result<void> check_query(const WarningQuery& query) {
  if (query.household_ids.size() > WarningRepository::kMaxQueryHouseholds) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("一次最多查询 {} 户", WarningRepository::kMaxQueryHouseholds),
                fmt::format("{} household ids in one warning query", query.household_ids.size()));
  }
  if (query.offset < 0 || (query.limit && *query.limit < 0))
    return fail(ErrorCode::kInvalidArgument, "分页参数不能为负数", "negative limit or offset");
  return ok();
}

// The warning a closed lead suppresses: the household's open warning of the kind, else its
// latest one (screening may have cleared it while the lead was being handled).
Result<std::optional<Warning>> warning_to_suppress(Database& db, int64_t household_id,
                                                   WarningKind kind) {
  return query_one<Warning>(
      db,
      std::string(kSelectWarning) +
          "WHERE w.household_id = ? AND w.kind = ? "
          "ORDER BY CASE WHEN w.status = 'open' THEN 0 ELSE 1 END, w.id DESC LIMIT 1",
      [&](Statement& s) {
        ParamBinder(s).integer(household_id).text(warning_codec::kind_key(kind));
      },
      read_warning);
}

Result<void> lift_active_suppressions(Database& db, int64_t household_id, WarningKind kind,
                                      int64_t now) {
  return run_bound(
      db,
      "UPDATE warning_suppressions SET lifted_at = ? "
      "WHERE household_id = ? AND kind = ? AND lifted_at IS NULL",
      [&](Statement& s) {
        ParamBinder(s).integer(now).integer(household_id).text(warning_codec::kind_key(kind));
      });
}

Result<void> insert_suppression(Database& db, const Warning& warning, SuppressionReason reason,
                                Date closed_on, int cooldown_days, int64_t now) {
  const std::vector<RuleId> rules = warning_codec::rule_ids(warning.finding);
  const std::vector<std::string> evidence = warning_codec::evidence_keys(warning.finding);
  return run_bound(db,
                   "INSERT INTO warning_suppressions (household_id, kind, warning_id, rules, "
                   "evidence, reason, closed_on, cooldown_days, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [&](Statement& s) {
                     ParamBinder(s)
                         .integer(warning.finding.household_id)
                         .text(warning_codec::kind_key(warning.finding.kind))
                         .integer(warning.id)
                         .text(warning_codec::rules_text(rules))
                         .text(warning_codec::string_array_json(evidence))
                         .text(suppression_reason_key(reason))
                         .date(closed_on)
                         .integer(cooldown_days)
                         .integer(now);
                   });
}

Result<void> mark_suppressed(Database& db, const Warning& warning, Date closed_on, int64_t now) {
  FAXIAN_TRY(run_bound(db, "UPDATE warnings SET status = 'suppressed', updated_at = ? WHERE id = ?",
                       [&](Statement& s) { ParamBinder(s).integer(now).integer(warning.id); }));
  const std::vector<RuleId> rules = warning_codec::rule_ids(warning.finding);
  return warning_rows::insert_event(db,
                                    {.warning_id = warning.id,
                                     .event = WarningEventKind::kSuppressed,
                                     .from_level = warning.finding.level,
                                     .rules = warning_codec::rules_text(rules),
                                     .as_of = closed_on},
                                    now);
}

}  // namespace

std::string_view run_mode_key(RunMode mode) {
  return kRunModeKeys[static_cast<size_t>(mode)];
}

std::string_view suppression_reason_key(SuppressionReason reason) {
  return kReasonKeys[static_cast<size_t>(reason)];
}

std::string_view warning_event_key(WarningEventKind event) {
  return kEventKeys[static_cast<size_t>(event)];
}

Result<int64_t> WarningRepository::begin_run(Date as_of, RunMode mode, int rule_set_version) {
  auto id = returning_id(db_,
                         "INSERT INTO screening_runs (as_of, mode, rule_set_version, started_at) "
                         "VALUES (?, ?, ?, ?) RETURNING id",
                         [&](Statement& s) {
                           ParamBinder(s)
                               .date(as_of)
                               .text(run_mode_key(mode))
                               .integer(rule_set_version)
                               .integer(clock_.now_unix());
                         });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no run id returned");
  return **id;
}

Result<void> WarningRepository::finish_run(int64_t run_id, const RunCounts& counts) {
  auto updated = returning_id(
      db_,
      "UPDATE screening_runs SET finished_at = ?, households_screened = ?, need_red = ?, "
      "need_orange = ?, need_yellow = ?, review = ?, opened = ?, updated = ?, escalated = ?, "
      "cleared = ?, suppressed = ? WHERE id = ? RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .integer(clock_.now_unix())
            .integer(counts.households_screened)
            .integer(counts.need_red)
            .integer(counts.need_orange)
            .integer(counts.need_yellow)
            .integer(counts.review)
            .integer(counts.opened)
            .integer(counts.updated)
            .integer(counts.escalated)
            .integer(counts.cleared)
            .integer(counts.suppressed)
            .integer(run_id);
      });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated)
    return tl::unexpected(not_found("筛查批次", fmt::format("screening run {}", run_id)));
  return ok();
}

Result<std::optional<ScreeningRun>> WarningRepository::latest_run() {
  return query_one<ScreeningRun>(
      db_, std::string(kSelectRun) + "ORDER BY id DESC LIMIT 1", [](Statement&) {}, read_run);
}

Result<void> WarningRepository::suppress(int64_t household_id, WarningKind kind,
                                         SuppressionReason reason, Date closed_on,
                                         const SuppressionPolicy& policy) {
  return in_transaction(db_, [&]() -> Result<void> {
    std::optional<Warning> warning;
    FAXIAN_TRY_ASSIGN(warning, warning_to_suppress(db_, household_id, kind));
    if (!warning) {
      return tl::unexpected(not_found(
          "该户的预警",
          fmt::format("{} warning of household {}", warning_codec::kind_key(kind), household_id)));
    }
    const int64_t now = clock_.now_unix();
    FAXIAN_TRY(lift_active_suppressions(db_, household_id, kind, now));
    FAXIAN_TRY(
        insert_suppression(db_, *warning, reason, closed_on, policy.cooldown_days(reason), now));
    if (warning->status == WarningStatus::kOpen)
      FAXIAN_TRY(mark_suppressed(db_, *warning, closed_on, now));
    return ok();
  });
}

Result<std::vector<Warning>> WarningRepository::list(const WarningQuery& query) {
  FAXIAN_TRY(check_query(query));
  const std::string sql = std::string(kSelectWarning) + query_where(query) +
                          "ORDER BY h.household_no, w.kind, w.id LIMIT ? OFFSET ?";
  return query_rows<Warning>(
      db_, sql, [&](Statement& s) { bind_query(s, query); }, read_warning);
}

Result<std::optional<Warning>> WarningRepository::find(int64_t warning_id) {
  return query_one<Warning>(
      db_, std::string(kSelectWarning) + "WHERE w.id = ?",
      [&](Statement& s) { s.bind_int64(1, warning_id); }, read_warning);
}

Result<std::optional<Warning>> WarningRepository::find_open(int64_t household_id,
                                                            WarningKind kind) {
  return query_one<Warning>(
      db_,
      std::string(kSelectWarning) + "WHERE w.household_id = ? AND w.kind = ? AND w.status = 'open'",
      [&](Statement& s) {
        ParamBinder(s).integer(household_id).text(warning_codec::kind_key(kind));
      },
      read_warning);
}

Result<std::vector<WarningEvent>> WarningRepository::events(int64_t warning_id) {
  return query_rows<WarningEvent>(
      db_,
      "SELECT id, warning_id, run_id, event, from_level, to_level, rules, as_of, at "
      "FROM warning_events WHERE warning_id = ? ORDER BY id",
      [&](Statement& s) { s.bind_int64(1, warning_id); }, read_event);
}

}  // namespace faxian
