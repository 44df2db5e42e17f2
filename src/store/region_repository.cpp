#include "store/region_repository.hpp"

#include <algorithm>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kColumns = "code, name, level, parent_code, urban_rural_code";

Result<Region> read_region(const Statement& statement) {
  RowReader reader(statement);
  Region region;
  region.code = reader.text();
  region.name = reader.text();
  const std::string level = reader.text();
  region.parent_code = reader.text_or_empty();
  region.urban_rural_code = reader.text();
  FAXIAN_TRY(reader.status());
  auto parsed = parse_region_level(level);
  if (!parsed)
    return fail(ErrorCode::kCorrupt, "数据库中的区划级别无效", "bad stored level");
  region.level = *parsed;
  return region;
}

std::string select_sql(std::string_view where) {
  return "SELECT " + std::string(kColumns) + " FROM regions " + std::string(where) +
         " ORDER BY code";
}

}  // namespace

Result<void> RegionRepository::upsert_all(std::span<const Region> regions) {
  std::vector<const Region*> ordered;
  for (const Region& region : regions)
    ordered.push_back(&region);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Region* a, const Region* b) { return a->level < b->level; });
  return in_transaction(db_, [&]() -> Result<void> {
    auto statement = db_.prepare(
        "INSERT INTO regions (code, name, level, parent_code, urban_rural_code) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
        "level = excluded.level, parent_code = excluded.parent_code, "
        "urban_rural_code = excluded.urban_rural_code");
    if (!statement)
      return tl::unexpected(statement.error());
    for (const Region* region : ordered) {
      (*statement)->reset();
      ParamBinder binder(**statement);
      binder.text(region->code).text(region->name).text(region_level_name(region->level));
      if (region->parent_code.empty()) {
        binder.null();
      } else {
        binder.text(region->parent_code);
      }
      binder.text(region->urban_rural_code);
      FAXIAN_TRY((*statement)->run());
    }
    return ok();
  });
}

Result<std::optional<Region>> RegionRepository::find(std::string_view code) {
  return query_one<Region>(
      db_, select_sql("WHERE code = ?"), [&](Statement& s) { s.bind_text(1, code); }, read_region);
}

Result<std::vector<Region>> RegionRepository::list() {
  return query_rows<Region>(
      db_, select_sql(""), [](Statement&) {}, read_region);
}

Result<std::vector<Region>> RegionRepository::children(std::string_view parent_code) {
  return query_rows<Region>(
      db_, select_sql("WHERE parent_code = ?"), [&](Statement& s) { s.bind_text(1, parent_code); },
      read_region);
}

Result<int64_t> RegionRepository::count() {
  return query_int(db_, "SELECT COUNT(*) FROM regions", [](Statement&) {});
}

Result<std::map<std::string, std::string>> RegionRepository::township_names() {
  auto rows = query_rows<std::pair<std::string, std::string>>(
      db_, "SELECT code, name FROM regions WHERE level = 'township'", [](Statement&) {},
      [](const Statement& row) -> Result<std::pair<std::string, std::string>> {
        return std::pair(std::string(row.column_text(0)), std::string(row.column_text(1)));
      });
  if (!rows)
    return tl::unexpected(rows.error());
  return std::map<std::string, std::string>(rows->begin(), rows->end());
}

}  // namespace faxian
