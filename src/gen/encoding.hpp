#pragma once
// UTF-8 → GB18030 for the --messy feeds that departments still send in the national
// encoding (ICU ucnv_convert; every Unicode character has a GB18030 form).

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian::gen {

Result<std::string> utf8_to_gb18030(std::string_view utf8);

}  // namespace faxian::gen
