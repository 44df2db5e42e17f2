#pragma once
// The enumerations of applications and money (40-workflow.md "Applications"): every value has a
// stable English key (what the store and JSON write) and a Chinese label (what officers read).

#include <cstdint>
#include <optional>

#include "domain/enum_table.hpp"

namespace faxian {

// 救助申请类型. 临时救助 is split into 急难型 and 支出型; 低保边缘 may be applied for on its
// own (an approved one adds the dibao_edge category).
enum class ApplicationKind : uint8_t {
  kDibao,                 // 低保
  kTekun,                 // 特困供养
  kDibaoEdge,             // 低保边缘认定
  kTemporaryEmergency,    // 临时救助（急难型）
  kTemporaryExpenditure,  // 临时救助（支出型）
  kMedical,               // 医疗救助
  kEducation,             // 教育救助
  kHousing,               // 住房救助
  kEmployment,            // 就业救助
  kOther,                 // 其他
};
FAXIAN_DECLARE_ENUM_TABLE(ApplicationKind, "申请类型", std::nullopt);

enum class ApplicationStatus : uint8_t {
  kSubmitted,      // 已受理
  kInvestigating,  // 入户调查
  kEconomicCheck,  // 家庭经济状况核对
  kPublicNotice,   // 公示 (低保/特困 only)
  kDecided,        // 已审批（批准/不予批准）
  kInPayment,      // 发放中
  kEnded,          // 退出
};
FAXIAN_DECLARE_ENUM_TABLE(ApplicationStatus, "申请状态", std::nullopt);

enum class ApplicationDecision : uint8_t { kApproved, kRejected };
FAXIAN_DECLARE_ENUM_TABLE(ApplicationDecision, "审批结果", std::nullopt);

// The eligibility check's recommendation.
enum class Recommendation : uint8_t { kEligible, kNotEligible, kManualReview };
FAXIAN_DECLARE_ENUM_TABLE(Recommendation, "核对建议", std::nullopt);

// What an eligibility check judges: the four recognitions the data can decide.
enum class Programme : uint8_t { kDibao, kDibaoEdge, kExpenditureHardship, kTekun };
FAXIAN_DECLARE_ENUM_TABLE(Programme, "救助项目", std::nullopt);

// 临时救助 approval track by amount: 小额快救, 乡镇审批, 一事一议 (county).
enum class AidTrack : uint8_t { kQuick, kTownship, kCaseByCase };
FAXIAN_DECLARE_ENUM_TABLE(AidTrack, "临时救助审批层级", std::nullopt);

enum class AidRequestStatus : uint8_t { kRequested, kApproved, kRejected };
FAXIAN_DECLARE_ENUM_TABLE(AidRequestStatus, "临时救助请示状态", std::nullopt);

enum class PaymentMethod : uint8_t { kBankTransfer, kCash, kInKind };
FAXIAN_DECLARE_ENUM_TABLE(PaymentMethod, "发放方式", std::nullopt);

// Where the money came from: the regular budget, the township reserve fund (先行救助), or a
// county 一事一议 approval.
enum class PaymentSource : uint8_t { kRegular, kReserveFund, kCaseByCase };
FAXIAN_DECLARE_ENUM_TABLE(PaymentSource, "资金来源", std::nullopt);

enum class ReserveEntryKind : uint8_t { kTopUp, kPayment };
FAXIAN_DECLARE_ENUM_TABLE(ReserveEntryKind, "备用金变动类型", std::nullopt);

// Whether a kind goes through the means-tested 低保/特困 procedure (公示, 25/40 working days).
bool is_dibao_procedure(ApplicationKind kind);
// 临时救助 (either type).
bool is_temporary(ApplicationKind kind);
// The programme an application kind is judged against; nullopt for kinds without a means test
// computed from the data (医疗/教育/住房/就业/其他 救助 are decided by their departments' rules).
std::optional<Programme> programme_of(ApplicationKind kind);

}  // namespace faxian
