// OpenAPI paths of the admin routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_admin_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
