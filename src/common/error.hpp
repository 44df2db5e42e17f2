#pragma once
// Errors as values at module borders (like LevelDB's Status): a stable machine code, a
// Chinese message for users and an English detail for logs. Never carries a full resident
// ID, phone number or name in `detail` (mask them first).

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace faxian {

enum class ErrorCode {
  kInvalidArgument,    // bad input from a user or a file
  kNotFound,           // the thing asked for does not exist (or is outside the caller's area)
  kAlreadyExists,      // a unique key is taken
  kConstraint,         // a database constraint (foreign key, check) refused the write
  kConflict,           // stale version / concurrent change
  kIllegalTransition,  // a workflow rule forbids the action
  kUnavailable,        // data needed is missing, e.g. no calendar for a year
  kIo,                 // file or database I/O failed
  kCorrupt,            // stored data is inconsistent
  kInternal,           // a bug: should never happen
  kUnauthenticated,    // no valid session or token (HTTP 401)
  kPermissionDenied,   // the caller's role may not do this (HTTP 403)
  kTooLarge,           // a request or file over its limit (HTTP 413)
  kRateLimited,        // too many requests from one client (HTTP 429)
};

// Stable lower-case name of a code, e.g. "invalid_argument"; used in API errors and logs.
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // Chinese, shown to users
  std::string detail;   // English, for logs; may be empty

  Error() = default;
  Error(ErrorCode c, std::string zh, std::string en = {})
      : code(c), message(std::move(zh)), detail(std::move(en)) {}

  // "invalid_argument: <message> (<detail>)" for logs and test failure output.
  std::string to_string() const;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Result<void> success value: `return ok();`
inline Result<void> ok() {
  return {};
}

inline tl::unexpected<Error> fail(ErrorCode code, std::string zh, std::string en = {}) {
  return tl::unexpected<Error>(Error(code, std::move(zh), std::move(en)));
}

}  // namespace faxian

// Propagates the error of a Result-returning expression, like Rust's `?`.
#define FAXIAN_TRY(expr)                                                  \
  do {                                                                    \
    auto faxian_try_result_ = (expr);                                     \
    if (!faxian_try_result_) {                                            \
      return tl::unexpected<::faxian::Error>(faxian_try_result_.error()); \
    }                                                                     \
  } while (false)

// Assigns the value of a Result-returning expression to `target`, or propagates its error.
#define FAXIAN_TRY_ASSIGN(target, expr)                                   \
  do {                                                                    \
    auto faxian_try_result_ = (expr);                                     \
    if (!faxian_try_result_) {                                            \
      return tl::unexpected<::faxian::Error>(faxian_try_result_.error()); \
    }                                                                     \
    (target) = std::move(*faxian_try_result_);                            \
  } while (false)
