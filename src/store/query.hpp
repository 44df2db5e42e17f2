#pragma once
// Small helpers the repositories share: run a statement with bound parameters and collect its
// rows, one row, one integer, or the id a `RETURNING id` gives back.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian {

// Runs `sql` with `bind(Statement&)` and converts every row with `read(const Statement&)`,
// which returns Result<T>.
template <typename T, typename Bind, typename Read>
Result<std::vector<T>> query_rows(Database& db, std::string_view sql, Bind&& bind, Read&& read) {
  auto statement = db.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  bind(**statement);
  std::vector<T> rows;
  while (true) {
    auto has_row = (*statement)->step();
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return rows;
    auto row = read(static_cast<const Statement&>(**statement));
    if (!row)
      return tl::unexpected(row.error());
    rows.push_back(std::move(*row));
  }
}

// As query_rows, for at most one row.
template <typename T, typename Bind, typename Read>
Result<std::optional<T>> query_one(Database& db, std::string_view sql, Bind&& bind, Read&& read) {
  auto rows = query_rows<T>(db, sql, std::forward<Bind>(bind), std::forward<Read>(read));
  if (!rows)
    return tl::unexpected(rows.error());
  if (rows->empty())
    return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

// The integer in the first column of the first row (0 when there is no row).
template <typename Bind>
Result<int64_t> query_int(Database& db, std::string_view sql, Bind&& bind) {
  auto statement = db.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  bind(**statement);
  auto has_row = (*statement)->step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  return *has_row ? (*statement)->column_int64(0) : 0;
}

// Runs `sql` (no parameters) and hands every row to `visit(const Statement&)`, which returns
// Result<void>, without collecting them: for reading whole tables.
template <typename Visit>
Result<void> for_each_row(Database& db, std::string_view sql, Visit&& visit) {
  auto statement = db.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  while (true) {
    auto has_row = (*statement)->step();
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return ok();
    FAXIAN_TRY(visit(static_cast<const Statement&>(**statement)));
  }
}

// Runs a statement with bound parameters to completion.
template <typename Bind>
Result<void> run_bound(Database& db, std::string_view sql, Bind&& bind) {
  auto statement = db.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  bind(**statement);
  return (*statement)->run();
}

// Runs an `INSERT … RETURNING id` (or UPDATE … RETURNING id) and returns the id; nullopt when
// no row came back (ON CONFLICT DO NOTHING, or an UPDATE that matched nothing).
template <typename Bind>
Result<std::optional<int64_t>> returning_id(Database& db, std::string_view sql, Bind&& bind) {
  auto statement = db.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  bind(**statement);
  auto has_row = (*statement)->step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  if (!*has_row)
    return std::optional<int64_t>();
  const int64_t id = (*statement)->column_int64(0);
  FAXIAN_TRY((*statement)->run());
  return std::optional<int64_t>(id);
}

// An error for "no row with this id" in `what` (English, e.g. "household 12").
Error not_found(std::string_view what_zh, std::string_view what_en);

}  // namespace faxian
