#include "ingest/encoding_detect.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "common/text.hpp"

namespace faxian::ingest {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr size_t kScanBlock = 4 << 20;

// The length of the sequence a lead byte starts (0: not a lead byte) and the allowed range of
// its second byte (which rules out overlong forms, surrogates and code points > U+10FFFF).
struct Lead {
  int length;
  unsigned char second_min;
  unsigned char second_max;
};

Lead lead_of(unsigned char byte) {
  if (byte >= 0xC2 && byte <= 0xDF)
    return {2, 0x80, 0xBF};
  if (byte == 0xE0)
    return {3, 0xA0, 0xBF};
  if (byte == 0xED)
    return {3, 0x80, 0x9F};
  if (byte >= 0xE1 && byte <= 0xEF)
    return {3, 0x80, 0xBF};
  if (byte == 0xF0)
    return {4, 0x90, 0xBF};
  if (byte >= 0xF1 && byte <= 0xF3)
    return {4, 0x80, 0xBF};
  if (byte == 0xF4)
    return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Skips ASCII 16 bytes at a time; returns the position of the first non-ASCII byte or `size`.
size_t skip_ascii(const unsigned char* data, size_t pos, size_t size) {
  while (pos + 16 <= size) {
    uint64_t first = 0;
    uint64_t second = 0;
    std::memcpy(&first, data + pos, 8);
    std::memcpy(&second, data + pos + 8, 8);
    if (((first | second) & kHighBits) != 0)
      break;
    pos += 16;
  }
  while (pos < size && data[pos] < 0x80)
    ++pos;
  return pos;
}

// Whether the `length`-byte sequence at data[pos] is valid (REQUIRES: it fits in the block).
bool valid_sequence(const unsigned char* data, size_t pos, const Lead& lead) {
  const unsigned char second = data[pos + 1];
  if (second < lead.second_min || second > lead.second_max)
    return false;
  for (int offset = 2; offset < lead.length; ++offset) {
    if (!is_continuation(data[pos + offset]))
      return false;
  }
  return true;
}

}  // namespace

size_t scan_utf8_block(const char* data, size_t size, bool final, Utf8Census& census) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  size_t pos = 0;
  while (true) {
    pos = skip_ascii(bytes, pos, size);
    if (pos >= size)
      return size;
    // Fast path for the common case, a CJK character (three bytes, E1–EC or EE–EF lead).
    while (pos + 3 <= size && (bytes[pos] & 0xF0) == 0xE0 && bytes[pos] != 0xE0 &&
           bytes[pos] != 0xED && is_continuation(bytes[pos + 1]) &&
           is_continuation(bytes[pos + 2])) {
      ++census.multibyte;
      pos += 3;
    }
    if (pos >= size || bytes[pos] < 0x80)
      continue;
    const Lead lead = lead_of(bytes[pos]);
    if (lead.length == 0) {
      ++census.invalid;
      ++pos;
      continue;
    }
    if (pos + lead.length > size) {
      if (!final)
        return pos;
      ++census.invalid;
      ++pos;
      continue;
    }
    if (valid_sequence(bytes, pos, lead)) {
      ++census.multibyte;
      pos += lead.length;
    } else {
      ++census.invalid;
      ++pos;
    }
  }
}

Result<Utf8Census> scan_utf8_source(ByteSource& source) {
  Utf8Census census;
  const size_t block_size =
      static_cast<size_t>(std::clamp<int64_t>(source.size(), 1, static_cast<int64_t>(kScanBlock)));
  std::vector<char> block(block_size + 4);
  size_t carried = 0;
  int64_t offset = 0;
  while (true) {
    auto count = source.read_at(offset, block.data() + carried, block_size);
    if (!count)
      return tl::unexpected(count.error());
    offset += static_cast<int64_t>(*count);
    const size_t available = carried + *count;
    const bool final = *count == 0;
    const size_t used = scan_utf8_block(block.data(), available, final, census);
    if (final)
      return census;
    carried = available - used;
    std::memmove(block.data(), block.data() + used, carried);
  }
}

TextEncoding choose_encoding(const Utf8Census& census) {
  if (census.invalid == 0)
    return TextEncoding::kUtf8;
  return census.multibyte >= kUtf8MajorityRatio * census.invalid ? TextEncoding::kUtf8
                                                                 : TextEncoding::kGb18030;
}

bool is_utf8(std::string_view text) {
  Utf8Census census;
  scan_utf8_block(text.data(), text.size(), true, census);
  return census.invalid == 0;
}

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t code_point = next_code_point(text, pos);
    if (code_point == kInvalidUtf8)
      append_utf8(out, 0xFFFD);
    else
      out.append(text.substr(start, pos - start));
  }
  return out;
}

bool is_ascii(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  return skip_ascii(bytes, 0, text.size()) == text.size();
}

}  // namespace faxian::ingest
