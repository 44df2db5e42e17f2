#pragma once
// The OpenAPI 3 document served at /api/v1/openapi.json (50-api-security.md). It is written by
// hand, one fragment of `paths` per route group beside that group's routes (openapi_*.cpp), and
// checked against the registered routes by api_openapi_test.cpp (every route documented, every
// documented path routed) and by a standard validator (@apidevtools/swagger-parser).
//
// Shared components every fragment may $ref: "#/components/schemas/Error",
// "#/components/responses/{BadRequest,Unauthorized,Forbidden,NotFound,Conflict,TooLarge,
// Unprocessable,TooManyRequests}", "#/components/parameters/{Page,PageSize}",
// "#/components/securitySchemes/{session,csrf,token}".

#include <nlohmann/json.hpp>

namespace faxian::api {

nlohmann::json openapi_document();

// {"/api/v1/...": {"get": {...}, ...}, ...} for each group.
nlohmann::json openapi_session_paths();
nlohmann::json openapi_household_paths();  // households, persons, regions, warnings
nlohmann::json openapi_lead_paths();       // leads, tasks, notifications
nlohmann::json openapi_feed_paths();       // feeds, batches
nlohmann::json openapi_stats_paths();      // stats, reports
nlohmann::json openapi_public_paths();     // public report form and status
nlohmann::json openapi_admin_paths();      // users, API tokens, audit, rules, standards, calendar
nlohmann::json openapi_casework_paths();   // applications, referrals, coordination, hotline,
                                           // campaigns, visits

}  // namespace faxian::api
