#pragma once
// Whole-file reads and crash-safe whole-file writes. Errors name the file in Chinese.

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace faxian {

// The bytes of the file at `path`; kNotFound if it does not exist, kIo on any other failure.
Result<std::string> read_file(const std::string& path);

// Replaces the file at `path` with `bytes` so that a crash at any moment leaves either the old
// or the new content: writes a temporary file in the same folder, fsyncs it, renames it over
// `path` and fsyncs the folder. An existing file's permission bits are kept; a new file is
// created 0600 (files here tend to hold personal data). kIo on failure (no temp file remains).
Result<void> write_file_atomic(const std::string& path, std::string_view bytes);

// Full paths of the regular files directly in `dir` whose names end with `suffix` (e.g.
// ".json"), sorted by name; kNotFound if `dir` is not a folder.
Result<std::vector<std::string>> list_files(const std::string& dir, std::string_view suffix);

}  // namespace faxian
