// OpenAPI paths of the public routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_public_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
