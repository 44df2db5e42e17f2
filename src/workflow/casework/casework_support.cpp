// Case numbers, audit entries and permission checks shared by the casework services.

#include "workflow/casework/casework_support.hpp"

#include <fmt/format.h>

#include "store/household_repository.hpp"
#include "store/issued_numbers.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "store/row_codec.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::workflow {

Result<std::string> next_casework_number(Database& db, std::string_view prefix, Date day,
                                         int width) {
  const std::string compact = fmt::format("{:04}{:02}{:02}", day.year(), day.month(), day.day());
  auto sequence = issue_number(db, fmt::format("casework:{}", prefix), compact);
  if (!sequence)
    return tl::unexpected(sequence.error());
  if (!sequence->has_value())
    return fail(ErrorCode::kInternal, "编号生成失败", "casework counter returned no row");
  return fmt::format("{}{}-{:0{}}", prefix, compact, **sequence, width);
}

std::string actor_role_key(const Actor& actor) {
  return actor.is_system() ? std::string() : std::string(enum_key(actor.role));
}

Result<void> audit_change(Database& db, const Clock& clock, const Actor& actor,
                          std::string_view action, std::string_view object_type,
                          std::string_view object_id, std::string_view reason, std::string detail) {
  AuditEntry entry;
  entry.actor = actor.name;
  entry.source_address = actor.source_address;
  entry.actor_role = actor_role_key(actor);
  entry.action = std::string(action);
  entry.object_type = std::string(object_type);
  entry.object_id = std::string(object_id);
  entry.reason = std::string(reason);
  entry.detail = std::move(detail);
  FAXIAN_TRY(AuditLog(db, clock).append(entry));
  return ok();
}

Result<void> require_county(const Actor& actor, std::string_view what_zh) {
  if (actor.is_county())
    return ok();
  return fail(ErrorCode::kIllegalTransition,
              fmt::format("只有县民政局（县级管理员、县社会救助科）可以{}", what_zh),
              fmt::format("role {} is not a county role", enum_key(actor.role)));
}

bool acts_for_department(const Actor& actor, Department department) {
  if (actor.is_county())
    return true;
  if (actor.role != Role::kDepartmentLiaison)
    return false;
  return department_of_account(actor.department) == department;
}

Result<Place> place_of_village(Database& db, std::string_view village_code) {
  std::optional<Region> village;
  FAXIAN_TRY_ASSIGN(village, RegionRepository(db).find(village_code));
  if (!village || village->level != RegionLevel::kVillage)
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("村（社区）代码「{}」不存在", village_code), "unknown village code");
  return Place{village->parent_code, village->code};
}

Result<Place> place_of_household(Database& db, const Clock& clock, int64_t household_id) {
  std::optional<Household> household;
  FAXIAN_TRY_ASSIGN(household, HouseholdRepository(db, clock).find(household_id));
  if (!household)
    return tl::unexpected(not_found("家庭", "household"));
  auto place = place_of_village(db, household->village_code);
  if (!place)
    return fail(ErrorCode::kCorrupt, "家庭所在村（社区）不存在", "household village missing");
  return *place;
}

Result<void> check_township(Database& db, std::string_view township_code) {
  std::optional<Region> township;
  FAXIAN_TRY_ASSIGN(township, RegionRepository(db).find(township_code));
  if (!township || township->level != RegionLevel::kTownship)
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("乡镇（街道）代码「{}」不存在", township_code),
                "unknown township code");
  return ok();
}

std::string department_name(Department department) {
  return std::string(enum_label(department));
}

}  // namespace faxian::workflow
