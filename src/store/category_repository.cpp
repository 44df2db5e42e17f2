#include "store/category_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kHeldOn = "start_date <= ? AND (end_date IS NULL OR end_date >= ?)";

Result<Category> read_category(const Statement& statement) {
  RowReader reader(statement);
  Category category{.id = reader.integer(),
                    .kind = reader.enumeration<CategoryKind>(),
                    .household_id = reader.optional_integer(),
                    .person_id = reader.optional_integer(),
                    .start = reader.date(),
                    .end = reader.optional_date(),
                    .subtype = reader.text(),
                    .source = reader.enumeration<CategorySource>(),
                    .source_ref = reader.text()};
  FAXIAN_TRY(reader.status());
  return category;
}

std::string select_sql(std::string_view where) {
  return fmt::format(
      "SELECT id, kind, household_id, person_id, start_date, end_date, subtype, source, "
      "source_ref FROM categories {}",
      where);
}

}  // namespace

Result<int64_t> CategoryRepository::add(const Category& category) {
  auto id = returning_id(db_,
                         "INSERT INTO categories (kind, household_id, person_id, start_date, "
                         "end_date, subtype, source, source_ref, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         [&](Statement& s) {
                           ParamBinder(s)
                               .enumeration(category.kind)
                               .integer(category.household_id)
                               .integer(category.person_id)
                               .date(category.start)
                               .date(category.end)
                               .text(category.subtype)
                               .enumeration(category.source)
                               .text(category.source_ref)
                               .integer(clock_.now_unix());
                         });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no id returned");
  return **id;
}

Result<int64_t> CategoryRepository::remove_by_source(CategorySource source,
                                                     std::string_view source_ref) {
  FAXIAN_TRY(run_bound(db_, "DELETE FROM categories WHERE source = ? AND source_ref = ?",
                       [&](Statement& s) { ParamBinder(s).enumeration(source).text(source_ref); }));
  return db_.changes();
}

Result<std::vector<Category>> CategoryRepository::by_source(CategorySource source,
                                                            std::string_view source_ref) {
  return query_rows<Category>(
      db_, select_sql("WHERE source = ? AND source_ref = ? ORDER BY id"),
      [&](Statement& s) { ParamBinder(s).enumeration(source).text(source_ref); }, read_category);
}

Result<void> CategoryRepository::end(int64_t category_id, Date last_day) {
  auto updated =
      returning_id(db_, "UPDATE categories SET end_date = ? WHERE id = ? RETURNING id",
                   [&](Statement& s) { ParamBinder(s).date(last_day).integer(category_id); });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated) {
    return tl::unexpected(not_found("救助类别", fmt::format("category {}", category_id)));
  }
  return ok();
}

Result<std::vector<Category>> CategoryRepository::for_household(int64_t household_id) {
  return query_rows<Category>(
      db_, select_sql("WHERE household_id = ? ORDER BY start_date, id"),
      [&](Statement& s) { s.bind_int64(1, household_id); }, read_category);
}

Result<std::vector<Category>> CategoryRepository::for_person(int64_t person_id) {
  return query_rows<Category>(
      db_, select_sql("WHERE person_id = ? ORDER BY start_date, id"),
      [&](Statement& s) { s.bind_int64(1, person_id); }, read_category);
}

Result<std::vector<Category>> CategoryRepository::active_for_household(int64_t household_id,
                                                                       Date date) {
  const std::string where = fmt::format(
      "WHERE {} AND (household_id = ? OR person_id IN (SELECT m.person_id FROM memberships m "
      "WHERE m.household_id = ? AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date > ?))) "
      "ORDER BY start_date, id",
      kHeldOn);
  return query_rows<Category>(
      db_, select_sql(where),
      [&](Statement& s) {
        ParamBinder(s)
            .date(date)
            .date(date)
            .integer(household_id)
            .integer(household_id)
            .date(date)
            .date(date);
      },
      read_category);
}

Result<std::vector<Category>> CategoryRepository::active_for_person(int64_t person_id, Date date) {
  return query_rows<Category>(
      db_, select_sql(fmt::format("WHERE person_id = ? AND {} ORDER BY start_date, id", kHeldOn)),
      [&](Statement& s) { ParamBinder(s).integer(person_id).date(date).date(date); },
      read_category);
}

Result<std::vector<Category>> CategoryRepository::active_on(Date date) {
  return query_rows<Category>(
      db_, select_sql(fmt::format("WHERE {} ORDER BY id", kHeldOn)),
      [&](Statement& s) { ParamBinder(s).date(date).date(date); }, read_category);
}

}  // namespace faxian
