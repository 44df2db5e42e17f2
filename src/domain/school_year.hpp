#pragma once
// 学年 as the education feed writes it ("2023-2024"): it starts on 1 September of its first year.

#include <compare>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/error.hpp"

namespace faxian {

struct SchoolYear {
  int first_year = 0;

  // "YYYY-YYYY" with the second year one after the first; kInvalidArgument otherwise.
  static Result<SchoolYear> parse(std::string_view text);
  // 1 September of the first year.
  Date start() const;
  // "2023-2024".
  std::string str() const;

  auto operator<=>(const SchoolYear&) const = default;
};

}  // namespace faxian
