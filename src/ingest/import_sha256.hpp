#pragma once
// The SHA-256 of a file as received (the batch record's `sha256`), read in bounded memory.

#include <string>

#include "common/error.hpp"

namespace faxian::ingest {

// Lower-case hex SHA-256 of the file at `path`, streamed in 1 MiB blocks. kNotFound when the
// file does not exist, kIo when it cannot be read.
Result<std::string> file_sha256(const std::string& path);

}  // namespace faxian::ingest
