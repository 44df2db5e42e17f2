// 临时救助 tracks from the standards file: 小额快救 ≤ 1 month of the 低保 standard, township
// ≤ 4 months, 一事一议 above — at each cap and one fen above, for both area types and dates.

#include "workflow/assistance/temporary_aid.hpp"

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"

namespace faxian::workflow {
namespace {

class TemporaryAidTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = load_standards_file(faxian_source_dir() + "/data/standards/chongqing.toml");
    ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
    standards_ = std::move(*loaded);
  }
  AidTrack track(AreaType area, int64_t fen, Date on = Date::parse_iso("2026-06-15").value()) {
    auto proposal = propose_temporary_aid(standards_, on, area, Money::from_fen(fen));
    EXPECT_TRUE(proposal.has_value()) << proposal.error().to_string();
    return proposal->track;
  }
  Standards standards_;
};

TEST_F(TemporaryAidTest, RuralCapsAreOneAndFourMonthsOf630) {
  EXPECT_EQ(track(AreaType::kRural, 63000), AidTrack::kQuick);
  EXPECT_EQ(track(AreaType::kRural, 63001), AidTrack::kTownship);
  EXPECT_EQ(track(AreaType::kRural, 252000), AidTrack::kTownship);
  EXPECT_EQ(track(AreaType::kRural, 252001), AidTrack::kCaseByCase);
}

TEST_F(TemporaryAidTest, UrbanCapsFollowTheUrbanStandard) {
  EXPECT_EQ(track(AreaType::kUrban, 77000), AidTrack::kQuick);
  EXPECT_EQ(track(AreaType::kUrban, 77001), AidTrack::kTownship);
  EXPECT_EQ(track(AreaType::kUrban, 308000), AidTrack::kTownship);
  EXPECT_EQ(track(AreaType::kUrban, 308001), AidTrack::kCaseByCase);
}

TEST_F(TemporaryAidTest, CapsFollowTheStandardInForceOnTheDate) {
  const Date before = Date::parse_iso("2025-06-30").value();  // rural 610 (2024-09-01 period)
  EXPECT_EQ(track(AreaType::kRural, 61000, before), AidTrack::kQuick);
  EXPECT_EQ(track(AreaType::kRural, 61001, before), AidTrack::kTownship);
  auto proposal = propose_temporary_aid(standards_, before, AreaType::kRural, Money::from_yuan(1));
  EXPECT_EQ(proposal->township_cap, Money::from_yuan(2440));
}

TEST_F(TemporaryAidTest, MonthsComeFromTheStandardsFile) {
  standards_.quick_aid_months = 2;
  standards_.township_aid_months = 6;
  EXPECT_EQ(track(AreaType::kRural, 126000), AidTrack::kQuick);
  EXPECT_EQ(track(AreaType::kRural, 378000), AidTrack::kTownship);
  EXPECT_EQ(track(AreaType::kRural, 378001), AidTrack::kCaseByCase);
}

TEST_F(TemporaryAidTest, ExplanationNamesTheFigures) {
  auto proposal = propose_temporary_aid(standards_, Date::parse_iso("2026-06-15").value(),
                                        AreaType::kRural, Money::from_yuan(3000));
  ASSERT_TRUE(proposal.has_value());
  EXPECT_NE(proposal->explanation.find("2,520.00"), std::string::npos) << proposal->explanation;
  EXPECT_NE(proposal->explanation.find("一事一议"), std::string::npos);
}

TEST_F(TemporaryAidTest, NonPositiveAmountAndMissingStandardAreErrors) {
  const Date on = Date::parse_iso("2026-06-15").value();
  EXPECT_EQ(propose_temporary_aid(standards_, on, AreaType::kRural, Money()).error().code,
            ErrorCode::kInvalidArgument);
  const Date ancient = Date::parse_iso("2010-01-01").value();
  EXPECT_EQ(propose_temporary_aid(standards_, ancient, AreaType::kRural, Money::from_yuan(1))
                .error()
                .code,
            ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace faxian::workflow
