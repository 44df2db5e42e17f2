#pragma once
// The records behind each figure of an eligibility check, listed from the same feature store
// and with the same windows as the screening engine's snapshot (internal to the check).

#include <vector>

#include "screen/household_snapshot.hpp"
#include "workflow/assistance/eligibility_check.hpp"

namespace faxian::workflow::eligibility_detail {

std::vector<MemberFigure> list_members(const screen::HouseholdSnapshot& snapshot);
// Income rows of current members in the 12 months ending with D's month, oldest first.
std::vector<SourceRecord> list_income(const screen::HouseholdSnapshot& snapshot);
// Medical rows of current members settled in (D − 365, D], signed self-pay, oldest first.
std::vector<SourceRecord> list_medical(const screen::HouseholdSnapshot& snapshot);
// Education rows whose school year starts in (D − 365, D], max(fees − aid, 0), oldest first.
std::vector<SourceRecord> list_education(const screen::HouseholdSnapshot& snapshot);
// Active asset rows of current members dated ≤ D (not 注销), with deposits and dwellings summed
// into `check`.
void list_assets(const screen::HouseholdSnapshot& snapshot, EligibilityCheck& check);
// Members' medical records in R09's window whose diagnosis is a serious illness; `*status` is
// set when a member's recorded health status is 重大疾病.
std::vector<SourceRecord> list_serious_illness(const screen::HouseholdSnapshot& snapshot,
                                               bool* status);
// Former members alive on D, aged 18–59 and not severely disabled (see eligibility_check.hpp).
std::vector<SupporterCandidate> find_supporters(const screen::HouseholdSnapshot& snapshot);

// The four programme findings from the figures of `check`.
std::vector<ProgrammeFinding> decide_programmes(const EligibilityCheck& check);

}  // namespace faxian::workflow::eligibility_detail
