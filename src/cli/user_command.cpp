// faxian user add --username U --role ROLE [--region CODE] [--department NAME] --password-stdin
//                 [--force-change] [--display-name NAME]
// faxian user disable U
// faxian user reset-password U
// faxian user list [--format csv|json]
//
// Account management from the server's shell (80-cli.md; 50-api-security.md "Authentication"),
// with the same rules and effects as the users page of the API (api/admin_users.hpp,
// routes_admin.cpp): what a new account may be comes from api::read_new_user (username shape,
// role, the township / village / department its role needs), the password policy from
// api::check_password_policy, a disable or reset ends the user's sessions, a reset also clears a
// lock-out, and every change is audited in the same transaction. Decisions the spec leaves open:
// * --region may also name the county itself for the county-wide roles (and department_liaison);
//   they are stored without a region, like the `admin` of `faxian init`.
// * --role also accepts the Chinese label (乡镇民政办 …); the display name defaults to the
//   username.
// * Audit entries have actor "system" and {"via":"cli"} in their detail: the shell has no
//   logged-in user.
// * The last enabled county_admin cannot be disabled: only a county_admin can enable accounts
//   again, so that would leave nobody able to manage users in the web UI.
// * reset-password prints the bare password on stdout (so it can be piped) and the note on
//   stderr.
// Usage and policy errors exit 2 and write nothing; store errors (duplicate, unknown user) exit 1.

#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "api/admin_users.hpp"
#include "api/login_service.hpp"
#include "api/session_store.hpp"
#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "common/clock.hpp"
#include "common/password_hash.hpp"
#include "common/text.hpp"
#include "gen/csv_sink.hpp"
#include "store/region_repository.hpp"
#include "store/user_repository.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::cli {
namespace {

struct AddOptions {
  std::string username;
  std::string role;
  std::string region;
  std::string department;
  std::string display_name;
  bool password_stdin = false;
  bool force_change = false;
};

int usage_error(const GlobalOptions& global, const Error& error) {
  report_error(global, error);
  return kExitUsage;
}

tl::unexpected<Error> invalid(std::string zh, std::string en) {
  return fail(ErrorCode::kInvalidArgument, std::move(zh), std::move(en));
}

// 50-api-security.md: the API's policy (at least 10 characters, not the username), on valid
// UTF-8 only.
Result<void> check_password(std::string_view password, std::string_view username) {
  if (!is_valid_utf8(password))
    return invalid("密码不是有效的 UTF-8 文本", "password is not valid UTF-8");
  return api::check_password_policy(username, password);
}

// The first line of stdin without its line ending.
Result<std::string> read_password_line() {
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
    line.pop_back();
  if (line.empty())
    return invalid("标准输入没有读到密码", "no password on stdin");
  return line;
}

// The role's key for a key or a Chinese label; anything else unchanged (read_new_user names the
// valid keys).
std::string role_key(const std::string& text) {
  if (auto role = enum_from_label<Role>(text))
    return std::string(enum_key(*role));
  return text;
}

// --region, except that the county's own code means no region (county-wide roles).
Result<std::string> region_option(Database& db, const std::string& code) {
  if (code.empty())
    return code;
  std::optional<Region> region;
  FAXIAN_TRY_ASSIGN(region, RegionRepository(db).find(code));
  if (region && region->level == RegionLevel::kCounty)
    return std::string();
  return code;
}

// The account the options describe, checked as the API checks a new user; kInvalidArgument
// when it does not fit.
Result<User> new_user(Database& db, const AddOptions& options) {
  nlohmann::json body = {{"username", options.username},
                         {"role", role_key(options.role)},
                         {"department", options.department},
                         {"display_name", options.display_name}};
  FAXIAN_TRY_ASSIGN(body["region"], region_option(db, options.region));
  User user;
  FAXIAN_TRY_ASSIGN(user, api::read_new_user(db, body));
  if (user.display_name.empty())
    user.display_name = user.username;
  return user;
}

Result<void> audit(Database& db, const Clock& clock, std::string_view action,
                   std::string_view username, nlohmann::json detail) {
  detail["via"] = "cli";
  workflow::AuditEntry entry;
  entry.actor = "system";
  entry.action = std::string(action);
  entry.object_type = "user";
  entry.object_id = std::string(username);
  entry.detail = detail.dump();
  FAXIAN_TRY(workflow::AuditLog(db, clock).append(entry));
  return ok();
}

Result<void> insert_user(Database& db, const Clock& clock, const User& user) {
  return in_transaction(db, [&]() -> Result<void> {
    UserRepository users(db, clock);
    std::optional<User> existing;
    FAXIAN_TRY_ASSIGN(existing, users.find_by_username(user.username));
    if (existing) {
      return fail(ErrorCode::kAlreadyExists, fmt::format("用户名 {} 已存在", user.username),
                  "username taken");
    }
    auto id = users.insert(user);
    if (!id && id.error().code == ErrorCode::kAlreadyExists) {
      return fail(ErrorCode::kAlreadyExists, fmt::format("用户名 {} 已存在", user.username),
                  "username taken");
    }
    if (!id)
      return tl::unexpected(id.error());
    return audit(db, clock, "user.create", user.username,
                 {{"role", enum_key(user.role)},
                  {"region", user.region_code},
                  {"department", user.department},
                  {"must_change_password", user.must_change_password}});
  });
}

int run_add(const GlobalOptions& global, const AddOptions& options) {
  if (!options.password_stdin) {
    return usage_error(
        global, Error(ErrorCode::kInvalidArgument, "请用 --password-stdin 从标准输入提供密码",
                      "--password-stdin is required"));
  }
  auto password = read_password_line();
  if (!password)
    return usage_error(global, password.error());
  if (auto policy = check_password(*password, options.username); !policy)
    return usage_error(global, policy.error());

  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto user = new_user(**db, options);
  if (!user) {
    if (user.error().code == ErrorCode::kInvalidArgument)
      return usage_error(global, user.error());
    return report_error(global, user.error());
  }
  auto hash = hash_password(*password);
  if (!hash)
    return report_error(global, hash.error());
  user->password_hash = *hash;
  user->must_change_password = options.force_change;
  if (auto inserted = insert_user(**db, clock, *user); !inserted)
    return report_error(global, inserted.error());

  const User& created = *user;
  std::string scope;
  if (!created.region_code.empty())
    scope = fmt::format("，{}", created.region_code);
  else if (!created.department.empty())
    scope = fmt::format("，{}", created.department);
  if (global.lang == "en") {
    fmt::print("created user {} ({}{}){}\n", created.username, enum_key(created.role), scope,
               created.must_change_password ? "; must change the password at first login" : "");
  } else {
    fmt::print("已创建用户 {}（{}{}）{}\n", created.username, enum_label(created.role), scope,
               created.must_change_password ? "，首次登录须修改密码" : "");
  }
  return kExitOk;
}

Result<User> existing_user(UserRepository& users, const std::string& username) {
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user, users.find_by_username(username));
  if (!user)
    return fail(ErrorCode::kNotFound, fmt::format("用户 {} 不存在", username), "no such user");
  return *user;
}

