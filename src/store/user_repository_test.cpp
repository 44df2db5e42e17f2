#include "store/user_repository.hpp"

#include <gtest/gtest.h>

#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::StoreTest;

class UserRepositoryTest : public StoreTest {
 protected:
  User township_officer() {
    User user;
    user.username = "zhonghe";
    user.display_name = "中和街道民政办";
    user.role = Role::kTownshipOfficer;
    user.region_code = "500241001";
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    return user;
  }
};

TEST_P(UserRepositoryTest, RoundTripsEveryField) {
  seed_regions();
  UserRepository repository(db(), clock_);
  User user = township_officer();
  auto id = repository.insert(user);
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  auto found = repository.find_by_username("zhonghe").value();
  ASSERT_TRUE(found.has_value());
  user.id = *id;
  user.created_at = clock_.now_unix();
  EXPECT_EQ(*found, user);
  EXPECT_FALSE(repository.find_by_username("nobody").value().has_value());
}

TEST_P(UserRepositoryTest, CountyUserHasNoRegion) {
  UserRepository repository(db(), clock_);
  User admin;
  admin.username = "admin";
  admin.role = Role::kCountyAdmin;
  admin.password_hash = "h";
  ASSERT_TRUE(repository.insert(admin).has_value());
  EXPECT_EQ(repository.find_by_username("admin").value()->region_code, "");
}

TEST_P(UserRepositoryTest, DuplicateUsernameAndUnknownRegionAreErrors) {
  seed_regions();
  UserRepository repository(db(), clock_);
  ASSERT_TRUE(repository.insert(township_officer()).has_value());
  auto again = repository.insert(township_officer());
  ASSERT_FALSE(again.has_value());
  EXPECT_TRUE(again.error().code == ErrorCode::kAlreadyExists ||
              again.error().code == ErrorCode::kConstraint)
      << again.error().to_string();
  User stranger = township_officer();
  stranger.username = "stranger";
  stranger.region_code = "999999999";
  auto refused = repository.insert(stranger);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConstraint);
}

TEST_P(UserRepositoryTest, PasswordAndDisabledUpdates) {
  seed_regions();
  UserRepository repository(db(), clock_);
  ASSERT_TRUE(repository.insert(township_officer()).has_value());
  ASSERT_TRUE(repository.set_password("zhonghe", "new-hash", false).has_value());
  ASSERT_TRUE(repository.set_disabled("zhonghe", true).has_value());
  auto user = repository.find_by_username("zhonghe").value().value();
  EXPECT_EQ(user.password_hash, "new-hash");
  EXPECT_FALSE(user.must_change_password);
  EXPECT_TRUE(user.disabled);
  auto missing = repository.set_disabled("nobody", true);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

FAXIAN_INSTANTIATE_STORE_TEST(UserRepositoryTest);

}  // namespace
}  // namespace faxian
