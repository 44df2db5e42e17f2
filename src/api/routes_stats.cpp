// Routes: stats (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_stats_routes(Router&) {}

}  // namespace faxian::api