int run_disable(const GlobalOptions& global, const std::string& username) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  bool already = false;
  auto done = in_transaction(**db, [&]() -> Result<void> {
    UserRepository users(**db, clock);
    User user;
    FAXIAN_TRY_ASSIGN(user, existing_user(users, username));
    if (user.disabled) {
      already = true;
      return ok();
    }
    if (user.role == Role::kCountyAdmin) {
      std::vector<User> all;
      FAXIAN_TRY_ASSIGN(all, users.list());
      const auto other_admins = std::count_if(all.begin(), all.end(), [&](const User& other) {
        return other.role == Role::kCountyAdmin && !other.disabled && other.username != username;
      });
      if (other_admins == 0) {
        return fail(ErrorCode::kIllegalTransition,
                    fmt::format("{} 是最后一个启用的县民政局管理员，不能停用（请先创建另一个 "
                                "county_admin）",
                                username),
                    "cannot disable the last enabled county_admin");
      }
    }
    FAXIAN_TRY(users.set_disabled(username, true));
    FAXIAN_TRY(api::SessionStore(**db, clock).end_all(user.id));
    return audit(**db, clock, "user.disable", username, nlohmann::json::object());
  });
  if (!done)
    return report_error(global, done.error());
  if (global.lang == "en")
    fmt::print("{} user {}\n", already ? "already disabled:" : "disabled", username);
  else if (already)
    fmt::print("用户 {} 已是停用状态\n", username);
  else
    fmt::print("已停用用户 {}\n", username);
  return kExitOk;
}

