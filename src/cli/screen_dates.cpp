#include "cli/screen_dates.hpp"

#include <fmt/format.h>

#include "store/warning_repository.hpp"

namespace faxian::cli {

Result<Date> parse_as_of(const std::string& text) {
  auto date = Date::parse_iso(text);
  if (!date)
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("--as-of 日期“{}”无效，应为 YYYY-MM-DD", text),
                fmt::format("bad --as-of '{}'", text));
  return *date;
}

Result<Date> as_of_or_today(const std::string& text, const Clock& clock) {
  if (text.empty())
    return clock.today();
  return parse_as_of(text);
}

Result<Date> as_of_or_last_run(Database& db, const Clock& clock, const std::string& text) {
  if (!text.empty())
    return parse_as_of(text);
  auto last = WarningRepository(db, clock).latest_run();
  if (!last)
    return tl::unexpected(last.error());
  return *last ? (*last)->as_of : clock.today();
}

}  // namespace faxian::cli
