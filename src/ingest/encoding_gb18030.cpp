#include "ingest/encoding_gb18030.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <utility>

namespace faxian::ingest {
namespace {

// Makes a converter stop (with an error) at the first bad sequence instead of substituting.
void stop_on_error(UConverter* converter, UErrorCode& status) {
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
}

}  // namespace

Result<Gb18030Decoder> Gb18030Decoder::create() {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* gb18030 = ucnv_open("gb18030", &status);
  UConverter* utf8 = U_SUCCESS(status) ? ucnv_open("utf-8", &status) : nullptr;
  if (U_SUCCESS(status)) {
    stop_on_error(gb18030, status);
    stop_on_error(utf8, status);
  }
  if (U_FAILURE(status)) {
    if (gb18030 != nullptr)
      ucnv_close(gb18030);
    if (utf8 != nullptr)
      ucnv_close(utf8);
    return fail(ErrorCode::kInternal, "无法加载 GB18030 编码转换器",
                std::string("ucnv_open failed: ") + u_errorName(status));
  }
  return Gb18030Decoder(gb18030, utf8);
}

Gb18030Decoder::Gb18030Decoder(Gb18030Decoder&& other) noexcept
    : gb18030_(std::exchange(other.gb18030_, nullptr)),
      utf8_(std::exchange(other.utf8_, nullptr)) {}

Gb18030Decoder& Gb18030Decoder::operator=(Gb18030Decoder&& other) noexcept {
  if (this != &other) {
    close();
    gb18030_ = std::exchange(other.gb18030_, nullptr);
    utf8_ = std::exchange(other.utf8_, nullptr);
  }
  return *this;
}

Gb18030Decoder::~Gb18030Decoder() {
  close();
}

void Gb18030Decoder::close() {
  if (gb18030_ != nullptr)
    ucnv_close(gb18030_);
  if (utf8_ != nullptr)
    ucnv_close(utf8_);
  gb18030_ = nullptr;
  utf8_ = nullptr;
}

bool Gb18030Decoder::to_utf8(std::string_view bytes, std::string& out) {
  // A GB18030 character of n bytes becomes at most 3n/2 UTF-8 bytes (2 → 3, 4 → ≤ 4).
  out.resize(bytes.size() * 2 + 4);
  char* target = out.data();
  const char* source = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_convertEx(utf8_, gb18030_, &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target,
                 pivot + std::size(pivot), true, true, &status);
  if (U_FAILURE(status))
    return false;
  out.resize(static_cast<size_t>(target - out.data()));
  return true;
}

}  // namespace faxian::ingest
