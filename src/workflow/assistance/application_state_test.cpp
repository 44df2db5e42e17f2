// The application state machine: the straight line, the shortcuts of 临时救助, 公示 only for
// 低保/特困, and what is never allowed.

#include "workflow/assistance/application_state.hpp"

#include <gtest/gtest.h>

namespace faxian::workflow {
namespace {

using K = ApplicationKind;
using S = ApplicationStatus;
constexpr auto kApproved = ApplicationDecision::kApproved;
constexpr auto kRejected = ApplicationDecision::kRejected;

TEST(ApplicationState, DibaoFollowsTheWholeLine) {
  EXPECT_TRUE(is_legal_transition(K::kDibao, S::kSubmitted, S::kInvestigating, std::nullopt));
  EXPECT_TRUE(is_legal_transition(K::kDibao, S::kInvestigating, S::kEconomicCheck, std::nullopt));
  EXPECT_TRUE(is_legal_transition(K::kDibao, S::kEconomicCheck, S::kPublicNotice, std::nullopt));
  EXPECT_TRUE(is_legal_transition(K::kDibao, S::kPublicNotice, S::kDecided, std::nullopt));
  EXPECT_TRUE(is_legal_transition(K::kDibao, S::kDecided, S::kInPayment, kApproved));
  EXPECT_TRUE(is_legal_transition(K::kDibao, S::kInPayment, S::kEnded, kApproved));
}

TEST(ApplicationState, DibaoAndTekunCannotSkipPublicNotice) {
  for (K kind : {K::kDibao, K::kTekun}) {
    EXPECT_FALSE(is_legal_transition(kind, S::kEconomicCheck, S::kDecided, std::nullopt));
    EXPECT_FALSE(is_legal_transition(kind, S::kSubmitted, S::kDecided, std::nullopt));
  }
}

TEST(ApplicationState, OnlyDibaoAndTekunHavePublicNotice) {
  for (K kind : {K::kMedical, K::kTemporaryEmergency, K::kDibaoEdge, K::kOther}) {
    EXPECT_FALSE(is_legal_transition(kind, S::kEconomicCheck, S::kPublicNotice, std::nullopt));
    EXPECT_TRUE(is_legal_transition(kind, S::kEconomicCheck, S::kDecided, std::nullopt));
  }
}

TEST(ApplicationState, TemporaryAidMayBeDecidedAtOnce) {
  EXPECT_TRUE(is_legal_transition(K::kTemporaryEmergency, S::kSubmitted, S::kDecided, {}));
  EXPECT_TRUE(is_legal_transition(K::kTemporaryExpenditure, S::kSubmitted, S::kDecided, {}));
  EXPECT_FALSE(is_legal_transition(K::kMedical, S::kSubmitted, S::kDecided, {}));
}

TEST(ApplicationState, PaymentNeedsApproval) {
  EXPECT_FALSE(is_legal_transition(K::kDibao, S::kDecided, S::kInPayment, kRejected));
  EXPECT_FALSE(is_legal_transition(K::kDibao, S::kDecided, S::kInPayment, std::nullopt));
}

TEST(ApplicationState, NothingLeavesEndedAndNoStepIsSkippedBackwards) {
  for (int to = 0; to <= static_cast<int>(S::kEnded); ++to)
    EXPECT_FALSE(is_legal_transition(K::kDibao, S::kEnded, static_cast<S>(to), kApproved));
  EXPECT_FALSE(is_legal_transition(K::kDibao, S::kDecided, S::kInvestigating, kApproved));
  EXPECT_FALSE(is_legal_transition(K::kDibao, S::kInPayment, S::kDecided, kApproved));
  EXPECT_FALSE(is_legal_transition(K::kDibao, S::kSubmitted, S::kEconomicCheck, std::nullopt));
}

TEST(ApplicationState, ObjectionDuringNoticeGoesBackToInvestigation) {
  EXPECT_TRUE(is_legal_transition(K::kTekun, S::kPublicNotice, S::kInvestigating, std::nullopt));
}

TEST(ApplicationState, IllegalMoveIsAnErrorInChinese) {
  auto result = check_transition(K::kDibao, S::kSubmitted, S::kInPayment, std::nullopt);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(result.error().message.find("已受理"), std::string::npos);
  EXPECT_NE(result.error().message.find("发放中"), std::string::npos);
}

}  // namespace
}  // namespace faxian::workflow
