#include "common/error.hpp"

namespace faxian {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kConstraint:
      return "constraint";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kIllegalTransition:
      return "illegal_transition";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kTooLarge:
      return "payload_too_large";
    case ErrorCode::kRateLimited:
      return "rate_limited";
  }
  return "internal";
}

std::string Error::to_string() const {
  std::string text = std::string(error_code_name(code)) + ": " + message;
  if (!detail.empty())
    text += " (" + detail + ")";
  return text;
}

}  // namespace faxian
