#include "domain/local_date_time.hpp"

#include <fmt/format.h>

namespace faxian {
namespace {

constexpr int64_t kChinaOffsetSeconds = 8 * 3600;

bool parse_two_digits(std::string_view text, int& out) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') {
    return false;
  }
  out = (text[0] - '0') * 10 + (text[1] - '0');
  return true;
}

tl::unexpected<Error> bad_time(std::string_view text) {
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("时间格式应为 YYYY-MM-DD HH:MM:SS：{}", text),
              fmt::format("expected YYYY-MM-DD HH:MM:SS: {}", text));
}

}  // namespace

Result<LocalDateTime> LocalDateTime::from_parts(Date date, int hour, int minute, int second) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("时间不存在：{:02}:{:02}:{:02}", hour, minute, second),
                fmt::format("not a real time: {}:{}:{}", hour, minute, second));
  }
  return LocalDateTime{date, hour * 3600 + minute * 60 + second};
}

Result<LocalDateTime> LocalDateTime::parse_iso(std::string_view text) {
  if (text.size() != 19 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' ||
      text[16] != ':') {
    return bad_time(text);
  }
  auto date = Date::parse_iso(text.substr(0, 10));
  if (!date)
    return tl::unexpected(date.error());
  int hour = 0, minute = 0, second = 0;
  if (!parse_two_digits(text.substr(11, 2), hour) ||
      !parse_two_digits(text.substr(14, 2), minute) ||
      !parse_two_digits(text.substr(17, 2), second)) {
    return bad_time(text);
  }
  return from_parts(*date, hour, minute, second);
}

int64_t LocalDateTime::to_unix() const {
  return int64_t{date.days_since_epoch()} * 86400 + second_of_day - kChinaOffsetSeconds;
}

std::string LocalDateTime::iso() const {
  return fmt::format("{} {:02}:{:02}:{:02}", date.iso(), second_of_day / 3600,
                     second_of_day / 60 % 60, second_of_day % 60);
}

}  // namespace faxian
