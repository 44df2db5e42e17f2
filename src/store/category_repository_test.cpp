#include "store/category_repository.hpp"

#include <gtest/gtest.h>

#include "store/membership_repository.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::day;
using testing_support::kIdChild2010;
using testing_support::kIdMan1980;
using testing_support::StoreTest;

class CategoryRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    seed_regions();
    household_ = seed_household();
    father_ = seed_person(kIdMan1980);
    child_ = seed_person(kIdChild2010, "张小");
    MembershipRepository memberships(db());
    ASSERT_TRUE(memberships.add(
        {.household_id = household_, .person_id = father_, .from = day("2005-01-01")}));
    ASSERT_TRUE(memberships.add({.household_id = household_,
                                 .person_id = child_,
                                 .from = day("2010-03-01"),
                                 .to = day("2024-01-01")}));
  }
  int64_t household_ = 0;
  int64_t father_ = 0;
  int64_t child_ = 0;
};

TEST_P(CategoryRepositoryTest, RoundTripsHouseholdAndPersonCategories) {
  CategoryRepository repository(db(), clock_);
  Category dibao{.kind = CategoryKind::kDibao,
                 .household_id = household_,
                 .start = day("2022-01-01"),
                 .end = day("2023-12-31"),
                 .source = CategorySource::kRegistry,
                 .source_ref = "feed_registry:17"};
  auto id = repository.add(dibao);
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  dibao.id = *id;
  Category monitoring{.kind = CategoryKind::kPovertyMonitoring,
                      .person_id = father_,
                      .start = day("2023-05-01"),
                      .subtype = "unstable",
                      .source = CategorySource::kPovertyMonitoring};
  monitoring.id = repository.add(monitoring).value();
  EXPECT_EQ(repository.for_household(household_).value(), std::vector<Category>{dibao});
  EXPECT_EQ(repository.for_person(father_).value(), std::vector<Category>{monitoring});
  EXPECT_EQ(repository.active_for_person(father_, day("2023-04-30")).value().size(), 0u);
  EXPECT_EQ(repository.active_for_person(father_, day("2023-05-01")).value().size(), 1u);
  EXPECT_EQ(repository.active_on(day("2023-06-01")).value().size(), 2u);
  EXPECT_EQ(repository.active_on(day("2024-01-01")).value().size(), 1u);
}

TEST_P(CategoryRepositoryTest, HouseholdSeesCategoriesOfItsMembersOnTheDate) {
  CategoryRepository repository(db(), clock_);
  ASSERT_TRUE(repository.add({.kind = CategoryKind::kOrphanOrUnsupportedChild,
                              .person_id = child_,
                              .start = day("2020-01-01"),
                              .subtype = "unsupported_child",
                              .source = CategorySource::kRegistry}));
  ASSERT_TRUE(repository.add({.kind = CategoryKind::kTempAssisted,
                              .household_id = household_,
                              .start = day("2023-06-01"),
                              .end = day("2023-06-30"),
                              .source = CategorySource::kWorkflow}));
  EXPECT_EQ(repository.active_for_household(household_, day("2023-06-15")).value().size(), 2u);
  // The child left on 2024-01-01: their category no longer counts for the household.
  auto later = repository.active_for_household(household_, day("2024-02-01")).value();
  EXPECT_TRUE(later.empty());
  auto earlier = repository.active_for_household(household_, day("2021-01-01")).value();
  ASSERT_EQ(earlier.size(), 1u);
  EXPECT_EQ(earlier[0].subtype, "unsupported_child");
}

TEST_P(CategoryRepositoryTest, EndSetsTheLastDayAndBadCategoriesAreRefused) {
  CategoryRepository repository(db(), clock_);
  const int64_t id = repository
                         .add({.kind = CategoryKind::kDibaoEdge,
                               .household_id = household_,
                               .start = day("2023-01-01"),
                               .source = CategorySource::kManual})
                         .value();
  ASSERT_TRUE(repository.end(id, day("2023-12-31")).has_value());
  EXPECT_EQ(repository.for_household(household_).value()[0].end, day("2023-12-31"));
  EXPECT_EQ(repository.end(id, day("2022-12-31")).error().code, ErrorCode::kConstraint);
  EXPECT_EQ(repository.end(id + 9, day("2024-01-01")).error().code, ErrorCode::kNotFound);
  auto nobody = repository.add({.kind = CategoryKind::kDibao,
                                .start = day("2023-01-01"),
                                .source = CategorySource::kManual});
  ASSERT_FALSE(nobody.has_value());
  EXPECT_EQ(nobody.error().code, ErrorCode::kConstraint);
  auto unknown = repository.add({.kind = CategoryKind::kDibao,
                                 .household_id = household_ + 77,
                                 .start = day("2023-01-01"),
                                 .source = CategorySource::kManual});
  EXPECT_EQ(unknown.error().code, ErrorCode::kConstraint);
}

FAXIAN_INSTANTIATE_STORE_TEST(CategoryRepositoryTest);

}  // namespace
}  // namespace faxian
