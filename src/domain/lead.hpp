#pragma once
// 线索: one possible case of need (40-workflow.md "Leads"), from any of eight sources, followed
// through verification to one or more outcomes. The workflow library (src/workflow) changes
// leads; this header only names their parts.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/enum_table.hpp"
#include "domain/rule_set.hpp"

namespace faxian {

enum class LeadSource : uint8_t {
  kDataWarning,   // 数据预警: the screening engine, when a need warning opens
  kVisit,         // 走访
  kCampaign,      // 集中排查
  kHotline,       // 热线
  kSocialReport,  // 社会力量报告 (the public form, a social worker, a volunteer)
  kReferral,      // 部门推送
  kSelfReport,    // 群众求助
  kSuperior,      // 上级交办
};
FAXIAN_DECLARE_ENUM_TABLE(LeadSource, "线索来源", std::nullopt);

enum class LeadStatus : uint8_t {
  kNew,        // 待分派: in the township inbox
  kAssigned,   // 已分派
  kVerifying,  // 核实中
  kDecided,    // 已处置
  kClosed,     // 已办结
};
FAXIAN_DECLARE_ENUM_TABLE(LeadStatus, "线索状态", std::nullopt);

enum class LeadOutcome : uint8_t {
  kNoNeed,               // 经核实无困难
  kDeclined,             // 本人不愿申请
  kAssistedApplication,  // 协助申请
  kApplication,          // 自行申请
  kEmergencyAid,         // 先行救助
  kCaseByCase,           // 一事一议
  kReferral,             // 转介专项救助
  kCoordination,         // 县级协调
  kDuplicate,            // 重复
};
FAXIAN_DECLARE_ENUM_TABLE(LeadOutcome, "处置结果", std::nullopt);

// Whether an outcome's effect is still under way (the application not yet linked, the
// referral not yet answered …). A lead closes only when none is pending.
enum class OutcomeState : uint8_t { kPending, kDone, kCancelled };
FAXIAN_DECLARE_ENUM_TABLE(OutcomeState, "处置进度", std::nullopt);

enum class VerificationMethod : uint8_t { kHomeVisit, kPhone, kOffice };
FAXIAN_DECLARE_ENUM_TABLE(VerificationMethod, "核实方式", std::nullopt);

enum class Willingness : uint8_t { kYes, kNo, kUndecided };
FAXIAN_DECLARE_ENUM_TABLE(Willingness, "申请意愿", std::nullopt);

enum class ApplyAbility : uint8_t { kAble, kNeedsHelp };
FAXIAN_DECLARE_ENUM_TABLE(ApplyAbility, "申请能力", std::nullopt);

// The person a lead is about when no household is linked yet (a hotline caller's neighbour,
// a public report): matched to candidates by name + phone + village for an officer to confirm.
struct UnidentifiedSubject {
  std::string name;
  std::string phone;
  std::string address;

  bool operator==(const UnidentifiedSubject&) const = default;
};

struct LeadSourceEntry {
  int64_t id = 0;
  LeadSource source = LeadSource::kDataWarning;
  std::string reference;  // warning id, ticket no., report code, visit id … ("" when none)
  WarningLevel level = WarningLevel::kYellow;
  std::string description;
  Date reported_on{};
  std::string actor;
  int64_t at = 0;

  bool operator==(const LeadSourceEntry&) const = default;
};

// Living conditions seen at the verification (food, housing, medical, schooling, care).
struct LivingConditions {
  std::string food;
  std::string housing;
  std::string medical;
  std::string schooling;
  std::string care;

  bool operator==(const LivingConditions&) const = default;
};

struct VerificationRecord {
  int64_t id = 0;
  Date visited_on{};
  VerificationMethod method = VerificationMethod::kHomeVisit;
  std::string met;  // who was met
  LivingConditions conditions;
  Willingness willingness = Willingness::kUndecided;
  ApplyAbility ability = ApplyAbility::kAble;
  bool policy_explained = false;
  std::vector<std::string> policies;  // which policies were explained
  bool difficulty_found = false;
  std::string notes;
  std::string recorded_by;
  int64_t at = 0;

  bool operator==(const VerificationRecord&) const = default;
};

struct LeadOutcomeEntry {
  int64_t id = 0;
  LeadOutcome outcome = LeadOutcome::kNoNeed;
  OutcomeState state = OutcomeState::kPending;
  std::string reference;  // application id, referral id, merged-into lead no. …
  std::string detail;     // JSON: the outcome's parameters (amount, department, reasons …)
  Date decided_on{};
  std::optional<Date> done_on{};

  bool operator==(const LeadOutcomeEntry&) const = default;
};

struct Lead {
  int64_t id = 0;
  std::string lead_no;                    // e.g. XS20230415-0012
  std::optional<int64_t> household_id{};  // nullopt: unidentified subject
  std::string household_no;               // filled when linked
  UnidentifiedSubject subject;
  std::string township_code;
  std::string village_code;  // may be empty for an unidentified subject
  std::string description;
  WarningLevel level = WarningLevel::kYellow;
  LeadStatus status = LeadStatus::kNew;
  std::optional<int64_t> assignee_id{};
  std::string assignee;  // username, filled when read
  std::optional<int64_t> warning_id{};
  Date created_on{};  // the screening as-of date for a data warning, the intake date otherwise
  std::optional<Date> first_contact_due{};  // nullopt: calendar missing
  std::optional<Date> verification_due{};
  std::optional<Date> first_contact_on{};
  std::optional<Date> verified_on{};
  std::optional<Date> decided_on{};
  std::optional<Date> closed_on{};
  std::optional<Date> follow_up_on{};
  std::optional<int64_t> merged_into{};
  int64_t version = 1;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::vector<LeadSourceEntry> sources;  // oldest first
  std::vector<LeadOutcomeEntry> outcomes;

  bool operator==(const Lead&) const = default;
};

// The distinct sources of a lead as enum keys, in the enum's order (the `sources` column of
// `faxian leads` and of the API's lead lists).
std::vector<std::string> lead_source_keys(const Lead& lead);

// One row of a lead's history.
struct LeadEvent {
  int64_t id = 0;
  std::string action;  // intake, source_added, assign, start_verification, …
  std::optional<LeadStatus> from_status{};
  std::optional<LeadStatus> to_status{};
  std::string actor;
  std::string actor_role;
  std::string reason;
  std::string detail;  // JSON
  Date on_date{};
  int64_t at = 0;

  bool operator==(const LeadEvent&) const = default;
};

}  // namespace faxian
