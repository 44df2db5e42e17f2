#include "gen/encoding.hpp"

#include <unicode/ucnv.h>

namespace faxian::gen {

Result<std::string> utf8_to_gb18030(std::string_view utf8) {
  if (utf8.empty())
    return std::string();
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ucnv_convert("gb18030", "utf-8", out.data(), static_cast<int32_t>(out.size()),
                                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out.assign(static_cast<size_t>(length) + 16, '\0');
    length = ucnv_convert("gb18030", "utf-8", out.data(), static_cast<int32_t>(out.size()),
                          utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  }
  if (U_FAILURE(status)) {
    return fail(ErrorCode::kInternal, "无法转换为 GB18030 编码",
                std::string("ucnv_convert to gb18030 failed: ") + u_errorName(status));
  }
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace faxian::gen
