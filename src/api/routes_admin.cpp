// Routes: admin (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_admin_routes(Router&) {}

}  // namespace faxian::api
