// Routes: warning (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_warning_routes(Router&) {}

}  // namespace faxian::api
