#include "store/issued_numbers.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {

Result<std::optional<int64_t>> issue_number(Database& db, std::string_view series,
                                            std::string_view day) {
  return returning_id(db,
                      "INSERT INTO issued_numbers (series, day, seq) "
                      "SELECT ?, ?, COALESCE(MAX(seq), 0) + 1 FROM issued_numbers "
                      "WHERE series = ? AND day = ? RETURNING seq",
                      [&](Statement& statement) {
                        ParamBinder(statement).text(series).text(day).text(series).text(day);
                      });
}

}  // namespace faxian
