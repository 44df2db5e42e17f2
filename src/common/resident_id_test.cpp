#include "common/resident_id.hpp"

#include <gtest/gtest.h>

namespace faxian {
namespace {

// Valid numbers (check characters computed independently, see the oracle test for 10,000+).
constexpr std::string_view kValid = "500241199001011236";   // male, 1990-01-01
constexpr std::string_view kValidX = "11010519491231002X";  // GB 11643's own example
constexpr std::string_view kLeapDay2000 = "500241200002290033";

std::string parsed(std::string_view text) {
  auto id = ResidentId::parse(text);
  EXPECT_TRUE(id.has_value()) << "[" << text << "] " << (id ? "" : id.error().to_string());
  return id ? id->str() : std::string();
}

Error rejected(std::string_view text) {
  auto id = ResidentId::parse(text);
  EXPECT_FALSE(id.has_value()) << "[" << text << "] was accepted as " << (id ? id->str() : "");
  if (id)
    return Error();
  EXPECT_EQ(id.error().code, ErrorCode::kInvalidArgument);
  return id.error();
}

bool mentions(const Error& error, std::string_view needle) {
  return error.message.find(needle) != std::string::npos;
}

TEST(ResidentIdCheckCharacter, MatchesGb11643) {
  EXPECT_EQ(ResidentId::check_character("11010519491231002"), 'X');
  EXPECT_EQ(ResidentId::check_character("50024119900101123"), '6');
  EXPECT_EQ(ResidentId::check_character("50024120000229003"), '3');
}

TEST(ResidentIdParse, AcceptsValidNumbers) {
  EXPECT_EQ(parsed(kValid), kValid);
  EXPECT_EQ(parsed(kValidX), kValidX);
  EXPECT_EQ(parsed(kLeapDay2000), kLeapDay2000);
}

TEST(ResidentIdParse, NormalisesSpacingHyphensFullWidthAndLowercaseX) {
  EXPECT_EQ(parsed("  500241199001011236\t"), kValid);
  EXPECT_EQ(parsed("11010519491231002x"), kValidX);
  EXPECT_EQ(parsed("５００２４１１９９００１０１１２３６"), kValid);
  EXPECT_EQ(parsed("１１０１０５１９４９１２３１００２ｘ"), kValidX);
  EXPECT_EQ(parsed("１１０１０５１９４９１２３１００２Ｘ"), kValidX);
  EXPECT_EQ(parsed("500241 19900101 1236"), kValid);
  EXPECT_EQ(parsed("500241-19900101-1236"), kValid);
  EXPECT_EQ(parsed("500241－19900101－1236"), kValid);  // full-width hyphen
  EXPECT_EQ(parsed("\xE3\x80\x80"
                   "500241\xE3\x80\x80"
                   "19900101\xE3\x80\x80"
                   "1236\xE3\x80\x80"),
            kValid);
  EXPECT_EQ(parsed("500241\xC2\xA0"
                   "199001011236"),
            kValid);  // no-break space
}

TEST(ResidentIdParse, FifteenDigitNumbersBecomeEighteen) {
  EXPECT_EQ(parsed("500241900101123"), kValid);
  EXPECT_EQ(parsed("110105491231002"), kValidX);
  EXPECT_EQ(parsed("110105 491231 002"), kValidX);
}

TEST(ResidentIdParse, FifteenDigitNumbersMean19xxAndNeedARealDate) {
  const Error error = rejected("500241000229001");  // 1900-02-29
  EXPECT_TRUE(mentions(error, "出生日期")) << error.message;
  EXPECT_EQ(parsed("500241000228001").substr(6, 8), "19000228");
  rejected("500241851301001");  // month 13
}

TEST(ResidentIdParse, WrongCheckCharacterIsAnError) {
  const Error error = rejected("500241199001011235");
  EXPECT_TRUE(mentions(error, "校验位")) << error.message;
  EXPECT_FALSE(mentions(error, "Excel"));
  rejected("110105194912310021");  // X replaced by a digit
  rejected("50024119900101123X");
}

TEST(ResidentIdParse, TrailingZerosFromExcelGetAHint) {
  const Error error = rejected("500241199001011000");
  EXPECT_TRUE(mentions(error, "校验位")) << error.message;
  EXPECT_TRUE(mentions(error, "Excel")) << error.message;
}

TEST(ResidentIdParse, BirthDateMustBeReal) {
  EXPECT_TRUE(mentions(rejected("500241198502300015"), "1985年02月30日"));
  EXPECT_TRUE(mentions(rejected("500241190002290010"), "出生日期"));  // 1900 is not leap
  EXPECT_TRUE(mentions(rejected("500241199013010011"), "出生日期"));  // month 13
  EXPECT_TRUE(mentions(rejected("500241199001000019"), "出生日期"));  // day 00
  EXPECT_EQ(parsed("500241190002280015"), "500241190002280015");
}

TEST(ResidentIdParse, BirthDatesFrom1800OnAreAcceptedEvenInTheFuture) {
  EXPECT_EQ(parsed("500241180001010014"), "500241180001010014");
  EXPECT_EQ(parsed("500241220012310016"), "500241220012310016");
  EXPECT_EQ(parsed("500241202603010040"), "500241202603010040");
  rejected("500241179912310010");  // before 1800 (check character irrelevant: date first)
}

TEST(ResidentIdParse, ScientificNotationSaysExcelLostTheDigits) {
  for (std::string_view text :
       {"5.00241E+17", "1.10101199001011E+017", "5.00241e+17", "5E17", " 5.00241Ｅ＋17 "}) {
    const Error error = rejected(text);
    EXPECT_TRUE(mentions(error, "科学计数法")) << text << ": " << error.message;
    EXPECT_TRUE(mentions(error, "Excel")) << error.message;
    EXPECT_TRUE(mentions(error, "丢失")) << error.message;
  }
  EXPECT_TRUE(mentions(rejected("5.00241E+17"), "（5.00241E+17）"));
}

TEST(ResidentIdParse, EmptyIsItsOwnError) {
  EXPECT_TRUE(mentions(rejected(""), "为空"));
  EXPECT_TRUE(mentions(rejected(" \xE3\x80\x80 "), "为空"));
  EXPECT_TRUE(mentions(rejected(" - "), "位"));  // only separators: length 0
}

TEST(ResidentIdParse, WrongLengthSaysTheLength) {
  EXPECT_TRUE(mentions(rejected("50024119900101123"), "实际为17位"));
  EXPECT_TRUE(mentions(rejected("5002411990010112360"), "实际为19位"));
  EXPECT_TRUE(mentions(rejected("5002411990010112"), "实际为16位"));
  EXPECT_TRUE(mentions(rejected("50024190010112"), "实际为14位"));
}

TEST(ResidentIdParse, LettersAndOtherCharactersAreErrors) {
  EXPECT_TRUE(mentions(rejected("50024119900101A236"), "「A」"));
  EXPECT_TRUE(mentions(rejected("张三"), "「张」"));
  EXPECT_TRUE(mentions(rejected("500241199001011236.0"), "「.」"));
  EXPECT_TRUE(mentions(rejected("'500241199001011236"), "「'」"));
  EXPECT_TRUE(mentions(rejected("500241\xFF"
                                "199001011236"),
                       "编码"));
}

TEST(ResidentIdParse, XOnlyAtTheEndOfAnEighteenCharacterNumber) {
  EXPECT_TRUE(mentions(rejected("5002411990010X1236"), "最后一位"));
  EXPECT_TRUE(mentions(rejected("50024190010112X"), "最后一位"));
}

TEST(ResidentIdParse, NoMessageRepeatsTheFullNumber) {
  for (std::string_view text : {"500241199001011235", "500241198502300015", "500241199001011000"}) {
    const Error error = rejected(text);
    EXPECT_FALSE(mentions(error, text)) << error.message;
    EXPECT_EQ(error.detail.find(text), std::string::npos) << error.detail;
  }
}

TEST(ResidentIdFields, BirthDateSexRegionMask) {
  const ResidentId man = *ResidentId::parse(kValid);
  EXPECT_EQ(man.birth_date().iso(), "1990-01-01");
  EXPECT_EQ(man.sex(), Sex::kMale);  // 17th digit 3
  EXPECT_EQ(man.region_prefix(), "500241");
  EXPECT_EQ(man.masked(), "500241********1236");

  const ResidentId woman = *ResidentId::parse("500241198502280026");
  EXPECT_EQ(woman.sex(), Sex::kFemale);  // 17th digit 2
  EXPECT_EQ(woman.birth_date().iso(), "1985-02-28");
  EXPECT_EQ(ResidentId::parse(kLeapDay2000)->birth_date().iso(), "2000-02-29");
  EXPECT_EQ(ResidentId::parse(kValidX)->masked(), "110105********002X");
}

TEST(ResidentIdFields, EqualityAndOrderingFollowTheCanonicalNumber) {
  EXPECT_EQ(*ResidentId::parse("500241900101123"), *ResidentId::parse(kValid));
  EXPECT_LT(*ResidentId::parse(kValidX), *ResidentId::parse(kValid));
}

}  // namespace
}  // namespace faxian
