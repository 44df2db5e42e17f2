#include "api/api_error.hpp"

namespace faxian::api {

int http_status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kConstraint:
    case ErrorCode::kIllegalTransition:
      return 422;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kIo:
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

nlohmann::json error_body(const Error& error, const nlohmann::json& details) {
  return {
      {"error",
       {{"code", error_code_name(error.code)}, {"message", error.message}, {"details", details}}}};
}

nlohmann::json error_body(std::string_view code, std::string_view message) {
  return {{"error", {{"code", code}, {"message", message}, {"details", nlohmann::json::object()}}}};
}

}  // namespace faxian::api
