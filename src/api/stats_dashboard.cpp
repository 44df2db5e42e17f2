// The home-page figures (stats_dashboard.hpp).

#include "api/stats_dashboard.hpp"

#include <array>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

constexpr int64_t kWeekSeconds = 7 * 24 * 3600;

// Parameters: low, high (household village codes).
constexpr std::string_view kWarnings = R"SQL(
SELECT w.kind, COALESCE(w.level, ''), count(*) FROM warnings w
JOIN households h ON h.id = w.household_id
WHERE w.status = 'open' AND h.village_code >= ? AND h.village_code < ?
GROUP BY w.kind, w.level
)SQL";

// Parameters: today ×5, township low, high, area low, high.
constexpr std::string_view kOpenLeads = R"SQL(
SELECT status, level, count(*),
  SUM(CASE WHEN first_contact_on IS NULL AND first_contact_due < ? THEN 1 ELSE 0 END),
  SUM(CASE WHEN verified_on IS NULL AND verification_due < ? THEN 1 ELSE 0 END),
  SUM(CASE WHEN (first_contact_on IS NULL AND first_contact_due < ?)
             OR (verified_on IS NULL AND verification_due < ?) THEN 1 ELSE 0 END),
  SUM(CASE WHEN (first_contact_on IS NULL AND first_contact_due = ?)
             OR (verified_on IS NULL AND verification_due = ?) THEN 1 ELSE 0 END)
FROM leads
WHERE status <> 'closed' AND merged_into IS NULL
  AND township_code >= ? AND township_code < ?
  AND COALESCE(village_code, township_code) >= ? AND COALESCE(village_code, township_code) < ?
GROUP BY status, level
)SQL";

// Parameters: today, township low, high, area low, high.
constexpr std::string_view kLeadsToday = R"SQL(
SELECT count(*) FROM leads
WHERE created_on = ? AND merged_into IS NULL
  AND township_code >= ? AND township_code < ?
  AND COALESCE(village_code, township_code) >= ? AND COALESCE(village_code, township_code) < ?
)SQL";

// Parameters: today ×2, township low, high, area low, high.
constexpr std::string_view kTasks = R"SQL(
SELECT count(*), SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END),
  SUM(CASE WHEN due_on = ? THEN 1 ELSE 0 END)
FROM tasks
WHERE status = 'open' AND township_code >= ? AND township_code < ?
  AND COALESCE(NULLIF(village_code, ''), township_code) >= ?
  AND COALESCE(NULLIF(village_code, ''), township_code) < ?
)SQL";

using Triple = std::array<int64_t, 3>;
using Quad = std::array<int64_t, 4>;

struct Bounds {
  std::string township_low, township_high, low, high;
};

Bounds bounds_of(const AreaScope& scope) {
  // Lead and task rows are indexed by township: a village scope reads its township's rows.
  const std::string township = scope.prefix.substr(0, std::min<size_t>(scope.prefix.size(), 9));
  return {township, township + "~", scope.low(), scope.high()};
}

void bind_area(ParamBinder& binder, const Bounds& bounds) {
  binder.text(bounds.township_low).text(bounds.township_high).text(bounds.low).text(bounds.high);
}

struct Row3 {
  std::string first, second;
  int64_t count = 0;
};

Result<json> warnings_figures(Database& db, const Bounds& bounds) {
  std::vector<Row3> rows;
  FAXIAN_TRY_ASSIGN(
      rows,
      query_rows<Row3>(
          db, kWarnings, [&](Statement& s) { ParamBinder(s).text(bounds.low).text(bounds.high); },
          [](const Statement& s) -> Result<Row3> {
            RowReader reader(s);
            Row3 row{reader.text(), reader.text(), reader.integer()};
            FAXIAN_TRY(reader.status());
            return row;
          }));
  json figures = {{"open", 0}, {"red", 0}, {"orange", 0}, {"yellow", 0}, {"review", 0}};
  for (const Row3& row : rows) {
    if (row.first == "review") {
      figures["review"] = figures["review"].get<int64_t>() + row.count;
      continue;
    }
    figures["open"] = figures["open"].get<int64_t>() + row.count;
    if (figures.contains(row.second))
      figures[row.second] = figures[row.second].get<int64_t>() + row.count;
  }
  return figures;
}

struct LeadGroup {
  std::string status, level;
  int64_t count = 0, overdue_first_contact = 0, overdue_verification = 0, overdue = 0,
          due_today = 0;
};

Result<LeadGroup> read_lead_group(const Statement& statement) {
  RowReader reader(statement);
  LeadGroup group;
  group.status = reader.text();
  group.level = reader.text();
  group.count = reader.integer();
  group.overdue_first_contact = reader.integer();
  group.overdue_verification = reader.integer();
  group.overdue = reader.integer();
  group.due_today = reader.integer();
  FAXIAN_TRY(reader.status());
  return group;
}

void add(json& object, const std::string& key, int64_t value) {
  object[key] = object.value(key, int64_t{0}) + value;
}

