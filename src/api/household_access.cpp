// Role checks and input validation shared by the household and warning routes.

#include "api/household_access.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace faxian::api {
namespace {

constexpr size_t kMaxHouseholdNo = 40;

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool household_no_character(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
}

}  // namespace

std::vector<Role> household_reader_roles() {
  return {Role::kCountyAdmin,        Role::kCountyOfficer,   Role::kTownshipOfficer,
          Role::kVillageCoordinator, Role::kHotlineOperator, Role::kAuditor};
}

std::vector<Role> reveal_roles() {
  return {Role::kCountyAdmin, Role::kCountyOfficer, Role::kTownshipOfficer};
}

bool handles_cases(const workflow::Actor& actor) {
  const auto roles = reveal_roles();
  return std::find(roles.begin(), roles.end(), actor.role) != roles.end();
}

Result<AreaScope> require_household_scope(const Call& call) {
  auto scope = call.scope();
  if (!scope) {
    return fail(ErrorCode::kPermissionDenied, "当前角色无权查看家庭信息",
                "role has no household scope");
  }
  return *scope;
}

Result<std::string> valid_household_no(std::string_view text) {
  if (text.empty() || text.size() > kMaxHouseholdNo ||
      !std::all_of(text.begin(), text.end(), household_no_character)) {
    return fail(ErrorCode::kInvalidArgument, "户号格式不正确（应为字母、数字或连字符）",
                "malformed household number");
  }
  return std::string(text);
}

Result<int64_t> valid_person_id(std::string_view text) {
  if (!all_digits(text) || text.size() > 18)
    return fail(ErrorCode::kInvalidArgument, "人员编号格式不正确", "malformed person id");
  return std::stoll(std::string(text));
}

Result<std::optional<std::string>> region_filter(const Call& call, std::string_view name,
                                                 size_t digits) {
  auto value = call.query(name);
  if (!value)
    return std::optional<std::string>();
  if (value->size() != digits || !all_digits(*value)) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("参数 {} 应为 {} 位行政区划代码", name, digits),
                fmt::format("bad region code in {}", name));
  }
  return value;
}

Result<std::optional<std::string>> enum_filter(const Call& call, std::string_view name,
                                               const std::vector<std::string_view>& allowed) {
  auto value = call.query(name);
  if (!value)
    return std::optional<std::string>();
  if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
    std::string list;
    for (std::string_view option : allowed)
      list += (list.empty() ? "" : "、") + std::string(option);
    return fail(ErrorCode::kInvalidArgument, fmt::format("参数 {} 应为 {} 之一", name, list),
                fmt::format("unknown value for {}", name));
  }
  return value;
}

CodeRange area_range(const AreaScope& scope, const std::optional<std::string>& township,
                     const std::optional<std::string>& village) {
  std::string prefix = scope.prefix;
  for (const auto* filter : {&township, &village}) {
    if (!*filter)
      continue;
    const std::string& code = **filter;
    if (code.starts_with(prefix))
      prefix = code;
    else if (!prefix.starts_with(code))
      return CodeRange{"", ""};  // outside the scope (or the village outside the township)
  }
  return CodeRange{prefix, prefix + "~"};
}

void audit_household_page(Call& call, std::string_view action, std::string_view entity,
                          const nlohmann::json& items, int64_t total) {
  nlohmann::json shown = nlohmann::json::array();
  for (const auto& item : items)
    shown.push_back(item["household_no"]);
  call.audit_view(action, entity, "",
                  nlohmann::json{{"households", std::move(shown)}, {"total", total}}.dump());
}

}  // namespace faxian::api
