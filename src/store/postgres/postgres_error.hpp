#pragma once
// PostgreSQL errors (SQLSTATE) → Error values with the same codes and Chinese messages as the
// SQLite backend (store/sqlite/sqlite_error.hpp): 23505 → kAlreadyExists, other 23xxx →
// kConstraint, serialization failures, deadlocks and lock timeouts → kUnavailable, disk full
// → kIo, data corruption → kCorrupt.

#include <string_view>

#include "common/error.hpp"

struct pg_conn;
struct pg_result;

namespace faxian {

// The error of a failed command; `result` may be null (then the connection's message is used).
Error postgres_error(pg_conn* connection, const pg_result* result, std::string_view operation);
// The SQLSTATE of a failed result ("" when there is none).
std::string_view postgres_state(const pg_result* result);

}  // namespace faxian
