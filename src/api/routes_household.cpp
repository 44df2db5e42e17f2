// Routes: household (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_household_routes(Router&) {}

}  // namespace faxian::api
