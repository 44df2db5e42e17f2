#pragma once
// Which encoding a CSV file is in (20-feeds.md: "a file that is valid UTF-8 throughout is
// UTF-8, otherwise GB18030"), decided on the whole file by one fast pass before any row is
// read, and a fast UTF-8 validity check for single fields.
//
// Refinement where the rule would do harm: a file that is overwhelmingly UTF-8 (at least
// kUtf8MajorityRatio valid multi-byte sequences per invalid byte) but has a few corrupt bytes is
// read as UTF-8 and only the rows holding the corrupt bytes become problems. Read as GB18030,
// every Chinese name in it would silently turn into other Chinese characters. Real GB18030
// text has far fewer valid UTF-8 sequences than invalid bytes, so it is never mistaken.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "ingest/table_reader_source.hpp"

namespace faxian::ingest {

enum class TextEncoding { kUtf8, kGb18030 };

inline constexpr int64_t kUtf8MajorityRatio = 20;

// What a UTF-8 validity pass saw.
struct Utf8Census {
  int64_t multibyte = 0;  // valid sequences of 2–4 bytes
  int64_t invalid = 0;    // bytes that do not belong to a valid sequence
};

// Scans one block of bytes, adding to `census`. Returns how many bytes were consumed: all of
// them when `final`, otherwise it stops before a sequence that may continue in the next block
// (at most 3 bytes are left over; the caller prepends them to the next block).
size_t scan_utf8_block(const char* data, size_t size, bool final, Utf8Census& census);

// The census of a whole source, read in large blocks. Errors: the source's read errors.
Result<Utf8Census> scan_utf8_source(ByteSource& source);

// The rule above: UTF-8 when nothing is invalid or UTF-8 is the overwhelming majority.
TextEncoding choose_encoding(const Utf8Census& census);

// Whether `text` is valid UTF-8 throughout (fast path for ASCII).
bool is_utf8(std::string_view text);

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

// Whether every byte of `text` is ASCII.
bool is_ascii(std::string_view text);

}  // namespace faxian::ingest
