// GET /api/v1/openapi.json (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_openapi_route(Router&) {}

}  // namespace faxian::api
