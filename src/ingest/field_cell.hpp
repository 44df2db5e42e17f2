#pragma once
// Helpers every field parser uses to look at a Cell: blankness, trimmed text, the decimal text
// of a number cell, the error for a cell of the wrong kind, and values shown in messages.

#include <string>
#include <string_view>

#include "ingest/field_error.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

// True for an empty cell or text that is blank after trimming (ASCII spaces and U+3000).
bool is_blank(const Cell& cell);
// The cell's text without surrounding ASCII spaces and U+3000.
std::string_view trimmed_text(const Cell& cell);
// Whether to_half_width would change the text (full-width forms U+FF01–FF5E or U+3000).
bool has_full_width(std::string_view text);
// Whether text holds only ASCII digits (and is not empty).
bool is_ascii_digits(std::string_view text);

// The decimal text of a kNumber cell: the stored text when it is a plain decimal ("123",
// "-1.5"); the whole number when the stored text uses an exponent and the value is a whole
// number below 2^53 ("1.5E+3" → "1500"); otherwise the stored text, trimmed.
std::string number_text(const Cell& cell);
// The value of a whole-number kNumber/kDate cell, or false when it is not a whole number
// within ±2^53.
bool whole_number(const Cell& cell, int64_t& out);

// The error for a kError cell: an Excel error value (text starting '#') is kCellError,
// anything else (bytes invalid in the file's encoding) kBadEncoding.
FieldError error_cell_error(const Cell& cell);
// The error for text that is not valid UTF-8 (kBadEncoding).
FieldError bad_encoding_error();
// The error for a cell whose kind the column cannot hold ("a date cell in a money column").
FieldError wrong_kind_error(const Cell& cell, std::string_view code, std::string_view expected_zh,
                            std::string_view expected_en);

// A value as shown in a message: at most 40 code points (then "…"), invalid bytes as U+FFFD.
std::string shown(std::string_view text);
// An ID-like value as shown in a message: when it holds 10 or more digits, every character
// but the first 6 and the last 4 becomes '*', so a message never repeats a full resident ID.
std::string shown_masked(std::string_view text);

}  // namespace faxian::ingest
