// OpenAPI paths of the feed routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_feed_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
