#pragma once
// Row-level pieces the warning repository's files share (warning_repository.cpp for runs,
// queries and suppressions, warning_apply.cpp for reconciling a run's findings): reading and
// binding the enumeration columns, the event log and suppression writes. Internal to the store.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/rule_set.hpp"
#include "domain/warning.hpp"
#include "store/database.hpp"
#include "store/row_codec.hpp"
#include "store/warning_repository.hpp"

namespace faxian::warning_rows {

// A `level` / `from_level` / `to_level` column: NULL or "" → nullopt; kCorrupt on an unknown key.
Result<std::optional<WarningLevel>> level_of(std::string_view text);
Result<WarningKind> kind_of(std::string_view text);
Result<WarningStatus> status_of(std::string_view text);

// Binds a level, or NULL.
ParamBinder& bind_level(ParamBinder& binder, std::optional<WarningLevel> level);

struct EventRow {
  int64_t warning_id = 0;
  std::optional<int64_t> run_id{};
  WarningEventKind event = WarningEventKind::kOpened;
  std::optional<WarningLevel> from_level{};
  std::optional<WarningLevel> to_level{};
  std::string rules{};  // "R01;R03"
  Date as_of{};
};
// Appends to the warning event log at `at` (Unix seconds).
Result<void> insert_event(Database& db, const EventRow& event, int64_t at);

// Marks a suppression lifted at `at` (Unix seconds).
Result<void> lift_suppression(Database& db, int64_t suppression_id, int64_t at);

// A kCorrupt error for a malformed warnings-table value.
Error corrupt(std::string_view detail);

}  // namespace faxian::warning_rows
