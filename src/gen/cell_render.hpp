#pragma once
// Renders one cell as text in a file's style. With style.vary, each value's form is drawn
// from `rng` (the per-file, per-chunk messy stream), so messy files mix every accepted form
// while saying exactly what the clean file says.

#include <string>

#include "gen/cell.hpp"
#include "gen/file_style.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

// Appends the text of `cell` (no CSV quoting) to `out`.
void render_cell_text(const Cell& cell, const FileStyle& style, Rng& rng, std::string& out);

// A date format for one value (the style's, or with vary a mix).
DateFormat pick_date_format(const FileStyle& style, Rng& rng);

}  // namespace faxian::gen
