#include "domain/category.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

TEST(CategoryTest, EndDateIsInclusiveAndBlankEndIsOpen) {
  Category category{.kind = CategoryKind::kDibao,
                    .household_id = 3,
                    .start = day("2023-01-01"),
                    .end = day("2023-12-31")};
  EXPECT_FALSE(category.active_on(day("2022-12-31")));
  EXPECT_TRUE(category.active_on(day("2023-01-01")));
  EXPECT_TRUE(category.active_on(day("2023-12-31")));
  EXPECT_FALSE(category.active_on(day("2024-01-01")));
  category.end.reset();
  EXPECT_TRUE(category.active_on(day("2030-01-01")));
}

TEST(CategoryTest, LowIncomeExcludesTemporaryAidAndRejectedApplicants) {
  EXPECT_TRUE(is_low_income(CategoryKind::kDibao));
  EXPECT_TRUE(is_low_income(CategoryKind::kTekun));
  EXPECT_TRUE(is_low_income(CategoryKind::kDibaoEdge));
  EXPECT_TRUE(is_low_income(CategoryKind::kExpenditureHardship));
  EXPECT_TRUE(is_low_income(CategoryKind::kPovertyMonitoring));
  EXPECT_TRUE(is_low_income(CategoryKind::kPovertyAlleviated));
  EXPECT_TRUE(is_low_income(CategoryKind::kOrphanOrUnsupportedChild));
  EXPECT_FALSE(is_low_income(CategoryKind::kTempAssisted));
  EXPECT_FALSE(is_low_income(CategoryKind::kRejectedApplicant));
}

TEST(CategoryTest, RegistryCategoriesMapToKindsAndSubtypes) {
  EXPECT_EQ(category_from_registry(RegistryCategory::kExpenditureHardship).kind,
            CategoryKind::kExpenditureHardship);
  EXPECT_EQ(category_from_registry(RegistryCategory::kTempAssisted).kind,
            CategoryKind::kTempAssisted);
  auto orphan = category_from_registry(RegistryCategory::kOrphan);
  EXPECT_EQ(orphan.kind, CategoryKind::kOrphanOrUnsupportedChild);
  EXPECT_EQ(orphan.subtype, "orphan");
  EXPECT_EQ(category_from_registry(RegistryCategory::kUnsupportedChild).subtype,
            "unsupported_child");
}

TEST(CategoryTest, ActiveCategoriesFiltersByDate) {
  std::vector<Category> categories = {
      {.kind = CategoryKind::kDibao,
       .household_id = 1,
       .start = day("2020-01-01"),
       .end = day("2021-01-01")},
      {.kind = CategoryKind::kPovertyMonitoring,
       .household_id = 1,
       .start = day("2020-06-01"),
       .subtype = "unstable"},
  };
  EXPECT_EQ(active_categories(categories, day("2020-03-01")).size(), 1u);
  EXPECT_EQ(active_categories(categories, day("2020-07-01")).size(), 2u);
  auto later = active_categories(categories, day("2022-01-01"));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].subtype, "unstable");
}

}  // namespace
}  // namespace faxian
