// faxian serve [--listen 127.0.0.1:8080]
// Runs the HTTP server (src/api) on the --db database until interrupted (SIGINT/SIGTERM stop it
// gracefully: requests in flight finish).

#include <csignal>
#include <iostream>

#include <fmt/format.h>

#include "api/api_server.hpp"
#include "cli/commands.hpp"
#include "cli/open_store.hpp"

namespace faxian::cli {
namespace {

api::ApiServer* running_server = nullptr;

extern "C" void stop_on_signal(int) {
  if (running_server != nullptr)
    running_server->stop();
}

// "HOST:PORT" → host and port; kInvalidArgument otherwise.
Result<std::pair<std::string, int>> parse_listen(const std::string& text) {
  const size_t colon = text.rfind(':');
  int port = 0;
  if (colon != std::string::npos && colon > 0) {
    try {
      size_t used = 0;
      port = std::stoi(text.substr(colon + 1), &used);
      if (used != text.size() - colon - 1)
        port = 0;
    } catch (const std::exception&) {
      port = 0;
    }
  }
  if (port < 1 || port > 65535) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("监听地址“{}”无效，应为 主机:端口，例如 127.0.0.1:8080", text),
                "bad --listen");
  }
  return std::pair{text.substr(0, colon), port};
}

int run_serve(const GlobalOptions& global, const std::string& listen) {
  auto address = parse_listen(listen);
  if (!address) {
    report_error(global, address.error());
    return kExitUsage;
  }
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());  // migrate once before serving
  if (!db)
    return report_error(global, db.error());
  api::ServerConfig config;
  config.database_url = global.db;
  config.host = address->first;
  config.port = address->second;
  api::ApiServer server(config);
  if (auto bound = server.bind(); !bound)
    return report_error(global, bound.error());
  running_server = &server;
  std::signal(SIGINT, stop_on_signal);
  std::signal(SIGTERM, stop_on_signal);
  fmt::print(fmt::runtime(global.lang == "en" ? "serving on http://{}:{}\n"
                                              : "服务已启动：http://{}:{}\n"),
             config.host, server.port());
  std::cout.flush();
  server.serve();
  running_server = nullptr;
  return kExitOk;
}

}  // namespace

void register_serve_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  CLI::App* serve = app.add_subcommand("serve", "运行网页服务与接口 (run the web server and API)");
  serve->add_option("--listen", *listen, "监听地址 主机:端口（默认 127.0.0.1:8080）");
  serve->callback([&global, &exit_code, listen] { exit_code = run_serve(global, *listen); });
}

}  // namespace faxian::cli
