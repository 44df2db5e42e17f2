#pragma once
// Lead numbers (40-workflow.md): the county's prefix, the reported date and a daily sequence,
// e.g. XS20230415-0012. The prefix is the workflow setting `lead.number_prefix`, by default
// the pinyin initials of the county's own name (秀山土家族苗族自治县 → XS); the
// sequence is county-wide per date, four digits and more when a day has over 9,999 leads.

#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian::workflow {

// Upper-case pinyin initials of a Chinese place name without its administrative suffix;
// "" when the name has no Han characters.
std::string pinyin_initials(std::string_view name);

// The prefix in force: the setting, else the initials of the county region, else "XS".
Result<std::string> lead_number_prefix(Database& db);

// Takes the next number for `day` (inside the caller's write transaction).
Result<std::string> next_lead_number(Database& db, std::string_view prefix, Date day);

}  // namespace faxian::workflow
