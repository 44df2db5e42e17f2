#pragma once
// 转介家庭概况: what a department may see of a referred household (40-workflow.md "Referrals",
// 50-api-security.md "Privacy"): the household number, where it lives and its members with
// masked resident IDs and phones (500241********1234, 138****5678) — a department needs no full
// ID to act on a referral. Health, disability and income figures are not included; the
// referral's reason says what the department is asked to look at. Stored with the referral as
// a snapshot (JSON) of the day it was sent.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/lead.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

struct SummaryMember {
  std::string name;
  std::string masked_id;     // 500241********1234
  std::string sex;           // 男 / 女
  int age = 0;               // full years on the summary's date
  std::string relation;      // 户主, 配偶 … ("" when unknown)
  std::string masked_phone;  // 138****5678 ("" when none)

  bool operator==(const SummaryMember&) const = default;
};

struct HouseholdSummary {
  std::string household_no;  // "" for an unidentified subject
  std::string township_code;
  std::string township_name;
  std::string village_code;  // "" when unknown
  std::string village_name;
  std::string address;
  std::vector<SummaryMember> members;  // members on `as_of`, head first
  std::string subject_name;            // unidentified subject: the name given
  std::string subject_masked_phone;
  Date as_of{};

  bool operator==(const HouseholdSummary&) const = default;
};

// The summary of a stored household as of `on` (members whose membership is active and who are
// alive that day). kNotFound for an unknown household.
Result<HouseholdSummary> summarise_household(Database& db, int64_t household_id, Date on);
// The summary of a lead's unidentified subject (name, masked phone, address, village).
Result<HouseholdSummary> summarise_subject(Database& db, const Lead& lead, Date on);

// JSON text and back (kCorrupt for malformed stored text).
std::string summary_to_json(const HouseholdSummary& summary);
Result<HouseholdSummary> summary_from_json(std::string_view json);

}  // namespace faxian::workflow
