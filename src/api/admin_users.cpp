// New accounts' fields and lock-out clearing for the users page (see admin_users.hpp).

#include "api/admin_users.hpp"

#include <fmt/format.h>

#include "api/router.hpp"
#include "common/text.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

Error invalid(std::string message, std::string_view field) {
  return Error(ErrorCode::kInvalidArgument, std::move(message),
               fmt::format("user field {}", field));
}

// 3–32 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter.
bool valid_username(std::string_view name) {
  if (name.size() < 3 || name.size() > 32 || name.front() < 'a' || name.front() > 'z')
    return false;
  for (char c : name) {
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed)
      return false;
  }
  return true;
}

// A short text field: trimmed, valid UTF-8, at most `max` characters; "" when absent.
Result<std::string> short_text(const nlohmann::json& body, std::string_view field,
                               std::string_view label, size_t max) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null())
    return std::string();
  if (!found->is_string() || !is_valid_utf8(found->get_ref<const std::string&>()))
    return tl::unexpected(invalid(fmt::format("{}应为文本", label), field));
  std::string text(trim(found->get_ref<const std::string&>()));
  if (code_point_count(text) > max)
    return tl::unexpected(invalid(fmt::format("{}不能超过 {} 个字", label, max), field));
  return text;
}

Result<void> check_region_level(Database& db, std::string_view code, std::string_view level,
                                std::string_view label) {
  int64_t found = 0;
  FAXIAN_TRY_ASSIGN(found,
                    query_int(db, "SELECT count(*) FROM regions WHERE code = ? AND level = ?",
                              [&](Statement& s) { ParamBinder(s).text(code).text(level); }));
  if (found == 0) {
    return tl::unexpected(
        invalid(fmt::format("该角色须指定本县的一个{}代码（region）", label), "region"));
  }
  return ok();
}

// The area the role needs, and nothing it does not.
Result<void> check_scope(Database& db, const User& user) {
  const RoleScope scope = role_scope(user.role);
  if (scope != RoleScope::kDepartment && !user.department.empty())
    return tl::unexpected(invalid("只有部门联络员需要填写部门（department）", "department"));
  switch (scope) {
    case RoleScope::kTownship:
      return check_region_level(db, user.region_code, "township", "乡镇（街道）");
    case RoleScope::kVillage:
      return check_region_level(db, user.region_code, "village", "村（社区）");
    case RoleScope::kDepartment:
      if (user.department.empty())
        return tl::unexpected(invalid("部门联络员须填写所属部门（department）", "department"));
      [[fallthrough]];
    case RoleScope::kCounty:
      if (!user.region_code.empty())
        return tl::unexpected(invalid("该角色不限于某个区划，请不要填写 region", "region"));
      return ok();
  }
  return ok();
}

// "county_admin、county_officer、…" for messages.
std::string role_keys() {
  std::string keys;
  for (Role role :
       {Role::kCountyAdmin, Role::kCountyOfficer, Role::kTownshipOfficer, Role::kVillageCoordinator,
        Role::kHotlineOperator, Role::kDepartmentLiaison, Role::kAuditor}) {
    if (!keys.empty())
      keys += "、";
    keys += enum_key(role);
  }
  return keys;
}

}  // namespace

nlohmann::json user_summary(const User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", enum_key(user.role)},
          {"region",
           user.region_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.region_code)},
          {"department", user.department},
          {"must_change_password", user.must_change_password},
          {"disabled", user.disabled},
          {"created_at", user.created_at}};
}

Result<User> read_new_user(Database& db, const nlohmann::json& body) {
  User user;
  FAXIAN_TRY_ASSIGN(user.username, short_text(body, "username", "用户名", 32));
  if (!valid_username(user.username)) {
    return tl::unexpected(
        invalid("用户名须为 3 到 32 位小写字母、数字或 . _ -，并以字母开头", "username"));
  }
  std::string role;
  FAXIAN_TRY_ASSIGN(role, short_text(body, "role", "角色", 40));
  const std::optional<Role> parsed = enum_from_key<Role>(role);
  if (!parsed) {
    return tl::unexpected(
        invalid(fmt::format("未知的角色“{}”，可选：{}", role, role_keys()), "role"));
  }
  user.role = *parsed;
  FAXIAN_TRY_ASSIGN(user.region_code, short_text(body, "region", "区划代码", 20));
  FAXIAN_TRY_ASSIGN(user.department, short_text(body, "department", "部门", 50));
  FAXIAN_TRY_ASSIGN(user.display_name, short_text(body, "display_name", "姓名", 50));
  FAXIAN_TRY(check_scope(db, user));
  return user;
}

Result<void> clear_lockout(Database& db, std::string_view username) {
  return run_bound(db, "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE username = ?",
                   [&](Statement& s) { s.bind_text(1, username); });
}

}  // namespace faxian::api
