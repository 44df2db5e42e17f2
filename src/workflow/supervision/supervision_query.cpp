// Checks of the supervision parameters.

#include "workflow/supervision/supervision_query.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace faxian::workflow {

Result<void> check_supervision_query(const SupervisionQuery& query) {
  const std::string& prefix = query.region_prefix;
  const bool digits =
      std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (prefix.size() != 6 && prefix.size() != 9 && prefix.size() != 12))
    return fail(ErrorCode::kInvalidArgument, "区划代码应为 6、9 或 12 位数字",
                fmt::format("bad region prefix of {} characters", prefix.size()));
  if (query.to < query.from)
    return fail(ErrorCode::kInvalidArgument, "结束日期不能早于开始日期",
                fmt::format("period {} to {} is reversed", query.from.iso(), query.to.iso()));
  return ok();
}

std::string region_like(const SupervisionQuery& query) {
  return query.region_prefix + "%";
}

double percent(int64_t part, int64_t whole) {
  if (whole <= 0)
    return 0;
  return std::round(static_cast<double>(part) * 1000.0 / static_cast<double>(whole)) / 10.0;
}

}  // namespace faxian::workflow
