// Region-prefix checks for field-work queries.

#include "workflow/fieldwork/region_scope.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace faxian::workflow {

Result<void> check_region_prefix(std::string_view prefix) {
  const bool digits =
      std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool length_ok = prefix.size() == 6 || prefix.size() == 9 || prefix.size() == 12;
  if (digits && length_ok)
    return ok();
  return fail(ErrorCode::kInvalidArgument, "区划代码应为 6、9 或 12 位数字",
              fmt::format("bad region prefix of {} characters", prefix.size()));
}

std::string like_prefix(std::string_view prefix) {
  return std::string(prefix) + "%";
}

}  // namespace faxian::workflow
