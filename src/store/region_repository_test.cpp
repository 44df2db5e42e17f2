#include "store/region_repository.hpp"

#include <gtest/gtest.h>

#include "common/source_dir_for_tests.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::StoreTest;

class RegionRepositoryTest : public StoreTest {};

TEST_P(RegionRepositoryTest, StoresATreeGivenChildrenFirst) {
  const std::vector<Region> regions = {
      {"500241001001", "东风社区", RegionLevel::kVillage, "500241001", "111"},
      {"500241001", "中和街道", RegionLevel::kTownship, "500241", ""},
      {"500241", "秀山县", RegionLevel::kCounty, "", ""},
  };
  RegionRepository repository(db());
  auto stored = repository.upsert_all(regions);
  ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
  EXPECT_EQ(repository.count().value(), 3);
  auto village = repository.find("500241001001");
  ASSERT_TRUE(village.has_value());
  ASSERT_TRUE(village->has_value());
  EXPECT_EQ(**village, regions[0]);
  EXPECT_EQ((*village)->area_type(), AreaType::kUrban);
  auto county = repository.find("500241").value();
  ASSERT_TRUE(county.has_value());
  EXPECT_EQ(county->parent_code, "");
  EXPECT_FALSE(repository.find("999999").value().has_value());
}

TEST_P(RegionRepositoryTest, ListsChildrenAndUpdatesInPlace) {
  seed_regions();
  RegionRepository repository(db());
  auto townships = repository.children("500241").value();
  ASSERT_EQ(townships.size(), 2u);
  EXPECT_EQ(townships[0].code, "500241001");
  EXPECT_EQ(townships[1].code, "500241101");
  const std::vector<Region> renamed = {
      {"500241101200", "大寨村（新）", RegionLevel::kVillage, "500241101", "210"}};
  ASSERT_TRUE(repository.upsert_all(renamed).has_value());
  EXPECT_EQ(repository.count().value(), 5);
  auto village = repository.find("500241101200").value();
  EXPECT_EQ(village->name, "大寨村（新）");
  EXPECT_EQ(village->urban_rural_code, "210");
  EXPECT_EQ(repository.list().value().size(), 5u);
}

TEST_P(RegionRepositoryTest, AnUnknownParentIsAConstraintErrorAndNothingIsStored) {
  const std::vector<Region> regions = {
      {"500241", "秀山县", RegionLevel::kCounty, "", ""},
      {"500242001", "孤立街道", RegionLevel::kTownship, "500242", ""},
  };
  RegionRepository repository(db());
  auto stored = repository.upsert_all(regions);
  ASSERT_FALSE(stored.has_value());
  EXPECT_EQ(stored.error().code, ErrorCode::kConstraint);
  EXPECT_EQ(repository.count().value(), 0);
}

TEST_P(RegionRepositoryTest, LoadsTheShippedRegionsFile) {
  auto regions = load_regions_file(faxian_source_dir() + "/data/regions/500241.csv");
  ASSERT_TRUE(regions.has_value()) << regions.error().to_string();
  RegionRepository repository(db());
  ASSERT_TRUE(repository.upsert_all(*regions).has_value());
  EXPECT_EQ(repository.count().value(), static_cast<int64_t>(regions->size()));
  EXPECT_EQ(repository.children("500241").value().size(), 27u);
}

FAXIAN_INSTANTIATE_STORE_TEST(RegionRepositoryTest);

}  // namespace
}  // namespace faxian
