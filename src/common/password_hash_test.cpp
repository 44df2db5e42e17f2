#include "common/password_hash.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  auto hash = hash_password("秀山-Admin-2026");
  ASSERT_TRUE(hash) << hash.error().to_string();
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("秀山-Admin-2026", *hash));
  EXPECT_FALSE(verify_password("秀山-admin-2026", *hash));
  EXPECT_FALSE(verify_password("", *hash));
}

// The parameters are part of the hash: real accounts get libsodium's interactive limits (64 MiB,
// 2 passes), test fixtures the minimum, and either verifies only the right password.
TEST(PasswordHash, CostIsStoredInTheHash) {
  auto real = hash_password("秀山-Admin-2026");
  auto cheap = hash_password("秀山-Admin-2026", PasswordCost::kTestsMinimum);
  ASSERT_TRUE(real && cheap);
  EXPECT_NE(real->find("$m=65536,t=2,"), std::string::npos) << *real;
  EXPECT_NE(cheap->find("$m=8,t=1,"), std::string::npos) << *cheap;
  EXPECT_TRUE(verify_password("秀山-Admin-2026", *cheap));
  EXPECT_FALSE(verify_password("秀山-Admin-2027", *cheap));
}

TEST(PasswordHash, SamePasswordHashesDifferently) {
  auto a = hash_password("same");
  auto b = hash_password("same");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);  // random salt
}

TEST(PasswordHash, MalformedHashNeverVerifies) {
  EXPECT_FALSE(verify_password("x", "not a hash"));
  EXPECT_FALSE(verify_password("x", ""));
}

TEST(PasswordHash, RandomPasswordsUseTheAlphabet) {
  const std::string a = random_password(20);
  const std::string b = random_password(20);
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_of("0O1lI"), std::string::npos);
}

}  // namespace
}  // namespace faxian