int run_reset_password(const GlobalOptions& global, const std::string& username) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  const std::string password = random_password();
  auto hash = hash_password(password);
  if (!hash)
    return report_error(global, hash.error());
  bool disabled = false;
  auto done = in_transaction(**db, [&]() -> Result<void> {
    UserRepository users(**db, clock);
    User user;
    FAXIAN_TRY_ASSIGN(user, existing_user(users, username));
    disabled = user.disabled;
    FAXIAN_TRY(users.set_password(username, *hash, true));
    FAXIAN_TRY(api::clear_lockout(**db, username));
    FAXIAN_TRY(api::SessionStore(**db, clock).end_all(user.id));
    return audit(**db, clock, "user.reset_password", username, nlohmann::json::object());
  });
  if (!done)
    return report_error(global, done.error());
  if (global.lang == "en") {
    std::cerr << fmt::format(
        "password of {} reset; it must be changed at first login and is shown only once{}\n",
        username, disabled ? " (the account is still disabled)" : "");
  } else {
    std::cerr << fmt::format("已重置用户 {} 的密码（首次登录须修改；新密码只显示这一次）{}\n",
                             username, disabled ? "；该账户仍处于停用状态" : "");
  }
  if (global.json)
    std::cout << nlohmann::json{{"username", username}, {"password", password}}.dump() << "\n";
  else
    std::cout << password << "\n";
  return kExitOk;
}

void write_csv(std::ostream& out, const std::vector<User>& users) {
  out << "username,role,region,department,disabled,must_change_password\n";
  for (const User& user : users) {
    std::string department;
    gen::append_csv_field(department, user.department);
    out << fmt::format("{},{},{},{},{},{}\n", user.username, enum_key(user.role), user.region_code,
                       department, user.disabled, user.must_change_password);
  }
}

void write_json(std::ostream& out, const std::vector<User>& users) {
  nlohmann::json items = nlohmann::json::array();
  for (const User& user : users) {
    items.push_back({{"username", user.username},
                     {"display_name", user.display_name},
                     {"role", enum_key(user.role)},
                     {"region", user.region_code},
                     {"department", user.department},
                     {"disabled", user.disabled},
                     {"must_change_password", user.must_change_password}});
  }
  out << items.dump(2) << "\n";
}

int run_list(const GlobalOptions& global, const std::string& format) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto users = UserRepository(**db, clock).list();
  if (!users)
    return report_error(global, users.error());
  if (format == "json" || global.json)
    write_json(std::cout, *users);
  else
    write_csv(std::cout, *users);
  return kExitOk;
}

}  // namespace

void register_user_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  CLI::App* command = app.add_subcommand("user", "用户管理 (manage users)");
  command->require_subcommand(1);

  auto add_options = std::make_shared<AddOptions>();
  CLI::App* add = command->add_subcommand("add", "创建用户 / create a user");
  add->add_option("--username", add_options->username, "用户名")->required();
  add->add_option("--role", add_options->role,
                  "county_admin | county_officer | township_officer | village_coordinator | "
                  "hotline_operator | department_liaison | auditor")
      ->required();
  add->add_option("--region", add_options->region,
                  "乡镇（街道）9 位或村（社区）12 位代码，视角色而定");
  add->add_option("--department", add_options->department, "所属部门（department_liaison）");
  add->add_option("--display-name", add_options->display_name, "显示名称（默认：用户名）");
  add->add_flag("--password-stdin", add_options->password_stdin,
                "从标准输入第一行读取密码（至少 10 个字符，不能与用户名相同）");
  add->add_flag("--force-change", add_options->force_change, "首次登录须修改密码");
  add->callback([&global, &exit_code, add_options] { exit_code = run_add(global, *add_options); });

  auto disable_name = std::make_shared<std::string>();
  CLI::App* disable = command->add_subcommand("disable", "停用用户 / disable a user");
  disable->add_option("USERNAME", *disable_name, "用户名")->required();
  disable->callback(
      [&global, &exit_code, disable_name] { exit_code = run_disable(global, *disable_name); });

  auto reset_name = std::make_shared<std::string>();
  CLI::App* reset = command->add_subcommand(
      "reset-password", "重置为随机密码并显示一次 / set a random password, shown once");
  reset->add_option("USERNAME", *reset_name, "用户名")->required();
  reset->callback(
      [&global, &exit_code, reset_name] { exit_code = run_reset_password(global, *reset_name); });

  auto format = std::make_shared<std::string>("csv");
  CLI::App* list = command->add_subcommand("list", "列出用户 / list users");
  list->add_option("--format", *format, "csv | json")->check(CLI::IsMember({"csv", "json"}));
  list->callback([&global, &exit_code, format] { exit_code = run_list(global, *format); });
}

}  // namespace faxian::cli
