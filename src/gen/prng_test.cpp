#include "gen/prng.hpp"

#include <set>

#include <gtest/gtest.h>

namespace faxian::gen {
namespace {

TEST(Prng, SplitMixMatchesTheReferenceSequence) {
  uint64_t state = 0;
  EXPECT_EQ(splitmix64_next(state), 0xe220a8397b1dcdafULL);  // published first output for seed 0
}

TEST(Prng, XoshiroGivesTheSameNumbersOnEveryPlatform) {
  // Values from an independent Python implementation of SplitMix64 seeding + xoshiro256**.
  Rng rng(42);
  EXPECT_EQ(rng.next(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(rng.next(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(rng.next(), 0xae17533239e499a1ULL);
  Rng zero(0);
  EXPECT_EQ(zero.next(), 0x99ec5f36cb75f2b4ULL);
  EXPECT_EQ(zero.next(), 0xbf6e1f784956452aULL);
}

TEST(Prng, StreamsAreReproducibleAndIndependent) {
  Rng a = Rng::for_stream(7, Stream::kRecords, 12, 0);
  Rng b = Rng::for_stream(7, Stream::kRecords, 12, 0);
  Rng c = Rng::for_stream(7, Stream::kRecords, 13, 0);
  Rng d = Rng::for_stream(8, Stream::kRecords, 12, 0);
  Rng e = Rng::for_stream(7, Stream::kPlan, 12, 0);
  const uint64_t first = a.next();
  EXPECT_EQ(first, b.next());
  EXPECT_NE(first, c.next());
  EXPECT_NE(first, d.next());
  EXPECT_NE(first, e.next());
}

TEST(Prng, BelowAndBetweenStayInRangeAndCoverIt) {
  Rng rng(1);
  std::set<int64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    const uint64_t value = rng.below(7);
    ASSERT_LT(value, 7u);
    const int64_t ranged = rng.between(-3, 3);
    ASSERT_GE(ranged, -3);
    ASSERT_LE(ranged, 3);
    seen.insert(ranged);
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(rng.between(5, 5), 5);
}

TEST(Prng, UnitChanceAndSkewedLow) {
  Rng rng(3);
  int hits = 0;
  for (int i = 0; i < 20000; ++i) {
    const double u = rng.unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    if (rng.chance(0.25))
      ++hits;
    const int64_t skewed = rng.skewed_low(10, 20);
    ASSERT_GE(skewed, 10);
    ASSERT_LE(skewed, 20);
  }
  EXPECT_GT(hits, 4500);
  EXPECT_LT(hits, 5500);
  EXPECT_FALSE(rng.chance(0));
  EXPECT_TRUE(rng.chance(1));
}

TEST(Prng, WeightedAndCumulativeFollowTheWeights) {
  Rng rng(5);
  const uint32_t weights[] = {0, 1, 3};
  const uint64_t upper[] = {1, 4};
  int counts[3] = {0, 0, 0};
  int cumulative[2] = {0, 0};
  for (int i = 0; i < 8000; ++i) {
    ++counts[rng.weighted(weights)];
    ++cumulative[rng.cumulative(upper)];
  }
  EXPECT_EQ(counts[0], 0);
  EXPECT_GT(counts[2], 2 * counts[1]);
  EXPECT_GT(cumulative[1], 2 * cumulative[0]);
}

}  // namespace
}  // namespace faxian::gen
