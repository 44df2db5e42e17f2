#include "common/error.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace faxian {
namespace {

TEST(ErrorCodeName, EveryCodeHasAStableDistinctName) {
  const ErrorCode codes[] = {ErrorCode::kInvalidArgument, ErrorCode::kNotFound,
                             ErrorCode::kAlreadyExists,   ErrorCode::kConstraint,
                             ErrorCode::kConflict,        ErrorCode::kIllegalTransition,
                             ErrorCode::kUnavailable,     ErrorCode::kIo,
                             ErrorCode::kCorrupt,         ErrorCode::kInternal};
  std::set<std::string> names;
  for (ErrorCode code : codes)
    names.insert(error_code_name(code));
  EXPECT_EQ(names.size(), std::size(codes));
  EXPECT_STREQ(error_code_name(ErrorCode::kInvalidArgument), "invalid_argument");
  EXPECT_STREQ(error_code_name(ErrorCode::kUnavailable), "unavailable");
  EXPECT_STREQ(error_code_name(ErrorCode::kIllegalTransition), "illegal_transition");
  EXPECT_STREQ(error_code_name(static_cast<ErrorCode>(999)), "internal");
}

TEST(Error, ToStringHasCodeMessageAndDetail) {
  EXPECT_EQ(Error(ErrorCode::kNotFound, "找不到户", "household 12 missing").to_string(),
            "not_found: 找不到户 (household 12 missing)");
  EXPECT_EQ(Error(ErrorCode::kIo, "磁盘已满").to_string(), "io: 磁盘已满");
  EXPECT_EQ(Error().code, ErrorCode::kInternal);
}

Result<int> half(int value) {
  if (value % 2 != 0)
    return fail(ErrorCode::kInvalidArgument, "不是偶数", "odd");
  return value / 2;
}

Result<void> require_even(int value) {
  FAXIAN_TRY(half(value));
  return ok();
}

Result<int> quarter(int value) {
  auto halved = half(value);
  FAXIAN_TRY(halved);
  return half(*halved);
}

TEST(Result, FailMakesAnErrorValue) {
  auto result = half(3);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message, "不是偶数");
  EXPECT_EQ(result.error().detail, "odd");
  EXPECT_EQ(*half(4), 2);
}

TEST(Result, TryPropagatesTheFirstError) {
  EXPECT_TRUE(require_even(2));
  EXPECT_FALSE(require_even(1));
  EXPECT_EQ(*quarter(8), 2);
  auto failed = quarter(6);  // 6 → 3 → odd
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().detail, "odd");
  EXPECT_TRUE(ok());
}

}  // namespace
}  // namespace faxian
