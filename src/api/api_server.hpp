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
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
};

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

 private:
  void configure();

  ServerConfig config_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace faxian::api
