#include "store/query.hpp"

#include <fmt/format.h>

namespace faxian {

Error not_found(std::string_view what_zh, std::string_view what_en) {
  return Error(ErrorCode::kNotFound, fmt::format("{}不存在", what_zh),
               fmt::format("{} not found", what_en));
}

}  // namespace faxian
