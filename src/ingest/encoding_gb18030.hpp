#pragma once
// GB18030 (a superset of GBK and GB2312) → UTF-8, one field at a time, with ICU. A byte
// sequence that is invalid or unmapped in GB18030 is reported, never replaced silently.

#include <string>
#include <string_view>

#include "common/error.hpp"

struct UConverter;

namespace faxian::ingest {

class Gb18030Decoder {
 public:
  // Opens the ICU converters; kInternal if ICU lacks GB18030 (it never does in Debian's ICU).
  static Result<Gb18030Decoder> create();
  Gb18030Decoder(Gb18030Decoder&& other) noexcept;
  Gb18030Decoder& operator=(Gb18030Decoder&& other) noexcept;
  Gb18030Decoder(const Gb18030Decoder&) = delete;
  Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;
  ~Gb18030Decoder();

  // Converts `bytes` to UTF-8 into `out` (replacing its content): false when `bytes` holds a
  // sequence that is invalid, truncated or unmapped in GB18030 (`out` is then unspecified).
  bool to_utf8(std::string_view bytes, std::string& out);
  // For showing a bad field: every invalid sequence becomes U+FFFD, the rest is converted.
  std::string to_utf8_lossy(std::string_view bytes);

 private:
  Gb18030Decoder(UConverter* gb18030, UConverter* utf8, UConverter* lossy)
      : gb18030_(gb18030), utf8_(utf8), lossy_(lossy) {}
  void close();

  UConverter* gb18030_ = nullptr;
  UConverter* utf8_ = nullptr;
  UConverter* lossy_ = nullptr;  // GB18030 with ICU's default substitution
};

}  // namespace faxian::ingest
