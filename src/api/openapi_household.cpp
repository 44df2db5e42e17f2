// OpenAPI paths of the household routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_household_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
