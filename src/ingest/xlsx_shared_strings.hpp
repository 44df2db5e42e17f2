#pragma once
// The shared-strings table of an .xlsx (xl/sharedStrings.xml): every `<si>` — plain `<t>` or
// rich-text runs `<r><t>`, phonetic hints `<rPh>` ignored, `_xHHHH_` escapes decoded — kept in
// one arena with a 4-byte end offset per string, streamed from the zip. A table larger than
// max_shared_strings_bytes is an Error; a string longer than max_field_bytes is kept empty and
// marked, so a cell using it becomes a row problem.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "ingest/table_reader.hpp"
#include "ingest/zip_archive.hpp"

namespace faxian::ingest {

class SharedStrings {
 public:
  enum class Lookup { kFound, kMissing, kTooLong };

  // The string at `index` into `out` (kFound), or why not.
  Lookup get(int64_t index, std::string_view& out) const;
  size_t size() const { return ends_.size(); }

  // Appends a string (used while reading). False when the arena would exceed `max_bytes`.
  bool add(std::string_view text, bool too_long, int64_t max_bytes);

 private:
  std::string arena_;
  std::vector<uint32_t> ends_;
  std::vector<bool> too_long_;
};

// Reads the part `name` of `archive`. Errors: malformed XML, zip guards, the size limit.
Result<SharedStrings> read_shared_strings(ZipArchive& archive, const std::string& name,
                                          const ReaderLimits& limits);

}  // namespace faxian::ingest
