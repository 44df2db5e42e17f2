// Households and their dated memberships.

#include "store/household_repository.hpp"

#include <gtest/gtest.h>

#include "store/membership_repository.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::day;
using testing_support::kIdChild2010;
using testing_support::kIdMan1980;
using testing_support::kIdWoman1990;
using testing_support::StoreTest;

class HouseholdRepositoryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    seed_regions();
  }
};

TEST_P(HouseholdRepositoryTest, RoundTripsAndFindsByNumber) {
  HouseholdRepository repository(db(), clock_);
  const int64_t head = seed_person(kIdMan1980);
  Household household{.household_no = "5002411012000007",
                      .village_code = "500241101200",
                      .address = "大寨村三组",
                      .head_person_id = head};
  auto id = repository.insert(household);
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  household.id = *id;
  EXPECT_EQ(repository.find(*id).value(), household);
  EXPECT_EQ(repository.find_by_number("5002411012000007").value(), household);
  EXPECT_FALSE(repository.find_by_number("nope").value().has_value());
  EXPECT_EQ(repository.list_by_village("500241101200").value().size(), 1u);
  EXPECT_TRUE(repository.list_by_village("500241001001").value().empty());
  EXPECT_EQ(repository.count().value(), 1);
}

TEST_P(HouseholdRepositoryTest, UpsertUpdatesAndSetHeadChangesTheHead) {
  HouseholdRepository repository(db(), clock_);
  const int64_t id = seed_household("H1");
  auto upserted = repository.upsert(
      {.household_no = "H1", .village_code = "500241101200", .address = "新地址"});
  ASSERT_TRUE(upserted.has_value()) << upserted.error().to_string();
  EXPECT_EQ(*upserted, id);
  EXPECT_EQ(repository.find(id).value()->address, "新地址");
  const int64_t head = seed_person(kIdWoman1990);
  ASSERT_TRUE(repository.set_head(id, head).has_value());
  EXPECT_EQ(repository.find(id).value()->head_person_id, head);
  auto unknown_head = repository.set_head(id, head + 100);
  ASSERT_FALSE(unknown_head.has_value());
  EXPECT_EQ(unknown_head.error().code, ErrorCode::kConstraint);
  EXPECT_EQ(repository.set_head(id + 100, head).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repository.list_all().value().size(), 1u);
}

TEST_P(HouseholdRepositoryTest, UnknownVillageAndDuplicateNumberAreRefused) {
  HouseholdRepository repository(db(), clock_);
  auto unknown_village = repository.insert({.household_no = "H2", .village_code = "500241999999"});
  ASSERT_FALSE(unknown_village.has_value());
  EXPECT_EQ(unknown_village.error().code, ErrorCode::kConstraint);
  seed_household("H3");
  auto duplicate = repository.insert({.household_no = "H3", .village_code = "500241001001"});
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
}

class MembershipRepositoryTest : public HouseholdRepositoryTest {};

TEST_P(MembershipRepositoryTest, RoundTripsAndAnswersWhoBelongsOnADate) {
  const int64_t household = seed_household();
  const int64_t father = seed_person(kIdMan1980);
  const int64_t child = seed_person(kIdChild2010, "张小");
  MembershipRepository repository(db());
  Membership father_membership{.household_id = household,
                               .person_id = father,
                               .from = day("2005-01-01"),
                               .relation = Relation::kHead};
  auto father_id = repository.add(father_membership);
  ASSERT_TRUE(father_id.has_value()) << father_id.error().to_string();
  father_membership.id = *father_id;
  const int64_t child_id = repository
                               .add({.household_id = household,
                                     .person_id = child,
                                     .from = day("2010-03-01"),
                                     .to = day("2028-09-01"),
                                     .relation = Relation::kSon})
                               .value();
  EXPECT_EQ(repository.for_household(household).value().size(), 2u);
  EXPECT_EQ(repository.for_person(father).value(), std::vector<Membership>{father_membership});
  EXPECT_EQ(repository.active_in_household(household, day("2009-12-31")).value().size(), 1u);
  EXPECT_EQ(repository.active_in_household(household, day("2010-03-01")).value().size(), 2u);
  EXPECT_EQ(repository.active_in_household(household, day("2028-09-01")).value().size(), 1u);
  ASSERT_TRUE(repository.end(child_id, day("2024-06-01")).has_value());
  EXPECT_FALSE(repository.active_for_person(child, day("2024-06-01")).value().has_value());
  auto active = repository.active_for_person(child, day("2024-05-31")).value();
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ(active->to, day("2024-06-01"));
  EXPECT_EQ(repository.list_all().value().size(), 2u);
}

TEST_P(MembershipRepositoryTest, AMembershipToAnUnknownHouseholdIsAConstraintError) {
  const int64_t person = seed_person(kIdMan1980);
  MembershipRepository repository(db());
  auto added =
      repository.add({.household_id = 4242, .person_id = person, .from = day("2020-01-01")});
  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().code, ErrorCode::kConstraint);
  EXPECT_FALSE(added.error().message.empty());
  EXPECT_TRUE(repository.list_all().value().empty());
}

TEST_P(MembershipRepositoryTest, LeavingBeforeJoiningIsRefused) {
  const int64_t household = seed_household();
  const int64_t person = seed_person(kIdMan1980);
  MembershipRepository repository(db());
  auto backwards = repository.add({.household_id = household,
                                   .person_id = person,
                                   .from = day("2020-01-01"),
                                   .to = day("2019-01-01")});
  ASSERT_FALSE(backwards.has_value());
  EXPECT_EQ(backwards.error().code, ErrorCode::kConstraint);
  const int64_t id =
      repository.add({.household_id = household, .person_id = person, .from = day("2020-01-01")})
          .value();
  EXPECT_EQ(repository.end(id, day("2019-12-31")).error().code, ErrorCode::kConstraint);
  EXPECT_EQ(repository.end(id + 10, day("2021-01-01")).error().code, ErrorCode::kNotFound);
}

FAXIAN_INSTANTIATE_STORE_TEST(HouseholdRepositoryTest);
FAXIAN_INSTANTIATE_STORE_TEST(MembershipRepositoryTest);

}  // namespace
}  // namespace faxian
