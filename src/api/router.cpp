#include "api/router.hpp"

#include <httplib.h>
#include <sodium.h>

#include <charconv>
#include <regex>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "api/api_error.hpp"
#include "api/api_server.hpp"
#include "api/api_token_store.hpp"
#include "api/server_context.hpp"
#include "api/session_store.hpp"

namespace faxian::api {
namespace {

// The client's address: the TCP peer, or — when the peer is a proxy on this machine (nginx in
// front, docs/deployment.md) — the last address in its X-Forwarded-For, which is the one that
// proxy saw (earlier entries are whatever the client claimed). Anything that does not look like
// an IP address is ignored.
std::string client_address(const httplib::Request& request) {
  const std::string& peer = request.remote_addr;
  if (peer != "127.0.0.1" && peer != "::1" && peer != "::ffff:127.0.0.1")
    return peer;
  const std::string forwarded = request.get_header_value("X-Forwarded-For");
  std::string_view last = forwarded;
  if (const size_t comma = last.rfind(','); comma != std::string_view::npos)
    last.remove_prefix(comma + 1);
  while (!last.empty() && last.front() == ' ')
    last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ')
    last.remove_suffix(1);
  const bool ip_like = !last.empty() && last.size() <= 45 &&
                       last.find_first_not_of("0123456789abcdefABCDEF.:") == std::string_view::npos;
  return ip_like ? std::string(last) : peer;
}

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::string_view kSessionCookie = "faxian_session";

// "/api/v1/leads/{lead_no}/actions" → "/api/v1/leads/([^/]+)/actions"
std::string path_regex(std::string_view path) {
  static const std::regex parameter(R"(\{[a-z_]+\})");
  return std::regex_replace(std::string(path), parameter, "([^/]+)");
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// The value of one cookie in the Cookie header ("" when absent).
std::string cookie_value(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(';', start);
    if (end == std::string::npos)
      end = header.size();
    std::string_view pair(header.data() + start, end - start);
    while (!pair.empty() && pair.front() == ' ')
      pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    start = end + 1;
  }
  return {};
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void send(httplib::Response& response, const Reply& reply) {
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers)
    response.set_header(name, value);
  if (!reply.raw.empty() || !reply.content_type.empty()) {
    response.set_content(reply.raw, reply.content_type.c_str());
  } else if (reply.status != 204) {
    response.set_content(reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         kJson);
  }
}

void send_error(httplib::Response& response, const Error& error) {
  const int status = http_status_of(error.code);
  if (status >= 500) {
    spdlog::error("request failed: {}", error.to_string());
  } else {
    spdlog::debug("request refused: {}", error.to_string());
  }
  send(response, Reply::json(error_body(error), status));
}

Result<Caller> authenticate_token(Database& db, const Clock& clock, std::string_view secret) {
  ApiToken token;
  FAXIAN_TRY_ASSIGN(token, ApiTokenStore(db, clock).authenticate(secret));
  Caller caller;
  caller.kind = Caller::Kind::kToken;
  // The department's service account: a real user, so the workflow layers never take a token
  // for the system (which may act for every department).
  caller.actor = workflow::Actor{token.user_id, "token:" + token.name, Role::kDepartmentLiaison, "",
                                 token.department};
  caller.token_id = token.id;
  caller.token_feeds = token.feeds;
  return caller;
}

Result<Caller> authenticate(const httplib::Request& request, ServerContext& context, Database& db) {
  const std::string authorization = request.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0)
    return authenticate_token(db, context.clock, std::string_view(authorization).substr(7));
  ActiveSession session;
  FAXIAN_TRY_ASSIGN(session, SessionStore(db, context.clock, context.sessions)
                                 .find(cookie_value(request, kSessionCookie)));
  Caller caller;
  caller.kind = Caller::Kind::kSession;
  caller.actor = workflow::Actor::of(session.user);
  caller.session_id = session.id;
  caller.must_change_password = session.user.must_change_password;
  caller.csrf_token = session.csrf_token;
  if (changes_state(request.method) &&
      !same_secret(request.get_header_value("X-CSRF-Token"), session.csrf_token)) {
    return fail(ErrorCode::kPermissionDenied, "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
                "csrf token missing or wrong");
  }
  return caller;
}

Result<void> authorise(const Caller& caller, const Access& access) {
  if (caller.kind == Caller::Kind::kToken && !access.department_tokens)
    return fail(ErrorCode::kPermissionDenied, "接口令牌无权访问此资源", "token not allowed");
  if (caller.must_change_password && !access.before_password_change) {
    return fail(ErrorCode::kPermissionDenied, "首次登录请先修改密码", "password change required");
  }
  if (!access.roles.empty() && std::find(access.roles.begin(), access.roles.end(),
                                         caller.actor.role) == access.roles.end()) {
    return fail(ErrorCode::kPermissionDenied, "当前角色无权进行此操作", "role not allowed");
  }
  return ok();
}

Result<nlohmann::json> parse_body(const httplib::Request& request, size_t limit) {
  if (request.body.empty())
    return nlohmann::json::object();
  if (request.body.size() > limit)
    return fail(ErrorCode::kTooLarge, "请求内容过大", "json body over the limit");
  const std::string type = request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    return fail(ErrorCode::kInvalidArgument, "请求内容须为 JSON（Content-Type: application/json）",
                "not json");
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return fail(ErrorCode::kInvalidArgument, "请求内容不是有效的 JSON 对象", "malformed json");
  return body;
}

// A distinct error code for the refusals a client handles differently.
nlohmann::json refusal_body(const Error& error) {
  nlohmann::json body = error_body(error);
  if (error.detail == "password change required")
    body["error"]["code"] = "password_change_required";
  else if (error.detail == "csrf token missing or wrong")
    body["error"]["code"] = "csrf_failed";
  return body;
}

void run(ServerContext& context, const Access& access, const Handler& handler,
         const httplib::Request& request, httplib::Response& response,
         const httplib::ContentReader* reader) {
  auto lease = context.pool.acquire();
  if (!lease) {
    send_error(response, Error(ErrorCode::kUnavailable, "数据库暂不可用，请稍后重试",
                               lease.error().to_string()));
    return;
  }
  Database& db = **lease;
  Caller caller;
  if (!access.is_public) {
    auto authenticated = authenticate(request, context, db);
    if (authenticated)
      authenticated->actor.source_address = client_address(request);  // the audit's "from where"
    if (!authenticated) {
      send(response, Reply::json(refusal_body(authenticated.error()),
                                 http_status_of(authenticated.error().code)));
      return;
    }
    if (auto allowed = authorise(*authenticated, access); !allowed) {
      send(response, Reply::json(refusal_body(allowed.error()), 403));
      return;
    }
    caller = std::move(*authenticated);
  }
  nlohmann::json body = nlohmann::json::object();
  if (!access.streamed_body) {
    auto parsed = parse_body(request, context.config.json_body_limit);
    if (!parsed) {
      send_error(response, parsed.error());
      return;
    }
    body = std::move(*parsed);
  }
  std::vector<std::string> params(request.matches.begin() + 1, request.matches.end());
  Call call(request, response, context, db, std::move(caller), std::move(params), std::move(body),
            reader);
  try {
    auto reply = handler(call);
    if (!reply) {
      send_error(response, reply.error());
      return;
    }
    send(response, *reply);
  } catch (const nlohmann::json::exception& exception) {
    // A field of the wrong JSON type that a handler read without checking: bad input, not a bug
    // worth a 500.
    send_error(response,
               Error(ErrorCode::kInvalidArgument, "请求数据的字段类型不正确", exception.what()));
  }
}

}  // namespace

