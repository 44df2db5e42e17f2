#pragma once
// Routes of the API and what every one of them does before its handler runs
// (50-api-security.md): lease a database connection, authenticate (session cookie or department
// API token), check the role, refuse accounts that must change their password first, check the
// CSRF token of state-changing session requests, parse the JSON body — then map the handler's
// Result to the JSON body and status. Routes are declared with OpenAPI-style templates
// ("/api/v1/leads/{lead_no}"); the table is kept so a test can compare it with openapi.json.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/area_scope.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/audit_log.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
class ContentReader;
}  // namespace httplib

namespace faxian::api {

struct ServerContext;

// Who may call a route.
struct Access {
  bool is_public = false;               // no login (the public report form, health)
  std::vector<Role> roles;              // empty: every logged-in role
  bool department_tokens = false;       // department API tokens accepted too
  bool before_password_change = false;  // allowed while the password must still be changed
  bool streamed_body = false;           // the handler reads the body itself (file uploads)

  static Access anyone() { return {}; }
  static Access only(std::vector<Role> roles) {
    Access access;
    access.roles = std::move(roles);
    return access;
  }
  static Access open() {
    Access access;
    access.is_public = true;
    return access;
  }
};

// How the caller was authenticated.
struct Caller {
  enum class Kind { kAnonymous, kSession, kToken };
  Kind kind = Kind::kAnonymous;
  workflow::Actor actor;
  std::optional<int64_t> session_id{};
  std::optional<int64_t> token_id{};
  std::vector<std::string> token_feeds;  // feeds a token may upload
  bool must_change_password = false;
  std::string csrf_token;  // a session's, for GET /api/v1/me (a reloaded page needs it again)
};

struct Reply {
  int status = 200;
  nlohmann::json body;       // sent as JSON unless `raw` is set
  std::string raw;           // a non-JSON body (.xlsx, text)
  std::string content_type;  // for `raw`
  std::vector<std::pair<std::string, std::string>> headers;

  static Reply json(nlohmann::json body, int status = 200) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
  }
};

struct PageRequest {
  int page = 1;
  int page_size = 50;
  int offset() const { return (page - 1) * page_size; }
};
constexpr int kMaxPageSize = 500;

// {"items": [...], "page", "page_size", "total"} (50-api-security.md "Lists").
nlohmann::json page_body(nlohmann::json items, const PageRequest& page, int64_t total);

// Everything a handler may use about one request.
class Call {
 public:
  Call(const httplib::Request& request, httplib::Response& response, ServerContext& server,
       Database& db, Caller caller, std::vector<std::string> path_params, nlohmann::json body,
       const httplib::ContentReader* content_reader)
      : request(request),
        response(response),
        server(server),
        db(db),
        caller(std::move(caller)),
        content_reader(content_reader),
        params_(std::move(path_params)),
        body_(std::move(body)) {}

  const httplib::Request& request;
  httplib::Response& response;
  ServerContext& server;
  Database& db;
  Caller caller;

  const workflow::Actor& actor() const { return caller.actor; }
  // The n-th {parameter} of the route's path (percent-decoded).
  const std::string& param(size_t index) const { return params_.at(index); }
  // A query parameter; nullopt when absent or empty.
  std::optional<std::string> query(std::string_view name) const;
  // A YYYY-MM-DD query parameter; kInvalidArgument when malformed.
  Result<std::optional<Date>> query_date(std::string_view name) const;
  // ?page=&page_size= (defaults 1 and 50; page_size at most 500); kInvalidArgument otherwise.
  Result<PageRequest> page() const;
  // The JSON body: an object (empty when the request had none).
  const nlohmann::json& body() const { return body_; }
  // The client address (the peer; X-Forwarded-For only from a loopback proxy).
  std::string address() const;
  // The household area of the caller; nullopt when its role sees no household.
  std::optional<AreaScope> scope() const { return household_scope(caller.actor); }
  // An audit entry with who and from where filled in.
  workflow::AuditEntry audit_entry(std::string_view action, std::string_view object_type,
                                   std::string_view object_id) const;
  // Queues the audit of a view (written within a fraction of a second, see audit_queue.hpp).
  void audit_view(std::string_view action, std::string_view object_type, std::string_view object_id,
                  std::string detail = "{}") const;
  // The calendar-aware "today" of the server's clock.
  Date today() const;
  const Clock& clock() const;

  const httplib::ContentReader* content_reader;  // streamed_body routes only

 private:
  std::vector<std::string> params_;
  nlohmann::json body_;
};

using Handler = std::function<Result<Reply>(Call&)>;

struct RouteInfo {
  std::string method;  // "GET", "POST", "DELETE", "PUT", "PATCH"
  std::string path;    // OpenAPI template
  Access access;
};

class Router {
 public:
  Router(httplib::Server& server, ServerContext& context) : server_(server), context_(context) {}

  void add(std::string_view method, std::string_view path, Access access, Handler handler);
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  httplib::Server& server_;
  ServerContext& context_;
  std::vector<RouteInfo> routes_;
};

// Helpers for reading JSON bodies without exceptions: kInvalidArgument naming the field.
Result<std::string> required_string(const nlohmann::json& body, std::string_view field);
std::optional<std::string> optional_string(const nlohmann::json& body, std::string_view field);
Result<int64_t> required_integer(const nlohmann::json& body, std::string_view field);
Result<std::optional<Date>> optional_date(const nlohmann::json& body, std::string_view field);

// Every route group registers itself here (one file each, routes_*.cpp).
void register_session_routes(Router& router);
void register_household_routes(Router& router);
void register_warning_routes(Router& router);
void register_lead_routes(Router& router);
void register_feed_routes(Router& router);
void register_stats_routes(Router& router);
void register_public_routes(Router& router);
void register_admin_routes(Router& router);
void register_casework_routes(Router& router);
void register_openapi_route(Router& router);

}  // namespace faxian::api
