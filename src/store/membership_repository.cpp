#include "store/membership_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_batch_write.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kActiveOn = "from_date <= ? AND (to_date IS NULL OR to_date > ?)";

Result<Membership> read_membership(const Statement& statement) {
  RowReader reader(statement);
  Membership membership{.id = reader.integer(),
                        .household_id = reader.integer(),
                        .person_id = reader.integer(),
                        .from = reader.date(),
                        .to = reader.optional_date(),
                        .relation = reader.optional_enumeration<Relation>()};
  FAXIAN_TRY(reader.status());
  return membership;
}

std::string select_sql(std::string_view where) {
  return fmt::format(
      "SELECT id, household_id, person_id, from_date, to_date, relation FROM memberships {}",
      where);
}

}  // namespace

Result<int64_t> MembershipRepository::add(const Membership& membership) {
  auto id = returning_id(db_,
                         "INSERT INTO memberships (household_id, person_id, from_date, to_date, "
                         "relation) VALUES (?, ?, ?, ?, ?) RETURNING id",
                         [&](Statement& s) {
                           ParamBinder(s)
                               .integer(membership.household_id)
                               .integer(membership.person_id)
                               .date(membership.from)
                               .date(membership.to)
                               .enumeration(membership.relation);
                         });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no id returned");
  return **id;
}

Result<void> MembershipRepository::replace_for_person(int64_t person_id,
                                                      std::span<const Membership> memberships) {
  return in_transaction(db_, [&]() -> Result<void> {
    FAXIAN_TRY(run_bound(db_, "DELETE FROM memberships WHERE person_id = ?",
                         [&](Statement& s) { s.bind_int64(1, person_id); }));
    for (const Membership& membership : memberships) {
      if (membership.person_id != person_id) {
        return fail(ErrorCode::kInternal, "数据库内部错误",
                    fmt::format("membership of person {} replaced under person {}",
                                membership.person_id, person_id));
      }
    }
    return add_all(memberships);
  });
}

Result<void> MembershipRepository::add_all(std::span<const Membership> memberships) {
  static const RowBatchSql sql{
      "INSERT INTO memberships (household_id, person_id, from_date, to_date, relation) VALUES ",
      "(?, ?, ?, ?, ?)", ""};
  return in_transaction(db_, [&]() -> Result<void> {
    return write_rows(db_, sql, memberships.size(), [&](ParamBinder& binder, std::size_t index) {
      const Membership& membership = memberships[index];
      binder.integer(membership.household_id)
          .integer(membership.person_id)
          .date(membership.from)
          .date(membership.to)
          .enumeration(membership.relation);
    });
  });
}

Result<void> MembershipRepository::end(int64_t membership_id, Date to) {
  auto updated =
      returning_id(db_, "UPDATE memberships SET to_date = ? WHERE id = ? RETURNING id",
                   [&](Statement& s) { ParamBinder(s).date(to).integer(membership_id); });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated) {
    return tl::unexpected(not_found("家庭成员关系", fmt::format("membership {}", membership_id)));
  }
  return ok();
}

Result<std::vector<Membership>> MembershipRepository::for_household(int64_t household_id) {
  return query_rows<Membership>(
      db_, select_sql("WHERE household_id = ? ORDER BY from_date, id"),
      [&](Statement& s) { s.bind_int64(1, household_id); }, read_membership);
}

Result<std::vector<Membership>> MembershipRepository::for_person(int64_t person_id) {
  return query_rows<Membership>(
      db_, select_sql("WHERE person_id = ? ORDER BY from_date, id"),
      [&](Statement& s) { s.bind_int64(1, person_id); }, read_membership);
}

Result<std::vector<Membership>> MembershipRepository::active_in_household(int64_t household_id,
                                                                          Date date) {
  return query_rows<Membership>(
      db_,
      select_sql(fmt::format("WHERE household_id = ? AND {} ORDER BY from_date, id", kActiveOn)),
      [&](Statement& s) { ParamBinder(s).integer(household_id).date(date).date(date); },
      read_membership);
}

Result<std::vector<Membership>> MembershipRepository::open_in_household(int64_t household_id) {
  return query_rows<Membership>(
      db_, select_sql("WHERE household_id = ? AND to_date IS NULL ORDER BY from_date, id"),
      [&](Statement& s) { s.bind_int64(1, household_id); }, read_membership);
}

Result<std::optional<Membership>> MembershipRepository::active_for_person(int64_t person_id,
                                                                          Date date) {
  return query_one<Membership>(
      db_,
      select_sql(fmt::format("WHERE person_id = ? AND {} ORDER BY from_date DESC, id DESC LIMIT 1",
                             kActiveOn)),
      [&](Statement& s) { ParamBinder(s).integer(person_id).date(date).date(date); },
      read_membership);
}

Result<void> MembershipRepository::for_each_member_id(const std::function<void(int64_t)>& visit) {
  auto statement = db_.prepare("SELECT DISTINCT person_id FROM memberships");
  if (!statement)
    return tl::unexpected(statement.error());
  while (true) {
    auto row = (*statement)->step();
    if (!row)
      return tl::unexpected(row.error());
    if (!*row)
      return ok();
    visit((*statement)->column_int64(0));
  }
}

Result<std::vector<Membership>> MembershipRepository::list_all() {
  return query_rows<Membership>(
      db_, select_sql("ORDER BY household_id, from_date, id"), [](Statement&) {}, read_membership);
}

}  // namespace faxian