Result<json> lead_figures(Database& db, const Bounds& bounds, Date today) {
  std::vector<LeadGroup> groups;
  FAXIAN_TRY_ASSIGN(groups, query_rows<LeadGroup>(
                                db, kOpenLeads,
                                [&](Statement& s) {
                                  ParamBinder binder(s);
                                  for (int repeat = 0; repeat < 6; ++repeat)
                                    binder.date(today);
                                  bind_area(binder, bounds);
                                },
                                read_lead_group));
  json by_status = {{"new", 0}, {"assigned", 0}, {"verifying", 0}, {"decided", 0}};
  json by_level = {{"red", 0}, {"orange", 0}, {"yellow", 0}};
  json figures = {{"open", 0},
                  {"due_today", 0},
                  {"overdue", 0},
                  {"overdue_first_contact", 0},
                  {"overdue_verification", 0}};
  for (const LeadGroup& group : groups) {
    add(by_status, group.status, group.count);
    add(by_level, group.level, group.count);
    add(figures, "open", group.count);
    add(figures, "due_today", group.due_today);
    add(figures, "overdue", group.overdue);
    add(figures, "overdue_first_contact", group.overdue_first_contact);
    add(figures, "overdue_verification", group.overdue_verification);
  }
  figures["by_status"] = by_status;
  figures["by_level"] = by_level;
  int64_t created_today = 0;
  FAXIAN_TRY_ASSIGN(created_today, query_int(db, kLeadsToday, [&](Statement& s) {
                      ParamBinder binder(s);
                      binder.date(today);
                      bind_area(binder, bounds);
                    }));
  figures["created_today"] = created_today;
  return figures;
}

Result<json> task_figures(Database& db, const Bounds& bounds, Date today) {
  std::vector<Triple> rows;
  FAXIAN_TRY_ASSIGN(rows,
                    query_rows<Triple>(
                        db, kTasks,
                        [&](Statement& s) {
                          ParamBinder binder(s);
                          binder.date(today).date(today);
                          bind_area(binder, bounds);
                        },
                        [](const Statement& s) -> Result<Triple> {
                          // SUM over no rows is NULL: read as 0.
                          return Triple{s.column_int64(0), s.column_int64(1), s.column_int64(2)};
                        }));
  const Triple counts = rows.empty() ? Triple{} : rows.front();
  return json{{"open", counts[0]}, {"overdue", counts[1]}, {"due_today", counts[2]}};
}

}  // namespace

Result<json> area_dashboard(Database& db, const AreaScope& scope, Date today) {
  const Bounds bounds = bounds_of(scope);
  json dashboard = {{"as_of", today.iso()},
                    {"scope", {{"kind", "area"}, {"region", scope.prefix}}}};
  FAXIAN_TRY_ASSIGN(dashboard["warnings"], warnings_figures(db, bounds));
  FAXIAN_TRY_ASSIGN(dashboard["leads"], lead_figures(db, bounds, today));
  FAXIAN_TRY_ASSIGN(dashboard["tasks"], task_figures(db, bounds, today));
  return dashboard;
}

Result<json> department_dashboard(Database& db, const std::vector<FeedKind>& feeds,
                                  const std::optional<std::string>& department_key, int64_t now) {
  json batches = {{"batches", 0}, {"rows", 0}, {"rejected", 0}, {"failed", 0}};
  for (FeedKind feed : feeds) {
    std::vector<Quad> rows;
    FAXIAN_TRY_ASSIGN(rows, query_rows<Quad>(
                                db,
                                "SELECT count(*), SUM(row_count), SUM(rejected_count), "
                                "SUM(CASE WHEN status IN ('failed', 'rejected') THEN 1 ELSE 0 END) "
                                "FROM import_batches WHERE feed = ? AND started_at >= ?",
                                [&](Statement& s) {
                                  ParamBinder(s).enumeration(feed).integer(now - kWeekSeconds);
                                },
                                [](const Statement& s) -> Result<Quad> {
                                  return Quad{s.column_int64(0), s.column_int64(1),
                                              s.column_int64(2), s.column_int64(3)};
                                }));
    if (rows.empty())
      continue;
    add(batches, "batches", rows.front()[0]);
    add(batches, "rows", rows.front()[1]);
    add(batches, "rejected", rows.front()[2]);
    add(batches, "failed", rows.front()[3]);
  }
  json feed_keys = json::array();
  for (FeedKind feed : feeds)
    feed_keys.push_back(enum_key(feed));
  json dashboard = {{"scope", {{"kind", "department"}, {"feeds", feed_keys}}},
                    {"batches_last_7_days", batches},
                    {"referrals_pending", nullptr}};
  if (department_key) {
    int64_t pending = 0;
    FAXIAN_TRY_ASSIGN(pending,
                      query_int(db,
                                "SELECT count(*) FROM referrals WHERE department = ? "
                                "AND status = 'pending'",
                                [&](Statement& s) { ParamBinder(s).text(*department_key); }));
    dashboard["referrals_pending"] = pending;
  }
  return dashboard;
}

}  // namespace faxian::api
