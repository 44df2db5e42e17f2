// OpenAPI paths of the stats routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_stats_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
