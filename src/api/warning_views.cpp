// Warnings as JSON for the warning and household routes; the SQL applies the caller's area.

#include "api/warning_views.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/warning_codec.hpp"

namespace faxian::api {
namespace {

// Columns of every warning row, in the order read_warning reads them.
constexpr std::string_view kColumns =
    "w.id, h.household_no, w.kind, w.level, w.score, w.status, w.rules, w.detail, "
    "w.first_detected, w.last_changed, w.as_of, h.village_code, l.lead_no";

constexpr std::string_view kFrom =
    " FROM warnings w JOIN households h ON h.id = w.household_id"
    " LEFT JOIN leads l ON l.household_id = w.household_id AND l.status <> 'closed'";

constexpr std::string_view kSeverityOrder =
    " ORDER BY CASE w.level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 "
    "ELSE 3 END, w.score DESC, h.household_no, w.kind";

nlohmann::json text_or_null(const Statement& s, int column) {
  if (s.column_is_null(column))
    return nullptr;
  return std::string(s.column_text(column));
}

// The fired rules of a stored `detail`: ids, per-rule entries and the reasons.
void add_fired_rules(nlohmann::json& item, std::string_view detail, const RuleSet& rules,
                     bool with_reasons) {
  WarningFinding finding;
  nlohmann::json fired = nlohmann::json::array();
  nlohmann::json reasons = nlohmann::json::array();
  if (auto read = warning_codec::read_detail_json(detail, finding); read) {
    for (const FiredRule& rule : finding.rules) {
      const std::string name = rules.rule(rule.rule).name;
      nlohmann::json entry = {{"rule", rule_code(rule.rule)},
                              {"name", name},
                              {"points", rule.points},
                              {"red", rule.red}};
      if (with_reasons)
        entry["reason"] = rule.explanation;
      reasons.push_back(with_reasons ? rule.explanation : name);
      fired.push_back(std::move(entry));
    }
  }
  item["fired_rules"] = std::move(fired);
  item["reasons"] = std::move(reasons);
  item["actions"] = finding.actions;
  item["departments"] = finding.departments;
}

nlohmann::json read_warning(const Statement& s, const RuleSet& rules, bool with_reasons) {
  const std::string village(s.column_text(11));
  nlohmann::json rule_ids = nlohmann::json::array();
  if (auto ids = warning_codec::parse_rules_text(s.column_text(6)); ids) {
    for (RuleId id : *ids)
      rule_ids.push_back(rule_code(id));
  }
  nlohmann::json item = {{"id", s.column_int64(0)},
                         {"household_no", std::string(s.column_text(1))},
                         {"kind", std::string(s.column_text(2))},
                         {"level", text_or_null(s, 3)},
                         {"score", s.column_int64(4)},
                         {"status", std::string(s.column_text(5))},
                         {"rules", std::move(rule_ids)},
                         {"first_detected", std::string(s.column_text(8))},
                         {"last_changed", std::string(s.column_text(9))},
                         {"as_of", std::string(s.column_text(10))},
                         {"township", village.substr(0, 9)},
                         {"village", village},
                         {"lead_no", text_or_null(s, 12)}};
  add_fired_rules(item, s.column_text(7), rules, with_reasons);
  return item;
}

// " AND …" for the list filters, and binds them after the area bounds.
std::string list_filters(const WarningListQuery& query) {
  std::string sql = " WHERE w.status = 'open' AND h.village_code >= ? AND h.village_code < ?";
  if (query.kind)
    sql += " AND w.kind = ?";
  if (query.level)
    sql += " AND w.level = ?";
  if (query.rule)
    // ";R01;" occurs in ";R01;R07;" — written with replace(), which SQLite and PostgreSQL both
    // have (instr() is SQLite's, strpos() PostgreSQL's) and which, unlike LIKE, is
    // case-sensitive in both.
    sql += " AND replace(';' || w.rules || ';', ?, '') <> ';' || w.rules || ';'";
  return sql;
}

void bind_list_filters(ParamBinder& binder, const WarningListQuery& query) {
  binder.text(query.area.low).text(query.area.high);
  if (query.kind)
    binder.text(*query.kind);
  if (query.level)
    binder.text(*query.level);
  if (query.rule)
    binder.text(";" + *query.rule + ";");
}

}  // namespace

Result<WarningPage> list_open_warnings(Database& db, const WarningListQuery& query,
                                       const RuleSet& rules, bool with_reasons) {
  const std::string where = list_filters(query);
  WarningPage page;
  FAXIAN_TRY_ASSIGN(page.total, query_int(db, fmt::format("SELECT count(*){}{}", kFrom, where),
                                          [&](Statement& s) {
                                            ParamBinder binder(s);
                                            bind_list_filters(binder, query);
                                          }));
  std::vector<nlohmann::json> items;
  FAXIAN_TRY_ASSIGN(items, query_rows<nlohmann::json>(
                               db,
                               fmt::format("SELECT {}{}{}{} LIMIT ? OFFSET ?", kColumns, kFrom,
                                           where, kSeverityOrder),
                               [&](Statement& s) {
                                 ParamBinder binder(s);
                                 bind_list_filters(binder, query);
                                 binder.integer(query.page.page_size).integer(query.page.offset());
                               },
                               [&](const Statement& s) -> Result<nlohmann::json> {
                                 return read_warning(s, rules, with_reasons);
                               }));
  page.items = std::move(items);
  return page;
}

Result<std::optional<nlohmann::json>> find_warning(Database& db, const AreaScope& scope,
                                                   int64_t warning_id, const RuleSet& rules,
                                                   bool with_reasons) {
  return query_one<nlohmann::json>(
      db,
      fmt::format("SELECT {}{} WHERE w.id = ? AND h.village_code >= ? AND h.village_code < ?",
                  kColumns, kFrom),
      [&](Statement& s) {
        ParamBinder(s).integer(warning_id).text(scope.low()).text(scope.high());
      },
      [&](const Statement& s) -> Result<nlohmann::json> {
        return read_warning(s, rules, with_reasons);
      });
}

Result<nlohmann::json> household_warnings(Database& db, int64_t household_id, bool open_only,
                                          const RuleSet& rules, bool with_reasons) {
  std::vector<nlohmann::json> items;
  FAXIAN_TRY_ASSIGN(
      items, query_rows<nlohmann::json>(
                 db,
                 fmt::format("SELECT {}{} WHERE w.household_id = ?{} ORDER BY w.status = 'open' "
                             "DESC, w.id DESC LIMIT 200",
                             kColumns, kFrom, open_only ? " AND w.status = 'open'" : ""),
                 [&](Statement& s) { s.bind_int64(1, household_id); },
                 [&](const Statement& s) -> Result<nlohmann::json> {
                   return read_warning(s, rules, with_reasons);
                 }));
  return nlohmann::json(std::move(items));
}

}  // namespace faxian::api
