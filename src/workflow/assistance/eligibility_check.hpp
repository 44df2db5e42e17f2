#pragma once
// 家庭经济状况核对 (40-workflow.md "Applications"): the eligibility check computed from the data,
// never typed by hand. Every figure is the screening engine's own (src/screen's
// HouseholdSnapshot over the same feature store), so the check and the rules (R01 R02 R04 R07)
// can never disagree; the records behind each sum are listed with feed, record id, date and
// amount. The recommendation per programme (低保, 低保边缘, 刚性支出困难, 特困) comes with
// Chinese reasons. How 特困's "no legally obliged supporter" is read from the data: see
// find_supporter_candidates in eligibility_calculator.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/money.hpp"
#include "domain/feed_enums.hpp"
#include "domain/feed_kind.hpp"
#include "screen/household_snapshot.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::workflow {

// One record a figure comes from.
struct SourceRecord {
  FeedKind feed = FeedKind::kIncome;
  int64_t record_id = 0;
  int64_t person_id = 0;
  Date date{};   // income: the first day of its month; education: 1 September of the year
  Money amount;  // what the record adds to the figure (signed for medical reversals)

  bool operator==(const SourceRecord&) const = default;
};

struct MemberFigure {
  int64_t person_id = 0;
  int age = 0;
  bool working_age = false;  // 16–59 and not severely disabled (the rules' working_age)
  bool severe = false;       // disability grade 1–2 or 失能
  std::optional<int> disability_grade{};

  bool operator==(const MemberFigure&) const = default;
};

// One active asset record of a member, and whether it fails the test by itself.
struct AssetFinding {
  SourceRecord record;
  AssetType type = AssetType::kOther;
  bool fails = false;  // a vehicle over the exemption or a business registration
  bool operator==(const AssetFinding&) const = default;
};

// A person who may owe the household support (法定赡养/抚养/扶养义务人) by the data: a former
// member, alive and of working age on the check date.
struct SupporterCandidate {
  int64_t person_id = 0;
  int age = 0;
  Date left_on{};  // the day their membership ended

  bool operator==(const SupporterCandidate&) const = default;
};

struct ProgrammeFinding {
  Programme programme = Programme::kDibao;
  Recommendation recommendation = Recommendation::kManualReview;
  std::vector<std::string> reasons;  // Chinese, with the figures

  bool operator==(const ProgrammeFinding&) const = default;
};

struct EligibilityCheck {
  int64_t household_id = 0;
  std::string household_no{};
  Date as_of{};
  bool urban = false;

  int household_size = 0;
  std::vector<MemberFigure> members;

  Month income_from{};  // the 12 calendar months ending with as_of's month
  Month income_to{};
  Money income_12m;
  std::vector<SourceRecord> income_records;
  std::vector<std::string> excluded_income_types;  // keys the standards file excludes
  Money per_capita_income;  // income_12m / 12 / n, rounded down to the fen (display only)

  Money standard;  // 低保 standard in force on as_of for the area type
  int edge_multiple_bp = 15000;
  Money edge_line;  // standard × multiple (rounded down; comparisons are cross-multiplied)
  Money tekun_standard;
  bool below_standard = false;  // income_12m < standard × 12 × n
  bool below_edge = false;      // income_12m < multiple × standard × 12 × n

  Money medical_selfpay_12m;
  std::vector<SourceRecord> medical_records;
  Money education_net_12m;
  std::vector<SourceRecord> education_records;
  Money rigid_12m;
  int rigid_share_bp = 6000;
  bool rigid_over_share = false;  // rigid > 0 and rigid ≥ share × income_12m

  Money disposable_ref;  // previous-year per-capita disposable income (per year)
  int disposable_year = 0;
  bool disposable_gap = false;
  bool below_disposable = false;  // income_12m < disposable_ref × n

  bool excluded_by_assets = false;
  Money deposits_total;
  int deposit_months = 24;
  Money deposit_limit;  // n × standard × deposit_months
  int dwellings = 0;
  Money vehicle_exempt_value;
  std::vector<AssetFinding> assets;
  // 重大疾病 (R09's reading: a member's medical record in R09's window with a listed ICD-10
  // code, or the health status 重大疾病 recorded by the workflow) and the exemption of
  // policy/standards.md: financial assets up to 50,000 yuan per person are allowed where a
  // member has a recognised major illness needing long-term treatment.
  bool serious_illness = false;
  std::vector<SourceRecord> illness_records;
  Money illness_deposit_allowance;  // 50,000 × n
  // The asset test fails on deposits alone and they are within the allowance: the officer must
  // judge whether the illness needs long-term treatment (manual_review).
  bool illness_exemption_possible = false;

  std::vector<CategoryKind> categories_held;
  int working_age_count = 0;
  std::vector<SupporterCandidate> supporters;

  std::vector<ProgrammeFinding> programmes;  // dibao, dibao_edge, expenditure_hardship, tekun

  int standards_version = 0;  // of the standards and rules the figures were computed with
  int rule_set_version = 0;

  // The finding for one programme. REQUIRES: the check was computed (all four are present).
  const ProgrammeFinding& finding(Programme programme) const;
};

// Computes the check from one household's snapshot. `tekun_standard` is the 特困 standard in
// force. REQUIRES: !snapshot.empty(). kInternal if the listed records do not add up to the
// snapshot's sums (a bug: the listing and the engine disagree about a window).
Result<EligibilityCheck> compute_eligibility(const screen::HouseholdSnapshot& snapshot,
                                             int64_t household_store_id, Money tekun_standard,
                                             std::vector<std::string> excluded_income_types);

}  // namespace faxian::workflow
