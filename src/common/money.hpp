#pragma once
// Money in integer fen (分). Never floating point: sums, comparisons and per-capita tests are
// exact (cross-multiply instead of dividing).

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_fen(int64_t fen) { return Money(fen); }
  static constexpr Money from_yuan(int64_t yuan) { return Money(yuan * 100); }
  // Parses yuan text as the feeds write it: optional sign, optional ¥/￥ prefix, optional 元
  // suffix, thousands separators ',' and at most 2 decimals ("1,234.5" → 123450 fen).
  // Surrounding spaces are ignored. Errors on anything else, including empty text and
  // amounts beyond ±10^13 yuan. Negative amounts parse; feeds decide whether they are legal.
  static Result<Money> parse_yuan(std::string_view text);

  constexpr int64_t fen() const { return fen_; }
  // "1234.50" — plain, no separators; negative as "-12.00".
  std::string yuan_string() const;
  // "1,234.50" for people.
  std::string yuan_display() const;

  constexpr Money operator+(Money o) const { return Money(fen_ + o.fen_); }
  constexpr Money operator-(Money o) const { return Money(fen_ - o.fen_); }
  constexpr Money operator-() const { return Money(-fen_); }
  constexpr Money operator*(int64_t k) const { return Money(fen_ * k); }
  constexpr Money& operator+=(Money o) {
    fen_ += o.fen_;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    fen_ -= o.fen_;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t fen) : fen_(fen) {}
  int64_t fen_ = 0;
};

}  // namespace faxian