nlohmann::json page_body(nlohmann::json items, const PageRequest& page, int64_t total) {
  return {{"items", std::move(items)},
          {"page", page.page},
          {"page_size", page.page_size},
          {"total", total}};
}

std::optional<std::string> Call::query(std::string_view name) const {
  const std::string key(name);
  if (!request.has_param(key))
    return std::nullopt;
  std::string value = request.get_param_value(key);
  if (value.empty())
    return std::nullopt;
  return value;
}

Result<std::optional<Date>> Call::query_date(std::string_view name) const {
  auto text = query(name);
  if (!text)
    return std::optional<Date>();
  auto date = Date::parse_iso(*text);
  if (!date) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("参数 {} 不是有效日期（应为 YYYY-MM-DD）", name), "bad date");
  }
  return std::optional<Date>(*date);
}

Result<PageRequest> Call::page() const {
  PageRequest page;
  auto read = [&](std::string_view name, int& target, int max) -> Result<void> {
    auto text = query(name);
    if (!text)
      return ok();
    int value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < 1 || value > max) {
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("参数 {} 应为 1 到 {} 之间的整数", name, max), "bad page");
    }
    target = value;
    return ok();
  };
  FAXIAN_TRY(read("page", page.page, 1000000));
  FAXIAN_TRY(read("page_size", page.page_size, kMaxPageSize));
  return page;
}

