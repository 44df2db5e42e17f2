#include "common/text.hpp"

namespace faxian {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

struct SequenceShape {
  std::size_t length;  // 0 = not a valid lead byte
  char32_t initial_bits;
  char32_t minimum;  // smallest code point allowed for this length (rejects overlongs)
};

SequenceShape shape_of(unsigned char lead) {
  if (lead < 0x80)
    return {1, lead, 0};
  if (lead >= 0xC2 && lead <= 0xDF)
    return {2, static_cast<char32_t>(lead & 0x1F), 0x80};
  if (lead >= 0xE0 && lead <= 0xEF)
    return {3, static_cast<char32_t>(lead & 0x0F), 0x800};
  if (lead >= 0xF0 && lead <= 0xF4)
    return {4, static_cast<char32_t>(lead & 0x07), 0x10000};
  return {0, 0, 0};
}

}  // namespace

std::string_view trim(std::string_view text) {
  for (;;) {
    if (!text.empty() && is_ascii_space(text.front())) {
      text.remove_prefix(1);
    } else if (text.starts_with(kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && is_ascii_space(text.back())) {
      text.remove_suffix(1);
    } else if (text.ends_with(kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return text;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const SequenceShape shape = shape_of(lead);
  if (shape.length == 0 || pos + shape.length > text.size()) {
    ++pos;
    return kInvalidUtf8;
  }
  char32_t code_point = shape.initial_bits;
  for (std::size_t offset = 1; offset < shape.length; ++offset) {
    const auto byte = static_cast<unsigned char>(text[pos + offset]);
    if (!is_continuation(byte)) {
      ++pos;
      return kInvalidUtf8;
    }
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < shape.minimum || surrogate || code_point > 0x10FFFF) {
    ++pos;
    return kInvalidUtf8;
  }
  pos += shape.length;
  return code_point;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string to_half_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out += static_cast<char>(cp - 0xFEE0);
    } else if (cp == 0x3000) {
      out += ' ';
    } else {
      out.append(text.substr(start, pos - start));  // also passes invalid bytes through
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (next_code_point(text, pos) == kInvalidUtf8)
      return false;
  }
  return true;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    next_code_point(text, pos);
    ++count;
  }
  return count;
}

std::string_view strip_utf8_bom(std::string_view text) {
  if (text.starts_with(kUtf8Bom))
    text.remove_prefix(kUtf8Bom.size());
  return text;
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string mask_phone(std::string_view phone) {
  const std::size_t length = code_point_count(phone);
  const std::size_t keep_front = length >= 8 ? 3 : 0;
  const std::size_t keep_back = length >= 8 ? 4 : (length > 2 ? 2 : 0);
  std::string out;
  std::size_t pos = 0;
  for (std::size_t index = 0; index < length; ++index) {
    const std::size_t start = pos;
    next_code_point(phone, pos);
    if (index < keep_front || index >= length - keep_back) {
      out.append(phone.substr(start, pos - start));
    } else {
      out += '*';
    }
  }
  return out;
}

std::string mask_name(std::string_view name) {
  const std::size_t length = code_point_count(name);
  if (length <= 1)
    return length == 0 ? std::string() : std::string("*");
  std::size_t pos = 0;
  next_code_point(name, pos);
  std::string out(name.substr(0, pos));
  out.append(length - 1, '*');
  return out;
}

}  // namespace faxian
