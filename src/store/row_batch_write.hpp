#pragma once
// Writing many rows of one table with few round trips. On PostgreSQL the rows go in multi-row
// statements (INSERT … VALUES (…), (…); UPDATE … FROM (VALUES …)) of up to 256 rows (fewer when a
// row has many columns): one round trip per row would cost more than the row itself — ≈ 100 µs on
// loopback, more across a network. Statement sizes are powers of two, so a connection prepares at
// most nine of them per table. On SQLite there is no round trip to save: one row per statement,
// prepared once, as before.

#include <cstddef>
#include <functional>
#include <string>

#include "common/error.hpp"
#include "store/database.hpp"
#include "store/row_codec.hpp"

namespace faxian {

struct RowBatchSql {
  std::string prefix;  // "INSERT INTO t (a, b) VALUES ", "UPDATE t SET … FROM (VALUES "
  std::string row;     // "(?, ?)": one row's values
  std::string suffix;  // after the rows: "", " ON CONFLICT … DO NOTHING", " RETURNING …",
                       // ") AS v WHERE t.id = v.column1"

  // The statement for `rows` rows.
  std::string statement(std::size_t rows) const;
  // The most rows one statement takes on `dialect`.
  std::size_t max_rows(const Dialect& dialect) const;
};

// Writes rows [0, count) in order. `bind` binds row `index`'s values (in `row`'s order);
// `returned`, if given, is called for each row the statements return (RETURNING), in the order
// the server returns them — match them to input rows by a returned key, not by position.
Result<void> write_rows(Database& db, const RowBatchSql& sql, std::size_t count,
                        const std::function<void(ParamBinder&, std::size_t index)>& bind,
                        const std::function<void(const Statement&)>& returned = {});

}  // namespace faxian
