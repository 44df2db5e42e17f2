#include "screen/household_attributes.hpp"

#include <gtest/gtest.h>

#include "store/testing/store_test_support.hpp"

namespace faxian::screen {
namespace {

using faxian::testing_support::day;
using faxian::testing_support::kIdElder1945;
using faxian::testing_support::kIdLeap1972;
using faxian::testing_support::kIdMan1980;
using faxian::testing_support::rid;

TEST(AgeBand, BoundariesInFullYears) {
  const std::vector<std::pair<int, AgeBand>> cases = {
      {-1, AgeBand::kUnknown}, {0, AgeBand::kUnder30}, {29, AgeBand::kUnder30},
      {30, AgeBand::k30To44},  {44, AgeBand::k30To44}, {45, AgeBand::k45To59},
      {59, AgeBand::k45To59},  {60, AgeBand::k60To69}, {69, AgeBand::k60To69},
      {70, AgeBand::k70To79},  {79, AgeBand::k70To79}, {80, AgeBand::k80Plus},
      {120, AgeBand::k80Plus}};
  for (const auto& [age, band] : cases)
    EXPECT_EQ(age_band_of(age), band) << age;
}

TEST(AgeBand, KeysAndLabels) {
  EXPECT_EQ(age_band_key(AgeBand::kUnder30), "0-29");
  EXPECT_EQ(age_band_label(AgeBand::kUnder30), "30岁以下");
  EXPECT_EQ(age_band_key(AgeBand::k30To44), "30-44");
  EXPECT_EQ(age_band_label(AgeBand::k45To59), "45-59岁");
  EXPECT_EQ(age_band_key(AgeBand::k80Plus), "80+");
  EXPECT_EQ(age_band_label(AgeBand::k80Plus), "80岁及以上");
  EXPECT_EQ(age_band_key(AgeBand::kUnknown), "unknown");
  EXPECT_EQ(age_band_label(AgeBand::kUnknown), "未知");
}

class HouseholdAttributesTest : public faxian::testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    seed_regions();
  }

  int64_t person(std::string_view resident_id, std::optional<Ethnicity> ethnicity) {
    Person head = Person::from_id(rid(resident_id), "张三");
    head.ethnicity = ethnicity;
    auto id = PersonRepository(db(), clock_).insert(head);
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    return id.value_or(0);
  }

  void household(std::string household_no, std::string village_code, std::optional<int64_t> head) {
    auto id = HouseholdRepository(db(), clock_)
                  .insert({.household_no = std::move(household_no),
                           .village_code = std::move(village_code),
                           .head_person_id = head});
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
  }

  HouseholdAttributes load(std::string_view as_of, const std::string& household_no) {
    auto attributes = load_household_attributes(db(), day(as_of));
    EXPECT_TRUE(attributes.has_value()) << attributes.error().to_string();
    if (!attributes || !attributes->contains(household_no)) {
      ADD_FAILURE() << "no attributes for " << household_no;
      return {};
    }
    return attributes->at(household_no);
  }
};

TEST_P(HouseholdAttributesTest, TownshipEthnicityAndAgeOfTheHead) {
  household("0001", "500241001001", person(kIdMan1980, Ethnicity::kTujia));
  const HouseholdAttributes attributes = load("2024-06-01", "0001");
  EXPECT_EQ(attributes.township_code, "500241001");
  EXPECT_EQ(attributes.township_name, "中和街道");
  EXPECT_EQ(attributes.ethnicity_key, "tujia");
  EXPECT_EQ(attributes.ethnicity_label, "土家族");
  EXPECT_EQ(attributes.age_band, AgeBand::k30To44);  // born 1980-01-01: 44
  EXPECT_EQ(load("2024-12-31", "0001").age_band, AgeBand::k30To44);
  EXPECT_EQ(load("2025-01-01", "0001").age_band, AgeBand::k45To59);
}

TEST_P(HouseholdAttributesTest, EveryStoredHouseholdIsListed) {
  household("0001", "500241001001", person(kIdMan1980, Ethnicity::kMiao));
  household("0002", "500241101200", std::nullopt);
  auto attributes = load_household_attributes(db(), day("2024-06-01"));
  ASSERT_TRUE(attributes.has_value()) << attributes.error().to_string();
  EXPECT_EQ(attributes->size(), 2u);
  EXPECT_EQ(attributes->at("0001").ethnicity_label, "苗族");
  EXPECT_EQ(attributes->at("0002").township_name, "清溪场镇");
}

TEST_P(HouseholdAttributesTest, NoHeadIsUnknownEthnicityAndAge) {
  household("0002", "500241101200", std::nullopt);
  const HouseholdAttributes attributes = load("2024-06-01", "0002");
  EXPECT_EQ(attributes.township_code, "500241101");
  EXPECT_EQ(attributes.township_name, "清溪场镇");
  EXPECT_EQ(attributes.ethnicity_key, "unknown");
  EXPECT_EQ(attributes.ethnicity_label, "未知");
  EXPECT_EQ(attributes.age_band, AgeBand::kUnknown);
}

TEST_P(HouseholdAttributesTest, HeadWithoutEthnicityIsUnknownButHasAnAge) {
  household("0003", "500241101200", person(kIdElder1945, std::nullopt));
  const HouseholdAttributes attributes = load("2024-06-01", "0003");
  EXPECT_EQ(attributes.ethnicity_label, "未知");
  EXPECT_EQ(attributes.age_band, AgeBand::k70To79);  // born 1945-06-06: 78
  EXPECT_EQ(load("2025-06-05", "0003").age_band, AgeBand::k70To79);
  EXPECT_EQ(load("2025-06-06", "0003").age_band, AgeBand::k80Plus);
}

TEST_P(HouseholdAttributesTest, LeapDayBirthdayCountsOnTheFirstOfMarch) {
  household("0004", "500241001001", person(kIdLeap1972, Ethnicity::kHan));
  EXPECT_EQ(load("2002-02-28", "0004").age_band, AgeBand::kUnder30);
  EXPECT_EQ(load("2002-03-01", "0004").age_band, AgeBand::k30To44);
  EXPECT_EQ(load("1971-01-01", "0004").age_band, AgeBand::kUnknown);  // not yet born
}

TEST_P(HouseholdAttributesTest, UnknownEthnicityKeyInTheStoreIsUnknown) {
  const int64_t head = person(kIdMan1980, Ethnicity::kTujia);
  household("0005", "500241001001", head);
  ASSERT_TRUE(db().run("UPDATE persons SET ethnicity = 'martian'").has_value());
  EXPECT_EQ(load("2024-06-01", "0005").ethnicity_key, "unknown");
}

TEST_P(HouseholdAttributesTest, EmptyStoreIsAnEmptyMap) {
  auto attributes = load_household_attributes(db(), day("2024-06-01"));
  ASSERT_TRUE(attributes.has_value()) << attributes.error().to_string();
  EXPECT_TRUE(attributes->empty());
}

FAXIAN_INSTANTIATE_STORE_TEST(HouseholdAttributesTest);

}  // namespace
}  // namespace faxian::screen
