#include "store/row_batch_write.hpp"

#include <algorithm>

namespace faxian {
namespace {

constexpr std::size_t kMaxRowsPerStatement = 256;
// PostgreSQL takes at most 65,535 parameters in one statement; stay well below.
constexpr std::size_t kMaxParametersPerStatement = 16384;

}  // namespace

std::string RowBatchSql::statement(std::size_t rows) const {
  std::string sql = prefix;
  sql.reserve(prefix.size() + rows * (row.size() + 2) + suffix.size());
  for (std::size_t index = 0; index < rows; ++index) {
    if (index > 0)
      sql += ", ";
    sql += row;
  }
  return sql + suffix;
}

std::size_t RowBatchSql::max_rows(const Dialect& dialect) const {
  if (dialect.kind == DialectKind::kSqlite)
    return 1;
  const auto parameters = static_cast<std::size_t>(std::count(row.begin(), row.end(), '?'));
  std::size_t rows = kMaxRowsPerStatement;
  while (rows > 1 && rows * std::max<std::size_t>(parameters, 1) > kMaxParametersPerStatement)
    rows /= 2;
  return rows;
}

Result<void> write_rows(Database& db, const RowBatchSql& sql, std::size_t count,
                        const std::function<void(ParamBinder&, std::size_t index)>& bind,
                        const std::function<void(const Statement&)>& returned) {
  std::size_t done = 0;
  std::size_t rows = sql.max_rows(db.dialect());
  while (done < count) {
    while (rows > count - done)
      rows /= 2;
    auto statement = db.prepare(sql.statement(rows));
    if (!statement)
      return tl::unexpected(statement.error());
    for (; count - done >= rows; done += rows) {
      (*statement)->reset();
      ParamBinder binder(**statement);
      for (std::size_t index = done; index < done + rows; ++index)
        bind(binder, index);
      while (true) {
        auto row = (*statement)->step();
        if (!row)
          return tl::unexpected(row.error());
        if (!*row)
          break;
        if (returned)
          returned(**statement);
      }
    }
  }
  return ok();
}

}  // namespace faxian
