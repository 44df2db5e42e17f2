#pragma once
// Text normalisation shared by parsers and search, plus masking for logs.

#include <cstddef>
#include <string>
#include <string_view>

namespace faxian {

// Removes leading/trailing ASCII whitespace and U+3000 (ideographic space).
std::string_view trim(std::string_view text);
// Full-width ASCII forms (U+FF01–FF5E) → ASCII, U+3000 → ' '; other text unchanged.
std::string to_half_width(std::string_view text);
// Whether text is valid UTF-8 throughout.
bool is_valid_utf8(std::string_view text);

// Returned by next_code_point for a byte that does not start a valid UTF-8 sequence.
inline constexpr char32_t kInvalidUtf8 = 0x110000;

// Decodes the code point starting at text[pos] and moves pos past it. On an invalid,
// truncated, overlong or surrogate sequence returns kInvalidUtf8 and moves pos by one byte.
// REQUIRES: pos < text.size().
char32_t next_code_point(std::string_view text, std::size_t& pos);
// Appends the UTF-8 encoding of code point cp (REQUIRES: cp ≤ U+10FFFF, not a surrogate).
void append_utf8(std::string& out, char32_t cp);
// Number of code points; each invalid byte counts as one.
std::size_t code_point_count(std::string_view text);
// Text without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view strip_utf8_bom(std::string_view text);
// ASCII A–Z lowered; every other byte unchanged.
std::string to_lower_ascii(std::string_view text);

// For logs and masked display: "138****5678" (first 3 and last 4 kept when there are at least
// 8 characters, otherwise only the last 2).
std::string mask_phone(std::string_view phone);
// For logs and masked display: "张*", "欧阳**" (first character kept); a one-character name
// becomes "*".
std::string mask_name(std::string_view name);

}  // namespace faxian
