// Routes: lead (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_lead_routes(Router&) {}

}  // namespace faxian::api
