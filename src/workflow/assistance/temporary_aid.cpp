#include "workflow/assistance/temporary_aid.hpp"

#include <fmt/format.h>

#include "store/household_repository.hpp"
#include "store/region_repository.hpp"
#include "store/standards_repository.hpp"

namespace faxian::workflow {

Result<Money> township_aid_cap(const Standards& standards, Date on, AreaType area) {
  Money standard;
  FAXIAN_TRY_ASSIGN(standard, standards.dibao_on(on, area));
  return standard * standards.township_aid_months;
}

Result<AidProposal> propose_temporary_aid(const Standards& standards, Date on, AreaType area,
                                          Money amount) {
  if (amount.fen() <= 0)
    return fail(ErrorCode::kInvalidArgument, "临时救助金额必须大于 0",
                fmt::format("temporary aid amount {} fen", amount.fen()));
  AidProposal proposal;
  proposal.amount = amount;
  FAXIAN_TRY_ASSIGN(proposal.standard, standards.dibao_on(on, area));
  proposal.quick_cap = proposal.standard * standards.quick_aid_months;
  proposal.township_cap = proposal.standard * standards.township_aid_months;
  const std::string area_word = area == AreaType::kUrban ? "城市" : "农村";
  if (amount <= proposal.quick_cap) {
    proposal.track = AidTrack::kQuick;
    proposal.explanation = fmt::format(
        "申请金额 {} 元，不超过{}低保标准 {} 元的 {} 个月（{} 元），可按小额快救办理，"
        "免于家庭经济状况核对，3 日内办结",
        amount.yuan_display(), area_word, proposal.standard.yuan_display(),
        standards.quick_aid_months, proposal.quick_cap.yuan_display());
  } else if (amount <= proposal.township_cap) {
    proposal.track = AidTrack::kTownship;
    proposal.explanation = fmt::format(
        "申请金额 {} 元，超过小额快救上限 {} 元，不超过{}低保标准的 {} 个月（{} 元），"
        "由乡镇（街道）审批",
        amount.yuan_display(), proposal.quick_cap.yuan_display(), area_word,
        standards.township_aid_months, proposal.township_cap.yuan_display());
  } else {
    proposal.track = AidTrack::kCaseByCase;
    proposal.explanation = fmt::format(
        "申请金额 {} 元，超过乡镇审批上限 {} 元（{}低保标准的 {} 个月），须报县级一事一议审批",
        amount.yuan_display(), proposal.township_cap.yuan_display(), area_word,
        standards.township_aid_months);
  }
  return proposal;
}

Result<AidProposal> propose_for_household(Database& db, const Clock& clock, int64_t household_id,
                                          Money amount, Date on) {
  std::optional<Household> household;
  FAXIAN_TRY_ASSIGN(household, HouseholdRepository(db, clock).find(household_id));
  if (!household)
    return fail(ErrorCode::kInvalidArgument, "申请家庭不存在",
                fmt::format("household {} not found", household_id));
  std::optional<Region> village;
  FAXIAN_TRY_ASSIGN(village, RegionRepository(db).find(household->village_code));
  if (!village || village->level != RegionLevel::kVillage)
    return fail(ErrorCode::kCorrupt, "家庭所在村（社区）不存在", "household village not found");
  Standards standards;
  FAXIAN_TRY_ASSIGN(standards, StandardsRepository(db, clock).load_latest());
  return propose_temporary_aid(standards, on, village->area_type(), amount);
}

}  // namespace faxian::workflow
