#include "store/user_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, username, display_name, role, region_code, department, password_hash, "
    "must_change_password, disabled, created_at FROM users ";

Result<User> read_user(const Statement& statement) {
  RowReader reader(statement);
  User user;
  user.id = reader.integer();
  user.username = reader.text();
  user.display_name = reader.text();
  user.role = reader.enumeration<Role>();
  user.region_code = reader.text_or_empty();
  user.department = reader.text();
  user.password_hash = reader.text();
  user.must_change_password = reader.boolean();
  user.disabled = reader.boolean();
  user.created_at = reader.integer();
  FAXIAN_TRY(reader.status());
  return user;
}

Result<void> expect_one_row(std::optional<int64_t> id, std::string_view username) {
  if (id)
    return ok();
  return fail(ErrorCode::kNotFound, fmt::format("用户 {} 不存在", username),
              "no user with this username");
}

}  // namespace

Result<int64_t> UserRepository::insert(const User& user) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(
      db_,
      "INSERT INTO users (username, display_name, role, region_code, department, password_hash, "
      "must_change_password, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?) RETURNING id",
      [&](Statement& s) {
        ParamBinder binder(s);
        binder.text(user.username).text(user.display_name).text(enum_key(user.role));
        if (user.region_code.empty()) {
          binder.null();
        } else {
          binder.text(user.region_code);
        }
        binder.text(user.department)
            .text(user.password_hash)
            .boolean(user.must_change_password)
            .boolean(user.disabled)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no id returned");
  return **id;
}

Result<std::optional<User>> UserRepository::find_by_username(std::string_view username) {
  return query_one<User>(
      db_, std::string(kSelect) + "WHERE username = ?",
      [&](Statement& s) { s.bind_text(1, username); }, read_user);
}

Result<std::optional<User>> UserRepository::find_by_id(int64_t id) {
  return query_one<User>(
      db_, std::string(kSelect) + "WHERE id = ?", [&](Statement& s) { s.bind_int64(1, id); },
      read_user);
}

Result<std::vector<User>> UserRepository::list() {
  return query_rows<User>(
      db_, std::string(kSelect) + "ORDER BY username", [](Statement&) {}, read_user);
}

Result<void> UserRepository::set_password(std::string_view username, std::string_view password_hash,
                                          bool must_change) {
  auto id = returning_id(db_,
                         "UPDATE users SET password_hash = ?, must_change_password = ?, "
                         "updated_at = ? WHERE username = ? RETURNING id",
                         [&](Statement& s) {
                           ParamBinder(s)
                               .text(password_hash)
                               .boolean(must_change)
                               .integer(clock_.now_unix())
                               .text(username);
                         });
  if (!id)
    return tl::unexpected(id.error());
  return expect_one_row(*id, username);
}

Result<void> UserRepository::set_disabled(std::string_view username, bool disabled) {
  auto id = returning_id(
      db_, "UPDATE users SET disabled = ?, updated_at = ? WHERE username = ? RETURNING id",
      [&](Statement& s) {
        ParamBinder(s).boolean(disabled).integer(clock_.now_unix()).text(username);
      });
  if (!id)
    return tl::unexpected(id.error());
  return expect_one_row(*id, username);
}

}  // namespace faxian
