// Routes: feed (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_feed_routes(Router&) {}

}  // namespace faxian::api
