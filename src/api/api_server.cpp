#include "api/api_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <regex>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "api/api_error.hpp"
#include "api/router.hpp"
#include "api/server_context.hpp"
#include "common/file_util.hpp"
#include "store/migrations/migrations.hpp"

namespace faxian::api {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(), kJson);
}

// 50-api-security.md "Hardening": CSP, no sniffing, no framing, no referrer leaks. (Blob workers:
// the web app compresses its .xlsx exports in one.)
httplib::Headers security_headers() {
  return {{"Content-Security-Policy",
           "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
           "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Cache-Control", "no-store"}};
}

// The JSON body of a status the server produced itself (no route, too large …).
nlohmann::json status_body(int status) {
  switch (status) {
    case 404:
      return error_body("not_found", "请求的资源不存在");
    case 405:
      return error_body("method_not_allowed", "不支持此请求方法");
    case 413:
      return error_body("payload_too_large", "请求内容过大");
    case 401:
      return error_body("unauthenticated", "请先登录");
    case 403:
      return error_body("permission_denied", "无权访问");
    case 400:
      return error_body("invalid_argument", "请求格式错误");
    default:
      return error_body("internal", "服务器内部错误，请稍后重试");
  }
}

// Ready: the database opens and carries this binary's schema.
Result<void> check_ready(const std::string& url) {
  auto db = open_database(url);
  if (!db)
    return tl::unexpected(db.error());
  auto version = schema_version(**db);
  if (!version)
    return tl::unexpected(version.error());
  if (*version != latest_schema_version()) {
    return fail(ErrorCode::kUnavailable,
                fmt::format("数据库结构版本为 {}，应为 {}，请先运行 faxian init", *version,
                            latest_schema_version()),
                "schema version mismatch");
  }
  return ok();
}

}  // namespace

ServerContext::ServerContext(const ServerConfig& config, const Clock& clock)
    : config(config),
      clock(clock),
      pool(config.database_url),
      audit(config.database_url, clock),
      public_reports(config.public_reports_per_hour, 3600),
      login_attempts(50, 15 * 60),
      public_lookups(config.public_lookups_per_hour, 3600),
      tls(!config.tls_cert.empty()) {}

namespace {

std::unique_ptr<httplib::Server> make_server(const ServerConfig& config) {
  if (!config.tls_cert.empty() || !config.tls_key.empty())
    return std::make_unique<httplib::SSLServer>(config.tls_cert.c_str(), config.tls_key.c_str());
  return std::make_unique<httplib::Server>();
}

// Whether a request may carry a body over the JSON limit: only the streamed feed upload.
bool is_upload(const httplib::Request& request) {
  static const std::regex upload(R"(^/api/v1/feeds/[^/]+/batches$)");
  return request.method == "POST" && std::regex_match(request.path, upload);
}

}  // namespace

ApiServer::ApiServer(ServerConfig config)
    : config_(std::move(config)), server_(make_server(config_)) {
  context_ = std::make_unique<ServerContext>(
      config_, config_.clock != nullptr ? *config_.clock : system_clock_);
  router_ = std::make_unique<Router>(*server_, *context_);
  configure();
  register_session_routes(*router_);
  register_household_routes(*router_);
  register_warning_routes(*router_);
  register_lead_routes(*router_);
  register_feed_routes(*router_);
  register_stats_routes(*router_);
  register_public_routes(*router_);
  register_admin_routes(*router_);
  register_casework_routes(*router_);
  register_openapi_route(*router_);
  configure_static_files();
}

const std::vector<RouteInfo>& ApiServer::routes() const {
  return router_->routes();
}

void ApiServer::flush_audit() {
  context_->audit.flush();
}

// The built web UI, and only it: files under static_dir, with index.html for the app's own
// paths (client-side routing). No directory listing; /api and health paths never fall through.
void ApiServer::configure_static_files() {
  if (config_.static_dir.empty())
    return;
  if (!server_->set_mount_point("/", config_.static_dir)) {
    spdlog::warn("web UI folder {} not found; serving the API only", config_.static_dir);
    return;
  }
  const std::string index = config_.static_dir + "/index.html";
  server_->Get(R"(/(?!api/|healthz|readyz)[A-Za-z0-9/_-]*)",
               [index](const httplib::Request&, httplib::Response& response) {
                 std::string html;
                 if (auto read = read_file(index); read) {
                   html = std::move(*read);
                 }
                 if (html.empty()) {
                   send_json(response, 404, status_body(404));
                   return;
                 }
                 response.set_content(html, "text/html; charset=utf-8");
               });
}

ApiServer::~ApiServer() {
  stop();
}

void ApiServer::configure() {
  httplib::Server& server = *server_;
  server.set_tcp_nodelay(true);
  // httplib's default is max(8, cores − 1) threads: on a 2-core server, 9 open keep-alive
  // connections (one busy office) would make the 9th wait for another to close.
  const auto threads = static_cast<size_t>(std::max(config_.worker_threads, 2));
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which lets a second server
  // bind the same port and share its connections instead of failing clearly.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof yes);
  });
  server.set_keep_alive_max_count(static_cast<size_t>(config_.keep_alive_max_count));
  server.set_keep_alive_timeout(config_.keep_alive_timeout_seconds);
  server.set_read_timeout(config_.read_timeout_seconds, 0);
  server.set_write_timeout(config_.write_timeout_seconds, 0);
  server.set_payload_max_length(config_.upload_limit);
  // Bodies over the JSON limit are refused before they are read, except a feed upload.
  server.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        const std::string length = request.get_header_value("Content-Length");
        if (!length.empty() && !is_upload(request) &&
            std::strtoull(length.c_str(), nullptr, 10) > config_.json_body_limit) {
          send_json(response, 413, status_body(413));
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  server.set_default_headers(security_headers());
  // Every error status without a body of its own gets the JSON error body.
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty())
      send_json(response, response.status, status_body(response.status));
  });
  server.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& exception) {
          spdlog::error("unhandled exception on {} {}: {}", request.method, request.path,
                        exception.what());
        } catch (...) {
          spdlog::error("unhandled exception on {} {}", request.method, request.path);
        }
        send_json(response, 500, status_body(500));
      });
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, {{"status", "ok"}});
  });
  server.Get("/readyz", [this](const httplib::Request&, httplib::Response& response) {
    if (auto ready = check_ready(config_.database_url); !ready) {
      spdlog::warn("not ready: {}", ready.error().to_string());
      send_json(response, 503, error_body(ready.error()));
      return;
    }
    send_json(response, 200, {{"status", "ready"}});
  });
}

Result<void> ApiServer::bind() {
  if (config_.port == 0) {
    port_ = server_->bind_to_any_port(config_.host);
  } else {
    port_ = server_->bind_to_port(config_.host, config_.port) ? config_.port : -1;
  }
  if (port_ <= 0) {
    return fail(ErrorCode::kIo,
                fmt::format("无法监听 {}:{}（端口被占用或地址无效）", config_.host, config_.port),
                fmt::format("cannot bind {}:{}", config_.host, config_.port));
  }
  return ok();
}

void ApiServer::serve() {
  server_->listen_after_bind();
}

void ApiServer::start_in_background() {
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int waited_ms = 0; !server_->is_running() && waited_ms < 5000; ++waited_ms)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void ApiServer::stop() {
  if (server_->is_running())
    server_->stop();
  if (thread_.joinable())
    thread_.join();
  if (context_)
    context_->audit.stop();
}

}  // namespace faxian::api
