// Routes: casework (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_casework_routes(Router&) {}

}  // namespace faxian::api
