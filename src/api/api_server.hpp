#pragma once
// `faxian serve`: the HTTP server of 50-api-security.md on cpp-httplib, set up as the notes
// in ../shared/spec/README.md say — TCP_NODELAY (without it every response waits ~40 ms),
// bounded keep-alive (one thread per connection: idle clients must not starve new ones),
// payload, read and write limits — with the security headers on every response and every
// error as the JSON error body. Routes are added per resource (issue 6); this file holds the
// server itself, /healthz (alive) and /readyz (database reachable and migrated).

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"

namespace httplib {
class Server;
}

namespace faxian::api {

struct ServerConfig {
  std::string database_url;  // the --db of the CLI
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: any free port (tests)
  size_t json_body_limit = 1 << 20;  // 1 MiB (50-api-security.md "Hardening")
  int keep_alive_max_count = 100;
  int keep_alive_timeout_seconds = 5;
  // Request threads. httplib keeps a thread on each keep-alive connection until it closes, so
  // this is also how many browser or proxy connections are served at once; the rest wait.
  int worker_threads = 64;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  size_t upload_limit = size_t{2} << 30;  // file uploads, streamed (2 GiB)
  std::string static_dir;                 // the built web UI (web/dist); "" = none
  std::string tls_cert;                   // PEM files; both set = HTTPS
  std::string tls_key;
  int public_reports_per_hour = 5;   // per client address
  int public_lookups_per_hour = 60;  // status lookups by 查询码, per client address
  const Clock* clock = nullptr;      // tests set one; default the system clock
};

struct ServerContext;
class Router;
struct RouteInfo;

class ApiServer {
 public:
  explicit ApiServer(ServerConfig config);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the address (port 0: any free one); kIo with the address when it cannot.
  Result<void> bind();
  // The bound port. REQUIRES: bind() succeeded.
  int port() const { return port_; }
  // Serves until stop(); blocks. REQUIRES: bind() succeeded.
  void serve();
  // Serves on a background thread (tests). REQUIRES: bind() succeeded.
  void start_in_background();
  // Stops serving (graceful: open requests finish) and joins the background thread.
  void stop();
  // Every API route (for the OpenAPI check).
  const std::vector<RouteInfo>& routes() const;
  // Writes queued view audits now (tests).
  void flush_audit();

 private:
  void configure();
  void configure_static_files();

  ServerConfig config_;
  SystemClock system_clock_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Router> router_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace faxian::api
