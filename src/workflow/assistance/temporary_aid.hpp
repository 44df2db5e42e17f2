#pragma once
// 临时救助 amounts (40-workflow.md, policy/standards.md): the track an amount needs, from the
// standards file — 小额快救 up to `quick_aid_months` of the 低保 standard (no means test,
// handled within 3 calendar days), township approval up to `township_aid_months`, above that
// only 一事一议 at the county. The standard is the household's own (urban or rural) one in
// force on the date: Chongqing's own rule was not found, and this is the reading that never
// lets a rural township approve more months than an urban one.

#include <string>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "domain/region.hpp"
#include "domain/standards.hpp"
#include "store/database.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::workflow {

struct AidProposal {
  AidTrack track = AidTrack::kQuick;
  Money amount;               // the amount asked for
  Money standard;             // 低保 standard per month for the area on the date
  Money quick_cap;            // quick_aid_months × standard
  Money township_cap;         // township_aid_months × standard
  std::string explanation{};  // Chinese, with the figures
};

// The track for `amount`. kInvalidArgument for an amount ≤ 0; kUnavailable when no standard
// covers `on`.
Result<AidProposal> propose_temporary_aid(const Standards& standards, Date on, AreaType area,
                                          Money amount);

// The township's limit for a household: township_aid_months × standard (the default amount a
// township proposes for 先行救助 when the officer gives none is the 小额快救 cap).
Result<Money> township_aid_cap(const Standards& standards, Date on, AreaType area);

// The proposal for a stored household: its village's area type and the standards in force
// (latest version). kInvalidArgument for an unknown household; kUnavailable without standards.
Result<AidProposal> propose_for_household(Database& db, const Clock& clock, int64_t household_id,
                                          Money amount, Date on);

}  // namespace faxian::workflow
