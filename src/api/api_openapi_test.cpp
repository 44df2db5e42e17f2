// The OpenAPI document against the implementation: every registered route is documented with
// its method, every documented path is registered, the document is served, and a standard
// validator (@apidevtools/swagger-parser, run with node) accepts it.

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "api/api_test_support.hpp"
#include "api/openapi.hpp"
#include "api/router.hpp"
#include "common/node_oracle_for_tests.hpp"

namespace faxian::api {
namespace {

using testing_support::ApiTest;

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class ApiOpenApiTest : public ApiTest {};

TEST_F(ApiOpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedPathIsRouted) {
  start_server();
  const nlohmann::json document = openapi_document();
  std::set<std::pair<std::string, std::string>> routed;
  for (const RouteInfo& route : server_->routes()) {
    routed.emplace(route.path, lower(route.method));
    EXPECT_TRUE(document["paths"].contains(route.path) &&
                document["paths"][route.path].contains(lower(route.method)))
        << route.method << " " << route.path << " is not in openapi.json";
  }
  EXPECT_GT(routed.size(), 5u);
  for (const auto& [path, operations] : document["paths"].items()) {
    if (path == "/healthz" || path == "/readyz")
      continue;  // served by the server itself, checked below
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(routed.contains({path, method}))
          << method << " " << path << " is documented but not routed";
    }
  }
  EXPECT_EQ(get_anonymous("/healthz").status, 200);
  EXPECT_EQ(get_anonymous("/readyz").status, 200);
}

TEST_F(ApiOpenApiTest, TheDocumentIsServedWithoutLogin) {
  start_server();
  auto served = get_anonymous("/api/v1/openapi.json");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body["openapi"], "3.0.3");
  EXPECT_EQ(served.body, openapi_document());
}

TEST_F(ApiOpenApiTest, ASwaggerParserValidatesIt) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("faxian-openapi-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << openapi_document().dump(2);
  auto lines = faxian::testing_support::run_node_oracle("validate_openapi.mjs", file.string(),
                                                        "@apidevtools/swagger-parser");
  std::filesystem::remove(file);
  ASSERT_TRUE(lines.has_value());
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ(lines->front().rfind("valid ", 0), 0u) << lines->front();
}

}  // namespace
}  // namespace faxian::api
