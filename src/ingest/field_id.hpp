#pragma once
// 身份证号 from a cell, normalised as 20-feeds.md says (through ResidentId::parse): text only —
// a number cell is always an error, because Excel keeps 15 significant digits and drops the X.

#include <string_view>

#include "common/resident_id.hpp"
#include "ingest/field_error.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

// The ID in a cell. Strips the CSV-export wrappers `'…` and `="…"` before ResidentId::parse.
// Errors: kScientificId for a number cell or text in scientific notation ("5.00241E+17");
// kBadResidentId for everything else wrong (length, characters, birth date, check character,
// a date/boolean cell); kCellError/kBadEncoding for an error cell.
FieldResult<ResidentId> parse_resident_id(const Cell& cell);
// The same for text.
FieldResult<ResidentId> parse_resident_id_text(std::string_view text);
// parse_resident_id into an existing ID (copy-assigned, reusing its storage); errors as above.
FieldResult<void> parse_resident_id_into(const Cell& cell, ResidentId& out);
// Text without the wrappers exports put around IDs to keep them text: a leading apostrophe
// ("'5002…") or an Excel formula string ("=\"5002…\""); trimmed inside and out.
std::string_view unwrap_id_text(std::string_view text);

}  // namespace faxian::ingest
