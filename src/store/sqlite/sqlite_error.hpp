#pragma once
// SQLite result codes → Error. Constraint violations become kConstraint (foreign key, check,
// not null, type of a STRICT column) or kAlreadyExists (unique / primary key); a busy database
// kUnavailable; corruption kCorrupt; I/O, full disk and permissions kIo; a type or range
// mismatch kInvalidArgument; anything else (SQL errors, misuse) kInternal. The English detail
// carries SQLite's message and the operation, never bound values.

#include <string_view>

#include "common/error.hpp"

struct sqlite3;

namespace faxian {

// The Error for extended result code `rc` on connection `db` (may be null) during `operation`.
Error sqlite_error(sqlite3* db, int rc, std::string_view operation);

}  // namespace faxian
