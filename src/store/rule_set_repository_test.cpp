#include "store/rule_set_repository.hpp"

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::StoreTest;

std::string default_rules() {
  return read_file(faxian_source_dir() + "/data/rules/default.toml").value();
}

class RuleSetRepositoryTest : public StoreTest {};

TEST_P(RuleSetRepositoryTest, VersionsKeepWhoWhenWhyAndTheDiff) {
  RuleSetRepository repository(db(), clock_);
  EXPECT_FALSE(repository.latest().value().has_value());
  EXPECT_EQ(repository.load_latest().error().code, ErrorCode::kUnavailable);
  auto first = repository.add(default_rules(), "init", "默认规则");
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  ASSERT_TRUE(first->has_value());
  EXPECT_TRUE(repository.latest().value()->diff.empty());

  // The same rules again: no new version.
  auto same = repository.add(default_rules(), "admin", "");
  ASSERT_TRUE(same.has_value());
  EXPECT_FALSE(same->has_value());

  clock_.advance_seconds(60);
  std::string changed = default_rules();
  changed.replace(changed.find("min_count = 2"), 13, "min_count = 3");
  const int64_t second =
      repository.add(changed, "county_admin_1", "多次求助改为3次").value().value();
  EXPECT_GT(second, **first);
  const RuleSetVersion latest = repository.latest().value().value();
  EXPECT_EQ(latest.version, second);
  EXPECT_EQ(latest.created_by, "county_admin_1");
  EXPECT_EQ(latest.note, "多次求助改为3次");
  EXPECT_EQ(latest.created_at, clock_.now_unix());
  ASSERT_EQ(latest.diff.size(), 1u);
  EXPECT_EQ(latest.diff[0], "R14.min_count: 2 → 3");
  EXPECT_EQ(repository.load_latest().value().rule(RuleId::kR14).thresholds.min_count, 3);
  ASSERT_EQ(repository.list().value().size(), 2u);
  EXPECT_EQ(repository.get(**first).value()->toml_text, default_rules());
}

TEST_P(RuleSetRepositoryTest, AnInvalidFileIsRefusedAndNotStored) {
  RuleSetRepository repository(db(), clock_);
  auto refused = repository.add("[levels]\nred_score = 80\n", "admin", "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(repository.list().value().empty());
}

FAXIAN_INSTANTIATE_STORE_TEST(RuleSetRepositoryTest);

}  // namespace
}  // namespace faxian
