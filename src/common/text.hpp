#pragma once
// Text normalisation shared by parsers and search.

#include <string>
#include <string_view>

namespace faxian {

// Removes leading/trailing ASCII whitespace and U+3000 (ideographic space).
std::string_view trim(std::string_view text);
// Full-width ASCII forms (U+FF01–FF5E) → ASCII, U+3000 → ' '; other text unchanged.
std::string to_half_width(std::string_view text);
// Whether text is valid UTF-8 throughout.
bool is_valid_utf8(std::string_view text);

}  // namespace faxian
