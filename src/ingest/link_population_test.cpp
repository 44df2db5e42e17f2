// The 户籍 feed keeps persons, households and memberships (30-screening.md "Precise readings"),
// through whole imports: registration, heads, moves, deaths, unknown villages, re-imports and
// the order rows arrive in.

#include "ingest/link_population.hpp"

#include <gtest/gtest.h>

#include "ingest/import_test_support.hpp"
#include "store/household_repository.hpp"
#include "store/membership_repository.hpp"
#include "store/person_repository.hpp"

namespace faxian::ingest {
namespace {

using testing_support::day;
using testing_support::ImportTest;
using testing_support::valid_id;

constexpr std::string_view kHeader =
    "户号,身份证号,姓名,与户主关系,村社区代码,住址,民族,户口性质,联系电话,变动类型,变动日期\n";

const std::string kHead = valid_id("19600110", 31);
const std::string kSpouse = valid_id("19620220", 42);
const std::string kChild = valid_id("19900303", 53);

std::string line(std::string_view household, const std::string& id, std::string_view name,
                 std::string_view relation, std::string_view change, std::string_view date,
                 std::string_view village = "500241001001") {
  return fmt::format("{},{},{},{},{},东风路1号,土家族,居民,13800001111,{},{}\n", household, id,
                     name, relation, village, change, date);
}

std::string family() {
  return std::string(kHeader) + line("H1", kHead, "张大", "户主", "新增", "1995-01-01") +
         line("H1", kSpouse, "李二", "配偶", "新增", "1995-01-01") +
         line("H1", kChild, "张小", "子", "新增", "1995-01-01");
}

class PopulationLinkTest : public ImportTest {
 protected:
  int64_t person(const std::string& id) {
    auto found = PersonRepository(db(), clock_).find_by_resident_id(ResidentId::parse(id).value());
    EXPECT_TRUE(found.has_value() && found->has_value());
    return found && *found ? (*found)->id : 0;
  }
  std::vector<Membership> memberships_of(const std::string& id) {
    return MembershipRepository(db()).for_person(person(id)).value();
  }
  Household household(std::string_view number) {
    auto found = HouseholdRepository(db(), clock_).find_by_number(number).value();
    EXPECT_TRUE(found.has_value()) << number;
    return found.value_or(Household{});
  }
};

TEST_P(PopulationLinkTest, AFamilyBecomesAHouseholdWithItsHeadAndMembers) {
  const ImportOutcome outcome = import_text(FeedKind::kPopulation, family());
  EXPECT_EQ(outcome.batch.imported, 3);
  const Household h1 = household("H1");
  EXPECT_EQ(h1.village_code, "500241001001");
  EXPECT_EQ(h1.address, "东风路1号");
  EXPECT_EQ(h1.head_person_id, person(kHead));
  ASSERT_EQ(memberships_of(kChild).size(), 1u);
  EXPECT_EQ(memberships_of(kChild)[0].from, day("1995-01-01"));
  EXPECT_FALSE(memberships_of(kChild)[0].to);
  EXPECT_EQ(memberships_of(kChild)[0].relation, Relation::kSon);
  const Person head = PersonRepository(db(), clock_).find(person(kHead)).value().value();
  EXPECT_FALSE(head.unregistered);
  EXPECT_EQ(head.ethnicity, Ethnicity::kTujia);
  EXPECT_EQ(head.hukou_type, HukouType::kResident);
  EXPECT_EQ(head.phone, "13800001111");
  EXPECT_EQ(head.relation, Relation::kHead);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE unregistered = 1"), 0);
}

TEST_P(PopulationLinkTest, AnUnregisteredPersonIsRegisteredWhenTheFeedKnowsThem) {
  import_text(FeedKind::kDeath, "身份证号,姓名,死亡日期\n" + kChild + ",张小,2024-02-01\n");
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE unregistered = 1"), 1);
  const ImportOutcome outcome = import_text(FeedKind::kPopulation, family());
  EXPECT_EQ(outcome.persons_created, 0);
  EXPECT_EQ(outcome.persons_registered, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE unregistered = 1"), 0);
  EXPECT_EQ(text("SELECT death_date FROM persons WHERE name = '张小'"), "2024-02-01");
}

TEST_P(PopulationLinkTest, MovesLeavingAndANewHeadOnLaterBatches) {
  import_text(FeedKind::kPopulation, family());
  // The son sets up his own household; the father dies; the mother becomes head.
  const std::string later =
      std::string(kHeader) +
      line("H2", kChild, "张小", "户主", "变更", "2023-04-01", "500241101200") +
      line("H1", kHead, "张大", "户主", "死亡注销", "2024-05-06") +
      line("H1", kSpouse, "李二", "户主", "变更", "2024-06-01");
  const ImportOutcome outcome = import_text(FeedKind::kPopulation, later);
  EXPECT_EQ(outcome.batch.imported, 3);
  const auto child = memberships_of(kChild);
  ASSERT_EQ(child.size(), 2u);
  EXPECT_EQ(child[0].to, day("2023-04-01"));
  EXPECT_EQ(child[1].household_id, household("H2").id);
  EXPECT_EQ(household("H2").village_code, "500241101200");
  EXPECT_EQ(household("H2").head_person_id, person(kChild));
  EXPECT_EQ(memberships_of(kHead)[0].to, day("2024-05-06"));
  EXPECT_EQ(text("SELECT death_date FROM persons WHERE name = '张大'"), "2024-05-06");
  EXPECT_EQ(household("H1").head_person_id, person(kSpouse));
}

TEST_P(PopulationLinkTest, TheDeathFeedAndTheCancellationGiveTheEarlierDate) {
  import_text(FeedKind::kPopulation,
              family() + line("H1", kHead, "张大", "户主", "死亡注销", "2024-05-20"));
  EXPECT_EQ(text("SELECT death_date FROM persons WHERE name = '张大'"), "2024-05-20");
  import_text(FeedKind::kDeath, "身份证号,姓名,死亡日期\n" + kHead + ",张大,2024-05-10\n");
  EXPECT_EQ(text("SELECT death_date FROM persons WHERE name = '张大'"), "2024-05-10");
  // A corrected death record later than the cancellation: the cancellation's date stands.
  const ImportOutcome corrected =
      import_text(FeedKind::kDeath, "身份证号,姓名,死亡日期\n" + kHead + ",张大,2024-06-01\n");
  EXPECT_EQ(corrected.batch.imported, 1);
  EXPECT_EQ(text("SELECT death_date FROM persons WHERE name = '张大'"), "2024-05-20");
}

TEST_P(PopulationLinkTest, AnUnknownVillageRejectsTheRow) {
  const ImportOutcome outcome = import_text(
      FeedKind::kPopulation, family() + line("H9", valid_id("19700101", 71), "王五", "户主", "新增",
                                             "2000-01-01", "500241999999"));
  EXPECT_EQ(outcome.batch.imported, 3);
  EXPECT_EQ(outcome.batch.rejected, 1);
  ASSERT_EQ(outcome.batch.errors.size(), 1u);
  EXPECT_EQ(outcome.batch.errors[0].code, "unknown_village");
  EXPECT_EQ(outcome.batch.errors[0].row, 5);
  EXPECT_EQ(outcome.batch.errors[0].column, "村社区代码");
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 1);
}

TEST_P(PopulationLinkTest, ReimportingChangesNothing) {
  import_text(FeedKind::kPopulation, family());
  const int64_t memberships = count("SELECT COUNT(*) FROM memberships");
  const ImportOutcome again = import_text(FeedKind::kPopulation, family());
  EXPECT_EQ(again.batch.duplicates, 3);
  EXPECT_EQ(again.batch.imported, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships"), memberships);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 1);
}

TEST_P(PopulationLinkTest, TheOrderFilesArriveInDoesNotMatter) {
  const std::string moved_out =
      std::string(kHeader) + line("H1", kChild, "张小", "子", "迁出", "2022-09-01");
  import_text(FeedKind::kPopulation, moved_out);
  EXPECT_TRUE(memberships_of(kChild).empty());
  import_text(FeedKind::kPopulation, family());
  const auto child = memberships_of(kChild);
  ASSERT_EQ(child.size(), 1u);
  EXPECT_EQ(child[0].from, day("1995-01-01"));
  EXPECT_EQ(child[0].to, day("2022-09-01"));
}

TEST_P(PopulationLinkTest, ABlankChangeDateIsTheImportDate) {
  const ImportOutcome outcome = import_text(
      FeedKind::kPopulation, std::string(kHeader) + line("H1", kHead, "张大", "户主", "", ""));
  EXPECT_EQ(outcome.batch.imported, 1);
  EXPECT_EQ(memberships_of(kHead).at(0).from, clock_.today());
}

TEST_P(PopulationLinkTest, ASmallBatchAfterALargeOneIsAppliedPersonByPerson) {
  std::string many(kHeader);
  for (int index = 0; index < 40; ++index) {
    many += line(fmt::format("H{}", index), valid_id("19700101", 101 + 2 * index),
                 fmt::format("人{}", index), "户主", "新增", "2001-01-01");
  }
  import_text(FeedKind::kPopulation, many);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE head_person_id IS NOT NULL"), 40);
  const std::string moved = std::string(kHeader) + line("H7", valid_id("19700101", 101), "人0",
                                                        "户主", "变更", "2020-01-01");
  import_text(FeedKind::kPopulation, moved);
  // 人0 heads H7 now (the latest head to join); H0 is left without members or head.
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE head_person_id IS NOT NULL"), 39);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households h JOIN persons p ON p.id = h.head_person_id "
                  "WHERE h.household_no = 'H0'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE to_date IS NULL"), 40);
}

// More 户号 than are looked up one by one (the linker then reads every household at once), and
// a new household whose head is settled from the batch's rows alone.
TEST_P(PopulationLinkTest, ThousandsOfHouseholdsKeepTheirHeadsAcrossBatches) {
  constexpr int kHouseholds = 2100;
  auto id = [](int n) {
    return valid_id(fmt::format("19{:02d}{:02d}{:02d}", 50 + n / 336, 1 + n / 28 % 12, 1 + n % 28),
                    7);
  };
  std::string first(kHeader);
  for (int h = 0; h < kHouseholds; ++h) {
    first += line(fmt::format("H{}", h), id(2 * h), "户主甲", "户主", "新增", "2001-01-01");
    first += line(fmt::format("H{}", h), id(2 * h + 1), "配偶乙", "配偶", "新增", "2001-01-01");
  }
  EXPECT_EQ(import_text(FeedKind::kPopulation, first).batch.imported, 2 * kHouseholds);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE head_person_id IS NOT NULL"), kHouseholds);
  std::string second(kHeader);
  for (int h = 0; h < kHouseholds; ++h) {
    second +=
        line(fmt::format("H{}", h), id(2 * kHouseholds + h), "子丙", "子", "新增", "2010-05-01");
  }
  // H0's spouse (a person with memberships) and a new person both join new household HN as
  // 户主 on the same day: the later one to join — the new person — heads it.
  second += line("HN", id(1), "配偶乙", "户主", "变更", "2020-01-01");
  second += line("HN", id(3 * kHouseholds), "新人", "户主", "新增", "2020-01-01");
  EXPECT_EQ(import_text(FeedKind::kPopulation, second).batch.imported, kHouseholds + 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), kHouseholds + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE to_date IS NULL"), 3 * kHouseholds + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE head_person_id IS NOT NULL"),
            kHouseholds + 1);
  EXPECT_EQ(household("HN").head_person_id, person(id(3 * kHouseholds)));
  EXPECT_EQ(household("H0").head_person_id, person(id(0)));
  EXPECT_EQ(household("H2099").head_person_id, person(id(2 * 2099)));
  EXPECT_EQ(memberships_of(id(2 * kHouseholds + 5)).at(0).household_id, household("H5").id);
}

FAXIAN_INSTANTIATE_STORE_TEST(PopulationLinkTest);

}  // namespace
}  // namespace faxian::ingest
