#pragma once
// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd =
// male), ISO 7064 MOD 11-2 check character. A ResidentId can only hold a valid 18-character
// number; construct it with parse().

#include <compare>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/error.hpp"

namespace faxian {

enum class Sex { kMale, kFemale };

class ResidentId {
 public:
  // Normalises and validates text as 20-feeds.md says: trims; full-width digits/letters →
  // half-width (U+FF10–FF19, U+FF38/FF58); removes inner spaces (ASCII and U+3000) and
  // hyphens; lowercase x → X; a 15-digit number is converted to 18 digits (insert "19" after
  // the 6th digit, compute the check character). Errors (Chinese message says which): empty,
  // wrong length, non-digits, scientific notation such as "5.00241E+17" (the digits were lost
  // by Excel), birth date not a real date or in the future of 2200, wrong check character.
  // A birth date after today is accepted (parse has no clock; callers with a Clock may warn);
  // the region code is not checked; the 15-digit form always means born 19xx.
  static Result<ResidentId> parse(std::string_view text);

  // The check character ('0'-'9' or 'X') for the first 17 digits.
  // REQUIRES: first17 is exactly 17 ASCII digits.
  static char check_character(std::string_view first17);

  const std::string& str() const { return value_; }
  Date birth_date() const;
  Sex sex() const;
  std::string_view region_prefix() const { return std::string_view(value_).substr(0, 6); }
  // For logs and default display: "500241********123X" (first 6 and last 4 kept).
  std::string masked() const;

  auto operator<=>(const ResidentId&) const = default;

 private:
  explicit ResidentId(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace faxian
