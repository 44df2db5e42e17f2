#include "ingest/encoding_gb18030.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <utility>

#include "common/text.hpp"

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
  Gb18030Decoder decoder(ucnv_open("gb18030", &status), nullptr, nullptr);
  if (U_SUCCESS(status))
    decoder.utf8_ = ucnv_open("utf-8", &status);
  if (U_SUCCESS(status))
    decoder.lossy_ = ucnv_open("gb18030", &status);
  if (U_SUCCESS(status)) {
    stop_on_error(decoder.gb18030_, status);
    stop_on_error(decoder.utf8_, status);
  }
  if (U_FAILURE(status)) {
    return fail(ErrorCode::kInternal, "无法加载 GB18030 编码转换器",
                std::string("ucnv_open failed: ") + u_errorName(status));
  }
  return decoder;
}

Gb18030Decoder::Gb18030Decoder(Gb18030Decoder&& other) noexcept
    : gb18030_(std::exchange(other.gb18030_, nullptr)),
      utf8_(std::exchange(other.utf8_, nullptr)),
      lossy_(std::exchange(other.lossy_, nullptr)) {}

Gb18030Decoder& Gb18030Decoder::operator=(Gb18030Decoder&& other) noexcept {
  if (this != &other) {
    close();
    gb18030_ = std::exchange(other.gb18030_, nullptr);
    utf8_ = std::exchange(other.utf8_, nullptr);
    lossy_ = std::exchange(other.lossy_, nullptr);
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
  if (lossy_ != nullptr)
    ucnv_close(lossy_);
  gb18030_ = nullptr;
  utf8_ = nullptr;
  lossy_ = nullptr;
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

std::string Gb18030Decoder::to_utf8_lossy(std::string_view bytes) {
  // Through UTF-16 so that each bad sequence becomes exactly U+FFFD.
  std::u16string wide(bytes.size() + 1, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetToUnicode(lossy_);
  const UChar substitute = 0xFFFD;
  ucnv_setSubstString(lossy_, &substitute, 1, &status);
  status = U_ZERO_ERROR;
  const int32_t length = ucnv_toUChars(lossy_, wide.data(), static_cast<int32_t>(wide.size()),
                                       bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  std::string out;
  if (U_FAILURE(status))
    return out;
  for (int32_t index = 0; index < length; ++index) {
    char32_t unit = wide[static_cast<size_t>(index)];
    if (unit >= 0xD800 && unit <= 0xDBFF && index + 1 < length) {
      const char32_t low = wide[static_cast<size_t>(++index)];
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      unit = 0xFFFD;
    }
    append_utf8(out, unit);
  }
  return out;
}

}  // namespace faxian::ingest
