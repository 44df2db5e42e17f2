// Routes: public (to be filled in).

#include "api/router.hpp"

namespace faxian::api {

void register_public_routes(Router&) {}

}  // namespace faxian::api
