#include "workflow/leads/deadline_policy.hpp"

#include <charconv>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "store/query.hpp"

namespace faxian::workflow {
namespace {

// Every configurable figure by its workflow_settings key.
std::vector<std::pair<std::string, int*>> fields_of(DeadlinePolicy& policy) {
  std::vector<std::pair<std::string, int*>> fields;
  constexpr const char* kLevels[] = {"yellow", "orange", "red"};
  for (size_t level = 0; level < 3; ++level) {
    fields.emplace_back(fmt::format("deadline.first_contact.{}", kLevels[level]),
                        &policy.first_contact[level]);
    fields.emplace_back(fmt::format("deadline.verification.{}", kLevels[level]),
                        &policy.verification[level]);
  }
  fields.emplace_back("deadline.hotline_callback", &policy.hotline_callback);
  fields.emplace_back("deadline.referral_answer", &policy.referral_answer);
  fields.emplace_back("deadline.emergency_paperwork", &policy.emergency_paperwork);
  fields.emplace_back("deadline.case_by_case_decision", &policy.case_by_case_decision);
  fields.emplace_back("deadline.dibao_process", &policy.dibao_process);
  fields.emplace_back("deadline.dibao_process_special", &policy.dibao_process_special);
  fields.emplace_back("deadline.county_decision", &policy.county_decision);
  fields.emplace_back("deadline.public_notice_calendar_days", &policy.public_notice_calendar_days);
  fields.emplace_back("deadline.refusal_notice", &policy.refusal_notice);
  fields.emplace_back("deadline.quick_aid_calendar_days", &policy.quick_aid_calendar_days);
  fields.emplace_back("deadline.follow_up", &policy.follow_up);
  return fields;
}

Result<void> set_field(DeadlinePolicy& policy, const std::string& key, const std::string& value) {
  for (auto& [name, field] : fields_of(policy)) {
    if (name != key)
      continue;
    int parsed = -1;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || end != value.data() + value.size() || parsed < 0 || parsed > 365) {
      return fail(ErrorCode::kCorrupt, fmt::format("办理时限设置 {} 的值无效：{}", key, value),
                  fmt::format("workflow setting {} is not a whole number of days 0..365", key));
    }
    *field = parsed;
    return ok();
  }
  return fail(ErrorCode::kCorrupt, fmt::format("未知的办理时限设置：{}", key),
              fmt::format("unknown workflow setting {}", key));
}

}  // namespace

Result<DeadlinePolicy> DeadlinePolicy::load(Database& db) {
  struct Setting {
    std::string key;
    std::string value;
  };
  auto rows = query_rows<Setting>(
      db, "SELECT key, value FROM workflow_settings WHERE key LIKE 'deadline.%' ORDER BY key",
      [](Statement&) {},
      [](const Statement& row) -> Result<Setting> {
        return Setting{std::string(row.column_text(0)), std::string(row.column_text(1))};
      });
  if (!rows)
    return tl::unexpected(rows.error());
  DeadlinePolicy policy;
  for (const Setting& setting : *rows)
    FAXIAN_TRY(set_field(policy, setting.key, setting.value));
  return policy;
}

std::optional<Date> working_days_after(const WorkCalendar& calendar, Date start, int n) {
  auto due = calendar.add_working_days(start, n);
  if (!due)
    return std::nullopt;
  return *due;
}

LeadDeadlines lead_deadlines(const WorkCalendar& calendar, const DeadlinePolicy& policy,
                             Date created_on, WarningLevel level) {
  return LeadDeadlines{working_days_after(calendar, created_on, policy.first_contact_days(level)),
                       working_days_after(calendar, created_on, policy.verification_days(level))};
}

}  // namespace faxian::workflow
