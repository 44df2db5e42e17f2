#include "workflow/assistance/assistance_enums.hpp"

namespace faxian {
namespace {

using K = ApplicationKind;
constexpr EnumEntry<ApplicationKind> kKinds[] = {
    {K::kDibao, "dibao", "低保", "dibao", ""},
    {K::kTekun, "tekun", "特困供养", "tekun", ""},
    {K::kDibaoEdge, "dibao_edge", "低保边缘认定", "dibao_edge", ""},
    {K::kTemporaryEmergency, "temporary_emergency", "临时救助（急难型）", "temporary_emergency",
     ""},
    {K::kTemporaryExpenditure, "temporary_expenditure", "临时救助（支出型）",
     "temporary_expenditure", ""},
    {K::kMedical, "medical", "医疗救助", "medical", ""},
    {K::kEducation, "education", "教育救助", "education", ""},
    {K::kHousing, "housing", "住房救助", "housing", ""},
    {K::kEmployment, "employment", "就业救助", "employment", ""},
    {K::kOther, "other", "其他", "other", ""},
};

using S = ApplicationStatus;
constexpr EnumEntry<ApplicationStatus> kStatuses[] = {
    {S::kSubmitted, "submitted", "已受理", "submitted", ""},
    {S::kInvestigating, "investigating", "入户调查", "investigating", ""},
    {S::kEconomicCheck, "economic_check", "家庭经济状况核对", "economic_check", ""},
    {S::kPublicNotice, "public_notice", "公示", "public_notice", ""},
    {S::kDecided, "decided", "已审批", "decided", ""},
    {S::kInPayment, "in_payment", "发放中", "in_payment", ""},
    {S::kEnded, "ended", "退出", "ended", ""},
};

constexpr EnumEntry<ApplicationDecision> kDecisions[] = {
    {ApplicationDecision::kApproved, "approved", "批准", "approved", ""},
    {ApplicationDecision::kRejected, "rejected", "不予批准", "rejected", ""},
};

constexpr EnumEntry<Recommendation> kRecommendations[] = {
    {Recommendation::kEligible, "eligible", "符合条件", "eligible", ""},
    {Recommendation::kNotEligible, "not_eligible", "不符合条件", "not_eligible", ""},
    {Recommendation::kManualReview, "manual_review", "需人工研判", "manual_review", ""},
};

constexpr EnumEntry<Programme> kProgrammes[] = {
    {Programme::kDibao, "dibao", "低保", "dibao", ""},
    {Programme::kDibaoEdge, "dibao_edge", "低保边缘", "dibao_edge", ""},
    {Programme::kExpenditureHardship, "expenditure_hardship", "刚性支出困难",
     "expenditure_hardship", ""},
    {Programme::kTekun, "tekun", "特困供养", "tekun", ""},
};

constexpr EnumEntry<AidTrack> kTracks[] = {
    {AidTrack::kQuick, "quick", "小额快救", "quick", ""},
    {AidTrack::kTownship, "township", "乡镇审批", "township", ""},
    {AidTrack::kCaseByCase, "case_by_case", "一事一议", "case_by_case", ""},
};

constexpr EnumEntry<AidRequestStatus> kRequestStatuses[] = {
    {AidRequestStatus::kRequested, "requested", "待审批", "requested", ""},
    {AidRequestStatus::kApproved, "approved", "已批准", "approved", ""},
    {AidRequestStatus::kRejected, "rejected", "不予批准", "rejected", ""},
};

constexpr EnumEntry<PaymentMethod> kMethods[] = {
    {PaymentMethod::kBankTransfer, "bank_transfer", "银行代发", "bank_transfer", ""},
    {PaymentMethod::kCash, "cash", "现金", "cash", ""},
    {PaymentMethod::kInKind, "in_kind", "实物", "in_kind", ""},
};

constexpr EnumEntry<PaymentSource> kSources[] = {
    {PaymentSource::kRegular, "regular", "常规资金", "regular", ""},
    {PaymentSource::kReserveFund, "reserve_fund", "乡镇备用金", "reserve_fund", ""},
    {PaymentSource::kCaseByCase, "case_by_case", "一事一议资金", "case_by_case", ""},
};

constexpr EnumEntry<ReserveEntryKind> kEntryKinds[] = {
    {ReserveEntryKind::kTopUp, "top_up", "拨付", "top_up", ""},
    {ReserveEntryKind::kPayment, "payment", "支出", "payment", ""},
};

}  // namespace

std::span<const EnumEntry<ApplicationKind>> EnumTable<ApplicationKind>::entries() {
  return kKinds;
}
std::span<const EnumEntry<ApplicationStatus>> EnumTable<ApplicationStatus>::entries() {
  return kStatuses;
}
std::span<const EnumEntry<ApplicationDecision>> EnumTable<ApplicationDecision>::entries() {
  return kDecisions;
}
std::span<const EnumEntry<Recommendation>> EnumTable<Recommendation>::entries() {
  return kRecommendations;
}
std::span<const EnumEntry<Programme>> EnumTable<Programme>::entries() {
  return kProgrammes;
}
std::span<const EnumEntry<AidTrack>> EnumTable<AidTrack>::entries() {
  return kTracks;
}
std::span<const EnumEntry<AidRequestStatus>> EnumTable<AidRequestStatus>::entries() {
  return kRequestStatuses;
}
std::span<const EnumEntry<PaymentMethod>> EnumTable<PaymentMethod>::entries() {
  return kMethods;
}
std::span<const EnumEntry<PaymentSource>> EnumTable<PaymentSource>::entries() {
  return kSources;
}
std::span<const EnumEntry<ReserveEntryKind>> EnumTable<ReserveEntryKind>::entries() {
  return kEntryKinds;
}

bool is_dibao_procedure(ApplicationKind kind) {
  return kind == ApplicationKind::kDibao || kind == ApplicationKind::kTekun;
}

bool is_temporary(ApplicationKind kind) {
  return kind == ApplicationKind::kTemporaryEmergency ||
         kind == ApplicationKind::kTemporaryExpenditure;
}

std::optional<Programme> programme_of(ApplicationKind kind) {
  switch (kind) {
    case ApplicationKind::kDibao:
      return Programme::kDibao;
    case ApplicationKind::kTekun:
      return Programme::kTekun;
    case ApplicationKind::kDibaoEdge:
      return Programme::kDibaoEdge;
    case ApplicationKind::kTemporaryExpenditure:
      return Programme::kExpenditureHardship;
    default:
      return std::nullopt;
  }
}

}  // namespace faxian
