// OpenAPI paths of the lead routes (to be filled in with the routes).

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_lead_paths() {
  return nlohmann::json::object();
}

}  // namespace faxian::api
