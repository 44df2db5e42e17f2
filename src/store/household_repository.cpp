#include "store/household_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_batch_write.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO households (household_no, village_code, address, head_person_id, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?)";

Result<Household> read_household(const Statement& statement) {
  RowReader reader(statement);
  Household household{.id = reader.integer(),
                      .household_no = reader.text(),
                      .village_code = reader.text(),
                      .address = reader.text(),
                      .head_person_id = reader.optional_integer()};
  FAXIAN_TRY(reader.status());
  return household;
}

std::string select_sql(std::string_view where) {
  return fmt::format(
      "SELECT id, household_no, village_code, address, head_person_id FROM households {}", where);
}

}  // namespace

Result<int64_t> HouseholdRepository::write(std::string_view sql, const Household& household) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(db_, sql, [&](Statement& s) {
    ParamBinder(s)
        .text(household.household_no)
        .text(household.village_code)
        .text(household.address)
        .integer(household.head_person_id)
        .integer(now)
        .integer(now);
  });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no id returned");
  return **id;
}

Result<int64_t> HouseholdRepository::insert(const Household& household) {
  return write(std::string(kInsert) + " RETURNING id", household);
}

Result<int64_t> HouseholdRepository::upsert(const Household& household) {
  return write(std::string(kInsert) +
                   " ON CONFLICT (household_no) DO UPDATE SET village_code = "
                   "excluded.village_code, address = excluded.address, head_person_id = "
                   "excluded.head_person_id, updated_at = excluded.updated_at RETURNING id",
               household);
}

Result<std::optional<Household>> HouseholdRepository::find(int64_t id) {
  return query_one<Household>(
      db_, select_sql("WHERE id = ?"), [&](Statement& s) { s.bind_int64(1, id); }, read_household);
}

Result<std::optional<Household>> HouseholdRepository::find_by_number(
    std::string_view household_no) {
  return query_one<Household>(
      db_, select_sql("WHERE household_no = ?"),
      [&](Statement& s) { s.bind_text(1, household_no); }, read_household);
}

Result<void> HouseholdRepository::set_location(int64_t household_id, std::string_view village_code,
                                               std::string_view address) {
  auto updated = returning_id(db_,
                              "UPDATE households SET village_code = ?, address = ?, updated_at = ? "
                              "WHERE id = ? RETURNING id",
                              [&](Statement& s) {
                                ParamBinder(s)
                                    .text(village_code)
                                    .text(address)
                                    .integer(clock_.now_unix())
                                    .integer(household_id);
                              });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated) {
    return tl::unexpected(not_found("家庭", fmt::format("household {}", household_id)));
  }
  return ok();
}

Result<void> HouseholdRepository::set_head(int64_t household_id,
                                           std::optional<int64_t> head_person_id) {
  auto updated = returning_id(
      db_, "UPDATE households SET head_person_id = ?, updated_at = ? WHERE id = ? RETURNING id",
      [&](Statement& s) {
        ParamBinder(s).integer(head_person_id).integer(clock_.now_unix()).integer(household_id);
      });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated) {
    return tl::unexpected(not_found("家庭", fmt::format("household {}", household_id)));
  }
  return ok();
}

Result<void> HouseholdRepository::set_heads(std::span<const HeadChange> changes) {
  static const RowBatchSql sql{
      "UPDATE households SET head_person_id = v.column2, updated_at = v.column3 FROM (VALUES ",
      "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))",
      ") AS v WHERE households.id = v.column1 RETURNING households.id"};
  return in_transaction(db_, [&]() -> Result<void> {
    const int64_t now = clock_.now_unix();
    std::size_t updated = 0;
    FAXIAN_TRY(write_rows(
        db_, sql, changes.size(),
        [&](ParamBinder& binder, std::size_t index) {
          binder.integer(changes[index].household_id).integer(changes[index].head).integer(now);
        },
        [&](const Statement&) { ++updated; }));
    if (updated != changes.size()) {
      return tl::unexpected(not_found(
          "家庭",
          fmt::format("{} of {} households to update", changes.size() - updated, changes.size())));
    }
    return ok();
  });
}

Result<std::vector<Household>> HouseholdRepository::list_by_village(std::string_view village_code) {
  return query_rows<Household>(
      db_, select_sql("WHERE village_code = ? ORDER BY household_no"),
      [&](Statement& s) { s.bind_text(1, village_code); }, read_household);
}

Result<std::vector<Household>> HouseholdRepository::list_all() {
  return query_rows<Household>(
      db_, select_sql("ORDER BY id"), [](Statement&) {}, read_household);
}

Result<int64_t> HouseholdRepository::count() {
  return query_int(db_, "SELECT COUNT(*) FROM households", [](Statement&) {});
}

}  // namespace faxian
