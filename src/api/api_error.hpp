#pragma once
// The API's error format (50-api-security.md): {"error": {"code", "message", "details"}} with
// the status that fits the error — 400 invalid input, 404 not found (also for another area's
// data), 409 conflict or stale version, 422 a rule violation such as an illegal transition,
// 503 when data the answer needs is missing. Never a stack trace; never a 500 for bad input.

#include <string>

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace faxian::api {

// The HTTP status of an error code.
int http_status_of(ErrorCode code);

// {"error": {"code": "<error_code_name>", "message": "<Chinese>", "details": {...}}}. The English
// detail stays in the server's log, not in the body.
nlohmann::json error_body(const Error& error,
                          const nlohmann::json& details = nlohmann::json::object());

// An error body for a status the server itself produces (404 no such route, 413 too large …).
nlohmann::json error_body(std::string_view code, std::string_view message);

}  // namespace faxian::api
