// OpenAPI paths of the casework routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_casework_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