std::string Call::address() const {
  return client_address(request);
}

workflow::AuditEntry Call::audit_entry(std::string_view action, std::string_view object_type,
                                       std::string_view object_id) const {
  workflow::AuditEntry entry;
  entry.actor = caller.kind == Caller::Kind::kAnonymous ? "public" : caller.actor.name;
  entry.actor_role =
      caller.kind == Caller::Kind::kAnonymous ? "" : std::string(enum_key(caller.actor.role));
  entry.source_address = address();
  entry.action = std::string(action);
  entry.object_type = std::string(object_type);
  entry.object_id = std::string(object_id);
  return entry;
}

void Call::audit_view(std::string_view action, std::string_view object_type,
                      std::string_view object_id, std::string detail) const {
  workflow::AuditEntry entry = audit_entry(action, object_type, object_id);
  entry.detail = std::move(detail);
  server.audit.push(std::move(entry));
}

Date Call::today() const {
  return server.clock.today();
}

const Clock& Call::clock() const {
  return server.clock;
}

void Router::add(std::string_view method, std::string_view path, Access access, Handler handler) {
  routes_.push_back(RouteInfo{std::string(method), std::string(path), access});
  const std::string pattern = path_regex(path);
  ServerContext& context = context_;
  if (access.streamed_body) {
    server_.Post(pattern, [&context, access, handler](const httplib::Request& request,
                                                      httplib::Response& response,
                                                      const httplib::ContentReader& reader) {
      run(context, access, handler, request, response, &reader);
    });
    return;
  }
  auto wrapped = [&context, access, handler](const httplib::Request& request,
                                             httplib::Response& response) {
    run(context, access, handler, request, response, nullptr);
  };
  if (method == "GET")
    server_.Get(pattern, wrapped);
  else if (method == "POST")
    server_.Post(pattern, wrapped);
  else if (method == "PUT")
    server_.Put(pattern, wrapped);
  else if (method == "PATCH")
    server_.Patch(pattern, wrapped);
  else if (method == "DELETE")
    server_.Delete(pattern, wrapped);
}

Result<std::string> required_string(const nlohmann::json& body, std::string_view field) {
  auto value = optional_string(body, field);
  if (!value) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("缺少字段 {}（文本）", field),
                fmt::format("missing string field {}", field));
  }
  return *value;
}

std::optional<std::string> optional_string(const nlohmann::json& body, std::string_view field) {
  auto found = body.find(field);
  if (found == body.end() || !found->is_string())
    return std::nullopt;
  std::string value = found->get<std::string>();
  if (value.empty())
    return std::nullopt;
  return value;
}

Result<int64_t> required_integer(const nlohmann::json& body, std::string_view field) {
  auto found = body.find(field);
  if (found == body.end() || !found->is_number_integer()) {
    return fail(ErrorCode::kInvalidArgument, fmt::format("缺少字段 {}（整数）", field),
                fmt::format("missing integer field {}", field));
  }
  return found->get<int64_t>();
}

Result<std::optional<Date>> optional_date(const nlohmann::json& body, std::string_view field) {
  auto text = optional_string(body, field);
  if (!text)
    return std::optional<Date>();
  auto date = Date::parse_iso(*text);
  if (!date) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("字段 {} 不是有效日期（应为 YYYY-MM-DD）", field), "bad date");
  }
  return std::optional<Date>(*date);
}

}  // namespace faxian::api
