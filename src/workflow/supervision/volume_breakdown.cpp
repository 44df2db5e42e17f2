// Warnings and leads by level, source and township, counted in SQL.

#include "workflow/supervision/volume_breakdown.hpp"

#include <map>

#include "domain/lead.hpp"
#include "domain/rule_set.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

struct TownshipLevelRow {
  std::string township_code;
  std::string township_name;
  std::string level;
  int64_t count = 0;
};

// Parameters: from, to, prefix.
constexpr std::string_view kWarnings = R"SQL(
SELECT r.parent_code, t.name, w.level, COUNT(*)
FROM warnings w
JOIN households h ON h.id = w.household_id
JOIN regions r ON r.code = h.village_code
JOIN regions t ON t.code = r.parent_code
WHERE w.kind = 'need' AND w.first_detected >= ? AND w.first_detected <= ?
  AND h.village_code LIKE ?
GROUP BY r.parent_code, t.name, w.level
)SQL";

// Parameters: from, to, prefix.
constexpr std::string_view kLeads = R"SQL(
SELECT l.township_code, t.name, l.level, COUNT(*)
FROM leads l
JOIN regions t ON t.code = l.township_code
WHERE l.merged_into IS NULL AND l.created_on >= ? AND l.created_on <= ?
  AND COALESCE(l.village_code, l.township_code) LIKE ?
GROUP BY l.township_code, t.name, l.level
)SQL";

// Parameters: from, to, prefix.
constexpr std::string_view kLeadSources = R"SQL(
SELECT s.source, COUNT(DISTINCT l.id)
FROM leads l
JOIN lead_sources s ON s.lead_id = l.id
WHERE l.merged_into IS NULL AND l.created_on >= ? AND l.created_on <= ?
  AND COALESCE(l.village_code, l.township_code) LIKE ?
GROUP BY s.source
)SQL";

Result<TownshipLevelRow> read_township_level(const Statement& statement) {
  RowReader row(statement);
  TownshipLevelRow result{row.text(), row.text(), row.text(), row.integer()};
  FAXIAN_TRY(row.status());
  return result;
}

Result<std::vector<TownshipLevelRow>> township_levels(Database& db, std::string_view sql,
                                                      const SupervisionQuery& query) {
  return query_rows<TownshipLevelRow>(
      db, sql,
      [&](Statement& s) {
        ParamBinder(s).date(query.from).date(query.to).text(region_like(query));
      },
      read_township_level);
}

void add_level(TownshipLevels& township, const std::string& level, int64_t count) {
  if (level == "red")
    township.red += count;
  else if (level == "orange")
    township.orange += count;
  else
    township.yellow += count;
  township.total += count;
}

// Folds (township, level, count) rows into the totals, the level counts and the townships.
void fold(const std::vector<TownshipLevelRow>& rows, int64_t& total,
          std::vector<KeyCount>& by_level, std::vector<TownshipLevels>& by_township) {
  std::map<std::string, TownshipLevels> townships;
  TownshipLevels all;
  for (const TownshipLevelRow& row : rows) {
    TownshipLevels& township = townships[row.township_code];
    township.township_code = row.township_code;
    township.township_name = row.township_name;
    add_level(township, row.level, row.count);
    add_level(all, row.level, row.count);
  }
  total = all.total;
  by_level = {
      {"red", "红色", all.red}, {"orange", "橙色", all.orange}, {"yellow", "黄色", all.yellow}};
  for (auto& [code, township] : townships)
    by_township.push_back(township);
}

Result<std::vector<KeyCount>> lead_sources(Database& db, const SupervisionQuery& query) {
  std::map<std::string, int64_t> counted;
  auto rows = query_rows<std::pair<std::string, int64_t>>(
      db, kLeadSources,
      [&](Statement& s) {
        ParamBinder(s).date(query.from).date(query.to).text(region_like(query));
      },
      [](const Statement& statement) -> Result<std::pair<std::string, int64_t>> {
        RowReader row(statement);
        std::pair<std::string, int64_t> pair{row.text(), row.integer()};
        FAXIAN_TRY(row.status());
        return pair;
      });
  if (!rows)
    return tl::unexpected(rows.error());
  for (const auto& [key, count] : *rows)
    counted[key] = count;
  std::vector<KeyCount> by_source;
  for (const auto& entry : EnumTable<LeadSource>::entries()) {
    by_source.push_back(
        {std::string(entry.key), std::string(entry.label),
         counted.contains(std::string(entry.key)) ? counted[std::string(entry.key)] : 0});
  }
  return by_source;
}

}  // namespace

Result<VolumeBreakdown> volume_breakdown(Database& db, const SupervisionQuery& query) {
  FAXIAN_TRY(check_supervision_query(query));
  VolumeBreakdown breakdown;
  std::vector<TownshipLevelRow> rows;
  FAXIAN_TRY_ASSIGN(rows, township_levels(db, kWarnings, query));
  fold(rows, breakdown.warnings, breakdown.warnings_by_level, breakdown.warnings_by_township);
  FAXIAN_TRY_ASSIGN(rows, township_levels(db, kLeads, query));
  fold(rows, breakdown.leads, breakdown.leads_by_level, breakdown.leads_by_township);
  FAXIAN_TRY_ASSIGN(breakdown.leads_by_source, lead_sources(db, query));
  return breakdown;
}

}  // namespace faxian::workflow
