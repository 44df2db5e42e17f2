// faxian serve [--listen 127.0.0.1:8080] [--tls-cert F --tls-key F] [--web DIR]
// Runs the HTTP server (src/api) on the --db database until interrupted (SIGINT/SIGTERM stop it
// gracefully: requests in flight finish, queued view audits are written).

#include <csignal>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "api/api_server.hpp"
#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "cli/shipped_data.hpp"

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

Result<void> check_tls(const ServeOptions& options) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return fail(ErrorCode::kInvalidArgument, "--tls-cert 与 --tls-key 须同时给出",
                "tls cert without key");
  }
  for (const std::string& file : {options.tls_cert, options.tls_key}) {
    if (!file.empty() && !std::filesystem::is_regular_file(file)) {
      return fail(ErrorCode::kInvalidArgument, fmt::format("找不到 TLS 文件：{}", file),
                  "tls file missing");
    }
  }
  return ok();
}

}  // namespace

int serve_until_stopped(const GlobalOptions& global, const ServeOptions& options) {
  auto address = parse_listen(options.listen);
  if (!address) {
    report_error(global, address.error());
    return kExitUsage;
  }
  if (auto tls = check_tls(options); !tls) {
    report_error(global, tls.error());
    return kExitUsage;
  }
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());  // migrate once before serving
  if (!db)
    return report_error(global, db.error());
  db->reset();
  api::ServerConfig config;
  config.database_url = global.db;
  config.host = address->first;
  config.port = address->second;
  config.tls_cert = options.tls_cert;
  config.tls_key = options.tls_key;
  config.static_dir = options.web_dir.empty() ? shipped_web_dir() : options.web_dir;
  api::ApiServer server(config);
  if (auto bound = server.bind(); !bound)
    return report_error(global, bound.error());
  running_server = &server;
  std::signal(SIGINT, stop_on_signal);
  std::signal(SIGTERM, stop_on_signal);
  const char* scheme = config.tls_cert.empty() ? "http" : "https";
  fmt::print(
      fmt::runtime(global.lang == "en" ? "serving on {}://{}:{}\n" : "服务已启动：{}://{}:{}\n"),
      scheme, config.host, server.port());
  std::cout.flush();
  server.serve();
  server.stop();
  running_server = nullptr;
  return kExitOk;
}

void add_serve_options(CLI::App& command, ServeOptions& options) {
  command.add_option("--listen", options.listen, "监听地址 主机:端口（默认 127.0.0.1:8080）");
  command.add_option("--tls-cert", options.tls_cert, "TLS 证书 PEM 文件（与 --tls-key 一起）");
  command.add_option("--tls-key", options.tls_key, "TLS 私钥 PEM 文件");
  command.add_option("--web", options.web_dir, "网页界面文件夹（默认为构建好的 web/dist）");
}

void register_serve_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "运行网页服务与接口 (run the web server and API)");
  add_serve_options(*serve, *options);
  serve->callback(
      [&global, &exit_code, options] { exit_code = serve_until_stopped(global, *options); });
}

}  // namespace faxian::cli
