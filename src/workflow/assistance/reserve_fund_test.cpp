// The township reserve fund (备用金): top-ups, payments, balance from the row and from the
// ledger, an insufficient balance refused with nothing written, funds kept per township.

#include "workflow/assistance/reserve_fund.hpp"
#include "workflow/leads/audit_log.hpp"

#include <gtest/gtest.h>

#include "workflow/assistance/assistance_test_support.hpp"

namespace faxian::workflow {
namespace {

using testing_support::AssistanceTest;

class ReserveFundTest : public AssistanceTest {
 protected:
  Actor actor_ = Actor::system();
};

TEST_F(ReserveFundTest, TopUpsAndPaymentsKeepBalanceAndLedgerInStep) {
  ReserveFund fund(db(), clock_);
  auto first =
      fund.top_up(actor_, "500241002", Money::from_yuan(10000), day("2026-01-05"), "年初拨付");
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  EXPECT_EQ(first->balance_after, Money::from_yuan(10000));
  auto paid = fund.pay(actor_, "500241002", Money::from_fen(250050), day("2026-03-01"),
                       std::nullopt, "先行救助");
  ASSERT_TRUE(paid.has_value()) << paid.error().to_string();
  EXPECT_EQ(paid->kind, ReserveEntryKind::kPayment);
  EXPECT_EQ(paid->balance_after, Money::from_fen(749950));
  ASSERT_TRUE(
      fund.top_up(actor_, "500241002", Money::from_yuan(50), day("2026-03-02"), "").has_value());
  EXPECT_EQ(fund.balance("500241002").value(), Money::from_fen(754950));
  EXPECT_EQ(fund.ledger_balance("500241002").value(), Money::from_fen(754950));
  auto ledger = fund.ledger("500241002").value();
  ASSERT_EQ(ledger.size(), 3u);
  EXPECT_EQ(ledger[0].kind, ReserveEntryKind::kTopUp);
  EXPECT_EQ(ledger[1].amount, Money::from_fen(250050));
  EXPECT_EQ(ledger[2].balance_after, Money::from_fen(754950));
  // Every movement is also in the audit log, and the chain holds.
  AuditLog audit(db(), clock_);
  auto entries = audit.for_object("reserve_fund", "500241002");
  ASSERT_TRUE(entries.has_value()) << entries.error().to_string();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[1].entry.action, "reserve_fund.payment");
  EXPECT_EQ((*entries)[1].entry.reason, "先行救助");
  EXPECT_FALSE(audit.verify()->first_bad_id.has_value());
}

TEST_F(ReserveFundTest, InsufficientBalanceIsRefusedAndNothingIsWritten) {
  ReserveFund fund(db(), clock_);
  ASSERT_TRUE(
      fund.top_up(actor_, "500241002", Money::from_yuan(1000), day("2026-01-05"), "").has_value());
  auto over =
      fund.pay(actor_, "500241002", Money::from_fen(100001), day("2026-03-01"), std::nullopt, "");
  ASSERT_FALSE(over.has_value());
  EXPECT_EQ(over.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(over.error().message.find("1,000.00"), std::string::npos) << over.error().message;
  EXPECT_EQ(fund.balance("500241002").value(), Money::from_yuan(1000));
  EXPECT_EQ(fund.ledger("500241002")->size(), 1u);
  auto exact =
      fund.pay(actor_, "500241002", Money::from_yuan(1000), day("2026-03-01"), std::nullopt, "");
  ASSERT_TRUE(exact.has_value()) << exact.error().to_string();
  EXPECT_EQ(fund.balance("500241002").value(), Money());
}

TEST_F(ReserveFundTest, FundNeverOpenedCannotPay) {
  ReserveFund fund(db(), clock_);
  auto paid =
      fund.pay(actor_, "500241003", Money::from_yuan(1), day("2026-03-01"), std::nullopt, "");
  EXPECT_EQ(paid.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(fund.balance("500241003").value(), Money());
}

TEST_F(ReserveFundTest, FundsAreKeptPerTownship) {
  ReserveFund fund(db(), clock_);
  ASSERT_TRUE(
      fund.top_up(actor_, "500241002", Money::from_yuan(500), day("2026-01-05"), "").has_value());
  ASSERT_TRUE(
      fund.top_up(actor_, "500241003", Money::from_yuan(700), day("2026-01-05"), "").has_value());
  ASSERT_TRUE(
      fund.pay(actor_, "500241003", Money::from_yuan(600), day("2026-01-06"), std::nullopt, "")
          .has_value());
  EXPECT_EQ(fund.balance("500241002").value(), Money::from_yuan(500));
  EXPECT_EQ(fund.balance("500241003").value(), Money::from_yuan(100));
  EXPECT_FALSE(
      fund.pay(actor_, "500241003", Money::from_yuan(101), day("2026-01-07"), std::nullopt, "")
          .has_value());
}

TEST_F(ReserveFundTest, BadAmountsAndCodesAreRejected) {
  ReserveFund fund(db(), clock_);
  EXPECT_EQ(fund.top_up(actor_, "500241002", Money(), day("2026-01-05"), "").error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      fund.top_up(actor_, "500241002", Money::from_fen(-1), day("2026-01-05"), "").error().code,
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      fund.top_up(actor_, "500241002200", Money::from_yuan(1), day("2026-01-05"), "").error().code,
      ErrorCode::kInvalidArgument);  // a village, not a township
  EXPECT_EQ(
      fund.pay(actor_, "500241002", Money(), day("2026-01-05"), std::nullopt, "").error().code,
      ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace faxian::workflow
