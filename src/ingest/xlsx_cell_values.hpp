#pragma once
// Small conversions for .xlsx cell values: column letters, ISO dates of `t="d"` cells, the
// `_xHHHH_` escapes OOXML uses for control characters, and numbers as text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faxian::ingest {

// The 0-based column of a cell reference ("C7" → 2, "AA10" → 26); nullopt when it does not
// start with a letter. Columns past ZZZZZZ saturate (still far beyond any row limit).
std::optional<int64_t> column_of_reference(std::string_view reference);

// The Excel serial (1900 system) of an ISO 8601 date or date-time ("2023-01-05",
// "2023-01-05T08:30:00", optional fraction and "Z"); nullopt when it is not one.
std::optional<double> excel_serial_from_iso(std::string_view text);

// Decodes `_xHHHH_` escapes in place (`_x000D_` → CR, `_x005F_` → '_'); NUL and surrogates stay
// escaped.
void unescape_ooxml(std::string& text);

// A number as the shortest text that reads back as the same double ("45292", "0.5").
std::string number_text(double value);

}  // namespace faxian::ingest
