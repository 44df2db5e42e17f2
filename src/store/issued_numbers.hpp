#pragma once
// Daily sequences behind lead and casework numbers (XS20230415-0012, ZJ20261120-0001): each
// number issued is a row of issued_numbers (migration 12), the next one the day's largest + 1.

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian {

// Issues the next sequence number of `series` on `day` (YYYYMMDD) and returns it (nullopt only
// if the store returned no row). REQUIRES: inside the caller's write transaction, which
// serialises writers, so two never take the same number (the primary key refuses it anyway).
Result<std::optional<int64_t>> issue_number(Database& db, std::string_view series,
                                            std::string_view day);

}  // namespace faxian
