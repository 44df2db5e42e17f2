#pragma once
// Random-access bytes behind a CSV reader: a file read with pread (no whole-file buffering,
// files may be many GB) or bytes held in memory. Used only by the readers.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/error.hpp"

namespace faxian::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `size` bytes starting at `offset` into `out`: the count copied (0 at or past
  // the end), or kIo when the file cannot be read.
  virtual Result<size_t> read_at(int64_t offset, char* out, size_t size) = 0;
  // Total size in bytes.
  virtual int64_t size() const = 0;
};

// Opens a regular file for reading: kNotFound if absent, kIo otherwise (a folder, no access).
Result<std::unique_ptr<ByteSource>> open_file_source(const std::string& path);
// Bytes in memory, owned by the source.
std::unique_ptr<ByteSource> make_memory_source(std::string bytes);

}  // namespace faxian::ingest
