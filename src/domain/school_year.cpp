#include "domain/school_year.hpp"

#include <charconv>

#include <fmt/format.h>

namespace faxian {
namespace {

bool parse_year(std::string_view text, int& out) {
  if (text.size() != 4)
    return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<SchoolYear> SchoolYear::parse(std::string_view text) {
  int first = 0, second = 0;
  if (text.size() != 9 || text[4] != '-' || !parse_year(text.substr(0, 4), first) ||
      !parse_year(text.substr(5, 4), second) || second != first + 1 ||
      !Date::from_ymd(first, 9, 1)) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("学年格式应为“2023-2024”（后一年为前一年加一）：{}", text),
                fmt::format("expected a school year such as 2023-2024: {}", text));
  }
  return SchoolYear{first};
}

Date SchoolYear::start() const {
  return *Date::from_ymd(first_year, 9, 1);
}

std::string SchoolYear::str() const {
  return fmt::format("{}-{}", first_year, first_year + 1);
}

}  // namespace faxian
