#pragma once
// Area scope for field-work queries: a region code used as a prefix (county 6 digits, township
// 9, village 12 — a parent's code is a prefix of its children's), so that an officer sees only
// the villages under their region.

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian::workflow {

// ok() when `prefix` is 6, 9 or 12 digits; kInvalidArgument otherwise (so it can never carry a
// LIKE wildcard).
Result<void> check_region_prefix(std::string_view prefix);

// `prefix` followed by '%', for `code LIKE ?`.
std::string like_prefix(std::string_view prefix);

}  // namespace faxian::workflow
