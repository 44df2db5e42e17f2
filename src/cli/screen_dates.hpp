#pragma once
// The dates the screening commands take: --as-of, and its default.

#include <string>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::cli {

// Strict YYYY-MM-DD, with a Chinese message naming --as-of.
Result<Date> parse_as_of(const std::string& text);
// The date given, else today.
Result<Date> as_of_or_today(const std::string& text, const Clock& clock);
// The date given, else the last screening run's, else today.
Result<Date> as_of_or_last_run(Database& db, const Clock& clock, const std::string& text);

}  // namespace faxian::cli
