#include "domain/person.hpp"

#include <gtest/gtest.h>

#include "domain/household.hpp"

namespace faxian {
namespace {

Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

TEST(PersonTest, FromIdTakesSexAndBirthDateFromTheNumber) {
  Person man = Person::from_id(ResidentId::parse("50024119800101001X").value(), "张三");
  EXPECT_EQ(man.sex, Sex::kMale);
  EXPECT_EQ(man.birth_date, day("1980-01-01"));
  EXPECT_EQ(man.name, "张三");
  EXPECT_FALSE(man.unregistered);
  EXPECT_FALSE(man.death_date.has_value());
  Person woman = Person::from_id(ResidentId::parse("500241199002150027").value(), "李四");
  EXPECT_EQ(woman.sex, Sex::kFemale);
}

TEST(PersonTest, AgeCountsABirthdayOnTheDayAndLeapDayOnFirstMarch) {
  Person leap = Person::from_id(ResidentId::parse("50024119720229005X").value(), "王五");
  EXPECT_EQ(leap.age_on(day("2023-02-28")), 50);
  EXPECT_EQ(leap.age_on(day("2023-03-01")), 51);
  Person person = Person::from_id(ResidentId::parse("50024119800101001X").value(), "张三");
  EXPECT_EQ(person.age_on(day("2039-12-31")), 59);
  EXPECT_EQ(person.age_on(day("2040-01-01")), 60);
}

TEST(PersonTest, APersonWhoDiedOnADayIsNotAliveThatDay) {
  Person person = Person::from_id(ResidentId::parse("500241194506060049").value(), "赵六");
  EXPECT_TRUE(person.alive_on(day("2024-05-01")));
  person.death_date = day("2024-05-01");
  EXPECT_TRUE(person.alive_on(day("2024-04-30")));
  EXPECT_FALSE(person.alive_on(day("2024-05-01")));
  EXPECT_FALSE(person.alive_on(day("2025-01-01")));
}

TEST(MembershipTest, FromIsInclusiveToIsExclusive) {
  Membership membership{
      .household_id = 1, .person_id = 7, .from = day("2020-01-01"), .to = day("2023-06-01")};
  EXPECT_FALSE(membership.active_on(day("2019-12-31")));
  EXPECT_TRUE(membership.active_on(day("2020-01-01")));
  EXPECT_TRUE(membership.active_on(day("2023-05-31")));
  EXPECT_FALSE(membership.active_on(day("2023-06-01")));
  membership.to.reset();
  EXPECT_TRUE(membership.active_on(day("2099-01-01")));
}

TEST(MembershipTest, MembersOnADateAndLivingAlone) {
  // Person 2 moves out on the day person 3 is born: leaving is applied before joining.
  std::vector<Membership> memberships = {
      {.household_id = 1, .person_id = 1, .from = day("2000-01-01")},
      {.household_id = 1, .person_id = 2, .from = day("2000-01-01"), .to = day("2010-05-01")},
      {.household_id = 1, .person_id = 3, .from = day("2010-05-01"), .to = day("2012-01-01")},
      {.household_id = 1, .person_id = 1, .from = day("2005-01-01")},  // duplicate spell
  };
  EXPECT_EQ(members_on(memberships, day("2010-04-30")), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(members_on(memberships, day("2010-05-01")), (std::vector<int64_t>{1, 3}));
  EXPECT_TRUE(members_on(memberships, day("1999-01-01")).empty());
  EXPECT_FALSE(lives_alone_on(memberships, day("2011-01-01")));
  EXPECT_TRUE(lives_alone_on(memberships, day("2012-01-01")));
}

}  // namespace
}  // namespace faxian
