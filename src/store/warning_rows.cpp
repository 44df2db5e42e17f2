#include "store/warning_rows.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/warning_codec.hpp"

namespace faxian::warning_rows {

Error corrupt(std::string_view detail) {
  return Error(ErrorCode::kCorrupt, "预警记录已损坏", std::string(detail));
}

Result<std::optional<WarningLevel>> level_of(std::string_view text) {
  if (text.empty())
    return std::optional<WarningLevel>();
  auto level = find_level(text);
  if (!level)
    return tl::unexpected(corrupt(fmt::format("unknown warning level '{}'", text)));
  return level;
}

Result<WarningKind> kind_of(std::string_view text) {
  auto kind = warning_codec::find_kind(text);
  if (!kind)
    return tl::unexpected(corrupt(fmt::format("unknown warning kind '{}'", text)));
  return *kind;
}

Result<WarningStatus> status_of(std::string_view text) {
  auto status = find_warning_status(text);
  if (!status)
    return tl::unexpected(corrupt(fmt::format("unknown warning status '{}'", text)));
  return *status;
}

ParamBinder& bind_level(ParamBinder& binder, std::optional<WarningLevel> level) {
  return level ? binder.text(level_key(*level)) : binder.null();
}

Result<void> insert_event(Database& db, const EventRow& event, int64_t at) {
  return run_bound(
      db,
      "INSERT INTO warning_events (warning_id, run_id, event, from_level, to_level, "
      "rules, as_of, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [&](Statement& s) {
        ParamBinder binder(s);
        binder.integer(event.warning_id).integer(event.run_id).text(warning_event_key(event.event));
        bind_level(binder, event.from_level);
        bind_level(binder, event.to_level);
        binder.text(event.rules).date(event.as_of).integer(at);
      });
}

Result<void> lift_suppression(Database& db, int64_t suppression_id, int64_t at) {
  return run_bound(db, "UPDATE warning_suppressions SET lifted_at = ? WHERE id = ?",
                   [&](Statement& s) { ParamBinder(s).integer(at).integer(suppression_id); });
}

}  // namespace faxian::warning_rows
